"""MkDocs hook: the indentation Material's templates leave between tags, taken out of every page.

Jinja's indentation and blank lines are about an eighth of a document page, and issue 16 counts
the site's bytes per document. A run of whitespace holding a line break becomes that one line
break, which renders the same (HTML collapses whitespace outside ``<pre>`` and ``<textarea>``,
kept as they are), so neither the Material look nor the text changes. Only ASCII whitespace is
touched: an ideographic space (U+3000) is text.
"""
from __future__ import annotations

import re

_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_LINE_BREAK_RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def collapse_whitespace(html: str) -> str:
    parts = _VERBATIM.split(html)
    return "".join(part if index % 2 else _LINE_BREAK_RUN.sub("\n", part) for index, part in enumerate(parts))


def on_post_page(output: str, page, config) -> str:
    return collapse_whitespace(output)
