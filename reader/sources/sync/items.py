"""Items from a sync server -> `Article`s, through the same path as feed entries.

The server's HTML goes through the HTML reader (sections, links, repairs) exactly as a feed
entry's does; titles, names and links are untrusted text and are cleaned the same way.
"""

from __future__ import annotations

import html

from reader.ingest.feed_entries import RawEntry, entry_article, host_of, plain_line, safe_url
from reader.models import Article
from reader.sources.sync.model import RemoteFeed, RemoteItem


def item_article(account: str, item: RemoteItem, feed: RemoteFeed | None) -> Article | None:
    feed_url = (feed.url if feed else "") or f"sync:{account}"
    base = (feed.site_url if feed else None) or feed_url
    link = safe_url(item.url, base)
    source = plain_line(html.unescape(item.feed_title or (feed.title if feed else "")))
    raw = RawEntry(
        title=plain_line(html.unescape(item.title)),
        body=item.html,
        body_is_html=True,
        body_base=link or base,
        summary_only=False,
        # The account and the server's id make the article's identity: one item, one article,
        # however its text changes upstream.
        guid=f"sync:{account}:{item.id}",
        link=link,
        author=plain_line(item.author) if item.author else None,
        published=item.published,
    )
    return entry_article(raw, feed_url=feed_url, source=source or host_of(feed_url))
