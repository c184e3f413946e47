"""MkDocs hook: the indentation Material's templates leave between tags, taken out of every page.

Jinja's indentation and blank lines are about an eighth of a document page, and issue 16 counts
the site's bytes per document. A run of whitespace holding a line break becomes that one line
break, which renders the same (HTML collapses whitespace outside ``<pre>`` and ``<textarea>``,
kept as they are), so neither the Material look nor the text changes. Only ASCII whitespace is
touched: an ideographic space (U+3000) is text. A line break between two tags goes too when one
of them is a block that Material never lays out inline (a break at the start or end of a line
renders nothing): ``li`` (Material's tabs and breadcrumbs are inline blocks), ``table`` (an inline
block in Material's typeset), ``a``, ``span``, ``label`` and the like keep theirs.

The page title's ``¶`` link goes: it points at the top of the page, whose address is the page's
own (about 0.1 kB per page: the title is in it twice).

Material's source maps (``*.map``, 1.1 MB: 0.3 kB per document at 3,475) are not copied: only a
developer debugging Material's minified bundle with the browser's tools open ever asks for them.
"""
from __future__ import annotations

import operator
import re

_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_BLANKS = " \t\r"  # the whitespace taken out beside a line break
_BLOCK = r"(?:div|nav|header|footer|main|article|aside|section|form|ul|ol|dl|dt|dd|p|h[1-6]|thead|tbody|tr|th|td)"
_TITLE_PERMALINK = re.compile(r'(<h1 id="([^"]*)">(?:(?!</h1>).)*?)<a class="headerlink" href="#\2">¶</a></h1>', re.S)
# A break after a block's tag and before another tag, or after a tag and before a block's tag: two
# expressions, each starting with a character the engine scans for, take half the time of one
# alternation tried at every position (the break is removed in either case; it is never part of a tag).
_BREAK_AFTER_BLOCK = re.compile(rf"(</?{_BLOCK}\b[^>]*>)\n(?=<)")
_BREAK_BEFORE_BLOCK = re.compile(rf">\n(?=</?{_BLOCK}\b)")
# The tag kept by a function in C: a ``\1`` template is expanded in Python at each of ≈200 matches a page.
_TAG = operator.itemgetter(1)


def collapse_whitespace(html: str) -> str:
    parts = _VERBATIM.split(html)
    return "".join(part if index % 2 else _collapse(part) for index, part in enumerate(parts))


def _collapse(part: str) -> str:
    return _BREAK_BEFORE_BLOCK.sub(">", _BREAK_AFTER_BLOCK.sub(_TAG, line_breaks(part)))


def line_breaks(text: str) -> str:
    """Each run of whitespace holding a line break as that one line break: the lines stripped where
    they meet a break, blank ones dropped. An expression for the run (``[ \\t\\r]*\\n[ \\t\\r\\n]*``)
    was tried at every character of the page: four times as long."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    inner = [line for line in map(str.strip, lines[1:-1], [_BLANKS] * (len(lines) - 2)) if line]
    return "\n".join([lines[0].rstrip(_BLANKS), *inner, lines[-1].lstrip(_BLANKS)])


def on_post_page(output: str, page, config) -> str:
    return collapse_whitespace(_TITLE_PERMALINK.sub(r"\1</h1>", output, count=1))


def on_files(files, config):
    for source_map in [file for file in files if file.src_uri.endswith(".map")]:
        files.remove(source_map)
    return files
