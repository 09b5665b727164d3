"""HTTP for sync: bounded in size and time, TLS verified, never following a redirect.

A redirect is refused rather than followed: behind a 301, urllib re-sends a POST as a GET (the
server answers OK and changes nothing), and an `Authorization` header must never reach another
host. The user is told the address to configure instead.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from reader.sources.fetch import USER_AGENT, FetchError, _read_capped
from reader.sources.sync.model import AuthError, HttpStatusError, SyncError

TIMEOUT = 30.0
"""Seconds for one request, connection to last byte."""
MAX_BYTES = 32 * 1024 * 1024
"""A larger answer is refused: an id list of 100,000 items is about 3 MB."""
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})

Form = Sequence[tuple[str, str]]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(
    _NoRedirect, urllib.request.HTTPSHandler(context=ssl.create_default_context())
)


def clear_text_warning(url: str) -> str | None:
    """A warning when credentials would cross the network unencrypted."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "http" and (parts.hostname or "") not in LOOPBACK:
        return f"{redact(url)} is http://: the password and session travel in clear text"
    return None


def redact(url: str) -> str:
    """A URL fit for messages: no user info, no query (a Fever key could be in it)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


@dataclass
class Response:
    status: int
    body: bytes
    headers: Message = field(repr=False)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self, what: str) -> dict[str, Any]:
        try:
            data = json.loads(self.body)
        except (ValueError, RecursionError):
            start = self.body[:200].lstrip().lower()
            kind = "an HTML page" if start.startswith((b"<!doctype", b"<html")) else "not JSON"
            raise SyncError(f"{what}: the server's answer is {kind}") from None
        if not isinstance(data, dict):
            raise SyncError(f"{what}: the server's answer is not a JSON object")
        return data


class Http:
    """Requests to one server, counted (benchmarks and tests read `requests`)."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.requests = 0
        self.log: list[tuple[str, Form | None, dict[str, str]]] | None = None
        """Set to a list to record every request (benchmarks replay them to time the server)."""
        self._lock = threading.Lock()

    def call(
        self,
        url: str,
        *,
        form: Form | None = None,
        headers: dict[str, str] | None = None,
        ok: Sequence[int] = (200,),
    ) -> Response:
        """GET (or POST when `form` is given) and return the answer; errors are SyncError."""
        data = urllib.parse.urlencode(list(form)).encode() if form is not None else None
        request = urllib.request.Request(
            url, data=data, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                                     **(headers or {})}
        )
        where = redact(url)
        deadline = time.monotonic() + self.timeout
        with self._lock:
            self.requests += 1
            if self.log is not None:
                self.log.append((url, form, dict(headers or {})))
        try:
            with _OPENER.open(request, timeout=self.timeout) as answer:
                body = _read_capped(answer, where, deadline, self.max_bytes)
                response = Response(answer.status, body, answer.headers)
        except urllib.error.HTTPError as error:
            response = self._error_response(error, where, deadline)
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise SyncError(f"{where}: no answer within {self.timeout:g} s") from None
            if isinstance(reason, ssl.SSLError):
                raise SyncError(f"{where}: TLS failed ({reason.reason or reason})") from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise SyncError(f"{where}: cannot connect ({text})") from None
        except FetchError as error:
            raise SyncError(str(error)) from None
        except TimeoutError:
            raise SyncError(f"{where}: no answer within {self.timeout:g} s") from None
        except (http.client.HTTPException, OSError) as error:
            raise SyncError(f"{where}: {error.__class__.__name__} {error}".strip()) from None
        if response.status in ok:
            return response
        if 300 <= response.status < 400:
            target = redact(response.headers.get("Location") or "elsewhere")
            raise SyncError(f"{where}: the server redirects to {target}; use that address")
        if response.status in (401, 403):
            raise AuthError(f"{where}: the server refused the login (HTTP {response.status})")
        raise HttpStatusError(f"{where}: HTTP {response.status}", response.status)

    def _error_response(
        self, error: urllib.error.HTTPError, where: str, deadline: float
    ) -> Response:
        try:
            body = _read_capped(error, where, deadline, 64 * 1024) if error.fp else b""  # type: ignore[arg-type]
        except (FetchError, OSError, http.client.HTTPException):
            body = b""
        return Response(error.code, body, error.headers)
