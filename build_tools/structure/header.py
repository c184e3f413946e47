"""The document's own header lines (GB/T 9704-2012 版头).

Top to bottom: 密级 (公开), 发文机关标志 (…文件), 发文字号, a red rule,
the title (often over two lines, sometimes letter-spaced), a web page's
metadata line when the text was copied from a site, and the addressee
ending in ：. Each becomes a raw header string for ``metadata`` and a
header block for the page, never a body paragraph. The patterns here are
shared with ``closing`` (signature, date, 版记) and ``cover`` (reports).
"""
from __future__ import annotations

import re

from ..model import Block, Removed
from .lines import SEPARATOR, Line
from .headings import UNNUMBERED, number_of
from ..text import IDEOGRAPH, join, normalise, normalise_short, unspace_letters

CLASSIFICATION = re.compile(r"^(公开|不予公开|依申请公开|主动公开|内部|秘密|机密|绝密)(★.*)?$")
URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
COPY_NUMBER = re.compile(r"^(?:份号\s*[:：]?\s*)?\d{3,8}$")  # six digits in GB/T 9704, fewer in practice
# Replies to proposals carry the answer's category (A类: adopted, B类, C类) above the issuer.
REPLY_CATEGORY = re.compile(r"^(?:(?:办理结果|答复类别|办理类别|类别)\s*[:：]\s*)?[ABCＡＢＣ](?:\s*类.{0,30})?$")
# The disclosure stated as a label, as replies print it: 公开方式：主动公开.
DISCLOSURE = re.compile(r"^(?:公开方式|公开属性|公开类型)\s*[:：]\s*(\S{2,8})$")
BANNER = re.compile(rf"^[{IDEOGRAPH}（）()·\s]{{2,40}}文件$")
NUMBER_LABEL = re.compile(r"^(?:发文字号|文号)\s*[:：]\s*")
DOC_NUMBER = re.compile(r"^[^\s，。：:；]{1,16}?\s*[〔\[［【（(]\s*\d{4}\s*[〕\]］】）)]\s*第?\s*\d{1,4}\s*号$")
DOC_NUMBER_START = re.compile(r"^[^\s，。：:；]{1,16}?\s*[〔\[［【（(]\s*\d{4}\s*[〕\]］】）)]\s*\d{0,4}$")
# An order's number: 中华人民共和国主席令 / 第二十四号 (one line or two), 国务院令 第588号.
# Orders are numbered without a year: 中华人民共和国主席令第二十四号, 国务院令第588号,
# 山东省人民政府令第352号, 交通运输部令2021年第12号. They are kept as printed, spaces removed.
ORDER = re.compile(r"^(?P<organ>[\u4e00-\u9fff]{0,20}令)(?:\d{4}年)?第(?P<serial>[\d〇零一二三四五六七八九十百千]{1,8})号$")
ORDER_NAME = re.compile(r"^[\u4e00-\u9fff]{0,20}令$")
ORDER_SERIAL = re.compile(r"^(?:\d{4}\s*年\s*)?第\s*[\d〇零一二三四五六七八九十百千]{1,8}\s*号$")
# A law's record of adoption and amendment under its title: （2019年4月23日…会议通过 根据…修正）.
# Some copies print each event on its own line without brackets: 2019年12月2日 …会议通过.
_EVENTS = r"(?:通过|公布|修正|修订|批准|发布|印发|施行|会议\s*[）)]|令\s*第[^）)\s]{1,8}号\s*[）)])"
RECORD = re.compile(rf"^[（(].*\d{{4}}\s*年.*{_EVENTS}|^\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日.{{0,160}}{_EVENTS}\s*[）)]?$")
# A record wrapped over lines: a bracket soon naming a date or a meeting (（2004年8月19日上海市第十二届…,
# （最高人民法院审判委员会第1193次会议、…), or an unbracketed event line.
RECORD_START = re.compile(rf"^[（(](?=.{{0,60}}(?:\d{{4}}\s*年|会议))|^\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日.{{0,160}}"
                          rf"{_EVENTS}\s*[）)]?$")
# Lines a legal database adds to an export: citation code, link to the original.
EXPORT_CHROME = re.compile(r"^(?:【\s*(?:法宝引证码|法宝联想|原文链接)\s*】|(?:法宝引证码|原文链接)\s*[:：]|北大法宝)")
# A legal database's labelled fields: 【发布部门】国家发展和改革委员会, 【发文字号】…, 【实施日期】….
_DB_NAMES = "发布部门|制定机关|发文字号|发布日期|公布日期|实施日期|施行日期|时效性|效力级别|法规类别|批准日期"
DB_LABEL = re.compile(rf"^(?:【\s*({_DB_NAMES})\s*】\s*[:：]?|({_DB_NAMES})\s*[:：])\s*(.*)$")
DB_KEYS = {"发布部门": "web_issuer", "制定机关": "web_issuer", "发文字号": "web_doc_number", "发布日期": "web_published",
           "公布日期": "web_published", "实施日期": "effective", "施行日期": "effective", "时效性": "web_validity"}
# Who signs an order under its text: 省长 王立群, 总理 李强, 部长 怀进鹏.
ORDER_SIGNER = re.compile(r"^(?:代理?)?(?:主\s*席|总\s*理|[省市州县区部局署行院]\s*长|主\s*任|检察长)(?:\s*\S{2,4})?$")
DATE = re.compile(r"^[\d〇零一二三四五六七八九○Ｏ]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$")
MONTH = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月$")
YEAR = re.compile(r"^[（(]?\s*\d{4}\s*(年度?)?\s*[）)]?$")
# 附注 under the date: （此件公开发布）, or the disclosure alone: （主动公开）.
NOTE = re.compile(r"^[（(](?:此[件页].*|主动公开|依申请公开|不予公开|公开发布|公开)[）)]$")
# A bracket closes the line only where one opened it: （联系人：李华，电话：…）, not 联系人及电话：（一）.
CONTACT = re.compile(r"^(?P<open>[（(])?\s*(联系人及电话|联系人及联系电话|联系人|联系电话|联系单位(?:及电话)?)\s*[:：]"
                     r"\s*(.*?)(?(open)[）)])$")
CC = re.compile(r"^抄\s*送\s*[:：]\s*(.*)$")
PRINTED = re.compile(r"^(.*?)\s*([\d〇零一二三四五六七八九]{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
# Labels printed on the number's line: 签发人 (upward documents), a reply's 类别/办理结果.
SIDE_LABEL = re.compile(r"\s*(签\s*发\s*人|类\s*别|办理结果|答复类别)\s*[:：]\s*(.+?)(?=[\s\u3000]{2,}\S+\s*[:：]|$)")
WEB_LABELS = {"发布时间": "web_published", "索引号": "web_index_no", "文号": "web_doc_number", "来源": "web_source"}
WEB_FIELD = re.compile(r"(发布时间|索引号|文号|来源)\s*[:：]")
DOC_KINDS = (
    "通知", "通报", "通告", "公告", "公报", "意见", "决定", "决议", "报告", "请示", "批复", "议案", "函", "纪要",
    "方案", "规划", "计划", "办法", "规定", "细则", "条例", "章程", "规则", "要点", "答复", "复函", "指南",
    "标准", "制度", "清单", "名单", "说明", "解读", "总结", "通令", "命令",
    "法", "法典", "修正案", "规程", "守则", "公约", "解释", "解答", "措施", "公示", "指引", "安排", "提案", "建议",
)
# Qualifiers printed after a title's kind: （试行）, （2019—2021年）, （2024年修订）.
TITLE_QUALIFIER = re.compile(r"[（(][^（）()]{1,20}[）)]$")
QUALIFIER_LINE = re.compile(r"^[（(](?:[一二三四五六七八九十]{1,3}|试行|暂行|草案|修订|修正|\d{4}年(?:修订|修正)?)[）)]$")
ORG = re.compile(r"(集团|学校|学院|大学|政府|委员会|办公室|办公厅|局|厅|委|部|院|中心|公司|协会|学会|联合会|工会|联盟|研究所|管委会|常委会|政协|党委|支部)$")
SENTENCE_MARKS = re.compile(r"[。；！？!?;]")
# How the last name of an addressee list ends when it is a person or a group, not an office.
ADDRESSEE_END = re.compile(r"(委员|同志|代表|单位|部门|机构|企业|处|所|站|校|园|组|会员|先生|女士)$")


def display(key: str, value: str) -> str:
    """How a header line reads on the page (normalised like body text)."""
    labels = {"contact": "联系人及电话：", "cc": "抄送："}
    if key in {"contact", "printed"}:  # a name and a telephone number, an office and a date: spaces are meant
        return labels.get(key, "") + re.sub(r"\s+", " ", value)
    return labels.get(key, "") + (normalise_short(value) if key in {"title", "banner"} else normalise(value))


class Header:
    """Collects raw header fields, their page blocks and removed layout lines."""

    def __init__(self, kind: str):
        self.kind = kind  # header or footer
        self.fields: dict[str, str] = {}
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []

    def add(self, key: str, value: str, line: int, shown: str | None = None) -> None:
        """Record a field (only when it has a value) and always the line that shows it."""
        value = value.strip()
        if value:
            self.fields[key] = value
        self.blocks.append(Block(self.kind, shown if shown is not None else display(key, value), line=line, role=key))


def title_text(lines: list[str]) -> str:
    """A title joined over its lines, letter-spacing and stray spaces removed.

    A space is kept only between two issuing offices of a joint document.
    """
    joined = ""
    for line in lines:
        joined = join(joined, unspace_letters(line.strip()))
    return re.sub(r"(?<=\S)\s+(?=\S)", _title_space, joined)


def _title_space(match: re.Match) -> str:
    before = match.string[: match.start()]
    after = match.string[match.end():].split("关于")[0]
    # 教育部 财政部关于…: the space between two issuing offices is meant.
    return " " if ORG.search(before) and ORG.search(after) else ""


def is_doc_kind_end(text: str) -> bool:
    return TITLE_QUALIFIER.sub("", text).endswith(DOC_KINDS)


def is_doc_number(text: str) -> bool:
    """A line that is only a 发文字号, maybe labelled or in brackets: （余府发〔2012〕3号）."""
    text = NUMBER_LABEL.sub("", text)
    return bool(DOC_NUMBER.match(text) or DOC_NUMBER.match(text[1:-1]) and text[:1] in "（(" and text[-1:] in "）)")


def is_organ(text: str) -> bool:
    """A line that names only an organisation (the 发文机关标志 without 文件, a signature)."""
    return len(text) <= 40 and not SENTENCE_MARKS.search(text) and not re.search(r"[，,:：]", text) \
        and bool(ORG.search(text.replace(" ", "").replace("\u3000", "")))


def next_content(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


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
        used = _promulgation(line, header)
        if used:
            return used
    # A title printed above the 版头 (a page header, a database's heading) is printed again below it.
    if before_title or not {"doc_number", "addressee", "banner"} & set(fields):
        used = _mark(lines, index, header)
        if used:
            return used
    if "doc_number" not in fields:
        used = _doc_number(lines, index, header) or _order_number(lines, index, header)
        if used:
            return used
    if text.startswith("发布时间") and WEB_FIELD.search(text):
        return _web_meta(lines, index, header)
    if not before_title:
        used = _repeated_title(lines, index, header)
        if used:
            return used
    if not before_title and RECORD_START.match(text):
        return _record(lines, index, header)
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


def _order_number(lines: list[Line], index: int, header: Header) -> int:
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


def _promulgation(line: Line, header: Header) -> int:
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


def _record(lines: list[Line], index: int, header: Header) -> int:
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


def is_addressee(text: str) -> bool:
    """主送机关: a short list of offices or persons ending in ：, with no sentence in it.

    ``现将有关事项通知如下：`` also ends in ：, but its last words are no office.
    """
    if not re.search(r"[:：]$", text) or len(text) > 120 or SENTENCE_MARKS.search(text) or number_of(text):
        return False
    last = re.split(r"[，、,]", text[:-1])[-1].strip()
    return "如下" not in text and not WEB_FIELD.search(text) and bool(ORG.search(last) or ADDRESSEE_END.search(last))


def is_title_line(text: str) -> bool:
    """A line that can be part of a title: short, no sentence, no numbering; a comma only in 关于… titles."""
    return 1 < len(text) <= 80 and not SENTENCE_MARKS.search(text) and not number_of(text) \
        and not UNNUMBERED.match(text) and not DATE.match(text) and "\t" not in text and not is_addressee(text) \
        and not is_doc_number(text) and not RECORD.match(text) and not EXPORT_CHROME.match(text) \
        and ("，" not in text and "," not in text or "关于" in text)


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

