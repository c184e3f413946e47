"""Link check over the built site: every internal href resolves to a file and an anchor."""
from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:")
ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


@lru_cache(maxsize=None)
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def anchors(path: Path) -> set[str]:
    soup = parsed(path)
    return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


def target_file(site: Path, page: Path, url_path: str) -> Path:
    """The file a relative or root-relative URL path points to (directories → index.html)."""
    base = "" if url_path.startswith("/") else posixpath.dirname(page.relative_to(site).as_posix())
    resolved = site / posixpath.normpath(posixpath.join(base, unquote(url_path).lstrip("/")))
    return resolved / "index.html" if url_path.endswith("/") or resolved.is_dir() else resolved


def broken_links(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        for tag_name, attribute in ATTRIBUTES:
            for tag in parsed(page).find_all(tag_name, attrs={attribute: True}):
                problem = check(site, page, tag[attribute])
                if problem:
                    problems.append(f"{page.relative_to(site)}: {tag[attribute]} → {problem}")
    return problems


def check(site: Path, page: Path, url: str) -> str:
    if url.lower().startswith(EXTERNAL):
        return ""
    if url.lower().startswith("javascript:"):
        return "javascript: URL"
    parts = urlsplit(url)
    target = target_file(site, page, parts.path) if parts.path else page
    if not target.is_file():
        return "missing file"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
        return f"missing anchor #{unquote(parts.fragment)}"
    return ""


def test_no_broken_internal_link(site):
    problems = broken_links(site)
    assert not problems, "\n".join(problems[:50])


def test_link_check_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="总体要求">总体要求</h2><a href="../b/">b</a><a href="#%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82">ok</a>'
        '<a href="#缺少">no</a><a href="../c/index.html">c</a><a href="https://example.org/">x</a>', encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "index.html").write_text('<a href="../a/#总体要求">back</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a/index.html: ../b/ → missing file", "a/index.html: #缺少 → missing anchor #缺少"]


def test_chinese_heading_anchors_are_linked_from_the_toc(site):
    """Table-of-contents links of Chinese headings point at ids that exist."""
    checked = 0
    for page in sorted((site / "documents").glob("*/index.html")):
        for link in parsed(page).select("nav.md-nav--secondary a.md-nav__link[href^='#']"):
            fragment = unquote(link["href"][1:])
            assert fragment in anchors(page), (page, fragment)
            checked += any("\u4e00" <= char <= "\u9fff" for char in fragment)
    assert checked > 0, "no Chinese heading anchor found in any document's table of contents"
