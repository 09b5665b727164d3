"""Time `reader add` on a folder of plain-text articles, on one core, and print it (JSON).

    python benchmarks/import_files.py write FOLDER [--count 2000]   # make the files
    python benchmarks/import_files.py import DATA_DIR FOLDER         # add them to a store

The files are generated articles (see generate_library.py) in the title-first form: a title
line, a blank line, headings, paragraphs (some hard-wrapped), `- ` bullets and an FAQ. The
import goes through `reader.sources.library.add_targets` as `reader add FOLDER` does, into whatever
store DATA_DIR holds (an empty one, or a generated library), pinned to one CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

FILES_SEED = 7
"""Not the libraries' seed, so the files are new articles to every library."""


def write_files(folder: Path, count: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_library import article_text, generate_articles

    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    for batch in generate_articles(count, seed=FILES_SEED):
        for article in batch:
            (folder / f"{number:05d}.txt").write_text(article_text(article), encoding="utf-8")
            number += 1


def import_folder(data_dir: Path, folder: Path) -> dict[str, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from reader.sources.library import add_targets
    from reader.store import Store

    files = sum(1 for path in folder.iterdir() if path.suffix == ".txt")
    with Store.in_dir(data_dir) as store:
        before = store.count()
        started = time.perf_counter()
        report = add_targets(store, [folder])
        elapsed = time.perf_counter() - started
        after = store.count()
    return {
        "files": files,
        "seconds": elapsed,
        "added": len(report.added),
        "updated": len(report.updated),
        "failed": len(report.errors),
        "library_before": before,
        "library_after": after,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write")
    write.add_argument("folder", type=Path)
    write.add_argument("--count", type=int, default=2000)
    run = commands.add_parser("import")
    run.add_argument("data_dir", type=Path)
    run.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write_files(args.folder, args.count)
    else:
        print(json.dumps(import_folder(args.data_dir, args.folder)))


if __name__ == "__main__":
    main()
