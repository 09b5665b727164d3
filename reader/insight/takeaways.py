"""Extractive takeaways: the article's own sentences, ranked by position and centrality.

News is written in inverted-pyramid order, so position is the strongest single signal (the
"lead-3" baseline is hard to beat). The ranker starts from a position prior and lets
TF-ISF centrality (how much a sentence shares the article's recurring words) and a few
shape penalties (fragments, questions, pure quotations) move sentences up or down.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import STOPWORDS
from .sentences import Sentence

_DANGLING = frozenset(
    "but and or so he she it they his her its their this these that those also".split()
)
_MIN_WORDS = 6
_MAX_WORDS = 70
_REDUNDANT = 0.5
"""Word-overlap (Jaccard) above which a candidate repeats one already chosen."""


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranker's knobs; the defaults were chosen on the benchmark, see benchmarks/."""

    position: float = 1.0
    decay: float = 0.1
    centrality: float = 0.4
    quote_penalty: float = 0.15
    short_penalty: float = 0.3
    long_penalty: float = 0.1
    long_words: int = 30
    dangling_penalty: float = 0.1


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    # A crude suffix strip is enough to let "raised"/"raises" and "model"/"models" meet.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _shape_penalty(sentence: Sentence, words: int, weights: Weights) -> float:
    text = sentence.text.strip()
    penalty = 0.0
    if words < 10:
        penalty += weights.short_penalty * (10 - words) / 4
    if words > weights.long_words:
        penalty += weights.long_penalty * (words - weights.long_words) / 10
    if text.endswith("?") or sentence.kind == "question":
        penalty += 0.5
    if text[:1] in "\"“":
        penalty += weights.quote_penalty  # a quotation rarely states the news itself
    first = text.split(" ", 1)[0].lower().strip(",")
    if first in _DANGLING:
        penalty += weights.dangling_penalty  # leans on the sentence before it
    if text[:1].islower():
        penalty += 0.5  # a fragment: the line before it was cut off mid-sentence
    return penalty


def rank_sentences(sentences: list[Sentence], count: int, weights: Weights = Weights()
                   ) -> list[Sentence]:
    """The `count` best sentences for a summary, in article order, without near-repeats."""
    candidates = [s for s in sentences if s.kind != "question"]
    if not candidates:
        return []
    # Binary bags of stemmed content words: within one sentence, repeats add little.
    bags = [frozenset(_stem(w) for w in s.words if len(w) > 1 and w not in STOPWORDS)
            for s in candidates]
    frequency: Counter[str] = Counter()
    for bag in bags:
        frequency.update(bag)
    n = len(candidates)
    isf = {t: math.log((n + 1) / df) for t, df in frequency.items()}
    # The centroid weighs each word by its ISF once per sentence that holds it.
    centroid_norm = math.sqrt(sum((frequency[t] * w) ** 2 for t, w in isf.items())) or 1.0
    scored: list[tuple[float, int]] = []
    for index, (sentence, bag) in enumerate(zip(candidates, bags, strict=True)):
        words = len(sentence.text.split())
        if words < 3 or words > _MAX_WORDS * 2:
            continue
        norm = math.sqrt(sum(isf[t] ** 2 for t in bag)) or 1.0
        # Leave the sentence's own weight out of the centroid so long sentences don't self-vote.
        overlap = sum(isf[t] ** 2 * (frequency[t] - 1) for t in bag)
        centrality = overlap / (norm * centroid_norm)
        position = math.exp(-weights.decay * index)
        score = (weights.position * position + weights.centrality * centrality
                 - _shape_penalty(sentence, words, weights))
        if words < _MIN_WORDS:
            score -= 1.0
        scored.append((score, index))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[int] = []
    chosen_sets: list[frozenset[str]] = []
    for _score, index in scored:
        bag = bags[index]
        if any(_jaccard(bag, other) > _REDUNDANT for other in chosen_sets):
            continue
        chosen.append(index)
        chosen_sets.append(bag)
        if len(chosen) == count:
            break
    return [candidates[i] for i in sorted(chosen)]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def takeaway_count(sentences: list[Sentence]) -> int:
    """Three for a short piece, up to five for a long one."""
    words = sum(len(s.text.split()) for s in sentences)
    return 3 if words < 600 else 4 if words < 1200 else 5
