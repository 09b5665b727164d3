"""Run `parse_feed` over feedparser's conformance feeds and count what became of each file.

The corpus (`wellformed/`, `illformed/`, `encoding/`, `entities/`) is for local evaluation
only and is not part of the repository. Each file is parsed as if downloaded from a URL; a
`Header: Content-type: ...` line in its comment is passed on as the Content-Type, and a
`Header: Content-Location: ...` line becomes its URL. Per folder the script prints how many
files parsed with at least one entry, parsed as a feed with none, were refused with a clean
`IngestError`, or crashed with any other exception (which must never happen).

Two checks against each file's `Expect:` line follow. Bozo: a file expected to be `bozo` (not
well-formed, or wrongly encoded) should come back refused or with a warning about it, and one
expected `not bozo` without one. Titles: where the expectation is exactly
`feed['title'] == '...'` or `entries[0]['title'] == '...'`, the parsed title should equal it
as written, or with its markup removed (reader keeps titles as one line of plain text).

    python benchmarks/ingest_feeds_corpus.py [--corpus DIR] [--show-crashes] [--show-refused]
"""

from __future__ import annotations

import argparse
import ast
import html
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from reader.ingest.errors import IngestError
from reader.ingest.feeds import parse_feed

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "feeds"
_HEADER = re.compile(rb"^\s*Header:\s*([\w-]+):\s*(.+?)\s*$", re.MULTILINE)
_EXPECT = re.compile(rb"^\s*Expect:\s*(.+?)\s*$", re.MULTILINE)
_TITLE_EXPECT = re.compile(
    r"^(?:not bozo and )?(feed|entries\[0\])\['title'\] == (u?'.*'|u?\".*\")$"
)
_TAG = re.compile(r"<[^>]*>")
COLUMNS = ("files", "entries", "empty", "refused", "crashed", "warned")


def expectation(data: bytes) -> str:
    found = _EXPECT.search(data[:4096])
    return found.group(1).decode("utf-8", "replace") if found else ""


def expected_title(expect: str) -> tuple[str, set[str]] | None:
    """("feed" or "entry", acceptable titles) when the expectation is only a title comparison.

    feedparser keeps markup in HTML titles where reader keeps plain text, and the expectation
    does not say which titles were HTML, so the title as written, with its entities decoded,
    or with its markup removed all count.
    """
    found = _TITLE_EXPECT.match(expect)
    if not found:
        return None
    try:
        value = str(ast.literal_eval(found.group(2).removeprefix("u")))
    except (ValueError, SyntaxError):
        return None
    text = html.unescape(_TAG.sub("", value))
    if not text.strip():
        return None  # only markup (an image, say): nothing for a plain-text title to match
    accepted = {" ".join(form.split()) for form in (value, html.unescape(value), text)}
    return ("feed" if found.group(1) == "feed" else "entry"), accepted


def problem_warnings(warnings: list[str]) -> list[str]:
    """Warnings about the document itself, not about entries skipped as empty."""
    return [warning for warning in warnings if not warning.startswith("skipped")]


def headers(data: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in _HEADER.findall(data[:4096]):
        found[name.decode("ascii").lower()] = value.decode("latin-1")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the feeds folder")
    parser.add_argument("--show-crashes", action="store_true", help="print each crash")
    parser.add_argument("--show-refused", action="store_true", help="print each refusal")
    parser.add_argument("--show-misses", action="store_true", help="print each failed check")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (pass --corpus DIR)", file=sys.stderr)
        return 1

    counts: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    slowest = (0.0, "")
    checks: Counter[str] = Counter()
    for path in sorted(args.corpus.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(args.corpus)
        folder = relative.parts[0] if len(relative.parts) > 1 else "."
        tally = counts.setdefault(folder, Counter())
        tally["files"] += 1
        data = path.read_bytes()
        found = headers(data)
        url = found.get("content-location") or f"http://corpus.example/{relative.as_posix()}"
        expect = expectation(data)
        began = time.perf_counter()
        problems: list[str] | None = None  # None: refused or crashed
        titles: dict[str, str] = {}
        try:
            feed = parse_feed(data, url=url, content_type=found.get("content-type"))
        except IngestError as error:
            tally["refused"] += 1
            if args.show_refused:
                print(f"refused  {relative}: {error}")
        except Exception:  # noqa: BLE001 - counting crashes is the point
            tally["crashed"] += 1
            if args.show_crashes:
                print(f"CRASHED  {relative}\n{traceback.format_exc()}")
        else:
            tally["entries" if feed.entries else "empty"] += 1
            tally["warned"] += bool(feed.warnings)
            problems = problem_warnings(feed.warnings)
            titles["feed"] = feed.title
            if feed.entries:
                titles["entry"] = feed.entries[0].title
        misses: list[str] = []
        if expect.startswith(("bozo", "not bozo")):
            want_bozo = expect.startswith("bozo")
            got_bozo = problems is None or bool(problems)
            checks["bozo checked"] += 1
            if want_bozo == got_bozo:
                checks["bozo agreed"] += 1
            else:
                misses.append(f"bozo expected {want_bozo}, got warnings {problems}")
        wanted = expected_title(expect)
        if wanted is not None:
            checks["titles checked"] += 1
            if titles.get(wanted[0]) in wanted[1]:
                checks["titles matched"] += 1
            else:
                misses.append(f"{wanted[0]} title {titles.get(wanted[0])!r}, want {wanted[1]!r}")
        if misses and args.show_misses:
            print(f"miss     {relative}: {'; '.join(misses)}")
        slowest = max(slowest, (time.perf_counter() - began, str(relative)))
    elapsed = time.perf_counter() - started

    print(f"{'folder':<12}" + "".join(f"{column:>9}" for column in COLUMNS))
    total: Counter[str] = Counter()
    for folder, tally in sorted(counts.items()):
        total.update(tally)
        print(f"{folder:<12}" + "".join(f"{tally[column]:>9}" for column in COLUMNS))
    print(f"{'total':<12}" + "".join(f"{total[column]:>9}" for column in COLUMNS))
    print(
        f"{elapsed:.1f} s in all; slowest file {slowest[0] * 1000:.0f} ms ({slowest[1]}). "
        "entries: parsed with >= 1 entry; empty: a feed with no entries; refused: IngestError; "
        "warned: parsed with warnings."
    )
    print(
        f"bozo: {checks['bozo agreed']} of {checks['bozo checked']} files agree with Expect; "
        f"titles: {checks['titles matched']} of {checks['titles checked']} match."
    )
    return 1 if total["crashed"] else 0


if __name__ == "__main__":
    sys.exit(main())
