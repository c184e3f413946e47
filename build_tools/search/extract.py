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

import html
import re
from dataclasses import dataclass, field

# Sections cached by earlier builds (search_hooks) are reused only when this matches
# (3: an element closed by "/>" no longer ends every element it is inside).
SECTIONS_VERSION = 3
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
# Elements whose content is raw text up to their end tag, as ``html.parser`` reads them: tag → that end.
RAW_TEXT = {tag: re.compile(f"</{tag}", re.I) for tag in ("script", "style")}
# A tag (its name and attributes) or markup that is not text (comment, declaration, instruction).
TOKEN = re.compile(r"""<(?:(?P<closing>/?)(?P<tag>[A-Za-z][^\s/>]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>"""
                   r"|!--.*?-->|![^>]*>|\?[^>]*>)", re.S)
ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


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


class _SectionParser:
    """Collect text per section; skip permalinks, scripts and excluded parts.

    The HTML is Python-Markdown's and the hooks' (well formed, quoted attributes), read by one
    regular expression rather than ``html.parser``, whose per-tag bookkeeping took a sixth of the
    workers' time on a full build (issue 16)."""

    def __init__(self) -> None:
        self.sections = [Section("", "")]
        self.parts: list[str] = []
        self.skip_depth = 0  # >0 while inside an element whose text is not content
        self.stack: list[tuple[str, bool]] = []
        self.heading: list[str] | None = None
        self.levels = [0]  # heading level of each section (0: the top of the page)

    def feed(self, markup: str) -> None:
        at = 0
        while found := TOKEN.search(markup, at):
            if found.start() > at:
                self.handle_data(markup[at:found.start()])
            at = found.end()
            closing, tag, attributes = found.group("closing", "tag", "attributes")
            if tag is None:  # a comment, declaration or processing instruction: not text
                continue
            tag = tag.lower()
            if closing:
                self.handle_endtag(tag)
                continue
            self.handle_starttag(tag, ATTRIBUTE.findall(attributes) if attributes else ())
            if tag in RAW_TEXT:  # its content is not markup: passed over up to its end tag
                end = RAW_TEXT[tag].search(markup, at)
                at = end.start() if end else len(markup)
            elif attributes.endswith("/"):
                self.handle_endtag(tag)
        if at < len(markup):
            self.handle_data(markup[at:])

    def handle_starttag(self, tag: str, attrs) -> None:
        # Most tags (p, li, td, strong) have no attributes: nothing to read in them.
        attributes = {name.lower(): html.unescape(value[1:-1] if value[:1] in "\"'" else value)
                      for name, value in attrs} if attrs else {}
        classes = set((attributes.get("class") or "").split()) if attrs else ()
        skip = (tag in SKIPPED or tag == TITLE or "headerlink" in classes or not CHROME_CLASSES.isdisjoint(classes)
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

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:  # never opened: an element without content
            return
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

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if "&" in data:
            data = html.unescape(data)
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


def sections_from_html(page_html: str) -> list[Section]:
    parser = _SectionParser()
    parser.feed(page_html)
    return parser.result()
