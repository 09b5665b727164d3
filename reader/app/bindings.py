"""Every key binding reader has, by where it works: one table for the app and its widgets, the
help screen, the command palette, `reader config --init` and the check of the config's [keys].

Only Textual's `Binding` is imported here: widgets and screens take their lists from this
module, never the other way round.
"""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (your place is kept)"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="app.help"),
    Binding("tab", "app.focus_next", "Next pane", show=False, id="app.focus_next"),
    Binding(
        "shift+tab", "app.focus_previous", "Previous pane", show=False,
        id="app.focus_previous",
    ),
    Binding("right_square_bracket", "next_section", "Next §", key_display="]",
            id="app.next_section", tooltip="Jump to the next section"),
    Binding("left_square_bracket", "previous_section", "Prev §", key_display="[",
            id="app.previous_section", tooltip="Jump to the previous section"),
    Binding("space", "page_down", "Page/next unread", show=False, id="app.page_down",
            tooltip="Page down; at the end, open the next unread article"),
    Binding("slash", "search", "Search", key_display="/", id="app.search",
            tooltip="Search and filter the list as you type"),
    Binding("b", "toggle_bookmark", "Bookmark", id="app.bookmark"),
    Binding("m", "toggle_read", "Read/unread", id="app.toggle_read"),
    Binding("u", "filter_unread", "Unread only", id="app.filter_unread"),
    Binding("B", "filter_bookmarked", "Bookmarked only", key_display="B",
            id="app.filter_bookmarked"),
    Binding("s", "cycle_sort", "Sort", show=False, id="app.sort",
            tooltip="Sort by date, oldest, title, source, length"),
    Binding("t", "edit_tags", "Tags", show=False, id="app.tags",
            tooltip="Add or remove tags on the article"),
    Binding("M", "mark_all_read", "Mark all read", show=False, key_display="M",
            id="app.mark_all_read", tooltip="Mark every article in the list read"),
    Binding("z", "undo", "Undo", show=False, id="app.undo",
            tooltip="Undo the last bookmark, read or tag change"),
    Binding("o", "open_link", "Open link", show=False, id="app.open_link",
            tooltip="Open the article's web page in the browser"),
    Binding("L", "open_numbered_link", "Open link [n]", show=False, key_display="L",
            id="app.open_numbered_link",
            tooltip="Open one of the article's links by its number ([3] in the text)"),
    Binding("e", "play_enclosure", "Play media", show=False, id="app.play_enclosure",
            tooltip="Play the article's podcast or video (config: player), else open it"),
    Binding("I", "toggle_images", "Pictures", show=False, key_display="I", id="app.images",
            tooltip="Show the open article's pictures, or only their captions"),
    Binding("y", "copy_link", "Copy link", show=False, id="app.copy_link",
            tooltip="Copy the article's web address"),
    Binding("a", "add", "Add", show=False, id="app.add",
            tooltip="Add articles from a file, folder, web page or feed"),
    Binding("r", "refresh", "Refresh", id="app.refresh",
            tooltip="Sync the accounts and fetch every feed"),
    Binding("f", "fulltext", "Full text", show=False, id="app.fulltext",
            tooltip="Replace a feed teaser with the full article from its link"),
    Binding("ctrl+t", "app.change_theme", "Theme", show=False, id="app.theme",
            tooltip="Choose a colour theme (kept in the config file)"),
    Binding("backslash", "toggle_list", "Toggle list", show=False, key_display="\\",
            id="app.toggle_list"),
    Binding("i", "toggle_sidebar", "Key facts", show=False, id="app.toggle_sidebar",
            tooltip="Show or hide the key facts (on a narrow screen, in place of a pane)"),
    Binding("c", "toggle_contents", "Contents", show=False, id="app.contents",
            tooltip="Show or fold the article's notes and contents"),
    Binding("escape", "back", "Back to the list", show=False, id="app.back",
            tooltip="From the article (or key facts) back to the list"),
]
LIST_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
    Binding("home,g", "first", "First", show=False, id="list.first"),
    Binding("end,G", "last", "Last", show=False, id="list.last"),
    Binding("enter", "open", "Open", id="list.open", tooltip="Open the article"),
]
READER_BINDINGS: list[Binding] = [
    Binding("j", "scroll_down", "Scroll down", show=False, id="reader.down"),
    Binding("k", "scroll_up", "Scroll up", show=False, id="reader.up"),
]
SEARCH_BAR_BINDINGS: list[Binding] = [
    Binding("escape", "clear_or_leave", "Clear / back to the list", id="search.escape"),
]
CONFIRM_BINDINGS: list[Binding] = [
    Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    Binding("n,escape", "answer(False)", "No", id="confirm.no"),
]
TAGS_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]
ADD_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="add.cancel")]
NUMBER_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="number.cancel")]
HELP_BINDINGS: list[Binding] = [
    Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
]
PALETTE_BINDINGS: list[Binding] = [
    Binding("ctrl+p", "command_palette", "Command palette", id="app.command_palette"),
]


def all_bindings() -> list[tuple[str, list[Binding]]]:
    """(group title, bindings) for each place keys work, in help-screen order."""
    return [
        ("Everywhere", APP_BINDINGS),
        ("Article list", LIST_BINDINGS),
        ("Reader", READER_BINDINGS),
        ("Search bar", SEARCH_BAR_BINDINGS),
        ("Dialogs", CONFIRM_BINDINGS + TAGS_BINDINGS + ADD_BINDINGS + NUMBER_BINDINGS),
        ("Help", HELP_BINDINGS),
    ]


def binding_descriptions() -> dict[str, str]:
    """Binding id -> description, one entry per id: every id the config's [keys] may name."""
    return {
        binding.id: binding.description
        for _, bindings in all_bindings()
        for binding in bindings
        if binding.id
    }
