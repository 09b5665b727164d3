"""The data every layer shares: pydantic models, no I/O.

An `Article` is what ingest produces from a source; `Insight` is what the insight layer derives
from an `Article`; `ListItem` and `ArticleState` are what the store hands the app and the CLI.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, computed_field

WORDS_PER_MINUTE = 230
"""Reading speed used for reading-time estimates (a common figure for adults reading news)."""

BlockKind = Literal["paragraph", "bullets", "qa", "quote", "code"]


class Block(BaseModel):
    """One block of a section: a paragraph, a list, a question with its answer, a quote or code."""

    kind: BlockKind
    text: str = ""
    """The text (kinds `paragraph`, `quote`, `code`)."""
    items: list[str] = Field(default_factory=list)
    """The list items (kind `bullets`)."""
    ordered: bool = False
    """A numbered list (kind `bullets`)."""
    language: str = ""
    """The code's language, where the source said (kind `code`)."""
    question: str = ""
    """The question (kind `qa`)."""
    answer: str = ""
    """The answer (kind `qa`)."""
    image: str = ""
    """The picture's address, for a paragraph that stands for one (`[image: alt]`): absolute,
    or relative to the file the article was read from."""

    def plain(self) -> str:
        """The block's words as plain text, for counting and searching."""
        if self.kind == "bullets":
            return "\n".join(self.items)
        if self.kind == "qa":
            return f"{self.question}\n{self.answer}"
        return self.text


class Section(BaseModel):
    """A heading and the blocks under it. The lead before any heading has an empty title."""

    title: str = ""
    blocks: list[Block] = Field(default_factory=list)


class Repair(BaseModel):
    """One kind of text repair made during ingest, so the reader can say what was changed."""

    kind: str
    """What was repaired, e.g. `mojibake-cp874` or `control-characters`."""
    original: str
    """The text as it stood, e.g. `โ`."""
    replacement: str
    """What it became, e.g. `—` (empty when characters were removed)."""
    count: int


class Link(BaseModel):
    """A link or image the article refers to, kept as text the reader can open."""

    url: str
    text: str = ""
    kind: Literal["link", "image"] = "link"


class Enclosure(BaseModel):
    """A feed entry's media file (a podcast episode, a video): played, not read."""

    url: str
    type: str = ""
    """The MIME type the feed gave, e.g. `audio/mpeg`; empty when it gave none."""
    length: int | None = None
    """The size in bytes, where the feed said (and said more than 0)."""
    duration: int | None = None
    """The running time in seconds, where the feed said (itunes:duration, media:content)."""
    title: str = ""


TitleOrigin = Literal["title-line", "summary", "first-sentence", "file-name"]


class Article(BaseModel):
    """An article as ingest produced it: metadata, sections, and the original text."""

    title: str
    title_origin: TitleOrigin = "title-line"
    """Where the title came from; anything but `title-line` means it was derived."""
    source: str = ""
    """A short human name for where the article came from (a file name, a feed's title)."""
    location: str = ""
    """The path or URL the article was read from."""
    author: str | None = None
    published: datetime | None = None
    sections: list[Section] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    original: str = ""
    """The source text exactly as read, kept so that no repair ever loses anything."""
    link: str | None = None
    """The article's own web address, where it has one."""
    links: list[Link] = Field(default_factory=list)
    """Links and images in the article, in order."""
    enclosures: list[Enclosure] = Field(default_factory=list)
    """Audio and video files a feed entry carries (podcasts, video), in the feed's order."""
    feed: str | None = None
    """The URL of the feed the article came from, for feed entries."""
    guid: str | None = None
    """The feed entry's id (or its link when the feed gives none)."""
    teaser: bool = False
    """True when the text is only a feed's teaser and the full article is at `link`."""
    language: str | None = None
    """The language the text is written in (ISO 639-1, e.g. `en`), where it is known."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def uid(self) -> str:
        """A stable identity: a feed entry is its feed and guid, anything else its text.

        So a feed entry that is edited upstream updates the stored one, and the same file
        added twice is one article.
        """
        if self.guid:
            basis = f"entry\n{self.feed or ''}\n{self.guid}"
        else:
            basis = self.original or self.title + "\n" + self.body_text()
        return "sha256:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    def body_text(self) -> str:
        """All of the article's words, section by section, as plain text."""
        parts: list[str] = []
        for section in self.sections:
            if section.title:
                parts.append(section.title)
            parts.extend(block.plain() for block in section.blocks)
        return "\n".join(parts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def word_count(self) -> int:
        return len(self.body_text().split())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))


FactKind = Literal[
    "money", "percent", "count", "duration", "date", "person", "organisation", "place", "quote"
]


class Fact(BaseModel):
    """A key fact with where it came from, so the reader can jump to it."""

    kind: FactKind
    text: str
    """The fact as shown, e.g. `$3.5 billion valuation` or `Yann LeCun`."""
    sentence: str
    """The sentence the fact came from."""
    section: int
    """Index of the section the sentence is in."""
    speaker: str | None = None
    """Who said it (kind `quote`), where the text says so."""


class Takeaway(BaseModel):
    text: str
    section: int | None = None
    authored: bool
    """True where the author wrote it (a Key Takeaways section); False where it was ranked."""


class Flag(BaseModel):
    """A sentence flagged as not part of the story, e.g. an inserted sales line."""

    kind: Literal["promotional"] = "promotional"
    sentence: str
    section: int


class Insight(BaseModel):
    summary: list[str] = Field(default_factory=list)
    """The author's summary bullets (a Quick Summary / TL;DR section), else the lead sentences."""
    facts: list[Fact] = Field(default_factory=list)
    takeaways: list[Takeaway] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


class Feed(BaseModel):
    """A subscription: where to fetch it and what the last fetch said."""

    id: int
    url: str
    title: str = ""
    link: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: datetime | None = None
    status: str = "new"
    """`new`, `ok`, `not modified`, or why the last refresh failed."""
    retry_after: datetime | None = None
    """The server asked not to be fetched again before this time (HTTP 429/503)."""
    articles: int = 0


class ArticleState(BaseModel):
    """What the reader did with an article: kept in the store across restarts."""

    read: bool = False
    bookmarked: bool = False
    section: int = 0
    """The section the reader was last in."""
    scroll: float = 0.0
    """The reader view's scroll offset when last left."""


class ListItem(BaseModel):
    """One row of the article list: what the list shows and nothing more."""

    id: int
    title: str
    source: str
    read: bool
    bookmarked: bool
    reading_minutes: int
    published: datetime | None = None
    snippet: str | None = None
    """For a text search: the text around the match, matches between \x02 and \x03."""


class StoredArticle(BaseModel):
    """An article as the store holds it: its id, the article, and its state."""

    id: int
    article: Article
    state: ArticleState
    added: datetime
