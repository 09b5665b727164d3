"""The path from sources to the store: read documents with ingest, keep them in the store."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reader.ingest import IngestError, iter_article_paths
from reader.ingest.document import Document, parse_document
from reader.ingest.files import MAX_FILE_BYTES, read_file_bytes
from reader.models import Article
from reader.paths import SEEDED_KEY, seeds_dir
from reader.sanitize import clean_line, clean_text
from reader.store import Store

SEED_SOURCE = "bundled with reader"
STDIN = "-"


@dataclass
class AddReport:
    """What adding did: ids of new and updated articles, and one line per failure."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def store(self, store: Store, articles: list[Article], feed_id: int | None = None) -> None:
        for article_id, new in store.add_many(articles, feed_id=feed_id):
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


def add_targets(
    store: Store,
    targets: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    source: str | None = None,
) -> AddReport:
    """Add files, folders (recursively), http(s) URLs and `-` (standard input).

    A bad source is reported in one line and the rest are still added. `source` names where
    the articles came from in the list (default: each file's name, or the feed's title).
    """
    report = AddReport()
    articles = read_targets(targets, report, stdin=stdin)
    if source:
        articles = [article.model_copy(update={"source": source}) for article in articles]
    report.store(store, articles)
    return report


def read_targets(
    targets: Iterable[str | Path], report: AddReport, *, stdin: BinaryIO | None = None
) -> list[Article]:
    """Read and parse every target (no store: safe in a worker thread); failures go to report."""
    from reader.sources.fetch import is_web_url

    articles: list[Article] = []
    for target in targets:
        text = str(target)
        try:
            if text == STDIN:
                documents = [read_stdin(stdin or sys.stdin.buffer)]
            elif is_web_url(text):
                documents = [read_url(text)]
            else:
                documents = _read_paths(Path(text), report)
        except IngestError as error:
            report.errors.append(str(error))
            continue
        for document in documents:
            articles.extend(document.articles)
    return articles


def _read_paths(path: Path, report: AddReport) -> list[Document]:
    documents = []
    failed: list[tuple[Path, IngestError]] = []
    for file in iter_article_paths([path]):
        try:
            documents.append(read_path(file))
        except IngestError as error:
            failed.append((file, error))
    # A picture a Markdown file in the folder shows is part of that article, not a failure.
    from reader.sources.image_paths import pictures_used

    used = pictures_used([article for document in documents for article in document.articles])
    report.errors.extend(str(error) for file, error in failed if file.resolve() not in used)
    return documents


def ensure_seeds(store: Store, folder: Path | None = None) -> AddReport | None:
    """On a store's first start, add the bundled articles; never again after that.

    Seeds are added oldest-to-newest so that the first one in sorted order (the real article)
    ends up at the top of the newest-first list.
    """
    if store.get_meta(SEEDED_KEY) is not None:
        return None
    folder = folder or seeds_dir()
    paths = sorted(folder.glob("*.txt"), reverse=True) if folder.is_dir() else []
    report = add_targets(store, paths, source=SEED_SOURCE)
    store.set_meta(SEEDED_KEY, "1")
    return report
