"""clean_text: nothing that reaches it may put a control character or escape on a terminal."""

from __future__ import annotations

import random
import unicodedata

import pytest

from reader.sanitize import clean_text

ESC = "\x1b"

BIDI_AND_INVISIBLE = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u2060\ufeff"
)


def assert_terminal_safe(text: str) -> None:
    for char in text:
        if char in "\n\t":
            continue
        assert unicodedata.category(char) != "Cc", f"control character {char!r} left"
        assert char not in BIDI_AND_INVISIBLE, f"invisible character {char!r} left"
        assert not ("\ud800" <= char <= "\udfff"), "lone surrogate left"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        (f"{ESC}[31mred{ESC}[0m text", "red text"),
        (f"{ESC}[1;38;5;196mbold{ESC}[m", "bold"),
        (f"{ESC}[2J{ESC}[Hcleared", "cleared"),
        (f"{ESC}[?1049hscreen", "screen"),
        (f"{ESC}]0;evil title\x07after", "after"),
        (f"{ESC}]8;;https://example.com{ESC}\\link{ESC}]8;;{ESC}\\", "link"),
        (f"{ESC}Pq#0;2;0;0;0#0~~{ESC}\\after", "after"),
        (f"{ESC}_application{ESC}\\x", "x"),
        (f"{ESC}^privacy{ESC}\\x", "x"),
        (f"{ESC}Xstring{ESC}\\x", "x"),
        (f"{ESC}7saved{ESC}8", "saved"),
        (f"{ESC}(Bcharset", "charset"),
        (f"{ESC}creset", "reset"),
        ("\x9b31mred\x9b0m", "red"),
        ("\x9d0;title\x9cafter", "after"),
        ("\x90data\x9cafter", "after"),
    ],
)
def test_escape_sequences_are_removed_whole(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


def test_unterminated_string_sequence_does_not_swallow_text() -> None:
    cleaned = clean_text(f"{ESC}]0;no terminator\nNext line stays.")
    assert "Next line stays." in cleaned
    assert_terminal_safe(cleaned)


def test_c0_and_c1_controls_are_removed_but_newline_and_tab_kept() -> None:
    dirty = "a\x00b\x07c\x08d\x0be\x0cf\x7fg\x80h\x85i\x9fj\tk\nl"
    assert clean_text(dirty) == "abcdefghij\tk\nl"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [("one\r\ntwo\r\n", "one\ntwo\n"), ("one\rtwo\r", "one\ntwo\n"), ("a\r\n\r\nb", "a\n\nb")],
)
def test_line_endings_become_newlines(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


def test_bidi_overrides_and_zero_width_characters_are_removed() -> None:
    dirty = "\ufeffpay \u202eevil\u202c \u2066x\u2069 zero\u200bwidth\u200c\u2060 \u200emark\u200f"
    assert clean_text(dirty) == "pay evil x zerowidth mark"


def test_zwj_is_kept_inside_emoji_sequences_only() -> None:
    technologist = "\U0001f469\u200d\U0001f4bb"
    assert clean_text(f"dev {technologist} team") == f"dev {technologist} team"
    assert clean_text("\u200dstart end\u200d mid \u200d x") == "start end mid  x"


def test_ordinary_text_is_unchanged() -> None:
    text = "Café — “quoted” ‘text’ … 12–18 € ⚡ ✅ → • ™ 中文 العربية ภาษาไทย\n\tindented"
    assert clean_text(text) == text


DIRTY_SAMPLES = [
    f"{ESC}{ESC}[31m[31m",
    "\r\r\n\x00\n",
    f"{ESC}\x00[31mx",
    "\x9b\x9b31m",
    " \u200d\u200dx \u200d",
    "a\u200d\u200b\u200db",
    f"{ESC}]8;;x{ESC}\\",
    "\ud800text\udfff",
]


@pytest.mark.parametrize("dirty", DIRTY_SAMPLES)
def test_cleaning_is_idempotent(dirty: str) -> None:
    once = clean_text(dirty)
    assert clean_text(once) == once
    assert_terminal_safe(once)


def test_random_input_always_comes_out_safe_and_stable() -> None:
    # Random strings built from the characters that matter most: escapes, controls,
    # sequence parameters, ZWJ and the invisible characters.
    alphabet = (
        [chr(c) for c in range(0x20)]
        + [chr(c) for c in range(0x7F, 0xA0)]
        + list("[]\\;?0123456789mPX^_ abcé⚡\u200d")
        + list(BIDI_AND_INVISIBLE)
        + ["\U0001f469", "\u2028"]
    )
    rng = random.Random(874)
    for _ in range(2000):
        dirty = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        once = clean_text(dirty)
        assert_terminal_safe(once)
        assert clean_text(once) == once
