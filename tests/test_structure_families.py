"""Header and body rules that real sources of every family need (GB/T 9704, exports, laws, noise).

Each example is written here in the family's layout; the assertions are read off the example.
"""
from __future__ import annotations

from build_tools.render.convert import documents_from
from build_tools.metadata.front_matter import extract
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


def test_a_stacked_joint_banner_and_a_wrapped_cc_list():
    document = parsed("教　育　部\n财　政　部　文件\n\n教财〔2024〕3号\n\n教育部　财政部关于做好资助工作的通知\n\n"
                      "各省教育厅、财政厅：\n　　现就有关工作通知如下。\n\n教育部　　　　财政部\n2024年4月8日\n\n"
                      "抄送：党中央各部门，各人民团体。\n　　　全国人大常委会办公厅，全国政协办公厅。\n教育部办公厅　　2024年4月9日印发\n")
    assert document.header["banner"] == "教育部 财政部文件"
    assert document.header["doc_number"] == "教财〔2024〕3号"
    meta = extract(document)
    assert meta["cc"] == ["党中央各部门", "各人民团体", "全国人大常委会办公厅", "全国政协办公厅"]
    assert (meta["date"], meta["published"], meta["region"]) == ("2024-04-08", "2024-04-09", ["全国"])


def test_a_date_on_the_signature_line_or_after_the_last_sentence_closes_the_document():
    signed = parsed("国务院办公厅关于同意建立联席会议制度的函\n（国办函〔2022〕38号）\n人力资源社会保障部：\n"
                    "　　你部请示收悉。现函复如下：同意。\n国务院办公厅　2022年4月26日\n")
    assert (signed.header["signature"], signed.header["date"]) == ("国务院办公厅", "2022年4月26日")
    glued = parsed("瑞金市人民政府关于印发管理暂行办法的通知\n（瑞府发〔2012〕2号）\n各乡镇人民政府：\n"
                   "　　现将《瑞金市红色旅游景区管理暂行办法》印发给你们，请认真贯彻执行。二○一二年一月十九日\n")
    assert glued.header["date"] == "二○一二年一月十九日"
    assert body(glued) == [("paragraph", "现将《瑞金市红色旅游景区管理暂行办法》印发给你们，请认真贯彻执行。")]


def test_database_labels_and_an_order_give_number_issuer_date_and_effective():
    document = parsed("湖南省示范管理办法\n【法宝引证码】CLI.11.1\n【发布部门】湖南省人民政府\n【实施日期】2018.08.01\n\n"
                      "湖南省示范管理办法\n湖南省人民政府令\n第288号\n"
                      "《湖南省示范管理办法》已经2018年5月21日省人民政府第12次常务会议通过，现予公布，自2018年8月1日起施行。\n"
                      "省长　王立群\n2018年6月4日\n湖南省示范管理办法\n第一章　总则\n第一条　为了示范，制定本办法。\n")
    meta = extract(document)
    assert (meta["doc_number"], meta["issuer"]) == ("湖南省人民政府令第288号", "湖南省人民政府")
    assert (meta["date"], meta["effective"], meta["region"]) == ("2018-06-04", "2018-08-01", ["湖南省"])
    assert body(document) == [("heading", "第一章 总则"), ("paragraph", "第一条 为了示范，制定本办法。")]


def test_a_labelled_full_name_expands_the_signatures_short_name():
    document = parsed("国家发展改革委关于完善用水价格的通知\n【发布部门】国家发展和改革委员会\n【发文字号】发改价格〔2019〕1234号\n\n"
                      "各省发展改革委：\n　　现就有关事项通知如下：请执行。\n\n国家发展改革委\n2019年7月15日\n")
    meta = extract(document)
    assert (meta["issuer"], meta["doc_number"]) == ("国家发展和改革委员会", "发改价格〔2019〕1234号")


def test_a_title_printed_above_the_banner_and_again_over_two_lines_below_it():
    document = parsed("正定县教育局关于县政协九届三次会议第72号提案的答复\n正定县教育局\n正教函〔2022〕15号\n"
                      "正定县教育局关于县政协九届三次会议\n第72号提案的答复\n赵卫东委员：\n"
                      "您提出的《关于推进教师交流轮岗的提案》收悉。现答复如下：\n一、开展的工作\n已建立制度。\n"
                      "正定县教育局\n2022年7月1日\n")
    assert (document.header["banner"], document.header["doc_number"]) == ("正定县教育局", "正教函〔2022〕15号")
    assert document.header["addressee"] == "赵卫东委员"
    meta = extract(document)
    assert meta["proposal"] == {"kind": "提案", "session": "县政协九届三次会议", "number": 72, "proposer": "赵卫东",
                                "title": "关于推进教师交流轮岗的提案"}


def test_a_replys_labels_and_the_session_named_in_its_opening():
    document = parsed("办理结果：A类（所提问题已经解决）\n公开方式：主动公开\n\n酉阳县农业农村委员会\n关于《关于发展林下经济的建议》的答复\n\n"
                      "冉春梅代表：\n　　您在县十七届人大二次会议上提出的《关于发展林下经济的建议》（第0012号）收悉。现答复如下：\n"
                      "　　感谢您的支持。\n\n　　　　酉阳县农业农村委员会\n　　　　二〇二四年六月五日\n\n"
                      "　　（联系单位：县农业农村委；联系人：何静；电话：023-75551234）\n")
    assert document.header["classification"] == "主动公开"
    assert document.header["title"] == "酉阳县农业农村委员会关于《关于发展林下经济的建议》的答复"
    meta = extract(document)
    assert meta["proposal"] == {"kind": "建议", "session": "县十七届人大二次会议", "number": 12, "proposer": "冉春梅",
                                "title": "关于发展林下经济的建议"}
    assert meta["date"] == "2024-06-05"


def test_every_type_metadata_knows_ends_a_title_the_header_accepts():
    """The header finds titles by their kind word and doctypes names the type: the two lists must agree."""
    from build_tools.metadata.doctypes import _ENDINGS
    from build_tools.structure.header import is_doc_kind_end

    assert [ending for ending, _ in _ENDINGS if not is_doc_kind_end("某某关于某事的" + ending)] == []
