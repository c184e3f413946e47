"""The inline-pattern shortcut (``mkdocs_glue.inline``) gives Python-Markdown's own HTML.

Python-Markdown without the extension is the oracle: every inline pattern it has, on text built
to hit each one (and random text mixing their characters with Chinese), must come out the same.
"""
from __future__ import annotations

import markdown
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.mkdocs_glue import inline

EXTENSIONS = ["tables", "attr_list", "def_list", "md_in_html", "toc"]

EVERY_PATTERN = """# 标题 `代码` 与 *强调*

第一条 `code` 与 ``双`反引号`` 以及 \\*转义\\* 和 \\\\`反斜杠`。
[链接](../a.md "题") 与 ![图](b.png) 与 [引用][r] 与 ![图引用][r] 与 [r] 与 ![r]。
<https://example.org/a?b=1> 与 <someone@example.org> 与 <span class="x">内联 HTML</span> <!-- 注释 -->
换行在此  
下一行 &amp; &#169; &#xA9; &copy; & 单独的和号。
**加粗** *斜体* ***两者*** __下划线加粗__ _下划线_ 中_间_字 2*3*4 a * b。

[r]: https://example.org/r "引用"

<div markdown>
**第一条** 在 HTML 块中 [链接](x.md)
</div>

| 表 | `格` |
|---|---|
| *甲* | [乙](y.md) |
"""


def convert(text: str, quick: bool) -> str:
    extensions = [*EXTENSIONS, *(["build_tools.mkdocs_glue.inline"] if quick else [])]
    return markdown.Markdown(extensions=extensions).convert(text)


def test_every_inline_pattern_comes_out_as_python_markdown_makes_it():
    assert convert(EVERY_PATTERN, quick=True) == convert(EVERY_PATTERN, quick=False)
    # The page does use every pattern, so the comparison covers them (a link, code, emphasis, a break …).
    html = convert(EVERY_PATTERN, quick=False)
    for made in ("<code>", "<em>", "<strong>", '<a href="../a.md"', "<img", '<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;', "<br />", "&copy;"):
        assert made in html, made


@given(st.text(alphabet="法律第一条`\\*_[]()!<>&;#:/@.  \n甲ab", max_size=80))
@example("a  \nb")
@example("[a](b) *c* `d`")
def test_any_text_comes_out_as_python_markdown_makes_it(text):
    assert convert(text, quick=True) == convert(text, quick=False)


# Pieces of text around a strong lead-in: the characters its rules look at (space, ``*``, ``_``, word
# characters Chinese and Latin, punctuation, a line break) and the needs of other patterns.
LEAD_ALPHABET = "第一条为了 a_*，。\n`[<&\\"


@given(st.lists(st.tuples(st.sampled_from(["", "- ", "1. ", "> "]), st.text(alphabet=LEAD_ALPHABET, max_size=6),
                          st.text(alphabet=LEAD_ALPHABET, max_size=12)), min_size=1, max_size=4))
@example([("", "第一条", " 为了")])
@example([("", "第一条", "为了")])
@example([("- ", " 一、", "项目")])
def test_strong_lead_ins_come_out_as_python_markdown_makes_them(paragraphs):
    """Blocks ``**text**rest`` (in a list or quote too), several to a document, as the delimiter
    processor pairs them or not: the shortcut (``inline.STRONG_LEAD``) must agree with it."""
    text = "\n\n".join(f"{start}**{lead}**{rest}" for start, lead, rest in paragraphs)
    assert convert(text, quick=True) == convert(text, quick=False)


def test_the_strong_lead_in_is_made_without_the_delimiter_processor(monkeypatch):
    """Which texts the shortcut takes: the lead-ins of articles and numbered points, and not a text
    the delimiter processor would read otherwise or that holds another pattern's needs."""
    taken = []
    strong = inline.QuickInlineProcessor.strong
    monkeypatch.setattr(inline.QuickInlineProcessor, "strong",
                        lambda self, *parts: taken.append(parts) or strong(self, *parts))
    page = "\n\n".join(["**第一条** 为了规范管理，制定本办法。", "**一、** 总体要求", "**附件**", "- **（一）** 项目",
                         "**第二条**依照", "** 第三条** 空格", "**第四条 ** 空格", "**第五条** *斜体*",
                         "**第六条** [链接](a.md)", "**第七条** a_b", "前文 **第八条** 后文"])
    html = convert(page, quick=True)
    assert html == convert(page, quick=False)
    assert taken == [("第一条", " 为了规范管理，制定本办法。"), ("一、", " 总体要求"), ("附件", ""),
                     ("（一）", " 项目")]
    assert html.count("<strong>") == 9


def test_asterisks_made_into_other_tags_turn_the_strong_shortcut_off():
    """An extension may register the ``*`` delimiter with other tags: then ``**`` is not ``strong``."""
    def made(quick: bool) -> str:
        md = markdown.Markdown(extensions=[*EXTENSIONS, *(["build_tools.mkdocs_glue.inline"] if quick else [])])
        md.inlinePatterns.register(markdown.inlinepatterns.DelimiterProcessor("*", "em,strong", md), "em_strong", 60)
        return md.convert("**第一条** 为了")
    assert made(quick=True) == made(quick=False) == "<p><em>第一条</em> 为了</p>"


def test_an_unknown_pattern_turns_the_shortcut_off():
    md = markdown.Markdown(extensions=[*EXTENSIONS, "build_tools.mkdocs_glue.inline"])
    assert inline.needs_of(md.inlinePatterns) is not None
    md.inlinePatterns.register(markdown.inlinepatterns.SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"), "del", 65)
    assert inline.needs_of(md.inlinePatterns) is None
    assert md.convert("~~删除~~") == "<p><del>删除</del></p>"


@pytest.mark.slow
def test_real_laws_come_out_the_same(law_texts):
    """The Markdown of real laws (``../shared/corpus/lawrefbook``)."""
    for name, text in law_texts.items():
        assert convert(text, quick=True) == convert(text, quick=False), name
