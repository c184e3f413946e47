"""Header and body rules that real sources of every family need (GB/T 9704, exports, laws, noise).

Each example is written here in the family's layout; the assertions are read off the example.
"""
from __future__ import annotations

from build_tools.convert import documents_from
from build_tools.metadata import extract
from test_structure_text import parsed


def body(document) -> list[tuple[str, str]]:
    return [(block.kind, block.lead + block.text) for block in document.blocks if block.kind not in {"header", "footer"}]


REPLY_WITHOUT_BANNER_WORD = """公开

云南省教育厅

滇教函〔2024〕56号

云南省教育厅关于省十四届人大二次会议
第0512号建议的答复

张明代表：
　　您提出的《关于加强农村学校寄宿制管理的建议》收悉。经认真研究，现答复如下：
　　感谢您对教育工作的关心和支持。

云南省教育厅
二〇二四年六月十日

（联系人：李华，电话：0871-65141234）
"""


def test_an_organ_line_over_the_number_is_the_banner_not_part_of_the_title():
    document = parsed(REPLY_WITHOUT_BANNER_WORD)
    assert document.header["banner"] == "云南省教育厅"
    assert document.header["doc_number"] == "滇教函〔2024〕56号"
    assert document.header["title"] == "云南省教育厅关于省十四届人大二次会议第0512号建议的答复"
    assert document.header["date"] == "二〇二四年六月十日"
    meta = extract(document)
    assert (meta["issuer"], meta["date"], meta["doc_type"]) == ("云南省教育厅", "2024-06-10", "提案答复")
    assert meta["proposal"] == {"kind": "建议", "session": "省十四届人大二次会议", "number": 512, "proposer": "张明",
                                "title": "关于加强农村学校寄宿制管理的建议"}
    assert meta["contact"] == "李华 0871-65141234"


EXPORT = """【法宝引证码】CLI.12.345678
原文链接：https://www.example.com/lar/abc.html
余姚市人民政府关于印发余姚市城市房屋拆迁管理办法的通知
余姚市人民政府关于印发余姚市城市房屋拆迁管理办法的通知
（余府发〔2012〕3号）
各乡镇人民政府、街道办事处，市政府各部门：
　　现将《余姚市城市房屋拆迁管理办法》印发给你们，请认真贯彻执行。
二○一二年一月九日
余姚市城市房屋拆迁管理办法
第一章　总则
第一条　为加强城市房屋拆迁管理，制定本办法。
第二条　本办法适用于本市城市规划区内国有土地上房屋拆迁。
"""


def test_a_database_export_loses_its_chrome_and_keeps_the_number_under_the_title():
    document = parsed(EXPORT)
    assert document.header["title"] == "余姚市人民政府关于印发余姚市城市房屋拆迁管理办法的通知"
    assert document.header["doc_number"] == "余府发〔2012〕3号"
    assert {removed.reason for removed in document.removed} >= {"export", "duplicate"}
    issued = document.annexes[0]
    assert issued.header["title"] == "余姚市城市房屋拆迁管理办法"
    assert body(issued) == [("heading", "第一章 总则"), ("paragraph", "第一条 为加强城市房屋拆迁管理，制定本办法。"),
                            ("paragraph", "第二条 本办法适用于本市城市规划区内国有土地上房屋拆迁。")]
    meta = extract(document)
    assert (meta["issuer"], meta["date"], meta["region"]) == ("余姚市人民政府", "2012-01-09", ["浙江省", "宁波市", "余姚市"])


LAW = """中华人民共和国示范法

（2001年10月27日第九届全国人民代表大会常务委员会第二十四次会议通过　根据
2018年12月29日第十三届全国人民代表大会常务委员会第七次会议第四次修正）

目　　录

第一章　总则
第二章　附则

第一章　总则

第一条　为了规范示范活动，制定本法。

第二条　违反前款规定，情节严重的，责令停止。

第三条　违反前款规定，情节严重的，责令停止。

第二章　附则

第四条　本法自2002年5月1日起施行。
"""


def test_a_law_drops_its_toc_and_keeps_chapters_articles_and_repeated_sentences():
    document = parsed(LAW)
    assert document.header["title"] == "中华人民共和国示范法"
    assert "第四次修正" in document.header["record"]
    assert body(document) == [
        ("heading", "第一章 总则"), ("paragraph", "第一条 为了规范示范活动，制定本法。"),
        ("paragraph", "第二条 违反前款规定，情节严重的，责令停止。"),
        ("paragraph", "第三条 违反前款规定，情节严重的，责令停止。"),
        ("heading", "第二章 附则"), ("paragraph", "第四条 本法自2002年5月1日起施行。")]
    meta = extract(document)
    assert (meta["doc_type"], meta["issuer"], meta["region"]) == ("法律", "全国人民代表大会常务委员会", ["全国"])
    assert (meta["date"], meta["effective"]) == ("2018-12-29", "2002-05-01")  # the latest version; 施行


def test_an_order_number_over_two_lines_is_the_document_number():
    document = parsed("中华人民共和国国务院令\n第588号\n\n示范条例\n\n第一条　为了示范，制定本条例。\n")
    assert document.header["doc_number"] == "中华人民共和国国务院令第588号"
    assert extract(document)["doc_number"] == "中华人民共和国国务院令第588号"


GB9704 = """000128
秘密★1年
特急

河南省教育厅  河南省财政厅文件

豫教财〔2023〕112号　　　　　　签发人：王  伟

河南省教育厅  河南省财政厅
关于做好2023年中等职业教育国家助学金
发放工作的通知

各省辖市、济源示范区教育局、财政局，各省直管县（市）教育局、
财政局：
　　为做好发放工作，现就有关事项通知如下：
　　一、资助对象
　　㈠全日制一、二年级在校涉农专业学生。
　　㈡其他专业家庭经济困难学生。

— 2 —

　　二、工作要求
　　各地要严格按照规定做好发放工作，确保资金及时足额发
第 3 页 共 9 页
放到受助学生手中。
3
　　附件：1．2023年中等职业教育国家助学金分配表
　　　　　2．助学金发放情况统计表

河南省教育厅　　　　　　　河南省财政厅
2023年9月5日

（此件不公开）

抄送：教育部财务司，财政部河南监管局。
河南省教育厅办公室　　　　　　　　　2023年9月6日印发
"""


def test_every_gb9704_element_lands_in_its_place():
    document = parsed(GB9704)
    header = document.header
    assert (header["copy_no"], header["classification"], header["urgency"]) == ("000128", "秘密★1年", "特急")
    assert header["title"] == "河南省教育厅 河南省财政厅关于做好2023年中等职业教育国家助学金发放工作的通知"
    assert header["addressee"] == "各省辖市、济源示范区教育局、财政局，各省直管县（市）教育局、财政局"
    assert header["signer"] == "王 伟" or header["signer"].replace(" ", "") == "王伟"
    assert body(document) == [
        ("paragraph", "为做好发放工作，现就有关事项通知如下："),
        ("heading", "一、资助对象"),
        ("paragraph", "㈠全日制一、二年级在校涉农专业学生。"), ("paragraph", "㈡其他专业家庭经济困难学生。"),
        ("heading", "二、工作要求"),
        ("paragraph", "各地要严格按照规定做好发放工作，确保资金及时足额发放到受助学生手中。"),
        ("paragraph", "附件：1．2023年中等职业教育国家助学金分配表"), ("paragraph", "2．助学金发放情况统计表")]
    assert sorted(removed.text.strip() for removed in document.removed if removed.reason == "page_number") == \
        ["3", "— 2 —", "第 3 页 共 9 页"]
    meta = extract(document)
    assert (meta["issuer"], meta["date"], meta["published"]) == ("河南省教育厅 河南省财政厅", "2023-09-05", "2023-09-06")
    assert meta["region"] == ["河南省"]


def test_a_ministry_named_after_a_county_is_national():
    """人力资源社会保障部 contains 资源 (资源县): only a place an organ's name starts with is its seat."""
    document = parsed("人力资源社会保障部 财政部关于印发《职业技能提升行动方案（2019—2021年）》的通知\n\n"
                      "各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n\n人力资源社会保障部　　财政部\n2019年5月18日\n\n"
                      "职业技能提升行动方案（2019—2021年）\n\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n")
    documents = documents_from(document, "x")
    assert documents[0].meta["region"] == ["全国"]
    assert documents[1].meta["title"] == "职业技能提升行动方案（2019—2021年）"
