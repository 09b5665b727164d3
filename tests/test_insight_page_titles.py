"""A web page's title from what it declares: og:title, <title> less the site, the first h1."""

from __future__ import annotations

import pytest

from reader.ingest.html import parse_html
from reader.ingest.titles import choose_page_title, without_site_name

BODY = "".join(
    f"<p>Paragraph {n} of the story tells what the council decided about the harbour, who "
    f"spoke at the meeting and what happens next, in plain words of its own.</p>"
    for n in range(1, 7)
)


def page(head: str, top: str = "") -> str:
    return (f"<html><head>{head}</head><body><header>{top}</header><article>{BODY}</article>"
            "</body></html>")


@pytest.mark.parametrize("head, top, expected", [
    ("<title>Council approves harbour dredging | Harbour Gazette</title>",
     "<h1>Harbour Gazette</h1>", "Council approves harbour dredging"),
    ("<title>Council approves harbour dredging - Harbour Gazette</title>"
     '<meta property="og:site_name" content="Harbour Gazette">', "",
     "Council approves harbour dredging"),
    ('<meta property="og:title" content="Council approves harbour dredging">'
     "<title>Harbour dredging approved | News | Harbour Gazette</title>",
     "<h1>No matches for your search</h1>", "Council approves harbour dredging"),
    ("<title>Harbour dredging - Wikipedia</title>", "<h1>Harbour dredging</h1>",
     "Harbour dredging"),
    ('<meta property="og:title" content="Council approves dredging of the old harbour channel">'
     "<title>Dredging approved | Harbour Gazette</title>",
     "<h1>Harbour Gazette</h1><h1>Council approves dredging of the old harbour channel</h1>",
     "Council approves dredging of the old harbour channel"),
    ('<meta property="og:title" '
     'content="Sean Penn &amp;#039;proposes to Charlize Theron&amp;#039;">'
     "<title>Sean Penn and Charlize Theron engaged | OK! Magazine</title>",
     "<h1>Sean Penn 'proposes to Charlize Theron'</h1>", "Sean Penn 'proposes to Charlize Theron'"),
])
def test_declared_titles(head: str, top: str, expected: str) -> None:
    article = parse_html(page(head, top), url="https://www.harbourgazette.example/story/1")
    assert article.title == expected


def test_site_names_and_labels_come_off_either_end() -> None:
    sites = ["The Debrief", "thedebrief.co.uk"]
    title = "People - Ed Sheeran Wants To Set Up A Friend, But We Are Not Sure | Fame | The Debrief"
    assert without_site_name(title, sites, []) == (
        "Ed Sheeran Wants To Set Up A Friend, But We Are Not Sure")
    kept = "Let me Google that for you: 2014's most popular searches"
    assert without_site_name(f"{kept} | cleveland.com", ["cleveland.com"], [kept]) == kept


def test_a_heading_that_agrees_wins_over_a_shortened_title() -> None:
    assert choose_page_title(
        og="", title_tag="Bridge stays shut | Ohio Daily",
        headings=["Ohio Daily", "Bridge over the river stays shut until spring"],
        sites=["Ohio Daily"]) == "Bridge over the river stays shut until spring"
