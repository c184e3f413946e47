"""Body lines → blocks: headings, paragraphs (with run-in leads), tables, list items."""
from __future__ import annotations

import re

from ..model import Block, Removed
from .headings import ARTICLE, DIVISIONS, UNNUMBERED, assign_levels, is_heading_line, number_of, run_in_lead
from .lines import SEPARATOR, Line, fixed_width
from .reflow import continues
from .tables import CAPTION, build_table
from ..text import ends_sentence, join, normalise, normalise_short

LIST_ITEM = re.compile(r"^[-•●▪]\s+(?=\S)")
# Page footers left by PDF extraction: - 3 -, — 3 —, 第 3 页 共 9 页, 3/9, or a bare 3.
PAGE_NUMBER = re.compile(r"^(?:[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                         r"|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$")
# A 编/章/节 heading alone on its line, or an article set off by a space (第三条　…), starts a new
# block even after an unfinished sentence: wrapped running text that cites 第三十条规定 has no space.
STRUCTURAL = re.compile(r"^第[〇零一二三四五六七八九十百千\d]+(?:[编章节](?:\s|$|[^，。；：,;:、]{0,20}$)|条[\s\u3000])")
# 附件说明: 附件：1．… with each further annex on its own line (2．…), one paragraph per annex.
ANNEX_NOTE = re.compile(r"^附\s*件\s*[:：]")
REMARK = re.compile(r"^[（(][^（）()]{4,}[）)]$")  # （市教育局牵头…负责）: belongs to the paragraph above


class BodyBuilder:
    """Walks the lines once, keeping the paragraph being built."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.width = fixed_width(lines)
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []
        self.paragraph: list[Line] = []
        self.text = ""
        # Layout repeats are only possible at the top of a page: the heading reprinted there, or
        # the passage above the page break printed again. Laws repeat sentences; those are text.
        self.page_break = False  # a page footer was skipped since the last text line
        self.at_top = False  # the block being started opens a page
        self.paragraph_at_top = False
        self.last_heading = ""
        # Inside an article (第三条…) until the next 编/章/节: its numbered lines are the article's
        # items (（一）…；), never headings, however short; GB/T 9704 outlines have no articles.
        self.in_article = False

    def build(self) -> tuple[list[Block], list[Removed]]:
        index = 0
        while index < len(self.lines):
            index = self._step(index)
        self._flush()
        return self.blocks, self.removed

    def _step(self, index: int) -> int:
        line = self.lines[index]
        text = line.text
        if line.blank:
            return index + 1
        if PAGE_NUMBER.match(text):  # a page footer like - 3 -: skipped, even inside a sentence
            self.removed.append(Removed("page_number", line.raw, line.number))
            self.page_break = True
            return index + 1
        at_top, self.page_break = self.page_break, False
        if self.paragraph and self._may_continue(line) and not self._next_annex(line) \
                and continues(self.paragraph, self.text, line, self.width):
            self._extend(line)
            return index + 1
        self._flush()
        self.at_top = at_top
        if SEPARATOR.match(line.raw):
            self.removed.append(Removed("separator", line.raw, line.number))
        elif line.tabular:
            return self._table(index)
        elif CAPTION.match(text) and len(text) <= 40 and self._table_follows(index):
            return self._table(self._skip_blank(index + 1), caption=line)
        elif LIST_ITEM.match(text):
            self.blocks.append(Block("list_item", normalise(LIST_ITEM.sub("", text)), line=line.number))
        elif is_heading_line(text) and not self._numbered_item(text):
            return self._heading(index)
        else:
            self._extend(line)
        return index + 1

    @staticmethod
    def _may_continue(line: Line) -> bool:
        return not (line.tabular or SEPARATOR.match(line.raw) or LIST_ITEM.match(line.text)
                    or STRUCTURAL.match(line.text))

    def _numbered_item(self, text: str) -> bool:
        """A numbered line that lists an item: of the 附件说明, or of the article above it."""
        number = number_of(text)
        if number is None:
            return False
        return (self.in_article and number.style not in DIVISIONS) or self._after_annex_note()

    def _after_annex_note(self) -> bool:
        """Is the last block the 附件说明 or one of the annexes it lists?"""
        for block in reversed(self.blocks):
            if block.kind != "paragraph" or not (ANNEX_NOTE.match(block.text) or number_of(block.text)):
                return False
            if ANNEX_NOTE.match(block.text):
                return True
        return False

    def _next_annex(self, line: Line) -> bool:
        return bool(ANNEX_NOTE.match(self.paragraph[0].text) and number_of(line.text))

    def _extend(self, line: Line) -> None:
        if not self.paragraph:
            self.paragraph_at_top = self.at_top
        self.paragraph.append(line)
        self.text = join(self.text, line.text)

    def _flush(self) -> None:
        if not self.paragraph:
            return
        text, lines = normalise(self.text), self.paragraph
        self.paragraph, self.text = [], ""
        if self._repeated(text, lines, self.paragraph_at_top):
            return
        previous = self.blocks[-1] if self.blocks else None
        if REMARK.match(text) and previous is not None and previous.kind == "paragraph":
            previous.text += text
            return
        lead = run_in_lead(text)
        self.in_article = self.in_article or bool(ARTICLE.match(lead))
        self.blocks.append(Block("paragraph", text[len(lead):], lead=lead, line=lines[0].number))

    def _repeated(self, text: str, lines: list[Line], at_top: bool) -> bool:
        """At a page top, the last heading or the passage just above reprinted: report it with its lines."""
        if not at_top:
            return False
        previous = self.blocks[-1].lead + self.blocks[-1].text if self.blocks else ""
        if re.sub(r"\s", "", text) not in (self.last_heading, re.sub(r"\s", "", previous)):
            return False
        numbers = range(lines[0].number, lines[-1].number + 1)
        raw = {line.number: line.raw for line in self.lines}
        self.removed.append(Removed("duplicate", "\n".join(raw.get(n, "") for n in numbers), lines[0].number))
        return True

    def _heading(self, index: int) -> int:
        start = index
        line = self.lines[index]
        text = line.text
        following = self._skip_blank(index + 1)
        # A heading cut by a fixed line width continues on the next line.
        if self.width and line.width >= self.width - 1 and not ends_sentence(text) and following < len(self.lines):
            text, index = join(text, self.lines[following].text), following
        if self._repeated(heading_text(text), self.lines[start:index + 1], self.at_top):
            return index + 1
        self.blocks.append(Block("heading", heading_text(text), line=line.number))
        self.in_article = False
        self.last_heading = re.sub(r"\s", "", heading_text(text))
        return index + 1

    def _skip_blank(self, index: int) -> int:
        while index < len(self.lines) and self.lines[index].blank:
            index += 1
        return index

    def _table_follows(self, index: int) -> bool:
        following = self._skip_blank(index + 1)
        return following < len(self.lines) and self.lines[following].tabular

    def _table(self, index: int, caption: Line | None = None) -> int:
        rows = []
        while index < len(self.lines) and (self.lines[index].blank or self.lines[index].tabular):
            if not self.lines[index].blank:
                rows.append(self.lines[index])
            index += 1
        block, removed = build_table(rows, caption.text if caption else "")
        self.removed += removed
        if block:
            block.line = caption.number if caption else block.line
            self.blocks.append(block)
        elif caption:  # a caption above nothing but rules is a line of text
            self.blocks.append(Block("paragraph", normalise(caption.text), line=caption.number))
        return index


def heading_text(text: str) -> str:
    """Normalised heading; an outline number (1.2.1) keeps one space before the words."""
    text = normalise_short(text)
    number = number_of(text)
    if number and number.style.startswith("outline"):
        return number.marker + " " + text[len(number.marker):].lstrip()
    return text


def body_blocks(lines: list[Line]) -> tuple[list[Block], list[Removed]]:
    """Blocks of one document body, with heading levels settled and repeats removed."""
    blocks, removed = BodyBuilder(lines).build()
    blocks = _numbered_sentences_stay_paragraphs(blocks)
    _assign_heading_levels(blocks)
    return blocks, removed


def _numbered_sentences_stay_paragraphs(blocks: list[Block]) -> list[Block]:
    """A numbered sentence ending in 。 is a heading only when body text follows it."""
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not block.text.endswith("。") or UNNUMBERED.match(block.text):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != "paragraph" or following.lead or number_of(following.text):
            blocks[index] = Block("paragraph", block.text, line=block.line)
    return blocks


def _assign_heading_levels(blocks: list[Block]) -> None:
    headings = [block for block in blocks if block.kind == "heading"]
    numbers = [None if UNNUMBERED.match(block.text) else number_of(block.text) for block in headings]
    for block, level in zip(headings, assign_levels(numbers)):
        block.level = level
