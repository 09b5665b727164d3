"""`ConfigError`: a problem with the config file, reported as one line."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A problem with the config file, as one line: `config.toml, line N: <why>`.

    The file is named, not its whole path: the path can be long enough to wrap a notice, and
    `reader config --path` prints it.
    """

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        """The 1-based line the problem is on, where known."""
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path.name}, line {self.line}" if self.line else self.path.name
        return one_line(f"{where}: {self.reason}")


def one_line(text: str) -> str:
    """`text` with unprintable characters (newlines too) shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def os_reason(error: OSError) -> str:
    """Why an OS call failed, in lower case: "permission denied"."""
    return (error.strerror or str(error)).lower()
