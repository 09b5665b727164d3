"""Direct quotations and who said them."""

from __future__ import annotations

import re
from functools import cache

from reader.models import Fact

from .cues import ORG, PERSON, Mention
from .entities import Entity
from .lexicon import SPEECH_VERBS
from .sentences import Sentence, Unit, quote_spans

_MIN_WORDS = 5
"""Shorter quotes are mostly scare quotes ("world models", "complete nonsense")."""
_MAX_QUOTES = 8


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The attribution patterns, built from the speech verbs on first use."""
    alternatives = "|".join(sorted(set(SPEECH_VERBS) - {"according"}, key=lambda w: (-len(w), w)))
    # Attribution right after the closing mark: '," he told WIRED' / '," said Dr. Katznelson'.
    after = re.compile(
        rf"[\s,.;:!?—–»“-]*(?:(?P<who>[^,;:\"“”«»]{{1,60}}?)\s+(?P<verb>{alternatives})\b"
        rf"|(?P<verb2>{alternatives})\s+(?P<who2>[^,;:\"“”«»]{{1,60}}))",
        re.IGNORECASE,
    )
    # Attribution before the opening mark: 'Nasir said: "' / 'AMI describes its mission as "'.
    return after, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)

_LOOK_BACK = 160
_VERB_TO_QUOTE = 60
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,;.\"“”]{1,60})", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


class _Speakers:
    """Who is mentioned where, to name a quote's speaker or resolve "he"/"she"."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_sentence: dict[int, list[tuple[Mention, Entity]]] = {}
        for entity in entities:
            if entity.kind not in (PERSON, ORG):
                continue
            for mention in entity.mentions:
                self.by_sentence.setdefault(mention.sentence.order, []).append((mention, entity))
        for found in self.by_sentence.values():
            found.sort(key=lambda pair: pair[0].start)

    def named_in(self, sentence: Sentence, start: int, end: int, near: int) -> Entity | None:
        """The person or organisation named between start and end, nearest to `near`."""
        inside = [(m, e) for m, e in self.by_sentence.get(sentence.order, [])
                  if start <= m.start and m.end <= end]
        if not inside:
            return None
        people = [pair for pair in inside if pair[1].kind == PERSON] or inside
        return min(people, key=lambda pair: abs(pair[0].start - near))[1]

    def salient_person(self, sentence: Sentence, before: int) -> Entity | None:
        """Whom "he" or "she" most likely means: a recent, often-named subject."""
        best: tuple[float, Entity] | None = None
        for order in range(sentence.order, max(-1, sentence.order - 4), -1):
            distance = sentence.order - order
            people = [(m, e) for m, e in self.by_sentence.get(order, []) if e.kind == PERSON
                      and (order != sentence.order or m.start < before)]
            for rank, (mention, entity) in enumerate(people):
                subject = 1.5 if rank == 0 and mention.start < 40 else 0.0
                score = len(entity.mentions) + subject - 0.75 * distance
                if best is None or score > best[0]:
                    best = (score, entity)
        return best[1] if best else None


def _speaker(sentence: Sentence, q_start: int, q_end: int, speakers: _Speakers) -> str | None:
    text = sentence.text
    after = _patterns()[0].match(text, q_end)
    segments: list[tuple[int, int, int]] = []  # where to look for a name, and the verb position
    if after:
        if after.group("who"):
            segments.append((after.start("who"), after.end("who"), after.start("verb")))
            # '», a déclaré M. de Meo': the name may follow the verb after all.
            end = min(len(text), after.end("verb") + 60)
            segments.append((after.end("verb"), end, after.end("verb")))
        else:
            segments.append((after.start("who2"), after.end("who2"), after.start("who2")))
    window = max(0, q_start - _LOOK_BACK)
    verbs = list(_patterns()[1].finditer(text, window, q_start))
    if verbs:
        verb = verbs[-1]
        gap = text[verb.end() : q_start]
        if len(gap) <= _VERB_TO_QUOTE and not any(c in gap for c in ".;\"“”"):
            segments.append((window, verb.start(), verb.start()))
    for match in _ACCORDING.finditer(text):
        if not q_start <= match.start() < q_end:
            segments.append((match.start("who"), match.end("who"), match.start("who")))
    for start, end, verb in segments:
        named = speakers.named_in(sentence, start, end, verb)
        if named is not None:
            return named.name
        pronoun = _PRONOUN.search(text, start, end)
        if pronoun and verb - pronoun.end() <= 2:
            person = speakers.salient_person(sentence, q_start)
            return person.name if person else None
    return None


def find_quotes(units: list[Unit], sentences: list[Sentence], entities: list[Entity]) -> list[Fact]:
    """Quotations of some length, each with its sentence and, where the text says, speaker."""
    speakers = _Speakers(entities)
    by_unit: dict[tuple[int, int, int], list[Sentence]] = {}
    for sentence in sentences:
        by_unit.setdefault(sentence.unit, []).append(sentence)
    found: list[tuple[bool, int, Fact]] = []
    seen: set[str] = set()
    last_speaker: tuple[int, str | None] = (-2, None)
    """The sentence that closed the previous quote, and who said it."""
    for unit in units:
        within = by_unit.get(unit.key)
        if not within:
            continue  # a unit all of whose sentences were flagged
        for q_start, q_end in quote_spans(unit.text):
            quote = unit.text[q_start + 1 : q_end - 1].strip().rstrip(",").strip()
            if len(re.findall(r"\w+", quote)) < _MIN_WORDS or quote.lower() in seen:
                continue
            touched = [s for s in within
                       if s.start < q_end and q_start < s.start + len(s.text)]
            if not touched:
                continue
            seen.add(quote.lower())
            first, last = touched[0], touched[-1]
            shown = unit.text[first.start : last.start + len(last.text)]
            speaker = _speaker(last, max(0, q_start - last.start), q_end - last.start, speakers)
            if speaker is None and first is not last:
                speaker = _speaker(first, q_start - first.start, len(first.text), speakers)
            if speaker is None and q_start == first.start and last_speaker[0] == first.order - 1:
                # A quote that opens the very next sentence, unattributed, goes on with the
                # same speaker: the usual convention for a quotation run over paragraphs.
                speaker = last_speaker[1]
            last_speaker = (last.order, speaker)
            fact = Fact(kind="quote", text=quote, sentence=shown, section=first.section,
                        speaker=speaker)
            found.append((speaker is not None, first.order, fact))
    found.sort(key=lambda item: (not item[0], item[1]))
    return [fact for _, _, fact in found[:_MAX_QUOTES]]
