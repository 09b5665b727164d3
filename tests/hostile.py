"""A hostile corpus, built in code: files nobody should trust, and what reader must do with each.

Every case is a file name, its bytes and what a correct reader does with it: import it (and then
the words in `keep` are in the article, shown literally, and nothing in `never` is anywhere in
it) or refuse it in one line whose reason contains `reason`. Nothing is read from disk or copied
from elsewhere; the external-entity cases point at a secret file the test itself writes.
"""

from __future__ import annotations

import codecs
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Expect = Literal["import", "refuse", "either"]

# -- what must never reach a terminal --------------------------------------------------------

_C0 = {chr(code) for code in range(0x20)} - {"\n", "\t"}
_C1 = {chr(code) for code in range(0x80, 0xA0)}
_BIDI = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
UNSAFE = frozenset(_C0 | _C1 | _BIDI | {"\x7f"})
"""ESC and every other C0 control but newline and tab, DEL, C1 controls, bidi overrides."""
INVISIBLE = frozenset("\u200b\u200c\u2060\ufeff\u200e\u200f\u061c")
"""Zero-width and direction marks: removed at ingest, so never in stored text either."""


def unsafe_characters(text: str) -> list[str]:
    """The characters in `text` that must never be written to a terminal, in order, once each."""
    return sorted({char for char in text if char in UNSAFE}, key=ord)


def unsafe_or_invisible(text: str) -> list[str]:
    """As `unsafe_characters`, plus invisible characters and lone surrogates."""
    return sorted(
        {
            char
            for char in text
            if char in UNSAFE or char in INVISIBLE or 0xD800 <= ord(char) <= 0xDFFF
        },
        key=ord,
    )


# -- hostile pieces of text ------------------------------------------------------------------

MARKUP = (
    "[bold]bold[/] [link=file:///etc/passwd]x[/link] [@click=app.quit]quit[/] "
    "[red unbalanced [/] ]] [["
)
"""Rich/Textual markup: styles, a file link, an action link, a stray closing tag, junk."""
MARKUP_SHOWN = ("[bold]", "[@click=app.quit]", "[link=file:///etc/passwd]", "[/]")
"""Fragments of `MARKUP` that must appear literally wherever it is shown."""

PWNED = "pwned-window-title"
CLIPBOARD = "Y2xpcGJvYXJkLXBheWxvYWQ="  # base64 for "clipboard-payload"
ESCAPES = (
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H\x1b[?1049h "  # colour, clear screen, home, alt screen
    f"\x1b]0;{PWNED}\x07 "  # OSC 0: set the window title
    "\x1b]8;;https://evil.example/osc8\x1b\\osc8 link text\x1b]8;;\x1b\\ "  # OSC 8 hyperlink
    f"\x1b]52;c;{CLIPBOARD}\x07 "  # OSC 52: write the clipboard
    "\x1bPdcs-payload\x1b\\ "  # DCS
    "\x1b_apc-payload\x1b\\ \x1b^pm-payload\x1b\\ "  # APC, PM
    "\x1b[6n \x1b[>c "  # cursor position and device attribute queries
    "\u009b32mc1-csi\u009b0m \u009d0;c1-osc-payload\u009c "  # 8-bit CSI and OSC
    "\x07\x08\x0b\x0c\x0e\x1a\x7f"  # BEL, BS, VT, FF, SO, SUB, DEL
)
"""Terminal escapes and controls: each sequence must vanish whole, payload included."""
ESCAPE_PAYLOADS = (
    PWNED,
    CLIPBOARD,
    "evil.example",
    "dcs-payload",
    "apc-payload",
    "pm-payload",
    "c1-osc-payload",
    "[31m",
    "[2J",
    "]0;",
)
BIDI = "\u202eevil\u202c \u202atext\u202c \u2066isolate\u2069 \u2067rtl\u2069 \u2068fsi\u2069"
ZERO_WIDTH = "zero\u200bwidth\u200c join\u2060er\ufeffbom \u200ddangling \u200emark\u200f"
SECRET = "SECRET-3b1f9c-do-not-leak"
"""What the temporary secret file holds; no article may ever contain it."""
PASSWD = "root:x:0:0"

LONG_LINE_BYTES = 1024 * 1024
LONG_WORD_CHARS = 100_000
MANY_SECTIONS = 5_000
DEEP_DIVS = 10_000
TABLE_ROWS = 1_000
TABLE_COLUMNS = 12


@dataclass(frozen=True)
class Hostile:
    """One hostile file and what a correct reader does with it."""

    name: str
    data: bytes
    expect: Expect
    what: str
    """A few words for the report table."""
    keep: tuple[str, ...] = ()
    """Text that an import must contain, exactly (decoded right, markup shown literally)."""
    never: tuple[str, ...] = ()
    """Text that must not be anywhere in what is stored or shown."""
    reason: str = ""
    """Part of the one-line reason a refusal must give."""
    min_sections: int = 0
    outcome_bug: str = ""
    """A known bug that makes the import/refusal wrong (the test is expected to fail)."""
    content_bug: str = ""
    """A known bug that lets part of the attack into the stored article."""


# -- builders --------------------------------------------------------------------------------


def body_words(count: int = 40) -> str:
    """Ordinary prose, so that every file has an article in it besides its hostile part."""
    sentence = "The council approved the new budget for the river park on Tuesday evening. "
    words = sentence.split()
    return " ".join(words[i % len(words)] for i in range(count))


def plain_article(title: str, *paragraphs: str) -> str:
    """A title line, a blank line, then paragraphs: reader's plain-text shape."""
    return "\n\n".join([title, *paragraphs]) + "\n"


def long_line(size: int = LONG_LINE_BYTES) -> bytes:
    sentence = b"Words keep going on this single line without any break at all. "
    line = (sentence * (size // len(sentence) + 1))[:size]
    return b"A very long line\n\n" + line + b"\n"


def long_word(chars: int = LONG_WORD_CHARS) -> bytes:
    word = ("abcdefghij" * (chars // 10 + 1))[:chars]
    return plain_article(
        "A very long word", f"Here it comes: {word} and then more words here."
    ).encode()


def many_sections(count: int = MANY_SECTIONS) -> bytes:
    parts = ["# Five thousand sections\n"]
    parts += [
        f"## Section {n}\n\nParagraph {n} of the article has a few words.\n" for n in range(count)
    ]
    return "\n".join(parts).encode()


def deep_html(depth: int = DEEP_DIVS) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Deeply nested page</title></head><body>"
        + "<div>" * depth
        + f"<p>{body_words()}</p><p>deep-marker at the bottom of the nest.</p>"
        + "</div>" * depth
        + "</body></html>"
    ).encode()


def huge_table(rows: int = TABLE_ROWS, columns: int = TABLE_COLUMNS) -> bytes:
    cells = "".join(f"<th>Head {c}</th>" for c in range(columns))
    body = "".join(
        "<tr>" + "".join(f"<td>r{r}c{c}</td>" for c in range(columns)) + "</tr>"
        for r in range(rows)
    )
    return (
        "<!DOCTYPE html><html><head><title>A huge table</title></head><body><article>"
        f"<h1>A huge table</h1><p>{body_words()}</p>"
        f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
        "</article></body></html>"
    ).encode()


def rss(
    items: str, *, title: str = "Hostile feed", doctype: str = "", declaration: bool = True
) -> str:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if declaration else ""
    return (
        f'{head}{doctype}<rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://feed.example/</link><description>A feed</description>{items}"
        "</channel></rss>\n"
    )


def rss_item(title: str, body: str, link: str = "https://feed.example/post") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f'<guid isPermaLink="false">{zlib.crc32((title + body).encode())}</guid>'
        f"<description>{body}</description></item>"
    )


def billion_laughs(levels: int = 10) -> str:
    """The classic entity bomb: ten entities, each ten of the one before (10**9 "lol"s)."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [
        f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">'
        for n in range(1, levels)
    ]
    return "<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>\n"


def quadratic_blowup(size: int = 50_000, uses: int = 50_000) -> bytes:
    """One big entity used many times: no nesting, still gigabytes when expanded."""
    doctype = f'<!DOCTYPE rss [<!ENTITY a "{"a" * size}">]>\n'
    item = rss_item("Quadratic blowup", "&a;" * uses)
    return rss(item, doctype=doctype).encode()


def external_entities(secret: Path) -> str:
    return (
        "<!DOCTYPE rss [\n"
        '<!ENTITY passwd SYSTEM "file:///etc/passwd">\n'
        f'<!ENTITY secret SYSTEM "{secret.as_uri()}">\n'
        f'<!ENTITY % remote SYSTEM "{secret.as_uri()}">\n'
        "%remote;\n"
        "]>\n"
    )


def json_feed(items: list[dict[str, object]], title: str = "Hostile JSON feed") -> bytes:
    document = {"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items}
    return json.dumps(document).encode()


def opml(outlines: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}<opml version="2.0"><head><title>Subs</title></head>'
        f"<body>{outlines}</body></opml>\n"
    ).encode()


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def zip_archive() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", plain_article("Zipped", body_words()))
    return buffer.getvalue()


def pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def encoded(text: str, codec: str, bom: bool) -> bytes:
    boms = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    return (boms[codec] if bom else b"") + text.encode(codec)


# -- the corpus ------------------------------------------------------------------------------

INTERNATIONAL_KEEP = ("Café naïve résumé", "Ελληνικά", "Кириллица", "日本語", "Straße", "12 €")


def international(tag: str) -> str:
    """Text in several scripts; `tag` keeps each copy distinct, so none replaces another."""
    return plain_article(
        "Café naïve résumé — “quoted” Ελληνικά Кириллица 日本語",
        f"Straße über Zürich costs 12 € and the crowd said “ça va” to the mayor ({tag}). "
        + body_words(),
    )


HTML_ESCAPES_BUG = (
    "html.parse_html hands the page to trafilatura before escape sequences are removed; "
    "it drops the ESC byte alone, so `]0;title`, `[31m` and OSC 52 payloads stay as text"
)
SNIFF_PROLOG_BUG = (
    "sniff only looks at the first 4 KB: a feed whose DOCTYPE is longer (an entity bomb) has "
    "no visible root element, is read as plain text, and its raw XML becomes an article "
    "instead of reaching parse_feed's entity-expansion guard"
)


def corpus(secret: Path) -> list[Hostile]:
    """Every hostile file; `secret` is a file whose contents no article may ever show."""
    body = body_words()
    cases = [
        # -- markup ------------------------------------------------------------------------
        Hostile(
            "markup.txt",
            plain_article(
                f"Title {MARKUP}", f"{body} {MARKUP}", f"Second {MARKUP} paragraph."
            ).encode(),
            "import",
            "Rich/Textual markup in a plain-text title and body",
            keep=("Title [bold]bold[/]", *MARKUP_SHOWN),
        ),
        Hostile(
            "markup.md",
            (
                f'---\ntitle: "Front {MARKUP}"\n---\n\n## Heading {MARKUP}\n\n{body}\n\n'
                f"- bullet [bold]item[/]\n- [@click=app.quit]quit[/]\n"
            ).encode(),
            "import",
            "markup in Markdown front matter, a heading and bullets",
            keep=("Front [bold]bold[/]", "Heading [bold]bold[/]", "bullet [bold]item[/]"),
        ),
        Hostile(
            "markup.html",
            (
                f"<!DOCTYPE html><html><head><title>Page {MARKUP}</title></head><body><article>"
                f"<h1>Page {MARKUP}</h1><h2>Part [red]one[/red]</h2><p>{body} {MARKUP}</p>"
                f"<p>{body} again.</p></article></body></html>"
            ).encode(),
            "import",
            "markup in an HTML title, heading and paragraph",
            keep=("Page [bold]bold[/]", "[@click=app.quit]"),
        ),
        Hostile(
            "markup-feed.xml",
            rss(
                rss_item(f"Entry {MARKUP}", f"&lt;p&gt;{body} {MARKUP}&lt;/p&gt;")
                + rss_item("[/]", f"{body} second entry"),
                title=f"Feed {MARKUP}",
            ).encode(),
            "import",
            "markup in RSS feed, entry titles and HTML bodies",
            keep=("Entry [bold]bold[/]", "[@click=app.quit]"),
        ),
        # -- escapes and controls -------------------------------------------------------------
        Hostile(
            "escapes.txt",
            plain_article(f"Escapes {ESCAPES} title", f"{body} {ESCAPES} end.", body).encode(),
            "import",
            "ANSI CSI, OSC 0/8/52, DCS/APC/PM, 8-bit C1, C0 controls",
            keep=("osc8 link text", "red"),
            never=ESCAPE_PAYLOADS,
        ),
        Hostile(
            "escapes.md",
            (
                f"# Escapes {ESCAPES}\n\n{body} {ESCAPES}\n\n## Part one {ESCAPES}\n\n"
                f"- item {ESCAPES}\n\n> quoted {ESCAPES}\n\n## Part two {ESCAPES}\n\n"
                f"```\ncode {ESCAPES}\n```\n"
            ).encode(),
            "import",
            "escapes in Markdown headings, paragraph, list, quote and code",
            never=ESCAPE_PAYLOADS,
            min_sections=2,
        ),
        Hostile(
            "escapes.html",
            (
                f"<html><head><title>Esc {ESCAPES}</title></head><body><article><h1>Esc</h1>"
                f"<p>{body} {ESCAPES}</p><pre>{ESCAPES}</pre><p>{body}</p></article></body></html>"
            ).encode(),
            "import",
            "escapes in an HTML title, paragraph and <pre>",
            never=ESCAPE_PAYLOADS,
        ),
        Hostile(
            "escapes-feed.xml",
            rss(rss_item(f"Esc {ESCAPES}", f"<![CDATA[<p>{body} {ESCAPES}</p>]]>")).encode(),
            "either",
            "escapes in RSS (not well-formed XML)",
            never=ESCAPE_PAYLOADS,
        ),
        Hostile(
            "escapes.json",
            json_feed(
                [
                    {
                        "id": "1",
                        "title": f"Esc {ESCAPES}",
                        "content_text": f"{body} {ESCAPES}",
                        "url": "https://feed.example/1",
                    }
                ],
                title=f"Feed {ESCAPES}",
            ),
            "import",
            "escapes in a JSON Feed (JSON escapes them legally)",
            never=ESCAPE_PAYLOADS,
        ),
        Hostile(
            "bidi-zero-width.txt",
            plain_article(
                f"Bidi {BIDI}", f"{body} {BIDI} {ZERO_WIDTH}", "👩‍💻 keeps its joiner."
            ).encode(),
            "import",
            "bidi overrides/isolates, zero-width characters, stray ZWJ",
            keep=("evil", "isolate", "zerowidth", "👩\u200d💻"),
        ),
        Hostile(
            "nul.txt",
            plain_article("Has a NUL", f"{body}\x00{body}").encode(),
            "either",
            "one NUL byte in text",
        ),
        Hostile(
            "lone-surrogates.txt",
            plain_article("Lone surrogates", body).encode()
            + b"half \xed\xa0\x80 pair \xed\xb2\xa9 end\n",
            "import",
            "lone surrogates (CESU bytes, invalid UTF-8)",
            keep=("Lone surrogates",),
        ),
        # -- size and shape -------------------------------------------------------------------
        Hostile(
            "long-line.txt", long_line(), "import", "1 MB on one line", keep=("Words keep going",)
        ),
        Hostile(
            "long-word.txt", long_word(), "import", "a 100,000-character word", keep=("abcdefghij",)
        ),
        Hostile(
            "sections.md",
            many_sections(),
            "import",
            "5,000 headings",
            keep=("Section 4999",),
            min_sections=MANY_SECTIONS,
        ),
        Hostile(
            "deep.html",
            deep_html(),
            "either",
            "10,000 nested <div>s",
            keep=("deep-marker",),
        ),
        Hostile(
            "deep-200.html",
            deep_html(200),
            "import",
            "200 nested <div>s",
            keep=("deep-marker",),
        ),
        Hostile(
            "table.html",
            huge_table(),
            "import",
            f"a {TABLE_ROWS:,}x{TABLE_COLUMNS} table",
            keep=(f"r{TABLE_ROWS - 1}c{TABLE_COLUMNS - 1}",),
        ),
        # -- XML attacks ----------------------------------------------------------------------
        Hostile(
            "billion-laughs.xml",
            rss(
                rss_item("Bomb &lol9;", "&lol9;"), title="&lol9;", doctype=billion_laughs()
            ).encode(),
            "either",
            "billion laughs entity bomb",
            never=("lollollol",),
        ),
        Hostile(
            "quadratic.xml",
            quadratic_blowup(),
            "refuse",
            "quadratic blowup (one 50 KB entity x 50,000)",
            reason="unsafe",
        ),
        Hostile(
            "xxe.xml",
            rss(
                rss_item("Leak &passwd;", f"{body} &secret; end."),
                doctype=external_entities(secret),
            ).encode(),
            "either",
            "external entities: /etc/passwd, a secret file, a parameter entity",
            never=(PASSWD, SECRET),
        ),
        Hostile(
            "xxe-atom.xml",
            (
                '<?xml version="1.0"?>\n'
                + external_entities(secret).replace("rss", "feed")
                + '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom &secret;</title>'
                "<id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>"
                "<entry><title>Atom leak &passwd;</title><id>urn:e</id>"
                f"<updated>2026-01-01T00:00:00Z</updated><summary>{body} &secret;</summary>"
                "</entry></feed>\n"
            ).encode(),
            "either",
            "external entities in Atom",
            never=(PASSWD, SECRET),
        ),
        Hostile(
            "xxe.html",
            (
                external_entities(secret).replace("rss", "html")
                + f"<html><head><title>XXE page</title></head><body><p>{body} &secret; &passwd;</p>"
                f"<p>{body}</p></body></html>"
            ).encode(),
            "either",
            "external entities in an HTML page",
            never=(PASSWD, SECRET),
        ),
        Hostile(
            "subs.opml",
            opml(
                '<outline type="rss" text="x" xmlUrl="https://feed.example/rss"/>',
                doctype=external_entities(secret).replace("rss", "opml"),
            ),
            "refuse",
            "OPML (with XXE) given to `reader add`",
            reason="OPML",
        ),
        # -- the wrong kind -------------------------------------------------------------------
        Hostile(
            "feed.xml",
            (
                "<!DOCTYPE html><html><head><title>Not a feed at all</title></head><body>"
                f"<article><h1>Not a feed at all</h1><p>{body}</p><p>{body}</p></article>"
                "</body></html>"
            ).encode(),
            "import",
            "a feed URL's file that is really an HTML page",
            keep=("Not a feed at all",),
        ),
        Hostile(
            "page.html",
            rss(rss_item("Really a feed entry", f"{body} from a feed")).encode(),
            "import",
            "an .html file that is really an RSS feed",
            keep=("Really a feed entry",),
        ),
        Hostile(
            "deep.json",
            (
                b'{"version": "https://jsonfeed.org/version/1.1", "items": '
                + b"[" * 100_000
                + b"]" * 100_000
                + b"}"
            ),
            "refuse",
            "JSON Feed nested 100,000 deep",
            reason="not a feed",
        ),
        Hostile("empty.txt", b"", "refuse", "empty file", reason="empty"),
        Hostile("blank.txt", b" \n\t\r\n  \n", "refuse", "only whitespace", reason="empty"),
        Hostile(
            "no-words.txt",
            b"--- *** ... ??? !!! 123 456\n",
            "refuse",
            "no words",
            reason="no article",
        ),
        Hostile("image.png", png(), "refuse", "PNG magic", reason="PNG"),
        Hostile("archive.txt", zip_archive(), "refuse", "ZIP magic, named .txt", reason="ZIP"),
        Hostile("document.md", pdf(), "refuse", "PDF magic, named .md", reason="PDF"),
        Hostile(
            "random.bin",
            bytes((i * 7919 + 13) % 256 for i in range(64 * 1024)),
            "refuse",
            "64 KB of binary noise",
            reason="binary",
        ),
        # -- encodings ------------------------------------------------------------------------
        Hostile(
            "truncated-utf8.txt",
            international("truncated").encode() + "more “".encode()[:-1],
            "import",
            "UTF-8 cut off inside a character",
            keep=INTERNATIONAL_KEEP,
        ),
        *(
            Hostile(
                f"{codec}{'-bom' if bom else ''}.txt",
                encoded(international(f"{codec} {bom}"), codec, bom),
                "import",
                f"{codec.upper()} {'with' if bom else 'without'} BOM",
                keep=INTERNATIONAL_KEEP,
            )
            for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
            for bom in (True, False)
        ),
        Hostile(
            "mixed-encodings.txt",
            international("mixed").encode()
            + b"Then a Windows-1252 caf\xe9 and \x93smart quotes\x94 here.\n",
            "import",
            "UTF-8 with Windows-1252 bytes pasted in",
            keep=(*INTERNATIONAL_KEEP, "café", "“smart quotes”"),
        ),
        Hostile(
            "invalid-utf8.txt",
            plain_article("Invalid UTF-8", body).encode()
            + b"bad \xc3\x28 \xa0\xa1 \xf0\x28\x8c\xbc \xff end\n",
            "import",
            "invalid UTF-8 sequences",
            keep=("Invalid UTF-8",),
        ),
        Hostile(
            "latin1.txt",
            "Café au lait\n\nThe naïve résumé of the déjà vu. ".encode("latin-1") + body.encode(),
            "import",
            "Latin-1 (no UTF-8 at all)",
            keep=("Café au lait", "naïve résumé"),
        ),
    ]
    return cases


def hostile_names() -> list[tuple[str, bytes, Expect]]:
    """File names that are themselves hostile, with contents that import or fail."""
    good = plain_article("Named badly", body_words()).encode()
    return [
        (f"\x1b]0;{PWNED}\x07.txt", b"", "refuse"),
        ("\x1b[31mred\u202etxt.exe", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "refuse"),
        ("[bold]markup [@click=app.quit]q.txt", b"", "refuse"),
        ("two\nlines.txt", b"", "refuse"),
        ("\x1b[2Jstem-only.txt", b"- ab\n- cd\n", "import"),
        ("fine \u202ename.txt", good, "import"),
    ]
