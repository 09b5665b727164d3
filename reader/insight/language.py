"""The language an article is written in, so rules written for one language stay in it.

The entity rules know English, German and French (their function words, speech verbs and
name shapes); an article in any other language still gets its figures, dates, quotes and key
sentences, but no person, organisation or place guessed by rules that cannot read it.

py3langid decides (a maintained langid.py: 97 languages, its model inside the package). Its
model takes about a second to load, so it is read only when first needed, and plain English
(most of what the reader meets) is recognised first from its commonest function words without
it. `Article.language`, where ingest has set it, is trusted as given.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.models import Article

KNOWN = frozenset({"en", "de", "fr"})
"""Languages whose names the entity rules can tell apart."""
_SAMPLE = 1200
"""Characters of text the detector reads: enough to be sure, little enough to stay fast."""
_MIN_WORDS = 12
"""Fewer words than this say too little to tell a language."""
_MIN_CONFIDENCE = 0.8
_ENGLISH = frozenset(
    "the and of to is was that with for are were be been this from have has had which would "
    "their they its it's he she his her said not but by on at".split()
)
_ENGLISH_SHARE = 0.15
"""English prose has these words as a fifth to a third of its words; other languages, few."""
_SENTENCES = 12
_MIN_DISTINCT = 40
_DISTINCT_SHARE = 0.08
"""Of the distinct words in its sentences, English news has 12 to 40 % from `_ENGLISH`;
German and French prose as much from their lists; other languages next to none."""
OTHER = "other"
"""A language the name rules cannot read, before `detect_language` says which."""
_FUNCTION_WORDS = {
    "en": _ENGLISH,
    "de": frozenset(
        "der die das und ist nicht mit von den dem ein eine einen auf für sich wurde auch im "
        "zu bei nach wie aus hat werden sind war noch nur über".split()
    ),
    "fr": frozenset(
        "le les et est dans pour par sur avec ce cette qui une du au aux il elle ils pas ne "
        "mais ont été être sont leur nous vous".split()
    ),
}
_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def article_text(article: Article, limit: int = _SAMPLE) -> str:
    """The start of the article's own words: title, headings, paragraphs and list items."""
    parts: list[str] = [article.title]
    size = len(article.title)
    for section in article.sections:
        for text in (section.title, *(block.plain() for block in section.blocks)):
            if text:
                parts.append(text)
                size += len(text)
            if size >= limit:
                return " ".join(parts)[:limit]
    return " ".join(parts)[:limit]


def detect_language(article: Article) -> str | None:
    """The article's language as an ISO 639-1 code, or None where the text is too short or
    too mixed to tell."""
    if article.language:
        return article.language
    return detect_text_language(article_text(article))


def detect_text_language(text: str) -> str | None:
    if len(text.split()) < _MIN_WORDS:
        return None
    words = _LATIN_WORD.findall(text.lower())
    if words and sum(map(_ENGLISH.__contains__, words)) / len(words) >= _ENGLISH_SHARE:
        return "en"
    language, confidence = _identifier().classify(text)
    return str(language) if confidence >= _MIN_CONFIDENCE else None


def rules_language(word_sets: list[frozenset[str]]) -> str | None:
    """The language of the rules that can read these sentences: "en", "de" or "fr" where the
    distinct words of the first sentences are that language's function words often enough;
    `OTHER` where they are none of these; None where there are too few words to tell.

    Told from the sentences analysis has already split, so opening an article never waits for
    the detector's model; `detect_language` names any other language exactly."""
    total = 0
    hits = dict.fromkeys(_FUNCTION_WORDS, 0)
    for words in word_sets[:_SENTENCES]:
        total += len(words)
        for language, function_words in _FUNCTION_WORDS.items():
            hits[language] += len(words & function_words)
    if total < _MIN_DISTINCT:
        return None
    language = max(hits, key=lambda code: hits[code])
    return language if hits[language] / total >= _DISTINCT_SHARE else OTHER


def rules_know(language: str | None) -> bool:
    """Whether the entity rules can read `language` (too little text to tell counts as yes)."""
    return language is None or language in KNOWN


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
