"""What the converter made of one text, field by field, and the checks every page must pass.

Values are compared after a normalisation that only removes spelling differences the contract
allows (dates as strings, 〔〕 in document numbers, spaces and full-width forms in titles); a
different value is always a miss.
"""
from __future__ import annotations

import datetime
import re
import unicodedata

from ...metadata import docnumbers
from ...metadata.dates import find_dates
from ...model import Block, Document
from ...structure.headings import DIVISIONS, number_of

NUMERAL = "〇零一二三四五六七八九十百千0-9"
CHAPTER = re.compile(rf"^第[{NUMERAL}]+章")
ARTICLE_LEAD = re.compile(rf"^第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?$")
ARTICLE_TEXT = re.compile(rf"^第[{NUMERAL}]+条(?:之[一二三四五六七八九十]+)?(?:[\s\u3000]|$)")
PROPOSAL_KEYS = ("kind", "session", "number", "proposer")
# Fields compared with the expected values, in table order; the last three are checked on every page.
FIELDS = ("title", "doc_type", "doc_number", "issuer", "date", "region", "chapters", "articles",
          *(f"proposal.{key}" for key in PROPOSAL_KEYS), "effective", "origin", "absent", "repeats_removed")
GENERIC = ("chrome", "header_in_body", "item_headings")
# Web and database chrome that is never part of a document's text.
CHROME = ("ICP备", "公网安备", "网站标识码", "字体：大", "字体:大", "字号：大", "【字体", "浏览字号", "扫一扫",
          "分享到", "打印本页", "【打印】", "关闭窗口", "【关闭】", "法宝引证码", "原文链接", "返回顶部",
          "网站地图", "当前位置：", "您现在的位置", "上一篇：", "下一篇：")
YEAR_BRACKETS = re.compile(r"[\[（(［【﹝〔]\s*((?:19|20)\d\d)\s*[\]）)］】﹞〕]")
RECORD = re.compile(r"^[（(]\d{4}年\d{1,2}月\d{1,2}日.*(?:通过|修正|修订|批准|公布|发布|施行)[^（）()]*[）)]$")
NOTE_LINE = re.compile(r"^.*?:(\d+): ")  # convert.removal_notes: path:line: …
NUMBER_LABEL = re.compile(r"^[（(【\[]?(?:文号|发文字号)?[:：]?")


def text_of(block: Block) -> str:
    return block.lead + block.text + "".join("\t".join(row) for row in block.rows) + block.caption


def is_article(block: Block) -> bool:
    lead = re.sub(r"\s", "", block.lead)
    return block.kind == "paragraph" and bool(ARTICLE_LEAD.match(lead) if lead else ARTICLE_TEXT.match(block.text))


def observed(documents: list[Document], missing: list[str]) -> dict:
    """The converter's values for the fields of ``FIELDS``; the title only when it was found."""
    meta, blocks = documents[0].meta, [block for document in documents for block in document.blocks]
    proposal = meta.get("proposal") or {}
    return {
        "title": None if "title" in missing else meta.get("title"),
        **{key: meta.get(key) for key in ("doc_type", "doc_number", "issuer", "date", "region", "effective", "origin")},
        "chapters": sum(1 for block in blocks if block.kind == "heading" and CHAPTER.match(block.text)),
        "articles": sum(1 for block in blocks if is_article(block)),
        **{f"proposal.{key}": proposal.get(key) for key in PROPOSAL_KEYS},
        "repeats_removed": sum(len(body_removals(document)) for document in documents),
    }


def body_removals(document: Document) -> list[str]:
    """Notes of passages removed as repeats from the body, not the header (a title printed twice)."""
    lines = [block.line for block in document.blocks if block.kind not in ("header", "footer") and block.line]
    if not lines:
        return []
    return [note for note in document.notes if (match := NOTE_LINE.match(note)) is None or int(match[1]) >= min(lines)]


def canonical(name: str, value):
    """The spelling compared for ``name``; None stays None (a value where none is stated is a miss)."""
    if value is None:
        return None
    if name == "title":
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value)))
    if name == "doc_number":
        try:
            return docnumbers.normalise(str(value))
        except docnumbers.DocNumberError:
            return re.sub(r"\s", "", str(value))
    if name == "region":
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]
    if name in ("chapters", "articles", "repeats_removed"):
        return int(value)
    return " ".join(str(value).split())


def expected_fields(expected: dict) -> dict:
    """The expected values by field name (proposal keys flattened), ``absent`` left out."""
    flat = {key: str(value) if isinstance(value, datetime.date) else value
            for key, value in expected.items() if key in FIELDS and key != "absent"}
    for key, value in (expected.get("proposal") or {}).items():
        flat[f"proposal.{key}"] = value
    return flat


def body_blocks(documents: list[Document]) -> list[Block]:
    return [block for document in documents for block in document.blocks if block.kind not in ("header", "footer")]


def strings_found(documents: list[Document], strings) -> list[str]:
    """Which of ``strings`` occur in any block of the page (spaces ignored)."""
    text = "\n".join(re.sub(r"[ \t\u3000]", "", text_of(block)) for document in documents for block in document.blocks)
    return [string for string in strings if re.sub(r"\s", "", string) in text]


def header_lines_in_body(documents: list[Document], expected: dict) -> list[str]:
    """Body paragraphs that hold a header or footer line: the title, the number, the date, a law's record."""
    title = bare(canonical("title", expected.get("title")))
    number = canonical("doc_number", expected.get("doc_number"))
    date = str(expected.get("date") or "")
    found = []
    for block in body_blocks(documents):
        text = re.sub(r"\s", "", block.lead + block.text)
        if not text:
            continue
        plain = YEAR_BRACKETS.sub(r"〔\1〕", NUMBER_LABEL.sub("", text))
        if (title and bare(canonical("title", text)).startswith(title)) or (number and own_number(plain, number)) \
                or RECORD.match(text) or (len(date) == 10 and ends_with_date(text, date)):
            found.append(text[:60])
    return found


def bare(title: str | None) -> str:
    """A title without the marks a reprint may drop between joint issuers (最高人民法院、最高人民检察院)."""
    return re.sub(r"[、，,·]", "", title or "")


def own_number(text: str, number: str) -> bool:
    """The document's own number in a paragraph, other than cited after a title (《…》（法释〔2024〕10号）)."""
    return any(not re.search(r"》[（(]?$", text[:match.start()]) for match in re.finditer(re.escape(number), text))


def ends_with_date(text: str, date: str) -> bool:
    """Does the paragraph end with the document's date (a 成文日期 line run into it)?"""
    dates = find_dates(text)
    return bool(dates) and dates[-1][1] == len(text) and dates[-1][2].iso == date


def item_headings(documents: list[Document]) -> list[str]:
    """Headings that are items of the article above them (第九条…：（一）…；), not divisions of the text.

    Only 编, 章 and 节 (and unnumbered ones such as 附则) end an article; a numbered line inside one
    lists what the article says, so a heading there is a structure error whatever the family. An
    annex is a document of its own (``parts``) and starts outside any article.
    """
    found = []
    for document in documents:
        found += _item_headings(body_blocks([document]))
    return found


def _item_headings(blocks: list[Block]) -> list[str]:
    found, in_article = [], False
    for block in blocks:
        number = number_of(block.text) if block.kind == "heading" else None
        if block.kind == "heading" and in_article and number and number.style not in DIVISIONS:
            found.append(block.text[:60])
        elif block.kind == "heading":
            in_article = False
        in_article = in_article or is_article(block)
    return found
