"""The word lists in `data/`, read on first use.

Each list is a sorted text file, one entry a line, `#` lines are comments; entries are compared
in lowercase. `Words` stands for one or more lists (and plain sets) and reads its files the
first time something asks whether a word is in it, so importing the rules reads nothing;
`materialise` then puts the plain sets in their place for speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from types import ModuleType
from typing import TypeAlias

DATA_PACKAGE = "reader.insight"
DATA_FOLDER = "data"


def _lines(name: str) -> Iterator[str]:
    text = files(DATA_PACKAGE).joinpath(DATA_FOLDER, name).read_text(encoding="utf-8")
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield entry


@cache
def read_list(name: str) -> frozenset[str]:
    """The entries of `data/<name>`, lowercased."""
    return frozenset(entry.lower() for entry in _lines(name))


@cache
def read_pairs(name: str) -> dict[str, str]:
    """A tab-separated `data/<name>` as {first column lowercased: second column}."""
    pairs: dict[str, str] = {}
    for entry in _lines(name):
        key, _, value = entry.partition("\t")
        pairs[key.strip().lower()] = value.strip()
    return pairs


Source: TypeAlias = "str | frozenset[str] | Words"


class Words:
    """A lazily read union of word lists, used like a frozenset of lowercase words."""

    __slots__ = ("_sources", "_words")

    def __init__(self, *sources: Source) -> None:
        self._sources = sources
        self._words: frozenset[str] | None = None

    def load(self) -> frozenset[str]:
        if self._words is None:
            words: set[str] = set()
            for source in self._sources:
                if isinstance(source, str):
                    words |= read_list(source)
                elif isinstance(source, Words):
                    words |= source.load()
                else:
                    words |= source
            self._words = frozenset(words)
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in (self._words if self._words is not None else self.load())

    def __iter__(self) -> Iterator[str]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())

    def __or__(self, other: Source) -> Words:
        return Words(self, other)

    def __ror__(self, other: Source) -> Words:
        return Words(other, self)

    def intersection(self, other: Iterable[str]) -> frozenset[str]:
        return self.load().intersection(other)

    def isdisjoint(self, other: Iterable[str]) -> bool:
        return self.load().isdisjoint(other)


def materialise(*modules: ModuleType) -> None:
    """Swap each module's `Words` for the frozenset it stands for, once the lists are wanted.

    The answers are the same; a lookup in a frozenset is a fifth of the cost of one through
    `Words.__contains__`, and the rules look words up tens of thousands of times an article.
    """
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, Words):
                setattr(module, name, value.load())
