"""Direct quotations and their speakers."""

from __future__ import annotations

from reader.insight import analyse
from reader.models import Article, Block, Fact, Section


def quotes(*paragraphs: str) -> list[Fact]:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    insight = analyse(Article(title="t", sections=[Section(blocks=blocks)]))
    return [f for f in insight.facts if f.kind == "quote"]


def speakers(*paragraphs: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes(*paragraphs)}


def test_name_said_and_said_name() -> None:
    found = speakers(
        "\"The water came up faster than anyone expected,\" Lena Varga said on Monday.",
        "\"We will rebuild the bridge before winter,\" said mayor Otto Brenner.",
    )
    assert found == {
        "The water came up faster than anyone expected": "Lena Varga",
        "We will rebuild the bridge before winter": "Otto Brenner",
    }


def test_pronoun_resolves_to_the_subject_not_the_last_name() -> None:
    found = speakers(
        "Ravi Anand, who shared the prize with Maria Lopes and Jun Sato, has long doubted the "
        "method. \"The idea that this scales to every language is simply wrong,\" he told "
        "reporters."
    )
    assert found == {"The idea that this scales to every language is simply wrong": "Ravi Anand"}


def test_according_to_and_curly_quotes() -> None:
    found = speakers("“Nobody has tested the pumps in a decade,” according to engineer Sofia Reyes")
    assert found == {"Nobody has tested the pumps in a decade": "Sofia Reyes"}


def test_speaker_before_the_quote() -> None:
    found = speakers("Coach Dario Falk told the players: \"You have earned every minute of this.\"")
    assert found == {"You have earned every minute of this.": "Dario Falk"}


def test_unattributed_quote_has_no_speaker() -> None:
    found = speakers("A sign on the door read \"closed until further notice for urgent repairs\".")
    assert found == {"closed until further notice for urgent repairs": None}


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes("Critics call the plan \"complete nonsense\" and a \"world model\" fad.") == []


def test_multi_sentence_quote_keeps_its_sentences() -> None:
    text = ("\"We knew the risks. We took them anyway,\" Hana Ito said. "
            "The team left at dawn.")
    (quote,) = quotes(text)
    assert quote.text == "We knew the risks. We took them anyway"
    assert quote.speaker == "Hana Ito"
    assert quote.sentence == "\"We knew the risks. We took them anyway,\" Hana Ito said."


def test_unattributed_quote_right_after_a_quote_continues_it() -> None:
    found = speakers(
        "\"The river rose a metre in an hour,\" said Tomas Berg, the lock keeper. "
        "\"Nobody here has seen anything like it before.\"",
        "Crews worked through the night. \"Sandbags will not hold for another day or two.\"",
    )
    assert found == {
        "The river rose a metre in an hour": "Tomas Berg",
        "Nobody here has seen anything like it before.": "Tomas Berg",
        "Sandbags will not hold for another day or two.": None,
    }
