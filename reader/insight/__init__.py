"""What the reader shows beside an article: its facts, takeaways, summary and flags.

Pure functions of an `Article`: no I/O, no Textual, deterministic, a few milliseconds per
article. `analyse` is the one entry point; the modules beside it each do one job.
"""

from __future__ import annotations

from functools import cache

from reader.models import Article, Insight, Takeaway

from .entities import entity_facts, find_entities
from .figures import find_figures
from .furniture import has_placeholder, is_furniture
from .language import detect_language, rules_know, rules_language
from .promo import find_promotions
from .quotes import find_quotes
from .sections import heading_key, section_items, summary_section, takeaway_section, top_bullets
from .sentences import Sentence, article_sentences, article_units
from .takeaways import rank_sentences, takeaway_count
from .wordlists import materialise

__all__ = ["analyse", "detect_language", "ranked_takeaways"]

_ENOUGH_PROSE = 5
"""Below this many paragraph sentences, answers and bullets are ranked too."""


@cache
def _load_word_lists() -> None:
    """Read the word lists on the first analysis, and let the rules look words up in sets."""
    from . import cues, entities, figures, intrinsic, lexicon, names, promo, quotes, takeaways

    materialise(lexicon, cues, entities, figures, intrinsic, names, promo, quotes, takeaways)


def ranked_takeaways(sentences: list[Sentence], count: int | None = None) -> list[Takeaway]:
    """Takeaways chosen from the article's own sentences (what shows when the author gave none)."""
    _load_word_lists()
    chosen = rank_sentences(sentences, count or takeaway_count(sentences))
    return [Takeaway(text=s.text, section=s.section, authored=False) for s in chosen]


def _authored_takeaways(article: Article) -> list[Takeaway]:
    index = takeaway_section(article)
    if index is not None:
        items = section_items(article.sections[index])
        return [Takeaway(text=item, section=index, authored=True) for item in items]
    return [Takeaway(text=item, section=0, authored=True) for item in top_bullets(article)]


def analyse(article: Article) -> Insight:
    """Derive the insight panel's content from an article."""
    _load_word_lists()
    units = article_units(article)
    sentences = article_sentences(units)
    flags = find_promotions(sentences, article.title)
    flagged = {(f.section, f.sentence) for f in flags}
    # Datelines, comment counts and image placeholders are the page's, not the story's.
    clean = [s for s in sentences if (s.section, s.text) not in flagged
             and not is_furniture(s.text) and not has_placeholder(s.text)]

    summary_at = summary_section(article)
    summary = section_items(article.sections[summary_at]) if summary_at is not None else []
    takeaways = _authored_takeaways(article)
    if not takeaways:
        # Bullets and answers are the author's asides; rank running text where there is enough.
        prose = [s for s in clean if s.kind == "paragraph"]
        takeaways = ranked_takeaways(prose if len(prose) >= _ENOUGH_PROSE else clean)

    headings = {heading_key(s.title) for s in article.sections if s.title}
    # Names are told apart by rules that read English, German and French; in another language
    # they would guess, so such an article gets its figures, quotes and sentences only.
    language = article.language or rules_language([s.words for s in clean])
    entities = find_entities(clean, article.title, headings, language) if rules_know(
        language) else []
    facts = [*find_figures(clean), *entity_facts(entities), *find_quotes(units, clean, entities)]
    return Insight(summary=summary, facts=facts, takeaways=takeaways, flags=flags)
