"""Bytes -> text: BOMs, declared charsets, UTF-16 without a BOM, legacy encodings, binary."""

from __future__ import annotations

import codecs

import pytest

from reader.ingest.decode import decode_bytes
from reader.ingest.errors import IngestError

TEXT = "Café “déjà vu” — naïve"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    assert decode_bytes(bom + TEXT.encode(encoding)) == TEXT


def test_bom_beats_a_declared_charset() -> None:
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    assert decode_bytes(data, declared="iso-8859-1") == TEXT


def test_damage_after_a_bom_is_replaced_not_refused() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"ok \xff done") == "ok \ufffd done"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_by_their_nul_bytes(encoding: str) -> None:
    text = "<?xml version='1.0'?><rss><title>Ünïcode news</title></rss>"
    assert decode_bytes(text.encode(encoding)) == text


def test_utf16_cyrillic_without_bom() -> None:
    text = "Привет, как дела? Это новости."
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_a_stray_nul_is_not_utf16() -> None:
    with pytest.raises(IngestError, match="binary data"):
        decode_bytes(b"A line of ordinary text with one stray NUL\x00 in it.", name="x")


def test_utf16_cjk_without_bom_needs_a_declared_charset() -> None:
    text = "東京の天気は晴れです。"
    assert decode_bytes(text.encode("utf-16-le"), declared="utf-16le") == text


def test_declared_charset_is_used() -> None:
    text = "Ελληνικά νέα σήμερα"
    assert decode_bytes(text.encode("iso-8859-7"), declared="ISO-8859-7") == text


def test_unknown_or_wrong_declared_charset_is_ignored() -> None:
    data = TEXT.encode("utf-8")
    assert decode_bytes(data, declared="no-such-charset") == TEXT
    assert decode_bytes(data, declared="base64") == TEXT
    assert decode_bytes(data, declared="shift_jis") == TEXT


def test_declared_latin1_over_utf8_bytes_is_read_as_utf8() -> None:
    # Servers label pages ISO-8859-1 by default; the bytes are UTF-8.
    assert decode_bytes(TEXT.encode("utf-8"), declared="iso-8859-1") == TEXT


def test_declared_latin1_is_read_as_windows_1252() -> None:
    # As browsers do: 0x93/0x94 are curly quotes in Windows-1252, controls in Latin-1.
    assert decode_bytes(b"\x93quoted\x94 caf\xe9", declared="iso-8859-1") == "“quoted” café"


def test_meta_charset() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Новости дня</body></html>'
    assert decode_bytes(html.encode("cp1251")) == html


def test_meta_http_equiv_content_type() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "</head><body>Погода</body></html>"
    )
    assert decode_bytes(html.encode("koi8-r")) == html


def test_xml_encoding_declaration() -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><rss><title>Prix en €</title></rss>'
    assert decode_bytes(xml.encode("iso-8859-15")) == xml


def test_declared_charset_beats_the_document() -> None:
    html = '<meta charset="utf-8"><p>Ελληνικά</p>'
    assert decode_bytes(html.encode("iso-8859-7"), declared="iso-8859-7") == html


def test_strict_utf8_without_any_declaration() -> None:
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT


def test_windows_1252_bytes() -> None:
    data = b"Caf\xe9 \x93quoted\x94 \x96 na\xefve r\xe9sum\xe9, \x80 5"
    assert decode_bytes(data) == "Café “quoted” – naïve résumé, € 5"


def test_mostly_utf8_with_stray_windows_1252_bytes() -> None:
    data = "Crème brûlée and café au lait, ".encode() + b"price \x805"
    assert decode_bytes(data) == "Crème brûlée and café au lait, price €5"


def test_cyrillic_without_declaration_is_guessed() -> None:
    text = (
        "Сегодня в городе открылась новая библиотека. Жители района давно ждали этого дня, "
        "и уже утром у входа собралась очередь из читателей разного возраста."
    )
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image"),
        (b"\xff\xd8\xff\xe0" + b"JFIF" * 10, "a JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00" + b"word/document.xml", "a ZIP archive or an Office document"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "a gzip archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(40), "a program"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(IngestError) as raised:
        decode_bytes(data, name="photo.bin")
    assert str(raised.value) == f"photo.bin: not a text file ({what})"


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00\x01\x02\x00\x00def\x00\x10\x11" * 20,
        bytes(range(256)) * 8,
        b"\x01\x02\x03\x04\x05\x06text\x07\x08" * 30,
        # NULs at one parity only, like UTF-16, but control characters once decoded.
        bytes([1, 0, 2, 0, 3, 0, 4, 0, 44, 1, 5, 0]) * 20,
    ],
)
def test_other_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="^blob: not a text file"):
        decode_bytes(data, name="blob")


def test_empty_and_ascii() -> None:
    assert decode_bytes(b"") == ""
    assert decode_bytes(b"plain ascii\r\n") == "plain ascii\r\n"
