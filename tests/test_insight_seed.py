"""The insight panel on the seed article, the one every reader sees first.

The seed is built into an `Article` by hand here, the way the plain-text parser is specified to
build it, so these tests do not depend on the parser.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from reader.insight import analyse
from reader.models import Article, Block, Fact, Insight, Section

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_850b80ab13632fa8.txt"
HEADINGS = {
    "What Happened", "Background and Context", "Why This Matters", "Industry Impact",
    "Expert Perspective", "What This Means for Businesses", "Key Takeaways", "Looking Ahead",
    "Frequently Asked Questions",
}


def seed_article() -> Article:
    """The seed as ingest should parse it: 10 sections, mojibake repaired."""
    raw = SEED.read_text(encoding="utf-8")
    text = raw.replace("โก ", "⚡ ").replace(" โ ", " — ")
    sections: list[Section] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if line.startswith("⚡") or line in HEADINGS:
            sections.append(Section(title=line))
            continue
        section = sections[-1]
        if line.startswith("- "):
            if section.blocks and section.blocks[-1].kind == "bullets":
                section.blocks[-1].items.append(line[2:])
            else:
                section.blocks.append(Block(kind="bullets", items=[line[2:]]))
        elif section.title == "Frequently Asked Questions":
            if line.endswith("?"):
                section.blocks.append(Block(kind="qa", question=line))
            else:
                section.blocks[-1].answer = line
        else:
            section.blocks.append(Block(kind="paragraph", text=line))
    return Article(title="Yann LeCun raises $1B for AMI, a bet against LLMs", sections=sections,
                   original=raw)


@cache
def _insight() -> Insight:
    return analyse(seed_article())


@pytest.fixture
def insight() -> Insight:
    return _insight()


def _texts(insight: Insight, kind: str) -> list[str]:
    return [f.text for f in insight.facts if f.kind == kind]


def _fact(insight: Insight, kind: str, needle: str) -> Fact:
    found = [f for f in insight.facts if f.kind == kind and needle in f.text]
    assert found, f"no {kind} fact containing {needle!r} in {_texts(insight, kind)}"
    return found[0]


def test_seed_builds_into_ten_sections() -> None:
    article = seed_article()
    assert len(article.sections) == 10
    assert [b.kind for b in article.sections[0].blocks] == ["bullets"]
    assert len(article.sections[0].blocks[0].items) == 4
    assert len(article.sections[7].blocks[0].items) == 6
    assert [b.kind for b in article.sections[9].blocks] == ["qa", "qa", "qa"]
    assert "โ" not in article.body_text()


def test_summary_is_the_quick_summary(insight: Insight) -> None:
    assert len(insight.summary) == 4
    assert insight.summary[0].startswith("Yann LeCun raises $1B+ for AMI")


def test_takeaways_are_the_authors_key_takeaways(insight: Insight) -> None:
    assert len(insight.takeaways) == 6
    assert all(t.authored and t.section == 7 for t in insight.takeaways)
    offices = "AMI will operate from Paris, Montreal, Singapore, and New York"
    assert insight.takeaways[3].text == offices


def test_amount_raised_and_valuation(insight: Insight) -> None:
    raised = _fact(insight, "money", "$1 billion")
    assert "raised" in raised.text
    assert raised.section == 1 and "has raised more than $1 billion" in raised.sentence
    valuation = _fact(insight, "money", "$3.5 billion")
    assert valuation.text == "$3.5 billion valuation"
    money = _texts(insight, "money")
    assert len(money) == 2, "the $1B+ / $1 billion and $3.5B / $3.5 billion mentions are merged"
    assert money[0] == raised.text, "the most mentioned amount comes first"


def test_horizon_and_turing_award_year(insight: Insight) -> None:
    horizon = _fact(insight, "duration", "12-18 months")
    assert horizon.section == 8
    year = _fact(insight, "date", "2018")
    assert "Turing Award" in year.text and "Turing Award in 2018" in year.sentence


def test_people(insight: Insight) -> None:
    people = _texts(insight, "person")
    assert people[0] == "Yann LeCun", "the article is about him: he ranks first"
    for name in ("Mark Cuban", "Eric Schmidt", "Xavier Niel", "Geoffrey Hinton", "Yoshua Bengio"):
        assert name in people
    assert "LeCun" not in people, "LeCun is merged into Yann LeCun"


def test_organisations(insight: Insight) -> None:
    orgs = _texts(insight, "organisation")
    for name in ("Cathay Innovation", "Greycroft", "Hiro Capital", "HV Capital",
                 "Bezos Expeditions", "Meta", "Google"):
        assert name in orgs
    assert "Advanced Machine Intelligence (AMI)" in orgs
    assert "AMI" not in orgs, "the acronym is merged with its spelled-out name"
    assert orgs[0] == "Advanced Machine Intelligence (AMI)"


def test_places(insight: Insight) -> None:
    places = _texts(insight, "place")
    for city in ("Paris", "Montreal", "Singapore", "New York"):
        assert city in places


def test_no_junk_entities(insight: Insight) -> None:
    named = [f.text for f in insight.facts if f.kind in ("person", "organisation", "place")]
    junk = {"The", "If", "While", "AI", "LLM", "LLMs", "French", "Quick Summary",
            "Key Takeaways", "Looking Ahead", "Supporters", "Critics", "Company", "Success",
            "Expect", "Turing Award", "Microsoft Office", "Windows"}
    assert not junk & set(named)
    assert len(named) == len(set(named)), "each entity once"


def test_nonsense_quote_is_lecuns(insight: Insight) -> None:
    quote = _fact(insight, "quote", "complete nonsense")
    assert quote.speaker == "Yann LeCun"
    assert quote.text.startswith("The idea that you're going to extend")
    assert "he told WIRED" in quote.sentence
    assert quote.section == 1


def test_facts_keep_their_exact_sentence(insight: Insight) -> None:
    article = seed_article()
    for fact in insight.facts:
        blocks = article.sections[fact.section].blocks
        assert any(fact.sentence in block.plain() for block in blocks), fact


def test_two_promotional_sentences_flagged(insight: Insight) -> None:
    assert len(insight.flags) == 2
    assert "an affordable Microsoft Office licence" in insight.flags[0].sentence
    assert insight.flags[0].section == 3
    assert "a genuine Windows 11 key" in insight.flags[1].sentence
    assert insight.flags[1].section == 4


def test_flagged_sentences_yield_no_facts(insight: Insight) -> None:
    flagged = {f.sentence for f in insight.flags}
    assert not any(f.sentence in flagged for f in insight.facts)


def test_ranked_takeaways_when_the_author_gave_none() -> None:
    article = seed_article()
    article.sections = [s for s in article.sections
                        if s.title not in ("⚡ Quick Summary", "Key Takeaways")]
    insight = analyse(article)
    assert insight.summary == []
    assert 3 <= len(insight.takeaways) <= 5
    assert not any(t.authored for t in insight.takeaways)
    flagged = {f.sentence for f in insight.flags}
    assert not any(t.text in flagged for t in insight.takeaways)
    assert all(t.section is not None for t in insight.takeaways)
    orders = [(t.section, article.sections[t.section].blocks[0].plain().find(t.text))
              for t in insight.takeaways]
    assert [s for s, _ in orders] == sorted(s for s, _ in orders), "in article order"


def test_deterministic() -> None:
    assert analyse(seed_article()) == analyse(seed_article())


def test_same_insight_through_the_real_parser() -> None:
    from reader.ingest import parse_text

    parsed = analyse(parse_text(SEED.read_text(encoding="utf-8"), file_stem=SEED.stem))
    by_hand = _insight()
    assert parsed.summary == by_hand.summary
    assert [t.text for t in parsed.takeaways] == [t.text for t in by_hand.takeaways]
    assert [(f.kind, f.text, f.speaker) for f in parsed.facts] == [
        (f.kind, f.text, f.speaker) for f in by_hand.facts]
    assert len(parsed.flags) == 2
