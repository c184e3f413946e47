"""Write the index as ``.js`` shards, and read them back for the evaluation.

Each file calls ``__archiveSearchData(name, data)``: a ``<script>`` tag can
load that from ``file://`` as well as over HTTP, where ``fetch`` cannot.
Layout under the output folder:

- ``meta.js``: shard counts, search page URL, one row per document;
- ``b/<n>.js``: bigram → positional postings, ``u/<n>.js``: character → sections;
- ``t/<n>.js``: the sections (anchor, heading, text) of document n, for snippets.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..writer import remove_stale, write_if_changed
from .index import META_FIELDS, SearchIndex
from .postings import encode_numbers, shard_of

FORMAT_VERSION = 1
CALLBACK = "__archiveSearchData"
# Aim for shards of about this many bytes: a query loads a few, each small.
SHARD_BYTES = 24_000
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


def group(postings: dict) -> tuple[int, list[dict[str, str]]]:
    """Encode every key's numbers and deal the keys out to shards by hash."""
    encoded = {key: encode_numbers(numbers) for key, numbers in postings.items()}
    count = shard_count(sum(len(key) * 3 + len(text) + 6 for key, text in encoded.items()))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key, text in encoded.items():
        shards[shard_of(key, count)][key] = text
    return count, shards


def meta_data(index: SearchIndex, search_page: str, bigram_shards: int, unigram_shards: int) -> dict:
    rows = [[doc.url, *(doc.fields[name] for name in META_FIELDS), doc.first_section, len(doc.sections)]
            for doc in index.documents]
    return {"version": FORMAT_VERSION, "fields": ["url", *META_FIELDS, "first_section", "section_count"],
            "bigram_shards": bigram_shards, "unigram_shards": unigram_shards,
            "search_page": search_page, "documents": rows}


def write_shards(index: SearchIndex, out: Path, search_page: str) -> ShardStats:
    """Write every file (only those whose content changed); drop stale shards."""
    bigram_count, bigram_shards = group(index.bigrams)
    unigram_count, unigram_shards = group(index.unigrams)
    files = {"meta.js": script("meta", meta_data(index, search_page, bigram_count, unigram_count))}
    for kind, shards in (("b", bigram_shards), ("u", unigram_shards)):
        files.update({f"{kind}/{n}.js": script(f"{kind}/{n}", shard) for n, shard in enumerate(shards)})
    for n, doc in enumerate(index.documents):
        files[f"t/{n}.js"] = script(f"t/{n}", [[s.anchor, s.heading, s.text] for s in doc.sections])
    stats = ShardStats(documents=len(index.documents))
    for name, content in sorted(files.items()):
        write_if_changed(out / name, content)
        kind = name.split("/")[0] if "/" in name else "meta"
        stats.files[kind] = stats.files.get(kind, 0) + 1
        stats.bytes[kind] = stats.bytes.get(kind, 0) + len(content.encode("utf-8"))
    for kind in ("b", "u", "t"):
        remove_stale(out / kind, {out / name for name in files}, pattern="*.js")
    return stats


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
    """Documents with their fields and section texts, as written to ``out``."""
    meta = read_script(out / "meta.js")
    names = meta["fields"]
    documents = []
    for n, row in enumerate(meta["documents"]):
        fields = dict(zip(names, row))
        documents.append(IndexedText(fields.pop("url"), {name: fields[name] for name in META_FIELDS},
                                     read_script(out / "t" / f"{n}.js")))
    return documents
