"""Machine-readable catalogue: ``catalogue.json`` and ``catalogue.csv`` in the site.

Researchers can analyse the archive without scraping it: one record per
document with every front-matter field, its page URL and its relations.
The CSV has one column per field; lists and mappings are JSON in a cell,
so every value round-trips.
"""
from __future__ import annotations

import csv
import io
import json
from bisect import bisect_left
from dataclasses import dataclass, field

from .archive import Catalogue
from .facets import status_of
from ..model import Document

NAMES = ("catalogue.json", "catalogue.csv")
LEADING = ("slug", "url", "title", "doc_type", "doc_number", "issuer", "date", "region", "status")


def page_url(document: Document) -> str:
    """Site-relative URL of the page (directory URLs, as the site is built)."""
    return f"documents/{document.slug}/"


def relations_of(catalogue: Catalogue, document: Document) -> list[dict]:
    """Both directions, so each record stands alone: {type, direction, slug}."""
    found = [{"type": rel.kind, "direction": "out", "slug": rel.target}
             for rel in catalogue.by_source.get(document.slug, [])]
    found += [{"type": rel.kind, "direction": "in", "slug": rel.source}
              for rel in catalogue.by_target.get(document.slug, [])]
    return found


def record(catalogue: Catalogue, document: Document) -> dict:
    missing = sorted({c.label for c in catalogue.citations_of(document.slug) if not c.target})
    return record_of(document, relations_of(catalogue, document), missing)


def record_of(document: Document, relations: list[dict], missing: list[str]) -> dict:
    """The record from the document and what the catalogue says of it."""
    meta = dict(document.meta)
    meta["status"] = status_of(document)
    meta.setdefault("sha256", document.source.sha256)
    return {"slug": document.slug, "url": page_url(document), **meta,
            "relations": relations, "cites_not_in_archive": missing}


@dataclass
class Rows:
    """Each record as JSON and as a CSV line, kept between builds: a rebuild serialises only the
    records a change reaches, not the whole archive (issue 16)."""

    json: dict[str, str] = field(default_factory=dict)  # slug → the record, a line of the list
    fields: dict[str, tuple] = field(default_factory=dict)  # slug → the record's keys
    csv: dict[str, str] = field(default_factory=dict)  # slug → its line under ``columns``
    columns: tuple = ()


def _json(record: dict) -> str:
    """One record a line: still read line by line, 0.2 kB per document smaller than indented (issue 16)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


def _line(values: list) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def update(rows: Rows, catalogue: Catalogue, slugs: set[str] | None = None) -> Rows:
    """Serialise the records of ``slugs`` (None: all) and of documents ``rows`` lacks; drop the gone."""
    current = set(catalogue.by_slug)
    for gone in set(rows.json) - current:
        del rows.json[gone], rows.fields[gone], rows.csv[gone]
    todo = current if slugs is None else (set(slugs) | (current - set(rows.json))) & current
    fresh = {slug: record(catalogue, catalogue.by_slug[slug]) for slug in todo}
    for slug, found in fresh.items():
        rows.json[slug], rows.fields[slug] = _json(found), tuple(found)
    columns = (*LEADING, *sorted(set().union(*rows.fields.values()) - set(LEADING)))
    if columns != rows.columns:
        fresh, rows.columns = {slug: record(catalogue, catalogue.by_slug[slug]) for slug in current}, columns
    for slug, found in fresh.items():
        rows.csv[slug] = _line([_cell(found.get(column)) for column in columns])
    return rows


def to_json(catalogue: Catalogue, rows: Rows | None = None) -> str:
    rows = rows or update(Rows(), catalogue)
    if not catalogue.documents:
        return "[]\n"
    return "[\n" + ",\n".join(rows.json[document.slug] for document in catalogue.documents) + "\n]\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def to_csv(catalogue: Catalogue, rows: Rows | None = None) -> str:
    """One column per field; lists and mappings as JSON in a cell."""
    rows = rows or update(Rows(), catalogue)
    return _line(list(rows.columns or LEADING)) + "".join(rows.csv[document.slug] for document in catalogue.documents)


def edited_row(old_json: str, document: Document, columns: tuple) -> tuple | None:
    """``page_data``'s (JSON, keys, CSV line) of a record again, for the same page after an edit that
    the catalogue does not see (``quick``): relations and missing citations as its record
    (``old_json``) had them. None when the record's keys differ (the CSV's columns may)."""
    before = json.loads(old_json)
    found = record_of(document, before["relations"], before["cites_not_in_archive"])
    if tuple(found) != tuple(before):
        return None
    return _json(found), tuple(found), _line([_cell(found.get(column)) for column in columns])


def serialised(catalogue: Catalogue, document: Document, columns: tuple) -> tuple[str, tuple, str]:
    """``page_data``'s (JSON, keys, CSV line) of a page's record under the CSV's ``columns``."""
    found = record(catalogue, document)
    return _json(found), tuple(found), _line([_cell(found.get(column)) for column in columns])


# Where a page's record starts in each export file: records come one a line (the CSV's may hold
# quoted line breaks), in slug order, and a slug needs no escaping in either format. A rebuild
# finds the records it changes by these, instead of serialising the archive's (issue 16).
STARTS = (lambda slug: f'{{"slug":"{slug}",'.encode(), lambda slug: f"\n{slug},documents/{slug}/,".encode())
ENDS = (b"\n]\n", b"")  # what follows the last record
SEPARATORS = (b",\n", b"")  # what follows every other record


# How far around its expected place a record is looked for first (doubled until found).
NEAR = 1 << 16


def _start(data: bytes, part: int, slugs: list[str], index: int) -> int | None:
    """Where the record of ``slugs[index]`` starts; past the end, where one more would (None: not found).

    Looked for near where its rank puts it, in a window doubled until it holds it: records are a
    few hundred bytes to a few kB, so a record's place is about its share of the file. A search
    from the start read half the export on average (15 ms a file for a record near the end at
    20,000 laws); this reads a few windows."""
    if index == len(slugs):
        return len(data) - len(ENDS[part]) + len(SEPARATORS[part])
    needle, guess, width = STARTS[part](slugs[index]), len(data) * index // len(slugs), NEAR
    while True:
        low, high = max(0, guess - width), min(len(data), guess + width)
        found = data.find(needle, low, high)
        if found >= 0:
            return found + part
        if low == 0 and high == len(data):
            return None
        width *= 2


def bounds(data: bytes, part: int, slugs: list[str], slug: str) -> tuple[int, int] | None:
    """Where the record of ``slug`` (one of the pages ``slugs``, sorted) is in export file ``part``
    (0: JSON, 1: CSV), its separator left out; None if it is not where the order says."""
    index = bisect_left(slugs, slug)
    here, following = _start(data, part, slugs, index), _start(data, part, slugs, index + 1)
    if here is None or following is None or here >= following:
        return None
    return here, following - len(SEPARATORS[part])


def splices(data: bytes, part: int, slugs: list[str], records: dict[str, bytes]) -> list[tuple[int, int, bytes]] | None:
    """What changes in export file ``part`` as written for the pages ``slugs`` (sorted) to hold
    ``records`` (slug → its record in that format): replacing a listed page's, inserted in slug order
    for another. (start, end, bytes put in place of that stretch), in file order (``writer.write_spliced``);
    None when a record is not where the order says (not the file expected)."""
    edits, separator = [], SEPARATORS[part]
    for slug, text in records.items():
        index = bisect_left(slugs, slug)
        if index < len(slugs) and slugs[index] == slug:
            found = bounds(data, part, slugs, slug)
            if found is None:
                return None
            edits.append((*found, slug, text))
            continue
        here = _start(data, part, slugs, index)
        if here is None:
            return None
        here -= len(separator) if index == len(slugs) else 0
        edits.append((here, here, slug, separator + text if index == len(slugs) else text + separator))
    return [(here, until, text) for here, until, _, text in sorted(edits)]


def files(catalogue: Catalogue, rows: Rows | None = None) -> dict[str, str]:
    """Docs-relative path → content; MkDocs copies them into the site as they are.

    ``rows``: the records serialised so far (``update``); None serialises every record.
    """
    rows = rows or update(Rows(), catalogue)
    return dict(zip(NAMES, (to_json(catalogue, rows), to_csv(catalogue, rows))))
