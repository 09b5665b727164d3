"""What a name says about itself, before any context: the name's own votes for a kind.

"Harbourton Port Authority" is an organisation by its last word, "Mount Kenya" a place by its
first, "Mara Lindqvist" a person by her given name; "Student News" is nothing, being words the
article also writes in lowercase. `entities` adds the cues of each mention to these votes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import reader.insight.weights as W

from .cues import ORG, PERSON, PLACE
from .gazetteer import Lexicon
from .lexicon import NAME_CONNECTORS, NUMBER_WORDS, ORG_SUFFIXES, PLACE_HEADS

ORG_FIRST = frozenset(
    "university bank ministry department institute college school museum council board "
    "bureau office church federal national royal fc afc ac sc sporting athletic atletico "
    "olympique dynamo inter".split()
)
_STRONG_ORG = frozenset(
    "league association federation university bank council committee commission ministry "
    "department institute party club agency corporation company foundation society".split()
)
_PLURAL_ENDINGS = ("ies", "ches", "shes", "xes", "ings", "ments", "tions", "ances", "ences")
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest".split()
)
_PLACE_PREFIXES = frozenset(
    "north south east west northern southern eastern western central upper lower greater new "
    "republic state city kingdom gulf bay lake mount isle grand".split()
)
PLACE_FIRST = frozenset("mount mt. lake port fort saint st. san santa los las isle".split())
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_INITIALS = re.compile(r"^(?:[a-z]\.){1,3}$")
_MAX_PERSON_WORDS = 4
"""Longer runs that open with a given name are titles: "Kanye West Concert Air Bay Leaves"."""
_WEBSITE = re.compile(r"\w\.(?:com|org|net|co\.uk|io|info)$")


def name_votes(name: str, lexicon: Lexicon, common: frozenset[str]) -> dict[str, float]:
    """Votes from the name itself, before any context.

    `common` holds the words the article also writes in lowercase: a name made of those
    ("Student News", "State Standards") is a title or a body, not a person.
    """
    words = _PARENTHESIS.sub("", name).lower().split()
    whole = " ".join(words)
    scores: dict[str, float] = {}

    def vote(kind: str, weight: float) -> None:
        scores[kind] = scores.get(kind, 0.0) + weight

    if whole in lexicon.orgs:
        vote(ORG, W.KNOWN_ORG)
    if _WEBSITE.search(whole):
        vote(ORG, W.WEBSITE)
    if whole in lexicon.places or whole in lexicon.place_aliases:
        vote(PLACE, W.KNOWN_PLACE)
    if len(words) > 1:
        if words[-1] in ORG_SUFFIXES or words[0] in ORG_FIRST or _STRONG_ORG.intersection(words):
            vote(ORG, W.ORG_WORD)
        elif whole not in lexicon.places and words[-1] not in PLACE_HEADS and not (
                len(words) == 2 and words[0] in lexicon.first_names):
            # A place plus something that is no place: "San Jose Clash", "Chivas USA"; but
            # "Jordan Henderson" and "Orlando Bloom" open with a given name (see below).
            if any(" ".join(words[:i]) in lexicon.places for i in range(1, len(words))):
                vote(ORG, W.PLACE_AND_MORE)
            elif words[-1] in {"usa", "uk", "gb", "us"} or (
                    words[-1] in lexicon.cities and words[0] not in _PLACE_PREFIXES):
                vote(ORG, W.PLACE_TEAM)  # "Team USA", "Atletico Madrid", "Bayern Munich"
        if words[-1] in PLACE_HEADS or words[0] in PLACE_FIRST:
            vote(PLACE, W.PLACE_WORD)
        place_first = len(words) == 2 and words[0] in lexicon.places and (
            words[1] not in lexicon.surnames)  # "Orlando Bloom" or "Orlando Magic": unsure
        if len(words) <= _MAX_PERSON_WORDS and words[-1] not in lexicon.common_words and (
                not place_first) and (words[0] in lexicon.first_names or _INITIALS.match(
                words[0])):
            vote(PERSON, W.GIVEN_NAME)  # "Mark Cuban", "J.J. Abrams"
        if not scores and words[0] in _DIRECTIONS:
            # "South Pacific", "Northern Syria"; "West Mercia" is somewhere, if not known where.
            known = " ".join(words[1:]) in lexicon.places
            vote(PLACE, W.PLACE_WORD if known else W.DIRECTION_FIRST)
        if not scores:
            content = [w for w in words if w not in NAME_CONNECTORS]
            if common.intersection(content):
                vote(ORG, W.COMMON_WORDS)  # "Student News": words the text also writes in lowercase
            elif _person_shaped(words, lexicon, common):
                vote(PERSON, W.PERSON_SHAPED)  # two or three capitalised words with no other sign
    else:
        if whole in lexicon.first_names:
            vote(PERSON, W.GIVEN_NAME_ALONE)
        if name.isupper() and 2 <= len(name.replace(".", "")) <= 6 and PLACE not in scores:
            vote(ORG, W.ACRONYM)
    return scores


def _person_shaped(words: list[str], lexicon: Lexicon, common: frozenset[str]) -> bool:
    """Could these words be a name and surname? Not "Boarding Passes" or "Star of David"."""
    if not 2 <= len(words) <= 4 or "of" in words or "&" in words or words[0] in _DIRECTIONS:
        return False
    if any(w in lexicon.demonyms or w in NUMBER_WORDS for w in words):
        return False
    last = words[-1]
    # Surnames end in -s often enough (Reyes, Evans); only a plain plural of a noun the text
    # also uses, or a plural ending no surname has, makes the last word a common noun.
    return not (last.endswith(_PLURAL_ENDINGS) or last.endswith("s") and last[:-1] in common)


Intrinsic = Callable[[str], dict[str, float]]


def memo(lexicon: Lexicon, common: frozenset[str]) -> Intrinsic:
    """`name_votes` for one article, computed once per name."""
    cache: dict[str, dict[str, float]] = {}

    def intrinsic(name: str) -> dict[str, float]:
        if name not in cache:
            cache[name] = name_votes(name, lexicon, common)
        return cache[name]

    return intrinsic
