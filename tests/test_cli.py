"""The command line: every subcommand, its JSON, and its errors (one line, exit != 0)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli.main import main

SEED_TITLE = (
    "Yann LeCun raises $1B+ for AMI, a startup building AI world models that reject the LLM"
    " paradigm"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def listing(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> list[dict]:
    code, out, _ = run(capsys, data, "list", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"


def test_a_new_store_lists_the_bundled_articles(capsys, data: Path) -> None:
    items = listing(capsys, data)
    assert [item["title"] for item in items][0] == SEED_TITLE
    assert len(items) == 2
    for item in items:
        assert {"id", "title", "source", "read", "bookmarked", "reading_minutes"} <= item.keys()
        assert item["read"] is False and item["bookmarked"] is False


def test_list_prints_one_line_per_article(capsys, data: Path) -> None:
    code, out, _ = run(capsys, data, "list")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2 and SEED_TITLE in lines[0] and "●" in lines[0]


def test_show_json_carries_sections_insight_and_state(capsys, data: Path) -> None:
    seed = listing(capsys, data)[0]["id"]
    code, out, _ = run(capsys, data, "show", str(seed), "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["title"] == SEED_TITLE and shown["title_origin"] == "summary"
    assert [s["title"] for s in shown["sections"]][:2] == ["Quick Summary", "What Happened"]
    assert len(shown["sections"]) == 10
    assert shown["sections"][0]["blocks"][0]["kind"] == "bullets"
    faq = shown["sections"][-1]["blocks"]
    assert [block["kind"] for block in faq] == ["qa", "qa", "qa"]
    assert faq[2]["question"] == "Who is funding AMI?"
    for key in ("summary", "facts", "takeaways", "flags", "read", "bookmarked", "repairs"):
        assert key in shown
    assert shown["read"] is False


def test_show_prints_the_article_as_text(capsys, data: Path) -> None:
    seed = listing(capsys, data)[0]["id"]
    code, out, _ = run(capsys, data, "show", str(seed))
    assert code == 0
    assert out.startswith(SEED_TITLE)
    assert "§ 10  Frequently Asked Questions" in out
    assert "  Q: Who is funding AMI?" in out
    assert "โ" not in out


def test_mark_and_bookmark_change_state(capsys, data: Path) -> None:
    seed = str(listing(capsys, data)[0]["id"])
    assert run(capsys, data, "mark", seed, "--read")[0] == 0
    assert run(capsys, data, "bookmark", seed)[0] == 0
    item = listing(capsys, data)[0]
    assert item["read"] and item["bookmarked"]
    assert listing(capsys, data, "--unread")[0]["id"] != item["id"]
    assert [i["id"] for i in listing(capsys, data, "--bookmarked")] == [item["id"]]
    assert run(capsys, data, "mark", seed, "--unread")[0] == 0
    assert run(capsys, data, "bookmark", seed, "--off")[0] == 0
    item = listing(capsys, data)[0]
    assert not item["read"] and not item["bookmarked"]


def test_add_files_and_folders_without_duplicates(capsys, data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text("First headline\n\nThe first story's only paragraph.\n")
    (folder / "nested" / "two.txt").write_text("Second headline\n\nAnother story, told here.\n")
    code, out, _ = run(capsys, data, "add", str(folder))
    assert code == 0 and "added 2" in out
    titles = [item["title"] for item in listing(capsys, data)]
    assert "First headline" in titles and "Second headline" in titles
    first = next(i for i in listing(capsys, data) if i["title"] == "First headline")["id"]
    run(capsys, data, "bookmark", str(first))
    code, out, _ = run(capsys, data, "add", str(folder / "one.txt"))
    assert code == 0 and "added 0, updated 1" in out
    items = listing(capsys, data)
    assert len(items) == 4
    assert next(i for i in items if i["id"] == first)["bookmarked"]


def test_add_reports_bad_files_and_still_adds_the_rest(capsys, data: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nA story.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, data, "add", str(good), str(empty), str(tmp_path / "missing"))
    assert code == 1
    assert "added 1" in out
    assert len(err.strip().splitlines()) == 2
    assert "empty.txt" in err and "missing" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["show", "999"], "no article with id 999"),
        (["mark", "999", "--read"], "no article with id 999"),
        (["bookmark", "999"], "no article with id 999"),
    ],
)
def test_unknown_ids_give_one_line_and_exit_1(capsys, data: Path, args, message) -> None:
    code, out, err = run(capsys, data, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_data_dir_that_cannot_be_created_is_one_line(capsys, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, blocker / "data", "list")
    assert code == 1
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_a_corrupt_store_is_moved_aside_with_one_line(capsys, data: Path) -> None:
    data.mkdir()
    (data / "reader.sqlite3").write_bytes(b"garbage" * 1000)
    code, out, err = run(capsys, data, "list")
    assert code == 0 and "moved to" in err and err.count("\n") == 1
    assert len(out.strip().splitlines()) == 2  # a new store, with the bundled articles
    assert list(data.glob("reader.sqlite3.corrupt-*"))


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
        timeout=60,
    )


def test_the_environment_variable_sets_the_data_dir_and_the_flag_wins(tmp_path: Path) -> None:
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "from-env")}
    assert cli("list", env=env).returncode == 0
    assert (tmp_path / "from-env" / "reader.sqlite3").exists()
    assert cli("--data-dir", str(tmp_path / "from-flag"), "list", env=env).returncode == 0
    assert (tmp_path / "from-flag" / "reader.sqlite3").exists()


def test_usage_errors_exit_2_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path)}
    for args in (["mark", "1"], ["show", "not-a-number"], ["frobnicate"]):
        result = cli(*args, env=env)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "usage:" in result.stderr


# -- a newcomer's first commands (issue 11) --------------------------------------------------


def test_random_bytes_named_txt_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    import random

    for bom in (b"", b"\xff\xfe"):
        noise = tmp_path / "binary.txt"
        noise.write_bytes(bom + random.Random(50_000).randbytes(50_000))
        code, out, err = run(capsys, data, "add", str(noise))
        assert code == 1
        assert err.strip().splitlines() == ["reader: binary.txt: not a text file (binary data)"]
    assert len(listing(capsys, data)) == 2  # the bundled articles only


def test_a_broken_config_is_named_on_stderr_and_the_command_runs(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "a-folder-with-a-long-name" / "config.toml"
    config.parent.mkdir()
    config.write_text('theme = "nord"\n[keys\n')
    monkeypatch.setenv("READER_CONFIG", str(config))
    code, out, err = run(capsys, data, "list")
    assert code == 0 and SEED_TITLE in out
    assert err.splitlines() == [
        "reader: config.toml, line 2: not valid TOML: expected ']' at the end of a table "
        "declaration (column 6); using the default settings"
    ]
    # The whole path is one command away, and only there.
    assert str(config.parent) not in err
    code, out, err = run(capsys, data, "config", "--path")
    assert out.strip() == str(config)


def test_search_accepts_filters_alone(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    seed_id = next(a["id"] for a in listing(capsys, data) if a["title"] == SEED_TITLE)
    run(capsys, data, "bookmark", str(seed_id))
    code, out, err = run(capsys, data, "search", "is:bookmarked")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{seed_id:>6}  {SEED_TITLE}  [bundled with reader]"
    ]
    code, out, _ = run(capsys, data, "search", "is:unread", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_export_accepts_md(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, markdown, _ = run(capsys, data, "export", "--format", "markdown", "is:unread")
    assert code == 0
    code, md, _ = run(capsys, data, "export", "--format", "md", "is:unread")
    assert code == 0 and md == markdown and SEED_TITLE in md


def test_tag_output_ends_with_a_newline(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, _ = run(capsys, data, "tag", "1", "ai")
    assert code == 0 and out == "1: ai\n"
    code, out, _ = run(capsys, data, "tag", "1")
    assert code == 0 and out == "1: ai\n"
