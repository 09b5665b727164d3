"""Files on disk: finding them under folders and reading their bytes safely.

Decoding is `decode.py`'s, parsing `document.py`'s: one path for every file.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Iterable, Iterator

from reader.ingest.errors import IngestError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no article is that long, and parsing one would stall the app."""



def iter_article_paths(paths: Iterable[pathlib.Path]) -> Iterator[pathlib.Path]:
    """Files as given, and every file under each folder (sorted; hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            raise IngestError(str(path), "no such file or folder")


def _walk(folder: pathlib.Path) -> Iterator[pathlib.Path]:
    found: list[pathlib.Path] = []
    for root, dirs, files in os.walk(folder):
        # Pruning in place stops os.walk from descending into hidden folders (.git, .cache).
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(pathlib.Path(root, name) for name in files if not name.startswith("."))
    yield from sorted(found, key=lambda path: path.relative_to(folder).parts)


def read_file_bytes(path: pathlib.Path, name: str) -> bytes:
    """A file's bytes, refusing folders, empty files and files over the size cap."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(name, "is a folder, not a file")
        if size > MAX_FILE_BYTES:
            megabytes = size / (1024 * 1024)
            raise IngestError(name, f"too large ({megabytes:.1f} MB; the limit is 20 MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except PermissionError:
        raise IngestError(name, "cannot be read (permission denied)") from None
    except OSError as error:
        raise IngestError(name, f"cannot be read ({error.strerror or error})") from None
    if not data:
        raise IngestError(name, "empty file")
    return data
