"""Money, percentages, counts, durations and dates, each with the sentence it came from."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.models import Fact, FactKind

from .lexicon import NUMBER_WORDS, SCALES, STOPWORDS
from .sentences import UNIT_RANK, Sentence

# 1,500.5 / 1 500 (with a no-break space, as French writes it) / 3,5 before a scale / 12.5
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:,\d+)?"
    r"|\d+,\d{1,2}(?=\s?(?:Mrd|Mio|Milliard|Million))|\d+(?:\.\d+)?"
)
_WORD_NUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_QUAL = (
    r"(?:more than|over|nearly|almost|about|around|roughly|approximately|up to|at least|"
    r"just over|just under|less than|fewer than|some|an estimated)"
)
_DIGIT = re.compile(r"\d")
_QUAL_BEFORE = re.compile(rf"\b({_QUAL})\s+$", re.IGNORECASE)
_CURRENCY_MARKS = frozenset("$€£¥₹")
_CURRENCY_NAMES = frozenset(
    """usd eur gbp chf jpy dollar dollars euro euros pounds yen yuan rupees francs franken
    pesos rubles roubles""".split()
)
_PERCENT_NAMES = frozenset("percent per prozent pct percentage pour".split())
_UNIT_NAMES = frozenset(
    """second seconds minute minutes hour hours day days week weeks fortnight fortnights month
    months year years decade decades century centuries jahr jahre jahren monate monaten wochen
    tag tage tagen stunden ans années mois semaines jours heures""".split()
)
_CURRENCY = r"(?:US\$|USD ?|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|EUR ?|GBP ?|CHF ?|JPY ?)"
_MONEY_BEFORE = re.compile(
    rf"(?P<cur>{_CURRENCY})\s?(?P<num>{_NUM})"
    r"(?:\s?(?P<scale>(?i:thousand|million|billion|trillion)|bn|mn|tn)\b|(?P<abbr>[kKmMbB])\b)?"
    r"(?P<plus>\+)?",
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})\s?"
    r"(?P<scale>thousand|million|billion|trillion|Millionen|Milliarden|millions|milliards|"
    r"Mio\.?|Mrd\.?)?\s?(?:de |d')?"
    r"(?P<cur>(?:US )?dollars|euros?|Euro|€|pounds sterling|pounds|yen|yuan|rupees|francs|"
    r"Franken|pesos|rubles|roubles|Dollar)(?!\w)"
)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})\s?"
    r"(?P<unit>%|per ?cent\b|percent\b|pct\b|percentage points?\b|Prozent\b|pour cent\b)",
    re.IGNORECASE,
)
_UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?|"
    r"Jahren?|Monaten?|Wochen|Tagen?|Stunden|ans|années|mois|semaines|jours|heures"
)
_DURATION = re.compile(
    rf"(?<![\w.,$€£])"
    rf"(?P<num>(?:{_NUM}|{_WORD_NUM}|one|a few|several)"
    rf"(?:\s?(?:-|–|—|to|and)\s?(?:{_NUM}|{_WORD_NUM}))?)"
    rf"(?P<sep>[\s-])(?P<unit>{_UNIT})\b(?P<tail>-old|\s+old\b)?",
    re.IGNORECASE,
)
_COUNT_TAIL = (
    r"(?:\s(?P<scale>thousand|million|billion))?(?:\s(?:of\s)?(?P<w1>[\w'-]+))(?:\s(?P<w2>[\w'-]+))?"
)
_COUNT_DIGITS = re.compile(rf"(?<![\w.,$€£¥#/-])(?P<num>{_NUM}){_COUNT_TAIL}")
_COUNT_WORDS = re.compile(rf"\b(?P<num>(?i:{_WORD_NUM})){_COUNT_TAIL}")
_MONTHS_EN = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_MONTHS_OTHER = (
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember"
)
_YEAR = r"(?:1[89]|20)\d\d"
_ISO_DATE = re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b")
_MONTH_DATES = [
    re.compile(rf"\b(?:{_MONTHS_EN})\s[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s{_YEAR}\b)?"),
    re.compile(
        rf"\b[0-3]?\d(?:st|nd|rd|th|er|\.)?\s(?:of\s)?(?:{_MONTHS_EN}|{_MONTHS_OTHER})"
        rf"(?:,?\s{_YEAR}\b)?"
    ),
    re.compile(rf"\b(?:{_MONTHS_EN}|{_MONTHS_OTHER})\s{_YEAR}\b"),
]
_YEAR_ALONE = re.compile(rf"(?<![\w$€£.,/-]){_YEAR}s?(?![\w%]|[.,]\d)")
_MONTH_NAMES = frozenset(
    re.sub(r"[\\.?]", "", f"{_MONTHS_EN}|{_MONTHS_OTHER}").lower().split("|")
) | {"sep"}
_EVENT_AFTER = re.compile(
    r"\s((?:[A-Z][\w'-]*\s){0,3}(?:Award|Prize|Cup|Games|Olympics|Championships?|Elections?|"
    r"Summit|Conference|Festival|Open|Tournament|Expo|Oscars|World Cup|Super Bowl))\b"
)
_EVENT_BEFORE = re.compile(
    r"\b((?:[A-Z][\w'-]*\s){0,3}(?:Award|Prize|Cup|Games|Olympics|Championships?|Elections?|"
    r"Summit|Conference|Festival|Open|Tournament|Expo|Oscars))\s(?:in|of)\s$"
)

_MONEY_NOUNS = frozenset(
    """valuation round funding deal fine loan budget contract fund investment revenue revenues
    profit profits loss losses settlement salary bid offer package bonus grant debt stake
    acquisition takeover price fee fees payment donation bail prize reward sale purchase
    transfer damages bill tax tariff subsidy bailout merger raise rise increase cut bet
    pledge compensation payout windfall jackpot award ransom""".split()
)
_MONEY_CUES = [
    (re.compile(r"\b(?:valued at|valuation of)\s$", re.I), "valuation"),
    (re.compile(r"\b(?:raised?|raises|raising)\s$", re.I), "raised"),
    (re.compile(r"\b(?:fined|fine of|penalty of)\s$", re.I), "fine"),
    (re.compile(r"\b(?:sold for|sale for)\s$", re.I), "sale"),
    (re.compile(r"\b(?:bought for|acquired for|acquisition for)\s$", re.I), "acquisition"),
    (re.compile(r"\b(?:invested|invests|investing|invest|investment of)\s$", re.I), "investment"),
    (re.compile(r"\b(?:costs?|costing|cost of)\s$", re.I), "cost"),
    (re.compile(r"\b(?:revenues? of|sales of)\s$", re.I), "revenue"),
    (re.compile(r"\b(?:salary of|paid|pays|pay)\s$", re.I), "paid"),
    (re.compile(r"\b(?:donated|donation of)\s$", re.I), "donation"),
    (re.compile(r"\b(?:settlement of|settled for)\s$", re.I), "settlement"),
    (re.compile(r"\b(?:bail of|bail set at)\s$", re.I), "bail"),
]
# "20% of voters", "5% of the company's shares": what the share is of.
_PERCENT_OF = re.compile(r"\s+of\s+((?:the\s+|its\s+|their\s+)?[\w-]+(?:['’]s\s[\w-]+)?)")
_PERCENT_NOUNS = frozenset(
    """stake rise increase jump drop fall decline cut growth share discount chance majority
    tariff tax rate return gain loss raise reduction boost margin lead turnout interest
    premium surge slump hike fee minority""".split()
)
_IRREGULAR_PLURALS = frozenset(
    """people children men women staff police personnel troops cattle sheep fish deer crew
    aircraft feet teeth mice geese""".split()
)
_NOT_PLURAL = frozenset(
    """was has is this its his hers yes thus plus less unless us as bus gas news series always
    perhaps whereas across towards afterwards besides sometimes yours ours theirs nevertheless
    status virus bonus campus census focus genius chorus crisis analysis basis thesis axis lens
    physics politics economics means percent minus various previous serious famous dangerous
    numerous enormous obvious anonymous cents per goes does says makes takes gets
    times""".split()
)
_TIME_UNITS = re.compile(rf"^(?:{_UNIT})$", re.IGNORECASE)
_CURRENCY_WORDS = frozenset(
    "dollars dollar euros euro pounds yen yuan rupees francs pesos percent cents thousands "
    "millions billions trillions hundreds dozens".split()
)
_KIND_ORDER: tuple[FactKind, ...] = ("money", "percent", "count", "duration", "date")


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: FactKind
    text: str
    key: str
    sentence: Sentence
    labelled: bool


def _number(text: str) -> float:
    text = text.lower().strip()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")  # a European decimal comma, only ever before a scale word
    try:
        return float(text.replace(",", "").replace("\u00a0", "").replace("\u202f", ""))
    except ValueError:
        return 0.0


def _currency(symbol: str) -> str:
    s = symbol.strip().lower()
    if s in {"$", "us$", "usd", "dollars", "us dollars", "dollar"}:
        return "USD"
    if s in {"€", "eur", "euro", "euros"}:
        return "EUR"
    if s in {"£", "gbp", "pounds", "pounds sterling"}:
        return "GBP"
    return s.upper()


def _next_word(text: str, at: int) -> str:
    match = re.match(r"\s+(?:in\s+)?([a-z][a-z-]*)", text[at:])
    return match.group(1) if match else ""


def _has_number(sentence: Sentence) -> bool:
    return bool(_DIGIT.search(sentence.text)) or not sentence.words.isdisjoint(NUMBER_WORDS)


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """A hedge just before a figure ("more than", "nearly") and where it begins."""
    match = _QUAL_BEFORE.search(text[max(0, start - 24) : start])
    if not match:
        return "", start
    return match.group(1), start - (len(text[max(0, start - 24) : start]) - match.start())


def _money(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterable[_Hit]:
    text = sentence.text
    if not (_CURRENCY_MARKS.intersection(text) or _CURRENCY_NAMES & sentence.words):
        return
    patterns = [_MONEY_BEFORE] if _CURRENCY_MARKS.intersection(text) or {
        "usd", "eur", "gbp", "chf", "jpy"} & sentence.words else []
    if not sentence.words.isdisjoint(_CURRENCY_NAMES):
        patterns.append(_MONEY_AFTER)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _overlaps(m.span(), taken):
                continue
            scale_word = (m.group("scale") or (m.groupdict().get("abbr") or "")).lower()
            cur = m.group("cur")
            if cur.lower().startswith("pound") and not scale_word and "sterling" not in cur:
                continue  # "lost 50 pounds" is a weight
            value = _number(m.group("num")) * SCALES.get(scale_word.rstrip("."), 1.0)
            taken.append(m.span())
            qual, begins = _qualifier(text, m.start())
            amount = text[m.start() : m.end()]
            label = _next_word(text, m.end())
            if label not in _MONEY_NOUNS:
                before = text[max(0, begins - 40) : begins]
                label = next((name for cue, name in _MONEY_CUES if cue.search(before)), "")
            shown = f"{qual} {amount}" if qual else amount
            shown = f"{shown} {label}" if label else shown
            key = f"{_currency(cur)}:{value:.6g}"
            yield _Hit("money", shown, key, sentence, bool(label))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _percent(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterable[_Hit]:
    text = sentence.text
    if "%" not in text and not _PERCENT_NAMES & sentence.words:
        return
    for m in _PERCENT.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        taken.append(m.span())
        unit = m.group("unit").lower()
        points = "point" in unit
        amount = text[m.start("num") : m.end()]
        noun = _next_word(text, m.end())
        label = ""
        if noun in _PERCENT_NOUNS:
            label = noun
        elif noun == "of":
            tail = _PERCENT_OF.match(text, m.end())
            if tail:
                words = tail.group(1).split()
                while words and words[-1].lower() in STOPWORDS:
                    words.pop()
                label = "of " + " ".join(words) if words else ""
        shown = " ".join(p for p in (_qualifier(text, m.start())[0], amount, label) if p)
        key = f"{_number(m.group('num')):.6g}{'pt' if points else '%'}"
        yield _Hit("percent", shown, key, sentence, bool(label))


def _duration(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterable[_Hit]:
    text = sentence.text
    if not _UNIT_NAMES & sentence.words or not _has_number(sentence) and not (
        {"few", "several"} & sentence.words
    ):
        return
    for m in _DURATION.finditer(text):
        if m.group("tail") or _overlaps(m.span(), taken):
            continue  # "68-year-old" is an age, not a span of time
        taken.append(m.span())
        shown = text[m.start("num") : m.end("unit")]
        if m.group("sep") == "-":
            noun = _next_word(text, m.end())
            if noun and noun not in STOPWORDS:
                shown = f"{shown} {noun}"
        qual = _qualifier(text, m.start())[0]
        if qual:
            shown = f"{qual} {shown}"
        key = re.sub(r"\s*(?:-|–|—|to)\s*", "-", text[m.start("num") : m.end("unit")].lower())
        key = re.sub(r"s$", "", key.replace(" ", "-"))
        yield _Hit("duration", shown, key, sentence, shown != text[m.start("num"):m.end("unit")])


def _is_plural_noun(word: str) -> bool:
    if not word or not word[0].islower():
        return False
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        word.endswith("s") and not word.endswith(("ss", "'s", "us", "is"))
        and len(word) > 3 and word not in _NOT_PLURAL and word not in STOPWORDS
        and word not in _CURRENCY_WORDS and not _TIME_UNITS.match(word)
    )


def _count(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterable[_Hit]:
    text = sentence.text
    if not _has_number(sentence):
        return
    matches = list(_COUNT_DIGITS.finditer(text)) if _DIGIT.search(text) else []
    if not sentence.words.isdisjoint(NUMBER_WORDS):
        matches.extend(_COUNT_WORDS.finditer(text))
    for m in matches:
        if _overlaps((m.start("num"), m.end("num")), taken):
            continue
        num = m.group("num")
        if num.lower() in {"dozens", "hundreds", "thousands"} and " of " not in m.group():
            continue
        if re.fullmatch(_YEAR, num):
            continue  # a year is a date, never a count
        if num.isalpha() and re.search(r"\b(?:these|those|the|both|all|its|their)\s+$",
                                       text[: m.start("num")], re.IGNORECASE):
            continue  # "these two paradigms" refers back; it reports no number
        w1, w2 = m.group("w1") or "", m.group("w2") or ""
        if _is_plural_noun(w1):
            end = m.end("w1")
        elif (w1 and w1.lower() not in STOPWORDS and not w1[0].isdigit() and _is_plural_noun(w2)
              and w1.lower() not in NUMBER_WORDS and not _TIME_UNITS.match(w1)):
            end = m.end("w2")
        else:
            continue
        taken.append((m.start(), end))
        qual = _qualifier(text, m.start())[0]
        shown = f"{qual} {text[m.start() : end]}" if qual else text[m.start() : end]
        scale = (m.group("scale") or "").lower()
        noun = text[m.end("scale") if scale else m.end("num") : end].strip().lower()
        noun = re.sub(r"^of\s+", "", noun)
        key = f"{_number(num) * SCALES.get(scale, 1.0):.6g}:{noun}"
        yield _Hit("count", shown, key, sentence, True)


def _date(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterable[_Hit]:
    text = sentence.text
    if not _DIGIT.search(text):
        return  # every date pattern has a digit
    patterns = [_ISO_DATE] if "-" in text else []
    if not sentence.words.isdisjoint(_MONTH_NAMES):
        patterns.extend(_MONTH_DATES)
    patterns.append(_YEAR_ALONE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _overlaps(m.span(), taken):
                continue
            taken.append(m.span())
            shown = m.group()
            if re.fullmatch(rf"{_YEAR}", shown):
                after = _EVENT_AFTER.match(text, m.end())
                before = _EVENT_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
                if after:
                    shown = f"{shown} {after.group(1)}"
                elif before:
                    shown = f"{shown} {before.group(1)}"
            yield _Hit("date", shown, shown.lower(), sentence, shown != m.group())




def find_figures(sentences: list[Sentence]) -> list[Fact]:
    """Every figure in the sentences, one fact per distinct value, most mentioned first."""
    hits: list[_Hit] = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        # Order matters: money claims its digits before percent, dates, durations, counts.
        for finder in (_money, _percent, _date, _duration, _count):
            hits.extend(finder(sentence, taken))
    groups: dict[tuple[str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.kind, hit.key), []).append(hit)
    facts: list[tuple[int, int, int, Fact]] = []
    for (kind, _key), group in groups.items():
        best = min(group, key=lambda h: (not h.labelled, UNIT_RANK[h.sentence.kind],
                                         h.sentence.order))
        first = min(h.sentence.order for h in group)
        mentions = len({h.sentence.order for h in group})
        fact = Fact(kind=kind, text=best.text, sentence=best.sentence.text,
                    section=best.sentence.section)
        facts.append((_KIND_ORDER.index(kind), -mentions, first, fact))
    facts.sort(key=lambda item: item[:3])
    return [item[3] for item in facts]
