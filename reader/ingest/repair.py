"""Undo text damage from wrong decodings, and say what was changed.

Two kinds of damage are handled. Ordinary mojibake (UTF-8 read as Windows-1252 or Latin-1,
`â€”` for `—`) still holds every byte, so ftfy can reverse it exactly. The Windows-874 (Thai)
round trip is lossy: UTF-8 punctuation such as `—` (E2 80 94) was read as Thai, E2 became `โ`
and the bytes with no Thai mapping were dropped. What is left is one or two Thai letters, so
the punctuation is inferred from context, and only where the context leaves no doubt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.models import Repair

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

_THAI_LOW, _THAI_HIGH = "\u0e00", "\u0e7f"
_LEAD = "โ"  # U+0E42, what the UTF-8 lead byte E2 becomes in Windows-874
_LETTER = r"[^\W\d_]"
_LINE_START = r"(?<![^\n\r])"
_LINE_END = r"(?![^\n\r])"
# After at most this many passes the cp874 repair has reached a fixed point in practice; a pass
# can only enable another where one damaged mark sat right next to another.
_MAX_PASSES = 3
# Past this many distinct ftfy changes, the rest are reported together.
_MAX_MOJIBAKE_REPORTS = 12
_MAX_SPOT_CHARS = 40
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


# ftfy is imported where it is used: it takes longer to import than the rest of ingest, and
# the app's cold start should not pay for it before the first article is read.


def _ftfy_config() -> TextFixerConfig:
    # Only encoding fixes: curly quotes, full-width letters, HTML entities and line breaks are
    # the author's choices, not damage.
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def _fix_mojibake(text: str) -> tuple[str, list[Repair]]:
    # ftfy fixes each line on its own, and with only encoding fixes on, a line of pure ASCII
    # is never changed (mojibake, C1 controls and surrogates are all non-ASCII). So only the
    # other lines go to ftfy, each as the same segment ftfy would cut: the same result, at a
    # third of the time on ordinary text (most lines are ASCII; measured 1.26 -> 0.47 ms).
    if text.isascii():
        return text, []
    from ftfy import fix_text

    config = _ftfy_config()
    lines = text.split("\n")
    # Each with its line break, as ftfy cuts its segments.
    lines = [line + "\n" for line in lines[:-1]] + lines[-1:]
    fixed = "".join(
        fix_text(line, config=config) if _may_change(line) else line for line in lines
    )
    if fixed == text:
        return text, []
    return fixed, _describe_changes(text, fixed)


def _may_change(line: str) -> bool:
    """False for a line ftfy leaves as it is with `_ftfy_config()`, decided as ftfy decides.

    With that config ftfy changes a line only by its encoding fix, which does nothing to text
    its `is_bad` finds no mojibake in, and by fixing C1 controls and surrogates: the same
    three tests, without ftfy's per-line set-up (most of its time on ordinary text).
    """
    if line.isascii():
        return False
    from ftfy.badness import is_bad
    from ftfy.chardata import C1_CONTROL_RE
    from ftfy.fixes import SURROGATE_RE

    return is_bad(line) or bool(C1_CONTROL_RE.search(line) or SURROGATE_RE.search(line))


def _describe_changes(before: str, after: str) -> list[Repair]:
    before_lines, after_lines = before.split("\n"), after.split("\n")
    if len(before_lines) != len(after_lines):
        before_lines, after_lines = [before], [after]
    changes: Counter[tuple[str, str]] = Counter()
    for old, new in zip(before_lines, after_lines, strict=True):
        if old != new:
            changes.update(_changed_spots(old, new))
    repairs = [
        Repair(kind="mojibake", original=old, replacement=new, count=count)
        for (old, new), count in changes.most_common(_MAX_MOJIBAKE_REPORTS)
    ]
    rest = sum(count for _, count in changes.most_common()[_MAX_MOJIBAKE_REPORTS:])
    if rest:
        repairs.append(Repair(kind="mojibake", original="(other)", replacement="", count=rest))
    return repairs


def _changed_spots(old: str, new: str) -> list[tuple[str, str]]:
    # Mojibake lives in non-ASCII runs and leaves the ASCII around it alone, so pairing the
    # runs finds each changed spot in linear time (a general diff is quadratic or worse on
    # long, repetitive lines).
    old_runs, new_runs = _RUNS.findall(old), _RUNS.findall(new)
    if len(old_runs) == len(new_runs) and all(
        a == b or not (a.isascii() or b.isascii()) for a, b in zip(old_runs, new_runs, strict=True)
    ):
        return [(a, b) for a, b in zip(old_runs, new_runs, strict=True) if a != b]
    prefix = _common_prefix_length(old, new)
    suffix = _common_prefix_length(old[prefix:][::-1], new[prefix:][::-1])
    return [(_shorten(old[prefix : len(old) - suffix]), _shorten(new[prefix : len(new) - suffix]))]


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_SPOT_CHARS else text[: _MAX_SPOT_CHARS - 1] + "…"


def _common_prefix_length(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _is_thai(char: str) -> bool:
    return _THAI_LOW <= char <= _THAI_HIGH


def _touches_thai(text: str, start: int, end: int) -> bool:
    """True when the nearest non-space character on either side of text[start:end] is Thai.

    Genuine Thai `โ` is a leading vowel inside a Thai word, so any Thai neighbour means the
    mark may be real and must be left alone. Newlines are skipped too: a line that follows
    Thai text is not evidence enough.
    """
    left = start - 1
    while left >= 0 and text[left].isspace():
        left -= 1
    right = end
    while right < len(text) and text[right].isspace():
        right += 1
    return (left >= 0 and _is_thai(text[left])) or (right < len(text) and _is_thai(text[right]))


def _has_text_before_on_line(text: str, start: int) -> bool:
    # Scanning back over blanks only (not to the line start with rfind) keeps this linear.
    left = start - 1
    while left >= 0 and text[left] in " \t":
        left -= 1
    return left >= 0 and text[left] not in "\n\r"


_Check = Callable[[str, re.Match[str]], bool]


class _Rule:
    """A damaged mark in context and what it becomes.

    The pattern's named group `bad` is the damaged mark; the rest is context that is kept.
    """

    def __init__(self, pattern: str, replacement: str, check: _Check | None = None) -> None:
        self.pattern = re.compile(pattern)
        self.replacement = replacement
        self.check = check


def _em_dash_check(text: str, match: re.Match[str]) -> bool:
    # A mark at the start of a line is more likely a lost ✅ or → than a dash.
    return _has_text_before_on_line(text, match.start("bad"))


# Order matters: apostrophes and en dashes are settled before quote pairing, so that a quoted
# "It’s" cannot be mistaken for the end of the quote.
_RULES: tuple[_Rule, ...] = (
    _Rule(rf"(?<={_LETTER})(?P<bad>{_LEAD})(?=(?i:s|t|re|ll|ve|d|m)(?!{_LETTER}))", "’"),
    _Rule(rf"(?<=\d)(?P<bad>{_LEAD})(?=\d)", "–"),
    _Rule(
        rf"(?<![^\s(])(?P<bad>{_LEAD})(?=[^\s{_LEAD}])"
        rf"(?P<body>[^\n\r{_LEAD}]*?[^\s{_LEAD}])"
        rf"(?P<bad2>{_LEAD})(?=[\s.,;:!?)]|\Z)",
        "“”",
    ),
    _Rule(rf"(?<=[ \t])(?P<bad>{_LEAD})(?=[ \t]|{_LINE_END})", "—", _em_dash_check),
    _Rule(rf"(?<![^\s])(?P<bad>{_LEAD}ก)(?=[ \t]+\S)", "⚡"),
    _Rule(rf"{_LINE_START}(?P<indent>[ \t]*)(?P<bad>{_LEAD}ข)(?=[ \t])", "•"),
    _Rule(rf"(?<=[ \t])(?P<bad>{_LEAD}ข)(?=[ \t])", "•"),
    _Rule(rf"(?<={_LETTER})(?P<bad>{_LEAD}ข)(?!{_LETTER})", "™"),
    _Rule(rf"(?<=\S)(?P<bad>{_LEAD}ฆ)", "…"),
    _Rule(rf"(?P<bad>{_LEAD}ฌ)(?= ?\d)", "€"),
    _Rule(rf"(?<=\d)(?P<bad>{_LEAD}ฌ)", "€"),
    _Rule(rf"(?<=\d )(?P<bad>{_LEAD}ฌ)", "€"),
)


def _apply_rule(rule: _Rule, text: str, counts: Counter[tuple[str, str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        whole = match.group(0)
        marks = [name for name in ("bad", "bad2") if match.groupdict().get(name) is not None]
        for name in marks:
            if _touches_thai(text, match.start(name), match.end(name)):
                return whole
        if rule.check is not None and not rule.check(text, match):
            return whole
        # Rebuild the match with each damaged mark swapped, keeping the context between.
        pieces: list[str] = []
        cursor = match.start()
        for index, name in enumerate(marks):
            new = rule.replacement[index] if len(marks) > 1 else rule.replacement
            pieces.append(text[cursor : match.start(name)])
            pieces.append(new)
            counts[(match.group(name), new)] += 1
            cursor = match.end(name)
        pieces.append(text[cursor : match.end()])
        return "".join(pieces)

    return rule.pattern.sub(replace, text)


def _fix_cp874(text: str) -> tuple[str, list[Repair]]:
    if _LEAD not in text:
        return text, []
    counts: Counter[tuple[str, str]] = Counter()
    for _ in range(_MAX_PASSES):
        before = text
        for rule in _RULES:
            if _LEAD not in text:
                break
            text = _apply_rule(rule, text, counts)
        if text == before:
            break
    repairs = [
        Repair(kind="mojibake-cp874", original=old, replacement=new, count=count)
        for (old, new), count in counts.items()
    ]
    return text, repairs


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """Repair mojibake: first what ftfy can reverse exactly, then Windows-874 damage.

    Returns the repaired text and one `Repair` per kind of change; the text unchanged and an
    empty list when there was nothing to repair. Genuine Thai text is never touched.
    """
    fixed, repairs = _fix_mojibake(text)
    fixed, cp874_repairs = _fix_cp874(fixed)
    return fixed, repairs + cp874_repairs
