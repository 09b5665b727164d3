"""Capitalised name candidates in a sentence, with the context cues that hint at their kind.

A candidate is a run of capitalised words ("Cathay Innovation", "Bank of America"); titles are
split off ("former Google CEO Eric Schmidt" gives "Google" and "Eric Schmidt"), and each
mention gets scores for person / organisation / place from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import reader.insight.weights as W

from .cues import ORG, ORG_NOUN_ENDINGS, PERSON, PLACE, Mention, score_context
from .gazetteer import Lexicon, lookup
from .lexicon import (
    EVENT_HEADS,
    KEPT_TITLES,
    NAME_CONNECTORS,
    ORG_SUFFIXES,
    PLACE_HEADS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
)
from .sentences import Sentence

# Uppercase letters of the Latin scripts; "eBay"-style inner capitals count as capitalised too.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
# A trailing stop is kept for "U.S."; a plural possessive for "St James' Park".
_CAP_TOKEN = (
    rf"(?:[{_UPPER}]|[a-z]{{1,2}}[A-Z])(?:[\w&]|['’.\-](?=[^\W_]))*"
    rf"(?:\.|(?<=s)['’](?= [{_UPPER}]))?"
)


@cache
def _run_pattern() -> re.Pattern[str]:
    """Capitalised tokens joined by spaces or name connectors, built on first use."""
    connector = "|".join(sorted((re.escape(w) for w in NAME_CONNECTORS),
                                key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w'’-]){_CAP_TOKEN}(?: (?:(?:{connector}) )?{_CAP_TOKEN})*")


_POSSESSIVE = re.compile(r"['’]s?$")
_HYPHEN_CUE = re.compile(
    r"^(.+?)-(based|born|bred|raised|headquartered|listed|backed|owned|funded|led)$"
)
_HYPHEN_KIND = {"based": PLACE, "born": PLACE, "bred": PLACE, "raised": PLACE,
                "headquartered": PLACE, "listed": ORG, "backed": ORG, "owned": ORG,
                "funded": ORG, "led": ""}

# Core titles split a name off ("President Obama"); modifiers only count next to a core title.
_CORE_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor president senator sen sen.
    rep rep. representative congressman congresswoman gov gov. governor mayor judge general
    gen gen. lt lt. col col. sgt sgt. capt capt. captain officer detective sheriff coach rev
    rev. reverend father pastor rabbi imam cardinal archbishop bishop chairman chairwoman ceo
    cfo cto commissioner ambassador minister secretary chancellor premier sir dame lord lady
    king queen prince princess pope sheikh ayatollah inspector admiral principal dean
    superintendent chief m. mme mme. herr frau""".split()
)
_TITLE_MODIFIERS = frozenset(
    """vice deputy prime foreign defense defence interior finance health home attorney acting
    former chief executive senior u.s. us state first police fire army navy air force county
    city district assistant associate junior managing general""".split()
)
_MAX_RUN = 6
# Articles that open names mid-sentence in English text: "Al Arabiya", "La Stampa", "El Pais".
_FOREIGN_ARTICLES = frozenset("al el la le les los las del der die das".split())
# Abbreviations inside names: "St. Peter's Basilica", "Erich Nowsch Jr.".
_ABBREVIATIONS = _CORE_TITLES | frozenset("st. mt. ft. jr. sr.".split())
_NAME_HEADS = PLACE_HEADS | ORG_SUFFIXES
_OF_HEADS = frozenset(
    """university bank ministry department institute college school museum republic kingdom
    state city gulf bay isle duke duchess earl prince princess king queen lord star statue
    house office chamber board court church shroud gospel book order cathedral secretary
    director head president chairman bishop archbishop mayor governor chief knights sons
    daughters sisters brothers friends people war battle siege museum palace tower""".split()
)
# Function words that never occur inside a name but fill title-case headlines.
_HEADLINE_WORDS = frozenset(
    """from around with for to into about after before are is was were we're you're it's
    the a an and or but this that these those how why what when where who your our their my
    his her its you we they it in on at by than""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STORMS = frozenset("hurricane typhoon cyclone storm tropical super category".split())
_DIRECTIONS = frozenset("north south east west northern southern eastern western central".split())
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_TICKER = re.compile(r"^[A-Z0-9]{1,6}\.[A-Z]{1,3}$")
_ROMAN = re.compile(r"^[ivx]{1,4}$")
_COMPOUND = re.compile(r"^[^\W\d_]+-[a-z]+$")
_SINGLE_JUNK = SENTENCE_STARTERS | _CORE_TITLES | ROLE_NOUNS


def _is_abbreviation(token: str) -> bool:
    """A token whose full stop belongs to it: "U.S.", "Dr.", the "S." of "Ulysses S. Grant"."""
    body = token[:-1]
    return "." in body or token.lower() in _ABBREVIATIONS or (len(body) == 1 and body.isupper())


def _runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Maximal runs of capitalised tokens joined by single spaces or name connectors."""
    runs: list[list[tuple[str, int, int]]] = []
    for match in _run_pattern().finditer(text):
        found = match.group()
        if " " not in found and found.lower() in _SINGLE_JUNK:
            continue  # by far the commonest run: a capitalised "The", "He", "But"
        current: list[tuple[str, int, int]] = []
        at = match.start()
        tokens = found.split(" ")
        # "St James' Park", "St Mary's Hospital": a possessive inside a place or institution.
        whole_name = tokens[-1].rstrip(".").lower() in EVENT_HEADS or tokens[0].rstrip(".") in {
            "St", "Saint"}
        for index, token in enumerate(tokens):
            start, end = at, at + len(token)
            at = end + 1
            if token[:3] in {"Ex-", "ex-"} and len(token) > 4:
                token, start = token[3:], start + 3  # "Ex-Manchester United" names the club
            if token.endswith(".") and not _is_abbreviation(token):
                token, end = token[:-1], end - 1  # the sentence's stop, not the name's
                stop = True
            else:
                stop = False
            if _HYPHEN_CUE.match(token):
                if current:
                    runs.append(current)
                runs.append([(token, start, end)])  # "Paris-based" stands alone
                current = []
                continue
            current.append((token, start, end))
            # "King's College London", "Children's Hospital": the possessive is in the name.
            inside = whole_name or (index + 1 < len(tokens)
                                    and tokens[index + 1].lower() in _NAME_HEADS)
            if stop or (_POSSESSIVE.search(token) and not inside):
                runs.append(current)  # "Meta's" ends a name, and so does a full stop
                current = []
        if current:
            runs.append(current)
    # A connector can only sit inside a run, never at either end of one.
    cleaned: list[list[tuple[str, int, int]]] = []
    for run in runs:
        while run and run[-1][0] in NAME_CONNECTORS:
            run = run[:-1]
        while run and run[0][0] in NAME_CONNECTORS:
            run = run[1:]
        if run:
            cleaned.append(run)
    return cleaned


def _name(tokens: tuple[str, ...]) -> str:
    """The tokens as a name; only a closing possessive goes ("Meta's" but "King's College")."""
    return " ".join([*tokens[:-1], _strip(tokens[-1])]) if tokens else ""


def _strip(token: str) -> str:
    return _POSSESSIVE.sub("", token) if ("'" in token or "’" in token) else token


def _split_titles(tokens: tuple[str, ...]) -> list[tuple[int, int, str, float, str]]:
    """Split "Google CEO Eric Schmidt" into (Google, org cue) and (Eric Schmidt, person cue),
    as (first, last, kind, weight, title kept in the shown name)."""
    words = [_strip(t).lower() for t in tokens]
    # A title precedes a name, so one that ends the run ("Notre Dame") is part of the name.
    core = [i for i, w in enumerate(words[:-1]) if w in _CORE_TITLES]
    if not core:
        return [(0, len(tokens), "", 0.0, "")]
    first = core[0]
    while first > 0 and words[first - 1] in _TITLE_MODIFIERS:
        first -= 1
    last = core[-1]
    if words[last : last + 3] == ["secretary", "of", "state"]:
        last += 2
    parts: list[tuple[int, int, str, float, str]] = []
    if first > 0:
        parts.append((0, first, ORG, W.TITLE_EMPLOYER, ""))
    name = last + 1
    while name < len(tokens) and words[name] in NAME_CONNECTORS:
        name += 1
    if name < len(tokens) and not any(
            w in ORG_SUFFIXES or w in PLACE_HEADS for w in words[last + 1 :]):
        kept = tokens[last] if words[last] in KEPT_TITLES and last == first else ""
        parts.append((name, len(tokens), PERSON, W.TITLE_PERSON, kept))
    elif name < len(tokens):
        # "Lahore General Hospital", "McIntosh County Sheriff's Office": no title, one name.
        return [(0, len(tokens), "", 0.0, "")]
    return parts


@dataclass(frozen=True, slots=True)
class _Part:
    """One name a run of tokens yields, located by token indexes so it can be cached."""

    first: int
    last: int
    """Index after the last token."""
    shown: str
    trim: int
    """Characters to drop from the end: a possessive "'s", or "-based" after a place."""
    kind: str
    weight: float
    opens_run: bool
    """The part starts where the run starts, so the run's sentence-initial flag applies."""


def find_mentions(sentence: Sentence) -> list[Mention]:
    """Name candidates in one sentence, with context cues scored; junk already dropped."""
    text = sentence.text
    mentions: list[Mention] = []
    for run in _runs(text):
        opens = text[max(0, run[0][1] - 3) : run[0][1]].rstrip()
        initial = opens == "" or opens[-1] in "\"“‘:" or opens.endswith(("--", "—", "–"))
        parts = _plan(tuple(t for t, _, _ in run), initial)
        if not parts:
            continue
        for part in parts:
            m = Mention(part.shown, sentence, run[part.first][1],
                        run[part.last - 1][2] - part.trim, initial and part.opens_run)
            if part.kind:
                m.add(part.kind, part.weight)
            score_context(m, text)
            mentions.append(m)
    return mentions


@lru_cache(maxsize=8192)
def _plan(tokens: tuple[str, ...], initial: bool = True) -> tuple[_Part, ...]:
    """The names in a run of capitalised tokens: a pure function of the words, so cached."""
    lexicon = lookup()
    if len(tokens) == 1 and tokens[0].lower() in _SINGLE_JUNK:
        return ()  # the commonest case by far: "The", "He", "But"
    first, last = 0, len(tokens)
    # Capitalised function words ("The", "If", "While") are not part of a name.
    while first < last and tokens[first].lower() in SENTENCE_STARTERS and not _known(
            tokens[first:last], lexicon) and (initial or last - first < 2 or (
            tokens[first].lower() not in _FOREIGN_ARTICLES)):
        first += 1
    while last - first > 1 and tokens[first].lower() in _WEEKDAYS:
        first += 1  # "Friday Scholes"
    role = last - first > 1 and tokens[first].lower() in ROLE_NOUNS and (
        tokens[first + 1] not in NAME_CONNECTORS) and not _known(tokens[first:last], lexicon)
    if role:
        first += 1  # "Owner Priya Nair"
    first += _lead_in(tokens[first:last], lexicon)
    if last - first > 1 and _COMPOUND.match(tokens[first]) and not _HYPHEN_CUE.match(
            tokens[first]):
        first += 1  # "Spice-loving Brits": the compound describes, it does not name
    while last > first and tokens[last - 1].lower() in lexicon.days_months and not (
            last - first == 2 and tokens[first].lower() in lexicon.first_names
            and tokens[last - 1].lower() not in _WEEKDAYS):
        last -= 1  # "Athletic Bilbao Saturday", but "Theresa May" and "Mark May" are people
    if not 0 < last - first <= _MAX_RUN:
        return ()
    words = [t.lower() for t in tokens[first:last]]
    if any(w in _HEADLINE_WORDS for w in words[1:]) or words[0] in _STORMS:
        return ()  # a title-case headline, or "Tropical Cyclone Pam"
    parts: list[_Part] = []
    if last - first == 1:
        hyphen = _HYPHEN_CUE.match(tokens[first])
        if hyphen:
            base, suffix = hyphen.groups()
            trim = len(tokens[first]) - len(base)
            parts.append(_Part(first, last, base, trim, _HYPHEN_KIND[suffix], W.HYPHEN_CUE,
                               first == 0))
            return tuple(p for p in parts if _keep(p.shown, lexicon))
    if "&" in words:
        at = first + words.index("&")
        if _known(tokens[first:at], lexicon) and _known(tokens[at + 1 : last], lexicon):
            parts.append(_part(tokens, first, at, "", 0.0, first == 0))
            first = at + 1  # "Facebook & Google" are two
    at = _split_of(tokens[first:last], lexicon)
    if at:
        parts.append(_part(tokens, first + at + 1, last, "", 0.0, False))
        last = first + at
    if _known(tokens[first:last], lexicon):
        pieces = [(first, last, "", 0.0, "")]
    else:
        pieces = [(first + a, first + b, kind, weight, kept) for a, b, kind, weight, kept
                  in _split_titles(tokens[first:last])]
    for i, (a, b, kind, weight, kept) in enumerate(pieces):
        part = _part(tokens, a, b, kind, weight, a == 0 and len(pieces) == 1, kept)
        if role and i == len(pieces) - 1:
            part = _Part(part.first, part.last, part.shown, part.trim, PERSON,
                         part.weight + W.ROLE_FIRST if part.kind == PERSON else W.ROLE_FIRST,
                         part.opens_run)
        parts.append(part)
    return tuple(p for p in parts if _keep(p.shown, lexicon))


def _part(tokens: tuple[str, ...], first: int, last: int, kind: str, weight: float,
          opens_run: bool, kept: str = "") -> _Part:
    shown = _name(tokens[first:last])
    if kept:
        shown = f"{kept} {shown}"
    if not re.search(r"\.\w\.$", shown):
        shown = shown.rstrip(".")
    possessive = _POSSESSIVE.search(tokens[last - 1])
    trim = len(possessive.group()) if possessive else 0  # the cue after "Meta's" is at "'s"
    return _Part(first, last, shown, trim, kind, weight, opens_run)


def _lead_in(tokens: tuple[str, ...], lexicon: Lexicon) -> int:
    """How many capitalised nouns lead into a name: "Vorstandschef Roland Busch",
    "Gewerkschaft IG Metall". English lowercases such nouns; German does not."""
    if len(tokens) < 2 or _known(tokens, lexicon):
        return 0
    first = tokens[0].lower()
    if first.endswith(ORG_NOUN_ENDINGS) and first not in lexicon.orgs:
        return 1
    lowered = [t.lower() for t in tokens]
    for i in range(1, len(tokens) - 1):
        if lowered[i] in lexicon.first_names and lowered[i - 1] not in lexicon.first_names and (
                not _known(tokens[:i], lexicon)) and not _known(tokens[: i + 1], lexicon) and (
                not any(w in _NAME_HEADS or w in NAME_CONNECTORS or w in _CORE_TITLES
                        for w in lowered[:i])):
            return i  # a title before the name is left to _split_titles, which keeps "Google"
    return 0


def _split_of(tokens: tuple[str, ...], lexicon: Lexicon) -> int:
    """Where to cut "Jean-Michel Aulas of Lyon" in two (the index of "of"), or 0 to leave
    "Bank of America" whole."""
    words = [t.lower() for t in tokens]
    if "of" not in words[1:-1]:
        return 0
    at = words.index("of", 1)
    right = tokens[at + 1 :]
    if words[at - 1] in _OF_HEADS or words[at - 1] in _NAME_HEADS:
        return 0  # "Bank of America", "Duke of Edinburgh", "Gospel of Luke"
    if not (_known(right, lexicon) or right[-1].lower() in _NAME_HEADS
            or any(t.isupper() and len(t) > 1 for t in right)):
        return 0
    return at


def _known(tokens: tuple[str, ...], lexicon: Lexicon) -> bool:
    whole = _name(tokens).lower()
    return whole in lexicon.orgs or whole in lexicon.places


def _keep(shown: str, lexicon: Lexicon) -> bool:
    """Whether a candidate name is worth keeping at all, whatever its context."""
    words = shown.lower().split()
    if not words:
        return False
    whole = " ".join(words)
    if len(words) == 1:
        word = words[0]
        if (word in lexicon.generic or word in lexicon.days_months or word in lexicon.demonyms
                or word in SENTENCE_STARTERS or word in _CORE_TITLES or word in ROLE_NOUNS
                or len(word) < 2 or word.isdigit()):
            return False
    parts = [p for w in words for p in w.split("-")]
    if whole in lexicon.generic or all(w in lexicon.demonyms or w in _DIRECTIONS for w in parts):
        return False  # "Northern Irishman", "African-American"
    if _PLURAL_ACRONYM.match(shown):
        return False  # "LLMs", "DPs": a kind of thing, not a name
    if _TICKER.match(shown):
        return False  # "LART.NS", "RELI.NS": a stock's code
    known = whole in lexicon.orgs or whole in lexicon.places
    if not known and any(c.isdigit() for c in shown):
        return False  # "Windows 11", "FA Rule E1": products and rules, not who or where
    if not known and len(words) > 1 and shown.isupper():
        return False  # "ROLL CALL": a shouted heading, not a name
    if all(w in lexicon.days_months for w in words):
        return False
    head = words[-2] if len(words) > 1 and _ROMAN.match(words[-1]) else words[-1]
    if head in EVENT_HEADS and whole not in lexicon.orgs:
        return False  # "Turing Award", "World War II": events, not who or where
    if len(words) == 1 and words[0] in _NAME_HEADS and not known:
        return False  # "Journal", "University": the head of a name, alone
    return True
