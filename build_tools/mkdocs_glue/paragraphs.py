"""A Python-Markdown extension: a one-line block that no block syntax can start is a paragraph at once.

Python-Markdown tries each of its block processors on every block, one after another, and the last,
the paragraph, takes what none of the others wanted: a law's page is a hundred or more one-line
paragraphs (``**第一条** ……``), each tried against fourteen regular expressions first (a tenth of
its Markdown time). Each built-in processor needs its block to start with a space, ``#``, ``>``,
``:``, ``[``, a digit, ``*``, ``+``, ``-``, ``_``, ``=``, ``|``, ``<`` or a stashed HTML block, or to
hold a second line; a block that starts otherwise on one line (or with ``**`` and a word, which no
list item or rule starts with) is handed to the paragraph processor itself. If an extension
registers a block processor not known here, every block goes the usual way: the output is always
Python-Markdown's.
"""
from __future__ import annotations

from markdown import Extension, blockprocessors, util
from markdown.preprocessors import Preprocessor
from markdown.extensions import def_list, md_in_html, tables

# Every block processor of Python-Markdown and of the extensions the site uses, by registered name.
KNOWN = {
    "empty": blockprocessors.EmptyBlockProcessor, "indent": blockprocessors.ListIndentProcessor,
    "code": blockprocessors.CodeBlockProcessor, "hashheader": blockprocessors.HashHeaderProcessor,
    "setextheader": blockprocessors.SetextHeaderProcessor, "hr": blockprocessors.HRProcessor,
    "olist": blockprocessors.OListProcessor, "ulist": blockprocessors.UListProcessor,
    "quote": blockprocessors.BlockQuoteProcessor, "reference": blockprocessors.ReferenceProcessor,
    "paragraph": blockprocessors.ParagraphProcessor, "table": tables.TableProcessor,
    "defindent": def_list.DefListIndentProcessor, "deflist": def_list.DefListProcessor,
    "markdown_block": md_in_html.MarkdownInHtmlProcessor,
}
# First characters with which some known processor may take a block (an HTML block is stashed
# as a placeholder starting with STX).
STARTS = frozenset(" \t#>:[0123456789*+-_=|<" + util.STX)
NAME = "paragraph_line"


class LineParagraphProcessor(blockprocessors.ParagraphProcessor):
    """The paragraph processor, tried first, on the blocks no other known processor can take."""

    def __init__(self, parser) -> None:
        super().__init__(parser)
        self.on = False  # whether every block processor is a known one (``RegistryCheck``)

    def test(self, parent, block: str) -> bool:
        if not self.on or not block or "\n" in block:
            return False
        if block[0] not in STARTS:
            return True
        # Strong text: neither a list item ("* ") nor a rule (a line of "*" and spaces).
        return block.startswith("**") and block[2:3] not in ("", "*", " ")


class RegistryCheck(Preprocessor):
    """Before each document's blocks are parsed: the shortcut is on only if every registered block
    processor is one whose starts ``STARTS`` knows (an extension may register one at any time)."""

    def __init__(self, md, processor: LineParagraphProcessor) -> None:
        super().__init__(md)
        self.processor = processor

    def run(self, lines: list[str]) -> list[str]:
        registry = self.md.parser.blockprocessors
        names = {id(processor): name for name, processor in registry._data.items()}  # the registry's only name map
        self.processor.on = all(processor is self.processor or type(processor) is KNOWN.get(names[id(processor)])
                                for processor in registry)
        return lines


class LineParagraphExtension(Extension):
    def extendMarkdown(self, md) -> None:
        processor = LineParagraphProcessor(md.parser)
        # Before every other block processor (md_in_html's is the first, at 105).
        md.parser.blockprocessors.register(processor, NAME, 110)
        # Last of the preprocessors: the blocks are parsed next.
        md.preprocessors.register(RegistryCheck(md, processor), NAME, 0)


def makeExtension(**kwargs) -> LineParagraphExtension:
    return LineParagraphExtension(**kwargs)
