"""Every weight the entity rules vote with, and the bars a name must clear, in one place.

A name's kind is a vote: each sign adds its weight to person, organisation or place, from the
name's own words (`entities`), the title split off it (`names`) and the words around each
mention (`cues`). The kind with most weight wins, and only where the evidence is enough and the
winner clear (`MIN_EVIDENCE`, `MIN_MARGIN`) is the name listed at all: precision first.
"""

from __future__ import annotations

# The name itself (entities._intrinsic).
KNOWN_ORG = 4.0
"""In the hand list of organisations whose names give no sign ("Google", "NATO")."""
KNOWN_PLACE = 3.5
"""In the generated place lists (countries, subdivisions, cities, localised names)."""
ORG_WORD = 3.0
"""An organisation word in the name: "... Inc", "University of ...", "... Party"."""
PLACE_AND_MORE = 2.5
"""A place followed by what is no place: "San Jose Clash", "Chivas USA"."""
PLACE_TEAM = 1.5
"""A country code or a city last: "Team USA", "Atletico Madrid"."""
PLACE_WORD = 2.5
"""A place word in the name: "... County", "Mount ...", "South Pacific"."""
GIVEN_NAME = 2.0
"""A given name or initials first: "Mark Cuban", "J.J. Abrams"."""
COMMON_WORDS = 0.6
"""Words the text also writes in lowercase: "Student News" is a title or a body."""
PERSON_SHAPED = 0.6
"""Two or three capitalised words with no other sign: too weak to list on its own."""
DIRECTION_FIRST = 1.0
"""A compass word first: "West Mercia" is somewhere, not someone."""
GIVEN_NAME_ALONE = 0.6
"""A lone given name ("Sky", "Marvel", "Lily"): a hint that needs a cue beside it."""
WEBSITE = 2.0
"""'Boston.com', 'Style.com': a site is run by an organisation."""
ACRONYM = 0.6
"""A short all-capitals word: "NTSB", but also "TIPS", "LOT", "PG" on a page: a hint."""

# The title split off a name (names._split_titles) and a role noun before it.
TITLE_PERSON = 3.0
"""What follows a title: "President Obama", "CEO Eric Schmidt"."""
TITLE_EMPLOYER = 1.5
"""What precedes a title: "Google CEO ..."."""
HYPHEN_CUE = 3.0
"""A cue in the word itself: "Paris-based", "Google-owned"."""
ROLE_FIRST = 2.0
"""A role noun opening the run: "Owner Priya Nair"."""

# The words around a mention (cues.score_context).
ROLE_BEFORE = 2.5
"""A role noun right before: "spokesman Arrmanatha Nasir"."""
NAMED_BEFORE = 1.5
"""'named', 'dubbed', 'according to' before."""
SAID_BEFORE = 1.0
"""'said', 'says' or 'to' before: organisations are said to things too."""
ORG_NOUN_BEFORE = 2.0
"""'the company X', 'newspaper X'."""
ORG_VERB_BEFORE = 0.8
"""'told X', 'joined X', 'at X'."""
ORG_PAIR_BEFORE = 0.5
"""'backed by X', 'owned by X'."""
CREDIT_BEFORE = 2.5
"""'Reporting by X', 'Editing by X', 'Photo by X': credits name people."""
PLACE_BEFORE = 1.0
"""'in X', 'based in X', 'capital X'."""
PLACE_WEAK_BEFORE = 0.4
"""'from X', 'into X': people come from things too."""
AGE_AFTER = 3.0
"""'Jolie, 39, ...'."""
WHO_AFTER = 2.0
"""'X, who ...', 'X whose ...'."""
WHICH_AFTER = 1.0
"""'X, which ...': a thing, not a person; of things with names, most are organisations."""
APPOSITION = 2.0
"""'X, the chief ...', 'X, a company ...', 'X, the capital ...'."""
POSSESSIVE_ROLE = 2.0
"""'Meta's chief scientist'."""
POSSESSIVE_KIN = 2.0
"""'Lily's mother', 'Nowsch's attorney': what only a person has."""
SPEECH_AFTER = 0.7
"""'X said': organisations say things too."""
EMPLOYER_BEFORE_ROLE = 2.0
"""'Bolton midfielder Fabrice Muamba': the employer."""
TICKER_AFTER = 3.0
"""'Lanco Infratech (LAIN.NS)', 'Apple (NASDAQ: AAPL)': a listed company."""
ORG_NOUN_AFTER = 1.5
"""'X CEO', 'X spokesman', 'X company'."""

# Decisions (entities).
STRONG = 2.0
"""Evidence that settles a kind; weaker names may take a kind from a list they stand in."""
LIST_MEMBER = 1.5
"""A weak name listed with strong ones ("Cathay, Greycroft and Hiro Capital") takes theirs."""
MIN_EVIDENCE = 1.0
"""Below this, the winning kind is a guess: the name is left out."""
MIN_MARGIN = 0.5
"""The winning kind must lead the next by this much, or the name is left out."""
MIN_SIGN = 1.0
"""And one sign for it (the name's own words, or the cues of one mention) must weigh this."""

# Ranking (entities._rank).
RANK_IN_TITLE = 1.5
RANK_EARLY = 0.8
