"""A time cap on parsing one document, so one pathological file cannot hang a batch.

Sizes are capped before parsing (20 MB); this caps the time too, for inputs small enough to
pass but slow to take apart. It uses SIGALRM, so it applies on the main thread of a POSIX
process (the `reader` command); elsewhere (the app's background threads) the size cap alone
holds, and those threads never block the screen.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from reader.ingest.errors import IngestError

PARSE_SECONDS = 60.0
"""Measured: a 1 MB HTML page parses in about 2.5 s, a 20 MB one (the size cap) in about 50."""


class _Expired(BaseException):
    # Not an Exception: parsers that catch Exception must not swallow it.
    pass


@contextmanager
def parse_deadline(name: str, seconds: float | None = None) -> Iterator[None]:
    """Raise `IngestError(name, ...)` if the block runs over `seconds` (default PARSE_SECONDS)."""
    limit = PARSE_SECONDS if seconds is None else seconds
    if (
        threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
        or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
    ):
        yield  # no cap here: see the module docstring
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    except _Expired:
        raise IngestError(name, f"took over {limit:g} s to read, so it was skipped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
