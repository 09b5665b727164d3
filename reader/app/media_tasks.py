"""Opening what an article points to: its numbered links in the browser, its media files in
the configured player; and loading its pictures when it is opened.

Nothing here goes through a shell: the browser through Python's `webbrowser` module, the
player as an argument list (`player = ["mpv", "--no-video"]` plus the file's address) with no
standard input or output of ours. Both start in a thread, as either can take its time.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from typing import TYPE_CHECKING, Any, Protocol

from reader.app.feed_tasks import FeedTasks, open_in_browser
from reader.app.widgets.article_links import NumberedLink, enclosure_label
from reader.app.widgets.reader_view import ReaderView
from reader.config import Config
from reader.store import Store

if TYPE_CHECKING:
    from textual.app import App

    from reader.models import Enclosure
    from reader.sources.images import Picture


class Reading(Protocol):
    """What the tasks need of the reading screen (which owns them)."""

    store: Store
    config: Config
    open_id: int | None
    feeds: FeedTasks

    @property
    def app(self) -> App[Any]: ...
    @property
    def reader(self) -> ReaderView: ...
    def notify(self, message: str, **kwargs: Any) -> None: ...


class MediaTasks:
    """The `L` (open link number …) and `e` (play a media file) keys of the reading screen."""

    def __init__(self, screen: Reading) -> None:
        self.screen = screen

    def notify(self, message: str, **kwargs: object) -> None:
        # Addresses are article text: the app never parses a notice as markup.
        self.screen.notify(message, **kwargs)

    # -- links ------------------------------------------------------------------------------

    def ask_link(self) -> None:
        """`L`: ask for a link's number, then open it."""
        links = self.screen.reader.links.links
        if not links:
            self.notify("This article has no links.", timeout=3)
            return
        if len(links) == 1:
            self.open_link(1)
            return
        from reader.app.screens.dialogs import NumberScreen

        question = f"Open link number (1–{len(links)}):"
        self.screen.app.push_screen(
            NumberScreen(question, len(links)),
            lambda number: self.open_link(number) if number else None,
        )

    def open_link(self, number: int) -> None:
        """Open link `number` of the open article in the browser, if it may be opened."""
        link = self.screen.reader.links.get(number)
        if link is None:
            self.notify(f"No link [{number}] in this article.", severity="warning", timeout=3)
            return
        self.open_in_browser(link)

    def open_in_browser(self, link: NumberedLink) -> None:
        target = link.target
        if target is None:
            self.notify(
                f"Link [{link.number}] is not opened: only http, https and mailto links open.",
                severity="warning", timeout=4,
            )
            return
        open_in_browser(self.screen.app, target)
        self.notify(f"Opening [{link.number}] {target}", timeout=3)

    # -- media files ------------------------------------------------------------------------

    def ask_enclosure(self) -> None:
        """`e`: play the article's media file (asking which, when it has several)."""
        open_id = self.screen.open_id
        stored = self.screen.store.get(open_id) if open_id is not None else None
        enclosures = stored.article.enclosures if stored is not None else []
        if not enclosures:
            self.notify("This article has no audio or video.", timeout=3)
            return
        if len(enclosures) == 1:
            self.play(enclosures[0])
            return
        from reader.app.screens.dialogs import NumberScreen

        question = f"Play media file number (1–{len(enclosures)}):"
        self.screen.app.push_screen(
            NumberScreen(question, len(enclosures), initial="1"),
            lambda number: self.play(enclosures[number - 1]) if number else None,
        )

    def play(self, enclosure: Enclosure) -> None:
        """Play with the configured player (an argument list), else open in the browser."""
        from reader.app.widgets.article_links import clickable_target

        target = clickable_target(enclosure.url)
        if target is None or not target.lower().startswith(("http://", "https://")):
            self.notify("This media file has no web address to play.", severity="warning")
            return
        player = list(self.screen.config.player)
        if not player:
            open_in_browser(self.screen.app, target)
            self.notify(f"Opening {enclosure_label(enclosure)} in the browser", timeout=3)
            return
        program = shutil.which(player[0])
        if program is None:
            self.notify(f"Player not found: {player[0]} (config: player)", severity="error")
            return
        command = [program, *player[1:], target]
        self.screen.app.run_worker(lambda: _start(command), thread=True, group="player")
        self.notify(f"Playing {enclosure_label(enclosure)} with {player[0]}", timeout=3)

    # -- pictures ---------------------------------------------------------------------------

    def load_pictures(self) -> None:
        """Fetch (or read) the open article's pictures in a thread, drawing each as it comes.

        Only for an article opened to read (never a preview), with pictures shown; at most
        MAX_IMAGES of them, for at most ARTICLE_TIME seconds."""
        from reader.app.widgets.article_images import picture_addresses
        from reader.sources import images

        reader = self.screen.reader
        stored = reader.stored
        if stored is None or not reader.pictures.shown:
            return
        pictures = reader.pictures
        wanted = [
            url for url in picture_addresses(stored.article)
            if url not in pictures.found and url not in pictures.failed
        ][: images.MAX_IMAGES]  # fmt: skip
        if not wanted:
            return
        cache = images.ImageCache(self.screen.feeds.data_dir / "images")
        app, article_id, location = self.screen.app, stored.id, stored.article.location

        def work() -> None:
            from textual.worker import get_current_worker

            worker = get_current_worker()
            deadline = time.monotonic() + images.ARTICLE_TIME
            for url in wanted:
                if worker.is_cancelled or time.monotonic() > deadline:
                    return
                try:
                    picture, problem = images.load_picture(url, location, cache), ""
                except images.ImageProblem as error:
                    picture, problem = None, str(error)
                app.call_from_thread(self.picture_arrived, article_id, url, picture, problem)

        app.run_worker(work, thread=True, group="pictures", exclusive=True)

    def picture_arrived(
        self, article_id: int, url: str, picture: Picture | None, problem: str
    ) -> None:
        from reader.app.widgets.article_images import sections_showing

        reader = self.screen.reader
        stored = reader.stored
        if stored is None or stored.id != article_id:
            return  # another article is open now
        reader.pictures.arrived(url, picture, problem)
        reader.redraw_sections(sections_showing(stored.article, url))

    def toggle_pictures(self) -> None:
        """`I`: the open article's pictures, or their placeholders."""
        from reader.app.widgets.article_images import picture_addresses

        reader = self.screen.reader
        if reader.stored is None or not picture_addresses(reader.stored.article):
            self.notify("This article has no pictures.", timeout=2)
            return
        pictures = reader.pictures
        if pictures.shown and not (pictures.found or pictures.failed):
            # Shown but never loaded (a preview, or the text replaced by `f`): load them.
            self.load_pictures()
            self.notify("Loading pictures…", timeout=2)
            return
        reader.pictures.shown = not reader.pictures.shown
        reader.redraw_sections(list(range(reader.section_count)))
        if reader.pictures.shown:
            self.load_pictures()
        self.notify("Pictures shown." if reader.pictures.shown else "Pictures hidden.", timeout=2)


def _start(command: list[str]) -> None:
    """Start the player detached from the terminal the app draws on; never wait for it."""
    subprocess.Popen(  # noqa: S603 - an argument list from the config, no shell
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
