"""The search and filter language shared by the app and the CLI: a line of text in, a `Query` out.

    is:unread tag:ai since:2026-01-01 "world models" lec* OR hinton -crypto sort:oldest

Filters (keys are case-insensitive, every term must hold):

- `is:unread`, `is:read`, `is:bookmarked` (`is:starred`); `-is:read` negates.
- `tag:NAME` (repeatable, all must match), `-tag:NAME`. Names are normalised by `normalise_tag`.
- `source:TEXT`, `feed:TEXT`: a case-insensitive substring of the article's source or its
  feed's title; `source:"Local Gazette"` for text with spaces.
- `since:DATE`, `until:DATE`: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `today`, `yesterday`, or `7d`,
  `2w`, `3m`, `1y` back from the `today` the caller passes. Days are UTC days; `until` takes in
  the whole day, month or year it names.
- `sort:date` (newest first), `sort:oldest`, `sort:title`, `sort:source`, `sort:length`
  (shortest first), `sort:relevance`. The default is relevance with words, date without.

Everything else is words to search for: `lecun`, prefixes `lec*`, phrases `"world models"`,
`a OR b` (OR binds the words on either side, before the AND between terms), `-word` to leave
out. Only an upper-case `OR` is an operator; `and`, `NOT`, `NEAR` and `or` are ordinary words.
A word with no letter or digit (`-`, `(`, `&`) is ignored, since the index holds none.

Pure: no I/O, no SQL is run, no wall clock. `to_sql` makes a WHERE fragment with `?`
parameters only, and every user word reaches FTS5 as a quoted string, so no input can make
an FTS5 syntax error.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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
_SORTS: dict[str, Sort] = {
    "date": "date",
    "newest": "date",
    "oldest": "oldest",
    "title": "title",
    "source": "source",
    "length": "length",
    "relevance": "relevance",
}
_IS_VALUES = {
    "unread": ("unread", True),
    "read": ("unread", False),
    "bookmarked": ("bookmarked", True),
    "starred": ("bookmarked", True),
}
_FILTERS = ("is", "tag", "source", "feed", "since", "until", "sort")
_SINGLE = ("source", "feed", "since", "until", "sort")
_IS_HINT = "(try is:unread, is:read, is:bookmarked)"
_SORT_HINT = "(try sort:date, sort:oldest, sort:title, sort:source, sort:length, sort:relevance)"
_DATE_HINT = "(use YYYY-MM-DD, YYYY-MM, YYYY, or 7d/2w/3m/1y)"
_OR_EXAMPLE = 'as in "lecun OR hinton"'
_EXAMPLES = {
    "is": "is:unread",
    "tag": "tag:ai",
    "source": 'source:"Local Gazette"',
    "feed": "feed:hacker",
    "since": "since:2026-01-01",
    "until": "until:7d",
    "sort": "sort:oldest",
}


def normalise_tag(name: str) -> str:
    """A tag as stored and matched: lower case, trimmed, inner spaces as `-`."""
    return "-".join(name.lower().split())


# -- reading the text ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
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


def _clean(text: str) -> str:
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


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tokens(text: str) -> Iterator[_Token]:
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
                raise QueryError(f"unclosed quote in {_clip(text[start:].rstrip())}")
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
        yield _Token(text[start:i], negated, key, value, prefix)


# -- dates -----------------------------------------------------------------------------------

_RELATIVE = re.compile(r"(\d{1,6})([dwmy])")
_ABSOLUTE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _months_back(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    if year < 1:
        raise OverflowError
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _day_range(token: _Token, today: date) -> tuple[date, date | None]:
    """The first day a DATE names, and the day after its last (None past the calendar's end)."""
    value = token.value.lower()
    try:
        if value in ("today", "yesterday"):
            first = today if value == "today" else today - timedelta(days=1)
            return first, _next_day(first)
        if match := _RELATIVE.fullmatch(value):
            count, unit = int(match.group(1)), match.group(2)
            if unit in "dw":
                first = today - timedelta(days=count * (7 if unit == "w" else 1))
            else:
                first = _months_back(today, count * (12 if unit == "y" else 1))
            return first, _next_day(first)
    except (OverflowError, ValueError):
        raise QueryError(f'{token.key}: "{_clip(token.value)}" is too far back') from None
    if match := _ABSOLUTE.fullmatch(value):
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            first = date(year, month or 1, day or 1)
        except ValueError:
            pass
        else:
            if day is not None:
                return first, _next_day(first)
            if month is not None:
                return first, _next_day(first.replace(day=calendar.monthrange(year, month)[1]))
            return first, _next_day(date(year, 12, 31))
    raise QueryError(f'{token.key}: "{_clip(token.value)}" is not a date {_DATE_HINT}')


def _next_day(day: date) -> date | None:
    return None if day == date.max else day + timedelta(days=1)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


# -- filters ---------------------------------------------------------------------------------


class _Filters:
    """The filter terms seen so far, with the token that set each one for error messages."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.values: dict[str, object] = {}
        self.seen: dict[str, _Token] = {}
        self.tags: dict[str, _Token] = {}
        self.exclude_tags: dict[str, _Token] = {}

    def add(self, token: _Token) -> None:
        key = token.key
        if key not in _FILTERS:
            raise QueryError(_unknown_filter(token))
        if not token.value.strip():
            raise QueryError(
                f'"{_clip(token.raw)}" needs a value after the colon, as in {_EXAMPLES[key]}'
            )
        if key == "is":
            self._add_is(token)
        elif key == "tag":
            self._add_tag(token)
        else:
            if token.negated:
                raise QueryError(f'"{_clip(token.raw)}": a {key}: filter cannot be negated')
            self._set(key, self._single_value(token), token)

    def _set(self, field: str, value: object, token: _Token) -> None:
        earlier = self.seen.get(field)
        if earlier is not None and self.values[field] != value:
            if field in ("unread", "bookmarked"):
                raise QueryError(f'"{_clip(token.raw)}" contradicts "{_clip(earlier.raw)}"')
            raise QueryError(
                f'two {field}: filters ("{_clip(earlier.raw)}" and "{_clip(token.raw)}"); keep one'
            )
        self.values[field], self.seen[field] = value, token

    def _add_is(self, token: _Token) -> None:
        value = token.value.lower()
        if value not in _IS_VALUES:
            raise QueryError(f'unknown filter "{_clip(token.raw)}" {_IS_HINT}')
        field, wanted = _IS_VALUES[value]
        self._set(field, wanted != token.negated, token)

    def _add_tag(self, token: _Token) -> None:
        tag = normalise_tag(token.value)
        into, other = (
            (self.exclude_tags, self.tags) if token.negated else (self.tags, self.exclude_tags)
        )
        if tag in other:
            raise QueryError(f'"{_clip(token.raw)}" contradicts "{_clip(other[tag].raw)}"')
        into.setdefault(tag, token)

    def _single_value(self, token: _Token) -> object:
        value = " ".join(token.value.split())
        if token.key == "sort":
            sort = _SORTS.get(value.lower())
            if sort is None:
                raise QueryError(f'unknown sort "{_clip(token.raw)}" {_SORT_HINT}')
            return sort
        if token.key == "since":
            return _utc(_day_range(token, self.today)[0])
        if token.key == "until":
            after = _day_range(token, self.today)[1]
            if after is None:
                raise QueryError(f'until: "{_clip(token.value)}" is too far ahead')
            return _utc(after)
        return value

    def query(self, text: str) -> Query:
        # `values` is keyed by Query's own field names, each value already checked.
        fields: dict = {"sort": "relevance" if text else "date", **self.values}
        query = Query(
            text=text, tags=tuple(self.tags), exclude_tags=tuple(self.exclude_tags), **fields
        )
        if query.since and query.until and query.since >= query.until:
            since, until = self.seen["since"].raw, self.seen["until"].raw
            raise QueryError(f'"{_clip(since)}" is after "{_clip(until)}": nothing can match')
        if query.sort == "relevance" and not text:
            raise QueryError("sort:relevance needs words to search for")
        return query


def _unknown_filter(token: _Token) -> str:
    said = f'unknown filter "{_clip(token.raw)}"'
    guess = difflib.get_close_matches(token.key or "", _FILTERS, n=1, cutoff=0.5)
    if guess == ["is"]:
        return f"{said} {_IS_HINT}"
    if guess:
        return f'{said} (did you mean "{guess[0]}:{_clip(token.value)}"?)'
    return (
        f"{said} (filters are is:, tag:, source:, feed:, since:, until:, sort:;"
        " to search for text with a colon, put it in quotes)"
    )


# -- free text -------------------------------------------------------------------------------


def _fts_term(token: _Token) -> str | None:
    """The token as a quoted FTS5 string, or None if it holds nothing the index could hold."""
    if not any(char.isalnum() for char in token.value):
        return None
    quoted = '"' + " ".join(token.value.split()).replace('"', '""') + '"'
    return quoted + "*" if token.prefix else quoted


def _or_error(before: _Token | None, after: _Token | None) -> str:
    for side, token in (("before", before), ("after", after)):
        if token is None or token.is_or:
            return f"OR needs a word {side} it, {_OR_EXAMPLE}"
        if token.key is not None:
            return f'OR joins words, not filters ("{_clip(token.raw)}"), {_OR_EXAMPLE}'
        if token.negated:
            return f'OR cannot join a left-out word ("{_clip(token.raw)}"), {_OR_EXAMPLE}'
    raise AssertionError("OR between two words is not an error")


def _fts_expression(words: list[list[_Token]], left_out: list[_Token]) -> str:
    groups = []
    for group in words:
        terms = [term for term in map(_fts_term, group) if term]
        if terms:
            groups.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
    excluded = [term for term in map(_fts_term, left_out) if term]
    if not groups:
        if excluded:
            raise QueryError(
                "a search needs at least one word to look for, not only words to leave out"
                f' ("{_clip(left_out[0].raw)}")'
            )
        raw = " ".join(token.raw for token in [*(t for g in words for t in g), *left_out])
        raise QueryError(f'nothing to search for in "{_clip(raw)}" (use letters or digits)')
    expression = " AND ".join(groups)
    if excluded:
        # One NOT of an OR: FTS5 flattens OR, where a chain of NOTs would nest ever deeper.
        not_ = excluded[0] if len(excluded) == 1 else "(" + " OR ".join(excluded) + ")"
        expression += f" NOT {not_}"
    return expression


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


# -- the API ---------------------------------------------------------------------------------


def parse_query(text: str, *, today: date) -> Query:
    """Read a query; relative dates count back from `today` (never the wall clock)."""
    if isinstance(today, datetime):
        today = today.date()
    tokens = list(_tokens(_clean(text)))
    filters = _Filters(today)
    words: list[list[_Token]] = []
    left_out: list[_Token] = []
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        if token.is_or:
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if not (before and before.is_word and after and after.is_word):
                raise QueryError(_or_error(before, after))
        elif token.key is not None:
            filters.add(token)
        elif token.negated:
            left_out.append(token)
        elif before is not None and before.is_or:
            words[-1].append(token)
        else:
            words.append([token])
    fts = _fts_expression(words, left_out) if words or left_out else ""
    return filters.query(fts)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _timestamp(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def to_sql(query: Query) -> tuple[str, list[object]]:
    """A WHERE fragment over `articles a` and its `?` parameters; "1" when nothing filters.

    Needs `feeds (id, title)`, `tags (article_id, name)` and an FTS5 table `articles_fts`
    whose rowid is the article id. A naive `since`/`until` is taken as UTC.
    """
    clauses: list[str] = []
    params: list[object] = []
    if query.unread is not None:
        clauses.append("a.read = 0" if query.unread else "a.read != 0")
    if query.bookmarked is not None:
        clauses.append("a.bookmarked != 0" if query.bookmarked else "a.bookmarked = 0")
    if query.since is not None:
        clauses.append("a.sort_ts >= ?")
        params.append(_timestamp(query.since))
    if query.until is not None:
        clauses.append("a.sort_ts < ?")
        params.append(_timestamp(query.until))
    if query.source is not None:
        clauses.append("a.source LIKE ? ESCAPE '\\'")
        params.append(_like(query.source))
    if query.feed is not None:
        clauses.append("a.feed_id IN (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\\')")
        params.append(_like(query.feed))
    for tag, negate in [(t, False) for t in query.tags] + [(t, True) for t in query.exclude_tags]:
        exists = "EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.name = ?)"
        clauses.append(f"NOT {exists}" if negate else exists)
        params.append(tag)
    if query.text:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query.text)
    return " AND ".join(clauses) or "1", params


_ORDER_BY: dict[str, str] = {
    "relevance": "",
    "date": "a.sort_ts DESC, a.id DESC",
    "oldest": "a.sort_ts ASC, a.id ASC",
    "title": "a.title COLLATE NOCASE ASC, a.sort_ts DESC, a.id DESC",
    "source": "a.source COLLATE NOCASE ASC, a.sort_ts DESC, a.id DESC",
    "length": "a.reading_minutes ASC, a.sort_ts DESC, a.id DESC",
}


def order_by(query: Query) -> str:
    """The ORDER BY terms (without the keywords) over `articles a`, ending in `a.id`.

    For `sort:relevance` this is "": FTS5's `rank` exists only where the caller joins the
    index itself, as in `... JOIN articles_fts fts ON fts.rowid = a.id WHERE <to_sql> AND
    articles_fts MATCH ? ORDER BY fts.rank, a.id DESC` (passing `query.text` once more).
    """
    return _ORDER_BY[query.sort]
