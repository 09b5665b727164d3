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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.config.errors import ConfigError
    from reader.config.load import Problem, load_config
    from reader.config.model import (
        KEY_NAMES,
        MODIFIERS,
        READING_WIDTH_MAX,
        READING_WIDTH_MIN,
        Config,
        PaneWidth,
        key_problem,
    )
    from reader.config.paths import CONFIG_ENV, CONFIG_NAME, config_path
    from reader.config.write import default_config_text, init_config, save_theme

# Names load on first use: a command that only asks where the file is (and finds none) does
# not import pydantic for the settings model.
_HOMES = {
    "ConfigError": "errors",
    "Problem": "load",
    "load_config": "load",
    "KEY_NAMES": "model",
    "MODIFIERS": "model",
    "READING_WIDTH_MAX": "model",
    "READING_WIDTH_MIN": "model",
    "Config": "model",
    "PaneWidth": "model",
    "key_problem": "model",
    "CONFIG_ENV": "paths",
    "CONFIG_NAME": "paths",
    "config_path": "paths",
    "default_config_text": "write",
    "init_config": "write",
    "save_theme": "write",
}
__all__ = [
    "CONFIG_ENV", "CONFIG_NAME", "KEY_NAMES", "MODIFIERS", "READING_WIDTH_MAX",
    "READING_WIDTH_MIN", "Config", "ConfigError", "PaneWidth", "Problem", "config_path",
    "default_config_text", "init_config", "key_problem", "load_config", "save_theme",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f"reader.config.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'reader.config' has no attribute {name!r}")
