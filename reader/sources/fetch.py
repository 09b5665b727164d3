"""Fetching what the user asked for over HTTP(S): bounded in time and size, polite to servers.

Only this module touches the network, and only for a URL the user gave (or subscribed to).
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader import __version__

USER_AGENT = f"reader/{__version__} (terminal news reader)"
TIMEOUT = 20.0
"""Seconds for the whole fetch, connection to last byte."""
MAX_BYTES = 20 * 1024 * 1024
"""A larger response is refused: no article or feed needs more."""
CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch failed; the message is one line naming the URL and the reason."""


class RateLimited(FetchError):
    """The server said to come back later (429, or 503 with Retry-After)."""

    def __init__(self, message: str, retry_after: datetime) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    status: int
    """200, or 304 when the conditional request found nothing new."""
    body: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None


def is_web_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def retry_time(value: str | None, now: datetime, default: timedelta) -> datetime:
    """When a server's Retry-After (seconds or an HTTP date) says to try again."""
    if value:
        value = value.strip()
        if value.isdigit():
            return now + timedelta(seconds=min(int(value), 7 * 24 * 3600))
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return when if when.tzinfo else when.replace(tzinfo=UTC)
    return now + default


def _read_capped(response: http.client.HTTPResponse, url: str, deadline: float, cap: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise FetchError(f"{url}: response too large ({int(declared):,} bytes; limit {cap:,})")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out while reading the response")
        try:
            chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        except http.client.IncompleteRead:
            raise FetchError(f"{url}: the response was cut short") from None
        if not chunk:
            break
        size += len(chunk)
        if size > cap:
            raise FetchError(f"{url}: response too large (over {cap:,} bytes)")
        chunks.append(chunk)
    if declared and declared.isdigit() and size < int(declared):
        raise FetchError(f"{url}: the response was cut short ({size:,} of {int(declared):,} bytes)")
    return b"".join(chunks)


def _fetched(url: str, status: int, body: bytes, headers: Message) -> Fetched:
    return Fetched(
        url=url,
        status=status,
        body=body,
        content_type=headers.get_content_type() if headers.get("Content-Type") else None,
        charset=headers.get_content_charset(),
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
    )


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    now: datetime | None = None,
) -> Fetched:
    """GET a URL (http, https, or file), conditionally when validators are given."""
    scheme = urlsplit(url).scheme
    if scheme == "file":
        return _fetch_file(url, max_bytes)
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http(s) and file URLs can be fetched")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_capped(response, url, deadline, max_bytes)
            return _fetched(response.geturl(), response.status, body, response.headers)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return _fetched(url, 304, b"", error.headers)
        if error.code == 429 or (error.code == 503 and error.headers.get("Retry-After")):
            when = retry_time(
                error.headers.get("Retry-After"), now or datetime.now(UTC), timedelta(hours=1)
            )
            raise RateLimited(
                f"{url}: the server asked to wait until {when:%Y-%m-%d %H:%M} UTC "
                f"(HTTP {error.code})",
                when,
            ) from None
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except (http.client.HTTPException, OSError) as error:
        raise FetchError(f"{url}: {error.__class__.__name__} {error}".strip()) from None


def _fetch_file(url: str, max_bytes: int) -> Fetched:
    path = Path(unquote(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"{url}: file too large ({size:,} bytes; limit {max_bytes:,})")
        body = path.read_bytes()
    except OSError as error:
        raise FetchError(f"{url}: {error.strerror or error}") from None
    return Fetched(url, 200, body, None, None, None, None)
