"""A Python-Markdown extension: an inline pattern is tried only on text holding what it needs.

Python-Markdown tries each of its inline patterns (links, emphasis, code, HTML …) on every piece of
text, one after another: 60 % of the Markdown time of a law, whose paragraphs hold few of the
characters those patterns start with. Each built-in pattern needs a character (or, for a line
break, two spaces before a newline) that a substring test finds; a pattern whose needs the text
lacks cannot match, and is passed over as if it had not matched. If an extension registers a
pattern not known here, every pattern is tried as before: the output is always Python-Markdown's.

A text that is a strong lead-in and plain text (``**第一条** 为了……``, a hundred or more to a law)
gets its ``strong`` element without the delimiter processor's pairing: 13 % of a page's Markdown → HTML.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, util
from markdown.inlinepatterns import DelimiterProcessor
from markdown.treeprocessors import InlineProcessor

# What the text must contain for each of Python-Markdown's built-in inline patterns to match
# (``markdown.inlinepatterns.build_inlinepatterns``); emphasis needs one of its delimiters.
NEEDS = {
    "backtick": "`", "escape": "\\", "reference": "[", "link": "[", "image_link": "[",
    "image_reference": "[", "short_reference": "[", "short_image_ref": "[", "autolink": "<",
    "automail": "<", "linebreak": "  \n", "html": "<", "entity": "&",
}

# A text that is a strong lead-in and plain text after it: ``**第一条** 为了……``, how a law's articles
# and a notice's numbered points begin. Python-Markdown's delimiter processor (the one pattern such a
# text holds a need of) pairs the two runs: the opening run is followed by a character that is
# neither space nor ``*``, the closing one preceded by one and followed by the end, or by a character
# that is neither a word character (which would make it intraword) nor ``*``.
STRONG_LEAD = re.compile(r"\*\*([^\s*](?:[^*]*[^\s*])?)\*\*((?:[^\w*][^*]*)?)")
# What such a text holds of the patterns' needs: its four asterisks only.
STARS = frozenset("*")


class QuickInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, passing over the patterns a text cannot match."""

    def run(self, tree, ancestors=None):
        self.needs = needs_of(self.inlinePatterns)
        # The registry sorts itself and looks the name up on each index: a list, once per page.
        self.patterns = list(self.inlinePatterns)
        self.candidates: dict[frozenset, tuple[int, ...]] = {}
        if self.needs is not None:
            self.finder = re.compile("|".join(map(re.escape, sorted({need for needs in self.needs for need in needs}))))
            self.strong_lead = strong_lead_pattern(self.patterns, self.candidates_for(STARS))
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """``InlineProcessor.__handleInline``, with the patterns that cannot match skipped.

        What a text holds is looked up once: a match only puts a placeholder (control characters,
        letters and digits) where text was, so it never brings a pattern's needs into the text."""
        if self.needs is None or isinstance(data, util.AtomicString):
            return super()._InlineProcessor__handleInline(data, patternIndex)
        present = frozenset(self.finder.findall(data))
        if present == STARS and patternIndex <= self.strong_lead:
            lead = STRONG_LEAD.fullmatch(data)
            if lead:
                return self.strong(*lead.groups())
        for index in self.candidates_for(present):
            matched, start = index >= patternIndex, 0
            while matched:
                data, matched, start = self._InlineProcessor__applyPattern(
                    self.patterns[index], data, index, start)
        return data

    def strong(self, text: str, rest: str) -> str:
        """What the delimiter processor makes of ``**text**rest`` (``STRONG_LEAD``): the element stashed
        in the text's place. Neither ``text`` nor ``rest`` holds a need of any pattern (``STARS``)."""
        element = etree.Element("strong")
        element.text = text
        return self._InlineProcessor__stashNode(element, "em_strong") + rest

    def candidates_for(self, present: frozenset) -> tuple[int, ...]:
        """The patterns, in order, of which ``present`` holds a need."""
        if present not in self.candidates:
            self.candidates[present] = tuple(index for index, needs in enumerate(self.needs)
                                             if not present.isdisjoint(needs))
        return self.candidates[present]


def strong_lead_pattern(patterns: list, candidates: tuple[int, ...]) -> int:
    """The index of Python-Markdown's own ``*`` delimiter processor if it is the one pattern a text
    holding only asterisks can match and ``**`` makes ``strong`` there; -1 otherwise (no shortcut)."""
    if len(candidates) != 1 or type(patterns[candidates[0]]) is not DelimiterProcessor:
        return -1
    delimiter = patterns[candidates[0]].delimiters.get("*")
    plain = delimiter is not None and not delimiter.smart and delimiter.tag_count == 2
    return candidates[0] if plain and delimiter.tags[0] == "strong" else -1


def needs_of(patterns) -> list[tuple[str, ...]] | None:
    """For each pattern in order, the strings of which its match holds one; None when a pattern
    is not one whose needs are known."""
    names = {id(pattern): name for name, pattern in patterns._data.items()}  # the registry's only name map
    needs = []
    for pattern in patterns:
        if isinstance(pattern, DelimiterProcessor):
            needs.append(tuple(pattern.tokens))
        elif names[id(pattern)] in NEEDS:
            needs.append((NEEDS[names[id(pattern)]],))
        else:
            return None
    return needs


class QuickInlineExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # The same name and priority as the processor it replaces (``markdown.treeprocessors``).
        md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)


def makeExtension(**kwargs) -> QuickInlineExtension:
    return QuickInlineExtension(**kwargs)
