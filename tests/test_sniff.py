"""Telling documents apart by content: feeds, OPML, HTML, Markdown and plain text."""

from __future__ import annotations

import pytest

from reader.ingest.sniff import Kind, sniff

RSS = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>N</title>'
ATOM = '<?xml version="1.0"?>\n<!-- a comment -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
ATOM_03 = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title></feed>'
RDF = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"></channel></rdf:RDF>'
)
JSON_FEED = (
    '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "My feed",\n  "items": []\n}'
)
OPML = '<?xml version="1.0"?>\n<opml version="2.0"><head><title>Subs</title></head><body>'
HTML_PAGE = "<!DOCTYPE html>\n<html lang='en'><head><title>Page</title></head><body><p>Hi</p>"
HTML_FRAGMENT = "<div class='story'><p>One.</p><p>Two, with <a href='/x'>a link</a>.</p></div>"
MARKDOWN = "# Heading\n\nSome text with a [link](https://example.com).\n"
FRONT_MATTER = "---\ntitle: Hello\ndate: 2024-01-01\n---\n\nBody text.\n"
FENCED = "Some notes\n\n```python\nprint(1)\n```\n"
TEXT = "Council approves budget\n\nThe council approved the budget on Tuesday.\n"
SEED_LIKE = "Quick Summary\n- A point\nWhat Happened\nThe thing happened on Monday.\n"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (RSS, "news.xml", "feed"),
        (ATOM, "atom.xml", "feed"),
        (ATOM_03, "", "feed"),
        (RDF, "index.rdf", "feed"),
        (JSON_FEED, "feed.json", "feed"),
        (OPML, "subscriptions.opml", "opml"),
        (HTML_PAGE, "page.html", "html"),
        (HTML_FRAGMENT, "", "html"),
        (MARKDOWN, "", "markdown"),
        (FRONT_MATTER, "", "markdown"),
        (FENCED, "", "markdown"),
        ("Just words, nothing else.\n", "notes.md", "markdown"),
        (TEXT, "story.txt", "text"),
        (TEXT, "", "text"),
        (SEED_LIKE, "seed.txt", "text"),
        ('{"name": "not a feed"}', "data.json", "text"),
    ],
)
def test_kinds(text: str, name: str, expected: Kind) -> None:
    assert sniff(text, name=name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # Content wins over a misleading file name.
        (HTML_PAGE, "export.xml", "html"),
        (RSS, "latest.html", "feed"),
        (ATOM, "feed.md", "feed"),
        (MARKDOWN.replace("# Heading", "<html><body>"), "readme.md", "html"),
        (OPML, "list.xml", "opml"),
        (JSON_FEED, "feed.txt", "feed"),
        # A feed with a stray XHTML doctype above it is still a feed.
        ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x">\n<rss><channel>', "", "feed"),
    ],
)
def test_content_beats_the_extension(text: str, name: str, expected: Kind) -> None:
    assert sniff(text, name=name) == expected


def test_txt_files_stay_text_despite_markdown_headings() -> None:
    # The plain-text reader handles "#" headings and one-paragraph-per-line text itself.
    assert sniff("## Summary\nLine one.\nLine two.\n", name="article.txt") == "text"
    assert sniff(FRONT_MATTER, name="article.txt") == "markdown"
    assert sniff(HTML_FRAGMENT, name="saved.txt") == "html"
    assert sniff("Use <b>bold</b> and <i>italics</i> in <p> tags.", name="tips.txt") == "text"


def test_content_type_breaks_ties() -> None:
    assert sniff("Hello there.", content_type="text/html; charset=utf-8") == "html"
    assert sniff("Hello there.", content_type="text/markdown") == "markdown"
    assert sniff("<?xml version='1.0'?><weird/>", content_type="application/rss+xml") == "feed"
    assert sniff(RSS, content_type="text/html") == "feed"
    assert sniff(MARKDOWN, content_type="text/plain") == "text"


def test_url_query_is_not_the_extension() -> None:
    assert sniff("Plain words.", name="https://example.com/post.md?ref=feed") == "markdown"


def test_bom_and_leading_whitespace() -> None:
    assert sniff("\ufeff\n\n  " + RSS) == "feed"
    assert sniff("") == "text"
