"""Sales lines spliced into articles are flagged; ordinary news sentences never are."""

from __future__ import annotations

import pytest

from reader.insight import analyse
from reader.models import Article, Block, Section

STORY = [
    "The city council approved a new budget for road repairs on Tuesday.",
    "The plan moves money from parking fees into resurfacing the worst streets first.",
    "Council members said the work would start in spring and last about two years.",
]


def flagged(*extra: str, story: list[str] = STORY, title: str = "Council approves road budget"
            ) -> list[str]:
    blocks = [Block(kind="paragraph", text=p) for p in [*story, *extra]]
    insight = analyse(Article(title=title, sections=[Section(blocks=blocks)]))
    return [f.sentence for f in insight.flags]


@pytest.mark.parametrize(
    "line",
    [
        "Residents planning with an affordable Microsoft Office licence can stay organised.",
        "Crews managing their schedules with a genuine Windows 11 key and cloud tools work faster.",
        "Readers can grab a cheap Norton antivirus subscription while stocks last.",
        "Use code ROADS20 for 20% off at our partner store.",
        "Drivers should buy a discounted VPN licence before travelling abroad.",
    ],
)
def test_inserted_offers_are_flagged(line: str) -> None:
    assert flagged(line) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The key to the plan, officials said, is a genuine commitment from every ward.",
        "Shops on the high street offered discounts to attract customers during the works.",
        "The deal was struck after a cheap compromise on parking fees.",
        "A limited time window for objections closes on Friday.",
        "Critics said residents would buy the argument only if potholes vanished.",
        "Prices at the pump fell 5% off their peak in March.",
        "The mayor holds the key to the city's licence office.",
    ],
)
def test_ordinary_news_is_not_flagged(line: str) -> None:
    assert flagged(line) == []


def test_offer_that_is_the_story_is_not_flagged() -> None:
    story = [
        "Microsoft will sell a cheaper Office licence to schools from September.",
        "The discounted Office licence costs half the usual price, Microsoft said.",
        "Schools can also buy a genuine Windows 11 key through the same programme.",
        "Teachers' unions welcomed the Windows and Office offer for schools.",
    ]
    assert flagged(story=story, title="Microsoft cuts Office price for schools") == []


def test_flag_records_section() -> None:
    article = Article(title="t", sections=[
        Section(title="A", blocks=[Block(kind="paragraph", text=" ".join(STORY))]),
        Section(title="B", blocks=[Block(kind="paragraph", text=(
            "Planners like to work with an affordable Microsoft Office licence at hand."))]),
    ])
    (flag,) = analyse(article).flags
    assert (flag.kind, flag.section) == ("promotional", 1)
