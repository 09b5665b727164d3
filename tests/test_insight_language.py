"""The article's language: detected, shown in `show --json`, and kinds only where rules read it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.insight import analyse, detect_language
from reader.models import Article, Block, Section

PORTUGUESE = (
    "O técnico Tite disse nesta quinta-feira que a seleção não vai mudar o seu estilo de jogo. "
    "Não há motivo para pânico, afirmou Tite ao jornal depois do treino no Rio de Janeiro. "
    "A Copa Libertadores começa em fevereiro e o clube investiu 40 milhões de reais no elenco. "
    "O Instituto Lula informou em 12 de março que o evento foi adiado por duas semanas."
)
ENGLISH = (
    "The harbour authority approved a plan to dredge the old channel on Thursday, clearing the "
    "way for larger ferries by the summer. The work will cost about $48 million, according to "
    "Mara Lindqvist, who chairs the Harbourton Port Authority."
)


def article(*paragraphs: str) -> Article:
    blocks = [Block(kind="paragraph", text=p) for p in paragraphs]
    return Article(title="t", sections=[Section(blocks=blocks)])


def test_languages_are_detected() -> None:
    assert detect_language(article(ENGLISH)) == "en"
    assert detect_language(article(PORTUGUESE)) == "pt"
    assert detect_language(article("Rain today.")) is None, "too short to tell"
    stated = article(PORTUGUESE).model_copy(update={"language": "es"})
    assert detect_language(stated) == "es", "a language ingest set is trusted"


def test_an_unknown_language_gets_no_kinds_but_keeps_its_figures() -> None:
    insight = analyse(article(PORTUGUESE))
    kinds = {f.kind for f in insight.facts}
    assert not kinds & {"person", "organisation", "place"}, [f.text for f in insight.facts]
    names = {f.text for f in insight.facts}
    for wrong in ("Tite", "Não", "Copa Libertadores", "Instituto Lula"):
        assert wrong not in names
    assert insight.takeaways, "key sentences all the same"


def test_english_keeps_its_kinds() -> None:
    insight = analyse(article(ENGLISH))
    assert ("person", "Mara Lindqvist") in {(f.kind, f.text) for f in insight.facts}


def test_show_json_names_the_language(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    data = tmp_path / "data"
    story = tmp_path / "tite.txt"
    story.write_text("Tite mantém a seleção\n\n" + PORTUGUESE + "\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "add", str(story)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    added = next(item["id"] for item in items if item["title"] == "Tite mantém a seleção")
    assert main(["--data-dir", str(data), "show", str(added), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["language"] == "pt"
    assert not [f for f in shown["facts"] if f["kind"] in ("person", "organisation", "place")]


def test_importing_reads_no_word_list_and_loads_no_detector() -> None:
    code = (
        "import sys; import reader.insight; from reader.insight.wordlists import read_list; "
        "print('py3langid' in sys.modules, read_list.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "0"]


def test_english_needs_no_detector_model() -> None:
    code = (
        "import sys; from reader.insight.language import detect_text_language; "
        f"print(detect_text_language({ENGLISH!r}), 'py3langid' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["en", "False"]


def test_after_an_analysis_the_rules_look_words_up_in_plain_sets() -> None:
    import reader.insight as insight_package
    from reader.insight.wordlists import Words

    analyse(article(ENGLISH))
    modules = [m for name, m in sorted(sys.modules.items())
               if name.startswith("reader.insight.") and m is not None]
    left = [f"{m.__name__}.{k}" for m in modules if m.__name__ != "reader.insight.wordlists"
            for k, v in vars(m).items() if isinstance(v, Words)]
    assert insight_package and not left, left


def test_opening_an_article_in_any_language_never_loads_the_detector() -> None:
    code = (
        "import sys; from reader.insight import analyse; "
        "from reader.models import Article, Block, Section; "
        f"analyse(Article(title='t', sections=[Section(blocks=[Block(kind='paragraph', "
        f"text={PORTUGUESE!r})])])); print('py3langid' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False"]
