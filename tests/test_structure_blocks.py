"""Headings, run-in leads, tables and the table of contents, on small inline examples."""
from __future__ import annotations

from build_tools.structure.headings import assign_levels, is_heading_line, number_of, run_in_lead
from test_structure_text import parsed


def outline(text: str) -> list[tuple[str, int, str]]:
    """(kind, level, text) of the body blocks."""
    return [(block.kind, block.level, block.lead + block.text) for block in parsed(text).blocks
            if block.kind in {"heading", "paragraph", "list_item"}]


def headings(text: str) -> list[tuple[int, str]]:
    return [(level, text) for kind, level, text in outline(text) if kind == "heading"]


def test_gb9704_levels_nest_in_order():
    text = "一、总体要求\n（一）指导思想\n1.基本原则\n（1）坚持党的领导\n正文在此。\n二、主要任务\n正文。\n"
    assert headings(text) == [(1, "一、总体要求"), (2, "（一）指导思想"), (3, "1.基本原则"),
                              (4, "（1）坚持党的领导"), (1, "二、主要任务")]


def test_a_skipped_level_still_nests_one_deeper():
    assert headings("一、工作目标\n1、提高质量\n正文。\n2、扩大规模\n正文。\n二、保障\n") == [
        (1, "一、工作目标"), (2, "1、提高质量"), (2, "2、扩大规模"), (1, "二、保障")]


def test_numeric_outline_and_numbering_restarting_inside_a_section():
    text = ("1、基本情况\n1.1 结构和规模\n正文。\n1.2 设施设备\n1.2.1 基础办学资源\n正文。\n"
            "1.3 教师队伍\n1、师资队伍总体结构\n正文。\n2、学生发展\n2.1 学生素质\n正文。\n")
    assert headings(text) == [(1, "1、基本情况"), (2, "1.1 结构和规模"), (2, "1.2 设施设备"),
                              (3, "1.2.1 基础办学资源"), (2, "1.3 教师队伍"), (3, "1、师资队伍总体结构"),
                              (1, "2、学生发展"), (2, "2.1 学生素质")]


def test_a_restarted_list_continues_inside_its_section_without_an_outline_after_it():
    levels = assign_levels([number_of(t) for t in ("1、总则", "1.1 范围", "1、甲", "2、乙")])
    assert levels == [1, 2, 3, 3]


def test_circled_numbers_nest_below_the_current_heading():
    assert headings("3.3.4 规范管理\n正文。\n①教学管理\n正文。\n②学生管理\n正文。\n") == [
        (1, "3.3.4 规范管理"), (2, "①教学管理"), (2, "②学生管理")]


def test_a_short_numbered_line_ending_in_a_full_stop_is_a_heading_when_text_follows():
    text = "二、具体办理落实情况\n1.关于委员提出的创新人才引进方式的意见建议。\n我们已开展以下工作。\n"
    assert headings(text)[1] == (2, "1.关于委员提出的创新人才引进方式的意见建议。")


def test_numbered_sentences_of_running_text_stay_paragraphs():
    text = "一、要求\n1.加强组织领导。\n2.落实工作责任。\n3.我们将进一步加强对全市职业技能培训工作的组织领导和统筹规划，制定中长期职业技能培训规划并大力组织实施，确保取得实效。\n"
    kinds = outline(text)
    assert [kind for kind, _, _ in kinds] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert kinds[3][2].startswith("3.我们将")


def test_inline_enumeration_stays_in_its_paragraph():
    text = "下一步，我局一是聚合新机制。二是搭建新平台。三是发展新模式。\n"
    assert outline(text) == [("paragraph", 0, "下一步，我局一是聚合新机制。二是搭建新平台。三是发展新模式。")]
    assert not is_heading_line("一是率先在全省召开全州职业教育大会。")


def test_run_in_heading_becomes_the_paragraph_lead():
    block = parsed("（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。\n").blocks[0]
    assert (block.kind, block.lead, block.text) == ("paragraph", "（一）指导思想。", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。")
    assert run_in_lead("(一)加强组织领导。建立联席会议制度。") == "(一)加强组织领导。"
    assert run_in_lead("第三条 本办法适用于全市。") == "第三条"
    assert run_in_lead("1.工作目标：到2025年，建成市级实训基地3个。") == "1.工作目标："
    assert run_in_lead("1.我们将进一步加强对全市职业技能培训工作的组织领导和统筹规划确保取得实效。然后。") == ""


def test_letter_spaced_heading_and_unnumbered_heading():
    assert headings("前 言\n本报告总结了一年的工作。\n") == [(1, "前言")]


def test_heading_wrapped_by_fixed_width_lines_is_joined():
    filler = "做好教育沪滇协作相关工作，是深入贯彻落实习近平总书记\n\n" + "关于深化东西部协作和对口帮扶工作重要指示精神，巩固拓展脱\n\n" * 4
    text = filler + "贫攻坚成果。\n\n二、围绕经济社会发展新格局对技能人才需求，努力构建现代职业\n\n教育体系\n\n正文一段。\n"
    assert (1, "二、围绕经济社会发展新格局对技能人才需求，努力构建现代职业教育体系") in headings(text)


def tables(text: str):
    return [block for block in parsed(text).blocks if block.kind == "table"]


def test_tab_rows_become_a_table_with_a_caption_and_one_column_count():
    text = "具体参数见表 1-1。\n\n表 1-1 基本办学条件表\n\n项 目\t单 位\t数 据\n校园总面积\t平方米\t639169.5\n\n生均用地面积\t平方米\t29.91\t\n"
    [table] = tables(text)
    assert table.caption == "表1-1 基本办学条件表"
    assert table.rows == [["项目", "单位", "数据"], ["校园总面积", "平方米", "639169.5"], ["生均用地面积", "平方米", "29.91"]]


def test_header_cells_split_over_two_lines_are_combined():
    text = "项目\t等级\t获奖情况\t\t\n\t\t一等奖\t二等奖\t三等奖\n云南省职业技能大赛\t省级\t11\t22\t29\n"
    [table] = tables(text)
    assert table.rows[0] == ["项目", "等级", "获奖情况：一等奖", "获奖情况：二等奖", "获奖情况：三等奖"]
    assert table.rows[1] == ["云南省职业技能大赛", "省级", "11", "22", "29"]


def test_a_row_split_across_lines_is_rejoined_and_rules_are_dropped():
    text = ("序号\t考试名称\t考试日期\n1\t2020 年全国医师资格考\n试\t8 月 21 日\n2\t公务员考试\t8 月 21 日\n"
            "-----\t-----\t-----\n")
    document = parsed(text)
    [table] = [block for block in document.blocks if block.kind == "table"]
    assert table.rows == [["序号", "考试名称", "考试日期"], ["1", "2020年全国医师资格考试", "8月21日"], ["2", "公务员考试", "8月21日"]]
    assert [removed.reason for removed in document.removed] == ["separator"]


def test_rule_rows_alone_make_no_table_and_a_lone_colon_is_text():
    document = parsed("表 1 情况\n\n-\t-\n\n正文。")
    assert [(block.kind, block.text) for block in document.blocks] == [("paragraph", "表1情况"), ("paragraph", "正文。")]
    assert [(removed.reason, removed.line) for removed in document.removed] == [("separator", 3)]
    [table] = parsed("甲\t乙\n:--\t--:\n:\t:").blocks
    assert table.rows == [["甲", "乙"], [":", ":"]]


TOC = """前 言

为总结一年工作，发布本报告。

目录

前言\t3
1、基本情况\t6
1.1 结构和规模\t6
附件一 :曲靖市人民政府关于推行终身职业技能培训制度的实施意见\t
-----\t35

1、基本情况

1.1 结构和规模

正文在此。
"""


def test_table_of_contents_is_dropped_and_reported_never_headings():
    document = parsed(TOC)
    assert [(block.level, block.text) for block in document.blocks if block.kind == "heading"] == [
        (1, "前言"), (1, "1、基本情况"), (2, "1.1 结构和规模")]
    [toc] = [removed for removed in document.removed if removed.reason == "toc"]
    assert toc.line == 5 and "结构和规模\t6" in toc.text
    assert not any("\t" in block.text or block.text.endswith("3") for block in document.blocks)


def test_toc_entries_name_annexes_that_have_no_title_line():
    text = "目录\n\n前言\t1\n附件一 :职业院校统计汇总\t\n-----\t9\n\n前言\n\n正文。\n\n附件一：\n\n| 不是标题的第一行。\n"
    [annex] = parsed(text).annexes
    assert annex.part == "附件一" and annex.header["title"] == "职业院校统计汇总"


def test_numbered_lines_inside_an_article_are_its_items_not_headings():
    """A regulation's 第九条 lists its duties as （一）…；: they stay text until the next 章, and an
    item wrapped at the page width is joined again (it used to end a heading mid-word)."""
    text = ("第一章　总则\n\n"
            "　　第一条　为了规范档案工作，制定本条例。\n\n"
            "第二章　职责\n\n"
            "　　第二条　档案委员会履行下列职责：\n\n"
            "　　（一）审议本单位档案工作的实施办法；\n\n"
            "　　（二）研究处理档案利用中的争议，并向上级机关报告处理结\n"
            "果和有关情况；\n\n"
            "　　（三）其他事项。\n\n"
            "第三章　附则\n\n"
            "　　第三条　本条例自公布之日起施行。\n")
    assert headings(text) == [(1, "第一章 总则"), (1, "第二章 职责"), (1, "第三章 附则")]
    items = [line for kind, _, line in outline(text) if kind == "paragraph" and line.startswith("（")]
    assert items == ["（一）审议本单位档案工作的实施办法；",
                     "（二）研究处理档案利用中的争议，并向上级机关报告处理结果和有关情况；", "（三）其他事项。"]


def test_an_outline_without_articles_keeps_its_numbered_headings():
    text = "各有关单位：\n\n现将有关事项通知如下：\n\n一、总体要求\n\n（一）指导思想\n\n正文在此。\n"
    assert [line for _, line in headings(text)] == ["一、总体要求", "（一）指导思想"]
