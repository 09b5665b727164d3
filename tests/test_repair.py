"""repair_text: mojibake undone where the evidence is clear, genuine Thai never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.repair import repair_text
from reader.models import Repair

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def repaired(text: str) -> str:
    return repair_text(text)[0]


# --- the seed article -------------------------------------------------------------------------


def test_seed_dashes_and_lightning_are_restored(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    assert raw.count("โ") == 16  # 15 dashes and the โก of "⚡ Quick Summary"

    text, repairs = repair_text(raw)

    assert not any(is_thai(char) for char in text)
    assert text.startswith("⚡ Quick Summary\n")
    assert text.count(" — ") == 15
    assert "physical world — a fundamentally different approach" in text
    assert "AMI — pronounced like the French word for friend — describes" in text
    assert repairs == [
        Repair(kind="mojibake-cp874", original="โ", replacement="—", count=15),
        Repair(kind="mojibake-cp874", original="โก", replacement="⚡", count=1),
    ]


def test_seed_repair_changes_nothing_but_the_damaged_marks(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    text = repaired(raw)
    assert text.replace("—", "โ").replace("⚡", "โก") == raw


# --- one rule at a time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # em dash between spaces, or after a word at the end of a line
        ("the world โ a different approach", "the world — a different approach"),
        ("first โ\nsecond", "first —\nsecond"),
        ("at the very end โ", "at the very end —"),
        # en dash in number ranges
        ("within the next 12โ18 months", "within the next 12–18 months"),
        ("pages 4โ7 and 10โ12", "pages 4–7 and 10–12"),
        # apostrophes in contractions and possessives
        ("Itโs what theyโre saying", "It’s what they’re saying"),
        ("donโt, weโll, Iโve, sheโd, Iโm", "don’t, we’ll, I’ve, she’d, I’m"),
        ("LeCunโs thesis", "LeCun’s thesis"),
        ("ITโS LOUD", "IT’S LOUD"),
        # paired quotes on one line
        ("He called it โcomplete nonsense.โ Then", "He called it “complete nonsense.” Then"),
        ("a โnew breedโ of AI", "a “new breed” of AI"),
        ("(โquotedโ)", "(“quoted”)"),
        ("โIt’s done,โ she said.", "“It’s done,” she said."),
        # lightning
        ("โก Quick Summary", "⚡ Quick Summary"),
        ("Breaking: โก Markets fall", "Breaking: ⚡ Markets fall"),
        # bullets and trade marks
        ("โข First point\nโข Second point", "• First point\n• Second point"),
        ("  โข indented point", "  • indented point"),
        ("Acme โข 5 min read", "Acme • 5 min read"),
        ("the Widgetโข range", "the Widget™ range"),
        ("Widgetโข.", "Widget™."),
        # ellipsis and euro
        ("and so onโฆ", "and so on…"),
        ("wait.โฆ really", "wait.… really"),
        ("costs โฌ5 or 5โฌ or 5 โฌ", "costs €5 or 5€ or 5 €"),
    ],
)
def test_each_rule(damaged: str, expected: str) -> None:
    assert repaired(damaged) == expected


@pytest.mark.parametrize(
    "ambiguous",
    [
        "โ Task done",  # ✅ or →: a mark at the start of a line is left alone
        "โ",
        "Aโbc",  # not a contraction, not a quote
        "xโy",
        "โก",  # nothing after it
        "โกQuick",
        "costs โฌ",
        "line\nโข",
    ],
)
def test_ambiguous_marks_are_left_alone(ambiguous: str) -> None:
    assert repair_text(ambiguous) == (ambiguous, [])


def test_repairs_are_counted_per_original_and_replacement() -> None:
    text, repairs = repair_text("a โ b โ c, 1โ2, Itโs, โquotedโ here")
    assert text == "a — b — c, 1–2, It’s, “quoted” here"
    assert {(r.original, r.replacement): r.count for r in repairs} == {
        ("โ", "—"): 2,
        ("โ", "–"): 1,
        ("โ", "’"): 1,
        ("โ", "“"): 1,
        ("โ", "”"): 1,
    }
    assert all(r.kind == "mojibake-cp874" for r in repairs)


# --- genuine Thai -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "thai",
    [
        "โรงเรียน",
        "โกง",
        "โข่ง",
        "โฆษณา",
        "ไปโรงเรียน",
        "โกโก้ร้อน",
        "คำว่า โ ก ง สะกดแบบนี้",
        "โ ก",
        "ก โ",
        "สวัสดี โ",
        "ภาษาไทย\nโ Task",
    ],
)
def test_genuine_thai_is_unchanged(thai: str) -> None:
    assert repair_text(thai) == (thai, [])


def test_mixed_english_and_thai_document() -> None:
    text = (FIXTURES / "thai_mixed.txt").read_text(encoding="utf-8")
    assert repair_text(text) == (text, [])


def test_damage_next_to_thai_is_left_but_damage_elsewhere_is_repaired() -> None:
    text = "The school โ โรงเรียน โ is new.\nPrices rose 5โ7 percent โ again."
    assert repaired(text) == "The school โ โรงเรียน โ is new.\nPrices rose 5–7 percent — again."


# --- ordinary mojibake ------------------------------------------------------------------------


def test_ordinary_mojibake_is_fixed_by_ftfy() -> None:
    text, repairs = repair_text("Itâ€™s here â€” finally. CafÃ© prices rose.")
    assert text == "It’s here — finally. Café prices rose."
    assert repairs
    assert all(r.kind == "mojibake" for r in repairs)
    assert sum(r.count for r in repairs) == 3


def test_latin1_mojibake_with_c1_characters_is_fixed() -> None:
    # UTF-8 "—" read as Latin-1 is "â" plus two C1 characters.
    assert repaired("one \xe2\x80\x94 two") == "one — two"


@pytest.mark.parametrize(
    "authored",
    [
        "“Curly quotes” and ‘single’ ones stay curly",
        "Ｆｕｌｌ－ｗｉｄｔｈ text stays full width",
        "&amp; &lt;b&gt; entities stay escaped",
        "The ﬁrst ligature stays",
        "naïve café résumé",
    ],
)
def test_authored_characters_are_not_changed(authored: str) -> None:
    assert repair_text(authored) == (authored, [])


# --- idempotence ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damaged",
    [
        "a โ b, 1โ2, Itโs, โquotedโ, โก Go, โข item, Brandโข, waitโฆ, โฌ5",
        "Itâ€™s â€” mixed with โ cp874 damage",
        "โ โ โ",
        "โโ",
        "โรงเรียน โ school",
    ],
)
def test_repair_is_idempotent(damaged: str) -> None:
    once, _ = repair_text(damaged)
    assert repair_text(once) == (once, [])


def test_seed_repair_is_idempotent(seed_path: Path) -> None:
    once, _ = repair_text(seed_path.read_text(encoding="utf-8"))
    assert repair_text(once) == (once, [])
