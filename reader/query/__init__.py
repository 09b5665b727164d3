"""The search and filter language shared by the app and the CLI: a line of text in, a `Query` out.

    is:unread tag:ai since:2026-01-01 "world models" lec* OR hinton -crypto sort:oldest

Filters (keys are case-insensitive, every term must hold):

- `is:unread`, `is:read`, `is:bookmarked` (`is:starred`); `-is:read` negates.
- `tag:NAME` (repeatable, all must match), `-tag:NAME`. Names are normalised by `normalise_tag`.
- `source:TEXT`, `feed:TEXT`: a case-insensitive substring of the article's source or its
  feed's title; `source:"Local Gazette"` for text with spaces.
- `since:DATE`, `until:DATE`: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `today`, `yesterday`, or `7d`,
  `2w`, `3m`, `1y` back from the `today` the caller passes. Days are UTC days; `until` takes in
  the whole day, month or year it names.
- `sort:date` (newest first), `sort:oldest`, `sort:title`, `sort:source`, `sort:length`
  (shortest first), `sort:relevance`. The default is relevance with words, date without.

Everything else is words to search for: `lecun`, prefixes `lec*`, phrases `"world models"`,
`a OR b` (OR binds the words on either side, before the AND between terms), `-word` to leave
out. Only an upper-case `OR` is an operator; `and`, `NOT`, `NEAR` and `or` are ordinary words.
A word with no letter or digit (`-`, `(`, `&`) is ignored, since the index holds none.

Pure: no I/O, no SQL is run, no wall clock. `to_sql` makes a WHERE fragment with `?`
parameters only, and every user word reaches FTS5 as a quoted string, so no input can make
an FTS5 syntax error.
"""

from reader.query.model import Query, QueryError, Sort, normalise_tag
from reader.query.parse import parse_query
from reader.query.sql import order_by, to_sql

__all__ = ["Query", "QueryError", "Sort", "normalise_tag", "order_by", "parse_query", "to_sql"]
