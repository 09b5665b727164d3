"""`reader search WORDS` as a person runs it: wall time of the whole process, beside the floor.

    python benchmarks/cli_search.py DATA_DIR ["economy growth"] [--runs 15] [--base SRC DATA_DIR]

The floor is `python -c pass` with the same interpreter, run alternately with the search in
the same loop; the figure that matters is the search's median over the floor's median (the
part reader adds to the start of any Python program). `--base` also times another source
tree (PYTHONPATH=SRC, e.g. `git archive` of an older commit) on its own library, in the
same loop, so a before/after pair comes from one run on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _run(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    # cwd "/": `-m` puts the working folder first on sys.path, which would shadow PYTHONPATH.
    subprocess.run(argv, env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("words", nargs="?", default="economy growth")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--base", nargs=2, metavar=("SRC", "DATA_DIR"))
    args = parser.parse_args()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("PYTHONDONTWRITEBYTECODE")
    # The `reader` script beside this interpreter, as a user starts it (PYTHONPATH still
    # comes before the installed package for `--base`).
    script = Path(sys.executable).with_name("reader")
    reader = [str(script)] if script.exists() else [sys.executable, "-m", "reader"]
    kinds = {
        "python -c pass (floor)": ([sys.executable, "-c", "pass"], env),
        "reader search": (
            [*reader, "--data-dir", args.data_dir, "search", args.words], env,
        ),
    }
    if args.base:
        source, data = args.base
        kinds["reader search (base)"] = (
            [*reader, "--data-dir", data, "search", args.words], {**env, "PYTHONPATH": source},
        )
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for argv, run_env in kinds.values():  # warm-up: bytecode caches, page cache
        _run(argv, run_env)
    for _ in range(args.runs):
        for name, (argv, run_env) in kinds.items():
            times[name].append(_run(argv, run_env))
    floor = statistics.median(times["python -c pass (floor)"])
    print(f"{'':28}{'p50 ms':>9}{'min ms':>9}{'p50 - floor':>13}")
    for name, values in times.items():
        p50 = statistics.median(values)
        print(f"{name:28}{p50:9.1f}{min(values):9.1f}{p50 - floor:13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
