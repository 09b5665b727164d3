"""Plain-text ingest: the seed, title-first articles, files on disk, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import IngestError, iter_article_paths, parse_text
from reader.models import Article, Block, Section
from reader.sources.readers import read_path

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def titles(article: Article) -> list[str]:
    return [section.title for section in article.sections]


def kinds(section: Section) -> list[str]:
    return [block.kind for block in section.blocks]


def paragraphs(article: Article) -> list[str]:
    return [
        block.text
        for section in article.sections
        for block in section.blocks
        if block.kind == "paragraph"
    ]


# --- the seed ---------------------------------------------------------------------------------

SEED_SECTIONS = [
    "Quick Summary",
    "What Happened",
    "Background and Context",
    "Why This Matters",
    "Industry Impact",
    "Expert Perspective",
    "What This Means for Businesses",
    "Key Takeaways",
    "Looking Ahead",
    "Frequently Asked Questions",
]


@pytest.fixture
def seed(seed_path: Path) -> Article:
    return read_article_file(seed_path)


def test_seed_sections_in_order(seed: Article) -> None:
    assert titles(seed) == SEED_SECTIONS


def test_seed_title_comes_from_the_summary(seed: Article) -> None:
    assert seed.title == (
        "Yann LeCun raises $1B+ for AMI, a startup building AI world models that reject the "
        "LLM paradigm"
    )
    assert seed.title_origin == "summary"


def test_seed_blocks(seed: Article) -> None:
    by_title = {section.title: section for section in seed.sections}
    summary = by_title["Quick Summary"].blocks
    assert [block.kind for block in summary] == ["bullets"]
    assert len(summary[0].items) == 4
    assert summary[0].items[2] == (
        "LeCun calls extending LLMs to human-level intelligence 'complete nonsense'"
    )
    takeaways = by_title["Key Takeaways"].blocks
    assert [block.kind for block in takeaways] == ["bullets"]
    assert len(takeaways[0].items) == 6
    paragraph_counts = {
        "What Happened": 3,
        "Background and Context": 3,
        "Why This Matters": 2,
        "Industry Impact": 2,
        "Expert Perspective": 2,
        "What This Means for Businesses": 1,
        "Looking Ahead": 1,
    }
    for title, count in paragraph_counts.items():
        assert kinds(by_title[title]) == ["paragraph"] * count, title


def test_seed_faq_pairs(seed: Article) -> None:
    faq = seed.sections[-1].blocks
    assert [block.kind for block in faq] == ["qa", "qa", "qa"]
    assert [block.question for block in faq] == [
        "What is AMI and what does it do?",
        "Why does LeCun think LLMs are insufficient?",
        "Who is funding AMI?",
    ]
    assert faq[0].answer.startswith("Advanced Machine Intelligence (AMI) is a Paris-based")
    assert "world models — systems that understand" in faq[0].answer
    assert faq[2].answer.endswith("Mark Cuban, Eric Schmidt, and Xavier Niel.")


def test_seed_is_repaired_and_the_original_kept(seed: Article, seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    assert seed.original == raw
    body = seed.body_text()
    assert not any("\u0e00" <= char <= "\u0e7f" for char in body)
    assert body.count("—") == 15
    assert {(r.kind, r.replacement): r.count for r in seed.repairs} == {
        ("mojibake-cp874", "—"): 15,
        ("mojibake-cp874", "⚡"): 1,
    }
    assert seed.source == seed_path.name
    assert seed.location == str(seed_path.absolute())


def test_parse_text_and_read_article_file_agree(seed: Article, seed_path: Path) -> None:
    parsed = parse_text(seed_path.read_text(encoding="utf-8"))
    assert parsed.sections == seed.sections
    assert parsed.title == seed.title


# --- title-first fixtures ---------------------------------------------------------------------


def test_title_first_news_article() -> None:
    article = read_article_file(FIXTURES / "news_title_first.txt")
    assert article.title == "City council approves new cycling lanes after two-year debate"
    assert article.title_origin == "title-line"
    assert titles(article) == ["", "What the plan includes", "Who opposed it", "What happens next"]
    lead, plan, opposed, coming = article.sections
    assert kinds(lead) == ["paragraph", "paragraph"]
    assert lead.blocks[0].text.startswith("Riverton's city council voted 7-2")
    assert kinds(plan) == ["paragraph", "bullets"]
    assert plan.blocks[1].items == [
        "A two-way lane along Harbour Road",
        "New crossings at six junctions",
        "Bike parking for 400 bicycles at the station",
    ]
    assert kinds(opposed) == ["paragraph"]
    assert kinds(coming) == ["bullets", "paragraph"]
    assert coming.blocks[0].ordered
    assert not plan.blocks[1].ordered
    assert coming.blocks[0].items[0] == "Public consultation on the final design in January"
    assert coming.blocks[1].text == "The mayor declined to comment."


def test_hard_wrapped_lines_are_joined() -> None:
    article = read_article_file(FIXTURES / "hard_wrapped.txt")
    assert article.title == "Volunteers map every tree in the old town"
    assert titles(article) == ["", "How the survey worked", "What comes next"]
    lead = article.sections[0]
    assert kinds(lead) == ["paragraph", "paragraph"]
    assert lead.blocks[0].text == (
        "For three summers, a group of about forty volunteers has walked the streets of the old "
        "town with tape measures, clipboards and a borrowed GPS unit. Their goal was simple: "
        "record the species, height and health of every tree that stands on public land."
    )
    survey = article.sections[1]
    assert kinds(survey) == ["paragraph", "bullets"]
    assert survey.blocks[1].items == [
        (
            "Species were identified from leaves and bark, with photos sent to a botanist when "
            "in doubt"
        ),
        "Trunk girth was measured at 1.3 metres above the ground",
        "Health was scored from one to five",
    ]
    assert kinds(article.sections[2]) == ["paragraph"]
    assert article.sections[2].blocks[0].text.endswith("until the end of the year.")


def test_short_paragraphs_are_not_mistaken_for_headings() -> None:
    article = read_article_file(FIXTURES / "no_headings.txt")
    assert article.title == "Local bakery wins national bread award"
    assert titles(article) == [""]
    assert paragraphs(article) == [
        "By Sam Okafor",
        (
            "A small bakery on Mill Lane has won this year's national award for sourdough, "
            "beating more than 300 entries."
        ),
        "Owner Priya Nair said she found out by phone while shaping the morning's loaves.",
        '"I had flour up to my elbows," she said.',
        "The judges praised the crust",
        "and the even crumb, which they called the best they had tasted in years.",
        "Prize money will pay for a second oven.",
    ]


def test_faq_questions_pair_with_their_answers() -> None:
    article = read_article_file(FIXTURES / "faq.txt")
    assert titles(article) == ["", "Frequently asked questions"]
    faq = article.sections[1].blocks
    assert [(block.kind, block.question, block.answer) for block in faq] == [
        ("qa", "When do the new bins arrive?",
         "Deliveries start on 3 June and should finish within four weeks."),
        ("qa", "What goes in the green bin?",
         "Garden waste and food scraps. Cooked food is fine, but no plastic bags."),
        ("qa", "Do I have to pay for the bins?",
         "No. The bins are free, but replacements cost £25."),
        ("qa", "Can I keep my old bin?",
         ("Yes, if you mark it clearly. Otherwise the council will collect it when it "
          "delivers the new ones.")),
    ]  # fmt: skip


def test_questions_outside_an_faq_are_paragraphs() -> None:
    article = parse_text("Title here\n\nIs this a question?\n\nYes, but not an FAQ.")
    assert [block.kind for block in article.sections[0].blocks] == ["paragraph", "paragraph"]


def test_line_per_paragraph_with_emoji_heading_and_one_word_heading() -> None:
    article = read_article_file(FIXTURES / "line_per_paragraph.txt")
    assert titles(article) == ["Key Points", "Overview", "Timetable"]
    assert article.title == "A new ferry links the two islands from Monday"
    assert article.title_origin == "summary"
    assert kinds(article.sections[1]) == ["paragraph", "paragraph"]


def test_thai_text_is_kept_as_written() -> None:
    article = read_article_file(FIXTURES / "thai_mixed.txt")
    assert article.repairs == []
    assert "โรงเรียน" in article.body_text()
    assert "โ ก ง" in article.body_text()


# --- titles -----------------------------------------------------------------------------------


def test_title_from_the_first_sentence_skips_the_dateline() -> None:
    article = parse_text(
        "LONDON (Wire)A fox was found living on the 72nd floor of a skyscraper. It ate well."
    )
    assert article.title == "A fox was found living on the 72nd floor of a skyscraper"
    assert article.title_origin == "first-sentence"
    assert paragraphs(article)[0].startswith("LONDON (Wire)A fox")


def test_long_first_sentence_is_trimmed_at_a_word() -> None:
    sentence = "The committee " + "reviewed another long report " * 10 + "today."
    article = parse_text(sentence)
    assert article.title_origin == "first-sentence"
    assert len(article.title) <= 100
    assert article.title.endswith("…")
    assert sentence.startswith(article.title[:-1])


def test_a_section_name_is_never_the_title() -> None:
    article = parse_text("Summary\n\n- Rates held at 4%\n- Next review in May\n\nBody text here.")
    assert article.title == "Rates held at 4%"
    assert article.title_origin == "summary"
    assert titles(article) == ["Summary"]


def test_title_from_file_name_when_there_is_no_text() -> None:
    article = parse_text("", file_stem="2024-05-01_harbour-report_3fa9c2d1e8")
    assert article.title == "Harbour report"
    assert article.title_origin == "file-name"
    assert article.sections == []


def test_markdown_style_title_line() -> None:
    article = parse_text("# Rivers in spring\nMay 2024\n\nThe rivers rose early this year.")
    assert article.title == "Rivers in spring"
    assert article.title_origin == "title-line"


# --- line endings, controls, source fields ----------------------------------------------------


def test_windows_line_endings_parse_like_unix(tmp_path: Path) -> None:
    unix = (FIXTURES / "news_title_first.txt").read_text(encoding="utf-8")
    path = tmp_path / "windows.txt"
    path.write_bytes(unix.replace("\n", "\r\n").encode("utf-8"))
    article = read_article_file(path)
    assert article.sections == parse_text(unix).sections
    assert article.title == "City council approves new cycling lanes after two-year debate"
    assert article.original == unix.replace("\n", "\r\n")
    assert article.repairs == []  # a line ending is not a control character worth reporting


def test_control_characters_and_escapes_never_reach_the_article() -> None:
    text = (
        "\x1b]0;pwned\x07Headline \x1b[31mwith colour\x1b[0m\n\n"
        "Body\x00 text \u202ewith\u202c tricks\x07 and a \x9b2J clear.\n"
    )
    article = parse_text(text, source="feed", location="/tmp/feed.txt")
    assert article.title == "Headline with colour"
    assert paragraphs(article) == ["Body text with tricks and a clear."]
    assert article.original == text
    assert article.repairs[0].kind == "control-characters"
    assert article.repairs[0].count > 0
    assert (article.source, article.location) == ("feed", "/tmp/feed.txt")


def test_seed_shaped_text_and_blocks_round_trip_through_the_model() -> None:
    text = "Quick Summary\n- one point here\n- another point\nWhat Next\nMore on this soon."
    article = parse_text(text)
    assert article.sections == [
        Section(
            title="Quick Summary",
            blocks=[Block(kind="bullets", items=["one point here", "another point"])],
        ),
        Section(title="What Next", blocks=[Block(kind="paragraph", text="More on this soon.")]),
    ]
    assert Article.model_validate_json(article.model_dump_json()) == article


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_pick_the_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Café owners rejoice\n\nThe espresso tax is gone.".encode(encoding))
    article = read_article_file(path)
    assert article.title == "Café owners rejoice"
    assert not article.original.startswith("\ufeff") or encoding == "utf-8-sig"


def test_windows_1252_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café “quotes” — from 1998\n\nA résumé of the week.".encode("cp1252"))
    article = read_article_file(path)
    assert article.title == "Café “quotes” — from 1998"
    assert paragraphs(article) == ["A résumé of the week."]


# --- bad files --------------------------------------------------------------------------------


def read_article_file(path: Path) -> Article:
    """One plain-text file through the path every file takes (decode, sniff, parse)."""
    (article,) = read_path(path).articles
    return article


def assert_one_line_error(error: IngestError, name: str, reason: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    assert reason in message


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("notes.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (a PNG image)"),
        ("control.dat", bytes(range(1, 32)) * 20, "not a text file (binary data)"),
        ("high.dat", bytes(range(128, 256)) * 20, "not a text file (binary data"),
        ("blank.txt", b"   \n\n\t \n", "empty"),
        ("dashes.txt", b"--- *** ...\n", "no article text found"),
        ("escapes.txt", b"\x1b[31m\x1b[0m\n", "no article text found"),
    ],
)
def test_bad_files_raise_one_line_errors(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_article_file(path)
    assert_one_line_error(caught.value, name, reason)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(IngestError) as caught:
        read_article_file(path)
    assert_one_line_error(caught.value, "huge.txt", "too large")


def test_missing_file_and_folder_raise(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        read_article_file(tmp_path / "gone.txt")
    assert_one_line_error(caught.value, "gone.txt", "no such file")
    with pytest.raises(IngestError) as caught:
        read_article_file(tmp_path)
    assert "folder" in str(caught.value)


# --- finding files ----------------------------------------------------------------------------


def test_iter_article_paths_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for relative in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt",
                     ".git/config", "sub/.cache/e.txt"]:  # fmt: skip
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("words")
    single = tmp_path / ".hidden.txt"
    found = list(iter_article_paths([tmp_path, single]))
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        ".hidden.txt",  # a file named explicitly is taken as given
    ]


def test_iter_article_paths_raises_for_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        list(iter_article_paths([tmp_path / "nowhere"]))
    assert "nowhere" in str(caught.value)
    assert "no such file or folder" in str(caught.value)
