"""Reading the config file: every valid setting used, every problem a message with its line."""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reader.config.errors import ConfigError, os_reason
from reader.config.model import Config, key_problem, normalize_keys
from reader.config.scan import Scan, line_of

_TOP_LEVEL = (
    "theme", "mark_read_on_open", "reading_width", "sync_on_start", "sync_every_minutes",
    "player", "images",
)
_LAYOUT = ("list_width", "sidebar_width")
_TABLES = ("layout", "keys")


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
        return Config(), [str(ConfigError(path, None, f"cannot read it ({os_reason(error)})"))]
    try:
        text, document = parse_toml(path, raw)
    except ConfigError as error:
        return Config(), [f"{error}; using the default settings"]
    settings, problems = _read_document(document, known_ids)
    lines = Scan(text).lines
    located = sorted(
        ((line_of(lines, where), why) for where, why in problems),
        key=lambda item: item[0] or 0,
    )
    return Config(**settings), [str(ConfigError(path, line, why)) for line, why in located]


def parse_toml(path: Path, raw: bytes) -> tuple[str, dict[str, Any]]:
    """The file's text and its TOML document; ConfigError with the line if either fails."""
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
            keys[binding_id] = normalize_keys(value)
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
