"""`since:` and `until:` values -> UTC days: absolute, relative and named dates."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta

from reader.query.lexer import Token, clip
from reader.query.model import QueryError

_RELATIVE = re.compile(r"(\d{1,6})([dwmy])")
_ABSOLUTE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DATE_HINT = "(use YYYY-MM-DD, YYYY-MM, YYYY, or 7d/2w/3m/1y)"


def _months_back(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    if year < 1:
        raise OverflowError
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def day_range(token: Token, today: date) -> tuple[date, date | None]:
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
        raise QueryError(f'{token.key}: "{clip(token.value)}" is too far back') from None
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
    raise QueryError(f'{token.key}: "{clip(token.value)}" is not a date {_DATE_HINT}')


def _next_day(day: date) -> date | None:
    return None if day == date.max else day + timedelta(days=1)


def utc(day: date) -> datetime:
    """Midnight UTC at the start of `day`."""
    return datetime.combine(day, time(), tzinfo=UTC)
