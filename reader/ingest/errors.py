"""`IngestError`: a source that cannot become an article, as one line naming it."""

from __future__ import annotations

from reader.sanitize import clean_line


class IngestError(Exception):
    """A source that cannot become an article; the message is one line naming the file."""

    def __init__(self, name: str, reason: str) -> None:
        # A file name is untrusted too: no escapes, and never a second line.
        name = clean_line(name)
        self.name = name
        self.reason = " ".join(reason.split())
        super().__init__(f"{name}: {self.reason}")
