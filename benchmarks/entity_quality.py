"""How trustworthy is the sidebar? Entities, titles, authored takeaways and the BBC-style ratio.

Scores `reader.insight.analyse` against the hand annotations in `benchmarks/devset/`:

- `entities.jsonl`: 40 CNN/DailyMail stories (the first 40 of at most 520 words), one per
  line, with the people, organisations and places a careful reader names in them (`a|b` are
  two spellings of one name; `ignore` holds names that are neither right nor wrong to list:
  works, events, "(CNN)" in a dateline).
- `pages.jsonl`: real web pages with the headline a reader sees and the author's own summary,
  and for ten of them the people, organisations and places (other outlets than the stories,
  and pages rather than clean text).

A listed name counts once: its second spelling ("Mondale" beside "Walter Mondale") is neither
right nor wrong, and a person's surname alone matches that person. It prints, per story as
sets: precision and recall per kind and over the three kinds together, precision ignoring the
kind, the names listed under two kinds; title accuracy on the pages; how many pages got
takeaways or a summary marked as the author's; and the ranked takeaways against lead-3 on all
300 stories: how many of the top three sentences are summary sentences (the greedy ROUGE
oracle's three), next to how many of the first three are (the ratio the issue measures on BBC
stories).

    python benchmarks/entity_quality.py [--corpus DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from insight_quality import rouge_n, tokens

from reader.insight import analyse, ranked_takeaways
from reader.insight.sentences import article_sentences, article_units, split_sentences
from reader.models import Article, Block, Section

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "benchmarks" / "devset"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
KINDS = {"person": "people", "organisation": "orgs", "place": "places"}
_TOKEN = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s?$")


def normal(name: str) -> str:
    """A name as compared: case, quotes, a leading "the", possessives and spacing ignored."""
    name = name.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    name = re.sub(r"\s*\([^)]*\)", "", name)  # "Football Association (FA)"
    name = _POSSESSIVE.sub("", name.strip()).rstrip(".")
    name = " ".join(name.lower().split())
    return name.removeprefix("the ")


def spellings(entry: str) -> set[str]:
    return {normal(s) for s in entry.split("|") if s.strip()}


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.predicted, self.gold = (
            self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0


@dataclass
class StoryScore:
    per_kind: dict[str, Tally] = field(default_factory=dict)
    any_kind_tp: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    double_kind: int = 0


def matches(name: str, entries: Iterable[str], surname: bool = False) -> str | None:
    """The entry `name` spells; with `surname`, a one-word name may be a person's last name."""
    key = normal(name)
    entries = list(entries)
    for entry in entries:
        if key in spellings(entry):
            return entry
    if surname and " " not in key:
        found = [e for e in entries if any(s.split()[-1] == key for s in spellings(e) if " " in s)]
        if len(found) == 1:
            return found[0]
    return None


def score_story(predicted: list[tuple[str, str]], gold: dict[str, list[str]]) -> StoryScore:
    """`predicted` as (kind, name) pairs; each gold entry can be found once."""
    result = StoryScore()
    all_gold = [e for kind in KINDS.values() for e in gold[kind]]
    kinds_by_name: dict[str, set[str]] = {}
    for kind, name in predicted:
        kinds_by_name.setdefault(normal(name), set()).add(kind)
    result.double_kind = sum(len(k) > 1 for k in kinds_by_name.values())
    for kind, field_name in KINDS.items():
        tally = Tally(gold=len(gold[field_name]))
        found: set[str] = set()
        for pkind, name in predicted:
            if pkind != kind:
                continue
            if matches(name, gold["ignore"]) and not matches(name, all_gold):
                continue  # neither right nor wrong
            entry = matches(name, gold[field_name], surname=kind == "person")
            if entry is not None and entry in found:
                continue  # a second spelling of a name already listed: neither right nor wrong
            tally.predicted += 1
            if entry is not None:
                found.add(entry)
                tally.tp += 1
            else:
                other = matches(name, all_gold, surname=True)
                if other is not None:
                    result.any_kind_tp += 1
                result.wrong.append(f"{name} as {kind}" + (" (kind)" if other else ""))
        result.any_kind_tp += tally.tp
        result.missed += [f"{e} ({kind})" for e in gold[field_name] if e not in found]
        result.per_kind[kind] = tally
    return result


def build_story(name: str, text: str) -> Article:
    """One line of news as the reader would hold it: one lead section, a block per sentence."""
    blocks = [Block(kind="paragraph", text=text[s:e]) for s, e in split_sentences(text)]
    return Article(title=name, title_origin="file-name", source="cnndm",
                   sections=[Section(title="", blocks=blocks)], original=text)


def entity_pairs(article: Article) -> list[tuple[str, str]]:
    insight = analyse(article)
    return [(f.kind, f.text) for f in insight.facts if f.kind in KINDS]


def entities_report(corpus: Path, show: bool) -> None:
    rows = [json.loads(line) for line in (DEVSET / "entities.jsonl").read_text().splitlines()
            if line.strip()]
    totals = {kind: Tally() for kind in KINDS}
    any_tp = predicted = doubles = 0
    for row in rows:
        text = " ".join((corpus / row["file"]).read_text(encoding="utf-8").split())
        score = score_story(entity_pairs(build_story(row["file"], text)), row)
        for kind, tally in score.per_kind.items():
            totals[kind].add(tally)
            predicted += tally.predicted
        any_tp += score.any_kind_tp
        doubles += score.double_kind
        if show and (score.wrong or score.missed):
            print(f"  {row['file']}: wrong {score.wrong}\n  {' ' * len(row['file'])}  "
                  f"missed {score.missed}")
    overall = Tally()
    print(f"entities: {len(rows)} annotated stories ({sum(t.gold for t in totals.values())} "
          "names), compared per story as sets")
    print(f"{'kind':<14}{'P':>7}{'R':>7}{'listed':>8}{'gold':>6}")
    for kind, tally in totals.items():
        overall.add(tally)
        print(f"{kind:<14}{tally.precision:>7.3f}{tally.recall:>7.3f}"
              f"{tally.predicted:>8}{tally.gold:>6}")
    print(f"{'all three':<14}{overall.precision:>7.3f}{overall.recall:>7.3f}"
          f"{overall.predicted:>8}{overall.gold:>6}")
    print(f"kind-agnostic precision: {any_tp / predicted if predicted else 1.0:.3f}")
    print(f"names listed under two kinds: {doubles}")


def pages_report(corpus: Path, show: bool) -> None:
    from reader.ingest.html import parse_html

    rows = [json.loads(line) for line in (DEVSET / "pages.jsonl").read_text().splitlines()
            if line.strip()]
    urls = dict(line.split("\t", 1) for line in
                (corpus / "html" / "urls.tsv").read_text().splitlines()[1:] if "\t" in line)
    right = authored = summaries = 0
    page_totals = {kind: Tally() for kind in KINDS}
    annotated = 0
    for row in rows:
        path = corpus / row["file"]
        article = parse_html(path.read_text(encoding="utf-8", errors="replace"),
                             url=urls.get(path.stem, "").strip() or None)
        expected = {_title_key(t) for t in row["title"]}
        ok = _title_key(article.title) in expected
        right += ok
        insight = analyse(article)
        if "people" in row:
            annotated += 1
            pairs = [(f.kind, f.text) for f in insight.facts if f.kind in KINDS]
            score = score_story(pairs, row)
            for kind, tally in score.per_kind.items():
                page_totals[kind].add(tally)
            if show and (score.wrong or score.missed):
                print(f"  {row['file']}: wrong {score.wrong}, missed {score.missed}")
        authored += any(t.authored for t in insight.takeaways) and not row["summary"]
        summaries += bool(insight.summary) and not row["summary"]
        if show and not ok:
            print(f"  {row['file']}: title {article.title!r}, expected {row['title'][0]!r}")
        if show and any(t.authored for t in insight.takeaways) and not row["summary"]:
            print(f"  {row['file']}: authored takeaways {[t.text for t in insight.takeaways]}")
    overall = Tally()
    for tally in page_totals.values():
        overall.add(tally)
    print(f"entities on {annotated} annotated pages (other outlets and sites): "
          + ", ".join(f"{kind} P {t.precision:.3f} R {t.recall:.3f}"
                      for kind, t in page_totals.items())
          + f"; all three P {overall.precision:.3f} R {overall.recall:.3f} "
          f"({overall.predicted} listed, {overall.gold} annotated)")
    print(f"titles: {right}/{len(rows)} right ({right / len(rows):.0%})")
    print(f"pages with takeaways marked as the author's where the author wrote none: {authored}")
    print(f"pages with a summary where the author wrote none: {summaries}")


def _title_key(title: str) -> str:
    return " ".join(_TOKEN.findall(title.lower().replace("’", "'")))


def oracle(sentences: Sequence[str], reference: str, size: int = 3) -> set[int]:
    """The sentences that make the summary: chosen greedily to maximise ROUGE-1 + ROUGE-2
    against the reference highlights, the usual way extractive labels are made for CNN/DM."""
    ref = tokens(reference)
    words = [tokens(s) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < size:
        pick = None
        for i in range(len(sentences)):
            if i in chosen:
                continue
            candidate = [w for j in sorted([*chosen, i]) for w in words[j]]
            score = rouge_n(candidate, ref, 1) + rouge_n(candidate, ref, 2)
            if score > best:
                best, pick = score, i
        if pick is None:
            break
        chosen.append(pick)
    return set(chosen)


def ratio_report(corpus: Path) -> None:
    """How often the top three ranked sentences are summary sentences, against lead-3."""
    ranked_hits = lead_hits = stories = 0
    timings: list[float] = []
    for path in sorted((corpus / "cnndm").glob("[0-9]*.txt")):
        reference_path = path.with_name(path.stem + ".summary.txt")
        if ".summary" in path.name or not reference_path.exists():
            continue
        article = build_story(path.stem, " ".join(path.read_text(encoding="utf-8").split()))
        started = time.perf_counter()
        analyse(article)
        timings.append((time.perf_counter() - started) * 1000)
        sentences = article_sentences(article_units(article))
        texts = [s.text for s in sentences]
        labels = oracle(texts, reference_path.read_text(encoding="utf-8"))
        at = {text: i for i, text in enumerate(texts)}
        ranked_hits += sum(at.get(t.text) in labels for t in ranked_takeaways(sentences, 3))
        lead_hits += sum(i in labels for i in range(min(3, len(texts))))
        stories += 1
    ratio = ranked_hits / lead_hits if lead_hits else 0.0
    print(f"takeaways: {stories} stories; top-3 sentences that are summary sentences: ranked "
          f"{ranked_hits}, lead-3 {lead_hits}; ranked/lead-3 {ratio:.3f}")
    ordered = sorted(timings)
    if ordered:
        mean = sum(ordered) / len(ordered)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"analyse time per story: mean {mean:.2f} ms, p95 {p95:.2f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder holding cnndm/ and html/")
    parser.add_argument("--show", action="store_true", help="list each wrong and missed name")
    args = parser.parse_args(argv)
    if not (args.corpus / "cnndm").is_dir():
        print(f"entity_quality: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    entities_report(args.corpus, args.show)
    pages_report(args.corpus, args.show)
    ratio_report(args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
