"""Feed parsing: RSS 1.0/2.0, Atom, JSON Feed, teasers, derived titles, links, XML safety."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.ingest.errors import IngestError
from reader.ingest.feeds import ParsedFeed, parse_feed
from reader.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


def load(name: str, url: str | None = None, content_type: str | None = None) -> ParsedFeed:
    url = url or f"https://feeds.example/{name}"
    return parse_feed((FIXTURES / name).read_bytes(), url=url, content_type=content_type)


def kinds(article: Article) -> list[str]:
    return [block.kind for section in article.sections for block in section.blocks]


def everything(feed: ParsedFeed) -> str:
    """Every bit of text the parse produced, for checking that something is nowhere in it."""
    return feed.model_dump_json()


# --- formats ----------------------------------------------------------------------------------


def test_rss2_entry_with_html_content_and_guid() -> None:
    feed = load("rss20.xml", url="https://gazette.example/feed.xml")
    assert feed.title == "Harbour Town Gazette"
    assert feed.link == "https://gazette.example/"
    assert feed.warnings == []
    first, second = feed.entries
    assert first.title == "Ferry timetable changes & new routes"
    assert first.title_origin == "title-line"
    assert first.source == "Harbour Town Gazette"
    assert first.feed == "https://gazette.example/feed.xml"
    assert first.guid == "gazette-ferry-0042"
    assert first.link == "https://gazette.example/2024/ferry-timetable"
    assert first.author == "Mara Lindqvist"
    assert first.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    # The full content:encoded wins over the one-line description, with its structure kept.
    body = first.body_text()
    assert "leaves at 06:40 instead of 07:10" in body
    assert "announced new ferry routes" not in body
    assert "alert" not in body  # the <script> is gone
    assert [section.title for section in first.sections if section.title] == ["What changes"]
    assert "bullets" in kinds(first)
    assert not first.teaser
    assert "06:40" in first.original
    assert [(link.url, link.kind) for link in first.links] == [
        ("https://gazette.example/media/ferry.jpg", "image"),
        ("https://gazette.example/media/ferry-small.jpg", "image"),
    ]
    # A long description and no content: the whole article, not a teaser.
    assert second.guid == "https://gazette.example/2024/market-hall"
    assert second.word_count > 80
    assert not second.teaser


def test_rss1_rdf() -> None:
    feed = load("rss10.rdf")
    assert feed.title == "Field Notes"
    (entry,) = feed.entries
    assert entry.title == "Owls are back in the old mill"
    assert entry.link == "https://notes.example/n/1"
    assert entry.guid
    assert entry.author == "Ines Okafor"
    assert entry.published == datetime(2024, 2, 10, 7, 15, tzinfo=UTC)
    assert "Volunteers counted four eggs." in entry.body_text()


def test_atom_prefers_content_over_summary() -> None:
    feed = load("atom.xml")
    assert feed.title == "Ada <Dev> Blog"  # an HTML title, read as text (and never as markup)
    profiling, release = feed.entries
    assert profiling.guid == "tag:blog.example,2024:profiling"
    assert profiling.link == "https://blog.example/posts/profiling.html"  # against xml:base
    assert profiling.author == "Ada Byte"  # the feed's author, where the entry names none
    assert profiling.published == datetime(2024, 1, 20, 3, 30, tzinfo=UTC)  # -05:00 to UTC
    assert profiling.published.tzinfo is UTC
    body = profiling.body_text()
    assert "six minutes" in body and "four minutes" not in body
    assert not profiling.teaser
    assert ("https://blog.example/posts/fixtures.html", "link") in [
        (link.url, link.kind) for link in profiling.links
    ]
    # Only a summary, ending in an ellipsis: a teaser for the page at the link.
    assert release.teaser
    assert release.link == "https://blog.example/releases/1.2"


def test_json_feed_1_1() -> None:
    feed = load("jsonfeed11.json", url="https://kitchen.example/feed.json")
    assert feed.title == "Kitchen Log"
    assert feed.link == "https://kitchen.example/"
    sourdough, soup = feed.entries
    assert sourdough.guid == "2024-sourdough"
    assert sourdough.link == "https://kitchen.example/sourdough"
    assert sourdough.author == "Sam Pepper"
    assert sourdough.published == datetime(2024, 3, 1, 6, 0, tzinfo=UTC)
    assert "250 degrees" in sourdough.body_text()  # content_html over content_text
    assert [(link.url, link.kind, link.text) for link in sourdough.links] == [
        ("https://kitchen.example/img/sourdough.jpg", "image", ""),
        ("https://kitchen.example/audio/sourdough.mp3", "link", "Listen"),
    ]
    assert soup.guid == "17"  # a number as id
    assert soup.author == "Lou Basil"
    assert soup.title == "Lentil soup needs no stock"
    assert soup.title_origin == "first-sentence"
    assert [block.text for block in soup.sections[0].blocks] == [
        "Lentil soup needs no stock. Onions, carrots and cumin do the work.",
        "Simmer it for half an hour.",
    ]


def test_json_feed_1_0_with_summary_only() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Old Style",
        "author": {"name": "Pat Quill"},
        "items": [
            {
                "id": "a",
                "url": "https://old.example/a",
                "title": "Teaser",
                "summary": "The first lines… [...]",
                "date_published": "2023-12-31T23:00:00",
            },
            "not an item",
            {"id": "b", "title": True},
        ],
    }
    feed = parse_feed(json.dumps(document).encode(), url="https://old.example/feed.json")
    (entry,) = feed.entries
    assert entry.author == "Pat Quill"
    assert entry.teaser
    assert entry.published == datetime(2023, 12, 31, 23, 0, tzinfo=UTC)  # no offset: UTC
    assert feed.warnings == ["skipped 2 entries with no title, text or link"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", ', "invalid JSON"),
        (b'{"title": "no version"}', "not a JSON Feed"),
        (b"[1, 2, 3]", "not a JSON Feed"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_json_that_is_not_a_json_feed(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_feed(data, url="https://x.example/feed.json")
    message = str(caught.value)
    assert message.startswith("https://x.example/feed.json: not a feed (")
    assert reason in message and "\n" not in message


# --- entries: teasers, titles, links ----------------------------------------------------------


def test_teaser_needs_a_short_summary_and_a_link() -> None:
    with_link, without_link = load("teaser.xml").entries
    assert with_link.teaser
    assert with_link.link == "https://wire.example/bridge-budget"
    # A guid that is not a URL is not a link, even though RSS calls it a permalink by default.
    assert without_link.guid == "wire-1002"
    assert without_link.link is None
    assert not without_link.teaser


def test_missing_titles_are_derived() -> None:
    feed = load("missing_titles.xml", url="https://micro.example/rss")
    assert feed.title == "micro.example"  # no channel title: the host
    swallows, clinic, link_only = feed.entries
    assert swallows.title == "Saw the first swallows of the year over the river this morning"
    assert swallows.title_origin == "first-sentence"
    assert clinic.title.startswith("Dr. Ruiz opened the new clinic")
    assert clinic.title.endswith("…") and len(clinic.title) <= 100
    assert clinic.guid.startswith("sha256:")  # no guid, no link: a hash of title and date
    assert link_only.title == "micro.example/p/3"
    assert link_only.title_origin == "file-name"
    assert feed.warnings == ["skipped 1 entry with no title, text or link"]


def test_entry_identity_is_stable() -> None:
    first = load("missing_titles.xml").entries[1]
    again = load("missing_titles.xml").entries[1]
    assert first.uid == again.uid
    other_feed = load("missing_titles.xml", url="https://elsewhere.example/rss").entries[1]
    assert other_feed.uid != first.uid


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = load("relative_links.xml", url="https://rel.example/feeds/main.xml")
    assert feed.link == "https://rel.example/"
    relative, script = feed.entries
    assert relative.link == "https://rel.example/articles/7"
    urls = [link.url for link in relative.links]
    assert "https://rel.example/about" in urls  # from the HTML body
    assert "https://rel.example/feeds/media/seven.png" in urls  # the enclosure
    assert script.link is None  # javascript: is never a link


def test_text_is_cleaned_and_repaired() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Esc\u001b[31mape\u0007",
        "items": [
            {
                "id": "1",
                "title": "Caf\u00c3\u00a9 \u202eopens",
                "content_text": "The caf\u00c3\u00a9 opens at nine.\u001b]0;pwned\u0007",
            }
        ],
    }
    feed = parse_feed(json.dumps(document).encode(), url="https://x.example/f.json")
    assert feed.title == "Escape"
    (entry,) = feed.entries
    assert entry.title == "Café opens"
    assert entry.body_text() == "The café opens at nine."
    assert {repair.kind for repair in entry.repairs} >= {"control-characters"}
    assert sum(repair.count for repair in entry.repairs if repair.replacement == "é") == 2
    assert "caf\u00c3\u00a9" in entry.original  # the original is kept as it came


def test_charset_from_the_content_type() -> None:
    data = (
        b"<rss version='2.0'><channel><title>Stra\xdfe</title>"
        b"<item><title>\xc4rger</title><guid>1</guid></item></channel></rss>"
    )
    feed = parse_feed(
        data, url="https://x.example/", content_type="application/rss+xml; charset=iso-8859-1"
    )
    assert feed.title == "Straße"
    assert feed.entries[0].title == "Ärger"


# --- not feeds, broken feeds ------------------------------------------------------------------


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(IngestError) as caught:
        load("page.html", url="https://gazette.example/")
    assert str(caught.value) == "https://gazette.example/: not a feed (an HTML page)"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"just some words, no markup at all",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"<?xml version='1.0'?><note><to>Tove</to></note>",
        b"<rss",
        b"/etc/passwd",  # feedparser would open a path given as bytes; it must never see one
    ],
)
def test_garbage_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(IngestError) as caught:
        parse_feed(data, url="https://x.example/feed")
    message = str(caught.value)
    assert message.startswith("https://x.example/feed: not a feed (")
    assert "\n" not in message
    assert "root:" not in message


def test_illformed_but_usable_feed_is_parsed_with_a_warning() -> None:
    feed = load("illformed.xml")
    assert feed.title == "Sloppy & Sons Weekly"
    (entry,) = feed.entries
    assert entry.title == "Prices up at the hardware store"
    assert "Nails & screws cost more" in entry.body_text()
    (warning,) = feed.warnings
    assert warning.startswith("feed is not well-formed XML: ")
    assert warning.endswith("(parsed anyway)")


def test_feed_with_a_title_and_no_entries_is_a_feed() -> None:
    data = b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    feed = parse_feed(data, url="https://quiet.example/rss")
    assert (feed.title, feed.entries, feed.warnings) == ("Quiet", [], [])


# --- XML safety -------------------------------------------------------------------------------


def test_entity_bomb_does_not_expand() -> None:
    feed = load("entity_bomb.xml")
    assert len(everything(feed)) < 10_000  # fully expanded it would be gigabytes
    assert "x" * 200 not in everything(feed)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [\n<!ENTITY secret SYSTEM "{uri}">\n]>',
        '<!DOCTYPE rss [<!ENTITY secret SYSTEM "{uri}">]>',
        '<!DOCTYPE rss [\n<!ENTITY % remote SYSTEM "{uri}">\n%remote;\n]>',
        '<!DOCTYPE rss SYSTEM "{uri}">',
    ],
)
def test_external_entities_are_never_read(doctype: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4242")
    document = (
        '<?xml version="1.0"?>\n'
        + doctype.format(uri=secret.as_uri())
        + "\n<rss version='2.0'><channel><title>Leaky &secret;</title>"
        "<item><title>Leak</title><guid>1</guid><description>a &secret; b</description></item>"
        "</channel></rss>"
    )
    feed = parse_feed(document.encode(), url="https://x.example/feed")
    assert feed.entries
    assert "TOPSECRET" not in everything(feed)


def test_external_entity_fixture_does_not_read_etc_passwd() -> None:
    feed = load("external_entity.xml")
    assert feed.entries[0].title == "Leak"
    assert "root:" not in everything(feed)


def test_quadratic_entity_expansion_is_refused() -> None:
    # One plain-text entity of 100 KB used 3,000 times: feedparser's lenient parser would
    # build 300 MB of text from 110 KB of input.
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "' + "x" * 100_000 + '">\n]>\n'
        "<rss version='2.0'><channel><title>T</title><item><title>t</title><guid>1</guid>"
        "<description>" + "&big;" * 3_000 + "</description></item></channel></rss>"
    )
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"refused as unsafe \(its XML entities would add"):
        parse_feed(document.encode(), url="https://x.example/feed")
    assert time.perf_counter() - started < 2


def test_small_entity_declarations_still_work() -> None:
    document = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n'
        b'<!ENTITY site "Harbour">\n]>\n'
        b"<rss version='2.0'><channel><title>&site; news</title><item><title>A&nbsp;B</title>"
        b"<guid>1</guid></item></channel></rss>"
    )
    feed = parse_feed(document, url="https://x.example/feed")
    assert feed.title == "Harbour news"
    assert feed.entries[0].title == "A B"


def test_utf16_feed() -> None:
    document = "<?xml version='1.0' encoding='utf-16'?><rss version='2.0'><channel>"
    document += "<title>Grüße</title><item><title>Ünïcode</title><guid>1</guid></item>"
    document += "</channel></rss>"
    feed = parse_feed(document.encode("utf-16"), url="https://x.example/feed")
    assert (feed.title, feed.entries[0].title) == ("Grüße", "Ünïcode")


def test_importing_feeds_does_not_import_feedparser() -> None:
    code = "import sys, reader.ingest.feeds; print('feedparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_refused_feed_file_is_named_as_given_too() -> None:
    from reader.ingest.document import parse_document

    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "x" * 50_000 + '">]>'
        "<rss><channel><title>t</title>" + "&a;" * 50_000 + "</channel></rss>"
    ).encode()
    with pytest.raises(IngestError, match=r"^bomb\.xml: refused as unsafe"):
        parse_document(bomb, name="bomb.xml", location="/home/someone/feeds/bomb.xml")
