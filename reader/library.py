"""The path from sources to the store: read articles with ingest and keep them in the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import IngestError, iter_article_paths, read_article_file
from reader.paths import seeds_dir
from reader.store import Store

SEEDED_KEY = "seeded"
SEED_SOURCE = "bundled with reader"


@dataclass
class AddReport:
    """What `add_paths` did: ids of new and updated articles, and one line per failure."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def add_paths(store: Store, paths: Iterable[Path], *, source: str | None = None) -> AddReport:
    """Ingest files and folders; a bad file is reported and the rest are still added.

    `source` names where the articles came from in the list (default: each file's name).
    """
    report = AddReport()
    articles = []
    try:
        for path in iter_article_paths(paths):
            try:
                article = read_article_file(path)
                if source:
                    article = article.model_copy(update={"source": source})
                articles.append(article)
            except IngestError as error:
                report.errors.append(str(error))
    except IngestError as error:
        report.errors.append(str(error))
    for article_id, new in store.add_many(articles):
        (report.added if new else report.updated).append(article_id)
    return report


def ensure_seeds(store: Store, folder: Path | None = None) -> AddReport | None:
    """On a store's first start, add the bundled articles; never again after that.

    Seeds are added oldest-to-newest so that the first one in sorted order (the real article)
    ends up at the top of the newest-first list.
    """
    if store.get_meta(SEEDED_KEY) is not None:
        return None
    folder = folder or seeds_dir()
    paths = sorted(folder.glob("*.txt"), reverse=True) if folder.is_dir() else []
    report = add_paths(store, paths, source=SEED_SOURCE)
    store.set_meta(SEEDED_KEY, "1")
    return report
