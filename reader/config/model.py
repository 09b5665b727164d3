"""The settings themselves: `Config`, with the checks on each value and on key bindings."""

from __future__ import annotations

import difflib
import json
import re
import string
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

READING_WIDTH_MIN = 40
READING_WIDTH_MAX = 200
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")

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


def check_theme(value: str | None) -> str | None:
    """The theme name trimmed; ValueError if it is blank or unprintable."""
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


def normalize_keys(keys: str) -> str:
    """A key list with the spaces around its commas removed: "j, down" -> "j,down"."""
    return ",".join(key.strip() for key in keys.split(","))


def _check_keys(keys: dict[str, str]) -> dict[str, str]:
    for binding_id, value in keys.items():
        if not binding_id:
            raise ValueError("a binding id is empty")
        if problem := key_problem(value):
            raise ValueError(problem)
    return {binding_id: normalize_keys(value) for binding_id, value in keys.items()}


PaneWidth = Annotated[str, BeforeValidator(_number_to_text), AfterValidator(_check_pane_width)]


SYNC_MINUTES_MAX = 24 * 60


def _check_sync_minutes(minutes: int) -> int:
    if not 0 <= minutes <= SYNC_MINUTES_MAX:
        raise ValueError(f"must be from 0 (never) to {SYNC_MINUTES_MAX} minutes")
    return minutes


PLAYER_ARGUMENTS_MAX = 32


def _player_is_a_list(value: Any) -> Any:
    if isinstance(value, str):
        raise ValueError(
            'must be an argument list, not a shell command line: e.g. ["mpv", "--no-video"]'
        )
    return value


def _check_player(arguments: list[str]) -> list[str]:
    if len(arguments) > PLAYER_ARGUMENTS_MAX:
        raise ValueError(f"has more than {PLAYER_ARGUMENTS_MAX} arguments")
    if arguments and not arguments[0].strip():
        raise ValueError("must start with the player program's name or path")
    for argument in arguments:
        if not argument.isprintable():
            raise ValueError("an argument has a control character or a line break")
    return arguments


ImagesMode = Literal["auto", "blocks", "off"]


class Config(BaseModel):
    """The user's settings. Every field has a default, so `Config()` is the app out of the box."""

    model_config = ConfigDict(extra="forbid", strict=True)

    theme: Annotated[str | None, AfterValidator(check_theme)] = None
    """A Textual theme name; None leaves Textual's default."""
    mark_read_on_open: bool = True
    """Opening an article marks it read."""
    reading_width: Annotated[int, AfterValidator(_check_reading_width)] = 88
    """The widest the article text gets, in columns (40 to 200)."""
    list_width: PaneWidth = "30%"
    """The article list's width as a Textual CSS scalar: "30%", "40" or "1fr"."""
    sidebar_width: PaneWidth = "28%"
    """The key-facts sidebar's width, as for `list_width`."""
    sync_on_start: bool = False
    """Sync the accounts (`reader account add`) in the background when the app starts."""
    sync_every_minutes: Annotated[int, AfterValidator(_check_sync_minutes)] = 0
    """Sync the accounts in the background this often while the app runs; 0: only on `r`."""
    player: Annotated[
        list[str], BeforeValidator(_player_is_a_list), AfterValidator(_check_player)
    ] = []
    """The program `e` plays a podcast or video with, as an argument list (the file's address
    is added at the end), e.g. ["mpv", "--no-video"]; empty: the browser opens it."""
    images: ImagesMode = "auto"
    """Pictures in articles: "auto" (the best the terminal draws), "blocks" (half-block
    characters only) or "off" (a one-line placeholder with the alt text; nothing fetched)."""
    keys: Annotated[dict[str, str], AfterValidator(_check_keys)] = {}
    """Binding id -> key(s), e.g. {"list.down": "j,down"}, for `App.set_keymap`."""
