"""Untrusted text on its way to the screen: controls and escapes removed, never markup.

Everything an article brings (titles, bodies, sources) passes through here even though ingest
already cleaned it: a store written by an older release, or by hand, must be just as safe.
"""

from __future__ import annotations

from rich.text import Text

from reader.ingest.sanitize import clean_text


def safe_line(text: str) -> str:
    """One line of plain text: cleaned, with line breaks folded to spaces."""
    return " ".join(clean_text(text).split())


def safe_text(text: str, style: str = "") -> Text:
    """A Rich `Text` of cleaned text; `Text` is never parsed for markup."""
    return Text(clean_text(text), style=style)
