"""An HTML element tree -> pieces (headings, paragraphs, lists, quotes, code) and links.

One walker serves every HTML that reaches ingest: trafilatura's extract of a page (its XML
vocabulary is renamed to HTML first), a page's whole body when extraction finds nothing, a
feed entry's content, and Markdown rendered to HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from reader.ingest.repair import repair_text
from reader.ingest.structure import (
    Bullets,
    Code,
    Heading,
    Paragraph,
    Piece,
    QuestionAnswer,
    Quote,
    squash,
)
from reader.models import Link
from reader.sanitize import clean_text

if TYPE_CHECKING:
    from lxml.etree import _Element

# Never text: scripts, styles, embedded media and form controls.
_SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio source "
    "select button input textarea head title meta link".split()
)
# Page furniture, skipped when walking a whole page body (the fallback when extraction fails).
_CHROME = frozenset("nav header footer aside form menu dialog".split())
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = frozenset(("ul", "ol", "menu"))
_BLOCKS = frozenset(
    "p div section article main body html blockquote pre table thead tbody tfoot tr td th "
    "dl dt dd figure figcaption hr address center details summary fieldset li ul ol "
    "h1 h2 h3 h4 h5 h6".split()
)
_EMPHASIS = frozenset(("strong", "b", "em", "i"))
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)")
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "about:")


@dataclass
class _Run:
    """Inline content gathered for the paragraph being built."""

    lines: list[list[str]] = field(default_factory=lambda: [[]])
    lead: str = ""
    images: list[tuple[str, str]] = field(default_factory=list)
    """(alt text, address) of each picture in the run."""
    breaks: int = 0
    """Line breaks in a row with nothing between them; two end the paragraph."""
    link_chars: int = 0

    def has_text(self) -> bool:
        return any(part.strip() for line in self.lines for part in line)

    def add(self, text: str | None) -> None:
        if text:
            self.lines[-1].append(text)
            if text.strip():
                self.breaks = 0

    def text_lines(self) -> list[str]:
        return [squashed for line in self.lines if (squashed := squash("".join(line)))]


def tree_pieces(
    root: _Element, *, base_url: str | None = None, skip_chrome: bool = False
) -> tuple[list[Piece], list[Link]]:
    """The pieces and links of the tree under `root`, in document order."""
    walker = _Walker(base_url, skip_chrome)
    walker.container(root)
    walker.flush()
    return _without_repeated_captions(walker.pieces), walker.links


def _without_repeated_captions(pieces: list[Piece]) -> list[Piece]:
    """Image placeholders shortened to "[image]" where the caption next to them says it all."""
    for index, piece in enumerate(pieces):
        if not (isinstance(piece, Paragraph) and piece.text.startswith("[image: ")):
            continue
        alt = piece.text.removeprefix("[image: ").removesuffix("]")
        neighbours = pieces[max(0, index - 1) : index] + pieces[index + 1 : index + 2]
        if any(isinstance(other, Paragraph) and other.text == alt for other in neighbours):
            piece.text = "[image]"
    return pieces


class _Walker:
    def __init__(self, base_url: str | None, skip_chrome: bool) -> None:
        self.base_url = base_url
        self.skip = _SKIP | _CHROME if skip_chrome else _SKIP
        self.pieces: list[Piece] = []
        self.links: list[Link] = []
        self.run = _Run()
        # Link text counted in the last `_inline_lines` call and in the list being read.
        self.last_link_chars = 0
        self.list_link_chars = 0

    # --- blocks ---------------------------------------------------------------------------

    def container(self, element: _Element) -> None:
        """Walk an element whose children may be blocks: inline runs become paragraphs."""
        self.run.add(element.text)
        for child in element:
            tag = _tag(child)
            if tag and not self._skipped(child, tag):
                if tag == "br":
                    self._line_break()
                elif tag in _BLOCKS or (tag not in _EMPHASIS and _holds_blocks(child)):
                    self.flush()
                    self._block(child, tag)
                    self.flush()
                else:
                    self.inline(child, tag)
            self.run.add(child.tail)

    def flush(self) -> None:
        run, self.run = self.run, _Run()
        lines = run.text_lines()
        if lines:
            text = " ".join(lines)
            linked = min(1.0, run.link_chars / len(text))
            self.pieces.append(Paragraph(text=text, lines=lines, lead=run.lead, linked=linked))
        else:
            # A paragraph of nothing but pictures still shows that they were there.
            for alt, url in run.images:
                text = f"[image: {alt}]" if alt else "[image]"
                self.pieces.append(Paragraph(text=text, image=url))

    def _block(self, element: _Element, tag: str) -> None:
        if tag in _HEADINGS:
            text = " ".join(self._inline_lines(element))
            linked = self.last_link_chars >= len(text) > 0
            self.pieces.append(Heading(_HEADINGS[tag], text, linked=linked))
        elif tag in _LISTS:
            items: list[str] = []
            self.list_link_chars = 0
            self._list_items(element, 0, items)
            if items:
                linked = min(1.0, self.list_link_chars / max(1, sum(map(len, items))))
                self.pieces.append(Bullets(items=items, ordered=tag == "ol", linked=linked))
        elif tag == "blockquote":
            self._quote(element)
        elif tag == "pre":
            self._code(element)
        elif tag == "table" and not _holds_blocks(element, inside_cells=True):
            self._table(element)
        elif tag == "dl":
            self._definitions(element)
        elif tag != "hr":
            self.container(element)

    def _list_items(self, element: _Element, depth: int, items: list[str]) -> None:
        ordered = _tag(element) == "ol"
        number = _start(element)
        for child in element:
            tag = _tag(child)
            if tag in _LISTS:
                # A list directly inside a list (invalid, but common) nests like one in an item.
                self._list_items(child, depth + 1, items)
                continue
            if tag != "li" or self._skipped(child, tag):
                continue
            nested: list[_Element] = []
            text = " ".join(self._inline_lines(child, nested))
            marker = f"{number}. " if ordered and depth else ""
            if text:
                items.append("  " * depth + marker + text)
                number += 1
            for sub_list in nested:
                self._list_items(sub_list, depth + 1 if text else depth, items)

    def _quote(self, element: _Element) -> None:
        inner = _Walker(self.base_url, skip_chrome=False)
        inner.skip = self.skip
        inner.container(element)
        inner.flush()
        self.links.extend(inner.links)
        lines: list[str] = []
        for piece in inner.pieces:
            if isinstance(piece, Bullets):
                lines.extend(f"• {item.strip()}" for item in piece.items)
            elif isinstance(piece, QuestionAnswer):
                lines.extend((piece.question, piece.answer))
            else:
                lines.append(piece.text)
        if lines:
            self.pieces.append(Quote("\n".join(lines)))

    def _code(self, element: _Element) -> None:
        code = next((child for child in element if _tag(child) == "code"), None)
        classes = " ".join(
            value
            for value in (element.get("class"), code.get("class") if code is not None else None)
            if value
        )
        match = _LANGUAGE.search(classes)
        language = (
            match.group(1) if match else element.get("lang") or element.get("data-lang") or ""
        )
        self.pieces.append(Code(text=_text_of(element), language=language))

    def _table(self, element: _Element) -> None:
        # A data table reads as one line per row; a layout table (blocks in its cells) was
        # walked as a container instead.
        for row in element.iter("tr"):
            cells = [
                " ".join(self._inline_lines(cell)) for cell in row if _tag(cell) in ("td", "th")
            ]
            cells = [cell for cell in cells if cell]
            if cells:
                self.pieces.append(Paragraph(text=" | ".join(cells)))

    def _definitions(self, element: _Element) -> None:
        # <dt>Question?</dt><dd>Answer</dd> is FAQ markup whether or not a heading says so.
        pending: str | None = None
        for child in element:
            tag = _tag(child)
            if tag not in ("dt", "dd") or self._skipped(child, tag):
                continue
            text = " ".join(self._inline_lines(child))
            if tag == "dd" and pending is not None and pending.endswith("?"):
                self.pieces.append(QuestionAnswer(question=pending, answer=text))
                pending = None
                continue
            if pending:
                self.pieces.append(Paragraph(text=pending))
            pending = text if tag == "dt" else None
            if tag == "dd" and text:
                self.pieces.append(Paragraph(text=text))
        if pending:
            self.pieces.append(Paragraph(text=pending))

    # --- inline content -------------------------------------------------------------------

    def inline(self, element: _Element, tag: str) -> None:
        if tag == "img":
            self._image(element)
            return
        if tag in _EMPHASIS and not self.run.has_text() and not self.run.lead:
            self.run.lead = squash(_text_of(element))
        if tag == "a":
            self._link(element)
        self.run.add(element.text)
        for child in element:
            child_tag = _tag(child)
            if child_tag and not self._skipped(child, child_tag):
                if child_tag == "br":
                    self._line_break()
                elif child_tag in _BLOCKS:
                    # Block content inside inline markup (<a><div>...</div></a>): keep the
                    # words apart.
                    self.run.add(" ")
                    self.inline(child, child_tag)
                    self.run.add(" ")
                else:
                    self.inline(child, child_tag)
            self.run.add(child.tail)

    def _inline_lines(
        self, element: _Element, nested_lists: list[_Element] | None = None
    ) -> list[str]:
        """The text of `element` as lines, links and images noted; nested lists set aside."""
        outer, self.run = self.run, _Run()
        self.run.add(element.text)
        for child in element:
            tag = _tag(child)
            if tag and not self._skipped(child, tag):
                if nested_lists is not None and tag in _LISTS:
                    nested_lists.append(child)
                elif tag == "br":
                    self.run.lines.append([])
                else:
                    self.run.add(" " if tag in _BLOCKS else "")
                    self.inline(child, tag)
                    self.run.add(" " if tag in _BLOCKS else "")
            self.run.add(child.tail)
        inner, self.run = self.run, outer
        self.last_link_chars = inner.link_chars
        self.list_link_chars += inner.link_chars
        return inner.text_lines()

    def _line_break(self) -> None:
        self.run.breaks += 1
        if self.run.breaks >= 2:
            # Two line breaks in a row are how feed content and old pages make paragraphs.
            self.flush()
        else:
            self.run.lines.append([])

    def _link(self, element: _Element) -> None:
        url = self._url(element.get("href"))
        text = _plain(_text_of(element))
        self.run.link_chars += len(text)
        if url and text:
            self._note(Link(url=url, text=text))

    def _image(self, element: _Element) -> None:
        source = element.get("src") or element.get("data-src") or ""
        url = self._url(source)
        alt = _plain(element.get("alt") or element.get("title") or "")
        if url and not _tracking_pixel(element):
            self._note(Link(url=url, text=alt, kind="image"))
            self.run.images.append((alt, url))

    def _note(self, link: Link) -> None:
        if link not in self.links:
            self.links.append(link)

    def _url(self, raw: str | None) -> str:
        url = clean_text(raw or "").strip()
        if not url or url.startswith("#") or url.lower().startswith(_BAD_SCHEMES):
            return ""
        return urljoin(self.base_url, url) if self.base_url else url

    def _skipped(self, element: _Element, tag: str) -> bool:
        if tag in self.skip:
            return True
        # Content the page itself hides is not part of what a reader sees.
        style = (element.get("style") or "").replace(" ", "").lower()
        return (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or "display:none" in style
        )


def _tracking_pixel(element: _Element) -> bool:
    """An image the page says is 1×1 or has no width or height: a tracker, not a picture."""
    sizes = []
    for name in ("width", "height"):
        value = (element.get(name) or "").strip().removesuffix("px")
        sizes.append(int(value) if value.isdigit() else None)
    width, height = sizes
    return 0 in sizes or (width is not None and height is not None and width <= 1 >= height)


def _plain(text: str) -> str:
    """Link text or alt text, cleaned and repaired like the article text it sits in."""
    text = squash(text)
    if not text.isascii():
        text = repair_text(text)[0]
    return clean_text(text)


def _tag(element: _Element) -> str:
    """The element's lower-case local name; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _holds_blocks(element: _Element, *, inside_cells: bool = False) -> bool:
    """True when block elements sit inside (for tables: inside the cells)."""
    for descendant in element.iterdescendants():
        tag = _tag(descendant)
        if inside_cells:
            if tag in ("p", "div", "ul", "ol", "blockquote", "pre", "table", *_HEADINGS):
                return True
        elif tag in _BLOCKS:
            return True
    return False


def _text_of(element: _Element) -> str:
    """All the text under `element`, scripts and styles left out, whitespace as it stands."""
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = _tag(child)
        if tag == "br":
            parts.append("\n")
        elif tag and tag not in _SKIP:
            parts.append(_text_of(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def _start(element: _Element) -> int:
    try:
        return int(element.get("start", "1"))
    except ValueError:
        return 1
