"""The header contract with ``metadata``, annexes, issued documents and duplicates."""
from __future__ import annotations

from build_tools.render.convert import documents_from
from test_structure_text import parsed

REPLY = """ 公开

楚雄彝族自治州教育体育局文件
楚教复〔2023〕
31号

———————————————————————

对州政协十一届二次会议第 343号提案的
答 复

陶尚周委员：

你提出的提案交我们研究办理，现答复如下。

再次感谢你的关心和支持！

楚雄彝族自治州教育体育局

2023年 7月 30日

联系人及电话：李同国 3121746
————————————————————
抄送：州政府办公室，州政协提案委员会。

————————————————————
"""


def test_header_fields_are_raw_strings_joined_over_lines():
    header = parsed(REPLY).header
    assert header == {
        "classification": "公开",
        "banner": "楚雄彝族自治州教育体育局文件",
        "doc_number": "楚教复〔2023〕31号",
        "title": "对州政协十一届二次会议第343号提案的答复",
        "addressee": "陶尚周委员",
        "signature": "楚雄彝族自治州教育体育局",
        "date": "2023年 7月 30日",
        "contact": "李同国 3121746",
        "cc": "州政府办公室，州政协提案委员会。",
        "body_start_line": "14",
    }


def test_header_lines_are_header_and_footer_blocks_not_paragraphs():
    document = parsed(REPLY)
    roles = [(block.kind, block.role) for block in document.blocks if block.kind in {"header", "footer"}]
    assert roles == [("header", "classification"), ("header", "banner"), ("header", "doc_number"),
                     ("header", "title"), ("header", "addressee"), ("footer", "signature"), ("footer", "date"),
                     ("footer", "contact"), ("footer", "cc")]
    assert [block.text for block in document.blocks if block.kind == "paragraph"] == [
        "你提出的提案交我们研究办理，现答复如下。", "再次感谢你的关心和支持！"]
    assert [removed.reason for removed in document.removed] == ["separator"] * 3


NOTICE = """云阳府发〔2022〕4号
云阳县人民政府
关于印发《云阳县推动职业教育高质量
发展实施方案》的通知
各乡镇人民政府、街道办事处，县政府各部门，有关单位：
《云阳县推动职业教育高质量发展实施方案》已经县政府同意，现印发给你们，请认真组织实施。
云阳县人民政府
2022年3月30日

云阳县推动职业教育高质量发展的实施方案
为推动职业教育高质量发展，制定如下方案。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
云阳县人民政府办公室                    2022年3月31日印发
"""


def test_notice_and_the_document_it_issues_are_two_documents():
    notice = parsed(NOTICE)
    assert notice.header["title"] == "云阳县人民政府关于印发《云阳县推动职业教育高质量发展实施方案》的通知"
    assert notice.header["signature"] == "云阳县人民政府" and notice.header["date"] == "2022年3月30日"
    assert notice.header["printed"] == "云阳县人民政府办公室 2022年3月31日印发"
    [issued] = notice.annexes
    # The issued title has an extra 的; it still starts the issued document.
    assert issued.part == "印发" and issued.first_line == 10
    assert issued.header["title"] == "云阳县推动职业教育高质量发展的实施方案"
    assert [block.text for block in issued.blocks if block.kind == "heading"] == ["一、总体要求"]


REPORT = """
云南·曲靖

曲靖麒麟职教集团
质量年度报告

2020

曲靖麒麟职教集团

2021年1月

前 言

本报告总结一年的工作。

附件一：

曲靖市人民政府关于推行终身职业技能培 训制度的实施意见

发布时间:2020-06-02 09:14:01 索引号：职业技能培训 文号:曲政发[2019]24

号 来源：曲靖市人力资源和社会保障网

各县（市、区）人民政府：

为贯彻落实国务院文件精神，提出以下实施意见。

附件二：

曲靖市人民政府办公室关于印发曲靖市推进产教融合实施方案的通知

发布时间:2020-02-17 09:09:00 索引号： 文号： 来源：

曲靖市人民政府办公室关于印发 曲靖市推进产教融合实施方案的通知

各县（市、区）人民政府：

《曲靖市推进产教融合的实施方案》已经市人民政府同意，现印发给你们。

曲靖市人民政府办公室

2020年2月14日

曲靖市推进产教融合的实施方案

一、总体要求

本方案的正文。
"""


def test_report_cover_gives_title_author_and_date():
    header = parsed(REPORT).header
    assert header["title"] == "曲靖麒麟职教集团质量年度报告（2020）"
    assert header["author"] == "曲靖麒麟职教集团"
    assert header["cover_date"] == "2021年1月"
    assert "signature" not in header and "date" not in header


def test_annexes_have_their_own_header_and_web_metadata():
    first, second = parsed(REPORT).annexes
    assert (first.part, first.first_line) == ("附件一", 17)
    assert first.header["title"] == "曲靖市人民政府关于推行终身职业技能培训制度的实施意见"
    assert first.header["web_published"] == "2020-06-02 09:14:01"
    assert first.header["web_index_no"] == "职业技能培训"
    assert first.header["web_doc_number"] == "曲政发[2019]24号"
    assert first.header["web_source"] == "曲靖市人力资源和社会保障网"
    assert first.header["addressee"] == "各县（市、区）人民政府"
    # Empty web fields are left out.
    assert second.header["web_published"] == "2020-02-17 09:09:00"
    assert not {"web_index_no", "web_doc_number", "web_source"} & set(second.header)


def test_repeated_title_is_removed_as_a_duplicate():
    second = parsed(REPORT).annexes[1]
    assert [(removed.reason, removed.line) for removed in second.removed] == [("duplicate", 35)]
    assert [block.role for block in second.blocks if block.kind == "header"] == ["part", "title", "web_meta", "addressee"]


def test_passage_reprinted_after_a_page_break_is_reported_with_all_its_lines():
    passage = "为推动职业教育高质量发展，\n促进技能型社会建设，制定如下方案。"
    document = parsed(f"{passage}\n\n- 2 -\n\n{passage}\n")
    assert len([block for block in document.blocks if block.kind == "paragraph"]) == 1
    [removed] = [removed for removed in document.removed if removed.reason == "duplicate"]
    assert (removed.line, removed.text) == (6, passage)


def test_repeated_passage_in_the_body_is_text():
    # Issue 14: laws repeat sentences (违反前款规定，情节严重的，…); only layout repeats at a page top go.
    passage = "为推动职业教育高质量发展，促进技能型社会建设，制定如下方案。"
    document = parsed(f"{passage}\n\n{passage}\n\n一、要求\n\n{passage}\n")
    assert [block.text for block in document.blocks].count(passage) == 3
    assert not document.removed


def test_documents_from_gives_annex_and_issued_slugs_and_notes():
    documents = documents_from(parsed(REPORT), "report")
    assert [(document.slug, document.part) for document in documents] == [
        ("report", ""), ("report-fujian-1", "附件一"), ("report-fujian-2", "附件二"), ("report-fujian-2-yinfa", "印发")]
    assert documents[2].notes and ":35:" in documents[2].notes[0]
    assert documents[3].meta["title"] == "曲靖市推进产教融合的实施方案"


def test_closing_with_joint_signature_chinese_numeral_date_and_note():
    text = ("关于做好职业教育工作的通知\n各县市人民政府：\n现将有关事项通知如下。\n"
            "附件：1.职业院校名单\n"
            "中共楚雄州委办公室\n楚雄州人民政府办公室\n二〇二二年三月三十日\n（此件公开发布）\n")
    document = parsed(text)
    assert document.header["signature"] == "中共楚雄州委办公室 楚雄州人民政府办公室"
    assert document.header["date"] == "二〇二二年三月三十日"
    assert [block.role for block in document.blocks if block.kind == "footer"] == ["signature", "date", "note"]
    # An annex list (附件说明) is body text, not the start of an annex.
    assert document.annexes == []
    assert [block.text for block in document.blocks if block.kind == "paragraph"] == [
        "现将有关事项通知如下。", "附件：1.职业院校名单"]


def test_urgency_and_a_doc_number_with_other_brackets():
    header = parsed("特急\n曲靖市人民政府文件\n曲政发[2019]24号\n关于推行终身职业技能培训制度的实施意见\n正文。\n").header
    assert header["urgency"] == "特急"
    assert header["banner"] == "曲靖市人民政府文件"
    assert header["doc_number"] == "曲政发[2019]24号"
    assert header["title"] == "关于推行终身职业技能培训制度的实施意见"


def test_joint_issuers_keep_the_space_between_them_in_a_title():
    header = parsed("教育部 财政部关于实施中国特色高水平高职学校\n和专业建设计划的意见\n正文。\n").header
    assert header["title"] == "教育部 财政部关于实施中国特色高水平高职学校和专业建设计划的意见"


def test_a_text_without_header_has_no_title():
    document = parsed("为深入贯彻落实职业教育大会精神，推动职业教育高质量发展，\n现提出如下意见。\n")
    assert "title" not in document.header
    assert [block.kind for block in document.blocks] == ["paragraph"]


def test_annex_title_on_the_label_line():
    text = "关于公布名单的通知\n各学校：\n现公布名单。\n附件1：职业院校名单\n一、中职学校\n曲靖市麒麟职业技术学校。\n附件2\n职业院校联系人名单\n略。\n"
    first, second = parsed(text).annexes
    assert (first.part, first.header["title"], first.first_line) == ("附件1", "职业院校名单", 4)
    assert [block.text for block in first.blocks if block.kind == "header"] == ["附件1：", "职业院校名单"]
    assert (second.part, second.header["title"]) == ("附件2", "职业院校联系人名单")


def test_annex_mentions_in_running_text_do_not_split():
    document = parsed("附件1中的学校名单由各县市审核。\n附件：1.职业院校名单\n")
    assert document.annexes == []


def test_a_sentence_ending_in_a_colon_is_not_the_addressee():
    document = parsed("关于做好招生工作的通知\n为做好今年招生工作，现将有关事项通知如下：\n一、招生计划\n按计划招生。\n")
    assert document.header["title"] == "关于做好招生工作的通知"
    assert "addressee" not in document.header
    assert document.blocks[1].text == "为做好今年招生工作，现将有关事项通知如下："


def test_schools_and_kindergartens_are_addressees():
    document = parsed("关于做好学生资助工作的通知\n各乡（镇）中心学校，县属各中小学、幼儿园：\n现将有关事项通知如下。\n")
    assert document.header["addressee"] == "各乡（镇）中心学校，县属各中小学、幼儿园"


def test_a_first_line_ending_in_a_kind_of_document_is_not_always_a_title():
    document = parsed("根据有关规定，结合我县实际，制定本方案\n如下。\n")
    assert "title" not in document.header
    assert [block.text for block in document.blocks] == ["根据有关规定，结合我县实际，制定本方案如下。"]


def test_doc_number_with_the_signer_of_an_upward_document():
    document = parsed("楚雄州教育体育局文件\n楚教呈〔2023〕5号          签发人：张三\n关于申请专项经费的请示\n州人民政府：\n现申请经费。\n")
    assert document.header["doc_number"] == "楚教呈〔2023〕5号"
    assert document.header["signer"] == "张三"
    assert document.header["title"] == "关于申请专项经费的请示"
    assert [block.text for block in document.blocks if block.role == "doc_number"] == ["楚教呈〔2023〕5号 签发人：张三"]


def test_issued_document_and_an_unnumbered_annex_get_their_own_slugs():
    text = NOTICE.replace("云阳县人民政府办公室                    2022年3月31日印发\n", "附件\n职业院校名单\n略。\n")
    documents = documents_from(parsed(text), "notice")
    assert [(document.slug, document.part) for document in documents] == [
        ("notice", ""), ("notice-yinfa", "印发"), ("notice-fujian-1", "附件")]
