"""The TOML config file: reading with one-line problems, the default file, saving the theme."""

from __future__ import annotations

import os
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from reader.config import (
    CONFIG_ENV,
    Config,
    ConfigError,
    config_path,
    default_config_text,
    init_config,
    key_problem,
    load_config,
    save_theme,
)

FIXTURES = Path(__file__).parent / "fixtures" / "config"
BINDINGS = {
    "app.quit": "Quit",
    "app.bookmark": "Bookmark",
    "list.down": "Down",
    "list.up": "Up",
}
KNOWN = frozenset(BINDINGS)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- reading ------------------------------------------------------------------------------------


def test_missing_file_gives_defaults_and_no_messages(tmp_path: Path) -> None:
    assert load_config(tmp_path / "nowhere" / "config.toml") == (Config(), [])


def test_good_file() -> None:
    config, messages = load_config(FIXTURES / "good.toml", known_ids=KNOWN)
    assert messages == []
    assert config == Config(
        theme="nord",
        mark_read_on_open=False,
        reading_width=100,
        list_width="40",
        sidebar_width="1fr",
        keys={"app.bookmark": "ctrl+b", "list.down": "j,down", "app.quit": "ctrl+q"},
    )


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")) == (Config(), [])


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        pytest.param("reading_width = 90\n\ntheme = nord\n", 3, "not valid TOML", id="bad-syntax"),
        pytest.param("# x\nmark_read_on_open = \"yes\"\n", 2, "valid boolean", id="wrong-type"),
        pytest.param("reading_width = \"wide\"\n", 1, "valid integer", id="wrong-type-int"),
        pytest.param("\n\nthem = \"nord\"\n", 3, "unknown setting them (did you mean theme?)",
                     id="unknown-key"),
        pytest.param("[layout]\nlist_wdth = \"40\"\n", 2, "unknown setting layout.list_wdth",
                     id="unknown-layout-key"),
        pytest.param("[colours]\n", 1, "unknown table colours", id="unknown-table"),
        pytest.param("# x\n[colours.dark]\n", 2, "unknown table colours", id="unknown-subtable"),
        pytest.param("reading_width = 20\n", 1, "must be from 40 to 200", id="width-low"),
        pytest.param("reading_width = 201\n", 1, "must be from 40 to 200", id="width-high"),
        pytest.param("[layout]\nsidebar_width = \"30 %\"\n", 2, 'a percentage ("30%")',
                     id="pane-width-syntax"),
        pytest.param("[layout]\nlist_width = \"120%\"\n", 2, "at most 100%", id="pane-width-%"),
        pytest.param("layout = { list_width = \"auto\" }\n", 1, "layout.list_width",
                     id="pane-width-inline-table"),
        pytest.param("[keys]\n\"app.bokmark\" = \"ctrl+b\"\n", 2,
                     'unknown binding id (did you mean "app.bookmark"?)', id="unknown-binding"),
        pytest.param("[keys]\n\"app.quit\" = \"ctlr+q\"\n", 2, '"ctlr" is not a modifier',
                     id="bad-modifier"),
        pytest.param("[keys]\nlist.down = \"j,spcae\"\n", 2, 'did you mean "space"?',
                     id="bad-key-name"),
        pytest.param("[keys]\n\"list.down\" = \"j,,down\"\n", 2, "empty key", id="empty-key"),
        pytest.param("[keys]\n\"list.down\" = [\"j\"]\n", 2, "must be a string", id="key-not-text"),
        pytest.param("keys = 3\n", 1, "keys must be a table", id="keys-not-table"),
        pytest.param("[keys]\ntheme = \"nord\"\n", 2, "theme belongs at the top of the file",
                     id="theme-under-a-table"),
        pytest.param("list_width = \"40\"\n", 1, "list_width belongs under [layout]",
                     id="layout-key-at-top"),
    ],
)  # fmt: skip
def test_each_problem_is_one_line_naming_the_path_and_line(
    tmp_path: Path, text: str, line: int, why: str
) -> None:
    path = write(tmp_path, text)
    config, messages = load_config(path, known_ids=KNOWN)
    assert config == Config()
    assert len(messages) == 1
    message = messages[0]
    assert message.startswith(f"{path.name}, line {line}: "), message
    assert why in message
    assert "\n" not in message


def test_bad_toml_means_all_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\nreading_width = 100\n[layout\n')
    config, messages = load_config(path)
    assert config == Config()
    assert messages == [
        f"{path.name}, line 3: not valid TOML: expected ']' at the end of a table declaration "
        "(column 8); using the default settings"
    ]


def test_problems_keep_every_valid_setting(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "nord"\n'
        "reading_width = 10\n"
        "mark_read_on_open = false\n"
        "[layout]\n"
        'list_width = "wide"\n'
        "sidebar_width = 30\n"
        "[keys]\n"
        '"app.bookmark" = "ctrl+b"\n'
        '"app.nothing" = "x"\n'
        '"list.down" = "ctrl+"\n',
    )
    config, messages = load_config(path, known_ids=KNOWN)
    assert config == Config(
        theme="nord",
        mark_read_on_open=False,
        sidebar_width="30",
        keys={"app.bookmark": "ctrl+b"},
    )
    assert [message.split(":")[0] for message in messages] == [
        f"{path.name}, line 2",
        f"{path.name}, line 5",
        f"{path.name}, line 9",
        f"{path.name}, line 10",
    ]


def test_binding_ids_are_not_checked_without_known_ids(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"anything.at_all" = "f5"\n')
    assert load_config(path) == (Config(keys={"anything.at_all": "f5"}), [])


def test_an_empty_binding_id_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"" = "x"\n"list.up" = "k"\n')
    config, messages = load_config(path)
    assert config == Config(keys={"list.up": "k"})
    assert messages == [f'{path.name}, line 2: keys."" = "x": a binding id is empty']


def test_unreadable_file_gives_defaults_and_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    config, messages = load_config(folder)
    assert config == Config()
    assert len(messages) == 1 and messages[0].startswith(f"{folder.name}: cannot read it")


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'reading_width = 90\ntheme = "caf\xe9"\n')
    config, messages = load_config(path)
    assert config == Config()
    assert messages == [f"{path.name}, line 2: not UTF-8 text; using the default settings"]


def test_control_characters_in_a_message_are_escaped(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "a\\nb\\u001b[31m"\n')
    _, messages = load_config(path)
    assert len(messages) == 1
    assert messages[0].isprintable()


# -- the model ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", ["40", "30%", "100%", "1fr", "3fr", 40, " 40 "])
def test_pane_widths_accepted(width: str | int) -> None:
    assert Config(list_width=width).list_width == str(width).strip()


@pytest.mark.parametrize("width", ["0", "0%", "101%", "1.5fr", "30 %", "auto", "-3", "", True])
def test_pane_widths_refused(width: str | bool) -> None:
    with pytest.raises(ValidationError):
        Config(sidebar_width=width)


def test_the_model_is_strict_and_closed() -> None:
    with pytest.raises(ValidationError):
        Config(reading_width="90")
    with pytest.raises(ValidationError):
        Config(reading_width=39)
    with pytest.raises(ValidationError):
        Config(colour="red")
    with pytest.raises(ValidationError):
        Config(theme="")
    assert Config(keys={"list.down": " j , down "}).keys == {"list.down": "j,down"}


@pytest.mark.parametrize(
    "keys",
    ["j", "B", "?", "ctrl+b", "shift+tab", "f5", "f24", "space", "j,down", "question_mark",
     "ctrl+shift+left", "alt+j", "ctrl+@", "pagedown", "enter,ctrl+m", "é"],
)  # fmt: skip
def test_keys_accepted(keys: str) -> None:
    assert key_problem(keys) is None


@pytest.mark.parametrize(
    "keys", ["", "j,,k", ",", "ctlr+b", "spcae", "ctrl+ctrl+b", " ", "ctrl+", "f25", "\t"]
)
def test_keys_refused(keys: str) -> None:
    assert key_problem(keys)


def test_key_names_for_punctuation_are_textuals_own() -> None:
    from textual.binding import Binding, BindingsMap

    for character in string.punctuation.replace(",", ""):
        (name,) = BindingsMap([Binding(character, "noop")]).key_to_bindings
        assert key_problem(name) is None, name


def test_config_error_is_one_line() -> None:
    error = ConfigError(Path("/x/config.toml"), 7, "bad\nvalue")
    assert str(error) == "config.toml, line 7: bad\\nvalue"
    assert str(ConfigError(Path("/x/config.toml"), None, "gone")) == "config.toml: gone"


# -- the default file ---------------------------------------------------------------------------


def test_init_writes_a_file_that_loads_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "config.toml"
    assert init_config(path, BINDINGS) is True
    assert load_config(path, known_ids=KNOWN) == (Config(), [])
    text = path.read_text(encoding="utf-8")
    for binding_id, description in BINDINGS.items():
        assert binding_id in text and description in text


def test_init_never_overwrites(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\n')
    assert init_config(path, BINDINGS) is False
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


def test_default_text_documents_every_setting_with_its_default() -> None:
    text = default_config_text(BINDINGS)
    # Uncommenting every `# name = value` line must give a valid file of the defaults.
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and " = " in line and not line.startswith("#  ") else line
        for line in text.splitlines()
    )
    document = tomllib.loads(uncommented)
    assert set(document) == {
        "theme", "mark_read_on_open", "reading_width", "sync_on_start", "sync_every_minutes",
        "player", "images", "layout", "keys",
    }
    assert document["player"] == [] and document["images"] == "auto"
    assert document["sync_every_minutes"] == 0 and document["sync_on_start"] is False
    assert set(document["layout"]) == {"list_width", "sidebar_width"}
    defaults = Config()
    assert document["mark_read_on_open"] == defaults.mark_read_on_open
    assert document["reading_width"] == defaults.reading_width
    assert document["layout"]["list_width"] == defaults.list_width
    assert document["layout"]["sidebar_width"] == defaults.sidebar_width
    assert set(document["keys"]) <= KNOWN and document["keys"]


def test_player_is_an_argument_list(tmp_path: Path) -> None:
    path = write(tmp_path, 'player = ["mpv", "--no-video"]\nimages = "blocks"\n')
    assert load_config(path) == (Config(player=["mpv", "--no-video"], images="blocks"), [])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('player = "mpv --no-video"', "must be an argument list, not a shell command line"),
        ('player = ["", "x"]', "must start with the player program's name or path"),
        ('player = ["mpv", "a\\nb"]', "an argument has a control character or a line break"),
        ("player = [1, 2]", "player"),
        ('images = "sixel"', "images"),
    ],
)
def test_a_bad_player_or_images_setting_is_one_line_and_the_default(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = write(tmp_path, f"reading_width = 100\n{line}\n")
    config, problems = load_config(path)
    assert config == Config(reading_width=100)
    assert len(problems) == 1 and reason in problems[0] and "line 2" in problems[0]
    assert "\n" not in problems[0]


def test_default_text_without_bindings_is_still_valid() -> None:
    assert tomllib.loads(default_config_text()) == {"layout": {}, "keys": {}}


# -- saving the theme ---------------------------------------------------------------------------


def test_save_theme_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'
    assert load_config(path) == (Config(theme="nord"), [])


def test_save_theme_adds_a_line_before_the_first_table(tmp_path: Path) -> None:
    before = '# mine\nreading_width = 100\n\n[layout]\nlist_width = "40"\n'
    path = write(tmp_path, before)
    save_theme(path, "gruvbox")
    assert path.read_text(encoding="utf-8") == before.replace("\n[", '\ntheme = "gruvbox"\n\n[')
    assert load_config(path) == (Config(theme="gruvbox", reading_width=100, list_width="40"), [])


def test_save_theme_appends_to_a_file_without_tables(tmp_path: Path) -> None:
    path = write(tmp_path, "reading_width = 100")
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == 'reading_width = 100\ntheme = "nord"\n'


def test_save_theme_changes_only_the_theme_line(tmp_path: Path) -> None:
    before = (
        "# My settings.\n"
        "theme = 'dracula'   # dark, # for evenings\n"
        "reading_width = 100 # wide\n"
        "\n"
        "[keys]\n"
        '"app.bookmark" = "ctrl+b"  # like the browser\n'
    )
    path = write(tmp_path, before)
    save_theme(path, "textual-light")
    after = path.read_text(encoding="utf-8").split("\n")
    expected = before.split("\n")
    expected[1] = 'theme = "textual-light"   # dark, # for evenings'
    assert after == expected
    config, messages = load_config(path)
    assert messages == [] and config.theme == "textual-light" and config.reading_width == 100


def test_save_theme_in_the_default_file_goes_beside_its_example(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    init_config(path, BINDINGS)
    before = path.read_text(encoding="utf-8").splitlines()
    save_theme(path, "nord")
    save_theme(path, "dracula")
    after = path.read_text(encoding="utf-8").splitlines()
    example = before.index('# theme = "textual-dark"')
    assert after == [*before[: example + 1], 'theme = "dracula"', *before[example + 1 :]]
    assert load_config(path, known_ids=KNOWN) == (Config(theme="dracula"), [])


def test_save_theme_keeps_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"reading_width = 100\r\n\r\n[keys]\r\n")
    save_theme(path, "nord")
    assert path.read_bytes() == b'reading_width = 100\r\n\r\ntheme = "nord"\r\n\r\n[keys]\r\n'


def test_save_theme_refuses_a_file_that_is_not_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "theme = \nnope\n")
    with pytest.raises(ConfigError) as raised:
        save_theme(path, "nord")
    assert str(raised.value).startswith(f"{path.name}, line 1: not valid TOML")
    assert path.read_text(encoding="utf-8") == "theme = \nnope\n"


def test_save_theme_writes_through_a_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    real = write(tmp_path, "reading_width = 100\n")
    real.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    save_theme(link, "nord")
    assert link.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8")) == {
        "reading_width": 100,
        "theme": "nord",
    }
    assert real.stat().st_mode & 0o777 == 0o600
    assert {p.name for p in tmp_path.iterdir()} == {"config.toml", "link.toml"}  # no temp file


# -- where the file is --------------------------------------------------------------------------


def test_config_path_honours_reader_config(tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere.toml"
    assert config_path({CONFIG_ENV: str(chosen)}) == chosen
    assert config_path({CONFIG_ENV: "~/r.toml"}) == Path.home() / "r.toml"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is the Linux layout")
def test_config_path_honours_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path({}) == tmp_path / "xdg" / "reader" / "config.toml"
    assert config_path({CONFIG_ENV: ""}) == tmp_path / "xdg" / "reader" / "config.toml"
    assert not (tmp_path / "xdg").exists()


def test_the_config_module_does_not_import_textual() -> None:
    code = "import sys, reader.config; sys.exit('textual' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0


def test_every_key_help_lists_can_be_rebound(tmp_path: Path) -> None:
    # The search bar's and the dialogs' keys are in the one binding table too.
    from reader.app.bindings import binding_descriptions

    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"search.escape" = "ctrl+g"\n"confirm.yes" = "j"\n')
    config, messages = load_config(path, known_ids=binding_descriptions().keys())
    assert messages == [] and config.keys["search.escape"] == "ctrl+g"
