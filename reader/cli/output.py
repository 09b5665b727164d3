"""How commands print: JSON with nothing unsafe left in its strings, or text to a file."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.cli.errors import CLIError

# Characters that must never reach a terminal raw, even inside a JSON string: json.dumps
# escapes C0 controls itself, but not DEL, C1 controls, bidi overrides or zero-width marks.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def write_output(text: str, output: Path | None, summary: str) -> None:
    """Write to a file (then say `summary`), or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CLIError(f"{output}: cannot write ({error.strerror or error})") from None
    print(f"{summary} to {output}")


def print_json(data: object) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    print(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


Progress = Callable[[int, int, str], None]
"""progress(done, total, what): how far a long command has got, and what it is doing."""


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A progress bar on stderr while the block runs, when stderr is a terminal (elsewhere
    the command's summary is enough). Redrawn at each step rather than by rich's timer thread:
    with no thread running, a refresh may fork its parse workers (sources/import_pool)."""
    if not sys.stderr.isatty():
        yield lambda done, total, what: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=Console(stderr=True), transient=True, auto_refresh=False,
    )
    task = bar.add_task(label, total=None)
    bar.start()

    def update(done: int, total: int, what: str) -> None:
        bar.update(task, description=what or label, completed=done, total=total or None,
                   refresh=True)

    try:
        yield update
    finally:
        bar.stop()
