"""Sync accounts: where they are kept, and how a password becomes a saved session.

Accounts live in `accounts.json` in the data folder, a file only the user can read and write
(0600), never in the SQLite store. For the Google Reader API it holds the session token that
ClientLogin gave, not the password. The Fever API has no session: its key, md5("user:password"),
is what every request sends, so that key is what is kept (it is as good as the password for
that API; it is not the password itself).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from reader.sources.sync.http import Http
from reader.sources.sync.model import SyncClient, SyncError

ACCOUNTS_FILE = "accounts.json"
PASSWORD_ENV = "READER_PASSWORD"
Kind = Literal["greader", "fever"]
KINDS: tuple[Kind, ...] = ("greader", "fever")
PASSWORD_COMMAND_TIMEOUT = 60.0


class AccountError(Exception):
    """A one-line problem with accounts (file, name, password source)."""


@dataclass(frozen=True)
class Account:
    name: str
    kind: Kind
    url: str
    user: str
    secret: str
    """The session token (greader) or API key (fever). Never printed."""

    def public(self) -> dict[str, str]:
        """What may be shown: everything but the secret."""
        return {"name": self.name, "kind": self.kind, "url": self.url, "user": self.user}

    def __repr__(self) -> str:  # a secret must not reach a log through repr()
        return f"Account(name={self.name!r}, kind={self.kind!r}, url={self.url!r})"


def default_name(url: str, user: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "server"
    return f"{user}@{host}:{parts.port}" if parts.port else f"{user}@{host}"


def accounts_path(data_dir: Path) -> Path:
    return data_dir / ACCOUNTS_FILE


def load_accounts(data_dir: Path) -> list[Account]:
    path = accounts_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise AccountError(f"{path}: cannot read ({error.strerror})") from None
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)  # copied or restored with looser rights: private again
    except OSError:
        pass
    try:
        entries = json.loads(text)["accounts"]
        return [Account(**entry) for entry in entries]
    except (ValueError, KeyError, TypeError):
        raise AccountError(f"{path}: not a reader accounts file; fix or remove it") from None


def save_accounts(data_dir: Path, accounts: list[Account]) -> None:
    """Write atomically, readable by the user only, from the moment it exists."""
    path = accounts_path(data_dir)
    data = json.dumps({"accounts": [asdict(a) for a in accounts]}, indent=2) + "\n"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".accounts-", dir=data_dir)  # mkstemp: mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise AccountError(f"{path}: cannot write ({error.strerror})") from None


def find_account(accounts: list[Account], name: str) -> Account:
    for account in accounts:
        if account.name == name:
            return account
    names = ", ".join(a.name for a in accounts) or "none yet"
    raise AccountError(f"no account named {name!r} (accounts: {names})")


def read_password(command: str | None, *, interactive: bool | None = None) -> str:
    """The password: the command's first line of output, else $READER_PASSWORD, else a prompt."""
    if command:
        try:
            done = subprocess.run(shlex.split(command), capture_output=True, text=True,
                                  timeout=PASSWORD_COMMAND_TIMEOUT, stdin=subprocess.DEVNULL)
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            reason = getattr(error, "strerror", None) or error.__class__.__name__
            raise AccountError(f"the password command failed ({reason})") from None
        if done.returncode != 0:
            raise AccountError(f"the password command exited with status {done.returncode}")
        lines = done.stdout.splitlines()
        if not lines or not lines[0]:
            raise AccountError("the password command printed no password")
        return lines[0]
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if interactive is None:
        interactive = sys.stdin.isatty()
    if interactive:
        import getpass

        try:
            return getpass.getpass("Password (the server's API password): ")
        except EOFError:
            pass
    raise AccountError(f"no password: use --password-command CMD or set {PASSWORD_ENV}")


def login(kind: Kind, url: str, user: str, password: str, http: Http) -> str:
    """Check the credentials with the server; return the secret to keep."""
    from reader.sources.sync import fever, greader

    if kind == "greader":
        secret = greader.login(url, user, password, http)
    else:
        secret = fever.api_key(user, password)
    make_client(Account("check", kind, url, user, secret), http).check()
    return secret


def make_client(account: Account, http: Http) -> SyncClient:
    from reader.sources.sync import fever, greader

    if account.kind == "greader":
        return greader.GReaderClient(account.url, account.secret, http)
    if account.kind == "fever":
        return fever.FeverClient(account.url, account.secret, http)
    raise SyncError(f"{account.name}: unknown account kind {account.kind!r}")
