"""Files on disk -> `Article`s: finding them, reading bytes safely, decoding them."""

from __future__ import annotations

import codecs
import os
import pathlib
import re
from collections.abc import Iterable, Iterator

from reader.ingest.sanitize import clean_line
from reader.ingest.text import parse_text
from reader.models import Article

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no article is that long, and parsing one would stall the app."""

# Probing a prefix is enough to tell text from binary and keeps huge files cheap to reject.
_PROBE_BYTES = 64 * 1024
# Text has almost no C0 control bytes besides whitespace and ESC (coloured terminal output is
# still text); binary formats are full of them.
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F})
_MAX_CONTROL_SHARE = 0.05
# Windows-1252 text is mostly ASCII; a file where most bytes are high is not text in it.
_MAX_HIGH_SHARE = 0.3
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WORD = re.compile(r"[^\W_]")


class IngestError(Exception):
    """A source that cannot become an article; the message is one line naming the file."""

    def __init__(self, name: str, reason: str) -> None:
        # A file name is untrusted too: no escapes, and never a second line.
        name = clean_line(name)
        self.name = name
        self.reason = " ".join(reason.split())
        super().__init__(f"{name}: {self.reason}")


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


def read_article_file(path: pathlib.Path) -> Article:
    """Read, decode and parse one plain-text article; raise `IngestError` if it is not one."""
    name = path.name or str(path)
    data = read_file_bytes(path, name)
    text = _decode(data, name)
    if not _WORD.search(text):
        raise IngestError(name, "no words in the file")
    article = parse_text(text, source=path.name, location=str(path.absolute()), file_stem=path.stem)
    if not article.word_count:
        raise IngestError(name, "no words in the file")
    return article


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


def _decode(data: bytes, name: str) -> str:
    """Decode by BOM, else as UTF-8, else as Windows-1252 (the commonest legacy encoding)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(name, f"not valid {encoding.upper()} text") from None
    probe = data[:_PROBE_BYTES]
    if b"\x00" in probe or _share(probe, _CONTROL_BYTES) > _MAX_CONTROL_SHARE:
        raise IngestError(name, "not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _share(probe, frozenset(range(0x80, 0x100))) > _MAX_HIGH_SHARE:
        raise IngestError(name, "not a text file (binary data)")
    # Python's cp1252 refuses the five bytes Windows leaves undefined; ftfy's variant maps
    # them to C1 characters, which the mojibake repair and sanitizer then deal with.
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy" codecs)

    return data.decode("sloppy-windows-1252")


def _share(data: bytes, values: frozenset[int]) -> float:
    if not data:
        return 0.0
    return sum(byte in values for byte in data) / len(data)
