"""Property tests: no input, however broken, makes a parser fail in a way nobody planned for.

Each parser either returns or raises the project's own error (`IngestError`, `QueryError`);
`load_config` never raises at all. What comes back is safe to show: titles and block text
hold no control characters, escape sequences, bidi overrides or invisible characters.
Inputs are arbitrary bytes, arbitrary text, and text built from the pieces parsers look at
(headings, bullets, "?", "---", tags, entities, brackets, escapes).
"""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.config import Config, load_config
from reader.ingest import IngestError
from reader.ingest.decode import decode_bytes
from reader.ingest.feeds import parse_feed
from reader.ingest.html import parse_html
from reader.ingest.markdown import parse_markdown
from reader.ingest.opml import parse_opml
from reader.ingest.sniff import sniff
from reader.ingest.text import parse_text
from reader.models import Article
from reader.query import Query, QueryError, parse_query
from reader.sanitize import clean_text
from tests.hostile import unsafe_or_invisible

TODAY = date(2026, 11, 1)
KINDS = {"text", "markdown", "html", "feed", "opml"}


def fast(examples: int) -> settings:
    # No example database: no failure is replayed from an earlier run, so every run (and CI)
    # spends the same budget. deadline=None because the first call of a parser imports it.
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- strategies ------------------------------------------------------------------------------

HOSTILE_PIECES = [
    "\x1b", "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\x1bP", "\x1b\\",
    "\x07", "\x00", "\x08", "\x0b", "\x0c", "\r", "\r\n", "\x7f", "\x85", "\x9b", "\x9b1m",
    "\x9d", "\x9c", "\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d",
    "\u200e", "\u2060", "\ufeff", "\u2028", "\u2029", "\ud800", "\udfff", "👩\u200d💻",
    "é", "â€™", "Ã©", "โ", "โก", "—", "日本", "\t",
]  # fmt: skip
STRUCTURE_PIECES = [
    "\n", "\n\n", " ", "  ", "word", "Title", "The council met today.", "Why?", "?", "---",
    "+++", "***", "# ", "## ", "### ", "#", "- ", "* ", "• ", "1. ", "2) ", "> ", "```", "~~~",
    "Q: ", "A: ", "Summary", "Frequently Asked Questions", "FAQ", "Key Takeaways", "TL;DR",
    "title: ", "date: 2026-01-01", "link: ", "https://example.com/", ":", "[", "]", "(", ")",
    "[bold]", "[/]", "[@click=app.quit]", "[link=file:///etc/passwd]", "**", "__", "_", "|",
    "<", ">", "&", "&amp;", "&lt;", "&#27;", "&#x9b;", "&#0;", "&lol;", ";", "\"", "'",
    "<p>", "</p>", "<h1>", "</h1>", "<h2>", "<h6>", "<div>", "</div>", "<ul>", "<li>", "<br>",
    "<table>", "<tr>", "<td>", "<pre>", "<dl>", "<dt>", "<dd>", "<blockquote>", "<a href=\"",
    "javascript:", "\">", "</a>", "<img alt=\"", "<script>", "<title>", "</title>",
    "<!DOCTYPE html>", "<html>", "<body>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [",
    "<!ENTITY lol \"lol\">", "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "]>", "&x;",
    "<rss version=\"2.0\">", "<channel>", "<item>", "</item>", "<description>", "<link>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "<opml>", "<outline ",
    "xmlUrl=\"", "<![CDATA[", "]]>", "{", "}", "\"version\": \"https://jsonfeed.org/version/1\"",
    "\"items\": [", "since:", "until:", "tag:", "is:", "source:", "sort:", "OR", "-", "*",
    "today", "7d", "9999999d", "2026-02-30", "0000-01-01",
]  # fmt: skip

structured_text = st.lists(st.sampled_from(STRUCTURE_PIECES + HOSTILE_PIECES), max_size=60).map(
    "".join
)
"""Text made of the pieces parsers react to, hostile characters mixed in."""
any_text = st.one_of(st.text(max_size=400), structured_text)
structured_bytes = st.one_of(
    structured_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
    structured_text.map(lambda text: text.encode("utf-16", "surrogatepass")),
)
any_bytes = st.one_of(st.binary(max_size=600), structured_bytes)
# File names are checked with hostile characters in test_hostile_input (a known bug there);
# here they are ordinary, so that the text is what varies.
file_stems = st.one_of(
    st.none(), st.text(string.ascii_letters + string.digits + "_-. ", max_size=30)
)


# -- checks ----------------------------------------------------------------------------------


def assert_safe(text: str, where: str) -> None:
    bad = unsafe_or_invisible(text)
    assert not bad, f"{where} holds {bad!r}: {text[:200]!r}"


def assert_article_safe(article: Article) -> None:
    """Every piece of an article that is ever shown is terminal-safe."""
    assert_safe(article.title, "title")
    assert "\n" not in article.title, f"title is more than one line: {article.title!r}"
    for field in (article.source, article.author or ""):
        assert_safe(field, "source/author")
    for section in article.sections:
        assert_safe(section.title, "section title")
        for block in section.blocks:
            for text in (block.text, block.question, block.answer, *block.items):
                assert_safe(text or "", f"{block.kind} block")
    for link in article.links:
        assert_safe(link.url, "link url")
        assert_safe(link.text, "link text")
    if article.link is not None:
        assert_safe(article.link, "article link")


def has_unsafe_url(article: Article) -> bool:
    urls = [article.link or "", *(link.url for link in article.links)]
    return any(unsafe_or_invisible(url) for url in urls)


def assert_one_line(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message, f"error is not one line: {message!r}"


# -- decode and sniff ------------------------------------------------------------------------


@fast(300)
@given(
    data=any_bytes,
    declared=st.one_of(
        st.none(),
        st.sampled_from(
            [
                "utf-8",
                "utf-16",
                "latin-1",
                "cp1252",
                "shift_jis",
                "base64",
                "nonsense",
                "utf-32",
                "",
            ]
        ),
    ),
)
@example(data=b"\xff\xfe\x00", declared=None)  # a UTF-16 BOM with half a character after it
@example(data=b"\x00" * 7, declared=None)
@example(data=b"<?xml version='1.0' encoding='rot13'?><a/>", declared=None)
@example(data=b"\xed\xa0\x80", declared="utf-16")
def test_decode_bytes_returns_text_or_refuses_in_one_line(
    data: bytes, declared: str | None
) -> None:
    try:
        text = decode_bytes(data, declared=declared, name="input")
    except IngestError as error:
        assert_one_line(error)
        return
    assert isinstance(text, str)


@fast(300)
@given(
    text=any_text,
    name=st.sampled_from(
        ["", "a.txt", "a.md", "a.html", "feed.xml", "x.opml", "https://e.com/f?x=1#y"]
    ),
    content_type=st.one_of(
        st.none(),
        st.sampled_from(
            [
                "text/html",
                "application/rss+xml",
                "text/plain",
                "application/feed+json",
                "text/x-opml",
                "text/markdown; charset=utf-8",
                "application/octet-stream",
                ";;;",
                "",
            ]
        ),
    ),
)
def test_sniff_always_names_a_kind(text: str, name: str, content_type: str | None) -> None:
    assert sniff(text, name=name, content_type=content_type) in KINDS


# -- the parsers -----------------------------------------------------------------------------


@fast(250)
@given(text=any_text, file_stem=file_stems)
@example(text="\x1b]0;pwned\x07Title\n\nBody of the article here.", file_stem=None)
@example(text="- ab\n- cd\n", file_stem="safe stem")
def test_parse_text_gives_a_safe_article(text: str, file_stem: str | None) -> None:
    try:
        article = parse_text(text, source="s.txt", file_stem=file_stem)
    except IngestError as error:  # pragma: no cover - parse_text does not refuse today
        assert_one_line(error)
        return
    assert_article_safe(article)


@fast(200)
@given(text=any_text, file_stem=file_stems)
@example(text="---\ntitle: \x1b[31mRed\x1b[0m\n---\n\n# \u202eHead\n\nWords.", file_stem=None)
@example(text="[x]: <\x1b]0;t\x07>\n\n[x]\n", file_stem=None)
def test_parse_markdown_gives_a_safe_article(text: str, file_stem: str | None) -> None:
    try:
        article = parse_markdown(text, source="s.md", file_stem=file_stem)
    except IngestError as error:  # pragma: no cover - parse_markdown does not refuse today
        assert_one_line(error)
        return
    assert_article_safe(article)


@fast(80)
@given(html=any_text)
@example(html="<html><body><p>" + "<div>" * 300 + "deep words here" + "</div>" * 300)
@example(html="<title>\x1b]0;x\x07 T</title><p>Some words of text in a paragraph.</p>")
def test_parse_html_gives_a_safe_article_or_refuses(html: str) -> None:
    try:
        article = parse_html(html, url="https://example.com/a/b.html", source="e.com")
    except IngestError as error:
        assert_one_line(error)
        return
    assert_article_safe(article)


FEED_SKELETONS = [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{0}</title><item><title>{0}</title>'
    "<link>{0}</link><description>{0}</description></item></channel></rss>",
    '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">{0}</title><entry>'
    '<title type="html">{0}</title><content type="html">{0}</content><link href="{0}"/>'
    "</entry></feed>",
    '{{"version": "https://jsonfeed.org/version/1.1", "title": "{0}", "items": '
    '[{{"id": "{0}", "title": "{0}", "content_html": "{0}", "url": "{0}"}}]}}',
]
feed_bytes = st.one_of(
    any_bytes,
    st.builds(
        lambda skeleton, text: skeleton.format(text).encode("utf-8", "surrogatepass"),
        st.sampled_from(FEED_SKELETONS),
        structured_text,
    ),
)


@fast(250)
@given(
    data=feed_bytes,
    content_type=st.sampled_from(
        [None, "application/rss+xml", "application/json; charset=latin-1"]
    ),
)
@example(
    data=b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "'
    + b"a" * 2000
    + b'">]><rss>'
    + b"&a;" * 1000
    + b"</rss>",
    content_type=None,
)
def test_parse_feed_gives_safe_entries_or_refuses(data: bytes, content_type: str | None) -> None:
    try:
        feed = parse_feed(data, url="https://feed.example/rss", content_type=content_type)
    except IngestError as error:
        assert_one_line(error)
        return
    assert_safe(feed.title, "feed title")
    for warning in feed.warnings:
        assert "\n" not in warning
    for entry in feed.entries:
        if has_unsafe_url(entry):
            # Known bug, pinned by test_feed_links_with_c1_or_bidi_characters_are_dropped:
            # such a link (and a title made from it) is let through. Everything else is checked.
            continue
        assert_article_safe(entry)


opml_bytes = st.one_of(
    any_bytes,
    structured_text.map(
        lambda text: (
            '<?xml version="1.0"?><opml version="2.0"><body>'
            f'<outline type="rss" text="{text}" xmlUrl="https://e.com/{text}"/>'
            f"{text}</body></opml>"
        ).encode("utf-8", "surrogatepass")
    ),
)


@fast(250)
@given(data=opml_bytes)
def test_parse_opml_gives_safe_subscriptions_or_refuses(data: bytes) -> None:
    try:
        subscriptions, refused = parse_opml(data, name="subs.opml")
    except IngestError as error:
        assert_one_line(error)
        return
    for subscription in subscriptions:
        assert_safe(subscription.title, "subscription title")
        # The URL itself is pinned by test_opml_urls_with_c1_or_bidi_characters_are_refused.
        assert subscription.url.split(":", 1)[0].lower() in {"http", "https", "file"}
    for message in refused:
        assert "\n" not in message
        assert_safe(message, "refusal")


# -- queries and config ----------------------------------------------------------------------


@fast(400)
@given(text=any_text)
@example(text='"unclosed')
@example(text="since:99999999999d until:0001-01-01")
@example(text="since:2026-02-30 OR OR -")
def test_parse_query_returns_a_query_or_a_query_error(text: str) -> None:
    try:
        query = parse_query(text, today=TODAY)
    except QueryError as error:
        assert_one_line(error)
        return
    assert isinstance(query, Query)
    query.describe()


toml_pieces = st.sampled_from([
    "theme", "=", "\"nord\"", "mark_read_on_open", "true", "reading_width", "88", "9" * 30, "-1",
    "[layout]", "[keys]", "[[keys]]", "list_width", "\"30%\"", "\"abc\"", "sidebar_width",
    "\"app.quit\"", "app.quit", "\"ctrl+b\"", "\"j,,k\"", "\"\\u001b\"", "\n", " ", ".", "[", "]",
    "{", "}", "#", "'", "\"", "\"\"\"", "1979-05-27", "inf", "nan", "0x1F", "[[", "]]", ",",
])  # fmt: skip
toml_text = st.lists(toml_pieces, max_size=40).map("".join)


@fast(200)
@given(
    raw=st.one_of(
        st.binary(max_size=300),
        any_text.map(lambda t: t.encode("utf-8", "replace")),
        toml_text.map(str.encode),
    )
)
@example(raw=b"[a]\n" + b"[" * 5000)
@example(raw=b"x = " + b"[" * 5000 + b"]" * 5000)
def test_load_config_never_raises(tmp_path_factory, raw: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("config") / "config.toml"
    path.write_bytes(raw)
    config, messages = load_config(path, known_ids={"app.quit", "app.bookmark", "list.down"})
    assert isinstance(config, Config)
    for message in messages:
        assert "\n" not in message, f"config message is not one line: {message!r}"


# -- clean_text ------------------------------------------------------------------------------


@fast(800)
@given(
    text=st.one_of(
        st.text(), st.lists(st.sampled_from(HOSTILE_PIECES + list(string.printable))).map("".join)
    )
)
@example(text="\x1b\x1b]0;x\x07")
@example(text="a \u200d\u200d b")
@example(text="\x9b\x1b[31m")
def test_clean_text_is_idempotent_and_terminal_safe(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert "\x1b" not in cleaned
    assert "\r" not in cleaned
    assert_safe(cleaned, "clean_text output")


# -- bugs the properties above found (fixed; kept as regressions) ------------------------


@pytest.mark.parametrize(
    "document",
    [
        '<rss version="2.0"><channel><title>F</title>'
        "<item><link>https://feed.example/a\u202egnp.exe</link></item></channel></rss>",
        '<rss version="2.0"><channel><title>F</title>'
        "<item><link>https://feed.example/zero\u200bwidth</link></item></channel></rss>",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>x</id>'
        '<link href="https://feed.example/a\x9b31mb"/></entry></feed>',
    ],
    ids=["rss-bidi", "rss-zero-width", "atom-c1"],
)
def test_feed_links_with_c1_or_bidi_characters_are_dropped(document: str) -> None:
    # With its only link refused, such an entry has nothing left to show and is skipped.
    feed = parse_feed(document.encode(), url="https://feed.example/rss")
    for entry in feed.entries:
        assert_article_safe(entry)


@pytest.mark.parametrize("char", ["\u202e", "&#x9b;", "\u200b"])
def test_opml_urls_with_c1_or_bidi_characters_are_refused(char: str) -> None:
    document = f'<opml version="2.0"><body><outline xmlUrl="https://e.com/{char}x"/></body></opml>'
    subscriptions, refused = parse_opml(document.encode(), name="subs.opml")
    assert subscriptions == [] and len(refused) == 1


@pytest.mark.parametrize("stem", ["\x1b]0;pwned\x07notes", "\x1b[2Jnotes", "notes\u202eexe"])
def test_a_title_made_from_a_hostile_file_stem_is_safe(stem: str) -> None:
    for parse in (parse_text, parse_markdown):
        article = parse("- ab\n- cd\n", source="x", file_stem=stem)
        assert article.title_origin == "file-name"
        assert_safe(article.title, "title")


def test_a_front_matter_link_is_a_safe_url() -> None:
    text = "---\nlink: https://e.com/\x1b]0;pwned\x07 [/]\n---\n\n# Title\n\nSome words here.\n"
    article = parse_markdown(text, source="a.md")
    assert article.link is None or not unsafe_or_invisible(article.link)
    assert article.link is None or " " not in article.link


# -- noise is never an article ---------------------------------------------------------------

_BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]


@fast(150)
@given(
    seed=st.integers(min_value=0, max_value=2**32),
    size=st.integers(min_value=1024, max_value=64 * 1024),
    name=st.sampled_from(["binary.txt", "notes.md", "page.html", "feed.xml", "noise"]),
    bom=st.sampled_from(_BOMS),
)
def test_uniform_noise_never_imports(seed: int, size: int, name: str, bom: bytes) -> None:
    # Uniform bytes, drawn from a seed rather than by hypothesis (whose byte strings are far
    # from uniform); noise that happens to start with a byte-order mark is noise all the same.
    import random

    from reader.ingest.document import parse_document

    data = bom + random.Random(seed).randbytes(size)
    with pytest.raises(IngestError) as refused:
        parse_document(data, name=name, location=f"/tmp/{name}")
    assert "not a text file" in refused.value.reason
