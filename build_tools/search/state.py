"""The index as built in full, and what later builds keep of it (the ``Catalog``).

A full build numbers documents in URL order (``index.build_index``) and writes every file from an
``IndexState`` (``shards``). Later ``--dirty`` builds never touch its postings: they append new or
changed pages to an overlay (``overlay``) and mark replaced slots dead; a full overlay is kept
as it is and a new one started. So the state kept on disk between builds holds no base postings,
only each document's URL and digest, the dead slots, the base ``meta.js`` and the overlays
(the current one's postings, bounded; the kept ones' documents): loading and saving it costs a
rebuild a few milliseconds at any archive size, where the whole index's postings (tens of MB) cost
seconds.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .extract import SearchPage
from .index import META_FIELDS, IndexedDocument, SearchIndex, all_ranges
from .postings import shard_of

FORMAT = 7
# Shards hold at most about this many bytes (the count is a power of two, so
# between half and all of it): a query loads a few, each small.
SHARD_BYTES = 16_000
# 4,096 held about 80 kB a shard at 20,000 laws (≈320 MB of bigram postings): a query's download grew
# with the archive; 65,536 keep them at 16 kB to 1 GB of postings (≈65,000 laws).
MAX_SHARDS = 65_536


def page_digest(page: SearchPage) -> str:
    data = [page.url, page.meta, [[s.anchor, s.heading, s.text] for s in page.sections]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class IndexState:
    """Everything a full build writes its files from."""

    documents: list[IndexedDocument] = field(default_factory=list)
    section_counts: list[int] = field(default_factory=list)
    chunk_sizes: list[str] = field(default_factory=list)  # coded text sections per t/ file (shards.text_files)
    digests: list[str] = field(default_factory=list)
    # Per range of index.RANGE documents, per shard (postings.shard_of), key → coded numbers.
    bigrams: list[list[dict[str, str]]] = field(default_factory=list)
    unigrams: list[list[dict[str, str]]] = field(default_factory=list)
    section_count: int = 0
    meta: dict = field(default_factory=dict)  # meta.js as written (shards.shard_files)

    @property
    def shard_counts(self) -> tuple[list[int], list[int]]:
        """Per range, its bigram and its character shard count."""
        return [len(shards) for shards in self.bigrams], [len(shards) for shards in self.unigrams]


def shard_count(total_bytes: int) -> int:
    count = 1
    while count * SHARD_BYTES < total_bytes and count < MAX_SHARDS:
        count *= 2
    return count


def shard_bytes(encoded: dict[str, str]) -> int:
    """About the bytes ``postings.pack_shard`` writes for these keys."""
    return sum(len(key) * 3 + len(text) + 1 for key, text in encoded.items())


def dealt(encoded: dict[str, str]) -> list[dict[str, str]]:
    """The keys dealt out to shards of about ``SHARD_BYTES`` (as ``postings.pack_shard`` writes them)."""
    count = shard_count(shard_bytes(encoded))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key in list(encoded):
        shards[shard_of(key, count)][key] = encoded.pop(key)
    return shards


def from_index(index: SearchIndex, pages: list[SearchPage]) -> IndexState:
    digests = {page.url: page_digest(page) for page in pages}
    ranges = all_ranges(index)
    return IndexState(
        documents=index.documents, section_counts=[len(doc.sections) for doc in index.documents],
        digests=[digests.get(doc.url, "") for doc in index.documents],
        bigrams=[dealt(bigrams) for bigrams, _ in ranges], unigrams=[dealt(unigrams) for _, unigrams in ranges],
        section_count=index.section_count)


@dataclass
class Overlay:
    """Documents appended since the last full build, numbered after the base's, with their own
    postings (first Δsection counted from 0, so absolute) and facet values the base lacked."""

    first_document: int
    first_section: int
    documents: list[IndexedDocument] = field(default_factory=list)
    section_counts: list[int] = field(default_factory=list)
    chunk_sizes: list[str] = field(default_factory=list)
    bigrams: dict[str, str] = field(default_factory=dict)
    unigrams: dict[str, str] = field(default_factory=dict)
    last_section: dict[str, int] = field(default_factory=dict)
    last_unigram_section: dict[str, int] = field(default_factory=dict)
    facets: dict[str, list[str]] = field(default_factory=dict)
    # Once kept (``Catalog.kept``): its shard counts; its postings are in its files only, each key's
    # last section (``last_section`` …, which a merge needs) in a file of its own (``save_tails``).
    bigram_shards: int = 0
    unigram_shards: int = 0
    tier: int = 0  # kept overlays merged into it: FANOUT ** tier (``tiers.merge``)

    @property
    def end_section(self) -> int:
        """The number of the first section after it."""
        return self.first_section + sum(len(META_FIELDS) + count for count in self.section_counts)


@dataclass
class Catalog:
    """What a ``--dirty`` build needs of the index: per document (base, then overlays) its URL and
    digest, the dead slots, the base ``meta.js``, the overlays kept and the current one."""

    urls: list[str]
    digests: list[str]
    meta: dict
    overlay: Overlay
    dead: set[int] = field(default_factory=set)
    kept: list[Overlay] = field(default_factory=list)  # full overlays, in the files ``x/<k>/``
    # What the last update changed, for the writer (never saved).
    newly_dead: set[int] = field(default_factory=set)
    new_documents: list[IndexedDocument] = field(default_factory=list)
    # Parts (``retire``: base ranges, kept overlays) by first document: those dropped, all dead, and
    # the one being emptied.
    retired: set[int] = field(default_factory=set)
    retiring: int | None = None
    # The most overlay documents that fall between two base documents in URL order (``overlay.url_order``).
    crowding: int = 0
    # Kept overlays (by place in ``kept``) new or merged since the last build: their postings are
    # still to be written.
    unwritten: set[int] = field(default_factory=set)
    newly_retired: list = field(default_factory=list)  # ``retire.Part``s whose files are to be removed

    @property
    def overlays(self) -> list[tuple[str, Overlay]]:
        """(folder, overlay) of the kept overlays, then the current one."""
        return [*((f"x/{k}", kept) for k, kept in enumerate(self.kept)), ("o", self.overlay)]

    @property
    def read_overlays(self) -> list[tuple[str, Overlay]]:
        """Those of ``overlays`` that queries read: the retired left out."""
        return [(folder, overlay) for folder, overlay in self.overlays if overlay.first_document not in self.retired]

    @property
    def base_documents(self) -> int:
        return (self.kept or [self.overlay])[0].first_document

    def live(self) -> dict[str, int]:
        """URL → document number of every live document."""
        return {url: n for n, url in enumerate(self.urls) if n not in self.dead}


def catalog_of(state: IndexState) -> Catalog:
    """After a full build: no overlay yet."""
    return Catalog(urls=[doc.url for doc in state.documents], digests=list(state.digests), meta=state.meta,
                   overlay=Overlay(len(state.documents), state.section_count))


def save(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    save_tails(catalog, tails_folder(path))
    catalog.newly_dead, catalog.new_documents, catalog.unwritten, catalog.newly_retired = set(), [], set(), []
    for _, overlay in catalog.overlays:
        for document in overlay.documents:
            document.sections = []  # the texts are in the t/ files already
    for kept in catalog.kept:
        kept.bigrams, kept.unigrams, kept.last_section, kept.last_unigram_section = {}, {}, {}, {}
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as stream:
        pickle.dump((FORMAT, catalog), stream, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def load(path: Path) -> Catalog | None:
    try:
        with path.open("rb") as stream:
            version, catalog = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return catalog if version == FORMAT else None


def state_file(root: Path, site_dir: Path) -> Path:
    """One index state per output folder (hosted, offline, a benchmark's site …) of the project at ``root``."""
    site = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
    return root / ".cache" / "search-state" / f"{site}.pickle"


def tails_folder(path: Path) -> Path:
    """Beside the state: per kept overlay, each key's last section (megabytes: only a merge reads them)."""
    return path.with_suffix(".tails")


def save_tails(catalog: Catalog, folder: Path) -> None:
    """Those of the kept overlays written by this build; drop those of overlays no longer kept."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in catalog.unwritten:
        kept = catalog.kept[k]
        with (folder / f"{k}.pickle").open("wb") as stream:
            pickle.dump((kept.last_section, kept.last_unigram_section), stream, protocol=pickle.HIGHEST_PROTOCOL)
    for stale in folder.glob("*.pickle"):
        if not stale.stem.isdigit() or int(stale.stem) >= len(catalog.kept) or \
                catalog.kept[int(stale.stem)].first_document in catalog.retired:
            stale.unlink()


def load_tails(folder: Path, k: int, overlay: Overlay) -> bool:
    """Kept overlay k's last sections back into ``overlay``; False if they are lost."""
    try:
        with (folder / f"{k}.pickle").open("rb") as stream:
            overlay.last_section, overlay.last_unigram_section = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return False
    return True
