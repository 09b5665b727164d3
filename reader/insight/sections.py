"""Finding what the author already summarised: a Quick Summary up top, Key Takeaways below."""

from __future__ import annotations

import re

from reader.models import Article, Section

from .furniture import authored_items
from .sentences import split_sentences

SUMMARY_HEADINGS = frozenset(
    {"quick summary", "summary", "tl;dr", "tldr", "at a glance", "key points",
     "what you need to know", "in brief", "in short", "the short version"}
)
TAKEAWAY_HEADINGS = SUMMARY_HEADINGS | {
    "key takeaways", "takeaways", "main takeaways", "the takeaways", "key takeaway",
    "the bottom line", "bottom line", "key facts", "highlights", "key findings",
}
_MAX_ITEMS = 8
_TOP_BULLET_MAX_WORDS = 40

_LEADING_JUNK = re.compile(r"^[^\w]+")
_TRAILING_JUNK = re.compile(r"[\s:.\-–—!]+$")


def heading_key(title: str) -> str:
    """A heading reduced to compare with the lists: no emoji or '#', lowercase, one space."""
    key = _LEADING_JUNK.sub("", title.strip())
    key = _TRAILING_JUNK.sub("", key)
    return " ".join(key.lower().split())


def section_items(section: Section) -> list[str]:
    """The author's points in a section: its bullets, else its paragraph sentences."""
    items = [item.strip() for block in section.blocks if block.kind == "bullets"
             for item in block.items if item.strip()]
    if not items:
        for block in section.blocks:
            text = block.plain()
            items.extend(text[s:e] for s, e in split_sentences(text))
    return authored_items(items)[:_MAX_ITEMS]


def summary_section(article: Article) -> int | None:
    """Index of a summary section that leads the article (only untitled text before it)."""
    for index, section in enumerate(article.sections[:3]):
        if not section.title:
            continue
        if heading_key(section.title) in SUMMARY_HEADINGS and section_items(section):
            return index
        return None
    return None


def takeaway_section(article: Article) -> int | None:
    """The section whose points best serve as takeaways; "Key Takeaways" beats a summary."""
    best: tuple[int, int] | None = None
    for index, section in enumerate(article.sections):
        key = heading_key(section.title)
        if key not in TAKEAWAY_HEADINGS or not section_items(section):
            continue
        # A takeaways heading beats a key-points one, which beats a plain summary.
        rank = 0 if "takeaway" in key else 1 if key in {"key points", "key facts"} else 2
        if best is None or rank < best[0]:
            best = (rank, index)
    return best[1] if best else None


def top_bullets(article: Article) -> list[str]:
    """Bullet points that open the article before any heading, as summaries often do."""
    if not article.sections or article.sections[0].title:
        return []
    blocks = article.sections[0].blocks
    first = next((b for b in blocks if b.kind != "paragraph" or b.text.strip()), None)
    if first is None or first.kind != "bullets":
        return []
    items = authored_items([item.strip() for item in first.items if item.strip()])
    rest = sum(len(b.plain().split()) for s in article.sections for b in s.blocks) - sum(
        len(i.split()) for i in items
    )
    if not 2 <= len(items) <= _MAX_ITEMS or rest < 3 * sum(len(i.split()) for i in items):
        return []  # a list that is the article itself is not a summary of it
    if any(len(item.split()) > _TOP_BULLET_MAX_WORDS for item in items):
        return []
    return items
