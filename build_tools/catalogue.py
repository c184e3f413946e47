"""Stage 5: the catalogue of all documents and the relations between them.

Placeholder until cross-linking lands: every page gets an empty context.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Document, PageContext


@dataclass
class Catalogue:
    documents: list[Document] = field(default_factory=list)

    def context_for(self, document: Document) -> PageContext:
        return PageContext()


def build(documents: list[Document]) -> Catalogue:
    return Catalogue(documents=sorted(documents, key=lambda doc: doc.slug))
