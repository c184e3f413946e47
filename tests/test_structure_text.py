"""Character rules and paragraph reflow, on small inline examples."""
from __future__ import annotations

from pathlib import PurePosixPath

from build_tools.model import SourceText
from build_tools.structure import parse
from build_tools.text import close_up, full_width_marks, join, normalise, unspace_letters


SOURCE_PATH = "source_docs/x.txt"


def parsed(text: str):
    return parse(SourceText(PurePosixPath(SOURCE_PATH), text, "0" * 64))


def paragraphs(text: str) -> list[str]:
    return [block.lead + block.text for block in parsed(text).blocks if block.kind == "paragraph"]


def test_stray_spaces_between_chinese_and_digits_are_removed():
    assert close_up("第 148 号提案") == "第148号提案"
    assert close_up("2023 年 1 月 16 日") == "2023年1月16日"
    assert close_up("占总教师数量的 55 %") == "占总教师数量的55%"
    assert close_up("教师深入企业进行 1+X 技能培训") == "教师深入企业进行1+X技能培训"


def test_spaces_beside_chinese_punctuation_are_removed_but_not_between_words():
    assert close_up("构建起 “产业需求 — 专业设置” 的") == "构建起“产业需求—专业设置”的"
    # A space between two offices' names is meant; between two words it is the source's own.
    assert close_up("《上海市嘉定区教育局 云南省楚雄州教育局扶贫协作协议》") == "《上海市嘉定区教育局 云南省楚雄州教育局扶贫协作协议》"


def test_ascii_punctuation_between_chinese_becomes_full_width():
    assert full_width_marks("尊敬的委员:") == "尊敬的委员："
    assert normalise("统筹谋划, 协调发展;下一步") == "统筹谋划，协调发展；下一步"
    assert full_width_marks("实施方案(试行)的通知") == "实施方案（试行）的通知"
    assert full_width_marks("增长率 (%)") == "增长率 （%）"
    assert full_width_marks("（云政办发〔2018〕60号)等文件") == "（云政办发〔2018〕60号）等文件"


def test_ascii_punctuation_in_numbers_times_and_alone_is_kept():
    assert full_width_marks("生师比 1:20.8") == "生师比 1:20.8"
    assert normalise("2020-06-02 09:14:01") == "2020-06-02 09:14:01"
    assert full_width_marks("(2020)") == "(2020)"


def test_bracket_variants_and_typos_are_kept_as_text():
    assert normalise("各县<市、区>人民政府") == "各县<市、区>人民政府"
    assert normalise("各县〈市、区〉人民政府") == "各县〈市、区〉人民政府"
    assert normalise("教职成[2018]1号") == "教职成[2018]1号"
    assert normalise("比上学期减少 21 人；。专业课") == "比上学期减少21人；。专业课"


def test_letter_spaced_words_are_closed_up():
    assert unspace_letters("对州政协十一届二次会议第 148 号提案的 答 复") == "对州政协十一届二次会议第 148 号提案的 答复"
    assert unspace_letters("项 目") == "项目"
    assert unspace_letters("以鲜活案例 传递职业教育价值") == "以鲜活案例 传递职业教育价值"


def test_join_adds_a_space_only_between_latin_words():
    assert join("职业教育的培", "训，发挥") == "职业教育的培训，发挥"
    assert join("hello", "world") == "hello world"
    assert join("曲政发[2019]24", "号") == "曲政发[2019]24号"


def test_page_break_inside_a_sentence_is_joined():
    text = "楚雄州职业教育为服务地方产业发展、助力\n\n\n乡村振兴发挥了重要的人才支撑。\n"
    assert paragraphs(text) == ["楚雄州职业教育为服务地方产业发展、助力乡村振兴发挥了重要的人才支撑。"]


def test_page_number_between_pages_is_dropped_and_the_sentence_joined():
    document = parsed("职业教育为服务地方产业发展、助力\n\n- 3 -\n\n乡村振兴发挥了重要作用。\n")
    assert [block.text for block in document.blocks] == ["职业教育为服务地方产业发展、助力乡村振兴发挥了重要作用。"]
    assert [(removed.reason, removed.line) for removed in document.removed] == [("page_number", 3)]


def test_hard_wrap_without_blank_line_is_joined():
    text = "全方位推进骨干教师、校长的培\n训，发挥教师的示范引领作用。\n"
    assert paragraphs(text) == ["全方位推进骨干教师、校长的培训，发挥教师的示范引领作用。"]


def test_finished_sentences_end_paragraphs():
    assert paragraphs("第一段到此结束。\n\n第二段也结束了。\n") == ["第一段到此结束。", "第二段也结束了。"]
    assert paragraphs("一行一段。\n又一段！\n") == ["一行一段。", "又一段！"]


def test_remark_in_brackets_after_a_page_break_stays_with_its_paragraph():
    text = "增加高技能人才供给。\n\n（市人力资源社会保障局、市财政局等按照职责分工负责）\n"
    assert paragraphs(text) == ["增加高技能人才供给。（市人力资源社会保障局、市财政局等按照职责分工负责）"]


FIXED = """做好教育沪滇协作相关工作，是深入贯彻落实习近平总书记

关于深化东西部协作和对口帮扶工作重要指示精神，巩固拓展脱

贫攻坚成果，全面推进乡村振兴的重要举措。按照省委省政府、

州委州政府的安排部署，楚雄州教育体育局主要通过三个渠道推

动和落实好沪滇协作相关工作。

嘉定区教育局采取一对一的方式，加大对口帮扶力度，实现资

源共建共享，由嘉定一中等学校与我州学校结成对子。

这是一个刚好写满一整行并且以句号结束的句子，正好满。

这一行写满了二十八个字的宽度并且以句号结束正好写满了。

 这一行是新的一页开头但仍然是同一段落中间的文字还在继续。

 新段落的首行少了两个字的缩进所以它比整行短了两个字。

全面学习发达地区的先进教育理念、教育方法、教学手段和

学校管理经验。
"""


def test_fixed_width_lines_join_until_a_short_line_or_an_indented_start():
    found = paragraphs(FIXED)
    assert found[0].startswith("做好教育") and found[0].endswith("相关工作。")
    assert found[1] == "嘉定区教育局采取一对一的方式，加大对口帮扶力度，实现资源共建共享，由嘉定一中等学校与我州学校结成对子。"
    # A full line ending in 。 continues when the next line is also full width …
    assert found[2] == ("这是一个刚好写满一整行并且以句号结束的句子，正好满。这一行写满了二十八个字的宽度并且以句号结束正好写满了。"
                        "这一行是新的一页开头但仍然是同一段落中间的文字还在继续。")
    # … and a line two characters short (the lost first-line indent) starts a paragraph;
    # a paragraph's first line is already full at that width.
    assert found[3] == "新段落的首行少了两个字的缩进所以它比整行短了两个字。"
    assert found[4] == "全面学习发达地区的先进教育理念、教育方法、教学手段和学校管理经验。"
