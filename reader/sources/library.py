"""The path from sources to the store: read documents with ingest, keep them in the store."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from reader.ingest import IngestError, iter_article_paths
from reader.ingest.document import Document
from reader.models import Article
from reader.paths import seeds_dir
from reader.sources.readers import STDIN, AddReport, read_path, read_stdin, read_url
from reader.store import Store
from reader.store.meta import SEEDED_KEY

SEED_SOURCE = "bundled with reader"


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
    Articles are stored in batches of `BATCH`, one transaction each (a failure keeps the
    batches before it), so memory and the write-ahead log stay one batch large.
    """
    from reader.sources.import_pool import prepared_batches

    report = AddReport()
    batches = 0
    for rows in prepared_batches(targets, report, stdin=stdin, source=source):
        report.store_rows(store, rows)
        store.checkpoint()
        batches += 1
    if batches > 1:
        store.checkpoint(truncate=True)
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
