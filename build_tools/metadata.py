"""Stage 3: extract front-matter fields from a parsed document (first version)."""
from __future__ import annotations

from .model import ParsedDocument


def extract(parsed: ParsedDocument) -> dict:
    """Return front matter: the title is the first paragraph for now."""
    title = parsed.header.get("title") or (parsed.blocks[0].text if parsed.blocks else parsed.source.path.stem)
    return {"title": title, "source": str(parsed.source.path)}
