"""`reader config`: where the config file is, or a new one with every setting explained."""

from __future__ import annotations

import argparse

from reader.cli.errors import EXIT_OK, CLIError


def config(args: argparse.Namespace) -> int:
    """`reader config --path | --init`: needs no store, so none is opened."""
    from reader.config import ConfigError, config_path, init_config

    path = config_path()
    if args.path:
        print(path)
        return EXIT_OK
    from reader.app.bindings import binding_descriptions

    try:
        created = init_config(path, binding_descriptions())
    except ConfigError as error:
        raise CLIError(str(error)) from None
    print(f"{'created' if created else 'already exists, left as it is:'} {path}")
    return EXIT_OK
