"""Word lists that carry grammar rather than names: function words, speech verbs, job titles.

The lists are data (`data/*.txt`, kept by hand), read the first time a rule looks a word up;
the mappings from scale and number words to values stay here, beside the code that uses them.
"""

from __future__ import annotations

from .wordlists import Words

# Function words in the languages the reader meets most. Used both to drop capitalised
# sentence starters from entity candidates and to ignore words when comparing sentences.
STOPWORDS = Words("stopwords.txt")

# Capitalised words that start sentences or headlines but never name anything on their own.
SENTENCE_STARTERS = Words("stopwords.txt", "sentence_starters.txt")

# Verbs that attribute words to a speaker: "X said", "said X", "he told WIRED".
SPEECH_VERBS = Words("speech_verbs.txt")

# Job and role nouns: a name right after one of these is a person ("former Google CEO Eric
# Schmidt", "spokesman Arrmanatha Nasir"); a name followed by "'s <role>" is an organisation.
ROLE_NOUNS = Words("role_nouns.txt")

# Capitalised titles that precede a name and are not part of it.
TITLE_WORDS = Words("title_words.txt")

# Titles kept in the displayed name because the bare name is ambiguous without them.
KEPT_TITLES = Words("kept_titles.txt")

ORG_SUFFIXES = Words("org_suffixes.txt")

# Words that make a capitalised phrase a place ("Spartan Stadium", "Jo Daviess County").
PLACE_HEADS = Words("place_heads.txt")

# Heads of phrases that are events or awards: neither person, organisation nor place.
EVENT_HEADS = Words("event_heads.txt")

# Connectors allowed inside a capitalised name ("Bank of America", "Charles de Gaulle").
NAME_CONNECTORS = Words("name_connectors.txt")

# Scale words for money and counts, with the factor each stands for.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "millionen": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "b": 1e9,
    "bn": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

NUMBER_WORDS: dict[str, int] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
