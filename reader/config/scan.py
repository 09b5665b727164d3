"""Where keys are in the file's text: a light line scan, since tomllib gives no positions."""

from __future__ import annotations

import tomllib
from typing import Any


def outside_strings(line: str, wanted: str) -> int:
    """The index of the first `wanted` character outside a string, or -1."""
    quote = ""
    index = 0
    while index < len(line):
        character = line[index]
        if quote:
            if character == "\\" and quote == '"':
                index += 1
            elif character == quote:
                quote = ""
        elif character in "\"'":
            quote = character
        elif character == wanted:
            return index
        index += 1
    return -1


def _strip_comment(line: str) -> str:
    end = outside_strings(line, "#")
    return line if end < 0 else line[:end]


def _key_path(key_text: str) -> tuple[str, ...] | None:
    """The path of a TOML key (`a."b.c"` -> ("a", "b.c")), parsed by tomllib itself."""
    try:
        node: Any = tomllib.loads(f"{key_text.strip()} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    path: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        name, node = next(iter(node.items()))
        path.append(name)
    return tuple(path) if path else None


def _table_header(code: str) -> tuple[str, ...] | None:
    code = code.strip()
    if code.startswith("[[") and code.endswith("]]"):
        return _key_path(code[2:-2])
    if code.startswith("[") and code.endswith("]"):
        return _key_path(code[1:-1])
    return None


class Scan:
    """The 1-based line of each key path and table header, and of the first table header."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, ...], int] = {}
        self.first_table: int | None = None
        table: tuple[str, ...] = ()
        closing = ""  # the delimiter of a multi-line string being skipped
        for number, line in enumerate(text.split("\n"), 1):
            if closing:
                if line.count(closing) % 2:
                    closing = ""
                continue
            code = _strip_comment(line).strip()
            if not code:
                continue
            if code.startswith("["):
                header = _table_header(code)
                if header is not None:
                    table = header
                    for end in range(1, len(table) + 1):
                        self.lines.setdefault(table[:end], number)
                    self.first_table = self.first_table or number
                continue
            equals = outside_strings(code, "=")
            path = _key_path(code[:equals]) if equals > 0 else None
            if path is None:
                continue
            for end in range(1, len(path) + 1):
                self.lines.setdefault(table + path[:end], number)
            value = code[equals + 1 :]
            closing = next((q for q in ('"""', "'''") if value.count(q) % 2), "")


def line_of(lines: dict[tuple[str, ...], int], where: tuple[str, ...]) -> int | None:
    """The line of the key path `where`, or of its nearest enclosing key found."""
    # A key inside an inline table (`layout = {list_width = 3}`) is on its table's line.
    while where:
        if where in lines:
            return lines[where]
        where = where[:-1]
    return None
