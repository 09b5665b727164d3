"""Page furniture: the lines a web page puts around a story that are not the story.

Datelines, bylines, section labels, counts of comments, shares or views, share buttons, image
placeholders and credits, "Read more", cookie and subscription lines. None of them is a
takeaway, a key sentence or a figure, whoever's list or paragraph they came in.
"""

from __future__ import annotations

import re
from functools import cache

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?)"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_COUNT_NOUNS = (
    r"comments?|shares?|views?|likes?|reads?|retweets?|replies|reactions?|responses?|"
    r"pageviews?|votes?|notes?|claps?"
)
_PATTERNS = [
    # "24 July 2015", "Updated: July 24, 2015 10:42 GMT", "Published 3 hours ago"
    rf"(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?:?\s*)?{_DATE}"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?",
    rf"(?:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?:?\s*)?{_TIME}(?:\s+{_DATE})?",
    r"(?:updated|published|posted)?\s*\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|"
    r"weeks?|months?|years?)\s+ago",
    # "From the section US & Canada", "Section: Sport", "Filed under: Tech", "Tags: a, b"
    r"(?:from\s+the\s+section|filed\s+under|posted\s+in|more\s+on\s+this\s+story|"
    r"related\s+(?:stories|topics|articles))\b.{0,80}",
    r"(?:section|categories|category|tags?|topics?)\s*:.{0,80}",
    # "941 comments", "Comments (12)", "1.2k shares", "Share", "Tweet", "Email", "Print"
    rf"[\d,.]+\s*[km]?\+?\s*(?:{_COUNT_NOUNS})",
    rf"(?:{_COUNT_NOUNS})\s*[:(]?\s*[\d,.]+\s*[km]?\)?",
    r"(?:share|share\s+this(?:\s+(?:story|article|page))?|share\s+on\s+\w+|tweet|email|"
    r"e-mail|print|pin\s+it|whatsapp|facebook|twitter|linkedin|reddit|copy\s+link|comments?|"
    r"leave\s+a\s+comment|add\s+a\s+comment|view\s+comments|show\s+comments|"
    r"advertisement|sponsored(?:\s+content)?|skip\s+to\s+.{0,40}|close|menu|search)",
    # "[image: How to Program Your Mind…]", "Image copyright Getty", "Photo: Reuters"
    r"\[\s*(?:image|img|photo|picture|video|embed|media)\b[^\]]*\]",
    r"(?:image|photo|picture|media|video)\s+(?:copyright|caption|credit|source)\b.{0,120}",
    r"(?:image|photo|photograph|picture|credit|source|caption|getty\s+images|ap\s+photo)"
    r"\s*[:|]\s*.{0,120}",
    # "Read more", "Continue reading", "Click here to ...", "See more photos"
    r"(?:read|see|view|watch)\s+(?:more|the\s+full\s+story|full\s+article)\b.{0,80}",
    r"(?:continue\s+reading|click\s+here\b|more\s+stories\b|most\s+(?:read|popular)\b)"
    r".{0,80}",
    r"loading\b.{0,40}",
    # Cookie and subscription lines
    r".{0,80}\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|"
    r"accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings))\b.{0,160}",
    r"(?:subscribe|sign\s+up|log\s*in|sign\s+in|register)\b.{0,40}"
    r"\b(?:newsletters?|subscribers?|subscription|account|inbox|free|now|today)\b.{0,40}",
    r"(?:subscribe|sign\s+up|log\s*in|sign\s+in|register)",
    r"already\s+a\s+subscriber\b.{0,60}",
]


@cache
def _furniture() -> re.Pattern[str]:
    """The furniture patterns as one, compiled on first use (it takes ~20 ms)."""
    return re.compile(
        r"^[\s•·|*>#-]*(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")[\s.:!|•·-]*$",
        re.IGNORECASE,
    )


# Bylines: "By Jane Doe", "By Jane Doe and John Roe, BBC News" (names capitalised: "By the
# end of the day" is prose).
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|di|al))+"
_BYLINE = re.compile(
    rf"^[\s•·|*>#-]*(?:By|BY|by)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}}"
    r"(?:\s*[,|–—-]\s*[A-Z][\w .&'’-]{0,40})?[\s.]*$"
)
_PLACEHOLDER = re.compile(r"\[\s*(?:image|img|photo|picture|video|embed|media)\b[^\]]*\]",
                          re.IGNORECASE)
_MAX_WORDS = 24
"""Furniture is short: a longer line that happens to start "By" or "Share" is prose."""


# The words furniture opens with, so that most sentences need no pattern at all.
_OPENERS = frozenset(
    """by from section updated published posted last modified image img photo photograph
    picture media video credit source caption getty ap read see view watch continue click
    more most related filed tags tag topics topic categories category share tweet email
    e-mail print pin whatsapp facebook twitter linkedin reddit copy comments comment leave
    add show advertisement sponsored skip close menu search subscribe sign log login register
    already jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december mon monday tue tues tuesday wed
    wednesday thu thurs thursday fri friday sat saturday sun sunday reactions replies
    responses views likes shares reads votes notes loading""".split()
)


def is_furniture(text: str) -> bool:
    """Whether a line, bullet or sentence is page furniture rather than the author's words."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    opener = words[0].lstrip("•·|*>#-[(").rstrip(":.,)|").lower()
    if not (opener in _OPENERS or opener[:1].isdigit() or text.lstrip().startswith("[")
            or "cookie" in text.lower()):
        return False
    line = " ".join(words)
    return bool(_furniture().match(line) or _BYLINE.match(line))


def has_placeholder(text: str) -> bool:
    """Whether the text holds an image or media placeholder ("[image: ...]")."""
    return "[" in text and _PLACEHOLDER.search(text) is not None


def authored_items(items: list[str]) -> list[str]:
    """A list's items without furniture; none at all where furniture is half the list or
    more: then the list is the page's (date, section, comments), not the author's points."""
    kept = [item for item in items if not is_furniture(item) and not has_placeholder(item)]
    return kept if len(kept) * 2 > len(items) else []
