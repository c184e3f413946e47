"""The cover page of a report: organisation, title, edition year and date.

Quality reports and similar publications start with a cover of short
lines (云南·曲靖 / 曲靖麒麟职教集团 / 质量年度报告 / 2020 / … / 2021年1月)
instead of an official header. The lines are kept as the page's masthead;
the title, author and cover date are read from them.
"""
from __future__ import annotations

import re

from ..model import Block
from .header import (BANNER, CLASSIFICATION, DATE, DOC_NUMBER, MONTH, ORG, SENTENCE_MARKS, YEAR, Header,
                     is_doc_kind_end, next_content, title_text)
from .headings import UNNUMBERED, number_of
from .lines import Line
from ..text import normalise_short


def take_cover(lines: list[Line], header: Header) -> list[Line]:
    """A report's cover: short lines with the organisation, the title and a date.

    The title is the line ending in a kind of document (报告) with the
    organisation line above it and an edition year below it in brackets.
    """
    index, cover = next_content(lines, 0), []
    while index < len(lines) and _is_cover_line(lines[index].text):
        cover.append(lines[index])
        index = next_content(lines, index + 1)
    texts = [line.text for line in cover]
    kinds = [i for i, text in enumerate(texts) if is_doc_kind_end(text.replace(" ", ""))]
    dated = any(MONTH.match(text) or DATE.match(text) or YEAR.match(text) for text in texts)
    official = any(DOC_NUMBER.match(text) or BANNER.match(text) or CLASSIFICATION.match(text) for text in texts)
    if len(cover) < 3 or not kinds or not dated or official:
        return lines
    header.blocks.append(Block(header.kind, "\n".join(normalise_short(t) for t in texts), line=cover[0].number, role="cover"))
    header.fields["title"] = _cover_title(texts, kinds[0])
    authors = [text for text in texts if ORG.search(text) and not is_doc_kind_end(text)]
    if authors:
        header.fields["author"] = authors[-1]
    dates = [text for text in texts if MONTH.match(text) or DATE.match(text)]
    if dates:
        header.fields["cover_date"] = dates[-1]
    return lines[index:]


def _is_cover_line(text: str) -> bool:
    return len(text) <= 24 and not SENTENCE_MARKS.search(text) and not re.search(r"[，：:]", text) \
        and not number_of(text) and not UNNUMBERED.match(text) and not re.match(r"^目\s*录$", text) and "\t" not in text


def _cover_title(texts: list[str], kind: int) -> str:
    parts = [texts[kind]]
    if kind and ORG.search(texts[kind - 1]):
        parts.insert(0, texts[kind - 1])
    title = title_text(parts)
    if kind + 1 < len(texts) and YEAR.match(texts[kind + 1]):
        title += "（" + re.sub(r"[^\d年度]", "", texts[kind + 1]) + "）"
    return title
