"""Ranked takeaways, and the benchmark script that measures them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from reader.insight import analyse
from reader.models import Article, Block, Section

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "insight_quality.py"

NEWS = [
    "Storms closed the coastal railway between Port Ellis and Marrow Bay on Sunday.",
    "Engineers said waves had washed away a 200-metre stretch of track near the harbour wall.",
    "Why?",
    "It was bad.",
    "The operator expects the line to stay shut for at least six weeks while the sea wall is "
    "rebuilt.",
    "Engineers said waves had washed away a 200-metre stretch of the track near the harbour.",
    "Replacement buses will run every thirty minutes, the operator said.",
    "\"We have never seen damage like this,\" said one engineer.",
    "Local shops fear a quiet summer without visitors arriving by train.",
    "The council will meet on Thursday to discuss emergency funding.",
]


def ranked(paragraphs: list[str]) -> list[str]:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    insight = analyse(Article(title="t", sections=[Section(blocks=blocks)]))
    assert not any(t.authored for t in insight.takeaways)
    return [t.text for t in insight.takeaways]


def test_three_to_five_in_article_order_without_fragments_or_repeats() -> None:
    chosen = ranked(NEWS)
    assert 3 <= len(chosen) <= 5
    assert chosen == sorted(chosen, key=NEWS.index)
    assert chosen[0] == NEWS[0], "the lead sentence carries the news"
    assert "Why?" not in chosen and "It was bad." not in chosen
    assert not (NEWS[1] in chosen and NEWS[5] in chosen), "near-duplicates are dropped"


def test_long_article_gets_more_takeaways() -> None:
    long_news = NEWS * 12
    chosen = ranked([f"{s} Part {i}." for i, s in enumerate(long_news)])
    assert len(chosen) == 5


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("insight_quality", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rouge_scores() -> None:
    bench = _benchmark()
    same = bench.tokens("The cat sat on the mat.")
    assert bench.rouge_n(same, same, 1) == bench.rouge_n(same, same, 2) == 1.0
    assert bench.rouge_l(same, same) == 1.0
    other = bench.tokens("A dog slept")
    assert bench.rouge_n(same, other, 1) == 0.0
    partial = bench.tokens("the cat ran")
    # Unigrams: 2 of 3 candidate tokens match, 2 of 6 reference tokens are covered.
    assert bench.rouge_n(partial, same, 1) == pytest.approx(2 * (2 / 3) * (1 / 3) / (2 / 3 + 1 / 3))


def test_benchmark_runs_on_a_small_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    for i in range(3):
        (tmp_path / f"{i:04d}.txt").write_text(" ".join(NEWS), encoding="utf-8")
        (tmp_path / f"{i:04d}.summary.txt").write_text(
            "Storms closed the coastal railway.\nThe line will stay shut for six weeks.\n",
            encoding="utf-8")
    assert _benchmark().main(["--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "articles: 3" in out and "lead-3" in out and "ranked/lead-3" in out
    assert "promotional flags raised: 0" in out


def test_benchmark_says_so_when_the_corpus_is_missing(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _benchmark().main(["--corpus", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no corpus articles" in err
