"""Property tests: for any text made of the pieces official documents are made of,
parsing never fails, output is deterministic and no character is lost.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.model import Document
from build_tools.render.page import render
from test_converter_seeds import _BULLET, is_subsequence, meaningful, page_text
from test_structure_text import SOURCE_PATH, parsed

PIECES = [
    "一、", "（一）", "1.", "1、", "（1）", "①", "1.1 ", "2.1.3 ", "附件一：", "附件2", "目录", "前 言",
    "关于印发《", "》的通知", "实施方案", "楚教复〔2023〕27号", "公开", "楚雄州教育体育局文件", "委员：",
    "2023年 7月 30日", "联系人及电话：", "抄送：", "印发", "———————", "-----", "表 1-1 ", "\t", "\t\t",
    "指导思想。", "以习近平新时代中国特色社会主义思想为指导，", "全面推进乡村振兴", "。", "，", "；", ":",
    "(试行)", "<市、区>", "〈市、区〉", "[2019]", "第 148 号", " ", "\u3000", "答 复", "一是", "二是",
    "发布时间:2020-06-02 09:14:01 ", "索引号：", "来源：", "*", "#", "|", "`", "<b>", "&", "_",
    ": ", "=", "- ", "> ", "1) ", "+ ", "（市教育局负责）", "- 3 -", "附件", "表 1 ", "2020年2月14日",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=60).map("".join)


def documents(document, name="main"):
    yield name, document
    for index, part in enumerate(document.annexes):
        yield from documents(part, f"{name}-{index}")


def removed_lines(document) -> set[int]:
    lines = set()
    for _, part in documents(document):
        for removed in part.removed:
            lines.update(range(removed.line, removed.line + removed.text.count("\n") + 1))
    return lines


def rendered(part) -> str:
    body = render(Document("x", {"title": "标题"}, part.blocks, part.source))
    return page_text(body.split("\n---\n", 1)[1])


@given(texts)
@example(":\t:")
@example("表 1 情况\n\n-\t-\n\n正文。")
@example("联系人及电话：（一）")  # found by make fuzz: the closing bracket was taken for the line's
def test_nothing_is_lost_from_any_text(text):
    assert_nothing_lost(text)


def assert_nothing_lost(text: str) -> None:
    """Every meaningful character of ``text`` shows, in order, on the page of the part it belongs to."""
    document = parsed(text)
    parts = dict(documents(document))
    starts = sorted((block.line, name) for name, part in parts.items() for block in part.blocks)
    skipped = removed_lines(document)
    lines = text.split("\n")
    owned = {name: [] for name in parts}
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines) + 1
        owned[name] += [_BULLET.sub("", lines[n - 1]) for n in range(start, end) if n not in skipped]
    first = starts[0][0] if starts else len(lines) + 1
    assert not meaningful("".join(lines[n - 1] for n in range(1, first) if n not in skipped)), "text before the first block"
    for name, source_lines in owned.items():
        expected = meaningful("".join(source_lines))
        shown = meaningful(rendered(parts[name]))
        found = is_subsequence(expected, shown)
        assert found == len(expected), f"{name}: lost …{expected[max(0, found - 20):found + 20]}…"


@given(texts)
@example(":\t:")  # once read as a table of rules only, which crashed the parser
def test_parsing_is_deterministic(text):
    assert parsed(text) == parsed(text)


def test_source_path_is_the_one_messages_name():
    assert str(parsed("正文。").source.path) == SOURCE_PATH
