"""The user's settings file: TOML, read with `tomllib`. No Textual import, nothing done at import.

Reading never fails: a missing file means the defaults, and every problem becomes a one-line
message naming the file and the line, while every valid setting is still used. Writing is limited
to creating the commented default file and changing the `theme` line, leaving the rest as it was.

The file's layout::

    theme = "nord"              # top-level settings
    mark_read_on_open = true
    reading_width = 88

    [layout]
    list_width = "30%"
    sidebar_width = "28%"

    [keys]
    "app.bookmark" = "ctrl+b"   # binding id -> key(s), applied with App.set_keymap
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import stat
import string
import tempfile
import tomllib
import unicodedata
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

CONFIG_ENV = "READER_CONFIG"
"""An environment variable naming the config file, instead of the platform's default."""
CONFIG_NAME = "config.toml"
READING_WIDTH_MIN = 40
READING_WIDTH_MAX = 200
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")

_TOP_LEVEL = ("theme", "mark_read_on_open", "reading_width")
_LAYOUT = ("list_width", "sidebar_width")
_TABLES = ("layout", "keys")

# Textual names a punctuation key after its Unicode name, with a few friendlier replacements
# (see textual.keys); this rebuilds those names without importing Textual.
_FRIENDLIER = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def _punctuation_key(character: str) -> str:
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _FRIENDLIER.get(name, name)


KEY_NAMES = frozenset(
    {
        "escape", "enter", "tab", "space", "backspace", "delete", "insert",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right",
        *(f"f{number}" for number in range(1, 25)),
        *(_punctuation_key(character) for character in string.punctuation),
    }
)  # fmt: skip
"""Key names longer than one character that a binding may use (besides single characters)."""

_PANE_WIDTH = re.compile(r"(\d+)(%|fr)?")


def _check_reading_width(value: int) -> int:
    if not READING_WIDTH_MIN <= value <= READING_WIDTH_MAX:
        raise ValueError(f"must be from {READING_WIDTH_MIN} to {READING_WIDTH_MAX} columns")
    return value


def _number_to_text(value: Any) -> Any:
    # `list_width = 40` is as natural to write as `list_width = "40"`.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_pane_width(value: str) -> str:
    value = value.strip()
    match = _PANE_WIDTH.fullmatch(value)
    if match is None:
        raise ValueError('must be columns ("40"), a percentage ("30%") or a share ("1fr")')
    number, unit = int(match[1]), match[2]
    if number < 1 or (unit == "%" and number > 100):
        raise ValueError("must be at least 1" + (" and at most 100%" if unit == "%" else ""))
    return value


def _check_theme(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value or not value.isprintable():
        raise ValueError("must name a theme; leave it out for Textual's default")
    return value


def key_problem(keys: str) -> str | None:
    """Why `keys` is not a Textual key list like `"j,down"` or `"ctrl+b"`; None if it is."""
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return f"{json.dumps(keys)} has an empty key; separate keys with single commas"
        if len(key) == 1:
            if not key.isprintable() or key.isspace():
                return f'{json.dumps(key)} is not a key; write "space", "tab", ...'
            continue
        *modifiers, base = key.split("+")
        for modifier in modifiers:
            if modifier not in MODIFIERS:
                return (
                    f"{json.dumps(key)} is not a key: {json.dumps(modifier)} is not a modifier "
                    f"({', '.join(MODIFIERS)})"
                )
        if len(set(modifiers)) != len(modifiers):
            return f"{json.dumps(key)} repeats a modifier"
        if not (len(base) == 1 and base.isprintable() and not base.isspace()) and (
            base not in KEY_NAMES
        ):
            close = difflib.get_close_matches(base, KEY_NAMES, n=1)
            hint = (
                f"did you mean {json.dumps(close[0])}?"
                if close
                else ('use a character or a name like "ctrl+b", "f5", "space", "pagedown"')
            )
            return f"{json.dumps(key)} is not a key ({hint})"
    return None


def _normalize_keys(keys: str) -> str:
    return ",".join(key.strip() for key in keys.split(","))


def _check_keys(keys: dict[str, str]) -> dict[str, str]:
    for binding_id, value in keys.items():
        if not binding_id:
            raise ValueError("a binding id is empty")
        if problem := key_problem(value):
            raise ValueError(problem)
    return {binding_id: _normalize_keys(value) for binding_id, value in keys.items()}


PaneWidth = Annotated[str, BeforeValidator(_number_to_text), AfterValidator(_check_pane_width)]


class Config(BaseModel):
    """The user's settings. Every field has a default, so `Config()` is the app out of the box."""

    model_config = ConfigDict(extra="forbid", strict=True)

    theme: Annotated[str | None, AfterValidator(_check_theme)] = None
    """A Textual theme name; None leaves Textual's default."""
    mark_read_on_open: bool = True
    """Opening an article marks it read."""
    reading_width: Annotated[int, AfterValidator(_check_reading_width)] = 88
    """The widest the article text gets, in columns (40 to 200)."""
    list_width: PaneWidth = "30%"
    """The article list's width as a Textual CSS scalar: "30%", "40" or "1fr"."""
    sidebar_width: PaneWidth = "28%"
    """The key-facts sidebar's width, as for `list_width`."""
    keys: Annotated[dict[str, str], AfterValidator(_check_keys)] = {}
    """Binding id -> key(s), e.g. {"list.down": "j,down"}, for `App.set_keymap`."""


class ConfigError(Exception):
    """A problem with the config file, as one line: `<path>, line N: <why>`."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        """The 1-based line the problem is on, where known."""
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else f"{self.path}"
        return _one_line(f"{where}: {self.reason}")


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file: `$READER_CONFIG`, else `config.toml` in the platform's config folder.

    The platform folder comes from platformdirs (`$XDG_CONFIG_HOME/reader` or
    `~/.config/reader` on Linux). Nothing is created.
    """
    env = os.environ if environ is None else environ
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False)) / CONFIG_NAME


# -- reading -----------------------------------------------------------------------------------


def load_config(path: Path, known_ids: Collection[str] | None = None) -> tuple[Config, list[str]]:
    """The settings in `path` and a one-line message for each problem. Never raises.

    A missing file gives the defaults and no messages. A file that cannot be read or is not
    valid TOML gives the defaults and one message. Otherwise each setting is checked on its own:
    the valid ones are used, and each invalid one is reported with its line and left at its
    default. With `known_ids`, a `[keys]` entry must name one of those binding ids.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        return Config(), [str(ConfigError(path, None, f"cannot read it ({_os_reason(error)})"))]
    try:
        text, document = _parse(path, raw)
    except ConfigError as error:
        return Config(), [f"{error}; using the default settings"]
    settings, problems = _read_document(document, known_ids)
    lines = _Scan(text).lines
    located = sorted(
        ((_line_of(lines, where), why) for where, why in problems),
        key=lambda item: item[0] or 0,
    )
    return Config(**settings), [str(ConfigError(path, line, why)) for line, why in located]


def _parse(path: Path, raw: bytes) -> tuple[str, dict[str, Any]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(path, raw[: error.start].count(b"\n") + 1, "not UTF-8 text") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, why = _decode_error(error, text)
        raise ConfigError(path, line, f"not valid TOML: {why}") from None
    except RecursionError:
        raise ConfigError(path, None, "not valid TOML: nested too deeply") from None


def _decode_error(error: tomllib.TOMLDecodeError, text: str) -> tuple[int | None, str]:
    # Python 3.14 has lineno/colno/msg; older versions only put them in the message.
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    why = getattr(error, "msg", None) or str(error)
    if line is None:
        match = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error))
        if match:
            why, line, column = match[1], int(match[2]), int(match[3])
        elif why.endswith(" (at end of document)"):
            why, line = why.removesuffix(" (at end of document)"), text.count("\n") + 1
    why = why[:1].lower() + why[1:]
    return line, f"{why} (column {column})" if column else why


Problem = tuple[tuple[str, ...], str]
"""Where in the document (its key path) and what is wrong."""


def _read_document(
    document: dict[str, Any], known_ids: Collection[str] | None
) -> tuple[dict[str, Any], list[Problem]]:
    settings: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in document.items():
        if name in _TOP_LEVEL:
            _take(settings, problems, (name,), name, value)
        elif name in _TABLES and not isinstance(value, dict):
            problems.append(((name,), f"{name} must be a table: a [{name}] line, then its keys"))
        elif name == "layout":
            for field, field_value in value.items():
                if field in _LAYOUT:
                    _take(settings, problems, (name, field), field, field_value)
                else:
                    problems.append(((name, field), _unknown((name, field), field_value)))
        elif name == "keys":
            keys = _read_keys(value, problems, known_ids)
            if keys:
                settings["keys"] = keys
        else:
            problems.append(((name,), _unknown((name,), value)))
    return settings, problems


def _take(
    settings: dict[str, Any],
    problems: list[Problem],
    where: tuple[str, ...],
    field: str,
    value: Any,
) -> None:
    try:
        checked = Config.model_validate({field: value})
    except ValidationError as error:
        reason = error.errors()[0]["msg"].removeprefix("Value error, ")
        reason = reason[:1].lower() + reason[1:]
        problems.append((where, f"{_dotted(where)} = {_show(value)}: {reason}"))
    else:
        settings[field] = getattr(checked, field)


def _read_keys(
    table: dict[str, Any], problems: list[Problem], known_ids: Collection[str] | None
) -> dict[str, str]:
    keys: dict[str, str] = {}
    for binding_id, where, value in _flatten(table, ("keys",)):
        shown = f"keys.{json.dumps(binding_id, ensure_ascii=False)} = {_show(value)}"
        if binding_id in _TOP_LEVEL or binding_id in _LAYOUT:
            problems.append((where, _unknown(where, value)))
        elif not binding_id:
            problems.append((where, f"{shown}: a binding id is empty"))
        elif known_ids is not None and binding_id not in known_ids:
            close = difflib.get_close_matches(binding_id, sorted(known_ids), n=1)
            hint = f" (did you mean {json.dumps(close[0])}?)" if close else ""
            problems.append((where, f"{shown}: unknown binding id{hint}"))
        elif not isinstance(value, str):
            problems.append((where, f'{shown}: must be a string of keys, e.g. "j,down"'))
        elif problem := key_problem(value):
            problems.append((where, f"{shown}: {problem}"))
        else:
            keys[binding_id] = _normalize_keys(value)
    return keys


def _flatten(
    table: dict[str, Any], prefix: tuple[str, ...]
) -> Iterator[tuple[str, tuple[str, ...], Any]]:
    """(binding id, key path, value) for each entry; an unquoted `app.quit = "q"` nests tables."""
    stack = [(prefix, table)]
    while stack:
        where, node = stack.pop(0)
        for name, value in node.items():
            if isinstance(value, dict):
                stack.append(((*where, name), value))
            else:
                yield ".".join((*where[len(prefix) :], name)), (*where, name), value


def _unknown(where: tuple[str, ...], value: Any) -> str:
    name = where[-1]
    if name in _TOP_LEVEL and len(where) > 1:
        return f"{name} belongs at the top of the file, not under [{where[0]}]"
    if name in _LAYOUT and where != ("layout", name):
        return f"{name} belongs under [layout]"
    choices = (*_TOP_LEVEL, *_TABLES) if len(where) == 1 else _LAYOUT
    close = difflib.get_close_matches(name, choices, n=1)
    hint = f" (did you mean {close[0]}?)" if close else f" (known: {', '.join(choices)})"
    kind = "table" if isinstance(value, dict) else "setting"
    return f"unknown {kind} {_dotted(where)}{hint}"


def _dotted(where: tuple[str, ...]) -> str:
    return ".".join(
        part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else json.dumps(part, ensure_ascii=False)
        for part in where
    )


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# -- where keys are: a light scan of the text, since tomllib gives no positions ----------------


def _outside_strings(line: str, wanted: str) -> int:
    """The index of the first `wanted` character outside a string, or -1."""
    quote = ""
    index = 0
    while index < len(line):
        character = line[index]
        if quote:
            if character == "\\" and quote == '"':
                index += 1
            elif character == quote:
                quote = ""
        elif character in "\"'":
            quote = character
        elif character == wanted:
            return index
        index += 1
    return -1


def _strip_comment(line: str) -> str:
    end = _outside_strings(line, "#")
    return line if end < 0 else line[:end]


def _key_path(key_text: str) -> tuple[str, ...] | None:
    """The path of a TOML key (`a."b.c"` -> ("a", "b.c")), parsed by tomllib itself."""
    try:
        node: Any = tomllib.loads(f"{key_text.strip()} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    path: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        name, node = next(iter(node.items()))
        path.append(name)
    return tuple(path) if path else None


def _table_header(code: str) -> tuple[str, ...] | None:
    code = code.strip()
    if code.startswith("[[") and code.endswith("]]"):
        return _key_path(code[2:-2])
    if code.startswith("[") and code.endswith("]"):
        return _key_path(code[1:-1])
    return None


class _Scan:
    """The 1-based line of each key path and table header, and of the first table header."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, ...], int] = {}
        self.first_table: int | None = None
        table: tuple[str, ...] = ()
        closing = ""  # the delimiter of a multi-line string being skipped
        for number, line in enumerate(text.split("\n"), 1):
            if closing:
                if line.count(closing) % 2:
                    closing = ""
                continue
            code = _strip_comment(line).strip()
            if not code:
                continue
            if code.startswith("["):
                header = _table_header(code)
                if header is not None:
                    table = header
                    for end in range(1, len(table) + 1):
                        self.lines.setdefault(table[:end], number)
                    self.first_table = self.first_table or number
                continue
            equals = _outside_strings(code, "=")
            path = _key_path(code[:equals]) if equals > 0 else None
            if path is None:
                continue
            for end in range(1, len(path) + 1):
                self.lines.setdefault(table + path[:end], number)
            value = code[equals + 1 :]
            closing = next((q for q in ('"""', "'''") if value.count(q) % 2), "")


def _line_of(lines: dict[tuple[str, ...], int], where: tuple[str, ...]) -> int | None:
    # A key inside an inline table (`layout = {list_width = 3}`) is on its table's line.
    while where:
        if where in lines:
            return lines[where]
        where = where[:-1]
    return None


# -- writing -----------------------------------------------------------------------------------


def _toml(value: Any) -> str:
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
    listed = [f"#   {binding_id:<{width}}  {_one_line(about)}".rstrip()
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
        raise ConfigError(path, None, f"cannot write it ({_os_reason(error)})") from None
    return True


def save_theme(path: Path, theme: str) -> None:
    """Set the top-level `theme` in `path`, leaving every other line of the file as it was.

    The `theme = ...` line is changed in place (keeping its comment); without one, a line is
    added after a commented-out `# theme = ...`, else before the first table, else at the end.
    A missing file is created with just that line. The file is replaced atomically, and only
    after the new text is checked to parse to the same settings with the new theme. Raises
    ConfigError (one line) if the file is not valid TOML or cannot be read or written.
    """
    if _check_theme(theme) != theme:
        raise ValueError(f"not a theme name: {theme!r}")
    target = path.resolve() if path.is_symlink() else path  # keep a symlinked dotfile a link
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        raw = None
    except OSError as error:
        raise ConfigError(path, None, f"cannot read it ({_os_reason(error)})") from None
    if raw is None:
        text = f"theme = {_toml(theme)}\n"
    else:
        try:
            old_text, before = _parse(path, raw)
        except ConfigError as error:
            raise ConfigError(path, error.line, f"{error.reason}; theme not saved") from None
        text = _with_theme(old_text, theme)
        expected = {**before, "theme": theme}
        try:
            unchanged = tomllib.loads(text) == expected
        except tomllib.TOMLDecodeError:
            unchanged = False
        if not unchanged:
            line = _Scan(old_text).lines.get(("theme",))
            raise ConfigError(path, line, "cannot change the theme line safely; theme not saved")
    try:
        _write_atomically(target, text)
    except OSError as error:
        raise ConfigError(path, None, f"cannot write it ({_os_reason(error)})") from None


def _with_theme(text: str, theme: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    scan = _Scan(text)
    assignment = f"theme = {_toml(theme)}"
    existing = scan.lines.get(("theme",))
    if existing is not None:
        index = existing - 1
        line = lines[index]
        ending = "\r" if line.endswith("\r") else ""
        line = line.removesuffix("\r")
        comment_at = _outside_strings(line, "#")
        code, comment = (line, "") if comment_at < 0 else (line[:comment_at], line[comment_at:])
        equals = _outside_strings(code, "=")
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
