"""Any document -> articles: decode the bytes, tell what it is by its content, parse it.

Heavy parsers (trafilatura, feedparser, markdown-it) are imported only when a document of
their kind arrives, so nothing here slows the app's start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.ingest.errors import IngestError
from reader.models import Article

if TYPE_CHECKING:
    from reader.ingest.feeds import ParsedFeed


@dataclass
class Document:
    """What one file, URL or stream held."""

    kind: str
    """`text`, `markdown`, `html` or `feed`."""
    articles: list[Article] = field(default_factory=list)
    feed: ParsedFeed | None = None
    """The feed itself, when the document was one."""


def parse_document(
    data: bytes,
    *,
    name: str,
    location: str,
    url: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    file_stem: str | None = None,
) -> Document:
    """Parse bytes of any supported kind; raise `IngestError` (one line) if they are none,
    or if parsing runs over the time cap (`reader.ingest.deadline`)."""
    from reader.ingest.deadline import parse_deadline

    with parse_deadline(name):
        return _parse(
            data, name=name, location=location, url=url, content_type=content_type,
            charset=charset, file_stem=file_stem,
        )


def _parse(
    data: bytes,
    *,
    name: str,
    location: str,
    url: str | None,
    content_type: str | None,
    charset: str | None,
    file_stem: str | None,
) -> Document:
    from reader.ingest.decode import decode_bytes
    from reader.ingest.sniff import sniff

    if not data.strip():
        raise IngestError(name, "empty")
    text = decode_bytes(data, declared=charset, name=name)
    kind = sniff(text, name=name, content_type=content_type)
    if kind == "opml":
        raise IngestError(name, "an OPML subscription list: use `reader feed import`")
    if kind == "feed":
        from reader.ingest.feeds import parse_feed

        # feedparser gets the raw bytes: it reads the XML's own encoding declaration.
        try:
            feed = parse_feed(data, url=url or location, content_type=content_type)
        except IngestError as error:
            # Named as every other refusal is: by the name given, not the absolute path.
            raise IngestError(name, error.reason) from None
        return Document("feed", list(feed.entries), feed)
    if kind == "html":
        from reader.ingest.html import parse_html

        article = parse_html(text, url=url, source=name, location=location)
    elif kind == "markdown":
        from reader.ingest.markdown import parse_markdown

        article = parse_markdown(text, source=name, location=location, file_stem=file_stem)
    else:
        from reader.ingest.text import parse_text

        article = parse_text(text, source=name, location=location, file_stem=file_stem)
    if not article.word_count:
        raise IngestError(name, "no article text found")
    if url and not article.link:
        article = article.model_copy(update={"link": url})
    return Document(kind, [article])
