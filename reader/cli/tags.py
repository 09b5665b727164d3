"""`reader tag`: add, remove or list an article's tags."""

from __future__ import annotations

import argparse

from reader.cli.errors import EXIT_OK, CLIError
from reader.cli.lookup import get_article
from reader.store import Store


def tag(store: Store, args: argparse.Namespace) -> int:
    get_article(store, args.id)
    for name in args.names:
        try:
            if args.remove:
                store.remove_tag(args.id, name)
            else:
                store.add_tag(args.id, name)
        except ValueError as error:
            raise CLIError(f"tag {name!r}: {error}") from None
    print(f"{args.id}: {', '.join(store.tags(args.id)) or '(no tags)'}")
    return EXIT_OK
