"""Page HTML → sections (anchor, heading, text): what the index is built from.

Taking the rendered HTML rather than the Markdown means search sees the
text as the reader sees it (tables, escaped characters). Only the
document's own text is taken: the page title, the metadata card and the
relations list are the site's words (labels such as 发文机关 or 来源与核验
would match every page) and the metadata is indexed as fields instead
(``index.META_FIELDS``). Each heading with an ``id`` below the title starts
a section, so a result can link straight to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Sections cached by earlier builds (search_hooks) are reused only when this matches.
SECTIONS_VERSION = 2
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose boundaries separate text: a match never runs across them.
BLOCKS = HEADINGS | {
    "p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "br",
    "blockquote", "pre", "dl", "dt", "dd", "section", "article", "aside", "figure",
    "figcaption", "caption", "details", "summary", "hr", "nav", "header", "footer",
}
SKIPPED = {"script", "style", "template", "svg"}
# Elements the site adds around the document's text (cards.card): never indexed.
CHROME_CLASSES = {"doc-card"}
# The page title: indexed as the ``title`` field, not again as text.
TITLE = "h1"
# The relations list (cards.relations_section) opens with this h2 and runs to the end of the page.
RELATIONS_HEADING = "关联文件"
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}


@dataclass
class Section:
    """A stretch of a page under one heading; ``text`` has ``\\n`` between blocks."""

    anchor: str  # heading id ('' for the text before the first heading)
    heading: str
    text: str = ""


@dataclass
class SearchPage:
    """One document as the index needs it: plain data, no site-engine objects."""

    url: str  # relative to the site root, e.g. documents/x/ or documents/x.html
    meta: dict
    sections: list[Section] = field(default_factory=list)


class _SectionParser(HTMLParser):
    """Collect text per section; skip permalinks, scripts and excluded parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self.parts: list[str] = []
        self.skip_depth = 0  # >0 while inside an element whose text is not content
        self.stack: list[tuple[str, bool]] = []
        self.heading: list[str] | None = None
        self.levels = [0]  # heading level of each section (0: the top of the page)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skip = (tag in SKIPPED or tag == TITLE or "headerlink" in classes or bool(classes & CHROME_CLASSES)
                or "data-search-exclude" in attributes)
        if tag not in VOID:
            self.stack.append((tag, skip))
            self.skip_depth += skip
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag in HEADINGS and attributes.get("id") and not self.skip_depth:
            self._close_section()
            self.sections.append(Section(attributes["id"], ""))
            self.levels.append(int(tag[1]))
            self.heading = []

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, skip = self.stack.pop()
            self.skip_depth -= skip
            if open_tag == tag:
                break
        if tag in HEADINGS and self.heading is not None:
            self.sections[-1].heading = " ".join("".join(self.heading).split())
            self.heading = None
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.skip_depth:
            return
        self.parts.append(data)
        if self.heading is not None:
            self.heading.append(data)

    def _close_section(self) -> None:
        self.sections[-1].text = tidy("".join(self.parts))
        self.parts = []

    def result(self) -> list[Section]:
        self._close_section()
        return [section for section in self.sections[:self._relations()] if section.text]

    def _relations(self) -> int:
        """Where the relations list starts: the last h2 of that name (a body heading may share it)."""
        for number in range(len(self.sections) - 1, 0, -1):
            if self.levels[number] == 2 and self.sections[number].heading == RELATIONS_HEADING:
                return number
        return len(self.sections)


def tidy(text: str) -> str:
    """One line per block, inner whitespace runs kept as a single space."""
    lines = (" ".join(line.split()) for line in text.replace("\u2028", "\n").replace("\u2029", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def sections_from_html(html: str) -> list[Section]:
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return parser.result()
