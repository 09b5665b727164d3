"""Articles out: Markdown for reading elsewhere, JSON for scripts."""

from __future__ import annotations

from reader.models import Block, StoredArticle
from reader.safe import safe_line
from reader.store import Store


def articles_json(articles: list[StoredArticle], store: Store) -> list[dict[str, object]]:
    return [
        {
            "id": stored.id,
            **stored.article.model_dump(mode="json", exclude={"original"}),
            "read": stored.state.read,
            "bookmarked": stored.state.bookmarked,
            "tags": store.tags(stored.id),
        }
        for stored in articles
    ]


def _block(block: Block) -> str:
    if block.kind == "bullets":
        return "\n".join(
            f"{n}. {safe_line(item)}" if block.ordered else f"- {safe_line(item)}"
            for n, item in enumerate(block.items, start=1)
        )
    if block.kind == "qa":
        return f"**{safe_line(block.question)}**\n\n{safe_line(block.answer)}"
    if block.kind == "quote":
        return "\n".join(f"> {line}" for line in block.text.splitlines())
    if block.kind == "code":
        return f"```{block.language}\n{block.text}\n```"
    return safe_line(block.text)


def articles_markdown(articles: list[StoredArticle], store: Store, *, title: str) -> str:
    """One Markdown document: a heading per article, its metadata, then its sections."""
    out = [f"# {safe_line(title)}", ""]
    for stored in articles:
        article = stored.article
        out += [f"## {safe_line(article.title)}", ""]
        meta = [safe_line(article.source)]
        if article.published:
            meta.append(article.published.date().isoformat())
        if article.link:
            meta.append(f"<{article.link}>")
        if tags := store.tags(stored.id):
            meta.append("tags: " + ", ".join(tags))
        out += ["*" + " · ".join(part for part in meta if part) + "*", ""]
        for section in article.sections:
            if section.title:
                out += [f"### {safe_line(section.title)}", ""]
            for block in section.blocks:
                out += [_block(block), ""]
    return "\n".join(out).rstrip() + "\n"
