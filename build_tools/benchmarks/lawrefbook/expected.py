"""The values a lawrefbook text states, as the evaluation expects them.

Title; a number printed on a line of its own above the first article (法释〔2022〕20号; order
numbers inside the records are left out: which one numbers this version is not stated); the
date signed under the text, else the latest adoption, approval, promulgation or amendment record
(the file name's version date is often a version the records do not mention, so a reader of the
text could not know it); the region (a national organ named → 全国; a local regulation → the
place of the congress that adopted it, else the folder's province); the numbers of 章 headings
and 条 paragraphs; and no passage removed from a body as a repeat.
"""
from __future__ import annotations

import re

from ...metadata.regions import NATIONAL, gazetteer
from .markdown import ARTICLE, CHAPTER, DATE, EFFECTIVE_ONLY, NUMERAL, Law, number_line, preamble, printed_title

CHAPTER_LINE = re.compile(rf"^第[{NUMERAL}]+章[^，。；：,;:、]{{0,20}}$")  # a heading left as a plain line
TAKES_EFFECT = re.compile(r"\s*起?(?:施行|生效|执行)")  # …公布，自2014年1月1日施行: not a version's date
# The organ that adopted a local regulation: 聊城市第十七届人民代表大会常务委员会…
ADOPTING_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:第[一二三四五六七八九十]+届|人民代表大会|人民政府)")
NATIONAL_ORGAN = re.compile(r"全国人民代表大会|国务院|最高人民法院|最高人民检察院|中华人民共和国[^港境领]|中央|"
                            r"国家[\u4e00-\u9fff]{1,12}?(?:局|委员会|署)|[\u4e00-\u9fff]{1,10}部令|"
                            r"(?:^|\s)[\u4e00-\u9fff]{1,10}部(?:\s|$)")  # a ministry signing: 劳动部
HEADER_LINE = re.compile(r"^[^。：；]{1,40}$")  # an organ, an order or a number, not a sentence that names one
CITED = re.compile(r"《[^》]*》")  # 根据《中华人民共和国劳动法》 names no issuer
PROVINCE_FOLDER = re.compile(r"^DLC/(.+?)地方法规/")
UNSTATED_REGION = ("案例", "其他")  # court cases and guides name no issuing organ


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
        lines = [line for line in law.notes + preamble(law) if HEADER_LINE.match(line)]
        stated = law.title.startswith("中华人民共和国") or NATIONAL_ORGAN.search(CITED.sub("", " ".join(
            [law.title, *law.records, *lines])))
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


def expected(law: Law, name: str) -> dict:
    paragraphs = [text for kind, text in law.body if kind == "paragraph"]
    head, _ = printed_title(law)
    values = {
        "title": re.sub(r"\s", "", law.title if head[0] == law.title else "".join(
            line for line in head if not number_line(line))),
        "doc_number": next(filter(None, map(number_line, preamble(law))), None),
        "date": version_date(law),
        "region": region(law, name),
        "chapters": sum(1 for kind, text in law.body if kind == "heading" and CHAPTER.match(text))
        + sum(1 for text in paragraphs if CHAPTER_LINE.match(text)),
        "articles": sum(1 for text in paragraphs if ARTICLE.match(text)),
        "repeats_removed": 0,
    }
    return {key: value for key, value in values.items() if value is not None}
