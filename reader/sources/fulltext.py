"""Replacing a feed's teaser with the full article its link points to."""

from __future__ import annotations

from reader.ingest import IngestError
from reader.models import Article


def fetch_full_article(teaser: Article) -> Article:
    """Fetch the teaser's link and return the full article under the teaser's identity.

    The result keeps the teaser's `feed` and `guid` (so storing it updates the same row and
    keeps its read, bookmark and position state), its source and its date when the page has
    none.
    """
    from reader.sources.fetch import is_web_url
    from reader.sources.readers import read_url

    link = teaser.link
    if not link or not is_web_url(link):
        raise IngestError(teaser.title, "has no http(s) link to fetch the full article from")
    document = read_url(link)
    if not document.articles:
        raise IngestError(link, "no article found at the link")
    full = document.articles[0]
    return full.model_copy(
        update={
            "title": teaser.title or full.title,
            "title_origin": teaser.title_origin if teaser.title else full.title_origin,
            "source": teaser.source or full.source,
            "feed": teaser.feed,
            "guid": teaser.guid,
            "link": link,
            "published": full.published or teaser.published,
            "author": full.author or teaser.author,
            "teaser": False,
            "original": teaser.original if teaser.guid is None else full.original,
        }
    )
