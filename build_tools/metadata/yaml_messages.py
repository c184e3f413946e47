"""YAML syntax errors told in an editor's words, at the line where the mistake is.

PyYAML reports where it gave up, in English: an unclosed ``[`` is reported at
the end of the file, and ``issuer：…`` (a full-width colon typed with a Chinese
input method) at the line after it. Editors need the line they wrote wrong and
what to type instead.
"""
from __future__ import annotations

import re

import yaml

from . import schema
from ..errors import SourceError

# A known key followed by a full-width colon: YAML reads the whole line as text.
_KEYS = sorted({*schema.EDITABLE, *schema.PROPOSAL_KEYS, "type", "target"}, key=len, reverse=True)
FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?(" + "|".join(_KEYS) + r")\s*：")

# PyYAML's problem text (start) → what it means for an editor.
PROBLEMS = [
    ("expected ',' or ']'", "方括号 [ 没有配对的 ]"),
    ("expected ',' or '}'", "花括号 { 没有配对的 }"),
    ("found character '\\t'", "用了 Tab 缩进，请改用空格"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”：这一行或上一行的缩进不对，或值中含有“: ”（请给整个值加引号）"),
    ("could not find expected ':'", "找不到键后面的冒号“: ”"),
    ("found unexpected end of stream", "引号没有闭合"),
]
HINT = "检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对 / check indentation, colons and quotes"


def full_width_colon(text: str, path) -> SourceError | None:
    """The first line whose key is followed by ``：`` instead of ``: ``, as an error."""
    for number, line in enumerate(text.splitlines(), start=1):
        match = FULL_WIDTH_KEY.match(line)
        if match:
            key = match.group(1)
            return SourceError(path, f"键“{key}”后面是全角冒号“：”/ full-width colon after {key!r}", line=number,
                               hint=f"请改为半角冒号加空格，如 {key}: … / type an ASCII colon and a space")
    return None


def syntax_error(error: yaml.YAMLError, path) -> SourceError:
    """A SourceError for a YAML syntax error: Chinese explanation, the line, and where an open bracket began."""
    problem = getattr(error, "problem", None) or str(error)
    mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    meaning = next((chinese for start, chinese in PROBLEMS if problem.startswith(start)), "")
    line = mark.line + 1 if mark else None
    # An unclosed bracket or quote is noticed lines later (often at the end of the file): point at where it opens.
    opened = (getattr(error, "context", None) or "").startswith(("while parsing a flow", "while scanning a quoted"))
    if opened and context:
        if mark and "end of stream" not in problem and "<stream end>" not in problem:
            meaning += f"（到第 {mark.line + 1} 行仍未闭合）"
        line = context.line + 1
    return SourceError(path, f"YAML 格式错误：{meaning + ' / ' if meaning else ''}{problem}", line=line, hint=HINT)
