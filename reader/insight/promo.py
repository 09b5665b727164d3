"""Sales lines that aggregators splice into articles ("an affordable Microsoft Office licence").

A sentence is flagged when it carries commercial-offer wording *and* the thing on offer has
no other footing in the article. The second half is what keeps news about prices, sales or
software from being flagged: there the product is the story and is named elsewhere too.
"""

from __future__ import annotations

import re

from reader.models import Flag

from .lexicon import STOPWORDS
from .sentences import Sentence

_OFFER_ADJ = (
    r"affordable|cheap|cheapest|cheaper|discount|discounted|genuine|legit|legitimate|lifetime|"
    r"authentic|low-cost|bargain|original|activated|lowest-priced|budget-friendly|reduced-price"
)
_OFFER_NOUN = (
    r"licen[cs]es?|(?:product |activation |serial |license |licence )?keys?|subscriptions?|"
    r"activation"
)
# Adjective, up to three product-name words (capitalised or numbers), then the thing sold.
_PRODUCT_OFFER = re.compile(
    rf"\b(?i:{_OFFER_ADJ})\s+(?:(?:[A-Z][\w+.-]*|\d[\w.]*)\s+){{0,3}}(?i:{_OFFER_NOUN})\b"
    r"(?!\s+(?!and\b|or\b|for\b|to\b|from\b|with\b|in\b)[a-z])",
)
_SOFTWARE_OFFER = re.compile(
    r"\b(?:Windows(?:\s\d+|\sXP|\sVista)?|(?:Microsoft\s)?Office(?:\s\d+|\s365)?|antivirus|VPN)"
    rf"\s+(?:Pro\s+|Home\s+|Professional\s+)?(?:{_OFFER_NOUN})\b"
)
_STRONG_PHRASES = re.compile(
    r"\b(?:promo(?:tional)? codes?|coupon(?: codes?)?|discount codes?|voucher codes?|use code|"
    r"buy now|order now|shop now|limited[- ]time offer|free shipping|best price|lowest price|"
    r"click here to (?:buy|order|shop)|get yours|deal of the day|save up to|act now|"
    r"add to cart)\b|\d+\s?% off\b(?:\s+(?:all\s+|every\s+)?[\w-]+)?",
    re.IGNORECASE,
)
_WEAK_WORDS = re.compile(
    r"\b(?:buy|purchase|cheap|affordable|discount|deal|offer|sale|shop|store|subscribe|"
    r"free trial|save)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_OFFER_WORDS = frozenset(
    """affordable cheap cheapest cheaper discount discounted genuine legit legitimate lifetime
    authentic low cost bargain original activated lowest priced budget friendly reduced price
    license licence licenses licences key keys product activation serial subscription
    subscriptions code codes off promo promotional coupon voucher use buy order shop now
    limited time offer free shipping best click here get yours deal day save up act add
    cart""".split()
)
# Words without which none of the offer patterns can match: a cheap first pass.
_TRIGGERS = frozenset(
    """affordable cheap cheapest cheaper discount discounted genuine legit legitimate lifetime
    authentic low bargain original activated lowest budget reduced windows office antivirus
    vpn promo promotional coupon voucher code buy order shop limited free best click get deal
    save act add""".split()
)
_THRESHOLD = 2.0
_LINKED = 0.5
"""Share of the offer's own words found elsewhere in the article above which it is on topic."""


def _offer(text: str, words: frozenset[str]) -> tuple[float, int, list[str]]:
    """How commercial the sentence reads, how many offer patterns it has, and the words that
    name what is on offer."""
    if "%" not in text and _TRIGGERS.isdisjoint(words):
        return 0.0, 0, []
    score = 0.0
    spans: list[str] = []
    for pattern, weight in ((_PRODUCT_OFFER, 2.0), (_SOFTWARE_OFFER, 1.5), (_STRONG_PHRASES, 2.0)):
        for match in pattern.finditer(text):
            score += weight
            spans.append(match.group())
    if score:
        score += min(1.0, 0.5 * len(_WEAK_WORDS.findall(text)))
    named = [w for span in spans for w in _WORD.findall(span.lower())
             if w not in STOPWORDS and w not in _OFFER_WORDS and not w.isdigit()]
    return score, len(spans), named


def find_promotions(sentences: list[Sentence], title: str = "") -> list[Flag]:
    """Sentences that sell something the rest of the article never mentions."""
    candidates: list[tuple[Sentence, int, list[str]]] = []
    for sentence in sentences:
        score, patterns, named = _offer(sentence.text, sentence.words)
        if score >= _THRESHOLD:
            candidates.append((sentence, patterns, named))
    if not candidates:
        return []
    flagged_orders = {s.order for s, _, _ in candidates}
    elsewhere: set[str] = set(_WORD.findall(title.lower()))
    for sentence in sentences:
        if sentence.order not in flagged_orders:
            elsewhere.update(sentence.words)
    flags: list[Flag] = []
    for sentence, patterns, named in candidates:
        if not named:
            # Nothing named but the offer itself ("50% off"): only a line that is plainly an
            # advert, with two offer patterns ("use code X for 20% off"), is flagged.
            if patterns >= 2:
                flags.append(Flag(sentence=sentence.text, section=sentence.section))
            continue
        linked = sum(w in elsewhere for w in named) / len(named)
        if linked < _LINKED:
            flags.append(Flag(sentence=sentence.text, section=sentence.section))
    return flags
