"""Keys as a person sees them through a terminal (tmux): reader beside its floors, one run.

    python benchmarks/terminal_keys.py DATA_DIR [--anchor-rows N] [--frames 5] [--json OUT]

DATA_DIR is a reader data folder (a library: generate_library.py, into /tmp). In one run:

- first full frame (median of `--frames` launches, alternating): a minimal Textual app (a
  Header, a Static and a Footer), the anchor list (anchor_list.py) and reader, each timed
  from the start of its tmux session until its first screen is drawn;
- key to frame, p50 / p95 of 'first' (the screen first changes) and 'settled' (its last
  change, nothing new for a while after): `down` and `enter` in the anchor, and in reader
  `down` in the list, `enter` (open an article), `]`/`[` (next/previous section), `down` in
  the article (scroll) and `b` (bookmark);
- reader's peak memory (VmHWM of its process) at the end of the session.

Each reader figure is also given as a ratio to its floor from the same run (first frame to the
minimal app, down and enter to the anchor's): the machine is shared and noisy, so compare
ratios within a run, not milliseconds across runs. Needs tmux (Debian package `tmux`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tmux_keys import Terminal, tmux_available  # noqa: E402

SIZE = (120, 40)
MINIMAL_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Header, Static\n"
    "class Minimal(App):\n"
    "    def compose(self):\n"
    "        yield Header(); yield Static('READY-MARK'); yield Footer()\n"
    "Minimal().run()\n"
)
Timings = list[tuple[float, float]]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def first_frames(programs: dict[str, tuple[list[str], str]], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, (argv, needle) in programs.items():
            with Terminal(argv, size=SIZE) as term:
                times[name].append(term.wait_for(needle))
    return {name: statistics.median(values) for name, values in times.items()}


def anchor_keys(python: str, rows: int) -> dict[str, Timings]:
    with Terminal([python, str(HERE / "anchor_list.py"), str(rows)], size=SIZE) as term:
        term.wait_for("READY-MARK")
        term.settle()
        down = [term.press("Down") for _ in range(30)]
        enter = []
        for _ in range(10):
            enter.append(term.press("Enter"))
            term.press("Down")
    return {"anchor: down": down, "anchor: enter (replace the pane's text)": enter}


def _peak_memory_mb(term: Terminal) -> float:
    pane = subprocess.run(["tmux", "display", "-p", "-t", term.name, "#{pane_pid}"],
                          capture_output=True, text=True).stdout.strip()
    children = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()
    for pid in children:
        status = Path(f"/proc/{pid}/status")
        for line in status.read_text().splitlines() if status.exists() else []:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def reader_keys(python: str, data_dir: str) -> tuple[dict[str, Timings], float]:
    argv = [python, "-m", "reader", "--data-dir", data_dir]
    with Terminal(argv, size=SIZE) as term:
        term.wait_for("Articles")
        term.settle(quiet=0.5)
        term.press("Home", quiet=0.3)
        down = [term.press("Down", quiet=0.3) for _ in range(30)]
        enter = []
        for _ in range(10):
            enter.append(term.press("Enter", quiet=0.3))
            term.press("BTab", quiet=0.3)  # back to the list
            term.press("Down", quiet=0.3)
        # The top article has two sections or more: `]` then `[` each move, every time (at
        # an article's last section `]` changes nothing and would time out at the cap).
        term.press("Home", quiet=0.3)
        term.press("Enter", quiet=0.3)
        sections = [term.press(key, quiet=0.3) for key in ["]", "["] * 5]
        scroll = [term.press("Down") for _ in range(20)]
        bookmark = [term.press("b", quiet=0.3) for _ in range(10)]
        memory = _peak_memory_mb(term)
    return {
        "reader: down in the list": down,
        "reader: enter (open an article)": enter,
        "reader: ] / [ (next / previous section)": sections,
        "reader: down in the article (scroll)": scroll,
        "reader: b (bookmark)": bookmark,
    }, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("--anchor-rows", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not tmux_available():
        print("terminal_keys: needs tmux (apt-get install tmux)", file=sys.stderr)
        return 1
    python = sys.executable
    started = time.monotonic()
    frames = first_frames(
        {
            "minimal app": ([python, "-c", MINIMAL_APP], "READY-MARK"),
            "anchor list": ([python, str(HERE / "anchor_list.py"), str(args.anchor_rows)],
                            "READY-MARK"),
            "reader": ([python, "-m", "reader", "--data-dir", args.data_dir], "Articles"),
        },
        args.frames,
    )
    keys = anchor_keys(python, args.anchor_rows)
    reader, memory = reader_keys(python, args.data_dir)
    keys.update(reader)

    print(f"first full frame, median of {args.frames} (s): " + ", ".join(
        f"{name} {value:.2f}" for name, value in frames.items()
    ) + f"  -> reader {frames['reader'] / frames['minimal app']:.2f} x the minimal app")
    print(f"{'key':44}{'first p50/p95 ms':>18}{'settled p50/p95 ms':>20}{'n':>4}")
    summary: dict[str, dict[str, float]] = {}
    for name, timings in keys.items():
        first = [t[0] * 1000 for t in timings]
        settled = [t[1] * 1000 for t in timings]
        summary[name] = {
            "first_p50": percentile(first, 0.5), "first_p95": percentile(first, 0.95),
            "settled_p50": percentile(settled, 0.5), "settled_p95": percentile(settled, 0.95),
        }
        row = summary[name]
        print(f"{name:44}{row['first_p50']:>9.0f} /{row['first_p95']:>6.0f}"
              f"{row['settled_p50']:>12.0f} /{row['settled_p95']:>6.0f}{len(timings):>4}")
    pairs = [("reader: down in the list", "anchor: down"),
             ("reader: enter (open an article)", "anchor: enter (replace the pane's text)")]
    for ours, floor in pairs:
        mine, base = summary[ours], summary[floor]
        print(f"ratio {ours} / {floor}: first p50 {mine['first_p50'] / base['first_p50']:.2f},"
              f" settled p95 {mine['settled_p95'] / base['settled_p95']:.2f}")
    took = time.monotonic() - started
    print(f"reader peak memory (VmHWM): {memory:.0f} MB; the run took {took:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(
            {"first_frame_s": frames, "keys_ms": summary, "reader_peak_mb": memory}, indent=2
        ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
