"""Real sync servers on 127.0.0.1 for the sync tests: FreshRSS (PHP) and coldsweat (Python).

FreshRSS comes from `shared/servers/` beside the repository; coldsweat from PyPI, installed once
into a venv of its own (it pins urllib3<2, which would downgrade the project's). Under CI=true a
server that cannot start fails the test; elsewhere the test is skipped with one line saying what
to install. The feeds the servers fetch are served by a loopback HTTP server here, and the
servers run with a dead proxy for anything not on loopback, so no traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from tests.httpserver import FixtureServer

SHARED = Path(__file__).resolve().parents[2] / "shared"
SERVE = SHARED / "servers" / "freshrss_serve.py"
IN_CI = os.environ.get("CI") == "true"
PHP_PACKAGES = "php-cli php-sqlite3 php-xml php-curl php-mbstring php-intl php-zip"
COLDSWEAT = "coldsweat==0.10.2"
WAIT = 30.0
"""Generous cap (seconds) on waiting for a server to come up or go down."""
# Anything a server fetches that is not on loopback goes to a closed local port.
NO_EGRESS = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
             "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
             "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}


def unavailable(reason: str) -> None:
    """A missing server: a failure in CI, a one-line skip elsewhere."""
    if IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def wait_for(condition, what: str, timeout: float = WAIT) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


# -- feeds ------------------------------------------------------------------------------------


@dataclass
class Entry:
    guid: str
    title: str
    html: str = "<p>Some text for this entry, long enough to be a paragraph.</p>"
    age: timedelta = timedelta(hours=1)


class FeedSite:
    """Feeds on a loopback HTTP server, for the sync servers to fetch."""

    def __init__(self, server: FixtureServer) -> None:
        self.server = server

    def publish(self, path: str, title: str, entries: list[Entry]) -> str:
        now = datetime.now(UTC)
        site = self.server.url("/")
        items = "".join(
            f"<item><guid isPermaLink='false'>{escape(e.guid)}</guid>"
            f"<title>{escape(e.title)}</title><link>{site}{escape(e.guid)}</link>"
            f"<pubDate>{format_datetime(now - e.age)}</pubDate>"
            f"<description>{escape(e.html)}</description></item>"
            for e in entries
        )
        rss = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
               f"<title>{escape(title)}</title><link>{site}</link>{items}</channel></rss>")
        return self.server.add(path, rss, headers={"Content-Type": "application/rss+xml"})


@pytest.fixture(scope="module")
def feed_site() -> Iterator[FeedSite]:
    server = FixtureServer()
    server.thread.start()
    yield FeedSite(server)
    server.httpd.shutdown()
    server.httpd.server_close()


# -- FreshRSS ---------------------------------------------------------------------------------


class FreshRSS:
    """A throwaway FreshRSS started by shared/servers/freshrss_serve.py."""

    def __init__(self, info: dict[str, object]) -> None:
        self.info = info
        self.url = str(info["url"])
        self.greader = str(info["greader"])
        self.fever = str(info["fever"])
        self.user = str(info["user"])
        self.api_password = str(info["api_password"])
        self.dir = Path(str(info["dir"]))
        self.pid = int(info["pid"])  # type: ignore[call-overload]
        self.port = urllib.parse.urlsplit(self.url).port or 80
        self._auth: str | None = None

    @classmethod
    def start(cls, folder: Path | None = None, port: int | None = None) -> FreshRSS:
        if not SERVE.exists():
            unavailable(f"FreshRSS not found at {SERVE} (shared/ must sit beside the repo)")
        if not shutil.which("php"):
            unavailable(f"FreshRSS tests need PHP: apt-get install -y {PHP_PACKAGES}")
        command = [sys.executable, str(SERVE)]
        if folder is not None:
            command += ["--dir", str(folder)]
        if port is not None:
            command += ["--port", str(port)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env={**os.environ, **NO_EGRESS})
        if done.returncode != 0:
            unavailable(f"FreshRSS did not start: {done.stderr.strip()[-300:]}")
        return cls(json.loads(done.stdout.strip().splitlines()[-1]))

    def stop(self) -> None:
        try:
            os.killpg(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        wait_for(lambda: not port_open(self.port), "FreshRSS to stop")

    def restart(self) -> FreshRSS:
        """The same instance, with its data, on the same port."""
        again = FreshRSS.start(self.dir, self.port)
        self.pid = again.pid
        return self

    # Direct API calls: what another device or the web page would do.

    def _call(self, path: str, form: list[tuple[str, str]] | None = None) -> bytes:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(f"{self.greader}{path}", data=data,
                                         headers={"Authorization": f"GoogleLogin auth={self.auth}"})
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.read()

    @property
    def auth(self) -> str:
        if self._auth is None:
            data = urllib.parse.urlencode({"Email": self.user, "Passwd": self.api_password})
            with urllib.request.urlopen(f"{self.greader}/accounts/ClientLogin", data.encode(),
                                        timeout=WAIT) as response:
                text = response.read().decode()
            self._auth = text.split("Auth=", 1)[1].split()[0]
        return self._auth

    def subscribe(self, feed_url: str, folder: str | None = None) -> str:
        answer = json.loads(self._call("/reader/api/0/subscription/quickadd",
                                       [("quickadd", feed_url)]))
        stream = answer["streamId"]
        if folder:
            self._call("/reader/api/0/subscription/edit",
                       [("ac", "edit"), ("s", stream), ("a", f"user/-/label/{folder}")])
        return stream

    def ids(self, stream: str, *extra: tuple[str, str]) -> set[str]:
        query = urllib.parse.urlencode([("output", "json"), ("s", stream), ("n", "10000"),
                                        *extra])
        data = json.loads(self._call(f"/reader/api/0/stream/items/ids?{query}"))
        return {ref["id"] for ref in data.get("itemRefs", [])}

    def feed_items(self, stream: str) -> dict[str, str]:
        """Title -> short id of every item in a feed."""
        query = urllib.parse.urlencode([("output", "json"), ("n", "1000")])
        data = json.loads(self._call(f"/reader/api/0/stream/contents/{stream}?{query}"))
        return {item["title"]: str(int(item["id"].rsplit("/", 1)[1], 16))
                for item in data["items"]}

    def unread(self) -> set[str]:
        return self.ids("user/-/state/com.google/reading-list",
                        ("xt", "user/-/state/com.google/read"))

    def starred(self) -> set[str]:
        return self.ids("user/-/state/com.google/starred")

    def edit(self, item: str, add: str | None = None, remove: str | None = None) -> None:
        form = [("T", "x")]
        if add:
            form.append(("a", f"user/-/state/com.google/{add}"))
        if remove:
            form.append(("r", f"user/-/state/com.google/{remove}"))
        form.append(("i", item))
        assert self._call("/reader/api/0/edit-tag", form).strip() == b"OK"

    def refresh_feeds(self) -> None:
        """Make FreshRSS fetch every feed again now (see PROTOCOLS.md, section 4)."""
        site = self.dir / "freshrss"
        database = site / "data" / "users" / self.user / "db.sqlite"
        with sqlite3.connect(database) as conn:
            conn.execute("UPDATE feed SET `lastUpdate` = 0")
        for cached in (site / "data" / "cache").glob("*.spc"):
            cached.unlink()
        subprocess.run(["php", "cli/actualize-user.php", "--user", self.user], cwd=site,
                       capture_output=True, timeout=120, check=True,
                       env={**os.environ, **NO_EGRESS})


@pytest.fixture(scope="module")
def freshrss() -> Iterator[FreshRSS]:
    server = FreshRSS.start()
    yield server
    server.stop()
    shutil.rmtree(server.dir, ignore_errors=True)


# -- coldsweat --------------------------------------------------------------------------------


def coldsweat_python() -> Path:
    """A venv with coldsweat, made once and kept in the user's cache (or $READER_TEST_CACHE)."""
    cache = Path(os.environ.get("READER_TEST_CACHE") or Path.home() / ".cache" / "reader-tests")
    venv = cache / COLDSWEAT.replace("==", "-")
    python = venv / "bin" / "python"
    if (venv / "ready").exists() and python.exists():
        return python
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True,
                       capture_output=True, timeout=300)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", COLDSWEAT],
                       check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as error:
        shutil.rmtree(venv, ignore_errors=True)
        unavailable(f"cannot install {COLDSWEAT} into a test venv ({error}); "
                    f"pip must reach PyPI")
    (venv / "ready").write_text("ok\n")
    return python


class Coldsweat:
    """A coldsweat server (Fever API) with its own database."""

    EMAIL = "bob@example.org"
    PASSWORD = "bob-password-123"

    def __init__(self, python: Path, folder: Path) -> None:
        self.python = python
        self.folder = folder
        self.env = {**os.environ, **NO_EGRESS,
                    "FLASK_DATABASE_URL": f"sqlite:///{folder / 'cs.db'}"}
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    def _cli(self, *args: str) -> None:
        script = self.python.parent / "coldsweat"
        subprocess.run([str(script), *args], env=self.env, capture_output=True, timeout=120,
                       check=True, cwd=self.folder)

    def start(self) -> None:
        self._cli("setup", self.EMAIL, "-p", self.PASSWORD)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(self.python.parent / "coldsweat"), "run", "-h", "127.0.0.1", "-p",
             str(self.port)], env=self.env, cwd=self.folder, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        wait_for(lambda: port_open(self.port), "coldsweat to start")

    @property
    def fever(self) -> str:
        return f"http://127.0.0.1:{self.port}/fever/"

    @property
    def key(self) -> str:
        return hashlib.md5(f"{self.EMAIL}:{self.PASSWORD}".encode()).hexdigest()

    def subscribe(self, feed_url: str, folder: str) -> None:
        opml = self.folder / "subscribe.opml"
        opml.write_text(
            '<?xml version="1.0"?><opml version="1.0"><head><title>s</title></head><body>'
            f'<outline text="{escape(folder)}" title="{escape(folder)}">'
            f'<outline type="rss" text="f" xmlUrl="{escape(feed_url)}"/></outline></body></opml>'
        )
        self._cli("import", str(opml), self.EMAIL, "--fetch")

    def call(self, query: str, **form: str) -> dict[str, object]:
        data = urllib.parse.urlencode({"api_key": self.key, **form}).encode()
        with urllib.request.urlopen(f"{self.fever}?api&{query}", data, timeout=WAIT) as answer:
            return json.loads(answer.read())

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=WAIT)


@pytest.fixture(scope="module")
def coldsweat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coldsweat]:
    server = Coldsweat(coldsweat_python(), tmp_path_factory.mktemp("coldsweat"))
    server.start()
    yield server
    server.stop()


# -- helpers for the tests ----------------------------------------------------------------------


def reader_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `reader ARGV` in this process: (exit code, stdout, stderr)."""
    from reader.cli.main import main

    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_account(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                data: Path, kind: str, url: str, user: str, password: str,
                name: str = "acct") -> None:
    monkeypatch.setenv("READER_PASSWORD", password)
    code, out, err = reader_cli(capsys, "--data-dir", str(data), "account", "add", kind, url,
                                "--user", user, "--name", name)
    monkeypatch.delenv("READER_PASSWORD")
    assert code == 0, err


def sync_json(capsys: pytest.CaptureFixture[str], data: Path) -> list[dict[str, object]]:
    code, out, err = reader_cli(capsys, "--data-dir", str(data), "sync", "--json")
    assert code == 0, err
    return json.loads(out)


def local_state(data: Path, account: str, item: str) -> tuple[bool, bool] | None:
    """(read, bookmarked) of the article an item became, None when it is not stored."""
    from reader.store import Store

    with Store.in_dir(data) as store:
        article_id = store.sync_article_id(account, item)
        if article_id is None:
            return None
        stored = store.get(article_id)
        assert stored is not None
        return stored.state.read, stored.state.bookmarked


def set_local(data: Path, account: str, item: str, *, read: bool | None = None,
              bookmarked: bool | None = None) -> None:
    """Change an article the way the app and `reader mark` do (through the store)."""
    from reader.store import Store

    with Store.in_dir(data) as store:
        article_id = store.sync_article_id(account, item)
        assert article_id is not None
        if read is not None:
            store.set_read(article_id, read)
        if bookmarked is not None:
            store.set_bookmarked(article_id, bookmarked)
