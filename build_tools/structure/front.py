"""The header lines at the top of a document, in the order GB/T 9704-2012 prints them.

Marks (份号, 密级/公开, 紧急程度, a reply's category), the 发文机关标志 (with or without 文件,
joint organs stacked), the 发文字号 (alone, in brackets, beside 签发人), an order's number and
text or a law's record, the title (over several lines, printed twice), a web page's metadata line,
the addressee. Each step takes one element and says how many lines it used; the patterns live
in ``header``, laws' and orders' elements in ``enactment``.
"""
from __future__ import annotations

import re

from ..model import Block, Removed
from ..text import join, normalise, unspace_letters
from .enactment import ORDER, take_order_number, take_promulgation, take_record
from .header import (BANNER, CLASSIFICATION, COPY_NUMBER, DB_KEYS, DB_LABEL, DISCLOSURE, DOC_NUMBER, DOC_NUMBER_START,
                     EXPORT_CHROME, NUMBER_LABEL, ORG, QUALIFIER_LINE, RECORD_START, REPLY_CATEGORY, SIDE_LABEL,
                     URGENCY, WEB_FIELD, WEB_LABELS, Header, is_addressee, is_doc_kind_end, is_doc_number, is_organ,
                     is_title_line, next_content, title_text)
from .lines import SEPARATOR, Line

def take_front(lines: list[Line], header: Header) -> list[Line]:
    """Consume the header lines at the top, up to the addressee; return the rest."""
    index = next_content(lines, 0)
    while index < len(lines) and "addressee" not in header.fields:
        consumed = _front_line(lines, index, header)
        if not consumed:
            break
        index = next_content(lines, index + consumed)
    return lines[index:]

def _front_line(lines: list[Line], index: int, header: Header) -> int:
    """Take one header element starting at ``lines[index]``; how many lines it used (0: none)."""
    line, fields = lines[index], header.fields
    text = line.text
    before_title = "title" not in fields
    if SEPARATOR.match(line.raw) or EXPORT_CHROME.match(text):
        header.removed.append(Removed("separator" if SEPARATOR.match(line.raw) else "export", line.raw, line.number))
        return 1
    label = DB_LABEL.match(text)
    if label:
        name, value = label.group(1) or label.group(2), label.group(3).strip()
        if DB_KEYS.get(name) and value:
            fields.setdefault(DB_KEYS[name], value)
        header.removed.append(Removed("export", line.raw, line.number))
        return 1
    if ORDER.match(re.sub(r"\s", "", fields.get("doc_number", ""))) and "date" not in fields:
        used = take_promulgation(line, header)
        if used:
            return used
    # A title printed above the 版头 (a page header, a database's heading) is printed again below it.
    if before_title or not {"doc_number", "addressee", "banner"} & set(fields):
        used = _mark(lines, index, header)
        if used:
            return used
    if "doc_number" not in fields:
        used = _doc_number(lines, index, header) or take_order_number(lines, index, header)
        if used:
            return used
    if text.startswith("发布时间") and WEB_FIELD.search(text):
        return _web_meta(lines, index, header)
    if not before_title:
        used = _repeated_title(lines, index, header)
        if used:
            return used
    if not before_title and RECORD_START.match(text):
        return take_record(lines, index, header)
    used = _addressee(lines, index, header)
    if used:
        return used
    if before_title:
        return _title(lines, index, header)
    return 0

def _repeated_title(lines: list[Line], index: int, header: Header) -> int:
    """The title printed again (page header, database heading), on as many lines as it takes."""
    # Reprints separate joint issuers with spaces where the title has 、: compare without either.
    title, taken, cursor = re.sub(r"[\s、]", "", header.fields["title"]), [], index
    while cursor < len(lines) and len(taken) < 4:
        taken.append(lines[cursor])
        joined = re.sub(r"[\s、]", "", "".join(line.text for line in taken))
        if joined == title:
            header.removed.extend(Removed("duplicate", line.raw, line.number) for line in taken)
            return cursor - index + 1
        if not title.startswith(joined):
            return 0
        cursor = next_content(lines, cursor + 1)
    return 0

def _addressee(lines: list[Line], index: int, header: Header) -> int:
    """主送机关, on one line or, below the title, wrapped over up to three (a long list of offices)."""
    cursor, joined = index, ""
    for _ in range(3 if "title" in header.fields else 1):
        joined = join(joined, lines[cursor].text)
        if is_addressee(joined):
            header.add("addressee", re.sub(r"[:：]$", "", joined), lines[index].number, normalise(joined))
            return cursor - index + 1
        cursor = next_content(lines, cursor + 1)
        if cursor >= len(lines) or re.search(r"[:：。；]$", joined):
            return 0
    return 0

def _mark(lines: list[Line], index: int, header: Header) -> int:
    """The marks above a title: 份号, 密级/公开, 紧急程度, a reply's category, the 发文机关标志."""
    text, number, fields = lines[index].text, lines[index].number, header.fields
    for key, pattern in (("copy_no", COPY_NUMBER), ("classification", CLASSIFICATION),
                         ("urgency", URGENCY), ("category", REPLY_CATEGORY)):
        if key not in fields and pattern.match(text):
            header.add(key, text, number)
            return 1
    disclosure = DISCLOSURE.match(text)
    if disclosure and "classification" not in fields:
        header.add("classification", disclosure.group(1), number, text)
        return 1
    if "banner" not in fields and (BANNER.match(text) or is_organ(text) and _introduces(lines, index)):
        header.add("banner", text, number)
        return 1
    if "banner" not in fields:
        return _stacked_banner(lines, index, header)
    return 0

def _stacked_banner(lines: list[Line], index: int, header: Header) -> int:
    """A joint document's 发文机关标志: one organ per line, 文件 printed once beside them (on the last
    line, or centred beside the middle one), or no 文件 but the number right below."""
    cursor, names, last, marked = index, [], index, False
    while cursor < len(lines) and len(names) < 6:
        text = unspace_letters(lines[cursor].text)
        name = re.sub(r"\s*文件$", "", text)
        if not is_organ(name):
            break
        names.append(name)
        marked, last = marked or name != text, cursor
        cursor = next_content(lines, cursor + 1)
    if len(names) < 2 or not (marked or _introduces(lines, last)):
        return 0
    header.add("banner", " ".join(names) + ("文件" if marked else ""), lines[index].number)
    return last - index + 1

def _introduces(lines: list[Line], index: int) -> bool:
    """An organ's name is its 发文机关标志 when a number, a rule or its own title follows it."""
    following = next_content(lines, index + 1)
    if following >= len(lines):
        return False
    name, after = re.sub(r"\s", "", lines[index].text), lines[following]
    side = SIDE_LABEL.search(after.text)
    return is_doc_number(after.text[: side.start()] if side else after.text) or bool(SEPARATOR.match(after.raw)) \
        or re.sub(r"\s", "", after.text).startswith(name) and not is_organ(after.text)

def _doc_number(lines: list[Line], index: int, header: Header) -> int:
    """发文字号, rejoined when cut over two lines; an upward document adds 签发人 on the same line."""
    text = lines[index].text
    side = SIDE_LABEL.search(text)  # 签发人：… or 类别：A printed beside the number
    if side and is_doc_number(text[: side.start()].strip()):
        header.add("doc_number", _bare_number(text[: side.start()]), lines[index].number, normalise(text))
        for label in SIDE_LABEL.finditer(text):
            key = "signer" if "签" in label.group(1) else "category"
            header.fields[key] = label.group(2).strip()
        return 1
    if is_doc_number(text):
        header.add("doc_number", _bare_number(text), lines[index].number, normalise(text))
        return 1
    following = next_content(lines, index + 1)
    if DOC_NUMBER_START.match(text) and following < len(lines):
        joined = join(text, lines[following].text)
        if DOC_NUMBER.match(joined):
            header.add("doc_number", joined, lines[index].number)
            return following - index + 1
    return 0

def _bare_number(text: str) -> str:
    text = NUMBER_LABEL.sub("", text.strip())
    return text[1:-1] if text[:1] in "（(" and text[-1:] in "）)" else text

def _web_meta(lines: list[Line], index: int, header: Header) -> int:
    """``发布时间:… 索引号：… 文号:… 来源：…``, possibly cut over two lines."""
    text, used = lines[index].text, 1
    following = next_content(lines, index + 1)
    if "来源" not in text and following < len(lines) and len(lines[following].text) < 60 and "来源" in lines[following].text:
        text, used = join(text, lines[following].text), following - index + 1
    labels = list(WEB_FIELD.finditer(text))
    shown = []
    for position, match in enumerate(labels):
        end = labels[position + 1].start() if position + 1 < len(labels) else len(text)
        value = text[match.end():end].strip()
        shown.append(f"{match.group(1)}：{normalise(value)}")
        if value:
            header.fields[WEB_LABELS[match.group(1)]] = value
    header.blocks.append(Block(header.kind, "\u3000".join(shown), line=lines[index].number, role="web_meta"))
    return used

def _last_char(line: Line) -> bool:
    """A title wrapped one character before its end leaves that character alone (…补充规 / 定)."""
    return len(line.text) == 1 and "\u4e00" <= line.text <= "\u9fff"

def _title_goes_on(title: str, lines: list[Line], following: int) -> bool:
    """A title wrapped right after a kind word (…地方性法规规定 / 的行政机关职责调整问题的决定):
    the next line starts with a particle, or 关于… has not reached its 的 yet."""
    if following >= len(lines) or not is_title_line(lines[following].text):
        return False
    about, text = title.rfind("关于"), lines[following].text
    # A law's name wrapped at a kind word: 北京市国民经济和社会发展计划 / 审查监督条例.
    law_name_goes_on = about < 0 and len(text) <= 20 and is_doc_kind_end(text) and not ORG.search(text) \
        and not re.search(r"关于|《", text) and text[:2] != title[:2]  # not the title printed again
    return text.startswith(("的", "和", "及", "与", "等", "、")) or about >= 0 and "的" not in title[about:] \
        or law_name_goes_on

def _title(lines: list[Line], index: int, header: Header) -> int:
    """Title lines: up to four short lines, ending with the kind of document (通知, 答复 …)."""
    taken: list[Line] = []
    cursor = last = index
    while cursor < len(lines) and len(taken) < 4 and (is_title_line(lines[cursor].text) or taken and _last_char(lines[cursor])):
        taken.append(lines[cursor])
        last, following = cursor, next_content(lines, cursor + 1)
        title = title_text([line.text for line in taken])
        if is_doc_kind_end(title) and not _title_goes_on(title, lines, following):
            break
        cursor = following
    title = title_text([line.text for line in taken])
    if not taken or not is_doc_kind_end(title):
        return 0
    qualifier = next_content(lines, last + 1)
    if qualifier < len(lines) and QUALIFIER_LINE.match(lines[qualifier].text):  # …的解释 / （一）
        title, last = title + lines[qualifier].text, qualifier
    header.add("title", title, taken[0].number, normalise(title))
    return last - index + 1
