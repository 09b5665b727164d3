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
    start = "reader.cli, reader.app.app, reader.cli.lookup, reader.sources.library"
    assert imported_after(start, HEAVY) == []


def test_ingest_store_and_insight_never_import_textual() -> None:
    layers = (
        "reader.ingest, reader.ingest.document, reader.store, reader.insight, "
        "reader.sources.library, reader.sources.refresh"
    )
    assert imported_after(layers, ("textual",)) == []


def test_starting_the_app_imports_no_parser_fetcher_or_dialog_of_ours() -> None:
    # The app's start path: only what the first frame needs. A new store's seeds, `a`, `r`,
    # `f`, `o`, `t`, `M` and `?` import their modules when first used.
    later = (
        "reader.sources.library", "reader.ingest.document", "reader.ingest.text",
        "reader.ingest.files", "reader.sources.fetch", "reader.sources.refresh", "webbrowser",
        "http.client",
        "reader.app.screens.dialogs", "reader.app.screens.help",
    )
    assert imported_after("reader.cli, reader.app.app, reader.cli.lookup", later) == []


def _import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports, anywhere in it (a function's lazy import too:
    a module that needs a name from above is in the wrong place, whenever it asks)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "reader"
    files = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[name] = path
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text())):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                # `from package import module` needs the module; `from module import name`
                # needs the module the name is in.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
                    for alias in node.names
                ]
            for target in targets:
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _import_graph()
    circles = []
    for start in graph:
        stack = [(start, [start])]
        while stack:
            module, path = stack.pop()
            for target in graph[module]:
                if target == start:
                    circles.append(" -> ".join([*path, start]))
                elif target not in path and len(path) < 8:
                    stack.append((target, [*path, target]))
    assert circles == []
