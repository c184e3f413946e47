"""Write the index as ``.js`` files, and read them back for the evaluation.

Every file is ``payload.script``: a ``<script>`` tag loads it from ``file://`` as well as
over HTTP, and text is stored compressed. Layout under the output folder:

- ``meta.js``: what every query needs, the same few kB at any archive size: format version,
  shard counts, search page URL, field names, facet value lists, the CSS class of each
  validity badge, and the first section number of each block of documents;
- ``b/<n>.js``: bigram → positional postings, ``u/<n>.js``: character → sections, as
  ``postings.pack_shard`` (keys run together, then each key's length and numbers);
- ``s/``, ``d/``, ``t/``: per-document files (``documents``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..render.writer import remove_stale, write_if_changed
from .documents import (DOC_BLOCK, document_blocks, document_meta, display_rows, facet_data, section_of_row,
                        text_chunks)
from .index import SearchIndex
from .payload import read_script, script
from .postings import decode_numbers, encode_numbers, pack_shard
from .state import IndexState, from_index

FORMAT_VERSION = 6

__all__ = ["read_script", "read_documents", "write_state", "write_shards", "full_state", "dead_documents"]


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


def meta_data(state: IndexState, search_page: str, facets: dict) -> dict:
    return {"version": FORMAT_VERSION, "bigram_shards": state.shard_counts[0], "unigram_shards": state.shard_counts[1],
            "search_page": search_page, **document_meta(state.documents, state.section_counts, facets)}


def text_files(state: IndexState):
    """The new documents' ``t/`` files; notes each one's sections per file in the state."""
    first = len(state.documents) - len(state.new_documents)
    del state.chunk_sizes[first:]
    for n, doc in enumerate(state.new_documents, start=first):
        chunks = text_chunks(doc)
        state.chunk_sizes.append(encode_numbers(map(len, chunks)))
        for c, rows in enumerate(chunks):
            yield f"t/{n}-{c}.js", script(f"t/{n}-{c}", rows)


def shard_files(state: IndexState, search_page: str):
    """(name, content) of every file the state's last change touched, one at a time to keep memory flat."""
    facets = facet_data(state.documents)
    yield "meta.js", script("meta", meta_data(state, search_page, facets), compress=False)  # first on every query
    yield from document_blocks(state.section_counts, state.dead, facets)
    touched = state.touched_shards or {}
    for kind, shards in (("b", state.bigrams), ("u", state.unigrams)):
        wanted = touched.get(kind)
        for n in range(len(shards)) if wanted is None else sorted(wanted):
            yield f"{kind}/{n}.js", script(f"{kind}/{n}", pack_shard(shards[n]), compress=kind != "b")
    yield from text_files(state)
    yield from display_rows(state.documents, state.chunk_sizes, len(state.documents) - len(state.new_documents)).items()


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
        for kind in ("b", "u", "s", "d", "t"):
            remove_stale(out / kind, written, pattern="*.js")
    for n in state.dead:
        for path in (out / "t").glob(f"{n}-*.js"):
            path.unlink()
    return stats


def full_state(index: SearchIndex, pages=()) -> IndexState:
    """The state of a full build of ``index`` (from ``pages``, whose digests later builds compare)."""
    return from_index(index, list(pages))


def write_shards(index: SearchIndex, out: Path, search_page: str) -> ShardStats:
    """Write every file of ``index``; drop stale ones."""
    return write_state(full_state(index), out, search_page)


@dataclass
class IndexedText:
    """One document read back from the files: what the browser can search."""

    url: str
    fields: dict[str, str]
    sections: list[list[str]]  # [anchor, heading, text]


def section_codes(out: Path) -> list[int]:
    """Per document, 2 · text sections + dead, from the ``s/`` blocks."""
    meta = read_script(out / "meta.js")
    return [code for block in range(0, meta["documents"], DOC_BLOCK)
            for code in decode_numbers(read_script(out / "s" / f"{block // DOC_BLOCK}.js")["sections"])]


def dead_documents(out: Path) -> set[int]:
    return {n for n, code in enumerate(section_codes(out)) if code % 2}


def read_documents(out: Path) -> list[IndexedText]:
    """The live documents with their fields and section texts, as written to ``out``."""
    meta = read_script(out / "meta.js")
    codes = section_codes(out)
    rows = [row for block in range(0, len(codes), meta["block"])
            for row in read_script(out / "d" / f"{block // meta['block']}.js")]
    return [IndexedText(row[0], dict(zip(meta["fields"], row[1:-1])),
                        [section_of_row(text) for c in range(len(decode_numbers(row[-1])))
                         for text in read_script(out / "t" / f"{n}-{c}.js")])
            for n, row in enumerate(rows) if not codes[n] % 2]
