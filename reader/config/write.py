"""Writing the config file: the commented default file, and saving the theme in place."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reader.config.errors import ConfigError, one_line, os_reason
from reader.config.load import parse_toml
from reader.config.model import READING_WIDTH_MAX, READING_WIDTH_MIN, Config, check_theme
from reader.config.scan import Scan, outside_strings


def _toml(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    return str(value)


def default_config_text(binding_ids: Mapping[str, str] | None = None) -> str:
    """A commented config file: every setting with its default, all commented out.

    `binding_ids` maps each binding id to what it does, for the `[keys]` table's list.
    """
    defaults = Config()
    ids = dict(binding_ids or {})
    examples = [(i, k) for i, k in (("app.bookmark", "ctrl+b"), ("list.down", "j,down"))
                if not ids or i in ids] or [(next(iter(ids)), "ctrl+b")]  # fmt: skip
    width = max((len(binding_id) for binding_id in ids), default=0)
    listed = [f"#   {binding_id:<{width}}  {one_line(about)}".rstrip()
              for binding_id, about in ids.items()]  # fmt: skip
    lines = [
        "# reader settings. Every setting is commented out, so its default (shown) applies:",
        "# remove the leading '# ' to change one. A mistake is reported when reader starts,",
        "# and that setting keeps its default.",
        "",
        '# Colour theme: any Textual theme name ("textual-dark", "textual-light", "nord",',
        '# "gruvbox", "dracula", ...). Left out, Textual\'s default is used. Choosing a theme',
        "# from the command palette (ctrl+p) saves it here.",
        '# theme = "textual-dark"',
        "",
        "# Opening an article marks it read.",
        f"# mark_read_on_open = {_toml(defaults.mark_read_on_open)}",
        "",
        f"# The widest the article text gets, in columns ({READING_WIDTH_MIN} to "
        f"{READING_WIDTH_MAX}).",
        f"# reading_width = {_toml(defaults.reading_width)}",
        "",
        "# Sync accounts (`reader account add`): in the background when the app starts, and",
        "# every N minutes while it runs (0: only when you press r). Never blocks a key.",
        f"# sync_on_start = {_toml(defaults.sync_on_start)}",
        f"# sync_every_minutes = {_toml(defaults.sync_every_minutes)}",
        "",
        "# The program e plays a podcast or video with: an argument list (never a shell",
        "# command line); the file's address is added at the end. Empty: the browser opens it.",
        '# For example ["mpv", "--no-video"] or ["vlc", "--play-and-exit"].',
        f"# player = {_toml(defaults.player)}",
        "",
        '# Pictures in articles: "auto" (the best the terminal draws), "blocks" (half-block',
        '# characters only) or "off" (a one-line placeholder with the alt text; nothing is',
        "# fetched). I switches them for the open article.",
        f"# images = {_toml(defaults.images)}",
        "",
        "[layout]",
        '# Pane widths: columns ("40"), a percentage of the window ("30%") or a share of the',
        '# room left ("1fr").',
        f"# list_width = {_toml(defaults.list_width)}",
        f"# sidebar_width = {_toml(defaults.sidebar_width)}",
        "",
        "[keys]",
        "# Change the key of any binding by its id: one key, or several separated by commas.",
        '# A key is a character ("b", "B", "?") or a name ("space", "enter", "tab", "f5",',
        '# "pagedown", "up"), with modifiers if wanted ("ctrl+b", "shift+tab", "alt+j").',
        *(["# The binding ids:", *listed] if listed else []),
        "# For example:",
        *(f"# {json.dumps(i, ensure_ascii=False)} = {json.dumps(k)}" for i, k in examples),
    ]
    return "\n".join(lines) + "\n"


def init_config(path: Path, binding_ids: Mapping[str, str] | None = None) -> bool:
    """Write the commented default file to `path`, creating its folders; never overwrite.

    Returns False if the file already existed. Raises ConfigError if it cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(default_config_text(binding_ids))
    except FileExistsError:
        return False
    except OSError as error:
        raise ConfigError(path, None, f"cannot write it ({os_reason(error)})") from None
    return True


def save_theme(path: Path, theme: str) -> None:
    """Set the top-level `theme` in `path`, leaving every other line of the file as it was.

    The `theme = ...` line is changed in place (keeping its comment); without one, a line is
    added after a commented-out `# theme = ...`, else before the first table, else at the end.
    A missing file is created with just that line. The file is replaced atomically, and only
    after the new text is checked to parse to the same settings with the new theme. Raises
    ConfigError (one line) if the file is not valid TOML or cannot be read or written.
    """
    if check_theme(theme) != theme:
        raise ValueError(f"not a theme name: {theme!r}")
    target = path.resolve() if path.is_symlink() else path  # keep a symlinked dotfile a link
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        raw = None
    except OSError as error:
        raise ConfigError(path, None, f"cannot read it ({os_reason(error)})") from None
    if raw is None:
        text = f"theme = {_toml(theme)}\n"
    else:
        try:
            old_text, before = parse_toml(path, raw)
        except ConfigError as error:
            raise ConfigError(path, error.line, f"{error.reason}; theme not saved") from None
        text = _with_theme(old_text, theme)
        expected = {**before, "theme": theme}
        try:
            unchanged = tomllib.loads(text) == expected
        except tomllib.TOMLDecodeError:
            unchanged = False
        if not unchanged:
            line = Scan(old_text).lines.get(("theme",))
            raise ConfigError(path, line, "cannot change the theme line safely; theme not saved")
    try:
        _write_atomically(target, text)
    except OSError as error:
        raise ConfigError(path, None, f"cannot write it ({os_reason(error)})") from None


def _with_theme(text: str, theme: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    scan = Scan(text)
    assignment = f"theme = {_toml(theme)}"
    existing = scan.lines.get(("theme",))
    if existing is not None:
        index = existing - 1
        line = lines[index]
        ending = "\r" if line.endswith("\r") else ""
        line = line.removesuffix("\r")
        comment_at = outside_strings(line, "#")
        code, comment = (line, "") if comment_at < 0 else (line[:comment_at], line[comment_at:])
        equals = outside_strings(code, "=")
        value = code[equals + 1 :]
        gap = value[len(value.rstrip()) :] if comment else ""
        lead = value[: len(value) - len(value.lstrip())] or " "
        lines[index] = f"{code[: equals + 1]}{lead}{_toml(theme)}{gap}{comment}{ending}"
        return "\n".join(lines)
    top = len(lines) if scan.first_table is None else scan.first_table - 1
    ending = "\r" if newline == "\r\n" else ""
    for index in range(top):
        if re.match(r"\s*#\s*theme\s*=", lines[index]):
            lines.insert(index + 1, assignment + ending)
            return "\n".join(lines)
    if scan.first_table is None:
        separator = "" if not text or text.endswith("\n") else newline
        return f"{text}{separator}{assignment}{newline}"
    index = top
    # Comments right above the first table describe it: keep them with it.
    while index > 0 and lines[index - 1].lstrip().startswith("#"):
        index -= 1
    lines[index:index] = [assignment + ending, ending]
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
