"""How commands print: JSON with nothing unsafe left in its strings, or text to a file."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from reader.cli.errors import CLIError

# Characters that must never reach a terminal raw, even inside a JSON string: json.dumps
# escapes C0 controls itself, but not DEL, C1 controls, bidi overrides or zero-width marks.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def write_output(text: str, output: Path | None, summary: str) -> None:
    """Write to a file (then say `summary`), or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CLIError(f"{output}: cannot write ({error.strerror or error})") from None
    print(f"{summary} to {output}")


def print_json(data: object) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    print(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
