"""Where reader keeps its data and finds its bundled articles. Nothing is created here."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "READER_DATA_DIR"
APP_NAME = "reader"


def data_dir(flag: str | None = None, environ: dict[str, str] | None = None) -> Path:
    """The data folder: `--data-dir` wins, then `READER_DATA_DIR`, then the platform's default."""
    env = os.environ if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def seeds_dir() -> Path:
    """The bundled articles: inside the package when installed, beside it in a source tree."""
    package = Path(__file__).resolve().parent
    installed = package / "seeds"
    if installed.is_dir():
        return installed
    return package.parent / "seeds"
