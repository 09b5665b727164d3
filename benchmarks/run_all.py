"""Every speed benchmark, at each library size, in one table. Prints figures, asserts nothing.

    python benchmarks/run_all.py                      # 1k, 10k and 100k articles
    python benchmarks/run_all.py --sizes 1000 --quick # one size, fewer repetitions
    python benchmarks/run_all.py --cache-dir /tmp/libs  # build each library once, reuse it

For each size, a generated library (generate_library.py) in a temporary data folder, and:

- start to first full frame: `reader` on the library vs a minimal Textual app (a Static and a
  Footer), each launched the same way in a fresh process (first_frame.py), median of 5;
- key to frame: list down (j), page down, open (enter), next section (]), bookmark (b) and the
  unread filter (u), from the middle of the list, p50/p95 (app_session.py);
- store queries: page, count, position, next_unread, get, p50/p95, in this process;
- import: plain-text files per second through reader.sources.library on one core, into an
  empty store (the baseline) and into the library (import_files.py);
- peak memory: max RSS of a process that opens the app and browses 200 key presses, vs the
  minimal app doing the same.

Ratios are against a baseline measured in the same run; the growth columns divide each p50 by
the one at the previous size. Subprocesses run one at a time: the figures are latencies, and a
second process would share the cores. Bytecode is cached in a temporary folder, outside the
tree, as an installed app's would be (the first start of each app is a warm-up, not counted).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_library import build_library  # noqa: E402

from reader.query import Query  # noqa: E402
from reader.store import Store  # noqa: E402
from reader.store.store import STORE_FILE  # noqa: E402

PAGE = 100
"""Rows per `Store.page` call: the article list's page size."""
IMPORT_FILES = 2000


@dataclass
class Row:
    """One line of the table: a figure per library size."""

    section: str
    name: str
    unit: str
    values: dict[int, list[float]] = field(default_factory=dict)
    single: bool = False
    """Show one number (a median, a rate) rather than p50 / p95."""
    higher_is_better: bool = False


class Results:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], Row] = {}

    def add(self, section: str, name: str, unit: str, size: int, values: list[float], *,
            single: bool = False, higher_is_better: bool = False) -> None:
        row = self.rows.setdefault(
            (section, name), Row(section, name, unit, single=single,
                                 higher_is_better=higher_is_better)
        )
        row.values[size] = values


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _fmt(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


# -- environment ------------------------------------------------------------------------------


def machine() -> str:
    import rich
    import textual

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cores} CPUs ({cpu}), "
        f"Python {platform.python_version()}, textual {textual.__version__}, "
        f"rich {_version(rich)}, SQLite {sqlite3.sqlite_version}"
    )


def _version(module: object) -> str:
    from importlib.metadata import version

    return version(getattr(module, "__name__", ""))


def load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


def child_env(pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TEXTUAL") and k not in {"NO_COLOR", "READER_DATA_DIR"}}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_json(args: list[str], env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=3600
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the benchmarks --------------------------------------------------------------------------


def bench_first_frame(results: Results, size: int, data_dir: Path, env: dict[str, str],
                      runs: int) -> None:
    script = str(HERE / "first_frame.py")
    commands = {"reader": [script, "reader", str(data_dir)], "minimal": [script, "minimal"]}
    for command in commands.values():
        run_json(command, env)  # warm-up: the OS file cache for this library
    samples: dict[str, list[dict]] = {"reader": [], "minimal": []}
    for _ in range(runs):
        for kind, command in commands.items():
            spawned = time.time()
            result = run_json(command, env)
            result["from_exec"] = result["wall_first_frame"] - spawned
            samples[kind].append(result)
    section = f"Start to first full frame (ms, median of {runs} fresh processes)"

    def median(kind: str, key: str) -> float:
        return p50([sample[key] * 1000 for sample in samples[kind]])

    reader, minimal = median("reader", "first_frame"), median("minimal", "first_frame")
    results.add(section, "reader", "ms", size, [reader], single=True)
    results.add(section, "minimal Textual app", "ms", size, [minimal], single=True)
    results.add(section, "ratio reader / minimal", "×", size, [reader / minimal], single=True)
    results.add(section, "reader: imports", "ms", size, [median("reader", "imports")],
                single=True)
    results.add(section, "reader: open store, make app", "ms", size,
                [median("reader", "create")], single=True)
    results.add(section, "reader: mount to painted frame", "ms", size,
                [median("reader", "to_frame")], single=True)
    results.add(section, "reader, from exec (incl. interpreter start)", "ms", size,
                [median("reader", "from_exec")], single=True)
    results.add(section, "minimal, from exec (incl. interpreter start)", "ms", size,
                [median("minimal", "from_exec")], single=True)


KEY_LABELS = ["j (list down)", "pagedown (list)", "enter (open)",
              "enter (open, already previewed)", "] (next section)", "b (bookmark)",
              "u (unread filter)"]


def bench_keys(results: Results, size: int, data_dir: Path, env: dict[str, str],
               repeat: float) -> None:
    script = str(HERE / "app_session.py")
    reader = run_json([script, "keys", "reader", str(data_dir), "--repeat", str(repeat)], env)
    minimal = run_json([script, "keys", "minimal", "--repeat", str(repeat)], env)
    samples = {**reader, **minimal}
    for how, title in [
        ("frame", "Key to painted frame (ms p50 / p95; key posted -> handlers done -> "
                  "next frame)"),
        ("frame_cpu", "CPU per key press (ms p50 / p95, same presses)"),
        ("pilot", "Pilot press + pause (ms p50 / p95; Pilot idles in 20 ms steps)"),
    ]:
        for label in [*KEY_LABELS, "j (minimal app)"]:
            values = samples.get(f"{label}.{how}")
            if values:
                name = "minimal app: j repaints a Static" if label == "j (minimal app)" else label
                results.add(title, name, "ms", size, values)


def bench_store(results: Results, size: int, data_dir: Path, reps: int) -> None:
    section = "Store queries (ms p50 / p95)"
    # The list's filters, as the app's `u` and `B` set them.
    everything, unread = Query(), Query(unread=True)
    bookmarked, both = Query(bookmarked=True), Query(unread=True, bookmarked=True)
    with Store.in_dir(data_dir) as store:
        total, unread_total = store.count(everything), store.count(unread)

        def at(query: Query, row: int) -> int:
            return store.page(query, row, 1)[0].id

        middle_id, last_id, first_id = at(everything, total // 2), at(everything, total - 1), \
            at(everything, 0)
        unread_middle_id = at(unread, unread_total // 2)
        cases: list[tuple[str, Callable[[], object]]] = [
            ("page(all) at row 0", lambda: store.page(everything, 0, PAGE)),
            ("page(all) at the middle", lambda: store.page(everything, total // 2, PAGE)),
            ("page(all) at the end", lambda: store.page(everything, total - PAGE, PAGE)),
            ("page(unread) at the middle",
             lambda: store.page(unread, unread_total // 2, PAGE)),
            ("count(all)", lambda: store.count(everything)),
            ("count(unread)", lambda: store.count(unread)),
            ("count(bookmarked)", lambda: store.count(bookmarked)),
            ("count(unread & bookmarked)", lambda: store.count(both)),
            ("position(all) of the first", lambda: store.position(first_id, everything)),
            ("position(all) of the middle", lambda: store.position(middle_id, everything)),
            ("position(all) of the last", lambda: store.position(last_id, everything)),
            ("position(unread) of the middle",
             lambda: store.position(unread_middle_id, unread)),
            ("next_unread after the middle", lambda: store.next_unread(middle_id)),
            ("next_unread after the last (wraps)", lambda: store.next_unread(last_id)),
            ("get (open) the middle article", lambda: store.get(middle_id)),
        ]
        for name, call in cases:
            call()  # warm the page cache, as the app's first draw would
            times = []
            for _ in range(reps):
                started = time.perf_counter()
                call()
                times.append((time.perf_counter() - started) * 1000)
            results.add(section, name, "ms", size, times)


def bench_import(results: Results, size: int, data_dir: Path, files: Path, scratch: Path,
                 env: dict[str, str]) -> None:
    section = f"Import: {IMPORT_FILES:,} plain-text files through reader.sources.library, one core"
    script = str(HERE / "import_files.py")
    empty = run_json([script, "import", str(scratch / "empty-store"), str(files)], env)
    shutil.rmtree(scratch / "empty-store")
    into = run_json([script, "import", str(data_dir), str(files)], env)
    for result in (empty, into):
        if result["failed"] or result["added"] != result["files"]:
            print(f"  warning: import added {result['added']} of {result['files']} files, "
                  f"{result['failed']} failed", file=sys.stderr)
    base = empty["files"] / empty["seconds"]
    rate = into["files"] / into["seconds"]
    results.add(section, "into an empty store (baseline)", "articles/s", size, [base],
                single=True, higher_is_better=True)
    results.add(section, "into the library", "articles/s", size, [rate], single=True,
                higher_is_better=True)
    results.add(section, "ratio library / empty", "×", size, [rate / base], single=True)


def bench_memory(results: Results, size: int, data_dir: Path, env: dict[str, str]) -> None:
    section = "Peak memory (MB max RSS: open the app, browse 200 key presses)"
    script = str(HERE / "app_session.py")
    reader = run_json([script, "memory", "reader", str(data_dir)], env)["maxrss_kb"] / 1024
    minimal = run_json([script, "memory", "minimal"], env)["maxrss_kb"] / 1024
    results.add(section, "reader", "MB", size, [reader], single=True)
    results.add(section, "minimal Textual app", "MB", size, [minimal], single=True)
    results.add(section, "reader - minimal", "MB", size, [reader - minimal], single=True)


def warm_up(data_dir: Path, scratch: Path, env: dict[str, str]) -> None:
    """Run every subprocess once, uncounted, so that all of them start with compiled bytecode."""
    session, launcher = str(HERE / "app_session.py"), str(HERE / "first_frame.py")
    importer = str(HERE / "import_files.py")
    few = scratch / "warm-up-files"
    subprocess.run([sys.executable, importer, "write", str(few), "--count", "20"], env=env,
                   check=True)
    for command in [
        [launcher, "reader", str(data_dir)],
        [launcher, "minimal"],
        [session, "keys", "reader", str(data_dir), "--repeat", "0.01"],
        [session, "keys", "minimal", "--repeat", "0.01"],
        [session, "memory", "reader", str(data_dir)],
        [session, "memory", "minimal"],
        [importer, "import", str(scratch / "warm-up-store"), str(few)],
    ]:
        run_json(command, env)
    shutil.rmtree(few)
    shutil.rmtree(scratch / "warm-up-store")


# -- the table -------------------------------------------------------------------------------


def _label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def print_table(results: Results, sizes: list[int]) -> None:
    name_width = max(len(row.name) for row in results.rows.values()) + 2
    cell = 17
    growth = [(a, b) for a, b in zip(sizes, sizes[1:], strict=False)]
    header = "".ljust(name_width) + "".join(_label(s).rjust(cell) for s in sizes)
    header += "".join(f"{_label(b)}/{_label(a)}".rjust(10) for a, b in growth)
    section = None
    for row in results.rows.values():
        if row.section != section:
            section = row.section
            print()
            print(section)
            print(header)
        line = f"  {row.name}".ljust(name_width)
        for size in sizes:
            values = row.values.get(size)
            if not values:
                text = "-"
            elif row.single:
                text = _fmt(values[0])
            else:
                text = f"{_fmt(p50(values))} / {_fmt(p95(values))}"
            line += text.rjust(cell)
        for a, b in growth:
            if a in row.values and b in row.values and p50(row.values[a]) > 0:
                line += f"×{p50(row.values[b]) / p50(row.values[a]):.2f}".rjust(10)
            else:
                line += "-".rjust(10)
        print(line)


# -- main ------------------------------------------------------------------------------------


def prepare_library(size: int, data_dir: Path, cache: Path | None, seed: int) -> float:
    """Build the library into `data_dir` (or copy a cached build); return the build time."""
    started = time.perf_counter()
    if cache is None:
        build_library(data_dir, size, seed)
        return time.perf_counter() - started
    cached = cache / f"lib-{size}-seed{seed}"
    if not (cached / STORE_FILE).exists():
        shutil.rmtree(cached, ignore_errors=True)
        build_library(cached, size, seed)
    else:
        # Bring a library cached by an older tree up to the current schema, once, in place.
        Store.in_dir(cached).close()
    elapsed = time.perf_counter() - started
    data_dir.mkdir(parents=True)
    shutil.copy2(cached / STORE_FILE, data_dir / STORE_FILE)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="library sizes, comma-separated (default: 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions (3 starts, a quarter of the key presses)")
    parser.add_argument("--cache-dir", type=Path,
                        help="keep built libraries here and reuse them on later runs")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    starts, repeat, reps = (3, 0.25, 10) if args.quick else (5, 1.0, 30)

    print(f"machine: {machine()}")
    print(f"load average at start: {load()}")
    results = Results()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        scratch = Path(tmp)
        env = child_env(scratch / "pycache")
        files = scratch / "import-files"
        subprocess.run([sys.executable, str(HERE / "import_files.py"), "write", str(files),
                        "--count", str(IMPORT_FILES)], env=env, check=True)
        for size in sizes:
            data_dir = scratch / f"data-{size}"
            print(f"\n[{_label(size)}] building the library ...", flush=True)
            built = prepare_library(size, data_dir, args.cache_dir, args.seed)
            megabytes = (data_dir / STORE_FILE).stat().st_size / 1e6
            how = "built" if args.cache_dir is None else "built or found in the cache"
            print(f"[{_label(size)}] {how} in {built:.1f} s, {megabytes:,.0f} MB; "
                  "store queries ...", flush=True)
            if size == sizes[0]:
                print(f"[{_label(size)}] warming up ...", flush=True)
                warm_up(data_dir, scratch, env)
            bench_store(results, size, data_dir, reps)
            print(f"[{_label(size)}] first frames ...", flush=True)
            bench_first_frame(results, size, data_dir, env, starts)
            print(f"[{_label(size)}] key presses ...", flush=True)
            bench_keys(results, size, data_dir, env, repeat)
            print(f"[{_label(size)}] memory ...", flush=True)
            bench_memory(results, size, data_dir, env)
            print(f"[{_label(size)}] import ...", flush=True)
            bench_import(results, size, data_dir, files, scratch, env)
            shutil.rmtree(data_dir)
    print(f"\nload average at end: {load()}")
    print_table(results, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
