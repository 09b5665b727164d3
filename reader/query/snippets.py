"""Search snippets as the store returns them: matched words between two marker characters."""

from __future__ import annotations

from reader.sanitize import clean_line

MATCH_START, MATCH_END = "\x02", "\x03"
"""How the store marks matched words in a search snippet."""


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as cleaned (text, is_match) pieces, with single spaces between words."""
    parts: list[tuple[str, bool]] = []
    for number, piece in enumerate(snippet.split(MATCH_START)):
        match, _, rest = piece.partition(MATCH_END) if number else ("", "", piece)
        if match:
            parts.append((clean_line(match), True))
        if rest.strip():
            lead = " " if rest[:1].isspace() and number else ""
            trail = " " if rest[-1:].isspace() else ""
            parts.append((lead + clean_line(rest) + trail, False))
        elif rest:
            parts.append((" ", False))
    return parts
