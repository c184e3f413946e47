"""An addition to the outline (``changes.Outline``) as a delta: what the pages added bring.

A rebuild after an addition saves its delta, not the whole outline again (0.18 s at 20,000
laws), and the next build applies the deltas saved since the outline was (``summaries``).
"""
from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field, replace

from .changes import Outline
from .archive import Citation
from .facets import Facet
from .relations import Relation


@dataclass
class Delta:
    documents: dict[str, str] = field(default_factory=dict)  # slug → source name
    rows: dict[str, tuple] = field(default_factory=dict)  # ``stand_ins.row``
    relations: list[Relation] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    facet_paths: dict[Facet, str] = field(default_factory=dict)  # facets new to the archive
    members: list[tuple[Facet, int, str]] = field(default_factory=list)  # each insertion, in order
    missing: dict[str, list[Citation]] = field(default_factory=dict)  # names whose citations changed, all (none: gone)
    named: set[str] = field(default_factory=set)
    citing: dict[str, set[str]] = field(default_factory=dict)  # names the new pages cite → those pages
    stale: set[str] = field(default_factory=set)
    browse: dict[str, str] = field(default_factory=dict)  # browse pages new or of another list
    unlisted: list[str] = field(default_factory=list)  # browse pages gone


def apply(outline: Outline, delta: Delta) -> None:
    """The outline, as saved (``documents`` as source names), with the delta; a list it inserts
    into is copied first, so an outline copied by ``copied`` stays as it was."""
    outline.documents.update(delta.documents)
    outline.rows.update(delta.rows)
    for relation in delta.relations:
        insort(outline.relations, relation)
    outline.keys.update(delta.keys)
    outline.facet_paths.update(delta.facet_paths)
    for facet in {facet for facet, _, _ in delta.members}:
        outline.members[facet] = list(outline.members.get(facet, []))
    for facet, index, slug in delta.members:
        outline.members[facet].insert(index, slug)
    for label, citations in delta.missing.items():
        if citations:
            outline.missing[label] = citations
        else:
            outline.missing.pop(label, None)
    outline.citing.update((key, outline.citing.get(key, set()) | slugs) for key, slugs in delta.citing.items())
    outline.named |= delta.named
    outline.stale |= delta.stale
    outline.browse.update(delta.browse)
    for path in delta.unlisted:
        del outline.browse[path]


def copied(outline: Outline) -> Outline:
    """A copy ``apply`` may change, the lists of slugs shared."""
    return replace(outline, documents=dict(outline.documents), rows=dict(outline.rows), relations=list(outline.relations),
                   keys=dict(outline.keys), facet_paths=dict(outline.facet_paths), members=dict(outline.members), missing=dict(outline.missing),
                   named=set(outline.named), citing=dict(outline.citing), stale=set(outline.stale),
                   browse=dict(outline.browse))


def browse_change(delta: Delta, before: dict[str, str], after: dict[str, str]) -> None:
    """Record the browse pages that came, went, or belong to another list now."""
    delta.browse = {path: top for path, top in after.items() if before.get(path) != top}
    delta.unlisted = sorted(before.keys() - after.keys())
