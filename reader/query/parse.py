"""Tokens -> `Query`: filters checked one by one, words joined into an FTS5 expression."""

from __future__ import annotations

import difflib
from datetime import date, datetime

from reader.query.dates import day_range, utc
from reader.query.lexer import Token, clean, clip, split_tokens
from reader.query.model import Query, QueryError, Sort, normalise_tag

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


# -- filters ---------------------------------------------------------------------------------


class _Filters:
    """The filter terms seen so far, with the token that set each one for error messages."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.values: dict[str, object] = {}
        self.seen: dict[str, Token] = {}
        self.tags: dict[str, Token] = {}
        self.exclude_tags: dict[str, Token] = {}

    def add(self, token: Token) -> None:
        key = token.key
        if key not in _FILTERS:
            raise QueryError(_unknown_filter(token))
        if not token.value.strip():
            raise QueryError(
                f'"{clip(token.raw)}" needs a value after the colon, as in {_EXAMPLES[key]}'
            )
        if key == "is":
            self._add_is(token)
        elif key == "tag":
            self._add_tag(token)
        else:
            if token.negated:
                raise QueryError(f'"{clip(token.raw)}": a {key}: filter cannot be negated')
            self._set(key, self._single_value(token), token)

    def _set(self, field: str, value: object, token: Token) -> None:
        earlier = self.seen.get(field)
        if earlier is not None and self.values[field] != value:
            if field in ("unread", "bookmarked"):
                raise QueryError(f'"{clip(token.raw)}" contradicts "{clip(earlier.raw)}"')
            raise QueryError(
                f'two {field}: filters ("{clip(earlier.raw)}" and "{clip(token.raw)}"); keep one'
            )
        self.values[field], self.seen[field] = value, token

    def _add_is(self, token: Token) -> None:
        value = token.value.lower()
        if value not in _IS_VALUES:
            raise QueryError(f'unknown filter "{clip(token.raw)}" {_IS_HINT}')
        field, wanted = _IS_VALUES[value]
        self._set(field, wanted != token.negated, token)

    def _add_tag(self, token: Token) -> None:
        tag = normalise_tag(token.value)
        into, other = (
            (self.exclude_tags, self.tags) if token.negated else (self.tags, self.exclude_tags)
        )
        if tag in other:
            raise QueryError(f'"{clip(token.raw)}" contradicts "{clip(other[tag].raw)}"')
        into.setdefault(tag, token)

    def _single_value(self, token: Token) -> object:
        value = " ".join(token.value.split())
        if token.key == "sort":
            sort = _SORTS.get(value.lower())
            if sort is None:
                raise QueryError(f'unknown sort "{clip(token.raw)}" {_SORT_HINT}')
            return sort
        if token.key == "since":
            return utc(day_range(token, self.today)[0])
        if token.key == "until":
            after = day_range(token, self.today)[1]
            if after is None:
                raise QueryError(f'until: "{clip(token.value)}" is too far ahead')
            return utc(after)
        return value

    def query(self, text: str) -> Query:
        # `values` is keyed by Query's own field names, each value already checked.
        fields: dict = {"sort": "relevance" if text else "date", **self.values}
        query = Query(
            text=text, tags=tuple(self.tags), exclude_tags=tuple(self.exclude_tags), **fields
        )
        if query.since and query.until and query.since >= query.until:
            since, until = self.seen["since"].raw, self.seen["until"].raw
            raise QueryError(f'"{clip(since)}" is after "{clip(until)}": nothing can match')
        if query.sort == "relevance" and not text:
            raise QueryError("sort:relevance needs words to search for")
        return query


def _unknown_filter(token: Token) -> str:
    said = f'unknown filter "{clip(token.raw)}"'
    guess = difflib.get_close_matches(token.key or "", _FILTERS, n=1, cutoff=0.5)
    if guess == ["is"]:
        return f"{said} {_IS_HINT}"
    if guess:
        return f'{said} (did you mean "{guess[0]}:{clip(token.value)}"?)'
    return (
        f"{said} (filters are is:, tag:, source:, feed:, since:, until:, sort:;"
        " to search for text with a colon, put it in quotes)"
    )


# -- free text -------------------------------------------------------------------------------


def _fts_term(token: Token) -> str | None:
    """The token as a quoted FTS5 string, or None if it holds nothing the index could hold."""
    if not any(char.isalnum() for char in token.value):
        return None
    quoted = '"' + " ".join(token.value.split()).replace('"', '""') + '"'
    return quoted + "*" if token.prefix else quoted


def _or_error(before: Token | None, after: Token | None) -> str:
    for side, token in (("before", before), ("after", after)):
        if token is None or token.is_or:
            return f"OR needs a word {side} it, {_OR_EXAMPLE}"
        if token.key is not None:
            return f'OR joins words, not filters ("{clip(token.raw)}"), {_OR_EXAMPLE}'
        if token.negated:
            return f'OR cannot join a left-out word ("{clip(token.raw)}"), {_OR_EXAMPLE}'
    raise AssertionError("OR between two words is not an error")


def _fts_expression(words: list[list[Token]], left_out: list[Token]) -> str:
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
                f' ("{clip(left_out[0].raw)}")'
            )
        raw = " ".join(token.raw for token in [*(t for g in words for t in g), *left_out])
        raise QueryError(f'nothing to search for in "{clip(raw)}" (use letters or digits)')
    expression = " AND ".join(groups)
    if excluded:
        # One NOT of an OR: FTS5 flattens OR, where a chain of NOTs would nest ever deeper.
        not_ = excluded[0] if len(excluded) == 1 else "(" + " OR ".join(excluded) + ")"
        expression += f" NOT {not_}"
    return expression


# -- the API ---------------------------------------------------------------------------------


def parse_query(text: str, *, today: date) -> Query:
    """Read a query; relative dates count back from `today` (never the wall clock)."""
    if isinstance(today, datetime):
        today = today.date()
    tokens = list(split_tokens(clean(text)))
    filters = _Filters(today)
    words: list[list[Token]] = []
    left_out: list[Token] = []
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
