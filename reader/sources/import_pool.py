"""Reading many files for `reader add`: parsed in worker processes, handed over as rows.

Parsing is nearly all of an import's time and one process uses one core, so a large folder is
parsed by a pool of processes, one per core, while this process writes what they made. A
worker returns rows ready for the store (`store.prepare`: JSON deflated, text for the index),
which are smaller to send back than models and leave the writer only the writing. Few files,
a call off the main thread (the app's), or one core: everything runs here, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.ingest import IngestError, iter_article_paths
from reader.store.store import PreparedArticle, prepare

if TYPE_CHECKING:
    from reader.sources.readers import AddReport

BATCH = 500
"""Articles per store transaction."""
POOL_MIN_FILES = 200
"""Below this many files, starting workers costs more than they save (about 50 ms)."""
_CHUNK = 16
"""Files per task sent to a worker: fewer round trips, still an even spread."""

ParsedFile = tuple[list[PreparedArticle], str | None]


def parse_file(path: Path, source: str | None = None) -> ParsedFile:
    """One file as rows, or the one-line reason it cannot be read (in a worker or here)."""
    from reader.sources.readers import read_path

    try:
        document = read_path(path)
    except IngestError as error:
        return [], str(error)
    articles = document.articles
    if source:
        articles = [article.model_copy(update={"source": source}) for article in articles]
    return [prepare(article) for article in articles], None


def _parse_chunk(paths: list[Path], source: str | None) -> list[ParsedFile]:
    return [parse_file(path, source) for path in paths]


def _workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def worker_pool(tasks: int, *, least: int = POOL_MIN_FILES) -> ProcessPoolExecutor | None:
    """A pool of one process per core for `tasks` parses, or None where one would not pay
    (fewer than `least` tasks, one core) or not be safe.

    Workers are forked: the cheap start (nothing re-imported), and safe only from a process
    with one thread, on its main thread (the command line; never the app).
    """
    if (
        tasks < least
        or _workers() < 2
        or threading.current_thread() is not threading.main_thread()
        or threading.active_count() != 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return None
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(
        max_workers=_workers(), mp_context=context, initializer=_leave_interrupts_to_parent
    )


def _leave_interrupts_to_parent() -> None:
    # ^C reaches the whole process group: the command says "interrupted" in one line and
    # stops the pool; a worker of its own would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parsed(files: list[Path], source: str | None) -> Iterator[ParsedFile]:
    pool = worker_pool(len(files))
    if pool is None:
        for path in files:
            yield parse_file(path, source)
        return
    chunks = [files[start : start + _CHUNK] for start in range(0, len(files), _CHUNK)]
    try:
        # In order, so errors are reported in the order of the files, as without a pool.
        for results in pool.map(_parse_chunk, chunks, [source] * len(chunks)):
            yield from results
    finally:
        # Stopped early (the store failed, ^C): the files not yet begun are not parsed.
        pool.shutdown(wait=True, cancel_futures=True)


def prepared_batches(
    targets: Iterable[str | Path],
    report: AddReport,
    *,
    stdin: BinaryIO | None = None,
    source: str | None = None,
) -> Iterator[list[PreparedArticle]]:
    """Every target's articles as rows, `BATCH` at a time; failures go to `report.errors`."""
    from reader.sources.fetch import is_web_url
    from reader.sources.readers import STDIN, read_stdin, read_url

    batch: list[PreparedArticle] = []
    for target in targets:
        text = str(target)
        try:
            if text == STDIN or is_web_url(text):
                stream = stdin or sys.stdin.buffer
                document = read_stdin(stream) if text == STDIN else read_url(text)
                articles = document.articles
                if source:
                    articles = [a.model_copy(update={"source": source}) for a in articles]
                parsed: Iterable[ParsedFile] = [([prepare(a) for a in articles], None)]
            else:
                files = list(iter_article_paths([Path(text)]))
                # A picture that a Markdown file beside it shows is part of that article.
                from reader.sources.image_paths import pictures_shown_by_markdown

                shown = pictures_shown_by_markdown(files)
                parsed = (
                    (rows, None if error and path.resolve() in shown else error)
                    for path, (rows, error) in zip(files, _parsed(files, source), strict=True)
                )
            for rows, error in parsed:
                if error is not None:
                    report.errors.append(error)
                batch.extend(rows)
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
        except IngestError as error:
            report.errors.append(str(error))
    if batch:
        yield batch
