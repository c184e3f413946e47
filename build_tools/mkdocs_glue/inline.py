"""A Python-Markdown extension: an inline pattern is tried only on text holding what it needs.

Python-Markdown tries each of its inline patterns (links, emphasis, code, HTML …) on every piece of
text, one after another: 60 % of the Markdown time of a law, whose paragraphs hold few of the
characters those patterns start with. Each built-in pattern needs a character (or, for a line
break, two spaces before a newline) that a substring test finds; a pattern whose needs the text
lacks cannot match, and is passed over as if it had not matched. If an extension registers a
pattern not known here, every pattern is tried as before: the output is always Python-Markdown's.
"""
from __future__ import annotations

import re

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


class QuickInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, passing over the patterns a text cannot match."""

    def run(self, tree, ancestors=None):
        self.needs = needs_of(self.inlinePatterns)
        # The registry sorts itself and looks the name up on each index: a list, once per page.
        self.patterns = list(self.inlinePatterns)
        self.candidates: dict[frozenset, tuple[int, ...]] = {}
        if self.needs is not None:
            self.finder = re.compile("|".join(map(re.escape, sorted({need for needs in self.needs for need in needs}))))
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """``InlineProcessor.__handleInline``, with the patterns that cannot match skipped.

        What a text holds is looked up once: a match only puts a placeholder (control characters,
        letters and digits) where text was, so it never brings a pattern's needs into the text."""
        if self.needs is None or isinstance(data, util.AtomicString):
            return super()._InlineProcessor__handleInline(data, patternIndex)
        for index in self.candidates_for(frozenset(self.finder.findall(data))):
            matched, start = index >= patternIndex, 0
            while matched:
                data, matched, start = self._InlineProcessor__applyPattern(
                    self.patterns[index], data, index, start)
        return data

    def candidates_for(self, present: frozenset) -> tuple[int, ...]:
        """The patterns, in order, of which ``present`` holds a need."""
        if present not in self.candidates:
            self.candidates[present] = tuple(index for index, needs in enumerate(self.needs)
                                             if not present.isdisjoint(needs))
        return self.candidates[present]


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
