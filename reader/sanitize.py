"""Make untrusted text safe to put on a terminal.

Article text comes from files and feeds nobody on the team wrote. A stray escape sequence can
recolour the screen, move the cursor or retitle the window, and bidi overrides can make a line
read differently from what it contains, so everything here is removed before text is shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# Escape sequences are matched as whole units so that their parameters ("[31m", "]0;title")
# do not linger as visible junk once the ESC itself is gone. String sequences (OSC, DCS, ...)
# need their terminator: without one only the introducer goes, so a stray ESC never eats text.
_SEVEN_BIT = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: parameters, intermediates, one final byte
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC, ended by ST
    r"|\x1b[ -/]*[0-~]"  # any other escape: intermediates, one final byte
)
_EIGHT_BIT = (
    r"\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)"
)
_ESCAPES = re.compile(f"{_SEVEN_BIT}|{_EIGHT_BIT}")

# Before mojibake repair the 8-bit forms are ambiguous: in UTF-8 text that was decoded as
# Latin-1, U+009B is just a continuation byte ("ě" is C4 9B, shown as "Ä\x9b"). Such bytes
# always follow a lead or continuation byte (U+0080..U+00F4), so 8-bit forms there are left for
# the repair step; the 7-bit forms and free-standing 8-bit ones are removed early.
_ESCAPES_BEFORE_REPAIR = re.compile(f"{_SEVEN_BIT}|(?<![\x80-\xf4])(?:{_EIGHT_BIT})")
_ESCAPE_STARTS = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u2060\ufeff"


def _deletion_table() -> dict[int, None]:
    codes = [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
    codes += [0x7F, *range(0x80, 0xA0)]
    codes += [ord(c) for c in _BIDI + _ZERO_WIDTH]
    # Lone surrogates cannot be encoded for output and would crash the writer.
    codes += range(0xD800, 0xE000)
    return dict.fromkeys(codes)


_DELETE = _deletion_table()
# Line and paragraph separators act as line breaks in some renderers and not in others.
_LINE_SEPARATORS = {0x2028: "\n", 0x2029: "\n"}
_TRANSLATE = {**_DELETE, **_LINE_SEPARATORS}

# A quick test lets the common case (clean text) skip all the work below.
_SUSPICIOUS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069"
    "\u061c\ufeff\ud800-\udfff]"
)
# ZWJ joins emoji into one glyph ("👩‍💻"); anywhere else it is invisible noise. Runs are
# treated as one so that a second pass finds nothing left to remove.
_STRAY_ZWJ = re.compile(r"(?<!\S)\u200d+|\u200d+(?!\S)")


def clean_text_and_count(text: str) -> tuple[str, int]:
    """`clean_text`, plus how many characters were removed (line-ending changes not counted)."""
    if not _SUSPICIOUS.search(text) and "\u200d" not in text:
        return text, 0
    without_escapes = _ESCAPES.sub("", text)
    translated = without_escapes.translate(_TRANSLATE)
    removed = len(text) - len(translated)
    unified = translated.replace("\r\n", "\n").replace("\r", "\n")
    if "\u200d" in unified:
        before = len(unified)
        unified = _STRAY_ZWJ.sub("", unified)
        removed += before - len(unified)
    return unified, removed


def clean_text(text: str) -> str:
    """Remove escape sequences and invisible or control characters; keep newlines and tabs.

    Line endings become `\\n`. The result is safe to print and cleaning it again changes
    nothing.
    """
    return clean_text_and_count(text)[0]


def clean_line(text: str) -> str:
    """`clean_text` as one line: every run of whitespace, line breaks included, one space."""
    return " ".join(clean_text(text).split())


def strip_escape_sequences(text: str) -> tuple[str, int]:
    """Remove whole escape sequences before mojibake repair; return the text and chars removed.

    Lone control characters are left for `clean_text`, which runs after the repair.
    """
    if not _ESCAPE_STARTS.search(text):
        return text, 0
    stripped = _ESCAPES_BEFORE_REPAIR.sub("", text)
    return stripped, len(text) - len(stripped)


def safe_text(text: str, style: str = "") -> Text:
    """A Rich `Text` of cleaned text, for the screen; `Text` is never parsed for markup.

    Everything an article brings (titles, bodies, sources) passes through here even though
    ingest already cleaned it: a store written by an older release, or by hand, must be just
    as safe.
    """
    from rich.text import Text

    return Text(clean_text(text), style=style)
