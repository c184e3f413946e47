"""The corpus's Markdown read back: title, records, body items, and the title block as printed."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...metadata import docnumbers

NUMERAL = "〇零一二三四五六七八九十百千0-9"
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
CHAPTER = re.compile(rf"^第[{NUMERAL}]+章")
ARTICLE = re.compile(rf"^第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]")
# A record that only says when the text takes effect (2021年1月1日 施行) dates no version of it.
EFFECTIVE_ONLY = re.compile(r"^(?:自.*)?(?:起)?(施行|生效|执行)$")
# Where the corpus ran a chapter's articles into one line, or a heading onto a paragraph's end.
RUN_ON = re.compile(rf"(?<=[。；：”])[ \u3000]+(?=第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?[ \u3000])"
                    rf"|(?<=[。；])(?=第[{NUMERAL}]+[章节][^。；，：]{{1,20}}$)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TITLE_MARKS = re.compile(r"[\s、，,·]")  # what a reprinted title may drop (最高人民法院 最高人民检察院)


@dataclass
class Law:
    """What the Markdown says, markup removed."""

    title: str
    subtitle: str = ""
    records: list[str] = field(default_factory=list)  # 2009年2月28日 第十一届…通过
    notes: list[str] = field(default_factory=list)  # lines above the records (the title printed again …)
    body: list[tuple[str, object]] = field(default_factory=list)  # (heading|paragraph|table, text or rows)


def parse(markdown: str) -> Law:
    head, _, body = markdown.partition("<!-- INFO END -->")
    titles = [line[2:].strip() for line in head.split("\n") if line.startswith("# ")]
    law = Law(title=titles[0] if titles else "", subtitle=" ".join(titles[1:]))
    for line in (LINK.sub(r"\1", line).strip(" \u3000") for line in head.split("\n")):
        if not line or line.startswith("# "):
            continue
        if DATE.match(line) or not law.records:
            (law.records if DATE.match(line) else law.notes).append(line)
        else:  # the record goes on: a line of the corpus broken inside a record
            law.records[-1] += line
    law.records = [record[:-1] if record.count("）") > record.count("（") else record for record in law.records]
    law.body = list(_body(body))
    return law


def _body(markdown: str) -> Iterator[tuple[str, object]]:
    rows: list[list[str]] | None = None
    for line in (LINK.sub(r"\1", line).strip() for line in markdown.split("\n")):
        if line == "<!-- TABLE -->":
            rows = []
        elif line == "<!-- TABLE END -->":
            yield "table", rows or []
            rows = None
        elif rows is not None and line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if not all(set(cell) <= set("-: ") for cell in cells):
                rows.append(cells)
        elif not line or line.startswith("<!--"):
            continue
        elif line.startswith("#"):
            yield "heading", line.lstrip("#").strip()
        else:  # one paragraph per 条, and a heading on a line of its own
            yield from (("paragraph", piece) for piece in RUN_ON.split(line))


def number_line(text: object) -> str | None:
    """The document number a line consists of (法释〔2022〕20号), normalised."""
    try:
        return docnumbers.normalise(text) if isinstance(text, str) else None
    except docnumbers.DocNumberError:
        return None


def preamble(law: Law) -> list[str]:
    """The paragraphs above the first article or chapter (a reprinted title, an order, a number)."""
    found = []
    for kind, text in law.body[:8]:
        if kind == "table" or ARTICLE.match(text) or CHAPTER.match(text):
            break
        found += [text] if kind == "paragraph" else []
    return found


def printed_title(law: Law) -> tuple[list[str], list[tuple[str, object]]]:
    """The title block as printed, and the body after it. Where the body opens with the title
    over lines and its number (最高人民法院 / 关于…的解释 / 法释〔2022〕20号), that block is the
    printed title and the records follow it, as in the gazette."""
    joined, title = "", TITLE_MARKS.sub("", law.title)
    for count, (kind, text) in enumerate(law.body[:6], start=1):
        joined += TITLE_MARKS.sub("", text) if kind != "table" else "\t"
        if joined == title:
            count += count < len(law.body) and law.body[count][0] == "paragraph" and bool(number_line(law.body[count][1]))
            return [str(text) for _, text in law.body[:count]], law.body[count:]
        if not title.startswith(joined):
            break
    return [law.title] + ([law.subtitle] if law.subtitle else []), law.body
