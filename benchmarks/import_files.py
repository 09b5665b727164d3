"""Time `reader add` on a folder of plain-text articles, on one core, and print it (JSON).

    python benchmarks/import_files.py write FOLDER [--count 2000]   # make the files
    python benchmarks/import_files.py import DATA_DIR FOLDER         # add them to a store
    python benchmarks/import_files.py import DATA_DIR FOLDER --cores 2  # with the parse pool

The files are generated articles (see generate_library.py) in the title-first form: a title
line, a blank line, headings, paragraphs (some hard-wrapped), `- ` bullets and an FAQ. The
import goes through `reader.sources.library.add_targets` as `reader add FOLDER` does, into whatever
store DATA_DIR holds (an empty one, or a generated library), pinned to one CPU (or to
`--cores` CPUs: `reader add` parses large folders in one worker process per core). The peak
size of the write-ahead log is sampled every 20 ms while it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
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


# A separate process samples the log: a thread here would keep `reader add` from forking
# its parse workers (it forks only when it is the one thread).
_SAMPLER = """
import os, select, sys
peak = 0
while not select.select([sys.stdin], [], [], 0.02)[0]:
    try:
        peak = max(peak, os.stat(sys.argv[1]).st_size)
    except OSError:
        pass
print(peak)
"""


def _start_sampler(wal: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _SAMPLER, str(wal)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _spin(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(2_000_000):
        total += number
    return time.perf_counter() - started


def effective_cores(cores: int) -> float:
    """How many cores this process gets now: the same loop alone and on `cores` processes.

    On a shared machine this is often well under the cores it has; a parse pool can only
    gain what is free, so the figure is printed beside the rate.
    """
    import multiprocessing

    alone = _spin(0)
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        pool.map(_spin, range(cores))
    return cores * alone / (time.perf_counter() - started)


def import_folder(data_dir: Path, folder: Path, cores: int = 1) -> dict[str, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:cores]))
    from reader.sources.library import add_targets
    from reader.store import Store

    files = sum(1 for path in folder.iterdir() if path.suffix == ".txt")
    free = effective_cores(cores)
    with Store.in_dir(data_dir) as store:
        before = store.count()
        sampler = _start_sampler(Path(f"{store.path}-wal"))
        own, workers = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        report = add_targets(store, [folder])
        elapsed = time.perf_counter() - started
        own = _cpu(resource.RUSAGE_SELF) - own
        workers = _cpu(resource.RUSAGE_CHILDREN) - workers
        after = store.count()
    peak, _ = sampler.communicate("stop\n")
    return {
        "cores": cores,
        "effective_cores": round(free, 2),
        # CPU per file: this process (reading, with no pool; storing) and the parse workers.
        # Unlike the rate, these hardly depend on what else the machine is doing.
        "cpu_ms_per_file_main": round(own / files * 1000, 3),
        "cpu_ms_per_file_workers": round(workers / files * 1000, 3),
        "per_second": files / elapsed,
        "wal_peak_mb": int(peak) / 1e6,
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
    run.add_argument("--cores", type=int, default=1)
    args = parser.parse_args()
    if args.command == "write":
        write_files(args.folder, args.count)
    else:
        print(json.dumps(import_folder(args.data_dir, args.folder, args.cores)))


if __name__ == "__main__":
    main()
