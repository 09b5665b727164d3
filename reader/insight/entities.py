"""People, organisations and places: name candidates merged, classified by cues, ranked.

No model: each name's kind is a vote between cues from its own words (a gazetteer of places,
known organisations, organisation suffixes, given names) and from the words around each
mention (job titles, "in <Place>", "<Org>'s chief"). Names listed together ("Cathay Innovation,
Greycroft, Hiro Capital") lend their kind to the members that have no cue of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import reader.insight.weights as W
from reader.models import Fact

from .cues import ORG, PERSON, PLACE, Mention
from .gazetteer import Lexicon, lookup
from .intrinsic import ORG_FIRST, PLACE_FIRST, Intrinsic, memo
from .lexicon import ORG_SUFFIXES, PLACE_HEADS
from .names import find_mentions
from .sentences import UNIT_RANK, Sentence

_HEADS = ORG_SUFFIXES | PLACE_HEADS | ORG_FIRST | PLACE_FIRST
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_CONNECT = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_GERMAN = frozenset("der die das und ist nicht mit von den dem ein eine auf für sich wurde".split())
_PER_KIND = 15
_COMPANY_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation co co. company ltd ltd. llc plc gmbh ag sa group".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# "Malians", "Mauritanian", "Indonesians": peoples and their adjectives, not names.
_DEMONYM_ENDINGS = ("ian", "ians", "ean", "eans", "ese")


@dataclass(slots=True)
class Entity:
    """A named thing with every mention of it in the article."""

    name: str
    kind: str
    mentions: list[Mention]
    scores: dict[str, float] = field(default_factory=dict)
    importance: float = 0.0
    sure: bool = True
    """The evidence settles the kind; unsure names help find speakers but are not listed."""


def _key(text: str, lexicon: Lexicon) -> str:
    lowered = " ".join(text.lower().split())
    return lexicon.place_aliases.get(lowered, lowered).lower()


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[0].isupper()).upper()


def _evident(name: str, intrinsic: Intrinsic) -> bool:
    """The name's own form shows it is a name, wherever in a sentence it stands."""
    scores = intrinsic(name)
    inner_capital = any(c.isupper() for c in name.split()[0][1:])
    return inner_capital or max(scores.values(), default=0.0) >= 1.0


def _classify(entity: Entity, intrinsic: Intrinsic) -> None:
    scores = dict(intrinsic(entity.name))
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
        elif _better_name(mention.text, entity.name) and entity.name.lower() not in (
            v.lower() for v in lexicon.place_aliases.values()
        ):
            entity.name = mention.text
    return groups


def _better_name(candidate: str, current: str) -> bool:
    """Longer wins; at equal length, "Harbourton" beats a dateline's "HARBOURTON"."""
    if len(candidate) != len(current):
        return len(candidate) > len(current)
    return current.isupper() and not candidate.isupper()


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


def _merge_short_names(groups: dict[str, Entity], lexicon: Lexicon, intrinsic: Intrinsic) -> None:
    """Fold "LeCun" into "Yann LeCun" and "Cathay" into "Cathay Innovation" when unambiguous."""
    people_by_word: dict[str, list[str]] = {}
    orgs_by_word: dict[str, list[str]] = {}
    for key, entity in groups.items():
        _classify(entity, intrinsic)
        if " " not in key:
            continue
        first = key.split()[0]
        if entity.kind == PERSON:
            for word in dict.fromkeys((first, _surname(key))):
                people_by_word.setdefault(word, []).append(key)
        elif entity.kind == ORG:
            orgs_by_word.setdefault(first, []).append(key)
    for key, entity in list(groups.items()):
        if " " in key or key in lexicon.orgs:
            continue
        place_cue = any(m.scores.get(PLACE, 0.0) > 0 for m in entity.mentions)
        if key in lexicon.places and place_cue:
            continue  # "in Hamilton" is the town, whoever else is called Hamilton
        people = list(people_by_word.get(key, ()))
        if len(people) > 1:
            # Several fit: trust only the ones that something besides the default calls people.
            people = [k for k in people if groups[k].scores.get(PERSON, 0.0) >= W.STRONG]
        if len(people) > 1:
            people = [k for k in people if _surname(k) == key]  # a surname beats a first name
        if len(people) > 1:
            # "Herzog" after Isaac, Chaim and Yitzhak Herzog: the one the story is about.
            people = [max(people, key=lambda k: len(groups[k].mentions))]
        orgs = list(orgs_by_word.get(key, ()))
        if entity.scores.get(PLACE, 0.0) > 0:
            orgs = []  # "in Harbourton" is the town, not the "Harbourton Port Authority"
        targets = people if people else orgs
        if len(targets) == 1:
            _fold(groups, key, targets[0], groups[targets[0]].name)


def _join_company_names(mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """ "Larsen and Toubro (LART.NS)", "Oil and Natural Gas Corp": one company, not two names.

    A lone unknown word joined by "and" to a name that is surely a company (a ticker after
    it, or a company suffix last) belongs to it; "Google and Microsoft Corp" stay two."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if last is not None and last.sentence is mention.sentence and " " not in last.text and (
                last.sentence.text[last.end : mention.start] == " and ") and (
                last.text.lower() not in lexicon.orgs and last.text.lower() not in lexicon.places
                ) and (mention.scores.get(ORG, 0.0) >= W.TICKER_AFTER
                       or mention.text.split()[-1].lower() in _COMPANY_SUFFIXES):
            joined[-1] = Mention(f"{last.text} and {mention.text}", mention.sentence,
                                 last.start, mention.end, last.initial, dict(mention.scores))
            continue
        joined.append(mention)
    return joined


def _surname(key: str) -> str:
    """The last word of a person's name, past "Jr." and "III"."""
    words = key.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1]


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
        joined: list[bool] = [False]
        for a, b in zip(found, found[1:], strict=False):
            gap = a.sentence.text[a.end : b.start]
            if _CONNECT.match(gap):
                chains[-1].append(b)
                joined[-1] = joined[-1] or not gap.strip() == ","
            else:
                chains.append([b])
                joined.append(False)
        # Only "and", "or" or "&" makes a list: "on ESPN's show, Holtz said" is two clauses.
        for chain in (c for c, listed in zip(chains, joined, strict=True) if listed):
            members = [owner[id(m)] for m in chain]
            for member in members:
                strong = [e.kind for e in members if e is not member
                          and max(e.scores.values(), default=0.0) >= W.STRONG]
                if strong:
                    kind = max(set(strong), key=strong.count)
                    bucket = votes.setdefault(id(member), {})
                    bucket[kind] = bucket.get(kind, 0.0) + W.LIST_MEMBER
    for entity in entities:
        if id(entity) in votes and max(entity.scores.values(), default=0.0) < W.STRONG:
            for kind, weight in votes[id(entity)].items():
                entity.scores[kind] = entity.scores.get(kind, 0.0) + weight
            entity.kind = max(entity.scores, key=lambda k: entity.scores[k])


def _looks_german(sentences: list[Sentence]) -> bool:
    words = [w.lower() for s in sentences[:40] for w in s.text.split()]
    return bool(words) and sum(w in _GERMAN for w in words) / len(words) > 0.06


def find_entities(sentences: list[Sentence], title: str, headings: set[str],
                  language: str | None = None) -> list[Entity]:
    """The article's people, organisations and places, most central first within each kind."""
    lexicon = lookup()
    mentions = _join_company_names([m for s in sentences for m in find_mentions(s)], lexicon)
    if not mentions:
        return []
    common = frozenset(_LOWER_WORD.findall(" ".join(s.text for s in sentences)))
    for mention in mentions:
        first, _, rest = mention.text.partition(" ")
        whole = " ".join(mention.text.lower().split())
        if mention.initial and rest and first.lower() in common and first.lower() not in _HEADS \
                and whole not in lexicon.orgs and whole not in lexicon.places:
            # "Substitutes Blaise Matuidi": the opening word is one the text also writes small.
            mention.text, mention.start = rest, mention.start + len(first) + 1
    groups = _group(mentions, lexicon)
    _merge_acronyms(groups, mentions, lexicon)
    intrinsic = memo(lexicon, common)
    _merge_short_names(groups, lexicon, intrinsic)
    german = language == "de" if language else _looks_german(sentences)
    entities = _credible(groups, headings, common, intrinsic, strict=german)
    _inherit_from_lists(entities, lexicon)
    kept: list[Entity] = []
    for entity in entities:
        seen = {m.sentence.order for m in entity.mentions}
        evidence = max(entity.scores.values(), default=0.0)
        if len(seen) == 1 and evidence < (1.0 if " " not in entity.name else 0.5):
            continue  # a bare capitalised name, said once, with nothing to say what it is
        entity.sure = _sure(entity, intrinsic)
        kept.append(entity)
    _rank(kept, title, max(1, len(sentences)))
    return kept


def _opens_with_comma(entity: Entity) -> bool:
    """ "Twice, the champion appealed": a word set off before the subject, not a name."""
    return all(m.sentence.text[m.end : m.end + 1] == "," for m in entity.mentions)


def _sure(entity: Entity, intrinsic: Intrinsic) -> bool:
    """Whether the winning kind has enough evidence, a clear lead over the next, and one sign
    that is more than a hint: two "X said" are not a person, organisations say things too."""
    ranked = sorted(entity.scores.values(), reverse=True)
    top = ranked[0] if ranked else 0.0
    runner_up = ranked[1] if len(ranked) > 1 else 0.0
    if top < W.MIN_EVIDENCE or top - runner_up < W.MIN_MARGIN:
        return False
    kind = entity.kind
    own = intrinsic(entity.name).get(kind, 0.0)
    cues = [m.scores.get(kind, 0.0) for m in entity.mentions]
    listed = entity.scores.get(kind, 0.0) > own + sum(cues) + 1e-9  # took its list's kind
    return listed or max([own, *cues]) >= W.MIN_SIGN


def _credible(groups: dict[str, Entity], headings: set[str], common: frozenset[str],
              intrinsic: Intrinsic, strict: bool) -> list[Entity]:
    """Classified entities, without those whose capital letter is the only sign of a name.

    `strict` is for German, where every noun is capitalised and a capital proves nothing.
    """
    lexicon = lookup()
    entities: list[Entity] = []
    for key, entity in groups.items():
        if key in headings:
            continue
        _classify(entity, intrinsic)
        evident = _evident(entity.name, intrinsic)
        cue = max((w for m in entity.mentions for w in m.scores.values()), default=0.0)
        single = " " not in entity.name
        if single and all(m.initial for m in entity.mentions) and not evident and (
                cue < W.STRONG or cue == W.STRONG and _opens_with_comma(entity)):
            continue  # only ever seen opening a sentence: "Supporters", "Critics", "Twice,"
        if single and key.endswith(_DEMONYM_ENDINGS) and not (
                key in lexicon.first_names or key in lexicon.places or key in lexicon.orgs):
            continue
        if strict and not evident and cue < W.STRONG:
            continue
        if single and key in common and cue < W.STRONG and not (
            key in lexicon.orgs or key in lexicon.places or key in lexicon.first_names
        ):
            continue  # "TRANSCRIPT" where the text also says "transcript": a word, shouted
        entities.append(entity)
    return entities


def _rank(entities: list[Entity], title: str, total: int) -> None:
    """Most central first: mentioned in more sentences, named in the title, introduced early."""
    title_words = set(re.findall(r"\w+", title.lower()))
    for entity in entities:
        orders = {m.sentence.order for m in entity.mentions}
        words = set(re.findall(r"\w+", _PARENTHESIS.sub("", entity.name).lower()))
        in_title = bool(title_words) and words <= title_words
        early = 1 - min(orders) / total
        entity.importance = len(orders) + W.RANK_IN_TITLE * in_title + W.RANK_EARLY * early
    entities.sort(key=lambda e: (-e.importance, min(m.sentence.order for m in e.mentions)))


def entity_facts(entities: list[Entity]) -> list[Fact]:
    """One fact per entity, at its first mention in running text where there is one."""
    facts: list[Fact] = []
    counts: dict[str, int] = {}
    for kind in (PERSON, ORG, PLACE):
        for entity in entities:
            if not entity.sure or entity.kind != kind or counts.get(kind, 0) >= _PER_KIND:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            first = min(entity.mentions, key=lambda m: (UNIT_RANK[m.sentence.kind],
                                                        m.sentence.order))
            facts.append(Fact(kind=kind, text=entity.name, sentence=first.sentence.text,
                              section=first.sentence.section))
    return facts
