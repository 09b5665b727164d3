"""Starting the app must not import the heavy ingest libraries (they cost about a second)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("trafilatura", "feedparser", "markdown_it", "lxml", "charset_normalizer")


def imported_after(imports: str, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after `import <imports>`."""
    code = (
        f"import sys\nimport {imports}\n"
        f"print(','.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_starting_the_app_imports_none_of_the_heavy_ingest_libraries() -> None:
    start = "reader.cli, reader.app.app, reader.commands, reader.library"
    assert imported_after(start, HEAVY) == []


def test_ingest_store_and_insight_never_import_textual() -> None:
    layers = (
        "reader.ingest, reader.ingest.document, reader.store, reader.insight, "
        "reader.library, reader.refresh"
    )
    assert imported_after(layers, ("textual",)) == []


def test_starting_the_app_imports_no_parser_fetcher_or_dialog_of_ours() -> None:
    # The app's start path: only what the first frame needs. A new store's seeds, `a`, `r`,
    # `f`, `o`, `t`, `M` and `?` import their modules when first used.
    later = (
        "reader.library", "reader.ingest.document", "reader.ingest.text", "reader.ingest.files",
        "reader.fetch", "reader.refresh", "webbrowser", "http.client",
        "reader.app.screens.dialogs", "reader.app.screens.help",
    )
    assert imported_after("reader.cli, reader.app.app, reader.commands", later) == []
