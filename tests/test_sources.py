"""Every origin from the command line: URLs (page, feed), stdin, subscriptions, OPML, refresh.

Everything is served from a local HTTP server on 127.0.0.1; nothing reaches the network.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.sources.library import add_targets
from reader.store import Store
from tests.httpserver import FixtureServer

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Local Gazette</title><link>http://example.invalid/</link>
<item><title>Harbour bridge reopens</title><guid>gazette-1</guid>
<link>{base}/bridge.html</link><pubDate>Sat, 01 Nov 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The harbour bridge reopened on Saturday after two years of repairs.
Engineers said the new deck will last a century.&lt;/p&gt;
&lt;p&gt;Traffic resumed at noon.&lt;/p&gt;
</description></item>
<item><title>Library extends opening hours</title><guid>gazette-2</guid>
<link>{base}/library.html</link><pubDate>Fri, 31 Oct 2026 08:00:00 GMT</pubDate>
<description>The city library will open until nine…</description></item>
</channel></rss>
"""

PAGE = """<!doctype html><html><head><title>Library extends opening hours | Gazette</title>
<meta name="author" content="Ada Byline"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Library extends opening hours</h1>
<p>The city library will open until nine in the evening from Monday, the council said on
Thursday, after a survey found that most readers wanted later hours on weekdays.</p>
<h2>What changes</h2>
<p>Weekday hours move from six to nine. Weekend hours stay the same, and the reading room
keeps its quiet policy throughout the longer evenings.</p>
<ul><li>Weekdays: 9 to 21</li><li>Weekends: 10 to 17</li></ul>
<h2>Why now</h2>
<p>Visits rose by a third last year, and the evening study tables were always full, the
head librarian told reporters at the opening of the new wing.</p>
</article><footer>Copyright Gazette. All rights reserved.</footer></body></html>
"""

MARKDOWN = """---
title: Notes on the river survey
author: Sam Surveyor
date: 2026-10-20
---

The river survey finished a week early this year.

## Findings

- Water levels were normal
- Two new species of dragonfly were recorded
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def titles(capsys: pytest.CaptureFixture[str], data: Path) -> list[str]:
    return [item["title"] for item in json.loads(cli(capsys, data, "list", "--json")[1])]


def serve_gazette(server: FixtureServer) -> str:
    base = server.url("")
    server.add("/library.html", PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    return server.add(
        "/feed.xml", RSS.format(base=base), headers={"Content-Type": "application/rss+xml"},
        etag='"gazette-v1"',
    )


def test_add_url_of_a_page_extracts_the_article(capsys, data, http_server) -> None:
    url = serve_gazette(http_server)
    code, out, err = cli(capsys, data, "add", url.replace("feed.xml", "library.html"))
    assert code == 0, err
    article_id = json.loads(cli(capsys, data, "list", "--json")[1])[0]["id"]
    shown = json.loads(cli(capsys, data, "show", str(article_id), "--json")[1])
    assert shown["title"] == "Library extends opening hours"
    text = json.dumps(shown["sections"])
    assert "Weekday hours move from six to nine" in text
    assert "All rights reserved" not in text and "Sport" not in text
    assert [s["title"] for s in shown["sections"]][-2:] == ["What changes", "Why now"]


def test_add_url_of_a_feed_adds_its_entries(capsys, data, http_server) -> None:
    code, out, _ = cli(capsys, data, "add", serve_gazette(http_server))
    assert code == 0 and "added 2" in out
    assert {"Harbour bridge reopens", "Library extends opening hours"} <= set(titles(capsys, data))


def test_add_markdown_from_standard_input(capsys, data, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MARKDOWN.encode())))
    code, out, err = cli(capsys, data, "add", "-")
    assert code == 0, err
    assert "Notes on the river survey" in titles(capsys, data)


def test_add_a_folder_by_content_not_extension(capsys, data, tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "survey.notes").write_text(MARKDOWN)
    (folder / "page.dat").write_text(PAGE)
    (folder / "plain.txt").write_text("Plain headline\n\nA plain story in one paragraph.\n")
    code, out, err = cli(capsys, data, "add", str(folder))
    assert code == 0, err
    assert {"Notes on the river survey", "Library extends opening hours", "Plain headline"} <= set(
        titles(capsys, data)
    )


def test_a_url_that_fails_is_one_line(capsys, data, http_server) -> None:
    code, out, err = cli(capsys, data, "add", http_server.url("/nothing"))
    assert code == 1 and "HTTP 404" in err and err.count("\n") == 1


def test_subscribe_refresh_and_keep_state(capsys, data, http_server) -> None:
    url = serve_gazette(http_server)
    code, out, err = cli(capsys, data, "feed", "add", url)
    assert code == 0, err
    assert "Local Gazette" in out and "2 new" in out
    feeds = json.loads(cli(capsys, data, "feed", "list", "--json")[1])
    assert [(f["title"], f["status"], f["articles"]) for f in feeds] == [("Local Gazette", "ok", 2)]
    items = json.loads(cli(capsys, data, "list", "--json")[1])
    bridge = next(i for i in items if i["title"] == "Harbour bridge reopens")
    assert bridge["source"] == "Local Gazette"
    cli(capsys, data, "bookmark", str(bridge["id"]))
    # Second refresh: the server answers 304 to the conditional request.
    code, out, _ = cli(capsys, data, "refresh")
    assert code == 0 and "not modified" in out
    assert http_server.requests[-1][1].get("If-None-Match") == '"gazette-v1"'
    # The feed changes upstream: entries are updated, not duplicated, and state is kept.
    http_server.routes["/feed.xml"].body = RSS.format(base=http_server.url("")).replace(
        "Harbour bridge reopens", "Harbour bridge reopens to traffic"
    ).encode()
    http_server.routes["/feed.xml"].etag = '"gazette-v2"'
    code, out, _ = cli(capsys, data, "refresh")
    assert code == 0 and "0 new, 2 updated" in out
    items = json.loads(cli(capsys, data, "list", "--json")[1])
    assert len(items) == 4  # two seeds, two entries
    updated = next(i for i in items if i["id"] == bridge["id"])
    assert updated["title"] == "Harbour bridge reopens to traffic" and updated["bookmarked"]


def test_one_failing_feed_does_not_stop_the_others(capsys, data, http_server) -> None:
    good = serve_gazette(http_server)
    cli(capsys, data, "feed", "add", good)
    http_server.add("/busy.xml", RSS.format(base=""), headers={"Content-Type": "text/xml"})
    cli(capsys, data, "feed", "add", http_server.url("/busy.xml"))
    http_server.routes["/busy.xml"] = type(http_server.routes["/busy.xml"])(
        status=429, headers={"Retry-After": "3600"}
    )
    code, out, err = cli(capsys, data, "refresh")
    assert code == 1
    assert "asked to wait" in err and "Local Gazette: not modified" in out
    # Until then, the rate-limited feed is not asked again.
    before = len(http_server.requests)
    cli(capsys, data, "refresh")
    assert all(path != "/busy.xml" for path, _ in http_server.requests[before:])


def test_subscribing_to_something_that_is_not_a_feed_fails_cleanly(capsys, data, http_server):
    serve_gazette(http_server)
    code, _, err = cli(capsys, data, "feed", "add", http_server.url("/library.html"))
    assert code == 1 and "not a feed" in err and err.count("\n") == 1
    assert json.loads(cli(capsys, data, "feed", "list", "--json")[1]) == []


def test_opml_import_refuses_other_schemes_and_exports(capsys, data, tmp_path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="Tech"><outline text="A &amp; B" type="rss" xmlUrl="https://a.invalid/rss"/>'
        '</outline><outline text="Evil" type="rss" xmlUrl="exec:rm -rf ~"/>'
        '<outline text="Local" type="rss" xmlUrl="file:///tmp/feed.xml"/></body></opml>'
    )
    code, out, err = cli(capsys, data, "feed", "import", str(opml))
    assert code == 1 and "subscribed to 2 new feeds" in out
    assert "Evil" in err and err.count("\n") == 1
    code, out, _ = cli(capsys, data, "feed", "export")
    assert code == 0 and 'xmlUrl="https://a.invalid/rss"' in out and "A &amp; B" in out
    assert "exec:" not in out


def test_fulltext_replaces_a_teaser_and_keeps_state(capsys, data, http_server) -> None:
    cli(capsys, data, "feed", "add", serve_gazette(http_server))
    items = json.loads(cli(capsys, data, "list", "--json")[1])
    teaser = next(i for i in items if i["title"] == "Library extends opening hours")
    shown = json.loads(cli(capsys, data, "show", str(teaser["id"]), "--json")[1])
    assert shown["teaser"] is True
    cli(capsys, data, "mark", str(teaser["id"]), "--read")
    code, out, err = cli(capsys, data, "fulltext", str(teaser["id"]))
    assert code == 0, err
    shown = json.loads(cli(capsys, data, "show", str(teaser["id"]), "--json")[1])
    assert shown["teaser"] is False and shown["read"] is True
    assert "Weekday hours move from six to nine" in json.dumps(shown["sections"])
    assert len(json.loads(cli(capsys, data, "list", "--json")[1])) == len(items)


def test_add_targets_reports_each_bad_one(tmp_path: Path) -> None:
    with Store.in_dir(tmp_path) as store:
        binary = tmp_path / "image.png"
        binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        good = tmp_path / "good.txt"
        good.write_text("Good headline\n\nGood story.\n")
        report = add_targets(store, [binary, good, tmp_path / "absent.txt"])
        assert len(report.added) == 1 and len(report.errors) == 2
        assert all(len(error.splitlines()) == 1 for error in report.errors)
