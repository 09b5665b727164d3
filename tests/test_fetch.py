"""Fetching: redirects, conditional requests, rate limits, slow and truncated responses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.sources.fetch import FetchError, RateLimited, fetch, retry_time
from tests.httpserver import FixtureServer

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def test_a_page_is_fetched_with_its_type_and_charset(http_server: FixtureServer) -> None:
    url = http_server.add(
        "/a", "<html>hi</html>", headers={"Content-Type": "text/html; charset=iso-8859-1"}
    )
    got = fetch(url)
    assert (got.status, got.body, got.content_type, got.charset) == (
        200, b"<html>hi</html>", "text/html", "iso-8859-1",
    )


def test_redirects_are_followed_and_the_final_url_kept(http_server: FixtureServer) -> None:
    target = http_server.add("/new", "moved here")
    http_server.add("/old", status=301, headers={"Location": target})
    got = fetch(http_server.url("/old"))
    assert got.url == target and got.body == b"moved here"


def test_conditional_request_gets_304(http_server: FixtureServer) -> None:
    url = http_server.add("/feed", "<rss/>", etag='"v1"')
    first = fetch(url)
    assert first.etag == '"v1"'
    again = fetch(url, etag=first.etag, last_modified="Sat, 01 Nov 2026 10:00:00 GMT")
    assert again.status == 304 and again.body == b""
    sent = http_server.requests[-1][1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Sat, 01 Nov 2026 10:00:00 GMT"


def test_429_says_when_to_come_back(http_server: FixtureServer) -> None:
    url = http_server.add("/busy", status=429, headers={"Retry-After": "120"})
    with pytest.raises(RateLimited) as caught:
        fetch(url, now=NOW)
    assert caught.value.retry_after == NOW + timedelta(seconds=120)
    assert "asked to wait" in str(caught.value)


def test_retry_after_as_a_date_or_missing() -> None:
    assert retry_time("Sun, 01 Nov 2026 13:00:00 GMT", NOW, timedelta(hours=1)) == NOW + timedelta(
        hours=1
    )
    assert retry_time(None, NOW, timedelta(minutes=5)) == NOW + timedelta(minutes=5)
    assert retry_time("soon", NOW, timedelta(minutes=5)) == NOW + timedelta(minutes=5)


def test_http_errors_are_one_line(http_server: FixtureServer) -> None:
    with pytest.raises(FetchError, match=r"HTTP 404"):
        fetch(http_server.url("/missing"))


def test_a_truncated_response_is_an_error(http_server: FixtureServer) -> None:
    url = http_server.add("/cut", b"x" * 5000, truncate=1000)
    with pytest.raises(FetchError, match="cut short"):
        fetch(url, timeout=5)


def test_a_slow_response_times_out(http_server: FixtureServer) -> None:
    url = http_server.add("/slow", b"x" * 10_000, delay=0.3)
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, timeout=0.5)


def test_a_response_over_the_size_cap_is_refused(http_server: FixtureServer) -> None:
    url = http_server.add("/big", b"x" * 50_000)
    with pytest.raises(FetchError, match="too large"):
        fetch(url, max_bytes=10_000)


def test_nothing_but_http_https_and_file(tmp_path: Path) -> None:
    for url in ("ftp://example.invalid/x", "javascript:alert(1)", "data:text/plain,hi"):
        with pytest.raises(FetchError, match="only http"):
            fetch(url)
    local = tmp_path / "feed.xml"
    local.write_bytes(b"<rss/>")
    assert fetch(local.as_uri()).body == b"<rss/>"


def test_connection_refused_is_one_line() -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://127.0.0.1:9/nothing-listens-here", timeout=2)
