"""What laws and orders print around their title: the order's number, its text, signer and date
(中华人民共和国国务院令 / 第588号 / 《X》已经…通过，现予公布… / 总理 李强 / 2024年1月1日) and the
record of adoption and amendments under the title (（2001年10月27日…通过　根据…修正）).
They become raw header strings (doc_number, record, order_signer, date) for ``metadata``.
"""
from __future__ import annotations

import re

from ..text import normalise
from .header import DATE, RECORD, Header, next_content
from .lines import Line

# An order's number: 中华人民共和国主席令 / 第二十四号 (one line or two), 国务院令 第588号.
# Orders are numbered without a year: 中华人民共和国主席令第二十四号, 国务院令第588号,
# 山东省人民政府令第352号, 交通运输部令2021年第12号. They are kept as printed, spaces removed.
ORDER = re.compile(r"^(?P<organ>[\u4e00-\u9fff]{0,20}令)(?:\d{4}年)?第(?P<serial>[\d〇零一二三四五六七八九十百千]{1,8})号$")
ORDER_NAME = re.compile(r"^[\u4e00-\u9fff]{0,20}令$")
ORDER_SERIAL = re.compile(r"^(?:\d{4}\s*年\s*)?第\s*[\d〇零一二三四五六七八九十百千]{1,8}\s*号$")
# Who signs an order under its text: 省长 王立群, 总理 李强, 部长 怀进鹏.
ORDER_SIGNER = re.compile(r"^(?:代理?)?(?:主\s*席|总\s*理|[省市州县区部局署行院]\s*长|主\s*任|检察长)(?:\s*\S{2,4})?$")


def take_order_number(lines: list[Line], index: int, header: Header) -> int:
    """An order's number: 国务院令 第588号 on one line, or the order's name over its serial."""
    text = re.sub(r"\s", "", lines[index].text)
    serial = re.search(r"(?:\d{4}年)?第[\d〇零一二三四五六七八九十百千]{1,8}号$", text)
    if serial and ORDER_NAME.match(text[: serial.start()]):
        header.add("doc_number", text, lines[index].number, normalise(lines[index].text))
        return 1
    following = next_content(lines, index + 1)
    if ORDER_NAME.match(text) and following < len(lines) and ORDER_SERIAL.match(lines[following].text):
        joined = text + re.sub(r"\s", "", lines[following].text)
        header.add("doc_number", joined, lines[index].number, joined)
        return following - index + 1
    return 0

def take_promulgation(line: Line, header: Header) -> int:
    """An order's own text under its number: 《X》已经…通过，现予公布，自…起施行。, the signer, the date."""
    text = line.text
    if re.search(r"现予(?:公布|发布)|予以公布", text):
        previous = header.fields.get("record")
        header.add("record", f"{previous} {text}" if previous else text, line.number)
    elif ORDER_SIGNER.match(text):
        header.add("order_signer", text, line.number)
    elif DATE.match(text) and "record" in header.fields:
        header.add("date", text, line.number)
    else:
        return 0
    return 1

def take_record(lines: list[Line], index: int, header: Header) -> int:
    """A law's bracketed record of adoption and amendments, over as many lines as its brackets."""
    taken, cursor = [lines[index]], index
    while not _closed(" ".join(line.text for line in taken)):
        cursor = next_content(lines, cursor + 1)
        if cursor >= len(lines):
            break
        taken.append(lines[cursor])
    value = "".join(line.text for line in taken)  # a wrapped record: its lines join without a space
    if not RECORD.match(value):
        return 0
    previous = header.fields.get("record")
    header.add("record", f"{previous} {value}" if previous else value, lines[index].number, normalise(value))
    return cursor - index + 1

def _closed(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")
