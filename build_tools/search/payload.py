"""One index file: ``__archiveSearchData(name, data)``, its JSON compressed where that pays.

A ``<script>`` tag can load such a file from ``file://`` as well as over HTTP, where
``fetch`` cannot. Text (snippet sections, display rows) compresses about threefold, so
where deflate saves at least ``WORTH`` of the bytes the data is written as one JSON string:
the zlib stream of its JSON in base 85 (``base64.b85encode``: no '"' or '\\', 25 % above the
bytes instead of base 64's 33 %). The browser inflates it with ``DecompressionStream``
(``assets/archive-search-engine.js``, ``inflate``; Chrome 80, Firefox 113, Safari 16.4).
Bigram postings are close to random digits (deflate saved nothing on 3,475 laws), so they are
written plain without a trial. Data itself is never a bare string: a string means compressed.
"""
from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

CALLBACK = "__archiveSearchData"
WORTH = 0.1
# Level 9 wrote character postings 0.5 % smaller than 6 in 4.5 × the time (3,475 laws).
LEVEL = 6


def _arrays():
    """The array code, imported when first used (``index._bulk``: numpy takes 0.11 s to import)."""
    from . import arrays
    return arrays


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def packed(data, compress: bool = True) -> str:
    """The JSON of ``data``, or of its compressed form when that is ``WORTH`` smaller
    (not tried for ``compress=False``: postings, whose trial would cost time for nothing)."""
    plain = dumps(data)
    if not compress:
        return plain
    raw = plain.encode("utf-8")
    compressed = _arrays().b85encode(zlib.compress(raw, LEVEL))
    return f'"{compressed}"' if len(compressed) < (1 - WORTH) * len(raw) else plain


def script(name: str, data, compress: bool = True) -> str:
    return f'{CALLBACK}("{name}",{packed(data, compress)});\n'


def read_script(path: Path):
    """The data a file passes to the callback, inflated; ValueError naming the file if it is damaged."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text[text.index(",") + 1:text.rindex(")")])
        return json.loads(zlib.decompress(base64.b85decode(data))) if isinstance(data, str) else data
    except (ValueError, zlib.error) as error:
        raise ValueError(f"{path}: damaged search index file ({error})") from error
