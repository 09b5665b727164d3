"""Plain text -> `Article`: sections, paragraphs, bullet lists and FAQ pairs.

Two shapes are common. Generated articles put one paragraph on each line with no blank lines
at all, and headings on lines of their own. Hand-written text has a title line, a blank line,
then paragraphs separated by blank lines and often hard-wrapped at 70-80 columns. Both are read
the same way: blank lines separate blocks, and inside a block the line lengths tell whether
lines are wrapped pieces of one paragraph or paragraphs in their own right.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from reader.ingest.repair import repair_text
from reader.ingest.structure import Bullets, Heading, Paragraph, Piece, TextFixer, build_sections
from reader.ingest.titles import derive_title, first_sentence, is_faq_heading, is_known_heading
from reader.models import Article, Repair, Section, TitleOrigin
from reader.sanitize import clean_text_and_count, strip_escape_sequences

_BULLET = re.compile(r"^[ \t]*(?:[-*•◦▪‣]|\d{1,3}[.)])[ \t]+(?=\S)")
_ENDS_SENTENCE = re.compile(r"""[.!?…]["'’”)\]]*$""")
_ENDS_PUNCTUATED = re.compile(r"""[.!?…:;,]["'’”)\]]*$""")
_QA_PREFIX = re.compile(
    r"^(?:\*\*|__)?(?:Q|Question|A|Answer)\s*[:.)]\s*(?:\*\*|__)?\s*", re.IGNORECASE
)
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_SPACES = re.compile(r"[ \t]+")
_STARTS_SENTENCE = re.compile(r"""^\s*["“‘']?[^\W_a-z]""")
# "Tags: travel", "Source: /wire": a label and its value, not a heading.
_LABEL = re.compile(r"^\w+:\s*(?![A-Z])")


def _words(text: str, separator: str | None = None) -> frozenset[str]:
    return frozenset(text.split(separator))


# A line longer than any common wrap width is a paragraph of its own, never a wrapped piece.
_WRAP_WIDTH = 100
# Wrapped lines run close to the wrap width; a short unpunctuated line is a heading instead.
_MIN_WRAPPED_LINE = 40
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12
_MIN_ONE_WORD_HEADING = 4
_MIN_TEXT_UNDER_ONE_WORD = 60
# Words that cannot end a heading; a line ending in one is a sentence cut off by wrapping.
_DANGLING_WORDS = _words(
    "a an and are as at but by for from in is of on or that the to was were with we they "
    "he she i you our their his her my your its"
)
# Short lines that look like headings but are page furniture or bylines.
_NOT_HEADING = re.compile(
    r"^(?:by|photo|image|credit|source|posted|updated|published|advertisement|read more|"
    r"related|share|follow us)\b",
    re.IGNORECASE,
)


@dataclass
class _Item:
    """A paragraph (its raw lines kept, for FAQ splitting) or a bullet list."""

    kind: str  # "text" or "bullets"
    lines: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    ordered: bool = False

    @cached_property
    def text(self) -> str:
        # Read only once the items are complete (`_sections`), several times per item.
        return _SPACES.sub(" ", " ".join(line.strip() for line in self.lines)).strip()


def parse_text(
    text: str, *, source: str = "", location: str = "", file_stem: str | None = None
) -> Article:
    """Parse a plain-text article; the text as given is kept in `original`."""
    # Mojibake repair runs before control characters are removed, because Latin-1 mojibake
    # is made of C1 characters; only whole escape sequences go first, so their parameters
    # cannot be mistaken for damaged text.
    without_escapes, removed = strip_escape_sequences(text.removeprefix("\ufeff"))
    repaired, repairs = repair_text(without_escapes)
    cleaned, more_removed = clean_text_and_count(repaired)
    removed += more_removed
    if removed:
        control = Repair(kind="control-characters", original="", replacement="", count=removed)
        repairs = [control, *repairs]

    lines = [line.rstrip() for line in cleaned.split("\n")]
    title, title_lines = _title_line(lines)
    sections = _sections(_items(lines[title_lines:]))
    origin: TitleOrigin = "title-line"
    if title is None:
        title, origin = derive_title(sections, file_stem)
    return Article(
        title=title,
        title_origin=origin,
        source=source,
        location=location,
        sections=sections,
        repairs=repairs,
        original=text,
    )


def _items(lines: list[str]) -> list[_Item]:
    """Split the body into paragraphs and bullet lists, in order."""
    items: list[_Item] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        for item in _block_items(block):
            # A list whose items are separated by blank lines is still one list.
            previous = items[-1] if items else None
            if (
                item.kind == "bullets"
                and previous is not None
                and previous.kind == "bullets"
                and previous.ordered == item.ordered
            ):
                items[-1].items.extend(item.items)
            else:
                items.append(item)
        block = []
    return items


def _block_items(block: list[str]) -> list[_Item]:
    runs: list[_Item] = []
    for line in block:
        bullet = _BULLET.match(line)
        current = runs[-1] if runs else None
        if bullet:
            ordered = bullet.group(0).strip()[0].isdigit()
            if current is None or current.kind != "bullets" or current.ordered != ordered:
                current = _Item("bullets", ordered=ordered)
                runs.append(current)
            current.items.append(line[bullet.end() :].strip())
        elif current is not None and current.kind == "bullets" and _continues_bullet(line):
            current.items[-1] = f"{current.items[-1]} {line.strip()}"
        elif current is not None and current.kind == "text":
            current.lines.append(line)
        else:
            runs.append(_Item("text", lines=[line]))
    items: list[_Item] = []
    for run in runs:
        run.items = [_SPACES.sub(" ", item) for item in run.items]
        items.extend([run] if run.kind == "bullets" else _paragraphs(run.lines))
    return items


def _continues_bullet(line: str) -> bool:
    # An indented or lower-case line carries on the item above; anything else is new text.
    stripped = line.lstrip()
    return line[:1] in (" ", "\t") or stripped[:1].islower()


def _paragraphs(lines: list[str]) -> list[_Item]:
    """Lines with no blank line between them: one wrapped paragraph, or one each."""
    if not _is_wrapped(lines):
        return [_Item("text", lines=[line]) for line in lines]
    # A heading written directly above its paragraph is the one line kept apart.
    if (
        len(lines) > 1
        and _heading_like(lines[0])
        and _STARTS_SENTENCE.match(lines[1])
        and not _wraps_after(lines[0], lines[1])
    ):
        return [_Item("text", lines=[lines[0]]), _Item("text", lines=lines[1:])]
    return [_Item("text", lines=lines)]


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2 or any(len(line.strip()) > _WRAP_WIDTH for line in lines[:-1]):
        return False
    return any(_wraps_after(a, b) for a, b in itertools.pairwise(lines))


def _wraps_after(line: str, following: str) -> bool:
    """True when `following` plainly carries on the sentence that `line` began."""
    first = following.lstrip()[:1]
    if first.islower():
        return True
    stripped = line.strip()
    return len(stripped) >= _MIN_WRAPPED_LINE and not _ENDS_SENTENCE.search(stripped)


@lru_cache(maxsize=1024)
def _heading_like(line: str) -> bool:
    """A short line that could be a heading, judged on its own.

    Pure, and asked about most lines twice (as a line and as the one after a line): cached.
    """
    raw = line.strip()
    if line[:1].isspace():
        # Indented lines are code, quotes or list continuations, never headings.
        return False
    if raw.startswith("#"):
        return bool(_heading_text(raw))
    name = _heading_text(raw)
    if is_known_heading(name):
        return True
    if _BULLET.match(line) or _ENDS_PUNCTUATED.search(raw):
        return False
    words = name.split()
    if not 1 <= len(words) <= _MAX_HEADING_WORDS or len(name) > _MAX_HEADING_CHARS:
        return False
    if len(words) == 1 and not (name.isalpha() and len(name) >= _MIN_ONE_WORD_HEADING):
        return False
    letters = sum(char.isalpha() for char in name)
    if letters < len(name.replace(" ", "")) / 2:
        return False
    return not (
        not (name[0].isupper() or name[0].isdigit())
        or words[-1].lower() in _DANGLING_WORDS
        or _NOT_HEADING.match(name)
        or _LABEL.match(name)
        or any(mark in name for mark in (", ", "; ", ". ", "@", "://"))
    )


def _is_heading(items: list[_Item], index: int) -> bool:
    item = items[index]
    if item.kind != "text" or len(item.lines) != 1 or not _heading_like(item.lines[0]):
        return False
    if index + 1 >= len(items):
        return False
    following = items[index + 1]
    if following.kind == "bullets":
        return True
    # Two heading-like lines in a row are more likely a byline and a date; and a heading is
    # never followed by a sentence that carries on in lower case.
    if len(following.lines) == 1 and _heading_like(following.lines[0]):
        return False
    if following.text[:1].islower():
        return False
    name = _heading_text(item.lines[0])
    if item.lines[0].lstrip().startswith("#") or is_known_heading(name):
        return True
    if not _STARTS_SENTENCE.match(following.text):
        return False
    if " " not in name:
        # One word ("Timetable") is a heading only above a paragraph of real length.
        return len(following.text) >= _MIN_TEXT_UNDER_ONE_WORD
    # A short line followed by an even shorter one is more likely a caption or a byline.
    return len(following.text) > len(name)


def _unmark(line: str) -> str:
    return _QA_PREFIX.sub("", _heading_text(line), count=1)


def _sections(items: list[_Item]) -> list[Section]:
    """The items as the pieces Markdown and HTML make, built into sections by the one builder
    (`structure.build_sections`), which owns sections, lists and FAQ pairs for every format."""
    pieces: list[Piece] = []
    faq = False
    for index, item in enumerate(items):
        if _is_heading(items, index):
            title = _heading_text(item.lines[0])
            # Under an FAQ heading a question on a line of its own is a heading to the builder
            # too, which makes it a question (same level, ends in "?").
            pieces.append(Heading(level=2, text=title))
            if not (faq and title.endswith("?")):
                faq = is_faq_heading(title)
        elif item.kind == "bullets":
            pieces.append(Bullets(items=item.items, ordered=item.ordered))
        else:
            lines = [line.strip() for line in item.lines]
            pieces.append(Paragraph(text=item.text, lines=_faq_lines(lines) if faq else lines))
    return build_sections(pieces, _AlreadyClean())


def _faq_lines(lines: list[str]) -> list[str]:
    """A paragraph under an FAQ heading, with the plain-text marks the builder does not know
    taken off: `**Q: What is it?**` and `A:` prefixes, emphasis around the question."""
    for end, line in enumerate(lines[:3]):
        if _unmark(line).endswith("?"):
            answer = [_QA_PREFIX.sub("", lines[end + 1], count=1)] if end + 1 < len(lines) else []
            return [_unmark(part) for part in lines[: end + 1]] + answer + lines[end + 2 :]
    return [_QA_PREFIX.sub("", lines[0], count=1), *lines[1:]]


class _AlreadyClean(TextFixer):
    """Plain text is cleaned and repaired whole before it is split: nothing is left to fix."""

    def fix(self, text: str) -> str:
        return text


_MAX_TITLE_LINE = 200
_HEADING_DECORATION = re.compile(r"^[^\w\"“‘'(\[]+|[\s#*_=:~-]+$")


def _heading_text(line: str) -> str:
    """A heading without markup or leading emoji: "⚡ Quick Summary" -> "Quick Summary"."""
    text = _HEADING_DECORATION.sub("", line.strip())
    emphasis = _EMPHASIS.match(text)
    return emphasis.group(2).strip() if emphasis else text


def _title_line(lines: list[str]) -> tuple[str | None, int]:
    """The title and how many lines it used, when the text opens with a title line."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, 0
    line = lines[first].strip()
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
    markdown_title = re.match(r"^#[ \t]+\S", line) is not None
    if not (followed_by_blank or markdown_title) or _BULLET.match(line):
        return None, 0
    title = _heading_text(line) if line.startswith("#") else line
    if (
        not title
        or len(title) > _MAX_TITLE_LINE
        or is_known_heading(_heading_text(line))
        or title.endswith((":", ","))
        or (not markdown_title and title.endswith(".") and first_sentence(title) != title)
    ):
        return None, 0
    return title, first + 1
