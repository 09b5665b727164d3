"""The command line's grammar: every subcommand and its options (argparse)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader import __version__
from reader.paths import DATA_DIR_ENV


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where the store lives (default: ${DATA_DIR_ENV}, else the platform's data dir)",
    )
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A keyboard-first terminal news reader. With no command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser(
        "add", parents=[common], help="add articles from files, folders, URLs or - (stdin)"
    )
    add.add_argument("targets", nargs="+", metavar="PATH|URL|-")
    add.add_argument("--json", action="store_true", help="print what was added as JSON")

    listing = commands.add_parser("list", parents=[common], help="list stored articles")
    listing.add_argument(
        "query", nargs="*", metavar="QUERY", help="filters and words, e.g. is:unread tag:ai"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")

    show = commands.add_parser("show", parents=[common], help="print one article")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")

    mark = commands.add_parser("mark", parents=[common], help="mark an article read or unread")
    mark.add_argument("id", type=int, metavar="ID")
    state = mark.add_mutually_exclusive_group(required=True)
    state.add_argument("--read", dest="read", action="store_true")
    state.add_argument("--unread", dest="read", action="store_false")

    bookmark = commands.add_parser("bookmark", parents=[common], help="bookmark an article")
    bookmark.add_argument("id", type=int, metavar="ID")
    bookmark.add_argument("--off", action="store_true", help="remove the bookmark")

    search = commands.add_parser("search", parents=[common], help="full-text search, ranked")
    search.add_argument("query", nargs="+", metavar="QUERY", help='e.g. "world models" lecun')
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits")

    tag = commands.add_parser("tag", parents=[common], help="tag an article (or untag)")
    tag.add_argument("id", type=int, metavar="ID")
    tag.add_argument("names", nargs="*", metavar="NAME", help="tags to add (none: list them)")
    tag.add_argument("--remove", action="store_true", help="remove the named tags")

    export = commands.add_parser(
        "export", parents=[common], help="export articles (default: bookmarks) as Markdown or JSON"
    )
    export.add_argument("query", nargs="*", metavar="QUERY", help="default: is:bookmarked")
    export.add_argument("--format", choices=("markdown", "md", "json"), default="markdown")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")

    config = commands.add_parser("config", parents=[common], help="the config file")
    config_action = config.add_mutually_exclusive_group(required=True)
    config_action.add_argument("--path", action="store_true", help="print its path")
    config_action.add_argument("--init", action="store_true", help="create it, with comments")

    feed = commands.add_parser("feed", parents=[common], help="manage feed subscriptions")
    feeds = feed.add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    feed_add = feeds.add_parser("add", parents=[common], help="subscribe to a feed URL")
    feed_add.add_argument("url", metavar="URL")
    feed_add.add_argument("--json", action="store_true", help="print JSON")
    feed_add.add_argument("--account", metavar="NAME", help="subscribe on this sync account")
    feed_list = feeds.add_parser("list", parents=[common], help="list subscriptions")
    feed_list.add_argument("--json", action="store_true", help="print JSON")
    feed_remove = feeds.add_parser("remove", parents=[common], help="unsubscribe (keeps articles)")
    feed_remove.add_argument("id", type=int, metavar="ID")
    feed_import = feeds.add_parser("import", parents=[common], help="subscribe to an OPML list")
    feed_import.add_argument("file", type=Path, metavar="FILE")
    feed_export = feeds.add_parser("export", parents=[common], help="print subscriptions as OPML")
    feed_export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")

    refresh = commands.add_parser("refresh", parents=[common], help="fetch every feed")
    refresh.add_argument("--json", action="store_true", help="print JSON")

    add_sync_parsers(commands, common)

    fulltext = commands.add_parser(
        "fulltext", parents=[common], help="replace a feed teaser with the full linked article"
    )
    fulltext.add_argument("id", type=int, metavar="ID")
    return parser


def add_sync_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`reader account ...` and `reader sync` (implemented in reader.cli.sync)."""
    account = commands.add_parser("account", parents=[common], help="manage sync accounts")
    actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="add a FreshRSS, Miniflux, ... account")
    add.add_argument("kind", choices=("greader", "fever"), help="the API the server speaks")
    add.add_argument("url", metavar="URL", help="the API address, e.g. .../api/greader.php")
    add.add_argument("--user", required=True, metavar="NAME")
    add.add_argument("--password-command", metavar="CMD",
                     help="prints the (API) password, e.g. 'pass show freshrss'")
    add.add_argument("--name", metavar="NAME", help="the account's name (default: user@host)")
    listing = actions.add_parser("list", parents=[common], help="list accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", parents=[common], help="remove an account")
    remove.add_argument("name", metavar="NAME")
    sync = commands.add_parser("sync", parents=[common], help="sync with every account")
    sync.add_argument("--json", action="store_true", help="print JSON")
    sync.add_argument("--account", metavar="NAME", help="only this account")
    sync.add_argument("--first-days", type=int, default=30, metavar="N",
                      help="a first sync takes unread, starred and N days of the rest (30)")
