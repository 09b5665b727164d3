"""Money, percentages, counts, durations and dates found in running text."""

from __future__ import annotations

import pytest

from reader.insight import analyse
from reader.models import Article, Block, Section


def figures(*paragraphs: str) -> dict[str, list[str]]:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    insight = analyse(Article(title="t", sections=[Section(blocks=blocks)]))
    found: dict[str, list[str]] = {}
    for fact in insight.facts:
        found.setdefault(fact.kind, []).append(fact.text)
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The startup raised $1B+ from investors.", "$1B+ raised"),
        ("Shares jumped after a £600m deal was announced.", "£600m deal"),
        ("The bank was fined €2.5 billion by regulators.", "€2.5 billion"),
        ("It is now valued at $3.5 billion by its backers.", "$3.5 billion valuation"),
        ("The club paid 45 million euros for the striker.", "45 million euros"),
        ("Das Land zahlt 5 Millionen Euro an die Stadt.", "5 Millionen Euro"),
        ("The firm reported US$12.4bn in revenue last year.", "US$12.4bn"),
    ],
)
def test_money(sentence: str, expected: str) -> None:
    money = figures(sentence).get("money", [])
    assert len(money) == 1 and expected in money[0], money


def test_weight_in_pounds_is_not_money() -> None:
    assert "money" not in figures("He lost 50 pounds after changing his diet completely.")


def test_same_amount_written_twice_is_one_fact() -> None:
    found = figures("The company raised $1B+ this week.",
                    "The $1 billion round was led by two funds. Nobody expected $1 billion.")
    assert len(found["money"]) == 1


def test_qualifier_is_kept() -> None:
    assert figures("They raised more than $40 million in a year.")["money"] == [
        "more than $40 million raised"]


def test_percentages() -> None:
    found = figures("Turnout rose 4.5% to a record. Prices climbed 12 percent, "
                    "and 20% of voters stayed home.")
    assert found["percent"] == ["4.5%", "12 percent", "20% of voters"]


def test_counts_with_their_noun() -> None:
    found = figures("Rescuers freed 16 Indonesian citizens and six children. "
                    "More than 40 support staff helped 12 people.")
    assert set(found["count"]) == {"16 Indonesian citizens", "six children",
                                   "More than 40 support staff", "12 people"}


def test_years_and_ages_are_not_counts() -> None:
    found = figures("In 2015 the 68-year-old coach retired.")
    assert "count" not in found and "duration" not in found
    assert found["date"] == ["2015"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Expect results within the next 12-18 months.", "12-18 months"),
        ("Expect results within the next 12–18 months.", "12–18 months"),
        ("The trial lasted three to four weeks in total.", "three to four weeks"),
        ("She is on a 340-day mission aboard the station.", "340-day mission"),
        ("He returned after a six-month absence from the tour.", "six-month absence"),
    ],
)
def test_durations_and_ranges(sentence: str, expected: str) -> None:
    assert figures(sentence)["duration"] == [expected]


def test_dates() -> None:
    found = figures("The law takes effect on March 5, 2026, two years after the 2024 vote.",
                    "The first match was played on the 6th of April 1996 in the 1990s boom.",
                    "Le vote a eu lieu le 12 mars 2025.")
    assert {"March 5, 2026", "2024", "6th of April 1996", "1990s", "12 mars 2025"} <= set(
        found["date"])


def test_year_takes_its_event() -> None:
    found = figures("She won the Turing Award in 2018 alongside two colleagues.",
                    "He played at the 2014 World Cup in Brazil.")
    assert set(found["date"]) == {"2018 Turing Award", "2014 World Cup"}


def test_fact_keeps_sentence_and_section() -> None:
    article = Article(title="t", sections=[
        Section(title="Intro", blocks=[Block(kind="paragraph", text="Nothing to count here.")]),
        Section(title="Money", blocks=[Block(kind="paragraph",
                                             text="First line. The deal is worth $3 million.")]),
    ])
    fact = next(f for f in analyse(article).facts if f.kind == "money")
    assert (fact.sentence, fact.section) == ("The deal is worth $3 million.", 1)
