"""People, organisations and places: name candidates merged, classified by cues, ranked.

No model: each name's kind is a vote between cues from its own words (a gazetteer of places,
known organisations, organisation suffixes, given names) and from the words around each
mention (job titles, "in <Place>", "<Org>'s chief"). Names listed together ("Cathay Innovation,
Greycroft, Hiro Capital") lend their kind to the members that have no cue of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.models import Fact

from .gazetteer import Lexicon, lookup
from .lexicon import ORG_SUFFIXES, PLACE_HEADS
from .names import ORG, PERSON, PLACE, Mention, find_mentions
from .sentences import Sentence

_ORG_FIRST = frozenset(
    "university bank ministry department institute college school museum council board "
    "bureau office church federal national royal".split()
)
_PLACE_FIRST = frozenset("mount mt. lake port fort saint st. san santa los las isle".split())
_CONNECT = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_GERMAN = frozenset("der die das und ist nicht mit von den dem ein eine auf für sich wurde".split())
_STRONG = 2.0
_PER_KIND = 15
_UNIT_RANK = {"paragraph": 0, "answer": 1, "bullet": 2, "question": 3}


@dataclass(slots=True)
class Entity:
    """A named thing with every mention of it in the article."""

    name: str
    kind: str
    mentions: list[Mention]
    scores: dict[str, float] = field(default_factory=dict)
    importance: float = 0.0


def _key(text: str, lexicon: Lexicon) -> str:
    lowered = " ".join(text.lower().split())
    return lexicon.place_aliases.get(lowered, lowered).lower()


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[0].isupper()).upper()


def _intrinsic(name: str, lexicon: Lexicon) -> dict[str, float]:
    """Votes from the name itself, before any context."""
    words = name.lower().split()
    whole = " ".join(words)
    scores: dict[str, float] = {}

    def vote(kind: str, weight: float) -> None:
        scores[kind] = scores.get(kind, 0.0) + weight

    if whole in lexicon.orgs:
        vote(ORG, 4.0)
    if whole in lexicon.places or whole in lexicon.place_aliases:
        vote(PLACE, 3.5)
    if len(words) > 1:
        if words[-1] in ORG_SUFFIXES or words[0] in _ORG_FIRST:
            vote(ORG, 3.0)
        if words[-1] in PLACE_HEADS or words[0] in _PLACE_FIRST:
            vote(PLACE, 2.5)
        if words[0] in lexicon.first_names:
            vote(PERSON, 2.0)
        if not scores:
            vote(PERSON, 0.6)  # two or three capitalised words with no other sign: usually a name
    else:
        if whole in lexicon.first_names:
            vote(PERSON, 1.0)
        if name.isupper() and 2 <= len(name.replace(".", "")) <= 6 and PLACE not in scores:
            vote(ORG, 1.0)
    return scores


def _evident(name: str, lexicon: Lexicon) -> bool:
    """The name's own form shows it is a name, wherever in a sentence it stands."""
    scores = _intrinsic(name, lexicon)
    inner_capital = any(c.isupper() for c in name.split()[0][1:])
    return inner_capital or max(scores.values(), default=0.0) >= 1.0


def _classify(entity: Entity, lexicon: Lexicon) -> None:
    scores = _intrinsic(entity.name, lexicon)
    for mention in entity.mentions:
        for kind, weight in mention.scores.items():
            scores[kind] = scores.get(kind, 0.0) + weight
    entity.scores = scores
    entity.kind = max(scores, key=lambda k: scores[k]) if scores else ORG


def _group(mentions: list[Mention], lexicon: Lexicon) -> dict[str, Entity]:
    groups: dict[str, Entity] = {}
    for mention in mentions:
        key = _key(mention.text, lexicon)
        entity = groups.setdefault(key, Entity(mention.text, ORG, []))
        entity.mentions.append(mention)
        canonical = lexicon.place_aliases.get(" ".join(mention.text.lower().split()))
        if canonical:
            entity.name = canonical  # "U.S." and "US" are shown as "United States"
        elif len(mention.text) > len(entity.name) and entity.name.lower() not in (
            v.lower() for v in lexicon.place_aliases.values()
        ):
            entity.name = mention.text
    return groups


def _merge_acronyms(groups: dict[str, Entity], mentions: list[Mention], lexicon: Lexicon) -> None:
    """Fold "AMI" into "Advanced Machine Intelligence" when the text defines or spells it."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.sentence is not b.sentence or not b.text.isupper():
            continue
        between = a.sentence.text[a.end : b.start]
        if between.strip() == "(" and _initials(a.text).startswith(b.text[:1]):
            _fold(groups, _key(b.text, lexicon), _key(a.text, lexicon), f"{a.text} ({b.text})")
    spelled = {_initials(e.name): k for k, e in groups.items() if len(e.name.split()) > 1}
    for key, entity in list(groups.items()):
        if entity.name.isupper() and " " not in entity.name and entity.name in spelled:
            full = groups.get(spelled[entity.name])
            if full is not None and full is not entity:
                _fold(groups, key, spelled[entity.name], f"{full.name} ({entity.name})")


def _fold(groups: dict[str, Entity], source: str, target: str, name: str) -> None:
    if source == target or source not in groups or target not in groups:
        return
    groups[target].mentions.extend(groups.pop(source).mentions)
    if "(" not in groups[target].name:
        groups[target].name = name


def _merge_short_names(groups: dict[str, Entity], lexicon: Lexicon) -> None:
    """Fold "LeCun" into "Yann LeCun" and "Cathay" into "Cathay Innovation" when unambiguous."""
    for entity in groups.values():
        _classify(entity, lexicon)
    for key, entity in list(groups.items()):
        if " " in key or key in lexicon.places or key in lexicon.orgs:
            continue
        people = [k for k, e in groups.items() if e.kind == PERSON and " " in k
                  and (k.split()[-1] == key or k.split()[0] == key)]
        orgs = [k for k, e in groups.items() if e.kind == ORG and " " in k and k.split()[0] == key]
        targets = people if people else orgs
        if len(targets) == 1:
            _fold(groups, key, targets[0], groups[targets[0]].name)


def _inherit_from_lists(entities: list[Entity], lexicon: Lexicon) -> None:
    """Names listed together share a kind: weakly known members take the strong ones' kind."""
    owner = {id(m): e for e in entities for m in e.mentions}
    by_sentence: dict[int, list[Mention]] = {}
    for entity in entities:
        for mention in entity.mentions:
            by_sentence.setdefault(mention.sentence.order, []).append(mention)
    votes: dict[int, dict[str, float]] = {}
    for found in by_sentence.values():
        found.sort(key=lambda m: m.start)
        chains: list[list[Mention]] = [[found[0]]]
        for a, b in zip(found, found[1:], strict=False):
            if _CONNECT.match(a.sentence.text[a.end : b.start]):
                chains[-1].append(b)
            else:
                chains.append([b])
        for chain in chains:
            members = [owner[id(m)] for m in chain]
            for member in members:
                strong = [e.kind for e in members if e is not member
                          and max(e.scores.values(), default=0.0) >= _STRONG]
                if strong:
                    kind = max(set(strong), key=strong.count)
                    bucket = votes.setdefault(id(member), {})
                    bucket[kind] = bucket.get(kind, 0.0) + 1.5
    for entity in entities:
        if id(entity) in votes and max(entity.scores.values(), default=0.0) < _STRONG:
            for kind, weight in votes[id(entity)].items():
                entity.scores[kind] = entity.scores.get(kind, 0.0) + weight
            entity.kind = max(entity.scores, key=lambda k: entity.scores[k])


def _looks_german(sentences: list[Sentence]) -> bool:
    words = [w.lower() for s in sentences[:40] for w in s.text.split()]
    return bool(words) and sum(w in _GERMAN for w in words) / len(words) > 0.06


def find_entities(sentences: list[Sentence], title: str, headings: set[str]) -> list[Entity]:
    """The article's people, organisations and places, most central first within each kind."""
    lexicon = lookup()
    mentions = [m for s in sentences for m in find_mentions(s, lexicon)]
    if not mentions:
        return []
    groups = _group(mentions, lexicon)
    _merge_acronyms(groups, mentions, lexicon)
    _merge_short_names(groups, lexicon)
    # Every noun is capitalised in German, so a capital alone is no evidence there.
    strict = _looks_german(sentences)
    entities: list[Entity] = []
    for key, entity in groups.items():
        if key in headings:
            continue
        _classify(entity, lexicon)
        evident = _evident(entity.name, lexicon)
        cue = max((w for m in entity.mentions for w in m.scores.values()), default=0.0)
        single = " " not in entity.name
        if single and all(m.initial for m in entity.mentions) and not evident and cue < _STRONG:
            continue  # only ever seen opening a sentence: "Supporters", "Critics"
        if strict and not evident and cue < _STRONG:
            continue
        entities.append(entity)
    _inherit_from_lists(entities, lexicon)
    kept: list[Entity] = []
    for entity in entities:
        single = " " not in entity.name
        sentences_seen = {m.sentence.order for m in entity.mentions}
        if single and len(sentences_seen) == 1 and max(entity.scores.values(), default=0.0) < 1.0:
            continue  # one bare capitalised word, said once, with nothing to say what it is
        kept.append(entity)
    total = max(1, len(sentences))
    title_words = set(re.findall(r"\w+", title.lower()))
    for entity in kept:
        orders = {m.sentence.order for m in entity.mentions}
        in_title = bool(title_words) and set(re.findall(r"\w+", entity.name.lower())) <= title_words
        entity.importance = len(orders) + 1.5 * in_title + 0.8 * (1 - min(orders) / total)
    kept.sort(key=lambda e: (-e.importance, min(m.sentence.order for m in e.mentions)))
    return kept


def entity_facts(entities: list[Entity]) -> list[Fact]:
    """One fact per entity, at its first mention in running text where there is one."""
    facts: list[Fact] = []
    counts: dict[str, int] = {}
    for kind in (PERSON, ORG, PLACE):
        for entity in entities:
            if entity.kind != kind or counts.get(kind, 0) >= _PER_KIND:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            first = min(entity.mentions, key=lambda m: (_UNIT_RANK[m.sentence.kind],
                                                        m.sentence.order))
            facts.append(Fact(kind=kind, text=entity.name, sentence=first.sentence.text,
                              section=first.sentence.section))
    return facts
