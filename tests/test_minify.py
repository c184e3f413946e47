"""The whitespace taken out of built pages (``mkdocs_glue/minify.py``) changes nothing a reader sees."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.mkdocs_glue import minify
from build_tools.mkdocs_glue.minify import collapse_whitespace

MATERIAL_LIKE = """
<header class="md-header">
    <a href="../.." title="档案库">

      <svg viewBox="0 0 24 24"><path d="M12 8a3 3 0 0 0"/></svg>

    </a>
    <span class="md-ellipsis">
            政策文件档案库
    </span>
  <script>var palette=__md_get("__palette");
      if(palette){document.body.setAttribute("a", 1)}</script>
</header>
<nav class="md-tabs">
  <ul class="md-tabs__list">
    <li class="md-tabs__item"><a href="../..">首页</a></li>
    <li class="md-tabs__item"><a href="../../browse/">浏览</a></li>
  </ul>
</nav>
<p><strong>第一条</strong> 为了规范档案工作，<a href="#">制定</a>
  <em>本条例</em>。</p>
<table><tr><td>甲</td></tr></table>
<table><tr><td>乙</td></tr></table>
<p>　　首行缩进的全角空格是正文。</p>
<pre><code>  缩进
    保留
</code></pre>
<textarea>
  原样
</textarea>
"""


# Elements a browser lays out as blocks here (Material sets li of its tabs and breadcrumbs, and
# tables, inline-block): whitespace at a line's start or end beside them is not rendered.
BLOCKS = {"header", "nav", "ul", "p", "tr", "td", "div"}


class _Text(HTMLParser):
    """Text as rendered outside pre/textarea: whitespace runs collapse to one space and vanish
    beside a block's start or end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.parts.append("|" if tag in BLOCKS else "")

    def handle_endtag(self, tag) -> None:
        self.handle_starttag(tag, [])

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    text = re.sub(r"[ \t\r\n]+", " ", "".join(parser.parts))
    return re.sub(r" ?\| ?", "|", text)


def test_indentation_and_blank_lines_go():
    out = collapse_whitespace(MATERIAL_LIKE)
    assert len(out) < len(MATERIAL_LIKE) - 40
    assert "\n\n" not in out.split("<pre>")[0] and "\n " not in out.split("<pre>")[0]


def test_the_rendered_text_and_every_tag_stay_the_same():
    out = collapse_whitespace(MATERIAL_LIKE)
    assert rendered_text(out) == rendered_text(MATERIAL_LIKE)
    assert re.findall(r"<[^>]+>", out) == re.findall(r"<[^>]+>", MATERIAL_LIKE)


def test_pre_textarea_and_ideographic_spaces_are_text():
    out = collapse_whitespace(MATERIAL_LIKE)
    assert "<pre><code>  缩进\n    保留\n</code></pre>" in out
    assert "<textarea>\n  原样\n</textarea>" in out
    assert "<p>　　首行缩进的全角空格是正文。</p>" in out


def test_a_line_break_between_words_stays_a_break():
    """Between two inline elements a break renders as a space: it must not vanish."""
    assert collapse_whitespace("<em>甲</em>\n    <em>乙</em>") == "<em>甲</em>\n<em>乙</em>"


def test_a_line_break_beside_a_block_goes():
    assert collapse_whitespace("</p>\n<p>甲</p>\n</div>\n<a>乙</a>") == "</p><p>甲</p></div><a>乙</a>"
    out = collapse_whitespace(MATERIAL_LIKE)
    assert "<nav class=\"md-tabs\"><ul class=\"md-tabs__list\">" in out and "</ul></nav>" in out


def test_inline_blocks_keep_the_space_between_them():
    """Material's tabs are inline blocks and its tables too: a break between two is a space."""
    out = collapse_whitespace(MATERIAL_LIKE)
    assert '首页</a></li>\n<li class="md-tabs__item">' in out
    assert "</table>\n<table>" in out


def test_the_page_title_loses_its_permalink_other_headings_keep_theirs():
    page = ('<h1 id="标题">标题<a class="headerlink" href="#标题">¶</a></h1><p>正文</p>'
            '<h2 id="第一章">第一章<a class="headerlink" href="#第一章">¶</a></h2>')
    assert minify.on_post_page(page, None, None) == \
        '<h1 id="标题">标题</h1><p>正文</p><h2 id="第一章">第一章<a class="headerlink" href="#第一章">¶</a></h2>'


# Spaces, tabs, carriage returns and line breaks around words and tags, an ideographic space.
@given(st.text(alphabet=" \t\r\n<p>甲\u3000", max_size=60))
@example("")
@example("\n")
@example("  \n \r\n\t甲 \n")
@example("甲\u3000\n\u3000乙")
def test_a_run_of_whitespace_holding_a_line_break_becomes_that_break(text):
    assert minify.line_breaks(text) == re.sub(r"[ \t\r]*\n[ \t\r\n]*", "\n", text)
