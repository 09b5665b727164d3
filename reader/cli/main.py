"""The `reader` command: the app with no subcommand, and subcommands for scripts.

Every failure the user can cause ends in one line on stderr and a non-zero exit, never a
traceback. Textual is imported only when the app starts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.cli.errors import EXIT_ERROR, CLIError
from reader.cli.parser import build_parser
from reader.paths import data_dir

if TYPE_CHECKING:
    from reader.store import Store


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except CLIError as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `reader list | head`): not an error.
        sys.stderr.close()
        return 0


def run(args: argparse.Namespace) -> int:
    if args.command == "config":
        # The config file is not in the store: don't create a data folder to print a path.
        from reader.cli.config import config

        return config(args)
    if args.command is not None:
        warn_about_config()
    if args.command == "search":
        # Most searches need neither the models nor a migration: see quick_search.
        from reader.cli.quick_search import search_quickly

        done = search_quickly(args)
        if done is not None:
            return done
    from reader.cli.lookup import open_store
    from reader.store import StoreError

    store = open_store(data_dir(getattr(args, "data_dir", None)))
    try:
        if args.command is None:
            return run_app(store)
        return COMMANDS[args.command](store, args)
    except StoreError as error:
        raise CLIError(str(error)) from None
    finally:
        store.close()


def warn_about_config() -> None:
    """A config file with problems is named on stderr, one line each; the command goes on
    with the defaults for whatever was wrong. (The app shows the same lines as notices, and
    also checks the key bindings, which would mean importing Textual here.)"""
    from reader.config.paths import config_path

    path = config_path()
    if not path.exists():
        return  # nothing to say, and the settings model need not be imported
    from reader.config.load import load_config

    for message in load_config(path)[1]:
        print(f"reader: {message}", file=sys.stderr)


def run_app(store: Store) -> int:
    """Start the app with the user's config; a bad config is reported in the app, not fatal."""
    from reader.app.app import ReaderApp
    from reader.app.bindings import binding_descriptions
    from reader.config import config_path, load_config

    path = config_path()
    config, messages = load_config(path, known_ids=binding_descriptions().keys())
    ReaderApp(
        store, config=config, config_path=path, config_messages=messages, freeze_gc=True
    ).run()
    return 0


Command = Callable[["Store", argparse.Namespace], int]


def _lazy(module: str, name: str) -> Command:
    """A subcommand whose module is imported only when it runs (keeps `reader list` fast)."""

    def run(store: Store, args: argparse.Namespace) -> int:
        from importlib import import_module

        command: Command = getattr(import_module(f"reader.cli.{module}"), name)
        return command(store, args)

    return run


COMMANDS: dict[str, Command] = {
    "add": _lazy("articles", "cmd_add"),
    "list": _lazy("articles", "cmd_list"),
    "show": _lazy("articles", "cmd_show"),
    "mark": _lazy("articles", "cmd_mark"),
    "bookmark": _lazy("articles", "cmd_bookmark"),
    "search": _lazy("search", "search"),
    "tag": _lazy("tags", "tag"),
    "export": _lazy("export", "export"),
    "feed": _lazy("feeds", "feed"),
    "refresh": _lazy("feeds", "refresh"),
    "fulltext": _lazy("feeds", "fulltext"),
    "account": _lazy("sync", "account"),
    "sync": _lazy("sync", "sync"),
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
