"""Hostile pictures never hurt: each becomes its placeholder with one quiet line, never a
crash, a hang, a flood of memory or a byte of escape sequence on the screen.

As in test_hostile_input.py, each case says what it is; time limits are guards, not targets.
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from reader.models import Article, Block, Section
from reader.sanitize import clean_text
from reader.sources.images import MAX_IMAGE_BYTES, ImageProblem, decode
from tests.apphelpers import make_app, settle, wait_for
from tests.httpserver import FixtureServer
from tests.test_images import sunrise_png

SIZE = (100, 60)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 60_000) -> bytes:
    """A PNG header claiming side×side pixels (10 GB decoded) over a few bytes of data."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * 100_000, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(
        b"IEND", b""
    )


def gif_bomb() -> bytes:
    """A GIF claiming 65535×65535 pixels."""
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF")
    data = bytearray(out.getvalue())
    data[6:10] = struct.pack("<HH", 65535, 65535)  # logical screen
    frame = data.index(b"\x2c")  # image descriptor: left, top, width, height
    data[frame + 5 : frame + 9] = struct.pack("<HH", 65535, 65535)
    return bytes(data)


def tiff() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 0, 0)).save(out, "TIFF")
    return out.getvalue()


@dataclass(frozen=True)
class HostileImage:
    name: str
    body: bytes
    what: str
    content_type: str = "image/png"


HOSTILE = [
    HostileImage("truncated.png", sunrise_png()[:300], "a PNG cut short"),
    HostileImage("bomb.png", png_bomb(), "a decompression bomb (PNG)"),
    HostileImage("bomb.gif", gif_bomb(), "a decompression bomb (GIF)", "image/gif"),
    HostileImage("page.png", b"<html><script>alert(1)</script></html>", "a page called .png"),
    HostileImage("vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                 "SVG, with a script", "image/svg+xml"),  # fmt: skip
    HostileImage("photo.tiff", tiff(), "a decoder not allowed (TIFF)", "image/tiff"),
    HostileImage("empty.png", b"", "nothing at all"),
    HostileImage("escapes.png", b"\x1b]0;owned\x07\x1b[2J" * 50, "escape sequences"),
    HostileImage("huge.png", b"\x89PNG" + b"\0" * (MAX_IMAGE_BYTES + 1), "over the size cap"),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[case.name for case in HOSTILE])
def test_decoding_a_hostile_picture_is_one_quiet_problem(case: HostileImage) -> None:
    started = time.monotonic()
    with pytest.raises(ImageProblem) as raised:
        decode(case.body)
    assert time.monotonic() - started < 10, "a guard against a decoder that hangs or bloats"
    message = str(raised.value)
    assert "\n" not in message and clean_text(message) == message


async def test_an_article_of_hostile_pictures_opens_with_placeholders(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    urls = {
        case.name: http_server.add(
            f"/{case.name}", case.body, headers={"Content-Type": case.content_type}
        )
        for case in HOSTILE
    }
    missing = http_server.url("/missing.png")
    evil_caption = "Caption \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ [b]bold[/b]"
    blocks = [Block(kind="paragraph", text="Before the pictures.")]
    for case in HOSTILE:
        blocks.append(Block(kind="paragraph", text=f"[image: {case.what}]", image=urls[case.name]))
    blocks.append(Block(kind="paragraph", text=f"[image: {evil_caption}]", image=missing))
    blocks.append(Block(kind="paragraph", text="After the pictures."))
    article = Article(title="Hostile pictures", sections=[Section(blocks=blocks)])
    app = make_app(tmp_path)
    article_id, _ = app.store.add(article)
    wanted = [*urls.values(), missing]
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.open_article(article_id)
        pictures = app.reader.pictures
        await wait_for(pilot, lambda: all(url in pictures.failed for url in wanted), "every no")
        await settle(pilot)
        assert not pictures.found
        text = "\n".join(line.text for part in app.reader._parts for line in part or ())
        assert text.count("· not shown:") == len(wanted)
        assert "Before the pictures." in text and "After the pictures." in text
        assert "[b]bold[/b]" in text  # markup shown as the text it is
        assert "\x1b" not in text and "\x07" not in text
        hyperlinks = {
            segment.style.link
            for part in app.reader._parts
            for line in part or ()
            for segment in line
            if segment.style is not None and segment.style.link
        }
        assert not hyperlinks
    # The size cap is checked against Content-Length before the body is read.
    assert "too large" in pictures.failed[urls["huge.png"]]
    assert "HTTP 404" in pictures.failed[missing]
