"""Stage 2: parse the structure of a raw text (first version: paragraphs).

Blank-line separated chunks become paragraphs; hard line wraps inside a
chunk are joined without a space between CJK characters.
"""
from __future__ import annotations

import re

from .model import Block, ParsedDocument, SourceText

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; keep a space only between two Latin/digit words."""
    text = ""
    for line in (part.strip() for part in lines):
        if text and line and re.match(r"[A-Za-z0-9]", line) and re.search(r"[A-Za-z0-9]$", text):
            text += " "
        text += line
    return text


def parse(source: SourceText) -> ParsedDocument:
    blocks: list[Block] = []
    chunk: list[str] = []
    start = 1
    for number, line in enumerate(source.lines + [""], start=1):
        if line.strip():
            if not chunk:
                start = number
            chunk.append(line)
        elif chunk:
            blocks.append(Block("paragraph", join_lines(chunk), line=start))
            chunk = []
    return ParsedDocument(source=source, blocks=blocks)
