"""`reader account ...`, `reader sync`, and `reader feed add URL --account NAME`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli.errors import EXIT_ERROR, EXIT_OK, CLIError
from reader.cli.output import print_json, progress_bar
from reader.paths import data_dir
from reader.sanitize import clean_line
from reader.store import Store

NO_ACCOUNTS = "no accounts yet: add one with `reader account add greader|fever URL --user NAME`"


def _data_dir(args: argparse.Namespace) -> Path:
    return data_dir(getattr(args, "data_dir", None))


def _warn(message: str) -> None:
    print(f"reader: warning: {clean_line(message)}", file=sys.stderr)


def account_add(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.sync.accounts import (
        Account,
        AccountError,
        default_name,
        load_accounts,
        login,
        read_password,
        save_accounts,
    )
    from reader.sources.sync.http import Http, clear_text_warning
    from reader.sources.sync.model import SyncError

    url = args.url.rstrip("/") if args.kind == "greader" else args.url
    if not url.startswith(("http://", "https://")):
        raise CLIError(f"{clean_line(url)}: the API address must start with https:// or http://")
    folder = _data_dir(args)
    name = args.name or default_name(url, args.user)
    try:
        accounts = load_accounts(folder)
        if any(account.name == name for account in accounts):
            raise CLIError(f"an account named {name!r} exists; remove it first or use --name")
        if warning := clear_text_warning(url):
            _warn(warning)
        password = read_password(args.password_command)
        secret = login(args.kind, url, args.user, password, Http())
        account = Account(name=name, kind=args.kind, url=url, user=args.user, secret=secret)
        save_accounts(folder, [*accounts, account])
    except (AccountError, SyncError) as error:
        raise CLIError(clean_line(str(error))) from None
    print(f"added account {clean_line(name)} ({args.kind}); run `reader sync` to fetch it")
    return EXIT_OK


def account_list(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.sync.accounts import AccountError, load_accounts

    try:
        accounts = load_accounts(_data_dir(args))
    except AccountError as error:
        raise CLIError(str(error)) from None
    rows: list[dict[str, Any]] = []
    for account in accounts:
        progress = store.sync_progress(account.name)
        rows.append({**account.public(), "last_sync": progress.last_sync,
                     "last_error": progress.last_error, "pending": progress.pending})
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(NO_ACCOUNTS)
    for row in rows:
        when = f"last synced {row['last_sync'][:19]}" if row["last_sync"] else "never synced"
        line = (f"{clean_line(str(row['name']))}  {row['kind']}  {clean_line(str(row['url']))}  "
                f"[{when}, {row['pending']} changes to push]")
        if row["last_error"]:
            line += f"  last error: {clean_line(str(row['last_error']))}"
        print(line)
    return EXIT_OK


def account_remove(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.sync.accounts import (
        AccountError,
        find_account,
        load_accounts,
        save_accounts,
    )

    folder = _data_dir(args)
    try:
        accounts = load_accounts(folder)
        account = find_account(accounts, args.name)
        save_accounts(folder, [a for a in accounts if a is not account])
    except AccountError as error:
        raise CLIError(clean_line(str(error))) from None
    pending = store.sync_pending_count(account.name)
    store.sync_forget(account.name)
    note = f"; {pending} unpushed changes dropped" if pending else ""
    print(f"removed account {clean_line(account.name)}; its articles are kept{note}")
    return EXIT_OK


def account(store: Store, args: argparse.Namespace) -> int:
    return ACCOUNT_COMMANDS[args.account_command](store, args)


def sync(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.sync.accounts import AccountError, load_accounts
    from reader.sources.sync.engine import sync_accounts

    folder = _data_dir(args)
    if args.first_days < 0:
        raise CLIError("--first-days must be 0 or more")
    try:
        if not load_accounts(folder):
            print(NO_ACCOUNTS)
            return EXIT_OK
    except AccountError as error:
        raise CLIError(str(error)) from None
    with progress_bar("syncing") as progress:
        results = sync_accounts(
            store, folder, first_days=args.first_days,
            names=[args.account] if args.account else None,
            progress=lambda name, step, done, total: progress(
                done, total, f"{clean_line(name)}: {step}"
            ),
        )
    if args.json:
        print_json([result.as_json() for result in results])
    for result in results:
        for note in result.notes:
            print(f"reader: {clean_line(result.account)}: {clean_line(note)}", file=sys.stderr)
        if not result.ok:
            print(f"reader: {clean_line(result.account)}: {clean_line(result.error or 'failed')}",
                  file=sys.stderr)
        elif not args.json:
            print(f"{clean_line(result.account)}: {result.added} new, {result.changed} changed by "
                  f"the server, {result.pushed} changes pushed")
    return EXIT_OK if all(result.ok for result in results) else EXIT_ERROR


def feed_add_remote(store: Store, args: argparse.Namespace) -> int:
    """`reader feed add URL --account NAME`: subscribe on the server, then sync that account."""
    from reader.sources.sync.accounts import AccountError, find_account, load_accounts, make_client
    from reader.sources.sync.engine import sync_account
    from reader.sources.sync.http import Http
    from reader.sources.sync.model import SyncError

    try:
        account = find_account(load_accounts(_data_dir(args)), args.account)
        client = make_client(account, Http())
        if not client.can_subscribe:
            raise CLIError(f"{clean_line(account.name)}: the Fever API cannot subscribe to feeds; "
                           "subscribe on the server's web page")
        title = client.subscribe(args.url)
    except (AccountError, SyncError) as error:
        raise CLIError(clean_line(str(error))) from None
    result = sync_account(store, account)
    if args.json:
        print_json({"account": account.name, "url": args.url, "title": title, **result.as_json()})
    else:
        print(f"subscribed to {clean_line(title)} on {clean_line(account.name)}: "
              f"{result.added} new articles")
    if not result.ok:
        print(f"reader: {clean_line(account.name)}: {clean_line(result.error or '')}",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


ACCOUNT_COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "add": account_add,
    "list": account_list,
    "remove": account_remove,
}
