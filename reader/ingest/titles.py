"""Article titles: the section names that shape them, and a title derived when none is given."""

from __future__ import annotations

import re

from reader.models import Section, TitleOrigin
from reader.sanitize import clean_text

_SPACES = re.compile(r"[ \t]+")


def _words(text: str, separator: str | None = None) -> frozenset[str]:
    return frozenset(text.split(separator))


# Common section names, as `_section_key` spells them: a heading even where short lines are
# doubtful, never a title. A leading summary section also gives an untitled article its title.
_SUMMARY_SECTIONS = _words(
    "summary|quick summary|tl;dr|tldr|key points|at a glance|in brief|highlights|"
    "story highlights|executive summary|the short version",
    "|",
)
_FAQ_SECTIONS = _words(
    "faq|faqs|frequently asked questions|questions and answers|q&a|q & a|common questions|"
    "your questions answered",
    "|",
)
_OTHER_SECTIONS = _words(
    "introduction|intro|overview|key takeaways|takeaways|background|context|"
    "background and context|conclusion|conclusions|what happened|why it matters|"
    "why this matters|what's next|looking ahead|bottom line|the bottom line|analysis|"
    "related|references|sources|further reading",
    "|",
)
_KNOWN_SECTIONS = _SUMMARY_SECTIONS | _FAQ_SECTIONS | _OTHER_SECTIONS
_MAX_DERIVED_TITLE = 100
_SECTION_KEY = re.compile(r"[^a-z0-9&;' ]+")
# "(CNN)", "Tokyo (CNN)", "WASHINGTON (Reuters) -": where a story came from, not its headline.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*)*\s*)?\([A-Z][\w .&'’-]{0,40}\)\s*(?:[-—–]+\s*)?"
    r"|^[A-Z][A-Z .,'’]{2,40}\s[-—–]+\s"
)
_SENTENCE_END = re.compile(r"""[.!?]["'’”)\]]*(?=\s+["“‘'(\[]?[A-Z0-9]|\s*$)""")
_ABBREVIATIONS = _words(
    "mr mrs ms dr prof sr jr st mt vs no gen gov sen rep lt col sgt capt inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e"
)
_HEX_TOKEN = re.compile(r"^(?=[0-9a-f]*\d)[0-9a-f]{8,}$")


def _section_key(name: str) -> str:
    return " ".join(_SECTION_KEY.sub(" ", name.lower().replace("’", "'")).split())


def is_known_heading(name: str) -> bool:
    """True when `name` is a common section name ("Summary", "FAQ", "Background", ...)."""
    return _section_key(name) in _KNOWN_SECTIONS


def is_faq_heading(name: str) -> bool:
    """True when `name` heads a questions-and-answers section ("FAQ", "Q&A", ...)."""
    return _section_key(name) in _FAQ_SECTIONS


def derive_title(sections: list[Section], file_stem: str | None) -> tuple[str, TitleOrigin]:
    """A title for an untitled article: a summary's first point, a sentence, or the file name."""
    lead = next((section for section in sections if section.blocks), None)
    if lead is not None and _section_key(lead.title) in _SUMMARY_SECTIONS:
        bullets = next((block for block in lead.blocks if block.kind == "bullets"), None)
        if bullets is not None and bullets.items:
            return _trim_title(bullets.items[0]), "summary"
    for section in sections:
        for block in section.blocks:
            if block.kind == "paragraph":
                sentence = _headline_sentence(block.text)
                if sentence:
                    return _trim_title(sentence), "first-sentence"
    return _prettify_stem(file_stem or ""), "file-name"


def _headline_sentence(paragraph: str) -> str:
    """The first sentence worth calling a headline: datelines and bare dates skipped."""
    rest = _DATELINE.sub("", paragraph, count=1).strip()
    while rest:
        sentence = first_sentence(rest)
        if sum(any(c.isalpha() for c in word) for word in sentence.split()) >= 3:
            return sentence
        rest = rest[len(sentence) :].lstrip()
    return ""


def first_sentence(text: str) -> str:
    """The text up to its first sentence end, not counting abbreviations and initials."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].split()
        word = before[-1].lower().lstrip("(\"“'‘") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _trim_title(text: str) -> str:
    title = _SPACES.sub(" ", text).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    # A sentence cut from inside a quotation keeps its opening mark but not the closing one.
    if (title.startswith('"') and title.count('"') % 2) or (
        title.startswith("“") and "”" not in title
    ):
        title = title[1:]
    if len(title) <= _MAX_DERIVED_TITLE:
        return title
    cut = title[: _MAX_DERIVED_TITLE - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def _prettify_stem(stem: str) -> str:
    """ "2024-05-01_election-results_3fa9c2d1e8" -> "Election results"."""
    stem = clean_text(stem)
    words = [word for word in re.split(r"[\s_\-.]+", stem) if word]
    while words and words[0].isdigit():
        words.pop(0)
    words = [word for word in words if not _HEX_TOKEN.match(word.lower())]
    if not words:
        return stem or "Untitled"
    pretty = " ".join(words)
    return pretty[0].upper() + pretty[1:]


# A page's own title, from what it declares about itself.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|«|/|:)\s+")
_SITE_KEY = re.compile(r"[^a-z0-9]+")
_AGREE = 0.6
"""Share of words two declared titles must have in common to count as the same headline."""
_MIN_HEADLINE_WORDS = 3


def _title_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold().replace("’", "'")))


def _agree(a: str, b: str) -> bool:
    left, right = _title_words(a), _title_words(b)
    if not left or not right:
        return False
    return len(left & right) / min(len(left), len(right)) >= _AGREE and (
        len(left & right) / max(len(left), len(right)) >= _AGREE / 2)


def _is_site(part: str, sites: list[str]) -> bool:
    key = _SITE_KEY.sub("", part.casefold().removeprefix("the "))
    if not key:
        return True
    for site in sites:
        other = _SITE_KEY.sub("", site.casefold().removeprefix("the ").removeprefix("www."))
        other = re.sub(r"(com|org|net|couk|co)$", "", other)
        if other and (key == other or key.startswith(other) or other.startswith(key)):
            return True
    return False


def without_site_name(title: str, sites: list[str], others: list[str]) -> str:
    """ "Lou Holtz was right | AL.com" -> "Lou Holtz was right": the site's name, and section
    labels of a word or two ("People - ... | Fame | The Debrief"), come off either end; a part
    left in the middle stays with its own separator unless the page's other titles agree with
    that part alone."""
    title = " ".join(title.split())
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    first, last = 0, len(parts)
    while last - first > 1 and (_is_site(parts[last - 1], sites) or _is_label(parts, first, last,
                                                                                  -1)):
        last -= 1
    while last - first > 1 and (_is_site(parts[first], sites) or _is_label(parts, first, last,
                                                                              0)):
        first += 1
    kept = parts[first:last]
    middle = _span(title, kept)
    if len(kept) > 1 and not any(_agree(middle, o) for o in others if o):
        agreeing = [p for p in kept if any(_agree(p, o) for o in others if o)]
        if len(agreeing) == 1:
            return agreeing[0]
    return middle


def _is_label(parts: list[str], first: int, last: int, end: int) -> bool:
    """A word or two at one end of a title whose other parts hold the headline."""
    part = parts[first:last][end]
    rest = parts[first:last][1:] if end == 0 else parts[first:last][:-1]
    return len(part.split()) <= 2 and sum(len(p.split()) for p in rest) >= 2 * _MIN_HEADLINE_WORDS


def _span(title: str, parts: list[str]) -> str:
    """The title from its first kept part to its last, with its own separators."""
    start = title.index(parts[0])
    end = start
    for part in parts:
        end = title.index(part, end) + len(part)
    return title[start:end].strip()


def choose_page_title(og: str, title_tag: str, headings: list[str], sites: list[str],
                      extracted: str = "") -> str:
    """The headline of a web page from what it declares: its `og:title`, its `<title>` less
    the site's name, its first `h1`s, and what the extractor took; where they agree, the
    visible heading's words, else the declared title with most support."""
    og = " ".join(og.split())
    others = [t for t in (og, title_tag, extracted) if t]
    tag = " ".join(title_tag.split())
    tag = without_site_name(tag, sites, [og, *headings]) if tag else ""
    og = without_site_name(og, sites, [tag, *headings]) if og else ""
    declared = [t for t in (og, tag) if t]
    for heading in headings:
        heading = " ".join(heading.split())
        if not heading or _is_site(heading, sites):
            continue  # the site's logo in an h1
        if any(_agree(heading, t) for t in declared) or not declared and extracted and _agree(
                heading, extracted):
            return heading
    for candidate in (og, tag):
        if candidate and len(candidate.split()) >= 2:
            return candidate
    return og or tag or extracted or next((h for h in headings if h.strip()), "") or (
        others[0] if others else "")
