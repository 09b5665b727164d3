"""Measure Markdown and HTML ingest on the shared development corpus and print tables.

The corpus is for local evaluation only and is never copied into the repository.

- `html/*.html`: 21 saved news pages, each with `*.txt`, the article text a good extractor
  should find. Each page goes through `decode_bytes` and `parse_html` (with its URL from
  `urls.tsv`, as if downloaded); the words of the article's body (section titles, paragraphs,
  lists, quotes; not the title) are compared with the expected words as bags of lower-case
  words, ROUGE-1 style: recall is the share of expected words found, precision the share of
  found words that were expected.
- `markdown/*.article`: 180 Go blog posts. Counted: parsed without an exception, with a
  title, with a date, with at least one section holding text.

    python benchmarks/ingest_corpus.py [--corpus DIR] [--worst N] [--show-failures]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import mean

from reader.ingest.decode import decode_bytes
from reader.ingest.errors import IngestError
from reader.ingest.html import parse_html
from reader.ingest.markdown import parse_markdown
from reader.ingest.sniff import sniff
from reader.models import Article

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def overlap(found: Counter[str], expected: Counter[str]) -> tuple[float, float, float]:
    """(recall, precision, F1) of two bags of words."""
    common = sum((found & expected).values())
    recall = common / max(1, sum(expected.values()))
    precision = common / max(1, sum(found.values()))
    f1 = 2 * recall * precision / (recall + precision) if common else 0.0
    return recall, precision, f1


def body_words(article: Article, *, placeholders: bool = False) -> str:
    """The body's text; `[image: alt]` placeholders left out unless asked for.

    The placeholders are markers the reader shows where a picture was, not article text, and
    the expected texts hold no image captions, so by default they are not counted.
    """
    if placeholders:
        return article.body_text()
    parts: list[str] = []
    for section in article.sections:
        parts.append(section.title)
        parts.extend(
            block.plain()
            for block in section.blocks
            if not (block.kind == "paragraph" and block.text.startswith("[image"))
        )
    return "\n".join(parts)


def html_table(corpus: Path, worst: int) -> list[tuple[str, float, float, float]]:
    folder = corpus / "html"
    urls = {}
    table = folder / "urls.tsv"
    if table.exists():
        for line in table.read_text(encoding="utf-8").splitlines()[1:]:
            name, _, url = line.partition("\t")
            urls[name] = url.strip()
    rows: list[tuple[str, float, float, float]] = []
    with_placeholders: list[float] = []
    seconds: list[float] = []
    for page in sorted(folder.glob("*.html")):
        expected = words(page.with_suffix(".txt").read_text(encoding="utf-8", errors="replace"))
        started = time.perf_counter()
        try:
            text = decode_bytes(page.read_bytes(), name=page.name)
            article = parse_html(text, url=urls.get(page.stem), location=str(page))
            found = words(body_words(article))
            with_placeholders.append(
                overlap(words(body_words(article, placeholders=True)), expected)[1]
            )
        except IngestError as error:
            print(f"  refused: {error}")
            found = Counter()
        seconds.append(time.perf_counter() - started)
        rows.append((page.stem, *overlap(found, expected)))
    print(f"HTML pages: {len(rows)}  (mean {mean(seconds) * 1000:.0f} ms per page)")
    print(f"  {'page':<26} {'recall':>7} {'precis.':>7} {'F1':>6}")
    for name, recall, precision, f1 in sorted(rows, key=lambda row: row[3])[:worst]:
        print(f"  {name:<26} {recall:7.3f} {precision:7.3f} {f1:6.3f}")
    if rows:
        print(
            f"  {'mean':<26} {mean(r[1] for r in rows):7.3f} {mean(r[2] for r in rows):7.3f} "
            f"{mean(r[3] for r in rows):6.3f}"
        )
        print(
            f"  precision with the [image: ...] placeholders counted: {mean(with_placeholders):.3f}"
        )
    return rows


def markdown_table(corpus: Path, show_failures: bool) -> None:
    posts = sorted((corpus / "markdown").glob("*.article"))
    counts: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for post in posts:
        try:
            text = decode_bytes(post.read_bytes(), name=post.name)
            counts["sniffed markdown"] += sniff(text, name=post.name) == "markdown"
            article = parse_markdown(
                text, source=post.name, location=str(post), file_stem=post.stem
            )
        except Exception as error:  # noqa: BLE001  (counting crashes is the point)
            failures.append(f"{post.name}: crashed: {type(error).__name__}: {error}")
            continue
        counts["parsed"] += 1
        has = {
            "with a title": bool(article.title) and article.title_origin == "title-line",
            "with a date": article.published is not None,
            "with an author": bool(article.author),
            "with >= 1 section": any(section.blocks for section in article.sections),
        }
        for label, ok in has.items():
            counts[label] += ok
            if not ok:
                failures.append(f"{post.name}: no {label.removeprefix('with ')}")
    elapsed = time.perf_counter() - started
    total = len(posts)
    print(f"\nMarkdown posts: {total}  ({elapsed / max(1, total) * 1000:.1f} ms per post)")
    for label in (
        "sniffed markdown",
        "parsed",
        "with a title",
        "with a date",
        "with an author",
        "with >= 1 section",
    ):
        share = counts[label] / total if total else 0.0
        print(f"  {label:<20} {counts[label]:>4}  {share:6.1%}")
    if show_failures:
        for line in failures:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--worst", type=int, default=21, help="HTML pages to list, worst first")
    parser.add_argument("--show-failures", action="store_true", help="list Markdown misses")
    args = parser.parse_args(argv)
    if not (args.corpus / "html").is_dir() and not (args.corpus / "markdown").is_dir():
        print(f"no corpus at {args.corpus} (expected html/ and markdown/ inside)", file=sys.stderr)
        return 1
    if (args.corpus / "html").is_dir():
        html_table(args.corpus, args.worst)
    if (args.corpus / "markdown").is_dir():
        markdown_table(args.corpus, args.show_failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
