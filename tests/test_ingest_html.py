"""HTML ingest: the article without the page's chrome, its structure and metadata; fragments."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.ingest.errors import IngestError
from reader.ingest.html import html_fragment_to_sections, parse_html, parse_html_fragment
from reader.models import Article, Block, Link

FIXTURES = Path(__file__).parent / "fixtures" / "html"
URL = "https://courier.example/news/harbour-tram-opens"


def blocks(article: Article, kind: str) -> list[Block]:
    return [block for section in article.sections for block in section.blocks if block.kind == kind]


@pytest.fixture(scope="module")
def page() -> str:
    return (FIXTURES / "tram-article.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(page: str) -> Article:
    # trafilatura takes a good part of a second: every test here shares one parse.
    return parse_html(page, url=URL, source="tram-article.html")


# --- the article page ---------------------------------------------------------------------------


def test_chrome_is_left_out(article: Article) -> None:
    body = article.body_text()
    for chrome in (
        "Subscribe",
        "Glimmer",
        "Advertisement",
        "Copyright",
        "Privacy policy",
        "Related stories",
        "Bus route cut",
        "GlimmerFan99",
        "adSlots",
        "color: red",
    ):
        assert chrome not in body, chrome


def test_metadata(article: Article, page: str) -> None:
    assert article.title == "Harbour tram line opens after six years of work"
    assert article.title_origin == "title-line"
    assert article.author == "Maren Okafor"
    assert article.published == datetime(2025, 3, 14, 7, 30, tzinfo=UTC)
    assert article.source == "The Lowbridge Courier"
    assert article.link == URL
    assert article.location == URL
    assert article.original == page


def test_sections_from_h2_and_h3(article: Article) -> None:
    assert [section.title for section in article.sections] == [
        "",
        "What the new line offers",
        "How to pay",
        "Delays and costs",
        "Frequently Asked Questions",
    ]
    lead = article.sections[0].blocks[0]
    assert lead.text.startswith("The first passengers boarded the new harbour tram on Friday")
    # The page's hard line breaks inside a paragraph are not kept.
    assert "six years after the city council" in lead.text


def test_lists(article: Article) -> None:
    unordered, ordered = blocks(article, "bullets")
    assert not unordered.ordered
    assert unordered.items == [
        "Step-free boarding at every stop",
        "Space for six bicycles in each tram",
        "  Bicycle spaces can be booked in the city app",
        "Ticket machines that take cards and cash",
    ]
    assert ordered.ordered
    assert ordered.items[0] == "Tap a bank card on the reader by the door"


def test_block_quote(article: Article) -> None:
    (quote,) = blocks(article, "quote")
    assert quote.text.startswith("We would rather open late and open safely")


def test_faq_headings_become_questions(article: Article) -> None:
    faq = article.sections[-1]
    assert [(block.kind, block.question, block.answer) for block in faq.blocks] == [
        (
            "qa",
            "When does the first tram leave?",
            "The first tram leaves the central station at 5.40 every weekday morning.",
        ),
        (
            "qa",
            "Can I take a dog on the tram?",
            "Yes. Dogs travel free as long as they stay on a lead or in a carrier.",
        ),
    ]


def test_links_and_images_resolved_against_the_url(article: Article) -> None:
    assert Link(
        url="https://council.example/press/tram", text="a turning point for the east side"
    ) in (article.links)
    image = Link(
        url="https://courier.example/images/tram-opening.jpg",
        text="A green tram waits at the harbour stop",
        kind="image",
    )
    assert image in article.links
    assert all("subscribe" not in link.url for link in article.links)
    paragraphs = [block.text for block in blocks(article, "paragraph")]
    assert "[image: A green tram waits at the harbour stop]" in paragraphs
    assert "Council leader Ida Brenner called the opening a turning point" in paragraphs[1]


def test_nothing_is_fetched(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert parse_html(page, url=URL).title


# --- fallbacks ----------------------------------------------------------------------------------


def test_page_body_without_menus_when_extraction_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("reader.ingest.html._extract", lambda html, url: None)
    page = (
        "<html><head><title>Note &amp;amp; more</title></head><body><nav><a href='/'>Home</a>"
        "</nav><p>Library closed Monday.</p><footer>Footer text</footer></body></html>"
    )
    article = parse_html(page, url="https://www.library.example/notes/1")
    assert article.title == "Note & more"
    assert article.body_text() == "Library closed Monday."
    assert article.source == "library.example"


def test_page_without_text_is_refused() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"
    with pytest.raises(IngestError, match="^empty.html: no article text found in the page$"):
        parse_html(page, location="empty.html")


# --- fragments (feed entries) -------------------------------------------------------------------


def test_fragment_structure() -> None:
    sections = html_fragment_to_sections(
        "<p>Intro with <a href='/a'>a link</a>.</p><h2>Details</h2><ul><li>One</li><li>Two</li>"
        "</ul><pre><code class='language-go'>x := 1</code></pre><script>bad()</script>"
        "<blockquote>Said <em>so</em>.</blockquote>"
    )
    assert [section.title for section in sections] == ["", "Details"]
    assert sections[0].blocks == [Block(kind="paragraph", text="Intro with a link.")]
    assert [block.kind for block in sections[1].blocks] == ["bullets", "code", "quote"]
    assert sections[1].blocks[1].language == "go"
    assert sections[1].blocks[2].text == "Said so."


def test_fragment_line_breaks_plain_text_and_empty() -> None:
    (section,) = html_fragment_to_sections("First part.<br><br>Second part,<br>same paragraph.")
    assert [block.text for block in section.blocks] == [
        "First part.",
        "Second part, same paragraph.",
    ]
    (section,) = html_fragment_to_sections("Plain text.\n\nIn two paragraphs &amp; an entity.")
    assert [block.text for block in section.blocks] == [
        "Plain text.",
        "In two paragraphs & an entity.",
    ]
    assert html_fragment_to_sections("  ") == []


def test_fragment_definition_list_faq_links_and_cleaning() -> None:
    fragment = parse_html_fragment(
        "<dl><dt>Is it free?</dt><dd>Yes, for now.</dd></dl>"
        "<p>See <a href='more.html'>more</a>\x1b[2J <img src='p.png' alt='A map'></p>",
        base_url="https://example.com/feed/",
    )
    (section,) = fragment.sections
    assert section.blocks[0] == Block(kind="qa", question="Is it free?", answer="Yes, for now.")
    assert section.blocks[1].text == "See more"
    assert fragment.links == [
        Link(url="https://example.com/feed/more.html", text="more"),
        Link(url="https://example.com/feed/p.png", text="A map", kind="image"),
    ]
    assert fragment.repairs[0].kind == "control-characters"


def test_heavy_libraries_are_imported_lazily() -> None:
    # The app imports ingest on its start path; parsers load only when a document needs them.
    code = (
        "import sys\n"
        "import reader.ingest.decode, reader.ingest.sniff, reader.ingest.html, "
        "reader.ingest.markdown\n"
        "heavy = {'trafilatura', 'lxml', 'markdown_it', 'charset_normalizer', 'textual'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_page_without_text_is_refused_under_the_name_it_was_given() -> None:
    from reader.ingest.document import parse_document

    page = b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"
    with pytest.raises(IngestError, match="^nav.html: no article text found in the page$"):
        parse_document(page, name="nav.html", location="/home/someone/pages/nav.html")

