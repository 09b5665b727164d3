"""`reader export`: articles out, as Markdown for reading elsewhere or JSON for scripts."""

from __future__ import annotations

import argparse
import json

from reader.cli.errors import EXIT_OK
from reader.cli.lookup import parse_cli_query
from reader.cli.output import write_output
from reader.models import Block, StoredArticle
from reader.sanitize import clean_line
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
            f"{n}. {clean_line(item)}" if block.ordered else f"- {clean_line(item)}"
            for n, item in enumerate(block.items, start=1)
        )
    if block.kind == "qa":
        return f"**{clean_line(block.question)}**\n\n{clean_line(block.answer)}"
    if block.kind == "quote":
        return "\n".join(f"> {line}" for line in block.text.splitlines())
    if block.kind == "code":
        return f"```{block.language}\n{block.text}\n```"
    return clean_line(block.text)


def articles_markdown(articles: list[StoredArticle], store: Store, *, title: str) -> str:
    """One Markdown document: a heading per article, its metadata, then its sections."""
    out = [f"# {clean_line(title)}", ""]
    for stored in articles:
        article = stored.article
        out += [f"## {clean_line(article.title)}", ""]
        meta = [clean_line(article.source)]
        if article.published:
            meta.append(article.published.date().isoformat())
        if article.link:
            meta.append(f"<{article.link}>")
        if tags := store.tags(stored.id):
            meta.append("tags: " + ", ".join(tags))
        out += ["*" + " · ".join(part for part in meta if part) + "*", ""]
        for section in article.sections:
            if section.title:
                out += [f"### {clean_line(section.title)}", ""]
            for block in section.blocks:
                out += [_block(block), ""]
    return "\n".join(out).rstrip() + "\n"


def export(store: Store, args: argparse.Namespace) -> int:
    query = parse_cli_query(args.query, default="is:bookmarked")
    total = store.count(query)
    items = [item for offset in range(0, total, 500) for item in store.page(query, offset, 500)]
    stored = [article for item in items if (article := store.get(item.id)) is not None]
    if args.format == "json":
        text = json.dumps(articles_json(stored, store), indent=2, ensure_ascii=False) + "\n"
    else:
        text = articles_markdown(stored, store, title=query.describe() or "All articles")
    write_output(text, args.output, f"wrote {len(stored)} articles")
    return EXIT_OK
