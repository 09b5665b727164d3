"""OPML: nested outlines, refused URL schemes, malformed and hostile files, writing and reading."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader.ingest.errors import IngestError
from reader.ingest.opml import Subscription, parse_opml, write_opml

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


def load(name: str) -> tuple[list[Subscription], list[str]]:
    return parse_opml((FIXTURES / name).read_bytes(), name=name)


def test_nested_outlines_in_order_without_duplicates() -> None:
    accepted, refused = load("nested.opml")
    assert [(s.url, s.title) for s in accepted] == [
        ("https://gazette.example/feed.xml", "Harbour Town Gazette"),
        ("http://notes.example/rss", "Field Notes"),  # `title` wins over `text`
        ("https://kitchen.example/feed.json", "Kitchen Log"),  # `url` on a type="rss" outline
        ("file:///srv/feeds/archive.xml", "Local archive"),
    ]
    # The same feed with its host in capitals is the same feed; folders and plain web sites
    # (htmlUrl only) are not subscriptions and are passed over without complaint.
    assert refused == []


def test_only_http_and_file_urls_are_accepted() -> None:
    accepted, refused = load("evil.opml")
    assert [s.url for s in accepted] == ["https://good.example/feed"]
    assert refused == [
        'refused "Evil" (exec:rm -rf ~): only http(s) and file URLs are allowed',
        'refused "Script" (javascript:alert(document.cookie)): '
        "only http(s) and file URLs are allowed",
        'refused "Data" (data:text/xml;base64,PHJzcy8+): only http(s) and file URLs are allowed',
        'refused "Pipe" (|cat /etc/passwd): only http(s) and file URLs are allowed',
        'refused "FTP" (ftp://files.example/feed.xml): only http(s) and file URLs are allowed',
        'refused "Relative" (feeds/local.xml): only http(s) and file URLs are allowed',
        'refused "Hostless" (https:///feed): the URL has no host',
        'refused "Spaces" (https://a.example/my feed): '
        "a URL cannot contain spaces or control characters",
        'refused "Empty": it has no feed URL',
    ]


def test_refusal_messages_are_one_clean_line() -> None:
    data = (
        '<opml version="2.0"><body>'
        '<outline text="Bad&#10;\u202etitle\u200b" type="rss" xmlUrl="vbscript:x"/>'
        '<outline type="rss" xmlUrl="gopher://old.example/"/>'
        "</body></opml>"
    ).encode()
    accepted, refused = parse_opml(data)
    assert accepted == []
    assert refused == [
        'refused "Bad title" (vbscript:x): only http(s) and file URLs are allowed',
        "refused (untitled) (gopher://old.example/): only http(s) and file URLs are allowed",
    ]


def test_malformed_opml_is_one_line() -> None:
    with pytest.raises(IngestError) as caught:
        load("malformed.opml")
    message = str(caught.value)
    assert message.startswith("malformed.opml: not well-formed OPML (")
    assert "line" in message and "\n" not in message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not OPML (empty document)"),
        (b"<rss version='2.0'><channel/></rss>", "not OPML (the root element is <rss>)"),
        (b"<opml version='2.0'><head/></opml>", "not OPML (no <body> element)"),
        (b"not xml at all", "not well-formed OPML"),
    ],
)
def test_not_opml(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_opml(data, name="subs.opml")
    assert str(caught.value).startswith(f"subs.opml: {reason}")


def test_entity_bomb_is_refused_before_parsing() -> None:
    levels = ['<!ENTITY a "' + "x" * 80 + '">']
    for index in range(1, 10):
        previous, current = chr(ord("a") + index - 1), chr(ord("a") + index)
        levels.append(f'<!ENTITY {current} "' + f"&{previous};" * 32 + '">')
    data = (
        "<?xml version='1.0'?><!DOCTYPE opml [" + "".join(levels) + "]>"
        "<opml version='2.0'><body><outline text='&j;' xmlUrl='https://a.example/'/></body></opml>"
    ).encode()
    started = time.perf_counter()
    with pytest.raises(IngestError, match="refused: the OPML contains a document type"):
        parse_opml(data, name="bomb.opml")
    assert time.perf_counter() - started < 1


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4242")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        "<opml version='2.0'><body><outline text='&s;' xmlUrl='https://a.example/'/>"
        "</body></opml>"
    ).encode()
    with pytest.raises(IngestError) as caught:
        parse_opml(data, name="leak.opml")
    assert "TOPSECRET" not in str(caught.value)


def test_plain_doctype_is_allowed() -> None:
    data = b"<!DOCTYPE opml><opml version='1.0'><body><outline xmlUrl='http://a.example/'/></body></opml>"
    accepted, refused = parse_opml(data)
    assert [s.url for s in accepted] == ["http://a.example/"]
    assert refused == []


def test_other_encodings() -> None:
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><opml version="2.0"><body>'
        '<outline text="Caf\u00e9 Kr\u00e4me" xmlUrl="https://cafe.example/rss"/></body></opml>'
    ).encode("iso-8859-1")
    accepted, _ = parse_opml(data)
    assert accepted == [Subscription(url="https://cafe.example/rss", title="Café Kräme")]


def test_write_opml_round_trip_with_escaping() -> None:
    subscriptions = [
        Subscription(url="https://a.example/feed?x=1&y=2", title='Tom & Jerry\'s <"News">'),
        Subscription(url="http://b.example/rss", title="Ünïcödé — ✓"),
        Subscription(url="file:///srv/feeds/local.xml", title=""),
        Subscription(url="https://c.example/rss", title="Line\nbreak\x1b[31m red"),
    ]
    document = write_opml(subscriptions, title="Mine & yours")
    root = ElementTree.fromstring(document.encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Mine & yours"
    assert "\x1b" not in document
    accepted, refused = parse_opml(document.encode("utf-8"))
    assert refused == []
    assert accepted == [
        Subscription(url="https://a.example/feed?x=1&y=2", title='Tom & Jerry\'s <"News">'),
        Subscription(url="http://b.example/rss", title="Ünïcödé — ✓"),
        # An untitled feed is written with its URL as its name, as readers expect some text.
        Subscription(url="file:///srv/feeds/local.xml", title="file:///srv/feeds/local.xml"),
        Subscription(url="https://c.example/rss", title="Line break red"),
    ]


def test_write_opml_of_nothing_is_still_valid() -> None:
    document = write_opml([])
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert parse_opml(document.encode("utf-8")) == ([], [])
