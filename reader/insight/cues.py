"""The words around a name that hint at what it names, scored per mention.

"former Google CEO Eric Schmidt", "Meta's chief scientist", "offices in Paris": each cue adds
weight to person, organisation or place for that one mention; `entities` sums them per name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import reader.insight.weights as W

from .lexicon import ROLE_NOUNS, SPEECH_VERBS
from .sentences import Sentence

PERSON, ORG, PLACE = "person", "organisation", "place"

_ORG_NOUNS = frozenset(
    """company firm startup start-up group brand retailer maker giant network newspaper
    broadcaster affiliate outlet magazine agency bank insurer airline carrier club team side
    university charity organization organisation party publisher studio label manufacturer
    app platform website site service lab fund conglomerate corporation operator developer
    chain supplier regulator ministry backer venture union league band""".split()
)
# German writes the kind of organisation as a capitalised compound right before its name.
ORG_NOUN_ENDINGS = ("konzern", "unternehmen", "hersteller", "firma", "gesellschaft",
                     "gewerkschaft", "verband", "partei", "gruppe", "bank", "behörde",
                     "ministerium", "zeitung", "sender")
# What only a person has: "Lily's mother", "Nowsch's attorney" (a company's is its "lawyers").
_KIN = frozenset(
    """mother father wife husband son daughter brother sister parents children family
    girlfriend boyfriend fiance fiancee partner widow grandmother grandfather uncle aunt
    cousin attorney lawyer agent friend friends home birthday funeral death""".split()
)
_PERSON_BEFORE = frozenset("named dubbed nicknamed said says".split())
_ORG_BEFORE = frozenset("told joined at".split())
_PLACE_BEFORE = frozenset(
    "in near nearby across outside throughout visited visiting capital".split()
)
_PLACE_WEAK_BEFORE = frozenset("from towards into around".split())
"""People come "from" and go "into" things too; these only tip a close call."""
_PLACE_PAIRS = frozenset(
    """based in|offices in|office in|headquartered in|born in|moved to|flew to|traveled to|
    travelled to|returned to|arrived in|city of|town of|village of|state of|province of|
    region of""".replace("\n", "").split("|")
)
_ORG_PAIRS = frozenset("co-led by|backed by|funded by|acquired by|owned by|bought by".split("|"))
_CREDIT_PAIRS = frozenset(
    """reporting by|editing by|written by|writing by|photographed by|photo by|photos by|
    illustration by|illustrations by|interview by|translated by|compiled by""".replace(
        "\n", "").replace("    ", "").split("|")
)
_OPENING_PREPOSITIONS = frozenset(
    "according in for at after like unlike as with from on under despite during since before "
    "by to among".split()
)
_TICKER_AFTER = re.compile(r"\s\((?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|(?:NYSE|NASDAQ|LSE|TSX|ASX)"
                           r":\s?[A-Z.]{1,6})\)")
_ARTICLES = frozenset("a an the his her its their".split())
_PLACE_APPOSITION = frozenset("capital city country state town village".split())
_PUNCTUATION = ".,;:!?\"'“”‘’()[]—–"
_CONTEXT = 60
"""Characters either side of a mention that its cues look at."""


@dataclass(slots=True)
class Mention:
    """One occurrence of a capitalised name in a sentence."""

    text: str
    sentence: Sentence
    start: int
    end: int
    initial: bool
    """The name opens its sentence, so its capital letter proves nothing."""
    scores: dict[str, float] = field(default_factory=dict)

    def add(self, kind: str, weight: float) -> None:
        self.scores[kind] = self.scores.get(kind, 0.0) + weight


def _is_role(word: str) -> bool:
    """A job or role noun, singular or plural: "spokesman", "journalists"."""
    return word in ROLE_NOUNS or (len(word) > 3 and word.endswith("s") and word[:-1] in ROLE_NOUNS)


def _introduces(before: str) -> bool:
    """Whether the sentence so far is an opening phrase ("According to", "In", "For")."""
    opening = before.split(" ", 1)[0].lower()
    return opening in _OPENING_PREPOSITIONS and "," not in before


def score_context(mention: Mention, text: str) -> None:
    """Add the cue weights that the words around the mention give it."""
    before = text[max(0, mention.start - _CONTEXT) : mention.start]
    after = text[mention.end : mention.end + _CONTEXT]
    if before.endswith(", ") and before.split()[-1].strip(_PUNCTUATION).lower() in ROLE_NOUNS:
        mention.add(PERSON, W.ROLE_BEFORE)  # "the nation's home minister, Rajnath Singh"
    elif before.endswith(" ") and before.rstrip()[-1:].isalnum():
        words = [w.strip(_PUNCTUATION).lower() for w in before.split()[-3:]]
        prev = words[-1] if words else ""
        pair = " ".join(words[-2:])
        if _is_role(prev):
            mention.add(PERSON, W.ROLE_BEFORE)
        elif prev in _PERSON_BEFORE or pair == "according to":
            mention.add(PERSON, W.SAID_BEFORE if prev in {"said", "says", "to"}
                        else W.NAMED_BEFORE)
        elif prev in _ORG_NOUNS or prev.endswith(ORG_NOUN_ENDINGS):
            mention.add(ORG, W.ORG_NOUN_BEFORE)
        elif prev in _ORG_BEFORE:
            mention.add(ORG, W.ORG_VERB_BEFORE)
        elif pair in _ORG_PAIRS:
            mention.add(ORG, W.ORG_PAIR_BEFORE)
        elif pair in _CREDIT_PAIRS:
            mention.add(PERSON, W.CREDIT_BEFORE)  # "(Reporting by Indulal PM; Editing by ...)"
        if pair in _PLACE_PAIRS or prev in _PLACE_BEFORE or (
            prev == "the" and len(words) > 1 and words[-2] in _PLACE_BEFORE
        ):
            mention.add(PLACE, W.PLACE_BEFORE)
        elif prev in _PLACE_WEAK_BEFORE:
            mention.add(PLACE, W.PLACE_WEAK_BEFORE)
    if not after:
        return
    head = after[0]
    if head == ",":
        if _introduces(text[: mention.start]):
            return  # "According to WWD, the pop star ...": the comma ends the opening phrase
        words = [w.strip(_PUNCTUATION).lower() for w in after[1:].split()[:5]]
        if words and words[0].isdigit() and re.match(r",\s*\d{1,3},", after):
            mention.add(PERSON, W.AGE_AFTER)  # "Jolie, 39, carries"
        elif words and words[0] in {"who", "whose"}:
            mention.add(PERSON, W.WHO_AFTER)
        elif words and words[0] == "which":
            mention.add(ORG, W.WHICH_AFTER)  # "Greenline Ferries, which runs": not a person
        elif words and words[0] in _ARTICLES:
            rest = words[1:5]
            if any(w in ROLE_NOUNS for w in rest):
                mention.add(PERSON, W.APPOSITION)
            elif any(w in _ORG_NOUNS for w in rest):
                mention.add(ORG, W.APPOSITION)
            elif any(w in _PLACE_APPOSITION for w in rest[:2]):
                mention.add(PLACE, W.APPOSITION)
        return
    if head in "'’" and after[1:2] == "s":
        words = [w.strip(_PUNCTUATION).lower() for w in after[2:].split()[:3]]
        if words and words[0] in _KIN:
            mention.add(PERSON, W.POSSESSIVE_KIN)  # "Lily's mother", "Nowsch's attorney"
        elif words and (words[0] in ROLE_NOUNS or words[0] in {"former", "new", "own", "top"}
                        and len(words) > 1 and words[1] in ROLE_NOUNS):
            mention.add(ORG, W.POSSESSIVE_ROLE)  # "Meta's former chief AI scientist"
        return
    if head == " ":
        words = [w.strip(_PUNCTUATION) for w in after.split()[:2]]
        nxt = words[0] if words else ""
        if _TICKER_AFTER.match(after):
            mention.add(ORG, W.TICKER_AFTER)  # "Lanco Infratech (LAIN.NS) rose"
        elif nxt in {"who", "whose"}:
            mention.add(PERSON, W.WHO_AFTER)
        elif nxt.lower() in SPEECH_VERBS and nxt.islower():
            mention.add(PERSON, W.SPEECH_AFTER)  # organisations "say" things too
        elif nxt in ROLE_NOUNS and len(words) > 1 and words[1][:1].isupper():
            mention.add(ORG, W.EMPLOYER_BEFORE_ROLE)  # "Bolton midfielder Fabrice Muamba"
        elif len(words) > 1 and nxt.islower() and words[1] in _ORG_NOUNS:
            mention.add(ORG, W.ORG_NOUN_AFTER)  # "Xinhua news agency", "Roman fashion label"
        elif nxt in _ORG_NOUNS or nxt in {"CEO", "CFO", "CTO", "chief", "founder", "co-founder",
                                          "cofounder", "spokesman", "spokeswoman"}:
            mention.add(ORG, W.ORG_NOUN_AFTER)
