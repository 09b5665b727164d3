"""How good are the ranked takeaways? ROUGE against CNN/DailyMail highlights, next to lead-3.

Each corpus article (`NNNN.txt`, one line) becomes an `Article` with one untitled section whose
paragraph blocks are its sentences; its reference summary is `NNNN.summary.txt`. The script
prints ROUGE-1/2/L F1 for the ranker and for the first three sentences (lead-3), the ratio of
the two, how long `analyse` takes per article, and how many promotional flags it raised
(the corpus is plain news, so every flag is a false one).

    python benchmarks/insight_quality.py [--corpus DIR] [--count 3] [--limit N] [--rounds N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reader.insight import analyse, ranked_takeaways
from reader.insight.sentences import article_sentences, article_units, split_sentences
from reader.models import Article, Block, Section

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "cnndm"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 with clipped n-gram counts."""
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 from the longest common subsequence of the two token sequences."""
    if not candidate or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for token in candidate:
        current = [0]
        for j, ref_token in enumerate(reference, 1):
            current.append(previous[j - 1] + 1 if token == ref_token
                           else max(previous[j], current[j - 1]))
        previous = current
    return _f1(previous[-1], len(candidate), len(reference))


def scores(candidate: str, reference: str) -> tuple[float, float, float]:
    cand, ref = tokens(candidate), tokens(reference)
    return rouge_n(cand, ref, 1), rouge_n(cand, ref, 2), rouge_l(cand, ref)


def build_article(name: str, text: str) -> Article:
    """One line of news as the reader would hold it: one lead section, a block per sentence."""
    blocks = [Block(kind="paragraph", text=text[s:e]) for s, e in split_sentences(text)]
    return Article(title=name, title_origin="file-name", source="cnndm",
                   sections=[Section(title="", blocks=blocks)], original=text)


def _mean(rows: list[tuple[float, float, float]], i: int) -> float:
    return statistics.fmean(row[i] for row in rows) if rows else 0.0


def _round(articles: list[Article]) -> float:
    """CPU time per article in ms: other work on a shared machine does not count."""
    started = time.process_time()
    for article in articles:
        analyse(article)
    return (time.process_time() - started) * 1000 / max(1, len(articles))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder of NNNN.txt articles and NNNN.summary.txt highlights")
    parser.add_argument("--count", type=int, default=3, help="takeaways to rank (lead-3 uses 3)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=1,
                        help="analyse every article this many times more and report the "
                             "fastest round's mean (steadier on a shared machine)")
    args = parser.parse_args(argv)

    articles = sorted(p for p in args.corpus.glob("[0-9]*.txt") if ".summary" not in p.name)
    if not articles:
        print(f"insight_quality: no corpus articles in {args.corpus}", file=sys.stderr)
        return 2
    if args.limit:
        articles = articles[: args.limit]

    ranked_rows: list[tuple[float, float, float]] = []
    lead_rows: list[tuple[float, float, float]] = []
    timings: list[float] = []
    flags = 0
    for path in articles:
        reference_path = path.with_name(path.stem + ".summary.txt")
        if not reference_path.exists():
            continue
        text = " ".join(path.read_text(encoding="utf-8").split())
        reference = reference_path.read_text(encoding="utf-8")
        article = build_article(path.stem, text)

        started = time.perf_counter()
        insight = analyse(article)
        timings.append((time.perf_counter() - started) * 1000)
        flags += len(insight.flags)

        sentences = article_sentences(article_units(article))
        ranked = ranked_takeaways(sentences, args.count)
        ranked_rows.append(scores(" ".join(t.text for t in ranked), reference))
        lead_rows.append(scores(" ".join(s.text for s in sentences[:3]), reference))

    print(f"articles: {len(ranked_rows)} from {args.corpus}")
    print(f"{'method':<16}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}")
    for label, rows in ((f"ranked ({args.count})", ranked_rows), ("lead-3", lead_rows)):
        print(f"{label:<16}" + "".join(f"{_mean(rows, i):>9.4f}" for i in range(3)))
    ratios = [_mean(ranked_rows, i) / (_mean(lead_rows, i) or 1.0) for i in range(3)]
    print(f"{'ranked/lead-3':<16}" + "".join(f"{r:>9.3f}" for r in ratios))
    if args.rounds > 1:
        built = [build_article(p.stem, " ".join(p.read_text(encoding="utf-8").split()))
                 for p in articles]
        best = min(_round(built) for _ in range(args.rounds))
        print(f"analyse CPU time per article, fastest of {args.rounds} rounds: {best:.2f} ms")
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
    mean = statistics.fmean(timings) if timings else 0.0
    print(f"analyse time per article: mean {mean:.2f} ms, p95 {p95:.2f} ms")
    print(f"promotional flags raised: {flags}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
