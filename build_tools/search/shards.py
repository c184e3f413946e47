"""Write the index as ``.js`` files, and read them back for the evaluation.

Every file is ``payload.script``: a ``<script>`` tag loads it from ``file://`` as well as
over HTTP, and text is stored compressed. Layout under the output folder:

- ``meta.js``: what every query needs, the same few kB at any archive size: format version,
  shard counts, search page URL, field names, facet value lists, the CSS class of each
  validity badge, and the first section number of each block of documents;
- ``b/<r>/<n>.js``: bigram → positional postings, ``u/<r>/<n>.js``: character → sections, as
  ``postings.pack_shard`` (keys run together, then each key's length and numbers), for the
  documents of range r (``index.RANGE`` documents each, so those of the first ranges, which a
  query reads first, do not grow with the archive);
- ``s/``, ``d/``, ``t/``: per-document files (``documents``);
- ``o/``, ``x/<k>/``: after ``--dirty`` builds, the overlays of documents appended since
  (``overlay``), and ``meta.js`` says where each starts (``overlays``).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..render.writer import remove_stale, write_if_changed
from .documents import (document_blocks, document_meta, display_rows, facet_data, section_of_row,
                        text_chunks)
from .index import IndexedDocument, SearchIndex
from .payload import read_script, script
from .postings import decode_numbers, encode_numbers, pack_shard, unpack_shard
from .state import IndexState, from_index

FORMAT_VERSION = 9

__all__ = ["read_script", "read_documents", "read_shards", "write_state", "write_shards", "full_state",
           "dead_documents", "write_files"]


@dataclass
class ShardStats:
    """Bytes written per kind of file, for the build log and the benchmarks."""

    documents: int = 0
    files: dict[str, int] = field(default_factory=dict)
    bytes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    def add(self, other: ShardStats) -> None:
        for mine, theirs in ((self.files, other.files), (self.bytes, other.bytes)):
            for kind, count in theirs.items():
                mine[kind] = mine.get(kind, 0) + count

    def summary(self) -> str:
        if not self.files:
            return "搜索索引未变 / search index unchanged"
        per_doc = self.total / max(self.documents, 1)
        parts = ", ".join(f"{kind} {self.files[kind]} 个/{self.bytes[kind] / 1e3:.0f} kB" for kind in sorted(self.files))
        return f"搜索索引 {self.total / 1e3:.0f} kB（每篇 {per_doc / 1e3:.1f} kB）：{parts}"


def meta_data(state: IndexState, search_page: str, facets: dict) -> dict:
    return {"version": FORMAT_VERSION, "bigram_shards": state.shard_counts[0], "unigram_shards": state.shard_counts[1],
            "search_page": search_page, **document_meta(state.documents, state.section_counts, facets)}


def text_files(documents: list[IndexedDocument], first: int, chunk_sizes: list[str]):
    """The ``t/`` files of ``documents`` (numbered from ``first``); appends each one's sections per file."""
    for n, doc in enumerate(documents, start=first):
        chunks = text_chunks(doc)
        chunk_sizes.append(encode_numbers(map(len, chunks)))
        for c, rows in enumerate(chunks):
            yield f"t/{n}-{c}.js", script(f"t/{n}-{c}", rows)


def shard_files(state: IndexState, search_page: str, texts: bool = True):
    """(name, content) of every file (those of ``t/`` and ``d/`` only if ``texts``), one at a time to
    keep memory flat; keeps ``meta.js`` in the state."""
    facets = facet_data(state.documents)
    state.meta = meta_data(state, search_page, facets)
    yield "meta.js", script("meta", state.meta, compress=False)  # first on every query
    yield from document_blocks(state.section_counts, set(), facets)
    for kind, ranges in (("b", state.bigrams), ("u", state.unigrams)):
        for r, shards in enumerate(ranges):
            yield from postings_files(f"{kind}/{r}", shards, compress=kind == "u")
    if not texts:
        return
    state.chunk_sizes = []
    yield from text_files(state.documents, 0, state.chunk_sizes)
    yield from display_rows(state.documents, state.chunk_sizes)


def postings_files(folder: str, shards: list[dict[str, str]], compress: bool):
    """``<folder>/<n>.js`` of each shard (bigram postings, close to random digits, are not compressed)."""
    for n, shard in enumerate(shards):
        yield f"{folder}/{n}.js", script(f"{folder}/{n}", pack_shard(shard), compress=compress)


def read_shards(folder: Path, count: int, key_length: int) -> dict[str, str]:
    """Every key's coded numbers in ``<folder>/<n>.js`` (as ``postings_files`` wrote them)."""
    return {key: numbers for n in range(count)
            for key, numbers in unpack_shard(read_script(folder / f"{n}.js"), key_length).items()}


def write_files(files, out: Path, stats: ShardStats) -> set[Path]:
    """Write (name, content) pairs where they changed; count them in ``stats``."""
    written = set()
    for name, content in files:
        write_if_changed(out / name, content)
        written.add(out / name)
        kind = name.split("/")[0] if "/" in name else "meta"
        stats.files[kind] = stats.files.get(kind, 0) + 1
        stats.bytes[kind] = stats.bytes.get(kind, 0) + len(content.encode("utf-8"))
    return written


def write_state(state: IndexState, out: Path, search_page: str, texts=None) -> ShardStats:
    """Write every file of a full build and drop stale ones (an overlay's among them). ``texts``: a
    function waiting for the ``t/`` files written by another process meanwhile (``write_texts``),
    when both cores are free (a rebuild indexing every page again: 16 s of writing at 20,000 laws)."""
    stats = ShardStats(documents=len(state.documents))
    written = write_files(shard_files(state, search_page, texts=texts is None), out, stats)
    if texts is not None:
        found, counted, state.chunk_sizes = texts()
        written |= found | write_files(display_rows(state.documents, state.chunk_sizes), out, stats)
        stats.add(counted)
    for kind in ("b", "u", "s", "d", "t", "o"):
        for folder in [out / kind, *subfolders(out / kind)]:
            remove_stale(folder, written, pattern="*.js")
    shutil.rmtree(out / "x", ignore_errors=True)  # kept overlays (``overlay``)
    return stats


def write_texts(documents: list[IndexedDocument], out: Path) -> tuple[set[Path], ShardStats, list[str]]:
    """The ``t/`` files of ``documents`` (compressed: most of the writing time): the paths written,
    their count and bytes, and each document's chunk sizes, which the ``d/`` rows hold."""
    stats, sizes = ShardStats(), []
    return write_files(text_files(documents, 0, sizes), out, stats), stats, sizes


def subfolders(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.is_dir()) if folder.is_dir() else []


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


def section_codes(out: Path) -> dict[int, int]:
    """Per document queries can reach (a retired part's left out), 2 · text sections + dead, from the
    ``s/`` blocks of the base's ranges with shards and the overlays' ``s.js``."""
    meta = read_script(out / "meta.js")
    blocks = [(f"s/{r}.js", r * meta["doc_block"]) for r, count in enumerate(meta["bigram_shards"]) if count]
    blocks += [(overlay["path"] + "s.js", overlay["first_document"]) for overlay in meta.get("overlays", [])]
    return {n: code for name, first in blocks
            for n, code in enumerate(decode_numbers(read_script(out / name)["sections"]), start=first)}


def dead_documents(out: Path) -> set[int]:
    return {n for n, code in section_codes(out).items() if code % 2}


def read_documents(out: Path) -> list[IndexedText]:
    """The live documents with their fields and section texts, as written to ``out``."""
    meta = read_script(out / "meta.js")
    folders = [("", 0)] + [(overlay["path"], overlay["first_document"]) for overlay in meta.get("overlays", [])]
    rows = {}

    def row(n: int) -> list:
        folder, first = max((entry for entry in folders if entry[1] <= n), key=lambda entry: entry[1])
        name = f"{folder}d/{(n - first) // meta['block']}.js"
        if name not in rows:
            rows[name] = read_script(out / name)
        return rows[name][(n - first) % meta["block"]]
    return [IndexedText(data[0], dict(zip(meta["fields"], data[1:-1])),
                        [section_of_row(text) for c in range(len(decode_numbers(data[-1])))
                         for text in read_script(out / "t" / f"{n}-{c}.js")])
            for n, code in sorted(section_codes(out).items()) if not code % 2 for data in [row(n)]]
