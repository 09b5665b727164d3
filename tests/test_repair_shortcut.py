"""Mojibake repair hands ftfy only the lines it could change: the result must be ftfy's own."""

from __future__ import annotations

import pytest
from ftfy import fix_text

from reader.ingest.repair import _fix_mojibake, _ftfy_config

GOOD = "São Paulo — Müller said the “plan” was naïve…"
DAMAGED = GOOD.encode("utf-8").decode("cp1252", errors="replace")
LINES = [
    "",
    "\n",
    "plain ASCII line\n",
    GOOD,
    DAMAGED,
    "cafÃ© â€” done",
    "C1 control: x\x85y",
    "paired surrogates \ud83d\udca9 and a lone one \udca9",
    "Â\xa0non-breaking",
    GOOD.encode("utf-8").decode("latin-1"),
]


@pytest.mark.parametrize(
    "text",
    [*LINES, "\n".join(LINES), "\r\n".join(LINES), "\n\n".join(reversed(LINES)) + "\n"],
)
def test_the_repair_is_exactly_what_ftfy_makes_of_the_whole_text(text: str) -> None:
    assert _fix_mojibake(text)[0] == fix_text(text, config=_ftfy_config())


def test_damaged_lines_among_good_ones_are_repaired_and_reported() -> None:
    text = f"{GOOD}\nascii\n{DAMAGED}\n"
    fixed, repairs = _fix_mojibake(text)
    assert fixed == f"{GOOD}\nascii\n{fix_text(DAMAGED, config=_ftfy_config())}\n"
    assert repairs and all(repair.kind == "mojibake" for repair in repairs)
