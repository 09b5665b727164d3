"""Sources -> `Article`s: text, Markdown, HTML and feeds. Nothing here imports Textual.

Names are loaded on first use, so that importing one piece (the app needs none of them to
start) does not import every parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ingest.document import parse_document
    from reader.ingest.errors import IngestError
    from reader.ingest.files import iter_article_paths
    from reader.ingest.text import parse_text

__all__ = ["IngestError", "iter_article_paths", "parse_document", "parse_text"]

_HOMES = {
    "IngestError": "reader.ingest.errors",
    "iter_article_paths": "reader.ingest.files",
    "parse_document": "reader.ingest.document",
    "parse_text": "reader.ingest.text",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'reader.ingest' has no attribute {name!r}")
