"""The one-line paragraph shortcut (``mkdocs_glue.paragraphs``) gives Python-Markdown's own HTML.

Python-Markdown without the extension is the oracle: a page holding every block syntax the site's
extensions know, one-line blocks starting with each character that may start one, and random text
mixing those characters with Chinese must come out the same, table of contents included.
"""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.mkdocs_glue import paragraphs

ROOT = Path(__file__).resolve().parents[1]
EXTENSIONS = ["build_tools.mkdocs_glue.inline", "tables", "attr_list", "def_list", "md_in_html", "toc"]

# One-line blocks starting with each character a block syntax may start with, then longer blocks.
ONE_LINE = ["1. 有序列表", "**第一条** 加粗开头的段落。", "** 星号与空格", "**", "***", "** * *", "* * *",
            "*斜体开头*", "* 列表项", "- 列表项", "+ 列表项", "2020年的段落", "---", "___", "==", "> 引用",
            ": 冒号开头", '[r]: https://example.org/r "引用"', "[r] 不是定义", "| 表 |",
            "<span>内联 HTML</span> 开头", "_下划线_ 开头", "# 标题", "（一）括号开头", "普通段落。"]
EVERY_BLOCK = "\n\n".join(ONE_LINE) + """

第二级标题
----------

第一级标题
==========

    缩进的代码

术语
:   定义

<div markdown>
**第一条** 在 HTML 块中

- 列表中的段落

    下一段
</div>

| 表 | 格 |
|---|---|
| 甲 | 乙 |

（二）记录
{: .doc-record }
"""


def converter(shortcut: bool, extensions=()) -> markdown.Markdown:
    return markdown.Markdown(extensions=[*EXTENSIONS, *extensions,
                                         *(["build_tools.mkdocs_glue.paragraphs"] if shortcut else [])])


def converted(text: str, shortcut: bool) -> tuple[str, list]:
    md = converter(shortcut)
    return md.convert(text), md.toc_tokens


def test_every_block_syntax_comes_out_as_python_markdown_makes_it():
    assert converted(EVERY_BLOCK, shortcut=True) == converted(EVERY_BLOCK, shortcut=False)
    html = converted(EVERY_BLOCK, shortcut=False)[0]
    # The page does use each block syntax, so the comparison covers them.
    for made in ("<h1", "<h2", "<hr />", "<ul>", "<ol>", "<blockquote>", "<pre><code>", "<dl>", "<table>", "<div>",
                 "<p><strong>第一条</strong>"):
        assert made in html, made


def test_the_shortcut_takes_one_line_paragraphs_and_nothing_else():
    md = converter(shortcut=True)
    taken = []
    shortcut = md.parser.blockprocessors[paragraphs.NAME]
    run = shortcut.run
    shortcut.run = lambda parent, blocks: taken.append(blocks[0]) or run(parent, blocks)
    md.convert(EVERY_BLOCK)
    # Paragraphs on one line, at the top, in an HTML block, a list item, a definition.
    for block in ("**第一条** 加粗开头的段落。", "（一）括号开头", "普通段落。", "**第一条** 在 HTML 块中", "列表中的段落", "下一段", "定义"):
        assert block in taken, block
    # Paragraphs too, but starting with a character some block syntax starts with: left to the others.
    for block in ("2020年的段落", "** 星号与空格", "**", "*斜体开头*", "<span>内联 HTML</span> 开头", "_下划线_ 开头", "[r] 不是定义"):
        assert block not in taken, block
    assert all("\n" not in block and (block[0] not in paragraphs.STARTS or block.startswith("**第")) for block in taken)



@given(st.lists(st.text(alphabet="法律第一条#>:[]*+-_=|<!1. \n甲ab`", max_size=30), max_size=8))
@example(["**第一条** 甲", "** 甲", "***", "*甲*"])
@example(["甲\n---", "甲\n:   乙", "1. 甲\n\n    乙"])
def test_any_blocks_come_out_as_python_markdown_makes_them(blocks):
    text = "\n\n".join(blocks)
    assert converted(text, shortcut=True) == converted(text, shortcut=False)


def test_an_unknown_block_processor_turns_the_shortcut_off():
    text = "甲\n\n!!! note\n\n乙"  # an admonition's one-line block: not a paragraph
    md = converter(shortcut=True, extensions=["admonition"])
    assert md.convert(text) == converter(shortcut=False, extensions=["admonition"]).convert(text)
    assert 'class="admonition note"' in md.convert(text)
    assert not md.parser.blockprocessors[paragraphs.NAME].on
    md = converter(shortcut=True)
    md.convert(text)
    assert md.parser.blockprocessors[paragraphs.NAME].on


@pytest.mark.parametrize("shortcut", ["build_tools.mkdocs_glue.inline", "build_tools.mkdocs_glue.paragraphs"])
def test_the_site_uses_the_shortcuts(shortcut):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    assert shortcut in config["markdown_extensions"]


@pytest.mark.slow
def test_real_laws_come_out_the_same(law_texts):
    """The Markdown of real laws (``../shared/corpus/lawrefbook``)."""
    for name, text in law_texts.items():
        assert converted(text, shortcut=True) == converted(text, shortcut=False), name
