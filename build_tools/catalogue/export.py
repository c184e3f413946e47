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

from .archive import Catalogue
from .facets import status_of
from ..model import Document

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
    meta = dict(document.meta)
    meta["status"] = status_of(document)
    meta.setdefault("sha256", document.source.sha256)
    missing = sorted({c.label for c in catalogue.citations_of(document.slug) if not c.target})
    return {"slug": document.slug, "url": page_url(document), **meta,
            "relations": relations_of(catalogue, document), "cites_not_in_archive": missing}


def records(catalogue: Catalogue) -> list[dict]:
    return [record(catalogue, document) for document in catalogue.documents]


def to_json(catalogue: Catalogue) -> str:
    return json.dumps(records(catalogue), ensure_ascii=False, indent=1, sort_keys=False, default=str) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def to_csv(catalogue: Catalogue) -> str:
    rows = records(catalogue)
    others = sorted({key for row in rows for key in row} - set(LEADING))
    columns = [*LEADING, *others]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def files(catalogue: Catalogue) -> dict[str, str]:
    """Docs-relative path → content; MkDocs copies them into the site as they are."""
    return {"catalogue.json": to_json(catalogue), "catalogue.csv": to_csv(catalogue)}
