"""Raw texts made from the LawRefBook corpus, with the values the corpus gives as ground truth.

``../shared/corpus/lawrefbook/`` holds 3,475 real laws and regulations as Markdown (see its
README). Editors never get Markdown: they get a PDF or Word extraction. So each file becomes the
text an editor would paste — title line, the customary bracketed record lines
(``（2009年2月28日第十一届…会议通过）``), plain heading lines, one paragraph per 条 — with a
layout chosen by a hash of the file's path (hard wraps at 28–40 characters, blank lines between
paragraphs, after every line or none, full-width or tab indents, page numbers between lines).
The expected values are only what the Markdown states: the title, a document number printed on a
line of its own above the first article (法释〔2022〕20号; order numbers inside the records are
left out: which one numbers this version is not stated), the date of the latest
adoption or amendment record (the file name's version date is often a version the records do not
mention, so a reader of the text could not know it), the region (the national corpus → 全国; a
local regulation → the place of the congress that adopted it, else the folder's province), and
the numbers of 章 headings and 条 paragraphs. Texts are built in memory, never written into the
project.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import docnumbers
from .regions import NATIONAL, gazetteer

NUMERAL = "〇零一二三四五六七八九十百千0-9"
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
CHAPTER = re.compile(rf"^第[{NUMERAL}]+章")
CHAPTER_LINE = re.compile(rf"^第[{NUMERAL}]+章[^，。；：,;:、]{{0,20}}$")  # a heading left as a plain line
ARTICLE = re.compile(rf"^第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]")
# A record that only says when the text takes effect dates no version of it.
EFFECTIVE_ONLY = re.compile(r"^(?:自.*)?(?:起)?(施行|生效|执行)$")
TAKES_EFFECT = re.compile(r"\s*起?(?:施行|生效|执行)")  # …公布，自2014年1月1日施行: the date before it
AMENDED_BY_DECISION = re.compile(r"(?:^《|决定》).*(?:修正|修订)$")
# The organ that adopted a local regulation: 聊城市第十七届人民代表大会常务委员会…
ADOPTING_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:第[一二三四五六七八九十]+届|人民代表大会|人民政府)")
NATIONAL_ORGAN = re.compile(r"全国人民代表大会|国务院|最高人民法院|最高人民检察院|中华人民共和国|中央|"
                            r"国家[\u4e00-\u9fff]{1,12}?(?:局|委员会|署)|[\u4e00-\u9fff]{1,10}部令")
PROVINCE_FOLDER = re.compile(r"^DLC/(.+?)地方法规/")
UNSTATED_REGION = ("案例", "其他")  # court cases and guides name no issuing organ
RUN_ON = re.compile(rf"(?<=[。；：”])[ \u3000]+(?=第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?[ \u3000])"
                    rf"|(?<=[。；])(?=第[{NUMERAL}]+[章节][^。；，：]{{1,20}}$)")
# Typesetting never starts a line with closing punctuation: it hangs at the end of the line above.
NO_LINE_START = "，。、；：？！）》」』”’…"
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class Law:
    """What the Markdown says, markup removed."""

    title: str
    subtitle: str = ""
    records: list[str] = field(default_factory=list)  # 2009年2月28日 第十一届…通过
    notes: list[str] = field(default_factory=list)  # lines above the records (the title printed again …)
    body: list[tuple[str, object]] = field(default_factory=list)  # (heading|paragraph|table, text or rows)


class LawText(NamedTuple):
    name: str  # path inside the corpus, e.g. 社会法/职业病防治法(2018-12-29).md
    text: str  # the raw text
    expected: dict


def corpus_folder(project_root: Path) -> Path:
    return project_root.parent / "shared" / "corpus" / "lawrefbook"


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
        else:  # one paragraph per 条 and a heading alone, also where the corpus ran them into one line
            yield from (("paragraph", piece) for piece in RUN_ON.split(line))


def record_text(record: str) -> str:
    """A record as printed in the bracket under a title: 根据…决定》修正, 自…起施行."""
    match = DATE.match(record)
    date, event = match.group(0), record[match.end():].strip(" \u3000")
    if effective := EFFECTIVE_ONLY.match(event):
        return f"自{date}起{effective.group(1)}"
    return ("根据" if AMENDED_BY_DECISION.search(event) else "") + date + event


def iso(match: re.Match) -> str:
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"


def version_date(law: Law) -> str | None:
    """The date signed under the text (a notice's 成文日期), else the latest date of an adoption,
    approval, promulgation or amendment record (a date the text takes effect on is none of these)."""
    signed = [match for kind, text in law.body[-3:] if kind == "paragraph" and (match := DATE.fullmatch(text))]
    if signed:
        return iso(signed[-1])
    dates = [iso(match) for record in law.records if not EFFECTIVE_ONLY.match(DATE.sub("", record, 1).strip())
             for match in DATE.finditer(record) if not TAKES_EFFECT.match(record, match.end())]
    return max(dates, default=None)


def region(law: Law, name: str) -> list[str] | None:
    province = PROVINCE_FOLDER.match(name)
    if not province:
        stated = NATIONAL_ORGAN.search(" ".join([law.title, *law.notes, *law.records, *preamble(law)]))
        return [NATIONAL.name] if stated and not name.startswith(UNSTATED_REGION) else None
    places = gazetteer()
    top = next(division for name, found in places.by_name.items() if name.startswith(province.group(1))
               for division in found if division.level == 1)
    adopting = ADOPTING_PLACE.match(DATE.sub("", law.records[0], 1).strip()) if law.records else None
    candidates = [adopting.group(1)] if adopting else [law.title[:end] for end in range(len(law.title), 1, -1)]
    for candidate in candidates:
        inside = [d for d in places.by_name.get(candidate, []) if places.path(d)[0] == top]
        if len(inside) == 1:
            return [division.name for division in places.path(inside[0])]
    # A place the gazetteer no longer has (莱芜市, merged in 2019): today's region is not in the text.
    return None if adopting else [top.name]


def preamble(law: Law) -> list[str]:
    """The lines above the first article or chapter (a reprinted title, an order, a number)."""
    found = []
    for kind, text in law.body[:8]:
        if kind == "table" or ARTICLE.match(text) or CHAPTER.match(text):
            break
        found += [text] if kind == "paragraph" else []
    return found


def doc_number(law: Law) -> str | None:
    """A number printed on a line of its own above the first article (法释〔2022〕20号)."""
    for text in preamble(law):
        try:
            return docnumbers.normalise(text)
        except docnumbers.DocNumberError:
            continue
    return None


def expected(law: Law, name: str) -> dict:
    paragraphs = [text for kind, text in law.body if kind == "paragraph"]
    head, _ = printed_title(law)
    printed = [line for line in head if not docnumbers_of([("paragraph", line)])]
    values = {
        "title": re.sub(r"\s", "", law.title if head[0] == law.title else "".join(printed)),
        "doc_number": doc_number(law),
        "date": version_date(law),
        "region": region(law, name),
        "chapters": sum(1 for kind, text in law.body if kind == "heading" and CHAPTER.match(text))
        + sum(1 for text in paragraphs if CHAPTER_LINE.match(text)),
        "articles": sum(1 for text in paragraphs if ARTICLE.match(text)),
        "repeats_removed": 0,
    }
    return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True)
class Layout:
    """How one extraction laid a text out, chosen by the hash of the file's path."""

    width: int | None  # em per line; None: one line per paragraph
    spacing: str  # blank lines: between paragraphs, after every line, or none
    indent: str  # before a paragraph's first line: none, two full-width spaces, a tab
    page_lines: int | None  # lines per page; a page number follows each page
    page_mark: str
    one_record: bool  # all records in one bracket, else one bracket per record


def layout_of(name: str) -> Layout:
    digest = hashlib.sha256(name.encode()).digest()
    return Layout(
        width=None if digest[0] % 4 == 0 else 28 + digest[1] % 13,
        spacing=("paragraph", "line", "none")[digest[2] % 3],
        indent=("", "\u3000\u3000", "\t")[digest[3] % 3],
        page_lines=None if digest[4] % 3 == 0 else 28 + digest[5] % 18,
        page_mark=("— {} —", "- {} -")[digest[6] % 2],
        one_record=bool(digest[7] % 2),
    )


def wrap(text: str, width: int | None, indent: str = "") -> list[str]:
    """Lines of at most ``width`` em; an indent takes two of the first line's."""
    if width is None:
        return [indent + text]
    lines, line, room = [], indent, width - (2 if indent else 0)
    for char in text:
        em = 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5
        if em > room and char not in NO_LINE_START:
            lines.append(line)
            line, room = "", width
        line, room = line + char, room - em
    return lines + [line]


def printed_title(law: Law) -> tuple[list[str], list[tuple[str, object]]]:
    """The title block as printed, and the body after it. Where the body opens with the title
    over lines and its number (最高人民法院 / 关于…的解释 / 法释〔2022〕20号), that block is the
    printed title: the records follow it, as in the gazette."""
    joined, title = "", re.sub(r"[\s、，,·]", "", law.title)
    for count, (kind, text) in enumerate(law.body[:6], start=1):
        joined += re.sub(r"[\s、，,·]", "", text) if kind != "table" else "\t"
        if joined == title:
            number = docnumbers_of(law.body[count:count + 1])
            return [str(text) for _, text in law.body[:count + bool(number)]], law.body[count + bool(number):]
        if not title.startswith(joined):
            break
    return [law.title] + ([law.subtitle] if law.subtitle else []), law.body


def docnumbers_of(items: list[tuple[str, object]]) -> str | None:
    try:
        return docnumbers.normalise(items[0][1]) if items and items[0][0] == "paragraph" else None
    except docnumbers.DocNumberError:
        return None


def units(law: Law, layout: Layout) -> list[list[str]]:
    """The text as paragraphs, each a list of printed lines."""
    records = [f"（{record_text(record)}）" for record in law.records]
    if layout.one_record and records:
        records = ["（" + "\u3000".join(record_text(record) for record in law.records) + "）"]
    head, body = printed_title(law)
    found = [wrap(text, layout.width) for text in head + law.notes + records]
    for kind, content in body:
        if kind == "table":
            found.append(["\t".join(row) for row in content])
        else:
            found.append(wrap(content, layout.width, "" if kind == "heading" else layout.indent))
    return found


def raw_text(law: Law, name: str) -> str:
    layout = layout_of(name)
    lines, printed, page = [], 0, 0
    for unit in units(law, layout):
        if lines and layout.spacing == "paragraph":
            lines.append("")
        for line in unit:
            lines.append(line)
            lines += [""] if layout.spacing == "line" else []
            printed += 1
            if layout.page_lines and printed % layout.page_lines == 0:
                page += 1
                mark = layout.page_mark.format(page)
                lines += [mark] if layout.spacing == "none" else ["", mark, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def names(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def sample(found: list[str], count: int | None) -> list[str]:
    """``count`` names spread over the whole corpus (smallest path hashes), in name order."""
    if count is None or count >= len(found):
        return found
    return sorted(sorted(found, key=lambda name: hashlib.sha256(name.encode()).digest())[:count])


def texts(folder: Path, limit: int | None = None) -> Iterator[LawText]:
    """(name, raw text, expected values) for every Markdown file, or for a sample of ``limit``."""
    for name in sample(names(folder), limit):
        law = parse((folder / name).read_text(encoding="utf-8"))
        yield LawText(name, raw_text(law, name), expected(law, name))
