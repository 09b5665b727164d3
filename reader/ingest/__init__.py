"""Sources -> `Article`s. Plain text today; nothing here imports Textual."""

from reader.ingest.files import IngestError, iter_article_paths, read_article_file
from reader.ingest.text import parse_text

__all__ = ["IngestError", "iter_article_paths", "parse_text", "read_article_file"]
