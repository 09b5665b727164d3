"""The article the last session ended on is on screen, under the cursor, from the first frame."""

from __future__ import annotations

from pathlib import Path

from reader.app.widgets.article_list import ROW_HEIGHT, ArticleList
from reader.store.listing import ALL
from reader.store.meta import LAST_OPEN_KEY
from tests.apphelpers import make_app
from tests.conftest import make_article

SIZE = (100, 30)


async def test_a_restored_cursor_at_the_bottom_of_the_list_is_in_view(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.add_many([make_article(n) for n in range(1, 80)])
    last_id = app.store.ids(ALL)[-1]  # the oldest: the list's last row
    app.store.set_meta(LAST_OPEN_KEY, str(last_id))

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert articles.current is not None and articles.current.id == last_id
        top = int(articles.scroll_offset.y)
        height = articles.scrollable_content_region.height
        row_top = articles.cursor * ROW_HEIGHT
        assert height > 0
        assert top <= row_top and row_top + ROW_HEIGHT <= top + height, (top, row_top, height)
