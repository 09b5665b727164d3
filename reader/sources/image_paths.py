"""Where a local article's pictures are: `![alt](img/photo.png)` beside a Markdown file.

Only addresses relative to the article's own file count, and only files inside that file's
folder: a picture is read without any network, and an article cannot point reader at
`../../somewhere/else`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.models import Article


def local_image(location: str, url: str) -> Path | None:
    """The file a relative picture address names, beside the article read from `location`;
    None for web addresses, absolute paths, and anything outside the article's folder."""
    if not location or location.startswith("<") or not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    article_file = Path(location)
    if not article_file.is_absolute():
        return None
    folder = article_file.parent.resolve()
    try:
        path = (folder / unquote(parts.path)).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return path if path.is_relative_to(folder) and path != folder else None


def pictures_used(articles: list[Article]) -> set[Path]:
    """Every local picture file the articles show."""
    used: set[Path] = set()
    for article in articles:
        for link in article.links:
            if link.kind == "image" and (path := local_image(article.location, link.url)):
                used.add(path)
    return used


PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".avif"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_MARKDOWN_SCAN_BYTES = 2 * 1024 * 1024


def pictures_shown_by_markdown(files: list[Path]) -> set[Path]:
    """Of `files` (a folder being added), the pictures its Markdown files show.

    Read before the files are parsed (which may happen in other processes), so that a picture
    beside its article is not reported as a file that failed. Nothing is read unless the folder
    holds pictures at all.
    """
    if not any(path.suffix.lower() in PICTURE_SUFFIXES for path in files):
        return set()
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    shown: set[Path] = set()
    for path in files:
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        try:
            with path.open("rb") as file:
                text = file.read(_MARKDOWN_SCAN_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
        location = str(path.absolute())
        for token in parser.parse(text):
            for child in token.children or ():
                source = str(child.attrGet("src") or "") if child.type == "image" else ""
                if source and (found := local_image(location, source)):
                    shown.add(found)
    return shown
