"""A hostile or broken sync server (a loopback server written here): one clear line, or a safe
import; never a traceback, a hang, a secret in output or an escape sequence on the terminal."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.sources.sync.accounts import Account, save_accounts
from reader.sources.sync.engine import sync_accounts
from reader.sources.sync.http import clear_text_warning
from reader.store import Store
from tests.conftest import make_article
from tests.sync_servers import reader_cli, set_local

SECRET = "s3cret-session-token"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    length: int | None = None
    """Declared Content-Length when it differs from the body's (None: the body's)."""
    endless: bool = False
    """Stream the body again and again, without a Content-Length."""
    hang: bool = False
    """Send nothing until the test ends."""


class Hostile:
    """A loopback server whose answers the test decides: `answer(method, path, form) -> Answer`."""

    def __init__(self) -> None:
        self.answer: Callable[[str, str, str], Answer] = lambda *_: Answer(404)
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.release = threading.Event()
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _serve(self, method: str) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                form = self.rfile.read(size).decode() if size else ""
                hostile.seen.append((method, self.path, dict(self.headers)))
                answer = hostile.answer(method, self.path, form)
                if answer.hang:
                    hostile.release.wait(60)
                    return
                self.send_response(answer.status)
                for name, value in answer.headers:
                    self.send_header(name, value)
                if not answer.endless:
                    length = len(answer.body) if answer.length is None else answer.length
                    self.send_header("Content-Length", str(length))
                self.end_headers()
                try:
                    if answer.endless:
                        while not hostile.release.is_set():
                            self.wfile.write(answer.body)
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    server = Hostile()
    yield server
    server.release.set()
    server.httpd.shutdown()
    server.httpd.server_close()


def _greader(hostile: Hostile, data: Path) -> None:
    save_accounts(data, [Account("bad", "greader", hostile.url("/api/greader.php"), "alice",
                                 SECRET)])


def _one_failure(capsys: pytest.CaptureFixture[str], data: Path) -> str:
    code, out, err = reader_cli(capsys, "--data-dir", str(data), "sync")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("reader: bad: "), err
    assert "Traceback" not in err and SECRET not in err + out
    return err


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer(body=b"<!DOCTYPE html><html><body>Login</body></html>"), "an HTML page"),
        (Answer(body=b"[1, 2"), "not JSON"),
        (Answer(500, b"Internal Server Error"), "HTTP 500"),
        (Answer(503, b"Service Unavailable!"), "HTTP 503"),
        (Answer(body=b"{}", length=2 * 1024**3), "too large"),
        (Answer(body=b'{"subscriptions": "nope"}'), "no subscriptions"),
    ],
    ids=["html", "broken-json", "500", "503", "2GB-declared", "wrong-shape"],
)
def test_broken_answers_are_one_line(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str], answer: Answer,
    expected: str,
) -> None:
    hostile.answer = lambda *_: answer
    _greader(hostile, tmp_path)
    assert expected in _one_failure(capsys, tmp_path)


def test_endless_body_is_capped(hostile: Hostile, tmp_path: Path) -> None:
    hostile.answer = lambda *_: Answer(body=b'{"subscriptions": [' + b" " * 65536, endless=True)
    _greader(hostile, tmp_path)
    [result] = sync_accounts(None, tmp_path, max_bytes=1024 * 1024)
    assert not result.ok and "too large" in (result.error or "")


def test_slow_server_times_out(hostile: Hostile, tmp_path: Path) -> None:
    hostile.answer = lambda *_: Answer(hang=True)
    _greader(hostile, tmp_path)
    [result] = sync_accounts(None, tmp_path, timeout=0.5)
    assert not result.ok and "no answer within 0.5 s" in (result.error or "")


def test_redirect_is_refused_and_authorization_never_follows(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Hostile()
    try:
        target = f"http://localhost:{other.port}/api/greader.php/reader/api/0/x"
        hostile.answer = lambda *_: Answer(301, headers=(("Location", target),))
        _greader(hostile, tmp_path)
        err = _one_failure(capsys, tmp_path)
        assert "redirects to" in err and "use that address" in err
        assert other.seen == []
        assert all(headers.get("Authorization") == f"GoogleLogin auth={SECRET}"
                   for _, _, headers in hostile.seen)
    finally:
        other.release.set()
        other.httpd.shutdown()
        other.httpd.server_close()


def test_clear_text_warning_only_off_loopback() -> None:
    assert clear_text_warning("http://127.0.0.1:8080/api/greader.php") is None
    assert clear_text_warning("https://rss.example.org/api/greader.php") is None
    warning = clear_text_warning("http://user:pw@rss.example.org/api/fever.php?api_key=k")
    assert warning is not None and "clear text" in warning
    assert "pw" not in warning and "api_key" not in warning


HOSTILE_TITLE = "[bold red]Boom[/] \x1b[31mred\x1b[0m \x1b]0;pwned\x07<b>&amp;</b>\u202e"


def _fever_state(items: list[dict[str, object]]) -> dict[str, object]:
    return {
        "api_version": 3, "auth": 1,
        "groups": [{"id": 1, "title": "[link=http://x]Group\x1b[2J"}],
        "feeds_groups": [{"group_id": 1, "feed_ids": "7"}],
        "feeds": [{"id": 7, "title": "Feed \x1b[5mblink[/]", "url": "http://127.0.0.1:9/f.xml",
                   "site_url": "javascript:alert(1)"}],
        "unread_item_ids": "101", "saved_item_ids": "",
        "items": items,
    }


def test_markup_and_escapes_in_titles_are_imported_as_plain_safe_text(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = {"id": 101, "feed_id": 7, "title": HOSTILE_TITLE, "author": "\x1b[31mMallory",
            "html": "<p>Body \x1b[2J text <script>alert(1)</script> [red]x[/]</p>",
            "url": "javascript:alert(1)", "is_read": 0, "is_saved": 0,
            "created_on_time": 1796000000}

    def answer(method: str, path: str, form: str) -> Answer:
        since = path.split("since_id=")[1].split("&")[0] if "since_id=" in path else "0"
        items = [item] if since == "0" else []
        return Answer(body=json.dumps(_fever_state(items)).encode())

    hostile.answer = answer
    save_accounts(tmp_path, [Account("bad", "fever", hostile.url("/fever/"), "u", SECRET)])
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 0, err
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "list")
    assert "\x1b" not in out and "\u202e" not in out
    assert "[bold red]Boom[/]" in out          # shown as the text it is, never as markup
    with Store.in_dir(tmp_path) as store:
        article_id = store.sync_article_id("bad", "101")
        assert article_id is not None
        stored = store.get(article_id)
        assert stored is not None
        article = stored.article
        assert "\x1b" not in article.title + article.body_text() + (article.author or "")
        assert "alert(1)" not in article.body_text() and article.link is None
        assert store.tags(article_id) == ["[link=http://x]group"]


def test_an_item_the_server_no_longer_knows_is_dropped_with_a_note(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = {"id": 5, "feed_id": 7, "title": "Gone soon", "html": "<p>x</p>", "is_read": 0,
            "is_saved": 0, "created_on_time": 1796000000}

    def answer(method: str, path: str, form: str) -> Answer:
        if "mark=item" in form:
            return Answer(404, b"Not Found")
        since = path.split("since_id=")[1].split("&")[0] if "since_id=" in path else "0"
        return Answer(body=json.dumps(_fever_state([item] if since == "0" else [])).encode())

    hostile.answer = answer
    save_accounts(tmp_path, [Account("bad", "fever", hostile.url("/fever/"), "u", SECRET)])
    assert reader_cli(capsys, "--data-dir", str(tmp_path), "sync")[0] == 0
    set_local(tmp_path, "bad", "5", bookmarked=True)
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 0
    assert "item 5 is no longer on the server" in err and err.count("\n") == 1
    with Store.in_dir(tmp_path) as store:
        assert store.sync_pending_count("bad") == 0


def test_an_unverifiable_certificate_is_refused(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    hostile.httpd.socket = context.wrap_socket(hostile.httpd.socket, server_side=True)
    hostile.answer = lambda *_: Answer(body=b'{"subscriptions": []}')
    data = tmp_path / "data"
    save_accounts(data, [Account("bad", "greader",
                                 f"https://127.0.0.1:{hostile.port}/api/greader.php", "u",
                                 SECRET)])
    err = _one_failure(capsys, data)
    assert "TLS failed" in err or "CERTIFICATE_VERIFY_FAILED" in err
    assert not any(h.get("Authorization") for _, _, h in hostile.seen)


@pytest.mark.parametrize("kind", ["greader", "fever"])
def test_a_push_the_server_did_not_take_stays_queued(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # The server answers 200 to everything, but refuses the change in its body: a login page
    # instead of "OK" (Google Reader), auth 0 (Fever).
    if kind == "greader":
        hostile.answer = lambda *_: Answer(body=b"<html>Please log in</html>")
        url = hostile.url("/api/greader.php")
    else:
        hostile.answer = lambda *_: Answer(body=b'{"api_version": 3, "auth": 0}')
        url = hostile.url("/fever/")
    save_accounts(tmp_path, [Account("bad", kind, url, "u", SECRET)])  # type: ignore[arg-type]
    with Store.in_dir(tmp_path) as store:
        [(article_id, _)] = store.add_many([make_article(1)])
        store.sync_link_items("bad", [("7", article_id, False, False, [])])
        store.set_read(article_id)
    _one_failure(capsys, tmp_path)
    with Store.in_dir(tmp_path) as store:
        assert store.sync_pending_count("bad") == 1
