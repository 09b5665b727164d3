"""Sources -> `Article`s: text, Markdown, HTML and feeds. Nothing here imports Textual.

Names are loaded on first use, so that importing `reader.ingest.sanitize` (which the app
needs to show text safely) does not import every parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ingest.files import IngestError, iter_article_paths, read_article_file
    from reader.ingest.text import parse_text

__all__ = ["IngestError", "iter_article_paths", "parse_text", "read_article_file"]


def __getattr__(name: str) -> Any:
    if name == "parse_text":
        from reader.ingest.text import parse_text

        return parse_text
    if name in __all__:
        from reader.ingest import files

        return getattr(files, name)
    raise AttributeError(f"module 'reader.ingest' has no attribute {name!r}")
