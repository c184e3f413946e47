"""The patterns of a document's own header and footer lines (GB/T 9704-2012 版头 and 版记).

Marks, the 发文机关标志, the 发文字号, titles and what ends them, addressees, a law's record,
database and web labels, and the ``Header`` that collects raw header strings for ``metadata``
and header blocks for the page. ``front`` reads the header with them, ``closing`` the
signature, date and 版记, ``cover`` a report's cover.
"""
from __future__ import annotations

import re

from ..model import Block, Removed
from ..text import IDEOGRAPH, join, normalise, normalise_short, unspace_letters
from .headings import UNNUMBERED, number_of
from .lines import Line

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
