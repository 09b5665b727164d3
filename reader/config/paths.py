"""Where the config file is: `$READER_CONFIG`, else the platform's config folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

CONFIG_ENV = "READER_CONFIG"
"""An environment variable naming the config file, instead of the platform's default."""
CONFIG_NAME = "config.toml"


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
