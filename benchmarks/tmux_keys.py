"""A program in a real terminal (tmux), driven as a person drives it: keys in, screen out.

    with Terminal([python, "app.py"], size=(120, 40)) as term:
        term.wait_for("READY-MARK")
        first, settled = term.press("Down")

In-process timings (Pilot) leave out the terminal: the driver's writes, the escape codes and
the terminal's own parsing. Here a key is timed from `tmux send-keys` until the styled screen
(`capture-pane -e`, so a moved highlight counts) first changes, and until it last changes
(nothing new for `quiet` seconds). Each capture is a subprocess of a few milliseconds, which
bounds the resolution alike for every program measured in a run.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Sequence
from types import TracebackType


class Terminal:
    """One tmux session running `argv` at `size`; closed (killed) on exit."""

    def __init__(self, argv: Sequence[str], *, size: tuple[int, int] = (120, 40),
                 env: dict[str, str] | None = None, cwd: str = "/") -> None:
        self.name = f"bench-{uuid.uuid4().hex[:10]}"
        self.argv, self.size, self.env, self.cwd = list(argv), size, env or {}, cwd
        self.started = 0.0

    def __enter__(self) -> Terminal:
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in self.env.items())
        # `sleep` keeps a crashed program's last screen readable instead of closing the pane.
        command = " ".join(map(shlex.quote, self.argv))
        inner = f"cd {shlex.quote(self.cwd)} && env TERM=xterm-256color {exports} {command}"
        inner += "; sleep 60"
        width, height = self.size
        for _ in range(5):  # a tmux server that is just exiting refuses new sessions
            started = subprocess.run(
                ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width),
                 "-y", str(height), "bash", "-c", inner],
                capture_output=True,
            )
            if started.returncode == 0:
                self.started = time.monotonic()
                return self
            time.sleep(0.3)
        raise RuntimeError(f"tmux would not start: {started.stderr.decode().strip()}")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)

    def screen(self, styled: bool = False) -> str:
        """The visible screen; `styled` keeps colours and attributes."""
        argv = ["tmux", "capture-pane", "-p", "-t", self.name] + (["-e"] if styled else [])
        return subprocess.run(argv, capture_output=True, text=True).stdout

    def send(self, key: str) -> None:
        """A tmux key name: `Down`, `Enter`, `BTab` (shift+tab), `Home`, `]`."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def wait_for(self, needle: str, timeout: float = 60.0) -> float:
        """Seconds from the session's start until `needle` is on screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.screen():
                return time.monotonic() - self.started
            time.sleep(0.005)
        raise TimeoutError(f"{needle!r} not on screen after {timeout} s:\n{self.screen()}")

    def settle(self, quiet: float = 0.3, cap: float = 10.0) -> None:
        """Wait until the screen has not changed for `quiet` seconds."""
        end = time.monotonic() + cap
        last, since = self.screen(styled=True), time.monotonic()
        while time.monotonic() < end and time.monotonic() - since < quiet:
            now = self.screen(styled=True)
            if now != last:
                last, since = now, time.monotonic()

    def press(self, key: str, quiet: float = 0.15, cap: float = 3.0) -> tuple[float, float]:
        """Seconds from sending `key` to the screen's first change, and to its last."""
        before = self.screen(styled=True)
        started = time.monotonic()
        self.send(key)
        first = last = None
        current = before
        while (now := time.monotonic() - started) < cap:
            shown = self.screen(styled=True)
            now = time.monotonic() - started
            if shown != current:
                current, last = shown, now
                first = now if first is None else first
            elif last is not None and now - last > quiet:
                break
        return (cap if first is None else first), (cap if last is None else last)


def tmux_available() -> bool:
    return shutil.which("tmux") is not None
