"""Word's automatic numbering, written out as the text shows it (一、 （一） 1. ①).

A Word file does not store the numbers of a numbered list, only a rule
(numbering.xml: format and pattern per level); the numbers exist only when
Word lays the document out. Chinese documents number their headings this
way, and the text path finds headings by their numbers, so the reader must
write them out. python-docx has no numbering, docx2python none for Chinese
formats (it writes ``--`` for chineseCounting).
"""
from __future__ import annotations

from docx.oxml.ns import qn

DIGITS = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese(value: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (as Word's chineseCounting writes them)."""
    if value < 10:
        return DIGITS[value]
    if value < 20:
        return "十" + (DIGITS[value % 10] if value % 10 else "")
    if value < 100:
        return DIGITS[value // 10] + "十" + (DIGITS[value % 10] if value % 10 else "")
    rest = value % 100
    tail = "" if not rest else ("零" + chinese(rest) if rest < 10 else chinese(rest) if rest >= 20 else "一" + chinese(rest))
    return DIGITS[value // 100] + "百" + tail


def roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        while value >= amount:
            out, value = out + letters, value - amount
    return out


FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": chinese, "chineseCountingThousand": chinese, "chineseLegalSimplified": chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10], "japaneseCounting": chinese,
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})", "decimalEnclosedFullstop": lambda n: f"{n}.",
    "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1), "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
    "lowerRoman": roman, "upperRoman": lambda n: roman(n).upper(), "none": lambda n: "",
}


class Numbering:
    """Counts numbered paragraphs in document order and gives each its label."""

    def __init__(self, part) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (format, pattern, start)
        self.counters: dict[str, list[int]] = {}
        element = getattr(part, "element", None) if part is not None else None
        if element is None:
            return
        abstract = {node.get(qn("w:abstractNumId")): node for node in element.iterchildren(qn("w:abstractNum"))}
        for num in element.iterchildren(qn("w:num")):
            reference = num.find(qn("w:abstractNumId"))
            source = abstract.get(reference.get(qn("w:val")) if reference is not None else None)
            for lvl in source.iterchildren(qn("w:lvl")) if source is not None else ():
                self.levels[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"), "0")))] = _level(lvl)

    def label(self, num_id: str, level: int) -> str:
        """The next number of ``level`` in list ``num_id`` as the paragraph shows it (``一、``), '' if none."""
        if (num_id, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        counters[level + 1:] = [0] * (8 - level)
        fmt, pattern, _ = self.levels[(num_id, level)]
        if fmt == "bullet":
            return "• "
        text = pattern
        for depth in range(level + 1):
            above = self.levels.get((num_id, depth), ("decimal", "", 1))
            value = counters[depth] + above[2] - 1 if counters[depth] else above[2]
            text = text.replace(f"%{depth + 1}", FORMATS.get(above[0], str)(value))
        return text


def _level(lvl) -> tuple[str, str, int]:
    def value(tag: str, default: str) -> str:
        node = lvl.find(qn(tag))
        return node.get(qn("w:val"), default) if node is not None else default
    return value("w:numFmt", "decimal"), value("w:lvlText", ""), int(value("w:start", "1"))
