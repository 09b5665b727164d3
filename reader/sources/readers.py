"""One source read into a `Document` (a file, a URL, standard input), and the report of what
an add did. Used by `library` (which stores) and by `import_pool`'s worker processes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reader.ingest import IngestError
from reader.ingest.document import Document, parse_document
from reader.ingest.files import MAX_FILE_BYTES, read_file_bytes
from reader.models import Article
from reader.sanitize import clean_line, clean_text
from reader.store import Store
from reader.store.store import PreparedArticle, prepare

STDIN = "-"
"""The target that means standard input."""


@dataclass
class AddReport:
    """What adding did: ids of new and updated articles, and one line per failure."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def store(self, store: Store, articles: list[Article], feed_id: int | None = None) -> None:
        self.store_rows(store, [prepare(article) for article in articles], feed_id)

    def store_rows(
        self, store: Store, rows: list[PreparedArticle], feed_id: int | None = None
    ) -> None:
        for article_id, new in store.add_prepared(rows, feed_id=feed_id):
            (self.added if new else self.updated).append(article_id)


def read_path(path: Path) -> Document:
    name = clean_line(path.name or str(path))
    data = read_file_bytes(path, name)
    # The location is shown and printed: clean it like any text (a file name is untrusted).
    location = clean_text(str(path.absolute()))
    return parse_document(data, name=name, location=location, file_stem=path.stem)


def read_url(url: str) -> Document:
    from reader.sources.fetch import FetchError, fetch

    try:
        fetched = fetch(url)
    except FetchError as error:
        raise IngestError(url, str(error).removeprefix(f"{url}: ")) from None
    return parse_document(
        fetched.body,
        name=fetched.url,
        location=fetched.url,
        url=fetched.url,
        content_type=fetched.content_type,
        charset=fetched.charset,
    )


def read_stdin(stream: BinaryIO) -> Document:
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError("<stdin>", "too large (over 20 MB)")
    return parse_document(data, name="<stdin>", location="<stdin>")


