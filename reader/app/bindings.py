"""Every binding the app has, by id: for the help screen, the config file and the palette."""

from __future__ import annotations

from textual.binding import Binding

from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.reader_view import ReaderView


def all_bindings() -> list[tuple[str, list[Binding]]]:
    """(group title, bindings) for each place keys work, in help-screen order."""
    from reader.app.app import ReaderApp

    def of(bindings: list) -> list[Binding]:  # type: ignore[type-arg]
        return [b for b in Binding.make_bindings(bindings) if b.id]

    return [
        ("Everywhere", of(ReaderApp.BINDINGS)),
        ("Article list", of(ArticleList.BINDINGS)),
        ("Reader", of(ReaderView.BINDINGS)),
    ]


def binding_descriptions() -> dict[str, str]:
    """Binding id -> description, one entry per id."""
    return {
        binding.id: binding.description
        for _, bindings in all_bindings()
        for binding in bindings
        if binding.id
    }
