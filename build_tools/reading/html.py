"""A web page saved from a government site: the article, its information table and its address.

Why selectolax and our own reading (README, "Dependencies"): general
article extractors are tuned for news pages; on government article pages
trafilatura and readability-lxml dropped the information table (the
page's most valuable metadata) and flattened or dropped the article's
tables, while the page's own structure is regular: a table or list of
labelled cells (索引号, 发文机关 …), a heading, and one block that holds
nearly all the sentences. The reader writes the information table as
``label：value`` lines (which ``structure.webpage`` reads, as it does for a
page copied as text), then the title and the article, one line per
paragraph, tables as tab-separated rows; navigation, share and print
widgets, related articles and the footer are simply not read. The saved
page's own address becomes ``fields["web_url"]``.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

from ..model import SourceText
from .html_text import block_lines, decode

# Labels of information tables, to find the table (``structure.webpage`` interprets them).
INFO_LABELS = re.compile(r"^(索引号|主题分类|发文机关|发文单位|成文日期|发文日期|标题|名称|发文字号|文号|发布日期|发布机构"
                         r"|有效性|时效性|主题词|体裁分类|组配分类|服务对象|公开方式)[:：]?$")
LABEL_VALUE = re.compile(r"^(\S{2,6}?)\s*[:：]\s*(.+)$")
CONTENT = ("#zoom", ".TRS_Editor", ".TRS_UEDITOR", ".article-content", "#UCAP-CONTENT", ".pages_content",
           ".view", ".zw", "#content", ".content", "article")
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->")
DROPPED = "script, style, noscript, iframe, form, select, button, svg, nav, header, footer, object, template"


def read(raw: bytes, path: PurePosixPath) -> SourceText:
    text = decode(raw, str(path))
    tree = HTMLParser(text)
    for node in tree.css(DROPPED):
        node.decompose()
    body = tree.body or tree.root
    info = info_lines(body)
    content = article(body)
    title = page_title(tree, content)
    lines = info + [""] + ([title, ""] if title else []) + (block_lines(content) if content is not None else [])
    fields = {"web_url": url} if (url := page_url(text, tree)) else {}
    return SourceText(path=path, text="\n".join(lines).strip("\n") + "\n", sha256="", encoding="html", fields=fields)


def info_lines(body: Node) -> list[str]:
    """The information table as ``label：value`` lines, from the smallest element holding two labels or more."""
    best = None
    for node in body.css("table, ul, dl, div"):
        labels = [piece for piece in _pieces(node) if INFO_LABELS.match(_bare(piece))]
        if len(labels) >= 2 and (best is None or len(node.text()) < len(best.text())):
            best = node
    if best is None:
        return []
    lines: list[str] = []
    for piece in _pieces(best):
        bare = _bare(piece)
        if INFO_LABELS.match(bare):
            lines.append(bare.rstrip(":：") + "：")
        elif lines and lines[-1].endswith("："):
            lines[-1] += piece
        elif (pair := LABEL_VALUE.match(piece)) and INFO_LABELS.match(_bare(pair.group(1))):
            lines.append(f"{_bare(pair.group(1))}：{pair.group(2).strip()}")
    return [line for line in lines if not line.endswith("：")]


def _pieces(node: Node) -> list[str]:
    """The text of each leaf cell of a table or list, in order."""
    return [piece.strip() for piece in node.text(separator="\u0000", strip=True).split("\u0000") if piece.strip()]


def _bare(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", text)


def article(body: Node) -> Node | None:
    """The block holding the article: a known content container, else the one with most sentences."""
    for selector in CONTENT:
        found = [node for node in body.css(selector) if _sentences(node)]
        if found:
            return max(found, key=_sentences)
    parents: dict[int, tuple[Node, int]] = {}
    for paragraph in body.css("p, div"):
        parent = paragraph.parent
        if parent is not None:
            node, score = parents.get(parent.mem_id, (parent, 0))
            parents[parent.mem_id] = (node, score + _sentences(paragraph, deep=False))
    return max(parents.values(), key=lambda item: item[1])[0] if parents else body


def _sentences(node: Node, deep: bool = True) -> int:
    text = node.text(deep=deep)
    return text.count("。") + text.count("；") + text.count("，") // 3


def page_title(tree: HTMLParser, content: Node | None) -> str:
    """The article's heading: its <h1>, the ArticleTitle meta, or the <title> before the site's name."""
    for node in tree.css("h1, .title, .article-title"):
        text = node.text(strip=True)
        if text and (content is None or not _inside(node, content)) and len(text) <= 120:
            return text
    meta = tree.css_first('meta[name="ArticleTitle"]')
    if meta is not None and meta.attributes.get("content"):
        return meta.attributes["content"].strip()
    title = tree.css_first("title")
    return re.split(r"\s*[_|｜]\s*|\s+-\s+", title.text(strip=True))[0] if title is not None else ""


def _inside(node: Node, container: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == container.mem_id:
            return True
        parent = parent.parent
    return False


def page_url(text: str, tree: HTMLParser) -> str:
    """The address the page was saved from (browser comment, canonical link or og:url)."""
    saved = SAVED_FROM.search(text[:4096])
    if saved:
        return saved.group(1)
    for selector, attribute in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        if node is not None and (node.attributes.get(attribute) or "").startswith(("http://", "https://")):
            return node.attributes[attribute]
    return ""
