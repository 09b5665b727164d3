"""The word lists are data: sorted, one entry a line, no repeats, no name in two lists that
contradict each other, and shipped inside the package."""

from __future__ import annotations

from importlib.resources import files
from itertools import combinations

import pytest

from reader.insight.gazetteer import NAME_LISTS, PLACE_LISTS, lookup
from reader.insight.wordlists import read_list, read_pairs

DATA = files("reader.insight").joinpath("data")
LISTS = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".txt"))


def entries(name: str) -> list[str]:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def test_there_are_lists() -> None:
    assert {"countries.txt", "cities.txt", "given_names.txt", "orgs.txt", "role_nouns.txt",
            "speech_verbs.txt", "org_suffixes.txt"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_is_sorted_without_repeats(name: str) -> None:
    found = entries(name)
    assert found, name
    lowered = [entry.lower() for entry in found]
    repeated = sorted({entry for entry in lowered if lowered.count(entry) > 1})
    assert not repeated, f"{name} repeats {repeated[:10]}"
    assert lowered == sorted(lowered, key=str.lower), f"{name} is not sorted"
    assert all(entry == entry.strip() and "\t" not in entry for entry in found)


def test_lists_that_exclude_each_other_share_no_entry() -> None:
    places = frozenset().union(*(read_list(n) for n in PLACE_LISTS)) | read_pairs(
        "place_aliases.tsv").keys()
    exclusive = {
        "places": places,
        "orgs": read_list("orgs.txt"),
        "demonyms": read_list("demonyms.txt"),
        "generic": read_list("generic.txt"),
        "days and months": read_list("days_months.txt"),
    }
    for (a, left), (b, right) in combinations(exclusive.items(), 2):
        shared = sorted(left & right)
        assert not shared, f"{a} and {b} share {shared[:10]}"
    # A given name may be a place too ("Jordan"): it is only a cue for a longer name's first
    # word. It is never an organisation, a people, a generic word, a month or a common word.
    given = frozenset().union(*(read_list(n) for n in NAME_LISTS))
    for label in ("orgs", "demonyms", "generic", "days and months"):
        shared = sorted(given & exclusive[label])
        assert not shared, f"given names and {label} share {shared[:10]}"
    assert not given & read_list("common_words.txt") - {"will"}


def test_each_alias_names_a_place() -> None:
    lexicon = lookup()
    for alias, shown in read_pairs("place_aliases.tsv").items():
        assert shown.lower() in lexicon.places, f"{alias} -> {shown}"


def test_the_slips_are_gone() -> None:
    lexicon = lookup()
    assert "benfica" not in lexicon.places, "a club, not a city"
    assert "labour" not in lexicon.demonyms, "a party, not a people"
    for word in ("mail", "sun", "times", "time"):
        assert word not in lexicon.orgs, f"{word} alone is a word before it is a newspaper"
    assert {"the times", "daily mail", "the sun"} <= lexicon.orgs


def test_reference_lists_come_from_the_generator() -> None:
    for name in ("countries.txt", "subdivisions.txt", "cities.txt", "localised.txt",
                 "given_names.txt", "common_words.txt", "surnames.txt"):
        header = DATA.joinpath(name).read_text(encoding="utf-8")[:300]
        assert "reader/insight/data/generate.py" in header
    lexicon = lookup()
    assert {"france", "texas", "bavaria", "houston", "tokyo", "deutschland"} <= lexicon.places
    assert {"maria", "yann", "henrik"} <= lexicon.first_names
