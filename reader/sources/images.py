"""Pictures for the reader: read beside the article's file or fetched, capped, cached, decoded.

Nothing here runs until the reader opens an article with images on: never for the list or a
preview. Every limit is a constant below. A picture that is too big, cut short, of a type that
is not a picture, or built to explode when decoded (a decompression bomb) raises
`ImageProblem`, one line, and the reader keeps its placeholder; a tracking pixel (1×1, or no
width or height) decodes to None and is not shown at all. Downloads are kept in the data dir,
oldest used dropped first once the cache passes its size.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.sources.image_paths import local_image

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from reader.sources.fetch import Fetched

MAX_IMAGE_BYTES = 5 * 1024 * 1024
"""A larger picture is not fetched or read (news photos are well under 1 MB)."""
MAX_PIXELS = 25_000_000
"""A picture with more pixels (5000×5000) is not decoded: a bomb, or far more than a terminal
can show."""
MAX_IMAGES = 20
"""Pictures fetched for one article at most; the rest keep their placeholder."""
FETCH_TIMEOUT = 10.0
"""Seconds for one picture's download."""
ARTICLE_TIME = 60.0
"""Seconds spent on one article's pictures at most."""
CACHE_BYTES = 64 * 1024 * 1024
"""The download cache's size limit."""
KEPT_SIZE = 400
"""Pixels kept across and down once decoded (at most 480 KB a picture): the reader draws at
most 200 columns and 40 pixel rows of half-blocks."""
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
"""The only decoders Pillow may use: a file claiming to be anything else is not a picture."""


class ImageProblem(Exception):
    """A picture that cannot be shown; the message is one line."""


@dataclass(frozen=True)
class Picture:
    """A decoded picture, shrunk to fit KEPT_SIZE × KEPT_SIZE pixels: RGB bytes, row by row."""

    width: int
    height: int
    rgb: bytes


def decode(data: bytes) -> Picture | None:
    """The picture in `data`, or None for a tracking pixel. Raises ImageProblem otherwise."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                width, height = image.size
                if width <= 1 or height <= 1:
                    return None
                if width * height > MAX_PIXELS:
                    raise ImageProblem(f"too many pixels ({width}×{height})")
                # JPEG can decode straight to a smaller size: far less work for big photos.
                image.draft("RGB", (KEPT_SIZE, KEPT_SIZE))
                rgb = _opaque(image)
                rgb.thumbnail((KEPT_SIZE, KEPT_SIZE), Image.Resampling.BOX)
                return Picture(rgb.width, rgb.height, rgb.tobytes())
    except ImageProblem:
        raise
    except Exception as error:  # noqa: BLE001 - any decoder failure on untrusted bytes
        # Pillow raises OSError, SyntaxError, ValueError, DecompressionBombError, struct.error,
        # ... for broken files: all of them mean the same thing here.
        raise ImageProblem(f"not a picture that can be shown ({type(error).__name__})") from None


def _opaque(image: PILImage) -> PILImage:
    """RGB, transparent parts over a dark grey (the reader's background in the dark themes)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (30, 30, 30, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


class ImageCache:
    """Downloaded pictures in a folder of the data dir, one file per address, least recently
    used dropped first once the folder passes `limit` bytes."""

    def __init__(self, folder: Path, limit: int = CACHE_BYTES) -> None:
        self.folder = folder
        self.limit = limit

    def _path(self, url: str) -> Path:
        return self.folder / hashlib.sha256(url.encode("utf-8")).hexdigest()

    def get(self, url: str) -> bytes | None:
        path = self._path(url)
        try:
            data = path.read_bytes()
            os.utime(path)  # used now: the last to be dropped
        except OSError:
            return None
        return data

    def put(self, url: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False, suffix=".part") as tmp:
                tmp.write(data)
            os.replace(tmp.name, self._path(url))
        except OSError:
            return  # a cache that cannot be written only costs a download next time
        self.trim()

    def trim(self) -> None:
        try:
            entries = [(entry.stat().st_mtime, entry.stat().st_size, entry)
                       for entry in os.scandir(self.folder) if entry.is_file()]  # fmt: skip
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, entry in sorted(entries, key=lambda item: item[0]):
            if total <= self.limit:
                break
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            total -= size


Fetcher = Callable[..., "Fetched"]


def load_picture(
    url: str, location: str, cache: ImageCache | None, *, fetcher: Fetcher | None = None
) -> Picture | None:
    """The picture at `url` (beside the file at `location`, or on the web), decoded.

    Raises ImageProblem when it cannot be had or shown; None for a tracking pixel."""
    path = local_image(location, url)
    if path is not None:
        return decode(_read_local(path))
    from reader.sources.fetch import FetchError, fetch, is_web_url

    if not is_web_url(url):
        raise ImageProblem("not a web address or a file beside the article")
    data = cache.get(url) if cache is not None else None
    if data is None:
        try:
            fetched = (fetcher or fetch)(url, timeout=FETCH_TIMEOUT, max_bytes=MAX_IMAGE_BYTES)
        except FetchError as error:
            raise ImageProblem(str(error)) from None
        content_type = fetched.content_type
        if content_type and not content_type.startswith("image/"):
            raise ImageProblem(f"served as {content_type}, not as a picture")
        data = fetched.body
        picture = decode(data)  # only what decodes is kept
        if cache is not None:
            cache.put(url, data)
        return picture
    return decode(data)


def _read_local(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise ImageProblem(f"larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as error:
        raise ImageProblem(f"cannot be read ({error.strerror or error})") from None
