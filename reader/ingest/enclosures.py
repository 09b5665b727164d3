"""A feed entry's media files (podcast episodes, video) -> `Enclosure`s.

RSS says `<enclosure url length type>`, Media RSS `<media:content url type fileSize duration
medium>`, iTunes `<itunes:duration>` (seconds, `MM:SS` or `HH:MM:SS`) for the whole entry, and
JSON Feed `attachments` with `size_in_bytes` and `duration_in_seconds`. Images are not
enclosures here: they stay among the article's image references. Every URL is an absolute
http(s) address (`safe_url`), each once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from reader.ingest.feed_entries import one_line, safe_url
from reader.models import Enclosure

_MEDIA_PREFIXES = ("audio/", "video/")
_MEDIA_KINDS = frozenset({"audio", "video"})
_MEDIA_EXTENSIONS = re.compile(
    r"\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|flac|wav|mp4|m4v|mov|webm|mkv)(?:$|[?#])", re.IGNORECASE
)
_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})")
_LARGEST = 2**53
"""Sizes and durations past this are nonsense (and would not survive JSON): left out."""


def parse_duration(value: Any) -> int | None:
    """Seconds from `3723`, `62:03`, `1:02:03` or `3723.5`; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = int(value)
    elif isinstance(value, str):
        text = value.strip()
        match = _CLOCK.fullmatch(text)
        if match:
            hours, minutes, secs = (int(part or 0) for part in match.groups())
            seconds = hours * 3600 + minutes * 60 + secs
        else:
            try:
                seconds = int(float(text))
            except (ValueError, OverflowError):
                return None
    else:
        return None
    return seconds if 0 < seconds < _LARGEST else None


def parse_length(value: Any) -> int | None:
    """Bytes from `12345678` (text or number); None for 0, negatives and anything else."""
    if isinstance(value, bool):
        return None
    try:
        length = int(str(value).strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return length if 0 < length < _LARGEST else None


def is_media(mime: str, medium: str, url: str) -> bool:
    """Audio or video, by type, by Media RSS `medium`, else by the file's extension."""
    mime = mime.lower()
    if mime.startswith(_MEDIA_PREFIXES) or medium.lower() in _MEDIA_KINDS:
        return True
    return not mime and not medium and bool(_MEDIA_EXTENSIONS.search(url))


def collect_enclosures(candidates: Iterable[Mapping[str, Any]], base: str) -> list[Enclosure]:
    """`Enclosure`s from dicts with `url`, `type`, `medium`, `length`, `duration`, `title`:
    media only, safe URLs only, each URL once (a later mention fills what an earlier lacked)."""
    found: dict[str, Enclosure] = {}
    for candidate in candidates:
        url = safe_url(candidate.get("url"), base)
        mime = candidate.get("type")
        mime = one_line(mime) if isinstance(mime, str) else ""
        medium = candidate.get("medium")
        medium = medium if isinstance(medium, str) else ""
        if url is None or not is_media(mime, medium, url):
            continue
        title = candidate.get("title")
        enclosure = Enclosure(
            url=url,
            type=mime[:100],
            length=parse_length(candidate.get("length")),
            duration=parse_duration(candidate.get("duration")),
            title=one_line(title)[:200] if isinstance(title, str) else "",
        )
        if url in found:
            old = found[url]
            found[url] = old.model_copy(
                update={
                    "type": old.type or enclosure.type,
                    "length": old.length or enclosure.length,
                    "duration": old.duration or enclosure.duration,
                    "title": old.title or enclosure.title,
                }
            )
        else:
            found[url] = enclosure
    return list(found.values())


def feedparser_enclosures(entry: Mapping[str, Any], base: str) -> list[Enclosure]:
    """An RSS/Atom entry's enclosures, as feedparser read them."""
    candidates: list[dict[str, Any]] = []
    for item in entry.get("enclosures") or []:
        candidates.append(
            {"url": item.get("href"), "type": item.get("type"), "length": item.get("length")}
        )
    for item in entry.get("media_content") or []:
        candidates.append(
            {
                "url": item.get("url"),
                "type": item.get("type"),
                "medium": item.get("medium"),
                "length": item.get("filesize") or item.get("fileSize"),
                "duration": item.get("duration"),
            }
        )
    enclosures = collect_enclosures(candidates, base)
    # itunes:duration is the episode's: it belongs to the first (usually only) file.
    duration = parse_duration(entry.get("itunes_duration"))
    if enclosures and duration and enclosures[0].duration is None:
        enclosures[0] = enclosures[0].model_copy(update={"duration": duration})
    return enclosures


def json_feed_enclosures(attachments: Any, base: str) -> list[Enclosure]:
    """A JSON Feed item's audio and video attachments."""
    if not isinstance(attachments, list):
        return []
    return collect_enclosures(
        (
            {
                "url": item.get("url"),
                "type": item.get("mime_type"),
                "length": item.get("size_in_bytes"),
                "duration": item.get("duration_in_seconds"),
                "title": item.get("title"),
            }
            for item in attachments
            if isinstance(item, dict)
        ),
        base,
    )
