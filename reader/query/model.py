"""The parsed query: `Query`, its sorts and errors, and a short description of it for display."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

Sort = Literal["relevance", "date", "oldest", "title", "source", "length"]


class QueryError(ValueError):
    """The query cannot be understood; the message is one line naming the offending part."""


@dataclass(frozen=True)
class Query:
    """A parsed search: filters, an FTS5 MATCH expression and an order."""

    text: str = ""
    """The FTS5 MATCH expression; "" means no text search."""
    unread: bool | None = None
    """True: only unread; False: only read; None: either."""
    bookmarked: bool | None = None
    """True: only bookmarked; False: only not bookmarked; None: either."""
    tags: tuple[str, ...] = ()
    """Normalised tags the article must all carry."""
    exclude_tags: tuple[str, ...] = ()
    """Normalised tags the article must carry none of."""
    source: str | None = None
    """A case-insensitive substring of the article's source."""
    feed: str | None = None
    """A case-insensitive substring of the article's feed title."""
    since: datetime | None = None
    """UTC, inclusive: the range is [since, until)."""
    until: datetime | None = None
    """UTC, exclusive: the start of the day after the last day asked for."""
    sort: Sort = "date"

    def is_empty(self) -> bool:
        """True when the query is the default: no filter, no text, newest first."""
        return self == Query()

    def describe(self) -> str:
        """A short label for a border or a status line, e.g. `unread · tag:ai · “lecun”`."""
        parts: list[str] = []
        if self.unread is not None:
            parts.append("unread" if self.unread else "read")
        if self.bookmarked is not None:
            parts.append("bookmarked" if self.bookmarked else "not bookmarked")
        parts += [f"tag:{tag}" for tag in self.tags]
        parts += [f"-tag:{tag}" for tag in self.exclude_tags]
        if self.source is not None:
            parts.append(f"source “{self.source}”")
        if self.feed is not None:
            parts.append(f"feed “{self.feed}”")
        if self.since is not None:
            parts.append(f"since {self.since.date().isoformat()}")
        if self.until is not None:
            parts.append(f"until {(self.until - timedelta(days=1)).date().isoformat()}")
        if self.text:
            parts.append(_describe_text(self.text))
        if self.sort != ("relevance" if self.text else "date"):
            parts.append(_SORT_LABELS[self.sort])
        return " · ".join(parts) or "all articles"


_SORT_LABELS: dict[str, str] = {
    "relevance": "best match first",
    "date": "newest first",
    "oldest": "oldest first",
    "title": "by title",
    "source": "by source",
    "length": "shortest first",
}


def normalise_tag(name: str) -> str:
    """A tag as stored and matched: lower case, trimmed, inner spaces as `-`."""
    return "-".join(name.lower().split())


_FTS_TOKEN = re.compile(r'"(?:[^"]|"")*"\*?|[()]|AND|OR|NOT')


def _describe_text(expression: str) -> str:
    """Our own FTS5 expression back as `“a” (“b” OR “c”*) -“d”`."""
    pieces: list[str] = []
    left_out, open_paren = False, False
    for match in _FTS_TOKEN.finditer(expression):
        part = match.group()
        if part == "NOT":
            left_out = True
        elif part.startswith('"'):
            prefix = part.endswith("*")
            inner = part[1 : -2 if prefix else -1].replace('""', '"')
            piece = ("-" if left_out else "") + f"“{inner}”" + ("*" if prefix else "")
            pieces.append(("(" if open_paren else "") + piece)
            open_paren = False
        elif left_out or part == "AND":
            continue
        elif part == "(":
            open_paren = True
        elif part == ")":
            pieces[-1] += ")"
        else:
            pieces.append(part)
    return " ".join(pieces)
