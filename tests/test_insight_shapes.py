"""`analyse` on articles of many shapes: it never fails and its output stays sensible."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from reader.insight import analyse
from reader.models import Article, Block, Insight, Section


def article(*paragraphs: str, title: str = "A story", sections: list[Section] | None = None
            ) -> Article:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    if sections is None:
        sections = [Section(blocks=blocks)]
    return Article(title=title, sections=sections)


def kinds(insight: Insight, kind: str) -> list[str]:
    return [f.text for f in insight.facts if f.kind == kind]


TITLE_FIRST_NEWS = article(
    "HARBOURTON — The harbour authority on Thursday approved a plan to dredge the old channel, "
    "clearing the way for larger ferries by the summer of 2027.",
    "The work will cost about $48 million and take 14 months, according to Mara Lindqvist, "
    "who chairs the Harbourton Port Authority.",
    "\"We have waited twenty years for this decision,\" Lindqvist said after the vote. Fishermen "
    "in Harbourton and nearby Eastwick worry that silt will drift onto their grounds.",
    "Greenline Ferries, which runs the island route, said it would add two sailings a day once "
    "the channel is open. Critics called the plan rushed.",
    title="Harbour authority approves dredging of old channel",
)

FRENCH = article(
    "PARIS — Le constructeur Renault a annoncé mardi 5 mars 2026 une levée de 2 milliards "
    "d'euros pour financer une usine de batteries à Douai.",
    "« Nous voulons produire en France des voitures électriques abordables pour tous », a "
    "déclaré le directeur général Luca de Meo lors d'une conférence de presse.",
    "Le ministre de l'Économie Bruno Le Maire a salué une décision « historique ».",
    title="Renault lève 2 milliards d'euros",
)

GERMAN = article(
    "Der Technologiekonzern Siemens will in München ein neues Werk für Zugtechnik bauen. Das "
    "Unternehmen investiert dafür 500 Millionen Euro, wie Vorstandschef Roland Busch am Montag "
    "in Berlin mitteilte.",
    "Die Bauarbeiten sollen im Frühjahr 2026 beginnen und etwa 18 Monate dauern. In dem Werk "
    "sollen rund 800 Mitarbeiter beschäftigt werden.",
    "„Wir setzen damit ein klares Zeichen für den Standort Deutschland“, sagte Busch. Die "
    "Gewerkschaft IG Metall begrüßte die Pläne.",
    title="Siemens baut neues Werk in München",
)

NO_FIGURES = article(
    "The village choir sang in the cathedral for the first time, and the audience stood to "
    "applaud before the final hymn had ended.",
    "Singers said the rehearsals had been long but worth it. Several of them had never "
    "performed outside the parish hall.",
    "The choir hopes to return next spring, when the cathedral holds its music festival.",
)


def test_title_first_news() -> None:
    insight = analyse(TITLE_FIRST_NEWS)
    assert insight.summary == []
    assert 3 <= len(insight.takeaways) <= 5
    assert insight.takeaways[0].text.startswith("HARBOURTON — The harbour authority")
    assert kinds(insight, "money") == ["about $48 million cost"]
    assert "14 months" in kinds(insight, "duration")
    assert "Mara Lindqvist" in kinds(insight, "person")
    assert "Harbourton Port Authority" in kinds(insight, "organisation")
    assert "Greenline Ferries" in kinds(insight, "organisation")
    assert {"Harbourton", "Eastwick"} <= set(kinds(insight, "place")), "a dateline is a place"
    assert "Critics" not in kinds(insight, "person") + kinds(insight, "organisation")
    quote = next(f for f in insight.facts if f.kind == "quote")
    assert quote.speaker == "Mara Lindqvist", "'Lindqvist said' resolves to the full name"
    assert insight.flags == []


def test_no_headings_no_figures() -> None:
    insight = analyse(NO_FIGURES)
    assert not [f for f in insight.facts if f.kind in ("money", "percent", "count")]
    assert 3 <= len(insight.takeaways) <= 5
    assert not [f for f in insight.facts if f.text in ("Singers", "The", "Several")]


def test_french_article() -> None:
    insight = analyse(FRENCH)
    assert kinds(insight, "money") == ["2 milliards d'euros"]
    assert "5 mars 2026" in kinds(insight, "date")
    assert "Renault" in kinds(insight, "organisation")
    assert {"Luca de Meo", "Bruno Le Maire"} <= set(kinds(insight, "person"))
    assert "France" in kinds(insight, "place")
    quote = next(f for f in insight.facts if f.kind == "quote")
    assert quote.text.startswith("Nous voulons") and quote.speaker == "Luca de Meo"


def test_german_article_nouns_are_not_names() -> None:
    insight = analyse(GERMAN)
    named = set(kinds(insight, "person") + kinds(insight, "organisation") + kinds(insight, "place"))
    assert {"Siemens", "Roland Busch", "München", "Berlin", "IG Metall"} <= named
    for noun in ("Werk", "Unternehmen", "Bauarbeiten", "Mitarbeiter", "Zeichen", "Pläne"):
        assert not any(noun in name for name in named), noun
    assert kinds(insight, "money") == ["500 Millionen Euro"]
    assert "18 Monate" in kinds(insight, "duration")
    quote = next(f for f in insight.facts if f.kind == "quote")
    assert quote.speaker == "Roland Busch"


@pytest.mark.parametrize(
    "subject",
    [
        Article(title="Nothing here"),
        Article(title="Empty", sections=[Section(title="Heading only")]),
        article(""),
        article("   \n  "),
        article("Short."),
        article("Rain today."),
        article("One sentence about Paris only, and nothing else."),
        Article(title="B", sections=[Section(blocks=[Block(kind="bullets", items=["", "x"])])]),
        Article(title="QA", sections=[Section(blocks=[Block(kind="qa", question="Why?")])]),
        article("\"Unclosed quote that never ends and goes on for a while with words"),
        article("$ % 12- -- … ?! “” «» „“ 2018-"),
    ],
)
def test_degenerate_articles_do_not_fail(subject: Article) -> None:
    insight = analyse(subject)
    assert isinstance(insight, Insight)
    assert len(insight.takeaways) <= 5
    assert insight.flags == []


def test_very_short_article_takes_what_there_is() -> None:
    insight = analyse(article("The bridge reopened on Monday after repairs to its deck."))
    assert [t.text for t in insight.takeaways] == [
        "The bridge reopened on Monday after repairs to its deck."
    ]


def test_summary_headings_are_recognised_with_emoji_and_case() -> None:
    for heading in ("🔥 TL;DR", "At a glance:", "what you need to know", "## Key Points"):
        subject = Article(title="x", sections=[
            Section(title=heading, blocks=[Block(kind="bullets", items=["First point here",
                                                                        "Second point here"])]),
            Section(title="Story", blocks=[Block(kind="paragraph", text="The story goes on.")]),
        ])
        insight = analyse(subject)
        assert insight.summary == ["First point here", "Second point here"], heading
        assert [t.text for t in insight.takeaways] == insight.summary
        assert all(t.authored for t in insight.takeaways)


def test_summary_must_lead_the_article() -> None:
    subject = Article(title="x", sections=[
        Section(title="Story", blocks=[Block(kind="paragraph", text="The story starts here.")]),
        Section(title="Summary", blocks=[Block(kind="paragraph", text="It ended well.")]),
    ])
    insight = analyse(subject)
    assert insight.summary == []
    assert [t.text for t in insight.takeaways] == ["It ended well."], "still the author's words"


def test_key_takeaways_preferred_over_summary() -> None:
    subject = Article(title="x", sections=[
        Section(title="Summary", blocks=[Block(kind="bullets", items=["Short summary"])]),
        Section(title="Story", blocks=[Block(kind="paragraph", text="Body text goes here.")]),
        Section(title="Takeaways", blocks=[Block(kind="bullets", items=["One", "Two", "Three"])]),
    ])
    insight = analyse(subject)
    assert insight.summary == ["Short summary"]
    assert [(t.text, t.section, t.authored) for t in insight.takeaways] == [
        ("One", 2, True), ("Two", 2, True), ("Three", 2, True)]


def test_bullets_at_the_top_are_authored_takeaways() -> None:
    body = " ".join(f"Paragraph sentence number {i} says something new." for i in range(12))
    subject = Article(title="x", sections=[Section(blocks=[
        Block(kind="bullets", items=["The council voted yes", "Work starts in May"]),
        Block(kind="paragraph", text=body),
    ])])
    insight = analyse(subject)
    assert insight.summary == []
    assert [t.text for t in insight.takeaways] == ["The council voted yes", "Work starts in May"]


def test_analyse_leaves_the_article_untouched() -> None:
    before = TITLE_FIRST_NEWS.model_dump()
    analyse(TITLE_FIRST_NEWS)
    assert TITLE_FIRST_NEWS.model_dump() == before


def test_deterministic_across_calls() -> None:
    assert analyse(GERMAN) == analyse(GERMAN)
    first, second = analyse(TITLE_FIRST_NEWS), analyse(TITLE_FIRST_NEWS)
    assert first.model_dump_json() == second.model_dump_json()


def test_fast_enough_to_run_on_open() -> None:
    long_article = article(*(TITLE_FIRST_NEWS.sections[0].blocks[i % 4].text for i in range(40)))
    analyse(long_article)
    best = min(_timed(long_article) for _ in range(3))
    # Generous: a few ms is typical; this only catches a pathological regression.
    assert best < 0.25, f"{best * 1000:.0f} ms"


def _timed(subject: Article) -> float:
    started = time.perf_counter()
    analyse(subject)
    return time.perf_counter() - started


def test_import_is_light_and_textual_free() -> None:
    code = ("import sys, reader.insight; "
            "assert 'textual' not in sys.modules; "
            "assert 'reader.insight.gazetteer' in sys.modules; "
            "from reader.insight import gazetteer; "
            "assert gazetteer.lookup.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_code_is_ignored_and_block_quotes_are_read() -> None:
    subject = Article(title="x", sections=[Section(blocks=[
        Block(kind="paragraph", text="The team at Northwind Labs rewrote the scheduler."),
        Block(kind="code", text="func Main() { Config := LoadConfig(\"Paris\") }", language="go"),
        Block(kind="quote", text="Ship small changes often, said Ada Lovelace in 1843."),
    ])])
    insight = analyse(subject)
    named = {f.text for f in insight.facts if f.kind in ("person", "organisation", "place")}
    assert "Northwind Labs" in named and "Ada Lovelace" in named
    assert not {"Main", "Config", "LoadConfig", "Paris"} & named
    assert "1843" in {f.text for f in insight.facts if f.kind == "date"}
