"""Search latency on a library: p50/p95 ms per query kind, against the plain first page.

    python benchmarks/search_latency.py --n 100000          # builds a library in a temp dir
    python benchmarks/search_latency.py --data-dir DIR      # an existing library

What is timed is what the app does for each keystroke in the search bar: count the matches,
then read the first page (with snippets) — `Store.count` + `Store.page`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader.query import parse_query  # noqa: E402
from reader.store import Store  # noqa: E402

QUERIES = {
    "no query (baseline)": "",
    "common word": "the",
    "rare word": "zeppelin",
    "two words": "market growth",
    "phrase": '"interest rates"',
    "prefix": "regul*",
    "word + filters": "market is:unread since:2025-06-01",
    "filters only": "is:unread is:bookmarked",
}
PAGE = 60


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_query(store: Store, text: str, reps: int) -> list[float]:
    query = parse_query(text, today=date(2026, 11, 29))
    timings = []
    for _ in range(reps):
        start = time.perf_counter()
        store.count(query)
        store.page(query, 0, PAGE)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    if args.data_dir is None:
        from generate_library import build_library

        args.data_dir = Path(tempfile.mkdtemp(prefix="reader-search-"))
        print(f"building {args.n:,} articles in {args.data_dir} …", file=sys.stderr)
        build_library(args.data_dir, args.n)
    with Store.in_dir(args.data_dir) as store:
        total = store.count()
        print(f"library: {total:,} articles; {args.reps} runs per query (count + first page)")
        print(f"{'query':<22}{'matches':>10}{'p50 ms':>10}{'p95 ms':>10}{'÷ baseline':>12}")
        base = None
        for label, text in QUERIES.items():
            time_query(store, text, 2)  # warm the page cache
            timings = time_query(store, text, args.reps)
            matches = store.count(parse_query(text, today=date(2026, 11, 29)))
            p50 = statistics.median(timings)
            base = base or p50
            print(
                f"{label:<22}{matches:>10,}{p50:>10.1f}{percentile(timings, 0.95):>10.1f}"
                f"{p50 / base:>12.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
