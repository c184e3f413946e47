"""Issue 14: only layout repeats are removed — a heading reprinted at a page top, or the passage
above a page break printed again. Laws repeat sentences and tables repeat rows; both are text."""
from __future__ import annotations

from test_structure_text import parsed

FINE = "违反前款规定，情节严重的，处一万元以上五万元以下的罚款。"


def body(document):
    return [(block.kind, block.lead + block.text) for block in document.blocks if block.kind != "header"]


def duplicates(document):
    return [(removed.line, removed.text) for removed in document.removed if removed.reason == "duplicate"]


def test_a_sentence_repeated_in_two_articles_is_kept():
    text = f"第一条　禁止示范。\n\n{FINE}\n\n第二条　禁止演示。\n\n{FINE}\n"
    document = parsed(text)
    assert [text for _, text in body(document)].count(FINE) == 2
    assert not duplicates(document)


def test_a_sentence_repeated_after_a_page_break_but_not_just_above_it_is_kept():
    document = parsed(f"{FINE}\n\n第一条　禁止示范。\n\n— 2 —\n\n{FINE}\n")
    assert [text for _, text in body(document)].count(FINE) == 2
    assert not duplicates(document)


def test_the_heading_reprinted_at_the_top_of_the_next_page_is_removed_and_reported():
    text = "第一章　总则\n\n第一条　禁止示范。\n\n- 2 -\n\n第一章　总则\n\n第二条　禁止演示。\n"
    document = parsed(text)
    assert [kind for kind, _ in body(document)] == ["heading", "paragraph", "paragraph"]
    assert duplicates(document) == [(7, "第一章　总则")]


def test_the_passage_above_a_page_break_printed_again_below_it_is_removed():
    document = parsed(f"第一条　禁止示范。\n\n{FINE}\n— 2 —\n{FINE}\n\n第二条　禁止演示。\n")
    assert [text for _, text in body(document)].count(FINE) == 1
    assert duplicates(document) == [(5, FINE)]


def test_identical_table_rows_are_data():
    document = parsed("项目\t一等奖\t二等奖\n省级\t1\t2\n省级\t1\t2\n")
    [table] = [block for block in document.blocks if block.kind == "table"]
    assert table.rows == [["项目", "一等奖", "二等奖"], ["省级", "1", "2"], ["省级", "1", "2"]]


def test_rows_shifted_by_a_tab_are_not_a_two_level_header():
    # test_robustness_properties found these two rows merged into 二等奖：一等奖 … (one row lost).
    document = parsed("\t一等奖\t二等奖\t三等奖\n\t\t一等奖\t二等奖\t三等奖\n")
    [table] = [block for block in document.blocks if block.kind == "table"]
    assert table.rows == [["", "一等奖", "二等奖", "三等奖", ""], ["", "", "一等奖", "二等奖", "三等奖"]]


def test_a_spanning_header_cell_still_takes_its_sub_headers():
    document = parsed("项目\t获奖情况\t\t\n\t一等奖\t二等奖\t三等奖\n省级\t11\t22\t29\n")
    [table] = [block for block in document.blocks if block.kind == "table"]
    assert table.rows[0] == ["项目", "获奖情况：一等奖", "获奖情况：二等奖", "获奖情况：三等奖"]
