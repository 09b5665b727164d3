"""Untrusted text on its way to the screen: controls and escapes removed, never markup.

Everything an article brings (titles, bodies, sources) passes through here even though ingest
already cleaned it: a store written by an older release, or by hand, must be just as safe.
"""

from __future__ import annotations

from rich.text import Text

from reader.ingest.sanitize import clean_line, clean_text


def safe_line(text: str) -> str:
    """One line of plain text: cleaned, with line breaks folded to spaces."""
    return clean_line(text)


MATCH_START, MATCH_END = "\x02", "\x03"
"""How the store marks matched words in a search snippet."""


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as cleaned (text, is_match) pieces, with single spaces between words."""
    parts: list[tuple[str, bool]] = []
    for number, piece in enumerate(snippet.split(MATCH_START)):
        match, _, rest = piece.partition(MATCH_END) if number else ("", "", piece)
        if match:
            parts.append((safe_line(match), True))
        if rest.strip():
            lead = " " if rest[:1].isspace() and number else ""
            trail = " " if rest[-1:].isspace() else ""
            parts.append((lead + safe_line(rest) + trail, False))
        elif rest:
            parts.append((" ", False))
    return parts


def safe_text(text: str, style: str = "") -> Text:
    """A Rich `Text` of cleaned text; `Text` is never parsed for markup."""
    return Text(clean_text(text), style=style)
