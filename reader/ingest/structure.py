"""Document pieces -> `Section`s, shared by the Markdown and HTML readers.

Both readers first turn their source into a flat list of pieces (headings, paragraphs, lists,
quotes, code) and then hand it here, so sectioning, FAQ pairing and text repair work the same
whichever format an article came in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.ingest.repair import repair_text
from reader.ingest.titles import is_faq_heading
from reader.models import Block, Repair, Section
from reader.sanitize import clean_text_and_count, strip_escape_sequences


@dataclass
class Heading:
    level: int
    text: str
    linked: bool = False
    """The whole heading is a link: a teaser for another page, in a web page's extract."""


@dataclass
class Paragraph:
    text: str
    lines: list[str] = field(default_factory=list)
    """The paragraph's lines where the source broke it (`<br>`, Markdown line ends)."""
    lead: str = ""
    """Emphasised text that opens the paragraph ("**What is it?** It is ..."), for FAQs."""
    linked: float = 0.0
    """The share of the text that is link text (high in lists of links to other pages)."""
    image: str = ""
    """The picture's address, when the paragraph stands for one (`[image: alt]`)."""


@dataclass
class Bullets:
    items: list[str]
    ordered: bool = False
    linked: float = 0.0
    """The share of the items' text that is link text (share buttons, related links)."""


@dataclass
class Quote:
    text: str


@dataclass
class Code:
    text: str
    language: str = ""


@dataclass
class QuestionAnswer:
    question: str
    answer: str


Piece = Heading | Paragraph | Bullets | Quote | Code | QuestionAnswer

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_QUESTION_PREFIX = re.compile(r"^(?:Q|Question)\s*(?:\d+\s*)?[:.)]\s*", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"^(?:A|Answer)\s*[:.)]\s*", re.IGNORECASE)
# A question longer than this is a paragraph that happens to end in "?".
_MAX_QUESTION_CHARS = 300
# A question spread over more lines than this is prose, not a question.
_MAX_QUESTION_LINES = 3


def squash(text: str) -> str:
    """Runs of whitespace (line breaks included) as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def same_words(a: str, b: str) -> bool:
    """True when two texts differ only in case, punctuation and spacing (a repeated title)."""
    return _words_key(a) == _words_key(b)


def _words_key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text).casefold().split())


class TextFixer:
    """Cleans and repairs pieces of an article, adding up what was repaired."""

    def __init__(self) -> None:
        self._removed = 0
        self._counts: Counter[tuple[str, str, str]] = Counter()

    def fix(self, text: str) -> str:
        """`text` with escape sequences, control characters and mojibake dealt with."""
        # Same order as the plain-text reader: whole escape sequences first, mojibake repair
        # before control characters go (Latin-1 mojibake is made of C1 characters).
        text, removed = strip_escape_sequences(text)
        if not text.isascii():
            # Pure ASCII cannot hold mojibake, and most pieces are ASCII: skip ftfy for them.
            text, repairs = repair_text(text)
            for repair in repairs:
                self._counts[(repair.kind, repair.original, repair.replacement)] += repair.count
        text, more_removed = clean_text_and_count(text)
        self._removed += removed + more_removed
        return text

    def repairs(self) -> list[Repair]:
        found = [
            Repair(kind=kind, original=original, replacement=replacement, count=count)
            for (kind, original, replacement), count in self._counts.items()
        ]
        if self._removed:
            control = Repair(
                kind="control-characters", original="", replacement="", count=self._removed
            )
            found.insert(0, control)
        return found


def section_levels(pieces: list[Piece]) -> tuple[int, int]:
    """The two heading levels that start sections: the highest used and the one below it.

    Most articles use h2/h3 (`##`/`###`), but many sites put sections in h3/h4; headings below
    these two levels are run-in headings and become paragraphs.
    """
    levels = [piece.level for piece in pieces if isinstance(piece, Heading) and piece.text]
    top = min(levels, default=2)
    return top, top + 1


def build_sections(pieces: list[Piece], fixer: TextFixer) -> list[Section]:
    """Sections from pieces: each section-level heading opens one, FAQ content is paired."""
    builder = _SectionBuilder(fixer, section_levels(pieces))
    for piece in pieces:
        builder.add(piece)
    return builder.finish()


class _SectionBuilder:
    def __init__(self, fixer: TextFixer, levels: tuple[int, int]) -> None:
        self.fixer = fixer
        self.deepest_section = levels[1]
        self.sections: list[Section] = []
        self.faq_level: int | None = None
        """The level of the open FAQ heading; None outside an FAQ."""
        self.answer: list[str] | None = None
        """The answer being collected for the last question; None when no question is open."""

    def add(self, piece: Piece) -> None:
        if isinstance(piece, Heading):
            self._heading(piece)
        elif isinstance(piece, Paragraph):
            self._paragraph(piece)
        elif isinstance(piece, Bullets):
            items = [text for text in (self._fix_line(item) for item in piece.items) if text]
            if items:
                self._block(Block(kind="bullets", items=items, ordered=piece.ordered), items)
        elif isinstance(piece, Quote):
            text = self._fix_lines(piece.text)
            if text:
                self._block(Block(kind="quote", text=text), [text])
        elif isinstance(piece, Code):
            text = self.fixer.fix(piece.text).strip("\n")
            if text.strip():
                self._block(Block(kind="code", text=text, language=piece.language), [text])
        else:
            self._question(squash(self.fixer.fix(piece.question)), self._fix_lines(piece.answer))
            # The markup said where the answer ends (<dd>): what follows is not part of it.
            self._close_answer()

    def finish(self) -> list[Section]:
        self._close_answer()
        return [section for section in self.sections if section.title or section.blocks]

    def _heading(self, piece: Heading) -> None:
        text = squash(self.fixer.fix(piece.text))
        if not text:
            # An empty heading ("##" alone, as Go's blog uses after its header) opens nothing.
            return
        if self.faq_level is not None and piece.level >= self.faq_level and text.endswith("?"):
            self._question(_QUESTION_PREFIX.sub("", text), "")
            return
        if piece.level > self.deepest_section:
            # A run-in heading below the section levels stays in its section, as a paragraph.
            self._paragraph(Paragraph(text=text, lines=[text]))
            return
        self._close_answer()
        self.sections.append(Section(title=text))
        self.faq_level = piece.level if is_faq_heading(text) else None

    def _paragraph(self, piece: Paragraph) -> None:
        lines = [squash(self.fixer.fix(line)) for line in piece.lines or [piece.text]]
        lines = [line for line in lines if line]
        if not lines:
            return
        text = " ".join(lines)
        if self.faq_level is not None:
            question, answer = _split_question(lines, squash(self.fixer.fix(piece.lead)))
            if question:
                self._question(question, answer)
                return
        self._block(Block(kind="paragraph", text=text, image=piece.image), [text])

    def _question(self, question: str, answer: str) -> None:
        self._close_answer()
        self._current().blocks.append(Block(kind="qa", question=question))
        self.answer = [answer] if answer else []

    def _block(self, block: Block, answer_lines: list[str]) -> None:
        if self.answer is not None:
            if block.kind == "bullets":
                answer_lines = [f"• {item}" for item in answer_lines]
            self.answer.extend(_ANSWER_PREFIX.sub("", line, count=1) for line in answer_lines)
            return
        self._current().blocks.append(block)

    def _current(self) -> Section:
        if not self.sections:
            # Content before the first heading is the lead, a section without a title.
            self.sections.append(Section(title=""))
        return self.sections[-1]

    def _close_answer(self) -> None:
        if self.answer is None:
            return
        block = self.sections[-1].blocks[-1]
        if self.answer:
            block.answer = "\n".join(self.answer)
        else:
            # A question nobody answered is just a line of text.
            self.sections[-1].blocks[-1] = Block(kind="paragraph", text=block.question)
        self.answer = None

    def _fix_line(self, text: str) -> str:
        # List items keep their indentation: it shows nesting.
        fixed = self.fixer.fix(text)
        indent = fixed[: len(fixed) - len(fixed.lstrip(" "))]
        return indent + squash(fixed)

    def _fix_lines(self, text: str) -> str:
        lines = (squash(line) for line in self.fixer.fix(text).split("\n"))
        return "\n".join(line for line in lines if line)


def _split_question(lines: list[str], lead: str) -> tuple[str, str]:
    """An FAQ paragraph's question and the answer after it; ("", "") if it asks nothing."""
    lead = _QUESTION_PREFIX.sub("", lead)
    text = " ".join(lines)
    if lead.endswith("?") and len(lead) <= _MAX_QUESTION_CHARS:
        # "**Q: What is it?** It is ..." (the lead's prefix may sit outside the emphasis).
        body = _QUESTION_PREFIX.sub("", text)
        answer = body[len(lead) :] if body.startswith(lead) else body.partition("?")[2]
        return lead, _ANSWER_PREFIX.sub("", answer.strip(), count=1)
    for end, line in enumerate(lines[:_MAX_QUESTION_LINES]):
        if line.endswith("?"):
            question = _QUESTION_PREFIX.sub("", " ".join(lines[: end + 1]))
            if len(question) > _MAX_QUESTION_CHARS:
                break
            answer = " ".join(lines[end + 1 :])
            return question, _ANSWER_PREFIX.sub("", answer, count=1)
    return "", ""
