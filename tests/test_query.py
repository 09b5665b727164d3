"""The query language: parsing, the SQL and FTS5 it makes, and its errors.

Every produced WHERE fragment and MATCH expression is run against a small in-memory schema,
so "safe" means "SQLite accepted it", not "it looked right".
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from reader.query import Query, QueryError, normalise_tag, order_by, parse_query, to_sql

TODAY = date(2026, 3, 15)


def parse(text: str, today: date = TODAY) -> Query:
    return parse_query(text, today=today)


def ts(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()


# id, title, source, feed_id, read, bookmarked, sort_ts, reading_minutes, tags, body
ROWS = [
    (1, "Yann LeCun raises $1B for world models", "Reuters", 1, 0, 1, ts(2026, 3, 10), 7,
     ("ai", "research"), "LeCun and AMI build world models, not large language models."),
    (2, "Hinton warns about AI", "Local Gazette", 2, 1, 0, ts(2026, 1, 5, 12), 3,
     ("ai",), "Geoffrey Hinton on the risks of language models."),
    (3, "Crypto crash deepens", "50% Off_Deals", None, 0, 0, ts(2025, 12, 31, 23, 59, 59), 12,
     ("finance",), "Bitcoin falls; lecturers say (sell) NEAR the bottom."),
    (4, "World cup preview", "Sports Desk", 1, 1, 1, ts(2026, 3, 14), 1,
     ("machine-learning",), "Football: the world's game. Ölçek café 東京."),
]  # fmt: skip


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        """
        CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, source TEXT, feed_id INTEGER,
            read INTEGER, bookmarked INTEGER, sort_ts REAL, reading_minutes INTEGER);
        CREATE TABLE feeds (id INTEGER PRIMARY KEY, title TEXT);
        CREATE TABLE tags (article_id INTEGER, name TEXT);
        CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body);
        INSERT INTO feeds VALUES (1, 'Hacker News'), (2, 'The Local_Gazette 100%');
        """
    )
    for id_, title, source, feed, read, bookmarked, sort_ts, minutes, tags, body in ROWS:
        conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (id_, title, source, feed, read, bookmarked, sort_ts, minutes),
        )
        conn.executemany("INSERT INTO tags VALUES (?, ?)", [(id_, tag) for tag in tags])
        conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                     (id_, title, body))  # fmt: skip
    yield conn
    conn.close()


def run(db: sqlite3.Connection, query: Query) -> list[int]:
    """The ids the query selects, in its order (by FTS5 rank, as a caller would, for relevance)."""
    where, params = to_sql(query)
    if query.sort == "relevance":
        sql = (
            "SELECT a.id FROM articles a JOIN articles_fts fts ON fts.rowid = a.id"
            f" WHERE {where} AND articles_fts MATCH ? ORDER BY fts.rank, a.id DESC"
        )
        params = [*params, query.text]
    else:
        sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY {order_by(query)}"
    return [row[0] for row in db.execute(sql, params)]


def ids(db: sqlite3.Connection, text: str, today: date = TODAY) -> set[int]:
    return set(run(db, parse(text, today)))


# -- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {1, 2, 3, 4}),
        ("is:unread", {1, 3}),
        ("is:read", {2, 4}),
        ("-is:read", {1, 3}),
        ("-is:unread", {2, 4}),
        ("is:bookmarked", {1, 4}),
        ("is:starred", {1, 4}),
        ("-is:bookmarked", {2, 3}),
        ("IS:Unread", {1, 3}),
        ("is:unread is:bookmarked", {1}),
        ("tag:ai", {1, 2}),
        ("tag:AI tag:research", {1}),
        ("tag:ai tag:finance", set()),
        ("-tag:ai", {3, 4}),
        ("tag:ai -tag:research", {2}),
        ('tag:"Machine Learning"', {4}),
        ("tag:nothing", set()),
        ("source:reuters", {1}),
        ('source:"local gazette"', {2}),
        ("SOURCE:DESK", {4}),
        ("feed:hacker", {1, 4}),
        ('feed:"hacker news"', {1, 4}),
        ("feed:gazette", {2}),
        ("since:2026-03-01", {1, 4}),
        ("since:2026-01", {1, 2, 4}),
        ("since:2026", {1, 2, 4}),
        ("until:2025", {3}),
        ("since:2026-01-05 until:2026-01-05", {2}),
        ("until:2026-01-04", {3}),
        ("until:2025-12-31", {3}),
        ("until:2025-12", {3}),
        ("since:2026-03-14 until:2026-03", {4}),
    ],
)
def test_each_filter_selects_the_right_articles(
    db: sqlite3.Connection, text: str, expected: set[int]
) -> None:
    assert ids(db, text) == expected


def test_filters_and_words_combine(db: sqlite3.Connection) -> None:
    query = parse("is:unread tag:ai since:2026-01-01 lecun")
    assert query == Query(
        text='"lecun"',
        unread=True,
        tags=("ai",),
        since=datetime(2026, 1, 1, tzinfo=UTC),
        sort="relevance",
    )
    assert run(db, query) == [1]
    assert query.describe() == "unread · tag:ai · since 2026-01-01 · “lecun”"
    assert ids(db, "is:read tag:ai since:2026-01-01 lecun") == set()
    assert ids(db, "is:bookmarked feed:hacker world") == {1, 4}


def test_like_wildcards_in_values_are_matched_literally(db: sqlite3.Connection) -> None:
    assert ids(db, "source:%") == {3}
    assert ids(db, "source:_") == {3}
    assert ids(db, 'source:"0% off_d"') == {3}
    assert ids(db, "feed:local_") == {2}
    assert ids(db, "feed:100%") == {2}
    assert ids(db, "feed:l_cal") == set()
    assert ids(db, r"source:\\") == set()


def test_user_text_never_becomes_sql(db: sqlite3.Connection) -> None:
    query = parse("source:\"x' OR 1=1 --\" feed:'); tag:\"a' OR 'x'='x\" bobby'); DROP")
    where, params = to_sql(query)
    assert "OR 1=1" not in where and "DROP" not in where and "bobby" not in where
    assert where.count("?") == len(params)
    assert run(db, query) == []
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_tags_are_normalised_and_deduplicated() -> None:
    assert normalise_tag("  Machine   Learning ") == "machine-learning"
    query = parse('tag:AI tag:ai tag:" New  Tech " -tag:Old -tag:old')
    assert query.tags == ("ai", "new-tech")
    assert query.exclude_tags == ("old",)


def test_quoted_and_single_values_keep_their_text() -> None:
    query = parse('source:"Local   Gazette" feed:Hacker')
    assert (query.source, query.feed) == ("Local Gazette", "Hacker")
    assert parse("source:gazette source:gazette").source == "gazette"  # a repeat is harmless...
    assert parse("sort:title sort:TITLE").sort == "title"  # ...when it says the same thing


# -- dates -----------------------------------------------------------------------------------


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "since", "until"),
    [
        ("today", utc(2026, 3, 15), utc(2026, 3, 16)),
        ("YESTERDAY", utc(2026, 3, 14), utc(2026, 3, 15)),
        ("0d", utc(2026, 3, 15), utc(2026, 3, 16)),
        ("7d", utc(2026, 3, 8), utc(2026, 3, 9)),
        ("2w", utc(2026, 3, 1), utc(2026, 3, 2)),
        ("3m", utc(2025, 12, 15), utc(2025, 12, 16)),
        ("1y", utc(2025, 3, 15), utc(2025, 3, 16)),
        ("2026-03-01", utc(2026, 3, 1), utc(2026, 3, 2)),
        ("2026-3-1", utc(2026, 3, 1), utc(2026, 3, 2)),
        ("2026-02", utc(2026, 2, 1), utc(2026, 3, 1)),
        ("2024-02", utc(2024, 2, 1), utc(2024, 3, 1)),
        ("2025", utc(2025, 1, 1), utc(2026, 1, 1)),
        ("9999-12-30", utc(9999, 12, 30), utc(9999, 12, 31)),
    ],
)
def test_dates_resolve_against_the_given_today(
    value: str, since: datetime, until: datetime
) -> None:
    assert parse(f"since:{value}").since == since
    assert parse(f"until:{value}").until == until


@pytest.mark.parametrize(
    ("today", "value", "since"),
    [
        (date(2026, 5, 31), "3m", utc(2026, 2, 28)),
        (date(2028, 2, 29), "1y", utc(2027, 2, 28)),
        (date(2026, 1, 31), "1m", utc(2025, 12, 31)),
        (date(2026, 3, 1), "1d", utc(2026, 2, 28)),
    ],
)
def test_month_and_year_steps_clamp_to_the_end_of_the_month(
    today: date, value: str, since: datetime
) -> None:
    assert parse(f"since:{value}", today).since == since


def test_relative_dates_filter_by_the_given_today(db: sqlite3.Connection) -> None:
    assert ids(db, "since:7d") == {1, 4}
    assert ids(db, "since:yesterday") == {4}
    assert ids(db, "until:yesterday") == {1, 2, 3, 4}
    assert ids(db, "since:7d", today=date(2026, 1, 10)) == {1, 2, 4}
    assert ids(db, "until:2m") == {2, 3}
    assert ids(db, "until:3m") == set()


def test_a_datetime_today_counts_as_its_date() -> None:
    assert parse_query("since:1d", today=datetime(2026, 3, 15, 23, 30)).since == utc(2026, 3, 14)


# -- free text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("lecun", '"lecun"'),
        ("LeCun models", '"LeCun" AND "models"'),
        ("lec*", '"lec"*'),
        ("lec**", '"lec"*'),
        ('"world models"', '"world models"'),
        ('"world mod"*', '"world mod"*'),
        ('"  world   models "', '"world models"'),
        ("lecun OR hinton", '("lecun" OR "hinton")'),
        ("a OR b OR c d", '("a" OR "b" OR "c") AND "d"'),
        ("models -crypto", '"models" NOT "crypto"'),
        ('models -crypto -"world cup" -lec*', '"models" NOT ("crypto" OR "world cup" OR "lec"*)'),
        ("or and not near", '"or" AND "and" AND "not" AND "near"'),
        ("AND NOT NEAR", '"AND" AND "NOT" AND "NEAR"'),
        ('a"b c"d', '"a" AND "b c" AND "d"'),
        ("foo - bar", '"foo" AND "bar"'),
        ("foo ( ) : * bar", '"foo" AND "bar"'),
        ("x:y:z", None),
        ("10:30", '"10:30"'),
        ('"is:unread"', '"is:unread"'),
        ("foo\x00bar", '"foo" AND "bar"'),
        ("café 東京", '"café" AND "東京"'),
        ("a\u200bb", '"ab"'),
    ],
)
def test_free_text_becomes_quoted_fts5_terms(
    db: sqlite3.Connection, text: str, expression: str | None
) -> None:
    if expression is None:
        with pytest.raises(QueryError):
            parse(text)
        return
    query = parse(text)
    assert query.text == expression
    assert query.sort == "relevance"
    db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (query.text,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lecun", [1]),
        ("lec*", [1, 3]),
        ('"world models"', [1]),
        ('"models world"', []),
        ("hinton OR football", [2, 4]),
        ("models -lecun", [2]),
        ("world -football", [1]),
        ("models -lecun -hinton", []),
        ("language models -lec*", [2]),
        ("near", [3]),
        ('"(sell)"', [3]),
        ("ölçek CAFÉ", [4]),
        ("東京", [4]),
    ],
)
def test_free_text_finds_the_right_articles(
    db: sqlite3.Connection, text: str, expected: list[int]
) -> None:
    assert sorted(run(db, parse(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        '" "',
        '""',
        '"a""b"',
        'a"b',
        '"NEAR(a b)"',
        "NEAR(a b, 2)",
        "a AND b",
        "a NOT b",
        "(a OR b)",
        "a + b",
        "{title}: x",
        "title:x",
        "^a",
        "*a",
        "a*b*",
        '"a"*"b"*',
        "-a* b",
        "'single'",
        '\\"',
        "%_%",
        "a:b",
        ":",
        "::",
        "-:",
        "--a b",
        "émoji 🙂 test",
        "\u202egnp.exe",
        "\ud800 lone surrogate",
        "tab\tand\nnewline\u2028sep",
        pytest.param("x" * 5000, id="one-5000-letter-word"),
        pytest.param(" ".join(f"w{n}" for n in range(500)), id="500-words"),
        pytest.param("keep " + " ".join(f"-w{n}" for n in range(500)), id="500-left-out"),
        pytest.param(" OR ".join(f"w{n}" for n in range(500)), id="500-ORs"),
    ],
)
def test_hostile_text_is_an_error_or_a_valid_fts5_expression(
    db: sqlite3.Connection, text: str
) -> None:
    try:
        query = parse(text)
    except QueryError as error:
        assert_one_line(error)
        return
    run(db, query)
    if query.text:
        db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (query.text,))


# -- errors ----------------------------------------------------------------------------------


def assert_one_line(error: QueryError) -> None:
    message = str(error)
    assert message and message.strip() == message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("iz:unread", 'unknown filter "iz:unread" (try is:unread, is:read, is:bookmarked)'),
        ("is:unred", 'unknown filter "is:unred" (try is:unread, is:read, is:bookmarked)'),
        ("tga:ai", 'unknown filter "tga:ai" (did you mean "tag:ai"?)'),
        ("https://example.com", "to search for text with a colon, put it in quotes"),
        ("since:2026-13-01", 'since: "2026-13-01" is not a date (use YYYY-MM-DD, YYYY-MM, YYYY,'
         " or 7d/2w/3m/1y)"),
        ("until:2026-02-30", 'until: "2026-02-30" is not a date'),
        ("since:last-week", 'since: "last-week" is not a date'),
        ("since:0000", 'since: "0000" is not a date'),
        ("since:7x", 'since: "7x" is not a date'),
        ("since:-7d", 'since: "-7d" is not a date'),
        ("since:9999999d", 'since: "9999999d" is not a date'),
        ("since:999999y", 'since: "999999y" is too far back'),
        ("until:9999", 'until: "9999" is too far ahead'),
        ('"world models', 'unclosed quote in "world models'),
        ('lecun source:"Local Gazette', 'unclosed quote in source:"Local Gazette'),
        ('-"world', 'unclosed quote in -"world'),
        ("-lecun", "a search needs at least one word to look for"),
        ("-lecun -hinton is:unread", "a search needs at least one word to look for"),
        ("( -lecun", "a search needs at least one word to look for"),
        ("(((", 'nothing to search for in "((("'),
        ("is:unread -", 'nothing to search for in "-"'),
        ("*", "nothing to search for"),
        ('""', "nothing to search for"),
        ("OR", "OR needs a word before it"),
        ("OR lecun", "OR needs a word before it"),
        ("lecun OR", "OR needs a word after it"),
        ("lecun OR OR hinton", "OR needs a word after it"),
        ("lecun OR -hinton", 'OR cannot join a left-out word ("-hinton")'),
        ("is:unread OR lecun", 'OR joins words, not filters ("is:unread")'),
        ("lecun OR tag:ai", 'OR joins words, not filters ("tag:ai")'),
        ("is:read is:unread", '"is:unread" contradicts "is:read"'),
        ("is:bookmarked -is:starred", '"-is:starred" contradicts "is:bookmarked"'),
        ("tag:ai -tag:AI", '"-tag:AI" contradicts "tag:ai"'),
        ("tag:", '"tag:" needs a value after the colon, as in tag:ai'),
        ('tag:"  "', "needs a value after the colon"),
        ("is:", '"is:" needs a value after the colon, as in is:unread'),
        ("source: reuters", '"source:" needs a value after the colon'),
        ("sort:", '"sort:" needs a value after the colon'),
        ("sort:newest-first", 'unknown sort "sort:newest-first" (try sort:date, sort:oldest,'),
        ("sort:relevance", "sort:relevance needs words to search for"),
        ("sort:relevance is:unread", "sort:relevance needs words to search for"),
        ("-sort:title", '"-sort:title": a sort: filter cannot be negated'),
        ("-source:reuters", "a source: filter cannot be negated"),
        ("-since:7d", "a since: filter cannot be negated"),
        ("source:a source:b", 'two source: filters ("source:a" and "source:b"); keep one'),
        ("since:7d since:2d", 'two since: filters ("since:7d" and "since:2d"); keep one'),
        ("sort:title sort:date", "two sort: filters"),
        ("since:2026-02 until:2026-01", '"since:2026-02" is after "until:2026-01":'
         " nothing can match"),
        ("since:today until:yesterday", "nothing can match"),
    ],
)  # fmt: skip
def test_malformed_queries_say_what_is_wrong_on_one_line(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert message in str(caught.value)
    assert_one_line(caught.value)


def test_error_messages_stay_short_and_one_line() -> None:
    with pytest.raises(QueryError) as caught:
        parse('"' + "word\u2028\nword " * 100)
    assert_one_line(caught.value)
    assert len(str(caught.value)) < 80


def test_query_error_is_a_value_error() -> None:
    assert issubclass(QueryError, ValueError)


# -- sorting, labels -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [4, 1, 2, 3]),
        ("sort:date", [4, 1, 2, 3]),
        ("sort:NEWEST", [4, 1, 2, 3]),
        ("sort:oldest", [3, 2, 1, 4]),
        ("sort:title", [3, 2, 4, 1]),
        ("sort:source", [3, 2, 1, 4]),
        ("sort:length", [4, 2, 1, 3]),
        ("models sort:date", [1, 2]),
        ("models sort:oldest", [2, 1]),
    ],
)
def test_sorts_order_the_articles(db: sqlite3.Connection, text: str, expected: list[int]) -> None:
    assert run(db, parse(text)) == expected


def test_relevance_is_the_default_with_words_and_left_to_the_caller(
    db: sqlite3.Connection,
) -> None:
    query = parse("world")
    assert query.sort == "relevance" and order_by(query) == ""
    assert parse("world sort:relevance") == query
    assert sorted(run(db, query)) == [1, 4]
    assert parse("is:unread").sort == "date"


def test_order_by_always_ends_in_the_id_for_stable_pages() -> None:
    for sort in ("date", "oldest", "title", "source", "length"):
        assert order_by(Query(sort=sort)).split(", ")[-1] in ("a.id DESC", "a.id ASC")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("", "all articles"),
        ("sort:title", "by title"),
        ("-is:unread -is:bookmarked", "read · not bookmarked"),
        ('tag:ai -tag:crypto source:"Local Gazette" feed:hn', "tag:ai · -tag:crypto"
         " · source “Local Gazette” · feed “hn”"),
        ("since:2026-01 until:2026-02", "since 2026-01-01 · until 2026-02-28"),
        ("until:yesterday", "until 2026-03-14"),
        ('"world models" lec* OR hinton -crypto -"x y"',
         "“world models” (“lec”* OR “hinton”) -“crypto” -“x y”"),
        ('"say ""hi"" NOT (now)" sort:oldest', "“say” “hi” “NOT (now)” · oldest first"),
        ("lecun sort:date", "“lecun” · newest first"),
        ("lecun sort:length", "“lecun” · shortest first"),
    ],
)  # fmt: skip
def test_describe_gives_a_short_label(text: str, label: str) -> None:
    assert parse(text).describe() == label


def test_is_empty_only_for_the_default_query() -> None:
    assert parse("").is_empty() and parse("   ").is_empty() and Query().is_empty()
    assert not parse("sort:oldest").is_empty()
    assert not parse("is:unread").is_empty()
    assert not parse("lecun").is_empty()


def test_to_sql_of_the_empty_query_matches_everything(db: sqlite3.Connection) -> None:
    assert to_sql(Query()) == ("1", [])
    assert run(db, Query()) == [4, 1, 2, 3]


def test_naive_datetimes_in_a_hand_made_query_are_utc(db: sqlite3.Connection) -> None:
    query = Query(since=datetime(2026, 3, 14), until=datetime(2026, 3, 15))
    assert run(db, query) == [4]


# -- fuzz ------------------------------------------------------------------------------------

_FRAGMENTS = [
    *'aZé中-"*:()^+{}[]\\\'.,;%_ ',
    " ", " ", " ", "\x00", "\t", "\n", "\u200b", "\u202e", "\ud800", "🙂", "\u0301",
    "is:", "tag:", "source:", "feed:", "since:", "until:", "sort:", "iz:",
    "unread", "read", "starred", "OR", "OR", "AND", "NOT", "NEAR", "NEAR(", "-",
    "7d", "2w", "3m", "1y", "today", "2026", "2026-01", "2026-13-01", "title", "relevance",
    "lecun", "world", "models", '"', '"', "*", "--",
]  # fmt: skip
# Whole terms, so that the fuzz also reaches filters combined with each other and with words.
_TERMS = [
    "is:unread", "-is:read", "is:bookmarked", "-is:starred", "tag:ai", "-tag:AI", 'tag:"a b"',
    "source:%", 'source:"Local Gazette"', "feed:_", "since:7d", "since:2026-01", "until:2025",
    "until:yesterday", "sort:title", "sort:relevance", "sort:oldest", "lecun", "lec*",
    '"world models"', "-crypto", "OR", "hinton",
]  # fmt: skip


def _hostile(rng: random.Random) -> str:
    pieces = [
        rng.choice(_TERMS if rng.random() < 0.4 else _FRAGMENTS) for _ in range(rng.randint(0, 12))
    ]
    return "".join(piece + rng.choice(("", " ", " ")) for piece in pieces)


_CLAUSE = re.compile(
    r"1|a\.read = [01]|a\.bookmarked = [01]|a\.sort_ts (?:>= \?|< \?)"
    r"|a\.source LIKE \? ESCAPE '\\'"
    r"|a\.feed_id IN \(SELECT id FROM feeds WHERE title LIKE \? ESCAPE '\\'\)"
    r"|(?:NOT )?EXISTS \(SELECT 1 FROM tags t WHERE t\.article_id = a\.id AND t\.name = \?\)"
    r"|a\.id IN \(SELECT rowid FROM articles_fts WHERE articles_fts MATCH \?\)"
)


def test_random_hostile_strings_give_a_query_that_runs_or_a_query_error(
    db: sqlite3.Connection,
) -> None:
    rng = random.Random(20260315)
    outcomes = {"query": 0, "text": 0, "filtered text": 0, "error": 0}
    for _ in range(4000):
        text = _hostile(rng)
        try:
            query = parse(text)
        except QueryError as error:
            assert_one_line(error)
            outcomes["error"] += 1
            continue
        where, params = to_sql(query)
        # Only our own clauses, joined by AND: no user text became SQL.
        remainder = _CLAUSE.sub("", where).replace(" AND ", "")
        assert remainder == "", (text, where)
        assert where.count("?") == len(params)
        run(db, query)
        if query.text:
            db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (query.text,))
            outcomes["text"] += 1
            outcomes["filtered text"] += to_sql(query)[0].count(" AND ") > 0
        query.describe()
        outcomes["query"] += 1
    # The fuzz must reach both outcomes, and the FTS5 path often, to mean anything.
    assert min(outcomes.values()) > 300, outcomes


def test_the_list_keys_change_the_query_as_they_say() -> None:
    from reader.query.changes import next_sort, toggled, typed

    plain = parse_query("", today=TODAY)
    unread = toggled(plain, "unread")
    assert unread.unread is True and toggled(unread, "unread").unread is None
    assert [q.sort for q in [next_sort(plain), next_sort(next_sort(plain))]] == ["oldest", "title"]
    searching = parse_query("lecun sort:length", today=TODAY)
    assert next_sort(searching).sort == "relevance"
    kept = typed(toggled(unread, "bookmarked"), parse_query("lecun", today=TODAY))
    assert kept.unread and kept.bookmarked and kept.text
