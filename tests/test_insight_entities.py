"""People, organisations and places: found once each, told apart by cues, junk left out."""

from __future__ import annotations

from reader.insight import analyse
from reader.models import Article, Block, Section


def named(*paragraphs: str, title: str = "t") -> dict[str, list[str]]:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    insight = analyse(Article(title=title, sections=[Section(blocks=blocks)]))
    found: dict[str, list[str]] = {"person": [], "organisation": [], "place": []}
    for fact in insight.facts:
        if fact.kind in found:
            found[fact.kind].append(fact.text)
    return found


def test_surname_merges_into_full_name() -> None:
    found = named("Ada Okonkwo founded the lab in 2019. Okonkwo said the work had only begun.",
                  "Okonkwo's team now has 30 people.")
    assert found["person"] == ["Ada Okonkwo"]


def test_acronym_merges_with_its_definition() -> None:
    found = named("The Northern Rail Authority (NRA) closed two lines.",
                  "The NRA said repairs would take a week.")
    assert found["organisation"] == ["Northern Rail Authority (NRA)"]


def test_titles_are_split_from_names() -> None:
    found = named("Former Acme Corp CEO Dana Whitfield joined the board.",
                  "Dr. Felix Brandt and President Amara Diallo met on Friday.")
    assert {"Dana Whitfield", "Felix Brandt", "Amara Diallo"} <= set(found["person"])
    assert "Acme Corp" in found["organisation"]


def test_organisation_cues() -> None:
    found = named("The round was led by Larkspur Ventures, Tidewater Capital and Quillon.",
                  "Mireval Group and the University of Eastmoor also took part.",
                  "Cobalta's chief executive declined to comment.")
    orgs = set(found["organisation"])
    assert {"Larkspur Ventures", "Tidewater Capital", "Quillon", "Mireval Group",
            "University of Eastmoor", "Cobalta"} <= orgs, "Quillon takes its list's kind"


def test_place_cues() -> None:
    found = named("The Lisbon-based company opened offices in Nairobi and Osaka.",
                  "Its founder grew up in Vellmar, a town near Kassel.")
    places = set(found["place"])
    assert {"Lisbon", "Nairobi", "Osaka", "Vellmar", "Kassel"} <= places


def test_person_cues() -> None:
    found = named("The report was written by economist Tomasz Wierzba and analyst Rhea Sandoval.",
                  "Corvin Ashby, 54, who runs the depot, was not available.")
    assert {"Tomasz Wierzba", "Rhea Sandoval", "Corvin Ashby"} <= set(found["person"])


def test_no_sentence_starters_or_headings_or_demonyms() -> None:
    found = named("While prices rose, shoppers kept buying. The French market was calm.",
                  "Supporters cheered. If the trend holds, AI and LLMs will change retail.",
                  "Analysts in Berlin agreed.")
    everything = {n for names in found.values() for n in names}
    assert everything == {"Berlin"}


def test_ranked_by_centrality() -> None:
    found = named("Ines Marlow met Theo Brandt in Oslo.",
                  "Marlow later said she would stay. Marlow's plan was approved.",
                  title="Ines Marlow wins approval")
    assert found["person"][0] == "Ines Marlow"


def test_entity_fact_points_at_first_mention_in_running_text() -> None:
    summary = Block(kind="bullets", items=["Maria Adeyemi won the race"])
    story = Block(kind="paragraph", text="The race was close. Maria Adeyemi crossed first.")
    article = Article(title="t", sections=[Section(title="Summary", blocks=[summary]),
                                           Section(title="Story", blocks=[story])])
    fact = next(f for f in analyse(article).facts if f.text == "Maria Adeyemi")
    assert fact.kind == "person"
    assert (fact.sentence, fact.section) == ("Maria Adeyemi crossed first.", 1)
