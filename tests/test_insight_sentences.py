"""Sentence splitting: abbreviations, initials, quotations."""

from __future__ import annotations

import pytest

from reader.insight.sentences import quote_spans, split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_plain_sentences() -> None:
    assert split("One. Two! Three? Four") == ["One.", "Two!", "Three?", "Four"]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at 5 p.m. on Friday.",
        "Ulysses S. Grant lived here from Jan. 5 until No. 3 was built.",
        "The U.S. Senate voted on the bill in the evening.",
        "Shares fell 2.5 per cent on the news.",
    ],
)
def test_no_split_after_abbreviations(text: str) -> None:
    assert split(text) == [text]


def test_split_after_country_abbreviation_when_a_sentence_starts() -> None:
    assert split("He moved to the U.S. The move was hard.") == [
        "He moved to the U.S.", "The move was hard."]


def test_quotation_kept_whole() -> None:
    text = "\"We knew. We went anyway,\" she said. Then rain fell."
    assert split(text) == ["\"We knew. We went anyway,\" she said.", "Then rain fell."]


def test_unbalanced_quote_does_not_swallow_the_text() -> None:
    text = "He said \"yes. It was a long day. Nobody came."
    assert len(split(text)) == 3


def test_newlines_are_boundaries() -> None:
    assert split("first line\nsecond line") == ["first line", "second line"]


def test_quote_spans_for_straight_curly_french_and_german_marks() -> None:
    for text in ('a "b c" d', "a “b c” d", "a « b c » d", "a „b c“ d"):
        (span,) = quote_spans(text)
        assert text[span[0] + 1 : span[1] - 1].strip() == "b c", text
