"""Property test on the archive's own lines, shuffled and broken in random places.

Real documents are where the converter's rules meet surprises, so the
generated texts are built from the seeds' lines rather than invented ones.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.structure.body import PAGE_NUMBER
from test_structure_properties import assert_nothing_lost, documents
from test_structure_text import parsed

SOURCES = sorted((Path(__file__).resolve().parents[1] / "source_docs").glob("*.txt"))
ARCHIVE_LINES = sorted({line for path in SOURCES for line in path.read_text(encoding="utf-8").split("\n") if line.strip()})


@st.composite
def broken_line(draw) -> str:
    """A seed line, cut at a random place by a hard wrap or a page break."""
    line = draw(st.sampled_from(ARCHIVE_LINES))
    if len(line) > 1 and draw(st.booleans()):
        cut = draw(st.integers(1, len(line) - 1))
        line = line[:cut] + draw(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n"])) + line[cut:]
    return line


archive_texts = st.lists(
    st.tuples(broken_line(), st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=40,
).map(lambda pairs: "".join(line + end for line, end in pairs))


# Found by this test: identical rows shifted by a tab were merged as a two-level table header.
ROWS = "\t\n\t一等奖\t二等奖\t三等奖\n\t\t一等奖\t二等奖\t三等奖\n"


@given(archive_texts)
@example(ROWS)
def test_shuffled_and_broken_archive_lines_lose_nothing(text):
    assert_nothing_lost(text)


@given(archive_texts)
@example(ROWS + "具体获奖统计如下表 2-1 所示。\n" + ROWS + "具体获奖统计如下表 2-1 所示。\n")
def test_without_a_page_break_nothing_in_a_body_is_a_repeat(text):
    """Repeated sentences and rows are text; a layout repeat needs a page top (issue 14)."""
    if any(PAGE_NUMBER.match(line.strip()) for line in text.split("\n")):
        return
    for _, part in documents(parsed(text)):
        body = [block.line for block in part.blocks if block.kind not in ("header", "footer")]
        # A title printed twice goes with the header; nothing after the body's first line may go.
        assert not [removed for removed in part.removed if removed.reason == "duplicate" and body
                    and removed.line >= min(body)]
