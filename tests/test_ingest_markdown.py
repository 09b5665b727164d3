"""Markdown ingest: front matter, structure, inline markup, links, FAQs and Go blog posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.ingest.markdown import parse_date, parse_markdown
from reader.models import Article, Block, Link

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def blocks(article: Article, kind: str) -> list[Block]:
    return [block for section in article.sections for block in section.blocks if block.kind == kind]


@pytest.fixture(scope="module")
def guide_text() -> str:
    return (FIXTURES / "garden-guide.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def guide(guide_text: str) -> Article:
    return parse_markdown(guide_text, source="garden-guide.md", location="/x/garden-guide.md")


@pytest.fixture(scope="module")
def gopher() -> Article:
    text = (FIXTURES / "gopher-garden.article").read_text(encoding="utf-8")
    return parse_markdown(text, source="gopher-garden.article", file_stem="gopher-garden")


# --- front matter and title ---------------------------------------------------------------------


def test_front_matter_gives_title_author_and_date(guide: Article, guide_text: str) -> None:
    assert guide.title == "Growing Tomatoes on a Balcony: A Beginner's Guide"
    assert guide.title_origin == "title-line"
    assert guide.author == "Priya Natarajan"
    assert guide.published == datetime(2024, 5, 3, 7, 15, tzinfo=UTC)
    assert guide.published.tzinfo is not None
    assert guide.source == "garden-guide.md"
    assert guide.location == "/x/garden-guide.md"
    assert guide.original == guide_text


def test_heading_repeating_the_title_is_not_a_section(guide: Article) -> None:
    assert [section.title for section in guide.sections] == [
        "",
        "Choosing a variety",
        "Seeds or plugs?",
        "Planting",
        "Frequently Asked Questions",
    ]


def test_first_h1_is_the_title_without_front_matter() -> None:
    article = parse_markdown(
        "# Night trains return\n\nThe sleeper runs again.\n\n## Fares\n\nCheap."
    )
    assert article.title == "Night trains return"
    assert [section.title for section in article.sections] == ["", "Fares"]


def test_title_is_derived_when_there_is_no_heading() -> None:
    article = parse_markdown("The council met on Tuesday. It voted for the plan.", file_stem="x")
    assert article.title == "The council met on Tuesday"
    assert article.title_origin == "first-sentence"


def test_toml_front_matter_and_naive_date_as_utc() -> None:
    text = '+++\ntitle = "Quiet streets"\ndate = 2023-11-02T10:00:00\n+++\n\nSome text here.\n'
    article = parse_markdown(text)
    assert article.title == "Quiet streets"
    assert article.published == datetime(2023, 11, 2, 10, 0, tzinfo=UTC)


def test_author_lists_and_canonical_link() -> None:
    text = (
        "---\ntitle: Two hands\nauthors:\n  - Ana Silva\n  - Tom Berg\n"
        "canonical_url: https://example.com/two-hands\n---\n\nBody text.\n"
    )
    article = parse_markdown(text)
    assert article.author == "Ana Silva; Tom Berg"
    assert article.link == "https://example.com/two-hands"


def test_thematic_break_at_the_start_is_not_front_matter() -> None:
    article = parse_markdown("---\nJust a line of text.\n---\n\nAnd more text.\n")
    assert "Just a line of text." in article.body_text()


# --- structure ----------------------------------------------------------------------------------


def test_lead_paragraph_with_inline_markup_as_plain_text(guide: Article) -> None:
    lead = guide.sections[0].blocks[0]
    assert lead.kind == "paragraph"
    assert lead.text.startswith("A sunny balcony is enough to grow a summer's worth of tomatoes")
    assert "*" not in lead.text and "[" not in lead.text
    # Hard-wrapped source lines are one paragraph.
    assert "every day. This guide follows one season" in lead.text


def test_nested_list_items_are_indented(guide: Article) -> None:
    bullets = guide.sections[1].blocks[1]
    assert bullets.kind == "bullets" and not bullets.ordered
    assert bullets.items == [
        "Tumbling Tom",
        "Balconi Red",
        "  sold as plugs in April",
        "  or as seed from January",
        "Red Robin",
    ]


def test_ordered_list(guide: Article) -> None:
    planting = guide.sections[3]
    assert planting.blocks[0].kind == "bullets"
    assert planting.blocks[0].ordered
    assert planting.blocks[0].items[0] == "Fill a 20-litre pot with peat-free compost."


def test_block_quote(guide: Article) -> None:
    (quote,) = blocks(guide, "quote")
    assert quote.text == (
        "The single most common mistake is a pot that is too small. "
        "Roots need room, and small pots dry out by noon."
    )


def test_fenced_code_keeps_its_language_and_layout(guide: Article) -> None:
    (code,) = blocks(guide, "code")
    assert code.language == "python"
    assert code.text == 'for day in range(1, 8):\n    print(f"day {day}: 2 litres")'


def test_links_and_images(guide: Article) -> None:
    assert guide.links == [
        Link(url="https://en.wikipedia.org/wiki/Leeds", text="Leeds"),
        Link(url="images/tomato-pot.jpg", text="A tomato plant in a blue pot", kind="image"),
        Link(url="https://www.rhs.org.uk/vegetables/tomatoes", text="RHS advice page"),
    ]
    texts = [block.text for block in blocks(guide, "paragraph")]
    assert "[image: A tomato plant in a blue pot]" in texts
    assert "See the RHS advice page for more." in texts


def test_faq_question_headings_and_bold_questions(guide: Article) -> None:
    faq = guide.sections[-1]
    assert [(block.question, block.answer) for block in faq.blocks] == [
        (
            "Why are my leaves curling?",
            "Usually heat stress. Move the pot out of the midday sun for a week.",
        ),
        ("Do I need to hand-pollinate?", "No. A little wind is enough on a balcony."),
        (
            "Can I grow them indoors?",
            "Only on a very bright windowsill, and the crop will be small.",
        ),
    ]


def test_faq_written_as_q_and_a_lines() -> None:
    text = (
        "# Parking\n\n## FAQ\n\nQ: Is parking free on Sundays?\nA: Yes, all day.\n\n"
        "What about holidays?\n\nHolidays count as Sundays.\n"
    )
    faq = parse_markdown(text).sections[-1]
    assert [(block.kind, block.question, block.answer) for block in faq.blocks] == [
        ("qa", "Is parking free on Sundays?", "Yes, all day."),
        ("qa", "What about holidays?", "Holidays count as Sundays."),
    ]


def test_question_headings_outside_an_faq_are_sections(guide: Article) -> None:
    assert guide.sections[2].title == "Seeds or plugs?"
    assert guide.sections[2].blocks[0].kind == "paragraph"


def test_raw_html_is_read_and_scripts_dropped() -> None:
    text = "# T\n\n<div class=note>Bring <b>water</b>.</div>\n\n<script>alert(1)</script>\n\nEnd."
    body = parse_markdown(text).body_text()
    assert "Bring water." in body
    assert "alert" not in body


def test_tables_become_one_paragraph_per_row() -> None:
    text = "# T\n\n| Day | Rain |\n|---|---|\n| Mon | 2 mm |\n| Tue | 0 mm |\n"
    paragraphs = [block.text for block in parse_markdown(text).sections[0].blocks]
    assert paragraphs == ["Day | Rain", "Mon | 2 mm", "Tue | 0 mm"]


def test_deeper_headings_stay_inside_their_section() -> None:
    text = "# T\n\n## Part\n\nText.\n\n#### Aside\n\nMore text.\n"
    article = parse_markdown(text)
    assert [section.title for section in article.sections] == ["Part"]
    assert [block.text for block in article.sections[0].blocks] == ["Text.", "Aside", "More text."]


# --- repairs and safety -------------------------------------------------------------------------


def test_control_characters_and_escapes_are_removed_and_recorded() -> None:
    text = "# Title\x1b[31m\n\nA para\x07graph with \x1b]0;pwned\x07escapes.\n"
    article = parse_markdown(text)
    assert article.title == "Title"
    assert article.sections[0].blocks[0].text == "A paragraph with escapes."
    assert article.repairs[0].kind == "control-characters"
    assert article.original == text


def test_mojibake_is_repaired_and_recorded() -> None:
    article = parse_markdown("# CafÃ© society\n\nThe cafÃ© opened â€” finally.\n")
    assert article.title == "Café society"
    assert article.sections[0].blocks[0].text == "The café opened — finally."
    assert article.repairs and all(
        repair.kind != "control-characters" for repair in article.repairs
    )


# --- Go blog posts (present format) -------------------------------------------------------------


def test_go_blog_header(gopher: Article) -> None:
    assert gopher.title == "The Gopher Community Garden"
    assert gopher.published == datetime(2022, 4, 10, tzinfo=UTC)
    assert gopher.author == "Alex Example; Sam Sample, for the garden team"


def test_go_blog_body_and_directives(gopher: Article) -> None:
    assert [section.title for section in gopher.sections] == [
        "",
        "Getting started",
        "What we learned",
    ]
    lead = [block.text for block in gopher.sections[0].blocks]
    assert lead[0].startswith("Last spring a few of us dug up the strip of lawn")
    assert lead[1] == "[image]"
    assert "[code: gopher-garden/water.go]" in [b.text for b in gopher.sections[1].blocks]
    assert Link(url="gopher-garden/beds.jpg", kind="image") in gopher.links
    assert "Summary:" not in gopher.body_text() and "alex@example.com" not in gopher.body_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("Wed, 01 May 2024 12:00:00 +0200", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("12 Jul 2016", datetime(2016, 7, 12, tzinfo=UTC)),
        ("12:01 10 Nov 2020", datetime(2020, 11, 10, 12, 1, tzinfo=UTC)),
        ("May 3, 2021", datetime(2021, 5, 3, tzinfo=UTC)),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected
