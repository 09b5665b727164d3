"""Bytes -> text: find the encoding of a file or a download, or refuse it as binary.

The evidence is weighed strongest first: a byte-order mark, then a charset the server declared,
then a declaration inside the document (`<?xml encoding=...?>`, `<meta charset>`), then what
the bytes themselves say (valid UTF-8, NUL patterns of UTF-16/32, a statistical guess), and
last Windows-1252, the commonest legacy encoding on the web.
"""

from __future__ import annotations

import codecs
import re

from reader.ingest.errors import IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Formats that are plainly not text, by their first bytes; named in the error message so a
# user who added a picture by mistake is told what it was.
_MAGIC: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), what)
    for pattern, what in (
        (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
        (rb"\xff\xd8\xff", "a JPEG image"),
        (rb"GIF8[79]a", "a GIF image"),
        (rb"RIFF....WEBP", "a WebP image"),
        (rb"II\*\x00|MM\x00\*", "a TIFF image"),
        (rb"....ftyp", "an MP4 or HEIC file"),
        (rb"%PDF-", "a PDF document"),
        (rb"PK\x03\x04|PK\x05\x06|PK\x07\x08", "a ZIP archive or an Office document"),
        (rb"\x1f\x8b", "a gzip archive"),
        (rb"BZh[1-9]1AY&SY", "a bzip2 archive"),
        (rb"\xfd7zXZ\x00", "an xz archive"),
        (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (rb"\x28\xb5\x2f\xfd", "a zstd archive"),
        (rb"Rar!\x1a\x07", "a RAR archive"),
        (rb"\x7fELF", "a program"),
        (rb"\xca\xfe\xba\xbe|\xcf\xfa\xed\xfe", "a program"),
        (rb"SQLite format 3\x00", "an SQLite database"),
        (rb"OggS|fLaC|ID3|RIFF....(?:WAVE|AVI )", "an audio or video file"),
        (rb"wOFF|wOF2", "a web font"),
    )
)
# Probing a prefix is enough to tell text from binary and keeps huge inputs cheap to reject.
_PROBE_BYTES = 64 * 1024
# Text has almost no C0 control bytes besides whitespace and ESC (coloured terminal output is
# still text); binary formats are full of them.
_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}))
_MAX_CONTROL_SHARE = 0.05
# A legacy-encoded text where most bytes are high is not text in any of them.
_MAX_HIGH_SHARE = 0.3
# In UTF-16 text the NULs (the high bytes of ASCII characters) all sit at one parity; in binary
# data they fall anywhere. A few strays are tolerated for odd data at the end.
_MIN_PARITY_SHARE = 0.95
_MIN_WIDE_NULS = 0.05
# Declarations sit in the first few KB (HTML's own prescan reads 1,024 bytes; some pages put
# a long script first, so more is read).
_DECLARATION_BYTES = 8192
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([\w.:-]+)""")
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Browsers read these labels as the larger encoding that contains them (the WHATWG Encoding
# Standard), because documents labelled with them are in practice written in the larger one.
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
_WESTERN = frozenset({"cp1252"})
# Share of high bytes that sit alone between ASCII bytes above which the text is taken to be
# Latin script in a single-byte encoding (accented letters and curly quotes stand alone;
# Cyrillic, Greek and CJK come in runs).
_MIN_ISOLATED_SHARE = 0.7
_ESCAPED = re.compile("[\udc80-\udcff]")
# Characters that decoded noise is full of and text has next to none of: U+FFFD, surrogates,
# private use, and controls other than whitespace and ESC. Noise decoded as UTF-16 has about
# 13 % of them, as UTF-8 or UTF-32 most of its characters.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_MAX_JUNK_SHARE = 0.05
_MIN_JUNK = 32
"""Fewer junk characters than this are damage in a short text, not a sign of noise."""
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def decode_bytes(data: bytes, *, declared: str | None = None, name: str = "") -> str:
    """Decode `data` to text, or raise `IngestError(name, ...)` if it is binary.

    `declared` is a charset from outside the document, e.g. an HTTP Content-Type's; it is
    ignored when it names no known encoding or the bytes are not valid in it.
    """
    text = _decode(data, declared, name)
    # Whatever said "text" (a BOM is two bytes that noise carries one time in 65,536), text
    # that is mostly replacement characters, lone surrogates, private-use characters or
    # controls was not text in any encoding.
    if not text.isascii() and _is_mostly_junk(text[:_PROBE_BYTES]):
        raise IngestError(name, "not a text file (binary data)")
    return text


def _decode(data: bytes, declared: str | None, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A BOM is near-certain evidence, so damage after it becomes U+FFFD, not a refusal.
            return data[len(bom) :].decode(encoding, errors="replace")
    probe = data[:_PROBE_BYTES]
    _refuse_known_binary(probe, name)
    wide_declared = _codec_name(declared) if declared else None
    if wide_declared and wide_declared.startswith(("utf-16", "utf-32")):
        # UTF-16 without a BOM but with a charset from the server: CJK text in it has NULs
        # at either parity and control bytes galore, so it must be tried before the checks.
        try:
            return data.decode(wide_declared)
        except UnicodeDecodeError:
            pass
    if b"\x00" in probe:
        return _decode_wide(data, probe, name)
    if _share(probe, _CONTROL_BYTES) > _MAX_CONTROL_SHARE:
        raise IngestError(name, "not a text file (binary data)")

    for label in (declared, _declared_inside(data)):
        text = _decode_as_label(data, label)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    if _share(probe, bytes(range(0x80, 0x100))) > _MAX_HIGH_SHARE:
        raise IngestError(name, "not a text file (binary data, or an unknown encoding)")
    return _sloppy_cp1252(data)


def _decode_wide(data: bytes, probe: bytes, name: str) -> str:
    """UTF-16/32 text told by where its NULs fall; anything else with NULs is binary."""
    wide = _utf16_or_32(probe)
    if wide is None:
        raise IngestError(name, "not a text file (binary data)")
    usable = data[: len(data) - len(data) % (4 if "32" in wide else 2)]
    try:
        text = usable.decode(wide)
    except UnicodeDecodeError:
        raise IngestError(name, "not a text file (binary data)") from None
    # Binary data can put its NULs at one parity by chance; as text it is full of controls.
    if _control_share(text[:_PROBE_BYTES]) > _MAX_CONTROL_SHARE:
        raise IngestError(name, "not a text file (binary data)")
    return text


def _refuse_known_binary(probe: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if magic.match(probe):
            raise IngestError(name, f"not a text file ({what})")


def _utf16_or_32(probe: bytes) -> str | None:
    """The UTF-16/32 byte order that the NULs in `probe` point to, or None for binary data."""
    usable = probe[: len(probe) - len(probe) % 4]
    if len(usable) < 4:
        return None
    nuls = [usable[offset::4].count(0) for offset in range(4)]
    quads = len(usable) // 4
    # UTF-32: the top byte of every character is zero (nothing lies above U+10FFFF).
    if nuls[3] == quads and nuls[2] >= quads * _MIN_PARITY_SHARE and nuls[0] < quads:
        return "utf-32-le"
    if nuls[0] == quads and nuls[1] >= quads * _MIN_PARITY_SHARE and nuls[3] < quads:
        return "utf-32-be"
    even, odd = nuls[0] + nuls[2], nuls[1] + nuls[3]
    total = even + odd
    # Spaces, digits and punctuation alone make a few percent of UTF-16 units NUL-high even
    # in Cyrillic or Greek; a stray NUL or two in other text is no sign of UTF-16.
    enough = quads * 2 * _MIN_WIDE_NULS
    if odd >= max(enough, total * _MIN_PARITY_SHARE) and even < quads * 2:
        return "utf-16-le"
    if even >= max(enough, total * _MIN_PARITY_SHARE) and odd < quads * 2:
        return "utf-16-be"
    return None


def _declared_inside(data: bytes) -> str | None:
    head = data[:_DECLARATION_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str) -> str | None:
    """The Python codec for a charset label, widened to its superset; None if unknown."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(name, name)


def _decode_as_label(data: bytes, label: str | None) -> str | None:
    codec = _codec_name(label) if label else None
    # Without a BOM or NULs the data is not UTF-16/32, whatever it says (a document that
    # declares UTF-16 inside itself was evidently re-saved as something else).
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        return None
    if codec in _WESTERN and not data.isascii():
        # Valid UTF-8 with multibyte sequences is practically never meaningful Windows-1252
        # text: the label is stale (a server default, a template), the bytes are UTF-8.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return _mostly_utf8(data) or _sloppy_cp1252(data)
    try:
        return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        # LookupError: a bytes-to-bytes codec such as "base64", which is no charset.
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """Text that is UTF-8 with a few Windows-1252 bytes mixed in (pasted-together sources)."""
    # surrogateescape turns each invalid byte into one lone surrogate, so the two kinds of
    # character can be counted and the invalid ones then decoded as Windows-1252.
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(text))
    valid = sum(1 for char in text if ord(char) > 0x7F) - invalid
    if valid <= invalid:
        return None
    return _ESCAPED_RUN.sub(
        lambda run: _sloppy_cp1252(run.group().encode("utf-8", errors="surrogateescape")), text
    )


def _guess(data: bytes) -> str | None:
    """charset_normalizer's reading, except where the text is plainly Western Latin script."""
    if _isolated_high_share(data[:_PROBE_BYTES]) >= _MIN_ISOLATED_SHARE:
        # On short Latin text charset_normalizer often picks a neighbouring code page
        # (Windows-1250 for German, turning "naïve" into "naďve"); Windows-1252 is far more
        # common, so it wins whenever the high bytes look like lone accents and quotes.
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _isolated_high_share(data: bytes) -> float:
    high = isolated = 0
    for index, byte in enumerate(data):
        if byte < 0x80:
            continue
        high += 1
        before = data[index - 1] if index else 0
        after = data[index + 1] if index + 1 < len(data) else 0
        isolated += before < 0x80 and after < 0x80
    return isolated / high if high else 1.0


def _sloppy_cp1252(data: bytes) -> str:
    # Python's cp1252 refuses the five bytes Windows leaves undefined; ftfy's variant maps
    # them to C1 characters, which the mojibake repair and the sanitizer then deal with.
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy" codecs)

    return data.decode("sloppy-windows-1252")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for char in text if ord(char) < 0x20 and char not in "\t\n\r\f\x1b") / len(text)


def _is_mostly_junk(text: str) -> bool:
    junk = len(_JUNK.findall(text))
    return junk >= _MIN_JUNK and junk > len(text) * _MAX_JUNK_SHARE


def _share(data: bytes, values: bytes) -> float:
    if not data:
        return 0.0
    table = bytes(range(256))
    # bytes.translate with a delete set is the fast way to count members of a byte class.
    return (len(data) - len(data.translate(table, values))) / len(data)
