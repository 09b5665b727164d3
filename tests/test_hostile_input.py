"""Hostile input never hurts: nothing lost, nothing injected.

Every file of the hostile corpus (`tests/hostile.py`) goes through `reader add`: it is imported
correctly or refused in one line naming it, the exit status says whether anything failed, the
rest of a batch still goes in, and nothing takes long. What was imported then goes through the
CLI's printing commands and the app: no escape, control or bidi character reaches the terminal,
and Rich/Textual markup is shown as the text it is.

A known bug is pinned by a test marked `xfail(strict=True)` whose reason says what is wrong.
Time limits here are guards against hangs and blowups, not performance targets.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import traceback
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.app.app import ReaderApp
from reader.cli.lookup import open_store
from reader.cli.main import main
from reader.models import Article
from reader.query import Query
from reader.sources.library import add_targets
from reader.store import Store
from tests.apphelpers import make_app, settle, toast_texts, wait_for
from tests.hostile import (
    ESCAPES,
    MARKUP,
    PASSWD,
    SECRET,
    Hostile,
    billion_laughs,
    body_words,
    corpus,
    external_entities,
    hostile_names,
    json_feed,
    long_line,
    many_sections,
    opml,
    plain_article,
    rss,
    rss_item,
    unsafe_characters,
    unsafe_or_invisible,
)

SIZE = (120, 40)
# Slow to import on purpose; each is covered on its own, so batches and the app tour skip them.
HEAVY = frozenset({"long-line.txt", "sections.md", "table.html"})
# One of each kind of hostile article for the app tour (opening one takes about a second);
# test_markup_in_a_section_heading_is_shown_literally looks at headings more closely.
TOUR = frozenset(
    {
        "markup.txt",
        "markup.md",
        "markup.html",
        "markup-feed.xml",
        "escapes.md",
        "escapes.html",
        "bidi-zero-width.txt",
        "lone-surrogates.txt",
        "long-word.txt",
        "mixed-encodings.txt",
    }
)
ADDED = re.compile(r"^added (\d+), updated (\d+), failed (\d+)$")

CASES = corpus(Path(__file__).resolve().with_name("no-such-secret.txt"))
"""The corpus as collected (names and expectations); fixtures rebuild it around a real secret."""


def case_params(cases: list[Hostile], bug: str = "") -> list[object]:
    params = []
    for case in cases:
        reason = getattr(case, bug) if bug else ""
        xfail = pytest.mark.xfail(strict=True, reason=reason, raises=AssertionError)
        marks = [xfail] if reason else []
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


# -- running the CLI in-process --------------------------------------------------------------


@dataclass
class Run:
    """One `reader` command: exit status and what it printed."""

    code: int | None
    out: str
    err: str
    raised: str = ""
    """The traceback, if `main` let an exception escape (it never should)."""

    def check_clean_exit(self, what: str) -> None:
        assert not self.raised, f"{what} raised:\n{self.raised}"
        assert "Traceback" not in self.err, f"{what} printed a traceback:\n{self.err}"


def reader(*args: str, data_dir: Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code: int | None = None
    raised = ""
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([*args, "--data-dir", str(data_dir)])
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code if isinstance(exit_.code, int) else 2
        except Exception:  # noqa: BLE001 - recorded, and the test fails on it
            raised = traceback.format_exc()
    return Run(code, out.getvalue(), err.getvalue(), raised)


def counts(run: Run) -> tuple[int, int, int]:
    match = ADDED.match(run.out.strip())
    assert match, f"unexpected summary: {run.out!r}"
    added, updated, failed = (int(group) for group in match.groups())
    return added, updated, failed


def json_strings(value: object) -> Iterator[str]:
    """Every string in decoded JSON, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def assert_json_safe(text: str, what: str) -> object:
    decoded = json.loads(text)
    for string in json_strings(decoded):
        assert not unsafe_or_invisible(string), (
            f"{what}: a JSON string holds {unsafe_or_invisible(string)!r}: {string[:120]!r}"
        )
    return decoded


def shown_text(article: Article) -> str:
    """Everything of an article that is shown anywhere: title, names, sections, blocks, links."""
    parts = [article.title, article.source, article.author or "", article.link or ""]
    for section in article.sections:
        parts.append(section.title)
        parts.extend(block.plain() for block in section.blocks)
    parts.extend(f"{link.url} {link.text}" for link in article.links)
    return "\n".join(parts)


def stored_articles(data_dir: Path) -> list[tuple[int, Article]]:
    store = open_store(data_dir)
    try:
        items = store.page(Query(), 0, store.count(Query()))
        found = [store.get(item.id) for item in items]
        return [(stored.id, stored.article) for stored in found if stored is not None]
    finally:
        store.close()


# -- the corpus through `reader add`, one file at a time ------------------------------------


@dataclass
class Library:
    """Every hostile file added one at a time to one store, with each `reader add` run."""

    data: Path
    files: dict[str, Path]
    runs: dict[str, Run]
    articles: dict[str, list[Article]]
    """The stored articles of each file, by the file's location."""


def write_corpus(folder: Path, secret: Path) -> dict[str, Path]:
    folder.mkdir(parents=True)
    files = {}
    for case in corpus(secret):
        files[case.name] = folder / case.name
        files[case.name].write_bytes(case.data)
    return files


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("hostile")
    secret = root / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    files = write_corpus(root / "files", secret)
    data = root / "data"
    reader("list", data_dir=data)  # creates and seeds the store, outside any file's timing
    runs = {name: reader("add", str(path), data_dir=data) for name, path in files.items()}
    by_location: dict[str, list[Article]] = {}
    for _, article in stored_articles(data):
        by_location.setdefault(article.location, []).append(article)
    articles = {name: by_location.get(str(path.absolute()), []) for name, path in files.items()}
    return Library(data, files, runs, articles)


@pytest.mark.parametrize("case", case_params(CASES, "outcome_bug"))
def test_add_imports_or_refuses_in_one_line(library: Library, case: Hostile) -> None:
    run = library.runs[case.name]
    run.check_clean_exit(f"reader add {case.name}")
    added, updated, failed = counts(run)
    assert run.code == (1 if failed else 0), "the exit status must say whether anything failed"
    if failed:
        assert case.expect in ("refuse", "either"), f"refused: {run.err!r}"
        assert (added, updated, failed) == (0, 0, 1)
        assert run.err.endswith("\n") and run.err.count("\n") == 1, f"not one line: {run.err!r}"
        assert run.err.startswith("reader: ") and case.name in run.err, run.err
        assert case.reason in run.err, f"reason should mention {case.reason!r}: {run.err!r}"
        assert not library.articles[case.name], "a refused file left articles behind"
    else:
        assert case.expect in ("import", "either"), f"imported, but should be refused: {run.out!r}"
        assert run.err == ""
        assert added + updated >= 1
        assert len(library.articles[case.name]) == added + updated


@pytest.mark.parametrize(
    "case", case_params([case for case in CASES if case.expect != "refuse"], "content_bug")
)
def test_an_import_keeps_the_text_and_drops_the_attack(library: Library, case: Hostile) -> None:
    articles = library.articles[case.name]
    if case.expect == "either" and not articles:
        return  # refused, which the test above checked
    assert articles, f"{case.name} was not imported"
    shown = "\n".join(shown_text(article) for article in articles)
    for kept in case.keep:
        assert kept in shown, f"{kept!r} was lost (or not shown literally)"
    for dropped in (*case.never, SECRET, PASSWD, "\x1b"):
        assert dropped not in shown, f"{dropped!r} got into the article"
    assert not unsafe_or_invisible(shown), f"unsafe characters: {unsafe_or_invisible(shown)!r}"
    for article in articles:
        assert "\n" not in article.title
        assert SECRET not in article.model_dump_json(exclude={"original"})
    if case.min_sections:
        assert max(len(article.sections) for article in articles) >= case.min_sections


def test_a_batch_imports_the_rest_and_names_each_failure(library: Library, tmp_path: Path) -> None:
    names = [case.name for case in CASES if case.name not in HEAVY]
    run = reader("add", *(str(library.files[name]) for name in names), data_dir=tmp_path)
    run.check_clean_exit("reader add (the whole batch)")
    refused = [name for name in names if library.runs[name].code != 0]
    imported = [name for name in names if library.runs[name].code == 0]
    added, updated, failed = counts(run)
    assert failed == len(refused) and run.code == 1
    lines = run.err.splitlines()
    assert len(lines) == len(refused), run.err
    for name in refused:
        assert sum(name in line for line in lines) >= 1, f"no line names {name}"
    expected = sum(len(library.articles[name]) for name in imported)
    assert added + updated == expected
    locations = {article.location for _, article in stored_articles(tmp_path)}
    for name in imported:
        assert str(library.files[name].absolute()) in locations, f"{name} was not imported"


# -- what the CLI prints ---------------------------------------------------------------------


def test_list_prints_no_escapes(library: Library) -> None:
    for args in (["list"], ["list", "--unread"], ["list", "bold"]):
        run = reader(*args, data_dir=library.data)
        run.check_clean_exit(" ".join(args))
        assert run.code == 0
        assert not unsafe_characters(run.out), f"{args}: {unsafe_characters(run.out)!r}"
    assert "[bold]bold[/]" in reader("list", data_dir=library.data).out


def test_list_json_is_valid_and_safe(library: Library) -> None:
    run = reader("list", "--json", data_dir=library.data)
    run.check_clean_exit("list --json")
    assert run.code == 0 and not unsafe_characters(run.out)
    items = assert_json_safe(run.out, "list --json")
    assert isinstance(items, list) and len(items) >= len(stored_articles(library.data))


def test_show_prints_no_escapes_in_text_or_json(library: Library) -> None:
    heavy = {str(library.files[name].absolute()) for name in HEAVY}
    for article_id, article in stored_articles(library.data):
        # The heavy articles print only as JSON here: analysing them is most of the cost.
        if article.location not in heavy:
            text = reader("show", str(article_id), data_dir=library.data)
            text.check_clean_exit(f"show {article_id}")
            assert text.code == 0 and text.out
            unsafe = unsafe_characters(text.out)
            assert not unsafe, f"show {article_id}: {unsafe!r}"
            assert SECRET not in text.out and PASSWD not in text.out
        as_json = reader("show", str(article_id), "--json", data_dir=library.data)
        as_json.check_clean_exit(f"show {article_id} --json")
        assert as_json.code == 0 and not unsafe_characters(as_json.out)
        shown = assert_json_safe(as_json.out, f"show {article_id} --json")
        assert isinstance(shown, dict) and shown["id"] == article_id
        assert "original" not in shown


@pytest.mark.parametrize("words", [["bold"], ["click"], ["red"], ["council"], ["Café"]])
def test_search_prints_no_escapes(library: Library, words: list[str]) -> None:
    for extra in ([], ["--json"]):
        run = reader("search", *words, *extra, data_dir=library.data)
        run.check_clean_exit(f"search {words} {extra}")
        assert run.code == 0 and not unsafe_characters(run.out)
        if extra:
            assert_json_safe(run.out, "search --json")
        else:
            assert run.out, f"nothing found for {words}"


def test_export_prints_no_escapes(library: Library) -> None:
    for extra in ([], ["--format", "json"]):
        run = reader("export", "sort:date", *extra, data_dir=library.data)
        run.check_clean_exit(f"export {extra}")
        assert run.code == 0 and not unsafe_characters(run.out)
        if extra:
            assert_json_safe(run.out, "export --format json")


# -- hostile file names and links (known bugs) -----------------------------------------------


def test_a_refusal_names_a_hostile_file_in_one_safe_line(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    refused = [name for name, _, expect in hostile_names() if expect == "refuse"]
    for name, data, _ in hostile_names():
        (folder / name).write_bytes(data)
    run = reader("add", *(str(folder / name) for name in refused), data_dir=tmp_path / "data")
    run.check_clean_exit("reader add (badly named files)")
    assert counts(run)[2] == len(refused)
    assert len(run.err.splitlines()) == len(refused), f"not one line each: {run.err!r}"
    assert not unsafe_characters(run.err), f"stderr holds {unsafe_characters(run.err)!r}"


def test_json_of_an_article_from_a_hostile_file_name_is_safe(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    imported = [(name, data) for name, data, expect in hostile_names() if expect == "import"]
    for name, data in imported:
        (folder / name).write_bytes(data)
    data_dir = tmp_path / "data"
    run = reader("add", *(str(folder / name) for name, _ in imported), data_dir=data_dir)
    assert run.code == 0, run.err
    assert_json_safe(reader("list", "--json", data_dir=data_dir).out, "list --json")
    for article_id, _ in stored_articles(data_dir):
        assert_json_safe(reader("show", str(article_id), "--json", data_dir=data_dir).out, "show")


def test_show_json_of_a_front_matter_link_with_escapes_is_safe(tmp_path: Path) -> None:
    page = tmp_path / "linked.md"
    page.write_text(
        f"---\ntitle: Linked\nlink: https://e.com/\x1b]0;pwned\x07[/]\n---\n\n{body_words()}\n"
    )
    run = reader("add", str(page), data_dir=tmp_path / "data")
    assert run.code == 0, run.err
    newest = max(article_id for article_id, _ in stored_articles(tmp_path / "data"))
    shown = reader("show", str(newest), "--json", data_dir=tmp_path / "data")
    assert_json_safe(shown.out, "show --json")


# -- OPML through `reader feed import` -------------------------------------------------------


def hostile_opml(secret: Path) -> dict[str, bytes]:
    outline = '<outline type="rss" text="x" xmlUrl="https://feed.example/rss"/>'
    return {
        "laughs.opml": opml(outline, doctype=billion_laughs().replace("rss", "opml")),
        "xxe.opml": opml(
            '<outline type="rss" text="&secret;" xmlUrl="https://feed.example/&passwd;"/>',
            doctype=external_entities(secret).replace("rss", "opml"),
        ),
        "external-dtd.opml": opml(outline, doctype=f'<!DOCTYPE opml SYSTEM "{secret.as_uri()}">'),
        "not-xml.opml": b"<opml><body><outline xmlUrl='https://e.com/rss'",
        "binary.opml": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    }


@pytest.mark.parametrize(
    "name", ["laughs.opml", "xxe.opml", "external-dtd.opml", "not-xml.opml", "binary.opml"]
)
def test_feed_import_refuses_a_hostile_opml_in_one_line(tmp_path: Path, name: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path = tmp_path / name
    path.write_bytes(hostile_opml(secret)[name])
    run = reader("feed", "import", str(path), data_dir=tmp_path / "data")
    run.check_clean_exit(f"feed import {name}")
    assert run.code == 1 and run.out == ""
    assert run.err.count("\n") == 1 and name in run.err, run.err
    assert SECRET not in run.err and PASSWD not in run.err
    listed = reader("feed", "list", "--json", data_dir=tmp_path / "data")
    assert json.loads(listed.out) == []


def test_feed_import_refuses_unsafe_outlines_and_shows_the_rest_safely(tmp_path: Path) -> None:
    outlines = "".join(
        f'<outline type="rss" text="{text}" xmlUrl="{url}"/>'
        for text, url in [
            ("Script", "javascript:alert(1)"),
            ("Command", "exec:rm -rf ~"),
            ("Data", "data:text/html,&lt;script&gt;"),
            ("No host", "https://"),
            ("Spaces", "https://e.com/a b"),
            ("Bidi &#x202e;evil&#x202c; and C1 &#x9b;31m title", "https://feed.example/escape"),
            ("[bold]Markup[/] [@click=app.quit]q[/]", "https://feed.example/markup"),
        ]
    )
    path = tmp_path / "subs.opml"
    path.write_bytes(opml(outlines))
    data_dir = tmp_path / "data"
    run = reader("feed", "import", str(path), data_dir=data_dir)
    run.check_clean_exit("feed import subs.opml")
    assert run.code == 1
    assert len(run.err.splitlines()) == 5, run.err
    assert not unsafe_characters(run.err) and not unsafe_characters(run.out)
    listed = reader("feed", "list", data_dir=data_dir)
    assert not unsafe_characters(listed.out)
    assert "[bold]Markup[/]" in listed.out and "Bidi evil" in listed.out
    feeds = assert_json_safe(reader("feed", "list", "--json", data_dir=data_dir).out, "feeds")
    assert sorted(feed["url"] for feed in feeds) == [
        "https://feed.example/escape",
        "https://feed.example/markup",
    ]


# -- the app ---------------------------------------------------------------------------------


def screen_text(app: ReaderApp) -> str:
    """The text of every cell on the current screen, as the compositor would draw it."""
    # The compositor's strips are exactly what goes to the terminal, minus styles.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_screen_safe(app: ReaderApp, where: str) -> str:
    text = screen_text(app)
    assert not unsafe_characters(text), f"{where}: the screen holds {unsafe_characters(text)!r}"
    return text


def hostile_store(data_dir: Path, paths: list[Path]) -> list[int]:
    """A store holding just the articles of `paths` (no bundled ones: the app starts sooner)."""
    store = Store.in_dir(data_dir)
    try:
        report = add_targets(store, paths)
    finally:
        store.close()
    assert not report.errors, report.errors
    return report.added


def make_hostile_app(data_dir: Path, **options: object) -> ReaderApp:
    app = make_app(store=Store.in_dir(data_dir), **options)
    # On a crash Textual renders a Rich traceback with syntax and locals (~10 s here) before
    # exiting; run_test re-raises the exception itself, which is all a test needs.
    app._fatal_error = app._close_messages_no_wait  # type: ignore[method-assign]
    return app


@pytest.fixture(scope="module")
def app_library(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of every hostile file the app tour opens."""
    data = tmp_path_factory.mktemp("app") / "data"
    hostile_store(data, [library.files[name] for name in sorted(TOUR)])
    return data


def copy_of(data: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    return copy


async def test_every_hostile_article_opens_and_shows_nothing_raw(
    app_library: Path, tmp_path: Path
) -> None:
    app = make_hostile_app(copy_of(app_library, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        literal_markup = 0
        for row in range(app.article_list.total):
            item = app.article_list.item_at(row)
            assert item is not None
            app.article_list.focus()
            app.article_list.move_to(row)
            await pilot.pause()
            await pilot.press("enter", "right_square_bracket", "left_square_bracket")
            await settle(pilot)
            assert app.open_id == item.id
            text = assert_screen_safe(app, f"article {item.title!r}")
            if "[bold]" in item.title:
                assert "[bold]bold[/]" in text, f"markup not shown literally: {item.title!r}"
                literal_markup += 1
        assert literal_markup >= 2  # the plain-text and the feed articles with markup titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert_screen_safe(app, "help")
        await pilot.press("escape")
    assert app.return_code in (None, 0)


@pytest.mark.parametrize(
    "name",
    [
        "long-line.txt",
        "sections.md",
    ],
)
async def test_a_huge_article_opens_and_moves(tmp_path: Path, name: str) -> None:
    # How long it takes is measured in benchmarks/ (a slow machine must not turn this red).
    path = tmp_path / name
    path.write_bytes(long_line() if name == "long-line.txt" else many_sections())
    added = hostile_store(tmp_path / "data", [path])
    app = make_hostile_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.open_id == added[0]
        for key in ("enter", "right_square_bracket", "right_square_bracket", "end"):
            await pilot.press(key)
            await settle(pilot)
        if name == "sections.md":
            assert app.reader.current_section > 0
        assert_screen_safe(app, name)


def heading_article(tmp_path: Path) -> Path:
    path = tmp_path / "headings.md"
    path.write_text(
        "# Headings with markup\n\n"
        f"{body_words()}\n\n## [/] stray close\n\n{body_words()}\n\n"
        f"## [@click=app.quit]Quit[/] and [link=file:///etc/passwd]x[/link]\n\n{body_words()}\n"
    )
    return path


async def test_markup_in_a_section_heading_is_shown_literally(tmp_path: Path) -> None:
    hostile_store(tmp_path / "data", [heading_article(tmp_path)])
    app = make_hostile_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
        text = assert_screen_safe(app, "headings")
        assert "[@click=app.quit]Quit[/]" in text


@pytest.mark.parametrize("typed", ['source:"[/]"', "sort:[/]"])
async def test_a_query_with_markup_is_shown_literally(tmp_path: Path, typed: str) -> None:
    app = make_hostile_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *typed)
        await settle(pilot)
        await wait_for(pilot, lambda: "[/]" in screen_text(app), "the query shown literally")


async def test_copying_a_link_with_brackets_shows_it_literally(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(rss_item("Linked entry", body_words(), "https://feed.example/a[/]b")))
    hostile_store(tmp_path / "data", [feed])
    app = make_hostile_app(tmp_path / "data")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: toast_texts(app), "the notice of the copied link")
        assert any("a[/]b" in text for text in toast_texts(app)), toast_texts(app)


async def test_a_feed_title_with_markup_in_the_refresh_status(tmp_path: Path) -> None:
    from reader.app.widgets.refresh_status import RefreshStatus
    from reader.models import Feed
    from reader.sources.refresh import FeedOutcome

    app = make_hostile_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        status = app.screen.query_one(RefreshStatus)
        status.start(2)
        feed = Feed(id=1, url="https://feed.example/rss", title="[/] [bold]Feed[/]")
        status.advance(FeedOutcome(feed, "ok", added=1))
        await pilot.pause()
        assert "[bold]Feed[/]" in screen_text(app)


async def test_config_problems_are_shown_literally(tmp_path: Path) -> None:
    from reader.app.bindings import binding_descriptions
    from reader.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"app.quit" = "[/]"\n')
    config, messages = load_config(path, known_ids=binding_descriptions().keys())
    assert messages
    app = make_hostile_app(tmp_path / "data", config=config, config_messages=messages)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: toast_texts(app), "the config notice")
        # The toast's own text, before the terminal wraps it: no path length or terminal
        # size can split the phrase.
        (text,) = toast_texts(app)
        assert text.startswith("Config\nconfig.toml, line 2: ") and '"[/]" is not a key' in text
        assert str(tmp_path) not in text


# -- snapshots -------------------------------------------------------------------------------


def snapshot_library(tmp_path: Path) -> Path:
    """A store of a few articles with hostile titles and bodies."""
    files = tmp_path / "files"
    files.mkdir()
    articles = {
        "a-escapes.txt": plain_article(
            f"Escapes {ESCAPES}removed from this title",
            "Colour \x1b[31mred\x1b[0m, a window title \x1b]0;pwned\x07, a clipboard write "
            "\x1b]52;c;cGF5bG9hZA==\x07 and a \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;"
            "\x1b\\ are gone; the words stay.",
        ),
        "b-bidi.txt": plain_article(
            "Bidi \u202eoverride\u202c and zero\u200bwidth removed",
            f"{body_words(30)} \u2066isolated\u2069 text \u200dstays in order.",
        ),
        "c-markup.txt": plain_article(
            f"Markup {MARKUP}",
            f"{body_words(30)} {MARKUP}",
            "- a bullet with [bold]markup[/]\n- [@click=app.quit]not a link[/]",
            "Code stays text: `[red]x[/red]` and \\[escaped\\].",
        ),
        "d-feed.json": json_feed(
            [
                {
                    "id": "1",
                    "title": "[/] A feed entry [red]titled[/] with markup",
                    "content_text": f"{body_words(30)} [link=file:///etc/passwd]x[/link]",
                    "url": "https://feed.example/1",
                }
            ],
            title="[bold]Feed[/]",
        ).decode(),
        "e-long.txt": plain_article(
            "A title that is one very long word: " + "Supercalifragilistic" * 12,
            body_words(30),
        ),
    }
    for name, text in articles.items():
        (files / name).write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    hostile_store(data, sorted(files.iterdir()))
    return data


def test_snapshot_a_hostile_article_in_the_reader(snap_compare, tmp_path: Path) -> None:
    app = make_hostile_app(snapshot_library(tmp_path))

    async def open_markup_article(pilot: Pilot) -> None:
        await pilot.pause()
        row = next(
            row
            for row in range(app.article_list.total)
            if app.article_list.item_at(row).title.startswith("Markup")
        )
        app.article_list.move_to(row)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, run_before=open_markup_article, terminal_size=SIZE)


def test_snapshot_the_list_of_hostile_titles(snap_compare, tmp_path: Path) -> None:
    app = make_hostile_app(snapshot_library(tmp_path))

    async def open_escapes_article(pilot: Pilot) -> None:
        await pilot.pause()
        row = next(
            row
            for row in range(app.article_list.total)
            if app.article_list.item_at(row).title.startswith("Escapes")
        )
        app.article_list.move_to(row)
        await pilot.pause()

    assert snap_compare(app, run_before=open_escapes_article, terminal_size=SIZE)


def test_a_document_that_parses_too_long_is_skipped_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.ingest.deadline as deadline
    from reader.ingest import IngestError
    from reader.ingest.document import parse_document

    monkeypatch.setattr(deadline, "PARSE_SECONDS", 0.01)
    page = "".join(f"<p>Paragraph {n} about the council budget.</p>" for n in range(20_000))
    with pytest.raises(IngestError, match=r"slow\.html: took over 0\.01 s to read") as raised:
        parse_document(f"<html><body>{page}</body></html>".encode(), name="slow.html",
                       location="/tmp/slow.html")
    assert "\n" not in str(raised.value)
    # The alarm is put back: the next document parses as usual.
    monkeypatch.setattr(deadline, "PARSE_SECONDS", 60.0)
    quick = parse_document(b"A title\n\nSome text of an article.", name="quick.txt",
                           location="/tmp/quick.txt")
    assert quick.articles
