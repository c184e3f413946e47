"""A web page copied as text from a government site: its information table, and where its chrome goes.

Besides the chrome (``webchrome``: breadcrumb, widgets, related articles, footer)
a page carries an information table: 索引号, 主题分类, 发文机关, 成文日期, 标题,
发文字号, 发布日期, 有效性, 来源 …, each label with its value side by side, on the
next line, tab- or bar-separated, several pairs on a line, labels letter-spaced
with or without a colon. Only a text with such evidence is treated as a page,
so documents, laws and replies that merely say 来源 or 主办单位 are untouched.
Chrome and table lines become blank lines (paragraph breaks stay where they
were) and are reported as removed; the table's values become raw ``web_*``
header strings of the part they stand in, for ``metadata``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import ParsedDocument, Removed
from .header import ORG, WEB_LABELS, is_doc_kind_end, next_content
from .lines import Line
from .webchrome import (SENTENCE, TOKENS, footer_site, is_chrome, is_page_chrome, mark_bottom, mark_top,
                        without_buttons)

# Label → header key; None: a label whose value is not kept (view counts, editors, summaries …).
LABELS = {
    "索引号": "web_index_no", "信息索引": "web_index_no", "主题分类": "web_subject", "分类": "web_subject", "信息分类": "web_subject",
    "组配分类": None, "体裁分类": None, "服务对象": None,
    "发布机构": "web_publisher", "发布单位": "web_publisher", "责任部门": "web_publisher",
    "发文机关": "web_issuer", "发文单位": "web_issuer", "发文机构": "web_issuer", "制发机关": "web_issuer",
    "成文日期": "web_date", "发文日期": "web_date", "印发日期": "web_date", "生成日期": None,
    "标题": "web_title", "名称": "web_title", "文件名称": "web_title", "信息名称": "web_title",
    "发文字号": "web_doc_number", "文号": "web_doc_number",
    "发布日期": "web_published", "发布时间": "web_published", "公开日期": "web_published", "上载日期": "web_published",
    "有效性": "web_validity", "时效性": "web_validity", "效力状态": "web_validity",
    "来源": "web_source", "信息来源": "web_source", "文章来源": "web_source", "稿件来源": "web_source",
    "主题词": None, "关键词": None, "公开方式": None, "公开范围": None, "公开时限": None, "公开形式": None,
    "内容概述": None, "摘要": None, "作者": None, "编辑": None, "责任编辑": None, "审核": None, "校对": None,
    "供稿": None, "发布者": None, "更新时间": None, "有效期": None,
    "浏览次数": None, "阅读次数": None, "访问次数": None, "点击数": None, "点击量": None, "浏览量": None, "访问量": None,
}
TRAILING = {"时间": "web_published", "日期": "web_published"}  # only after another label: 时间：… opens meeting notices
DOCUMENT_WORDS = {"内容概述", "摘要", "主题词", "关键词"}  # alone on a line these may be the document's own
ALONE = {"来源", "信息来源", "文章来源", "稿件来源", "发布时间", "发布日期", "浏览次数", "阅读次数", "访问量", "浏览量"}
_NAMES = "|".join(r"[ \u3000]*".join(name) for name in sorted({**LABELS, **TRAILING}, key=len, reverse=True))
WIDGETS_AFTER = re.compile(rf"(?:[\s\u3000]+(?:{'|'.join(TOKENS)}))+$")
BRACKETED = re.compile(rf"【\s*({_NAMES})\s*】")
LABEL = re.compile(rf"(?:^|(?<=[\s|｜]))({_NAMES})(?:[ \u3000]*[:：]|(?=[\s|｜]|$))")
DATE_VALUE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*[-/.年]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[-/.月]"
                        r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
LEADING_DATE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?=\s)")
EMPTY = re.compile(r"^(?:无|暂无|空|[-—－/]+|本[站网].*|原创|综合|网络|互联网)$")
WEBSITE = re.compile(r"网站?$")  # 发文机构：县政府网站 names the site, not the issuer
EXPORT = re.compile(r"法宝引证码|pkulaw\.c")  # a database export: its labelled lines are its own reader's


@dataclass
class Page:
    """The lines with chrome blanked, what was removed, and each table's fields by its first line."""

    lines: list[Line]
    removed: list[Removed] = field(default_factory=list)
    tables: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    site: dict[str, str] = field(default_factory=dict)  # web_host (主办) and web_site (…网 版权所有) of the footer


def take_page(lines: list[Line]) -> Page:
    """Blank a copied page's chrome and read its information tables; any other text is returned as it is."""
    if not is_page(lines):
        return Page(lines)
    page = Page([])
    page.lines = [without_buttons(line, page.removed) for line in lines]
    drop: dict[int, str] = {}
    for used, names, fields in _zones(page.lines):
        if fields and (len(names) >= 2 or names & ALONE) or _credits(names):
            page.tables.append((page.lines[used[0]].number, fields))
            drop.update(dict.fromkeys(used, "web_table"))
    mark_top(page.lines, drop)
    drop.update({index: "web_chrome" for index, line in enumerate(page.lines)
                 if index not in drop and (is_chrome(line.text) or is_page_chrome(line.text))})
    mark_bottom(page.lines, drop)
    _duplicate_titles(page, drop)
    for index in sorted(drop):
        line = page.lines[index]
        if drop[index] == "web_chrome":
            footer_site(line.text, page.site)
        page.removed.append(Removed(drop[index], line.raw.strip(), line.number))
        page.lines[index] = Line(line.number, "")
    return page


def attach_page(document: ParsedDocument, page: Page) -> None:
    """Each table's fields to the part it stands in (not to an issued document); the footer's to the main text."""
    parts = [document] + [annex for annex in document.annexes if annex.part != "印发"]
    for line, fields in page.tables:
        target = ([part for part in parts if part.first_line <= line] or [document])[-1]
        for key, value in fields.items():
            target.header.setdefault(key, value)
    for key, value in page.site.items():
        document.header.setdefault(key, value)


def is_page(lines: list[Line]) -> bool:
    """Evidence that only pages carry: a breadcrumb, widget or footer line, or a table of two labels or more.

    The one-line ``发布时间：… 来源：…`` that ``header`` reads is no evidence on its own.
    """
    if any(EXPORT.search(line.text) for line in lines[:10]):
        return False
    if any(is_chrome(line.text) for line in lines if not line.blank):
        return True
    for used, names, fields in _zones(lines):
        legacy = len(used) == 1 and lines[used[0]].text.startswith("发布时间") and names <= set(WEB_LABELS)
        if fields and len(names) >= 2 and not legacy:
            return True
    return False


def _credits(names: set[str]) -> bool:
    """Only labels whose values are never kept (作者, 责任编辑, 浏览次数, 公开方式 …): the page's own chrome."""
    return bool(names) and all(LABELS.get(name, "") is None for name in names) and not names & DOCUMENT_WORDS


def _pairs(text: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a table line; [] unless the line opens with a label (or a date and a label)."""
    text = text.lstrip("•·▪■●◆*|｜ \t\u3000")
    if "【" in text:
        text = BRACKETED.sub(r"\1：", text)  # 【索引号】… as 索引号：…
    leading = LEADING_DATE.match(text)
    if leading and LABEL.match(text[leading.end():].lstrip()):
        return [("发布时间", leading.group())] + _pairs(text[leading.end():])
    if not LABEL.match(text):  # most lines: no label opens them, so none of the others counts
        return []
    found = list(LABEL.finditer(text))
    if re.sub(r"\s", "", found[0].group(1)) in TRAILING:
        return []
    ends = [match.start() for match in found[1:]] + [len(text)]
    return [(re.sub(r"\s", "", match.group(1)), text[match.end():end].strip(" \t\u3000|｜:：;；"))
            for match, end in zip(found, ends)]


def _zones(lines: list[Line]):
    """Runs of table lines: (line indexes, label names, fields). A label alone takes the next line as its value."""
    index = 0
    while index < len(lines):
        pairs, used, names, fields = _pairs(lines[index].text), [], set(), {}
        cursor = index
        while pairs:
            used.append(cursor)
            for position, (name, value) in enumerate(pairs):
                following = next_content(lines, cursor + 1)
                if not value and position == len(pairs) - 1 and following < len(lines) \
                        and _fits(name, lines[following].text):
                    value, cursor = lines[following].text, following
                    used.append(cursor)
                names.add(name)
                _store(fields, LABELS.get(name) or TRAILING.get(name), value)
            cursor = next_content(lines, cursor + 1)
            pairs = _pairs(lines[cursor].text) if cursor < len(lines) else []
        if used:
            yield used, names, fields
        index = (used[-1] if used else index) + 1


def _store(fields: dict[str, str], key: str | None, value: str) -> None:
    """Keep a stated value that reads as what its label promises; 无, 本站 and unreadable dates are no value."""
    value = WIDGETS_AFTER.sub("", value)  # 来源：交通运输部网站　打印　关闭
    if not key or not value or EMPTY.match(value):
        return
    if key in {"web_date", "web_published"} and not _is_date(value):
        return
    if key == "web_doc_number" and not re.search(r"\d\s*号", value) or key == "web_issuer" and WEBSITE.search(value):
        return
    fields.setdefault(key, value)


def _is_date(text: str) -> bool:
    """A value that reads as a date (2024-03-15, 2024年03月15日 10:30, 二〇二四年三月十五日); metadata parses it."""
    return bool(DATE_VALUE.match(text.strip()))


def _fits(name: str, text: str) -> bool:
    """May the line under a bare label be its value? Never a label, a sentence, or the page's title under 分类."""
    key = LABELS.get(name)
    if _pairs(text) or name in {"内容概述", "摘要"} or SENTENCE.search(text) or is_chrome(text):
        return False
    if key in {"web_date", "web_published"}:
        return len(text) <= 30 and _is_date(text)
    if key == "web_title":
        return len(text) <= 100
    titled = "关于" in text or is_doc_kind_end(text)
    return not titled and (len(text) <= 40 if key else len(text) <= 12 and not ORG.search(text))


def _duplicate_titles(page: Page, drop: dict[int, str]) -> None:
    """The page's title printed again below the first one (the table's 标题 line is gone already)."""
    titles = {re.sub(r"\s", "", fields["web_title"]) for _, fields in page.tables if "web_title" in fields}
    seen: set[str] = set()
    for index, line in enumerate(page.lines):
        key = re.sub(r"\s", "", line.text)
        if index not in drop and key in titles:
            if key in seen:
                drop[index] = "duplicate"
            seen.add(key)
