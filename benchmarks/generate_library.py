"""Build a realistic store of N generated articles, for the speed benchmarks.

Articles go through the real `Store.add_many`, a thousand to a transaction. Each has 3-12
sections (sometimes an untitled lead, sometimes a Key Takeaways list or an FAQ of Q/A pairs),
paragraphs of one to six sentences, bullet lists, one of a couple of dozen feed-like sources,
and a publication date in 2024-2025. About 30% are read, 5% bookmarked and 10% have a saved
position: the store's `set_read`, `set_bookmarked` and `set_position` for small libraries, the
same UPDATEs in one transaction for large ones (see `_set_state`). The bundled articles are
added too, as on a real user's first start, so opening the app on the library does no seeding.
The same seed builds the same library. 100k articles take about 3 minutes, most of it in
`Store.add_many` (about 1.3 ms an article: JSON, the full-text index, the row).

    python benchmarks/generate_library.py --n 100000 --data-dir /tmp/lib100k [--seed 0]
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from reader.models import Article, Block, Section
from reader.sources.library import ensure_seeds
from reader.store import Store
from reader.store.store import STORE_FILE

T = TypeVar("T")

BATCH = 1000
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_SECONDS = 2 * 365 * 24 * 3600
ADDED_AT = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
READ_SHARE = 0.30
BOOKMARK_SHARE = 0.05
POSITION_SHARE = 0.10

SOURCES = [
    "BBC News - World", "BBC News - Technology", "The Guardian: Business", "Reuters Top News",
    "Ars Technica", "The Verge", "Hacker News: Front Page", "NYT > Science", "Al Jazeera English",
    "Financial Times - Markets", "Wired", "NPR Topics: News", "Le Monde (English)", "Nature News",
    "AP Top Headlines", "TechCrunch", "The Economist: Europe", "Bloomberg Technology",
    "Deutsche Welle", "CNN.com - Top Stories", "Quanta Magazine", "MIT Technology Review",
    "The Atlantic", "Politico Europe", "LWN.net",
]
FIRST_NAMES = [
    "Maria", "James", "Aiko", "Olusegun", "Priya", "Lars", "Fatima", "Chen", "Elena", "David",
    "Amara", "Tomás", "Ingrid", "Rahul", "Sofia", "Kwame", "Hannah", "Mateo", "Yuki", "Omar",
]
LAST_NAMES = [
    "Okafor", "Lindqvist", "Tanaka", "Fernández", "Sharma", "Müller", "Haddad", "Wang",
    "Petrova", "Johnson", "Mensah", "Rossi", "Novak", "Kowalski", "Dubois", "Nakamura",
]
ORGS = [
    "the European Commission", "Siemens", "the World Health Organization", "Toyota",
    "the Federal Reserve", "Microsoft", "the United Nations", "Shell", "Samsung",
    "the Bank of England", "OpenAI", "Airbus", "the IMF", "Nvidia", "Unilever", "NASA",
    "the African Union", "Tata Group", "Pfizer", "the OECD",
]
PLACES = [
    "Berlin", "Lagos", "Tokyo", "São Paulo", "Nairobi", "Mumbai", "Toronto", "Jakarta",
    "Madrid", "Seoul", "Cairo", "Melbourne", "Warsaw", "Mexico City", "Stockholm", "Geneva",
]
TOPICS = [
    "battery storage", "chip exports", "interest rates", "vaccine supply", "wind power",
    "housing costs", "water rights", "rail freight", "data privacy", "fishing quotas",
    "coal plants", "satellite launches", "drug prices", "wheat harvests", "container shipping",
    "wildfire response", "public broadband", "school meals", "carbon capture", "AI regulation",
]
VERBS = [
    "announced", "delayed", "approved", "rejected", "expanded", "cut", "doubled", "paused",
    "unveiled", "questioned", "tightened", "eased", "funded", "reviewed", "blocked",
]
NOUNS = [
    "plan", "budget", "deal", "inquiry", "programme", "forecast", "merger", "rule", "target",
    "pilot scheme", "tariff", "contract", "report", "strike", "subsidy",
]
ADJECTIVES = [
    "sharp", "modest", "unexpected", "long-awaited", "controversial", "record", "temporary",
    "regional", "sweeping", "cautious", "fragile", "steady",
]
FILLER = [
    "Officials said the details would be published later this month.",
    "Analysts were divided on what the move would mean for consumers.",
    "The decision follows months of negotiations behind closed doors.",
    "Critics argue that the timetable leaves too little room for consultation.",
    "Supporters say the change is overdue and will pay for itself within a decade.",
    "It is not yet clear how the measure will be enforced.",
    "Several smaller firms have already warned that they cannot meet the deadline.",
    "The figures were broadly in line with what economists had expected.",
    "Local groups have promised to challenge the plan in court.",
    "A spokesperson declined to comment further.",
]
SECTION_TITLES = [
    "Background", "What Happened", "Why It Matters", "The Numbers", "Reaction",
    "What Comes Next", "Analysis", "Market Impact", "Context", "On the Ground",
    "The Political Fallout", "Industry Response", "A Closer Look", "Costs and Benefits",
    "Timeline", "Voices From the Region", "The Science", "Risks",
]
TAKEAWAYS_TITLE = "Key Takeaways"
FAQ_TITLE = "Frequently Asked Questions"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _sentence(rng: random.Random) -> str:
    org, place, topic = rng.choice(ORGS), rng.choice(PLACES), rng.choice(TOPICS)
    verb, noun, adjective = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(ADJECTIVES)
    amount = rng.choice([1.2, 3.5, 12, 40, 150, 480, 2.7, 75])
    unit = rng.choice(["million", "billion"])
    percent = rng.randint(2, 64)
    year = rng.randint(2024, 2031)
    shape = rng.randrange(9)
    if shape == 0:
        return f"{_cap(org)} {verb} a {adjective} {noun} on {topic} in {place}."
    if shape == 1:
        return (f"The {noun} is worth ${amount} {unit}, according to figures released by "
                f"{org} on Tuesday.")
    if shape == 2:
        return (f"\"We have been clear about {topic} from the start,\" said {_person(rng)}, "
                f"who leads the {noun} team at {org}.")
    if shape == 3:
        return (f"Spending on {topic} rose {percent}% last year, the fastest increase since "
                f"records began in {place}.")
    if shape == 4:
        return f"The {noun} is expected to take effect in {year}, two years later than planned."
    if shape == 5:
        return (f"In {place}, {_person(rng)} said the {adjective} {noun} had already changed "
                f"how people think about {topic}.")
    if shape == 6:
        return (f"More than {rng.randint(3, 900):,} people attended a meeting in {place} to "
                f"discuss the {noun}.")
    if shape == 7:
        return (f"{_cap(org)} {verb} its earlier {noun}, citing {adjective} demand "
                f"and the cost of {topic}.")
    return rng.choice(FILLER)


def _pick(rng: random.Random, items: list[T]) -> T:
    # `rng.choice` is several times slower, and this runs a few million times at 100k.
    return items[int(rng.random() * len(items))]


# Weighted draws by picking from a list: much cheaper than `random.choices(weights=...)`.
_PARAGRAPH_SENTENCES = [1] * 10 + [2] * 30 + [3] * 30 + [4] * 18 + [5] * 7 + [6] * 5
"""Sentences in a paragraph: mostly two to four, the odd one-liner and the odd long one."""
_SECTION_PARAGRAPHS = [1] * 4 + [2] * 4 + [3] * 3 + [4]


class _Pool:
    """Pre-made sentences, paragraphs, bullet lists and titles that articles are drawn from.

    Drawing whole paragraphs (from 30,000, so no two articles come out the same) rather than
    composing each one keeps generating to about 0.3 ms an article, a fifth of storing it.
    """

    def __init__(self, rng: random.Random) -> None:
        sentences = [_sentence(rng) for _ in range(6000)]
        self.paragraphs = [
            " ".join(rng.choices(sentences, k=rng.choice(_PARAGRAPH_SENTENCES)))
            for _ in range(30000)
        ]
        self.bullets = [
            [s.rstrip(".") for s in rng.choices(sentences, k=rng.randint(3, 6))]
            for _ in range(3000)
        ]
        self.questions = [
            f"What does the {rng.choice(NOUNS)} mean for {rng.choice(TOPICS)} in "
            f"{rng.choice(PLACES)}?"
            for _ in range(400)
        ]
        self.titles = [
            f"{_cap(rng.choice(ORGS).removeprefix('the '))} {rng.choice(VERBS)} "
            f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} on {rng.choice(TOPICS)}"
            for _ in range(3000)
        ]
        self._wrapped: dict[str, list[str]] = {}

    def paragraph(self, rng: random.Random) -> str:
        return _pick(rng, self.paragraphs)

    def bullet_list(self, rng: random.Random) -> list[str]:
        return _pick(rng, self.bullets)

    def wrapped(self, text: str) -> list[str]:
        lines = self._wrapped.get(text)
        if lines is None:
            lines = self._wrapped[text] = _wrap(text)
        return lines


# An article as plain data: the title, source, publication time, location, original text, and
# sections of (heading, blocks), each block a ("paragraph", text), ("bullets", items) or
# ("qa", question, answer) tuple.
BlockSpec = tuple[str, ...] | tuple[str, list[str]]
ArticleSpec = tuple[str, str, float, str, str, list[tuple[str, list[BlockSpec]]]]


def _article_spec(rng: random.Random, pool: _Pool) -> ArticleSpec:
    published = START.timestamp() + int(rng.random() * SPAN_SECONDS)
    title = _pick(rng, pool.titles)
    if rng.random() < 0.5:
        title += f" in {_pick(rng, PLACES)}"
    count = 3 + int(rng.random() * 10)
    titles = rng.sample(SECTION_TITLES, k=count)
    sections: list[tuple[str, list[BlockSpec]]] = []
    for index in range(count):
        if index == 0 and rng.random() < 0.5:
            heading = ""  # the lead, before any heading
        elif index == count - 1 and rng.random() < 0.3:
            heading = FAQ_TITLE
        elif index == count - 2 and rng.random() < 0.15:
            heading = TAKEAWAYS_TITLE
        else:
            heading = titles[index]
        blocks: list[BlockSpec] = []
        if heading == FAQ_TITLE:
            for _ in range(2 + int(rng.random() * 4)):
                blocks.append(("qa", _pick(rng, pool.questions), pool.paragraph(rng)))
        elif heading == TAKEAWAYS_TITLE:
            blocks.append(("bullets", pool.bullet_list(rng)))
        else:
            for _ in range(_pick(rng, _SECTION_PARAGRAPHS)):
                blocks.append(("paragraph", pool.paragraph(rng)))
            if rng.random() < 0.25:
                blocks.insert(int(rng.random() * (len(blocks) + 1)),
                              ("bullets", pool.bullet_list(rng)))
        sections.append((heading, blocks))
    source = _pick(rng, SOURCES)
    original = _spec_text(title, sections, pool.wrapped if rng.random() < 0.3 else None)
    location = "https://example.org/" + "-".join(title.lower().split()[:6])
    return title, source, published, location, original, sections


def _spec_text(
    title: str,
    sections: list[tuple[str, list[BlockSpec]]],
    wrap: Callable[[str], list[str]] | None = None,
) -> str:
    out = [title, ""]
    for heading, blocks in sections:
        if heading:
            out += [heading, ""]
        for block in blocks:
            if block[0] == "paragraph":
                out += [*(wrap(block[1]) if wrap else [block[1]]), ""]
            elif block[0] == "bullets":
                out += [f"- {item}" for item in block[1]] + [""]
            else:
                out += [block[1], block[2], ""]
    return "\n".join(out)


def _build(spec: ArticleSpec) -> Article:
    title, source, published, location, original, sections = spec
    return Article(
        title=title,
        source=source,
        location=location,
        published=datetime.fromtimestamp(published, UTC),
        original=original,
        sections=[
            Section(title=heading, blocks=[_block(block) for block in blocks])
            for heading, blocks in sections
        ],
    )


def _block(spec: BlockSpec) -> Block:
    kind = spec[0]
    if kind == "paragraph":
        return Block(kind="paragraph", text=spec[1])
    if kind == "bullets":
        return Block(kind="bullets", items=list(spec[1]))
    return Block(kind="qa", question=spec[1], answer=spec[2])


def article_text(article: Article) -> str:
    """An article as title-first plain text: what `reader add` reads back as the same article."""
    sections = [
        (section.title, [
            ("paragraph", block.text) if block.kind == "paragraph"
            else ("bullets", block.items) if block.kind == "bullets"
            else ("qa", block.question, block.answer)
            for block in section.blocks
        ])
        for section in article.sections
    ]
    return _spec_text(article.title, sections)


def _wrap(text: str, width: int = 72) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


_POOLS: dict[int, _Pool] = {}


def _pool(seed: int) -> _Pool:
    # Built once per process: every chunk, in whichever process, draws from the same pool.
    if seed not in _POOLS:
        _POOLS[seed] = _Pool(random.Random(seed))
    return _POOLS[seed]


def _chunk(seed: int, number: int, count: int) -> list[ArticleSpec]:
    """Chunk `number` of a library, from its own random stream: the first thousand articles
    of a 100k library are the 1k library."""
    pool = _pool(seed)
    rng = random.Random(f"{seed}:{number}")
    return [_article_spec(rng, pool) for _ in range(count)]


def _chunks(n: int) -> list[tuple[int, int]]:
    return [(number, min(BATCH, n - start)) for number, start in enumerate(range(0, n, BATCH))]


def generate_articles(n: int, seed: int = 0) -> Iterator[list[Article]]:
    """N articles in batches of `BATCH`, the same for the same seed."""
    for number, count in _chunks(n):
        yield [_build(spec) for spec in _chunk(seed, number, count)]


class _Clock:
    """A fixed clock that ticks a millisecond a read, so `added` and `read_at` are repeatable."""

    def __init__(self) -> None:
        self.now = ADDED_AT

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def build_library(data_dir: Path, n: int, seed: int = 0) -> None:
    """Build a store of N generated articles (plus the bundled ones) in `data_dir`."""
    if (data_dir / STORE_FILE).exists():
        raise FileExistsError(f"{data_dir / STORE_FILE} exists; build into an empty folder")
    rng = random.Random(seed + 1)
    # Cyclic GC passes over the millions of short-lived model objects were most of the build
    # time; nothing here makes reference cycles, so reference counting frees everything.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _build_library(data_dir, n, seed, rng)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build_library(data_dir: Path, n: int, seed: int, rng: random.Random) -> None:
    with Store.in_dir(data_dir, clock=_Clock()) as store:
        ids: list[tuple[int, int]] = []  # (id, section count)
        for batch in generate_articles(n, seed):
            ids += _add(store, batch)
        reads: list[int] = []
        positions: list[tuple[int, int, float]] = []
        bookmarks: list[int] = []
        for article_id, sections in ids:
            if rng.random() < READ_SHARE:
                reads.append(article_id)
                if rng.random() < POSITION_SHARE / READ_SHARE:
                    positions.append(
                        (article_id, rng.randrange(sections), float(rng.randrange(0, 120)))
                    )
            if rng.random() < BOOKMARK_SHARE:
                bookmarks.append(article_id)
        _set_state(store, reads, bookmarks, positions)
        ensure_seeds(store)


def _set_state(store: Store, reads: list[int], bookmarks: list[int],
               positions: list[tuple[int, int, float]]) -> None:
    """What `set_read`, `set_bookmarked` and `set_position` do, for many articles at once.

    The store has no bulk form of them, and one at a time is one synced transaction each:
    about 45,000 of them, 35 s, at 100k. So this runs the same UPDATEs (as in store.py) in
    one transaction on the store's connection. Small libraries use the public methods.
    """
    if len(reads) + len(bookmarks) + len(positions) < 2000:
        for article_id in reads:
            store.set_read(article_id)
        for article_id, section, scroll in positions:
            store.set_position(article_id, section, scroll)
        for article_id in bookmarks:
            store.set_bookmarked(article_id)
        return
    read_at = ADDED_AT.isoformat()
    conn = store._conn  # private, for the reason above
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("UPDATE articles SET read = 1, read_at = ? WHERE id = ?",
                         [(read_at, article_id) for article_id in reads])
        conn.executemany(
            "UPDATE articles SET position_section = ?, position_scroll = ? WHERE id = ?",
            [(section, scroll, article_id) for article_id, section, scroll in positions],
        )
        conn.executemany("UPDATE articles SET bookmarked = 1 WHERE id = ?",
                         [(article_id,) for article_id in bookmarks])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _add(store: Store, batch: list[Article]) -> list[tuple[int, int]]:
    results = store.add_many(batch)
    return [(article_id, len(article.sections))
            for (article_id, _), article in zip(results, batch, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="how many articles")
    parser.add_argument("--data-dir", type=Path, required=True, help="an empty folder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        build_library(args.data_dir, args.n, args.seed)
    except FileExistsError as error:
        print(f"generate_library: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    size = (args.data_dir / STORE_FILE).stat().st_size / 1e6
    print(f"built {args.n:,} articles in {elapsed:.1f} s "
          f"({args.n / elapsed:,.0f}/s), {size:,.0f} MB at {args.data_dir / STORE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
