"""Sentence splitting, and the article as a flat list of sentences that know where they live."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reader.models import Article

UnitKind = Literal["paragraph", "bullet", "question", "answer", "quote"]

UNIT_RANK: dict[str, int] = {"paragraph": 0, "answer": 1, "quote": 2, "bullet": 3, "question": 4}
"""Where a fact is best pointed at: running text first, asides and questions last."""

# Abbreviations after which a full stop almost never ends the sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st gen col lt sgt capt cmdr adm gov sen rep rev hon vs v no nos fig vol
    pp approx dept mt ft jan feb mar apr jun jul aug sep sept oct nov dec ca cf al
    """.split()
)
# Months abbreviated stop a sentence only when no day number follows; "No. 1" likewise.
_BEFORE_NUMBER = frozenset(
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec vol fig pp".split()
)
# Words that start a new sentence even after "U.S." or "a.m.", where the stop is ambiguous.
_CLEAR_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their this that these those but and so yet
    in on at for after before when while if as there here what who why how one some many
    meanwhile however now then still also
    """.split()
)

_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»“)\]]*(?=\s)|\n+")
_WORDS = re.compile(r"[^\W_]+")
_NEXT_WORD = re.compile(r"[\"“‘'(\[«„]*([\w']+)")
_QUOTE = re.compile(r"[\"“”«»„]")
_MAX_QUOTE_HOLD = 400
"""A quote longer than this is split like plain text: it is more likely an unbalanced mark."""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Start and end (exclusive, after the closing mark) of each balanced double quote."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = ""
    for match in _QUOTE.finditer(text):
        i = match.start()
        mark = match.group()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark in "«„":
            opening = True
        elif mark in "»”":
            opening = False
        elif mark == "“":
            opening = opener != "„"  # German quotes open low and close with this mark
        else:
            # A straight quote opens where it follows a space or bracket and hugs a word.
            opening = (before.isspace() or before in "([{—–-/:") and not after.isspace()
            if open_at is None and not opening and before.isspace():
                opening = True
        if opening:
            open_at, opener = i, mark  # an earlier unclosed mark is abandoned: never balanced
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
    return spans


def _is_boundary(text: str, punct_start: int, end: int, next_at: int) -> bool:
    if next_at >= len(text):
        return True
    nxt = text[next_at]
    if nxt in "\"“‘'([«„":
        following = text[next_at + 1 : next_at + 2]
        if not following or not (following.isupper() or following.isdigit()):
            return False
    elif not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[punct_start] != "." or text[punct_start:end].startswith(".."):
        return True
    word_start = max(text.rfind(" ", 0, punct_start), text.rfind("\n", 0, punct_start)) + 1
    word = text[word_start:punct_start].lstrip("\"“‘'([")
    if not word:
        return True
    bare = word.lower()
    next_word = _NEXT_WORD.match(text, next_at)
    next_lower = next_word.group(1).lower() if next_word else ""
    if bare in _BEFORE_NUMBER:
        return not nxt.isdigit()
    if bare in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial, as in "Ulysses S. Grant"
    if "." in word:
        # "U.S." or "a.m.": a sentence ends here only if an obvious starter follows.
        return next_lower in _CLEAR_STARTERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets (start, end) of each sentence in `text`, trimmed of surrounding space."""
    holds = [(s, e) for s, e in quote_spans(text) if e - s <= _MAX_QUOTE_HOLD]
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if match.group().startswith("\n"):
            cuts.append(match.start())
            continue
        next_at = end
        while next_at < len(text) and text[next_at].isspace():
            next_at += 1
        if any(s < match.start() and end < e for s, e in holds):
            continue  # inside a quotation that closes soon: keep the quote whole
        if _is_boundary(text, match.start(), end, next_at):
            cuts.append(end)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article, with the place it came from."""

    text: str
    section: int
    unit: tuple[int, int, int]
    """(section, block, item) of the text it was cut from; item is -1 for a paragraph,
    the bullet's index for bullets, and 0 / 1 for a question / its answer."""
    start: int
    """Offset of the sentence in its unit's text."""
    kind: UnitKind
    order: int
    """Position in the article, counting from 0."""
    words: frozenset[str]
    """The sentence's lowercase words, so cheap checks can skip costly patterns."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text sentences are cut from: a paragraph, a bullet, a question, an answer."""

    text: str
    key: tuple[int, int, int]
    kind: UnitKind


def article_units(article: Article) -> list[Unit]:
    """The article's text pieces in reading order; headings are left out."""
    units: list[Unit] = []
    for s_index, section in enumerate(article.sections):
        for b_index, block in enumerate(section.blocks):
            if block.kind == "bullets":
                for i, item in enumerate(block.items):
                    units.append(Unit(item, (s_index, b_index, i), "bullet"))
            elif block.kind == "qa":
                units.append(Unit(block.question, (s_index, b_index, 0), "question"))
                units.append(Unit(block.answer, (s_index, b_index, 1), "answer"))
            elif block.kind == "quote":
                units.append(Unit(block.text, (s_index, b_index, -1), "quote"))
            elif block.kind != "code":
                # Code is left out: its identifiers are neither names nor news.
                units.append(Unit(block.text, (s_index, b_index, -1), "paragraph"))
    return units


def article_sentences(units: list[Unit]) -> list[Sentence]:
    """Every sentence of the given units, numbered in reading order."""
    sentences: list[Sentence] = []
    for unit in units:
        for start, end in split_sentences(unit.text):
            sentences.append(
                Sentence(
                    text=unit.text[start:end],
                    section=unit.key[0],
                    unit=unit.key,
                    start=start,
                    kind=unit.kind,
                    order=len(sentences),
                    words=frozenset(_WORDS.findall(unit.text[start:end].lower())),
                )
            )
    return sentences
