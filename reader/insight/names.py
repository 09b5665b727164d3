"""Capitalised name candidates in a sentence, with the context cues that hint at their kind.

A candidate is a run of capitalised words ("Cathay Innovation", "Bank of America"); titles are
split off ("former Google CEO Eric Schmidt" gives "Google" and "Eric Schmidt"), and each
mention gets scores for person / organisation / place from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Lexicon
from .lexicon import (
    EVENT_HEADS,
    KEPT_TITLES,
    NAME_CONNECTORS,
    ORG_SUFFIXES,
    PLACE_HEADS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
)
from .sentences import Sentence

PERSON, ORG, PLACE = "person", "organisation", "place"

# Uppercase letters of the Latin scripts; "eBay"-style inner capitals count as capitalised too.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_CAP_TOKEN = rf"(?:[{_UPPER}]|[a-z]{{1,2}}[A-Z])(?:[\w&]|['’.\-](?=[^\W_]))*\.?"
_CONNECTOR = "|".join(sorted((re.escape(w) for w in NAME_CONNECTORS), key=len, reverse=True))
_RUN = re.compile(rf"(?<![\w'’-]){_CAP_TOKEN}(?: (?:(?:{_CONNECTOR}) )?{_CAP_TOKEN})*")
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
    king queen prince princess pope sheikh ayatollah inspector admiral""".split()
)
_TITLE_MODIFIERS = frozenset(
    """vice deputy prime foreign defense defence interior finance health home attorney acting
    former chief executive senior u.s. us state first""".split()
)
_ORG_NOUNS = frozenset(
    """company firm startup start-up group brand retailer maker giant network newspaper
    broadcaster affiliate outlet magazine agency bank insurer airline carrier club team side
    university charity organization organisation party publisher studio label manufacturer
    app platform website site service lab fund conglomerate corporation operator developer
    chain supplier regulator ministry backer venture union league band""".split()
)
_PERSON_BEFORE = frozenset("named dubbed nicknamed said says".split())
_ORG_BEFORE = frozenset("told joined at".split())
_PLACE_BEFORE = frozenset(
    """in from near across outside throughout towards into around visited visiting
    capital""".split()
)
_PLACE_PAIRS = frozenset(
    """based in|offices in|office in|headquartered in|born in|moved to|flew to|traveled to|
    travelled to|returned to|arrived in|city of|town of|village of|state of|province of|
    region of""".replace("\n", "").split("|")
)
_ORG_PAIRS = frozenset("co-led by|backed by|funded by|acquired by|owned by|bought by".split("|"))
_ARTICLES = frozenset("a an the his her its their".split())
_PLACE_APPOSITION = frozenset("capital city country state town village".split())
_WORDS = re.compile(r"[\w'’-]+")
_MAX_RUN = 6
_SINGLE_JUNK = SENTENCE_STARTERS | _CORE_TITLES | ROLE_NOUNS
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


def _is_abbreviation(token: str) -> bool:
    """A token whose full stop belongs to it: "U.S.", "Dr.", the "S." of "Ulysses S. Grant"."""
    body = token[:-1]
    return "." in body or token.lower() in _CORE_TITLES or (len(body) == 1 and body.isupper())


def _runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Maximal runs of capitalised tokens joined by single spaces or name connectors."""
    runs: list[list[tuple[str, int, int]]] = []
    for match in _RUN.finditer(text):
        current: list[tuple[str, int, int]] = []
        at = match.start()
        for token in match.group().split(" "):
            start, end = at, at + len(token)
            at = end + 1
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
            if stop or _POSSESSIVE.search(token):
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


def _strip(token: str) -> str:
    return _POSSESSIVE.sub("", token) if ("'" in token or "’" in token) else token


def _split_titles(run: list[tuple[str, int, int]]) -> list[tuple[list[tuple[str, int, int]], str, float, str]]:
    """Split "Google CEO Eric Schmidt" into (Google, org cue) and (Eric Schmidt, person cue)."""
    words = [_strip(t).lower() for t, _, _ in run]
    core = [i for i, w in enumerate(words) if w in _CORE_TITLES]
    if not core:
        return [(run, "", 0.0, "")]
    first = core[0]
    while first > 0 and words[first - 1] in _TITLE_MODIFIERS:
        first -= 1
    last = core[-1]
    if words[last:last + 3] == ["secretary", "of", "state"]:
        last += 2
    parts: list[tuple[list[tuple[str, int, int]], str, float, str]] = []
    if first > 0:
        parts.append((run[:first], ORG, 1.5, ""))
    name = run[last + 1 :]
    while name and name[0][0].lower() in NAME_CONNECTORS:
        name = name[1:]
    if name and not any(w in ORG_SUFFIXES or w in PLACE_HEADS for w in words[last + 1 :]):
        kept = words[last] if words[last] in KEPT_TITLES and last == first else ""
        parts.append((name, PERSON, 3.0, run[last][0] if kept else ""))
    elif name:
        parts.append((run[first:], "", 0.0, ""))
    return parts


def find_mentions(sentence: Sentence, lexicon: Lexicon) -> list[Mention]:
    """Name candidates in one sentence, with context cues scored; junk already dropped."""
    text = sentence.text
    mentions: list[Mention] = []
    for run in _runs(text):
        if len(run) == 1 and run[0][0].lower() in _SINGLE_JUNK:
            continue  # the commonest case by far: "The", "He", "But"
        opens = text[max(0, run[0][1] - 3) : run[0][1]].rstrip()
        initial = opens == "" or opens[-1] in "\"“‘:" or opens.endswith(("--", "—", "–"))
        # Capitalised function words ("The", "If", "While") are not part of a name.
        while run and run[0][0].lower() in SENTENCE_STARTERS and not _known(run, lexicon):
            run = run[1:]
            initial = False  # what follows a capitalised "The" is capitalised for itself
        if not run or len(run) > _MAX_RUN:
            continue
        hyphen = _HYPHEN_CUE.match(run[-1][0]) if len(run) == 1 else None
        if hyphen:
            base, suffix = hyphen.groups()
            end = run[0][1] + len(base)
            m = Mention(base, sentence, run[0][1], end, initial)
            if _HYPHEN_KIND[suffix]:
                m.add(_HYPHEN_KIND[suffix], 3.0)
            if _keep(m, lexicon):
                mentions.append(m)
            continue
        parts = [(run, "", 0.0, "")] if _known(run, lexicon) else _split_titles(run)
        for part, kind, weight, kept in parts:
            start, end = part[0][1], part[-1][2]
            shown = " ".join(_strip(t) for t, _, _ in part)
            if kept:
                shown = f"{kept} {shown}"
            shown = shown.rstrip(".") if not re.search(r"\.\w\.$", shown) else shown
            m = Mention(shown, sentence, start, end, initial and part is run)
            if not _keep(m, lexicon):
                continue
            if kind:
                m.add(kind, weight)
            _score_context(m, text)
            mentions.append(m)
    return mentions


def _known(run: list[tuple[str, int, int]], lexicon: Lexicon) -> bool:
    whole = " ".join(_strip(t) for t, _, _ in run).lower()
    return whole in lexicon.orgs or whole in lexicon.places


def _score_context(mention: Mention, text: str) -> None:
    before, after = text[max(0, mention.start - _CONTEXT) : mention.start], text[mention.end :][:_CONTEXT]
    if before.endswith(" "):
        words = [w.lower() for w in _WORDS.findall(before)[-3:]]
        prev = words[-1] if words else ""
        pair = " ".join(words[-2:])
        if prev in ROLE_NOUNS:
            mention.add(PERSON, 2.5)
        elif prev in _PERSON_BEFORE or pair == "according to":
            mention.add(PERSON, 1.0 if prev in {"said", "says", "to"} else 1.5)
        elif prev in _ORG_NOUNS:
            mention.add(ORG, 2.0)
        elif prev in _ORG_BEFORE:
            mention.add(ORG, 0.8)
        elif pair in _ORG_PAIRS:
            mention.add(ORG, 0.5)
        if pair in _PLACE_PAIRS or prev in _PLACE_BEFORE or (
            prev == "the" and len(words) > 1 and words[-2] in _PLACE_BEFORE
        ):
            mention.add(PLACE, 1.0)
    if not after:
        return
    head = after[0]
    if head == ",":
        words = [w.lower() for w in _WORDS.findall(after[:_CONTEXT])[:5]]
        if words and words[0].isdigit() and re.match(r",\s*\d{1,3},", after):
            mention.add(PERSON, 3.0)  # "Jolie, 39, carries"
        elif words and words[0] in {"who", "whose"}:
            mention.add(PERSON, 2.0)
        elif words and words[0] in _ARTICLES:
            rest = words[1:5]
            if any(w in ROLE_NOUNS for w in rest):
                mention.add(PERSON, 2.0)
            elif any(w in _ORG_NOUNS for w in rest):
                mention.add(ORG, 2.0)
            elif any(w in _PLACE_APPOSITION for w in rest[:2]):
                mention.add(PLACE, 2.0)
        return
    if head in "'’" and after[1:2] == "s":
        words = [w.lower() for w in _WORDS.findall(after[2:_CONTEXT])[:3]]
        if words and (words[0] in ROLE_NOUNS or words[0] in {"former", "new", "own", "top"}
                      and len(words) > 1 and words[1] in ROLE_NOUNS):
            mention.add(ORG, 2.0)  # "Meta's former chief AI scientist"
        return
    if head == " ":
        words = _WORDS.findall(after[:30])[:2]
        nxt = words[0] if words else ""
        if nxt in {"who", "whose"}:
            mention.add(PERSON, 2.0)
        elif nxt.lower() in SPEECH_VERBS and nxt.islower():
            mention.add(PERSON, 1.0)
        elif nxt in _ORG_NOUNS or nxt in {"CEO", "CFO", "CTO", "chief", "founder", "co-founder",
                                          "cofounder", "spokesman", "spokeswoman"}:
            mention.add(ORG, 1.5)


def _keep(mention: Mention, lexicon: Lexicon) -> bool:
    words = mention.text.lower().split()
    if not words:
        return False
    whole = " ".join(words)
    if len(words) == 1:
        word = words[0]
        if (word in lexicon.generic or word in lexicon.days_months or word in lexicon.demonyms
                or word in SENTENCE_STARTERS or word in _CORE_TITLES or word in ROLE_NOUNS
                or len(word) < 2 or word.isdigit()):
            return False
    if whole in lexicon.generic or whole in lexicon.demonyms:
        return False
    if all(w in lexicon.days_months for w in words):
        return False
    if words[-1] in EVENT_HEADS and whole not in lexicon.orgs:
        return False  # "Turing Award", "World Cup": events, not who or where
    return True
