"""Write the index as ``.js`` shards, and read them back for the evaluation.

Each file calls ``__archiveSearchData(name, data)``: a ``<script>`` tag can
load that from ``file://`` as well as over HTTP, where ``fetch`` cannot.
Layout under the output folder:

- ``meta.js``: what every query needs, kept small: shard counts, search page
  URL, sections per document, documents replaced since the last full build
  (``dead``, see ``state``), facet values (region, year, type, validity) per
  document, and the CSS class of each validity badge;
- ``b/<n>.js``: bigram → positional postings, ``u/<n>.js``: character → sections;
- ``d/<n>.js``: display rows (URL and fields) of documents n·BLOCK … n·BLOCK+BLOCK-1;
- ``t/<n>-<c>.js``: text sections c·TEXT_CHUNK … c·TEXT_CHUNK+TEXT_CHUNK-1 of
  document n, for snippets (a result loads only the chunk it shows):
  ``[anchor, text]``, or ``[anchor, text, heading]`` when the heading is not
  the text's first line (a heading nearly always opens its section: stored once).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue.cards import STATUS_CLASSES
from ..metadata.schema import STATUSES
from ..render.writer import remove_stale, write_if_changed
from .extract import Section
from .index import META_FIELDS, IndexedDocument, SearchIndex
from .postings import decode_numbers, encode_numbers, shard_of
from .state import IndexState, from_index

FORMAT_VERSION = 5
# Documents per display-row file: results load rows of only the documents they show.
BLOCK = 16
# Text sections per snippet file: a snippet needs one section, not the whole document.
TEXT_CHUNK = 8
FACETS = ("region", "year", "doc_type", "status")
CALLBACK = "__archiveSearchData"
# Shards hold at most about this many bytes (the count is a power of two, so
# between half and all of it): a query loads a few, each small.
SHARD_BYTES = 16_000
MAX_SHARDS = 4096


@dataclass
class ShardStats:
    """Bytes written per kind of file, for the build log and the benchmarks."""

    documents: int = 0
    files: dict[str, int] = field(default_factory=dict)
    bytes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    def summary(self) -> str:
        per_doc = self.total / max(self.documents, 1)
        parts = ", ".join(f"{kind} {self.files[kind]} 个/{self.bytes[kind] / 1e3:.0f} kB" for kind in sorted(self.files))
        return f"搜索索引 {self.total / 1e3:.0f} kB（每篇 {per_doc / 1e3:.1f} kB）：{parts}"


def script(name: str, data) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f'{CALLBACK}("{name}",{payload});\n'


def shard_count(total_bytes: int) -> int:
    count = 1
    while count * SHARD_BYTES < total_bytes and count < MAX_SHARDS:
        count *= 2
    return count


def counts_for(state: IndexState) -> tuple[int, int]:
    """Shard counts for the encoded postings' size (fixed until the next full build)."""
    return tuple(shard_count(sum(len(key) * 3 + len(text) + 6 for key, text in encoded.items()))
                 for encoded in (state.bigrams, state.unigrams))


def group(encoded: dict[str, str], count: int, wanted: set[int] | None) -> dict[int, dict[str, str]]:
    """Deal the keys out to shards by hash (only the ``wanted`` shards, or all)."""
    shards: dict[int, dict[str, str]] = {n: {} for n in (range(count) if wanted is None else wanted)}
    for key, text in encoded.items():
        shard = shards.get(shard_of(key, count))
        if shard is not None:
            shard[key] = text
    return shards


def facet_values(document: IndexedDocument, name: str) -> list[str]:
    """A field may list several values (云南省、楚雄彝族自治州): each one is a facet value."""
    if name == "status":
        return [document.status]
    return [value for value in document.fields[name].split("、") if value]


def facet_data(index: IndexState) -> dict:
    """Per facet, its values in display order and each document's value numbers (count, ids…).

    Validity values keep the vocabulary's order (现行有效 first); the others are sorted.
    """
    facets = {}
    for name in FACETS:
        per_document = [facet_values(doc, name) for doc in index.documents]
        present = {value for values in per_document for value in values}
        values = [s for s in STATUSES if s in present] if name == "status" else sorted(present)
        number = {value: n for n, value in enumerate(values)}
        codes = [code for values in per_document for code in (len(values), *(number[v] for v in values))]
        facets[name] = {"values": values, "documents": encode_numbers(codes)}
    return facets


def meta_data(state: IndexState, search_page: str) -> dict:
    """``dead``: documents replaced or removed since the last full build (``state``), never shown."""
    return {"version": FORMAT_VERSION, "fields": list(META_FIELDS), "block": BLOCK, "text_chunk": TEXT_CHUNK,
            "bigram_shards": state.shard_counts[0], "unigram_shards": state.shard_counts[1],
            "search_page": search_page, "sections": encode_numbers(state.section_counts),
            "dead": encode_numbers(sorted(state.dead)), "facets": facet_data(state), "status_classes": STATUS_CLASSES}


def display_rows(documents: list[IndexedDocument], first: int) -> dict[str, str]:
    """Row blocks holding documents ``first`` … (a block is rewritten whole)."""
    start = first - first % BLOCK
    return {f"d/{block // BLOCK}.js": script(f"d/{block // BLOCK}", [
        [doc.url, *(doc.fields[name] for name in META_FIELDS)] for doc in documents[block:block + BLOCK]])
        for block in range(start, len(documents), BLOCK)}


def text_row(section: Section) -> list[str]:
    first_line = section.text.split("\n", 1)[0] if section.anchor else ""
    row = [section.anchor, section.text]
    return row if section.heading == first_line else row + [section.heading]


def section_of_row(row: list[str]) -> list[str]:
    """``text_row`` undone: [anchor, heading, text]."""
    anchor, text = row[0], row[1]
    heading = row[2] if len(row) > 2 else text.split("\n", 1)[0] if anchor else ""
    return [anchor, heading, text]


def shard_files(state: IndexState, search_page: str):
    """(name, content) of every file the state's last change touched, one at a time to keep memory flat."""
    yield "meta.js", script("meta", meta_data(state, search_page))
    touched = state.touched_shards or {}
    for kind, encoded, count in (("b", state.bigrams, state.shard_counts[0]), ("u", state.unigrams, state.shard_counts[1])):
        for n, shard in sorted(group(encoded, count, touched.get(kind)).items()):
            yield f"{kind}/{n}.js", script(f"{kind}/{n}", shard)
    first = len(state.documents) - len(state.new_documents)
    yield from display_rows(state.documents, first).items()
    for n, doc in enumerate(state.new_documents, start=first):
        rows = [text_row(section) for section in doc.sections]
        for start in range(0, len(rows), TEXT_CHUNK):
            name = f"t/{n}-{start // TEXT_CHUNK}"
            yield f"{name}.js", script(name, rows[start:start + TEXT_CHUNK])


def write_state(state: IndexState, out: Path, search_page: str) -> ShardStats:
    """Write the files of the state's last change (all of them after a full build); a full
    write also drops stale files, an update the texts of documents now dead."""
    stats = ShardStats(documents=len(state.documents) - len(state.dead))
    written = set()
    for name, content in shard_files(state, search_page):
        write_if_changed(out / name, content)
        written.add(out / name)
        kind = name.split("/")[0] if "/" in name else "meta"
        stats.files[kind] = stats.files.get(kind, 0) + 1
        stats.bytes[kind] = stats.bytes.get(kind, 0) + len(content.encode("utf-8"))
    if state.touched_shards is None:
        for kind in ("b", "u", "d", "t"):
            remove_stale(out / kind, written, pattern="*.js")
    for n in state.dead:
        for path in (out / "t").glob(f"{n}-*.js"):
            path.unlink()
    return stats


def full_state(index: SearchIndex, pages=()) -> IndexState:
    """The state of a full build of ``index`` (from ``pages``, whose digests later builds compare)."""
    state = from_index(index, list(pages), (1, 1))
    state.shard_counts = counts_for(state)
    return state


def write_shards(index: SearchIndex, out: Path, search_page: str) -> ShardStats:
    """Write every file of ``index``; drop stale ones."""
    return write_state(full_state(index), out, search_page)


def read_script(path: Path):
    """The data a shard file passes to the callback."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",") + 1
    return json.loads(text[start:text.rindex(")")])


@dataclass
class IndexedText:
    """One document read back from the shards: what the browser can search."""

    url: str
    fields: dict[str, str]
    sections: list[list[str]]  # [anchor, heading, text]


def read_documents(out: Path) -> list[IndexedText]:
    """The live documents with their fields and section texts, as written to ``out``."""
    meta = read_script(out / "meta.js")
    sections, chunk, dead = decode_numbers(meta["sections"]), meta["text_chunk"], set(decode_numbers(meta["dead"]))
    rows = [row for block in range(0, len(sections), meta["block"])
            for row in read_script(out / "d" / f"{block // meta['block']}.js")]
    return [IndexedText(row[0], dict(zip(meta["fields"], row[1:])),
                        [section_of_row(text) for start in range(0, sections[n], chunk)
                         for text in read_script(out / "t" / f"{n}-{start // chunk}.js")])
            for n, row in enumerate(rows) if n not in dead]
