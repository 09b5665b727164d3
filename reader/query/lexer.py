"""Query text -> tokens: cleaning the text, then splitting it into words, phrases and filters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from reader.query.model import QueryError


@dataclass(frozen=True)
class Token:
    """One term of the query as written: `raw`, and its sign, filter key and value."""

    raw: str
    negated: bool
    key: str | None
    value: str
    prefix: bool = False

    @property
    def is_or(self) -> bool:
        return self.raw == "OR"

    @property
    def is_word(self) -> bool:
        """A word or phrase to look for (not a filter, not excluded, not OR)."""
        return self.key is None and not self.negated and not self.is_or


def clean(text: str) -> str:
    """Every kind of space as " ", controls as " ", invisible format characters dropped.

    A NUL would end an FTS5 string early (an FTS5 syntax error), a lone surrogate cannot be
    encoded for SQLite, and a line separator would break the one-line error messages.
    """
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace() or category == "Cc":
            out.append(" ")
        elif category not in ("Cf", "Cs"):
            out.append(char)
    return "".join(out)


_KEY = re.compile(r"([A-Za-z]+):")


def clip(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters with an ellipsis, for quoting it in an error."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_tokens(text: str) -> Iterator[Token]:
    """Split on spaces; a quote runs to the next quote; a closing quote ends the token."""
    i, end = 0, len(text)
    while True:
        while i < end and text[i] == " ":
            i += 1
        if i == end:
            return
        start = i
        negated = text[i] == "-" and i + 1 < end and text[i + 1] != " "
        i += negated
        key = None
        if match := _KEY.match(text, i):
            key, i = match.group(1).lower(), match.end()
        prefix = False
        if i < end and text[i] == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise QueryError(f"unclosed quote in {clip(text[start:].rstrip())}")
            value, i = text[i + 1 : close], close + 1
            while key is None and i < end and text[i] == "*":
                prefix, i = True, i + 1
        else:
            stop = i
            while stop < end and text[stop] not in ' "':
                stop += 1
            value, i = text[i:stop], stop
            if key is None and value.endswith("*"):
                value, prefix = value.rstrip("*"), True
        yield Token(text[start:i], negated, key, value, prefix)
