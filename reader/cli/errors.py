"""What a command's failure looks like: one line on stderr and an exit status."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
"""A failure, or a batch where something failed (the rest was still done)."""
EXIT_USAGE = 2


class CLIError(Exception):
    """A user-facing failure: the message is printed as one line."""
