"""Front matter of every seed and annex, against values read in the raw texts (line numbers cited)."""
from __future__ import annotations

import pytest

CX27 = "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"
CX31 = "chuxiong-jiaoyu-2023-031-zhengxie-343-dafu"
CXS = "chuxiong-shi-jiaoyu-zhengxie-zhiye-jiaoyu-dafu"
QJ = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao"
YY = "yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan"


@pytest.fixture(scope="module")
def meta(pages):
    """slug → front matter as written to docs/documents/."""
    return {slug: front for slug, (front, _) in pages.items()}


def test_chuxiong_reply_148(meta):
    m = meta[CX27]
    assert m["title"] == "对州政协十一届二次会议第148号提案的答复"  # line 7, letter-spaced 答 复
    assert m["doc_type"] == "提案答复"
    assert m["doc_number"] == "楚教复〔2023〕27号"  # line 5
    assert m["issuer"] == "楚雄彝族自治州教育体育局"  # banner, line 3
    # The text has no date (lines 43-49 end with contact and cc): only the number's year.
    assert (m["date"], m["date_precision"], m["date_source"]) == ("2023", "year", "doc_number")
    assert m["region"] == ["云南省", "楚雄彝族自治州"] and m["region_code"] == "532300"
    assert m["addressee"] == "民建楚雄州委"  # line 9
    assert m["proposal"] == {"kind": "提案", "session": "州政协十一届二次会议", "number": 148, "proposer": "民建楚雄州委",
                             "title": "关于充分发挥职业教育在乡村振兴中作用的提案"}  # lines 7 and 11
    assert m["contact"] == "李同国 3121746"  # line 47
    assert m["cc"] == ["州政府办公室", "州政协提案委员会"]  # line 49
    assert {"title": "楚雄州关于推动现代职业教育高质量发展的实施方案"} in m["cites"]  # line 19
    assert m["status"] == "未知" and "published" not in m


def test_chuxiong_reply_343(meta):
    m = meta[CX31]
    assert m["disclosure"] == "公开"  # line 1
    assert m["doc_number"] == "楚教复〔2023〕31号"  # line 4
    assert m["title"] == "对州政协十一届二次会议第343号提案的答复"  # lines 8-9
    assert (m["date"], m["date_precision"], m["date_source"]) == ("2023-07-30", "day", "text")  # line 169
    assert m["addressee"] == "陶尚周委员"  # line 11
    assert m["proposal"] == {
        "kind": "提案", "session": "州政协十一届二次会议", "number": 343, "proposer": "陶尚周",
        "title": "关于把上海健康医学院等高校帮扶楚雄医药高等专科学校合作事宜纳入沪滇协作框架的提案"}  # lines 13-15
    assert m["region"] == ["云南省", "楚雄彝族自治州"]  # not 上海, which the text mentions often
    assert m["contact"] == "李同国 3121746"  # line 171


def test_untitled_city_reply_takes_its_gaps_from_the_sidecar(meta):
    m = meta[CXS]
    assert m["title"] == "对“关于加快我市职业教育发展”提案的答复" and m["note"]
    assert m["doc_type"] == "提案答复"
    assert m["region"] == ["云南省", "楚雄彝族自治州", "楚雄市"] and m["region_code"] == "532301"
    assert m["proposal"] == {"kind": "提案", "proposer": "市政协教科卫体和文化文史学习委员会",
                             "title": "关于加快我市职业教育发展"}
    # No header, number, signature or date in the text: nothing is invented.
    assert not {"issuer", "date", "doc_number", "date_precision"} & set(m)


def test_qujing_report(meta):
    m = meta[QJ]
    assert m["title"] == "曲靖麒麟职教集团质量年度报告（2020）"  # cover, lines 5-12
    assert m["doc_type"] == "报告"
    assert m["issuer"] == "云南省曲靖麒麟职业教育集团"  # line 20: …（以下简称曲靖麒麟职教集团）
    assert (m["date"], m["date_precision"]) == ("2021-01", "month")  # cover, line 16
    assert m["region"] == ["云南省", "曲靖市", "麒麟区"] and m["region_code"] == "530302"
    assert m["attachments"] == [f"{QJ}-fujian-1", f"{QJ}-fujian-2"]
    cites = m["cites"]
    assert {"title": "教育部办公厅关于开展中等职业教育质量年度报告工作的通知", "number": "教职成厅函〔2016〕2号"} in cites  # line 20
    assert {"title": "教育部等六部委关于印发《职业学校校企合作促进办法》的通知", "number": "教职成〔2018〕1号"} in cites  # line 312, [2018]
    assert {"title": "职业学校学生实习管理规定", "number": "教职成〔2016〕3号"} in cites  # line 324, （2016）
    assert "doc_number" not in m


def test_qujing_annex_one(meta):
    m = meta[f"{QJ}-fujian-1"]
    assert m["part"] == "附件一" and m["attached_to"] == QJ
    assert m["title"] == "曲靖市人民政府关于推行终身职业技能培训制度的实施意见"  # line 482, split 培 训
    assert m["doc_type"] == "意见"
    assert m["doc_number"] == "曲政发〔2019〕24号"  # lines 484-486: 曲政发[2019]24 / 号
    assert m["issuer"] == "曲靖市人民政府"
    assert (m["date"], m["date_precision"], m["date_source"]) == ("2019", "year", "doc_number")
    assert m["published"] == "2020-06-02"  # 发布时间:2020-06-02 09:14:01
    assert m["index_no"] == "职业技能培训" and m["origin"] == "曲靖市人力资源和社会保障网"
    assert m["addressee"] == "各县（市、区）人民政府，曲靖经济技术开发区管委会，市直各委、办、局"  # line 488
    assert m["region"] == ["云南省", "曲靖市"]
    assert m["cites"][:2] == [  # line 490
        {"title": "国务院关于推行终身职业技能培训制度的意见", "number": "国发〔2018〕11号"},
        {"title": "云南省人民政府关于推行终身职业技能培训制度的实施意见", "number": "云政发〔2018〕61号"}]


def test_qujing_annex_two_and_the_plan_it_issues(meta):
    notice = meta[f"{QJ}-fujian-2"]
    assert notice["title"] == "曲靖市人民政府办公室关于印发曲靖市推进产教融合实施方案的通知"  # line 640
    assert notice["doc_type"] == "通知" and notice["issuer"] == "曲靖市人民政府办公室"  # line 650
    assert (notice["date"], notice["published"]) == ("2020-02-14", "2020-02-17")  # lines 652, 642
    assert "doc_number" not in notice  # line 642: 文号： (empty)
    assert notice["attachments"] == [f"{QJ}-fujian-2-yinfa"] and notice["attached_to"] == QJ
    plan = meta[f"{QJ}-fujian-2-yinfa"]
    assert plan["title"] == "曲靖市推进产教融合的实施方案" and plan["doc_type"] == "实施方案"  # line 654
    assert (plan["issuer"], plan["date"], plan["date_source"]) == ("曲靖市人民政府办公室", "2020-02-14", "parent")
    assert plan["part"] == "印发" and plan["attached_to"] == f"{QJ}-fujian-2"
    assert {"title": "云南省人民政府办公厅关于深化产教融合的实施意见", "number": "云政办发〔2018〕60号"} in plan["cites"]  # 656-658


def test_yunyang_notice_and_plan(meta):
    m = meta[YY]
    assert m["doc_number"] == "云阳府发〔2022〕4号"  # line 2
    assert m["title"] == "云阳县人民政府关于印发《云阳县推动职业教育高质量发展实施方案》的通知"  # lines 3-5
    assert m["doc_type"] == "通知" and m["issuer"] == "云阳县人民政府"  # line 8
    assert m["addressee"] == "各乡镇人民政府、街道办事处，县政府各部门，有关单位"  # line 6
    assert (m["date"], m["published"]) == ("2022-03-30", "2022-03-31")  # lines 9 and 60
    assert m["region"] == ["重庆市", "云阳县"] and m["region_code"] == "500235"
    assert m["attachments"] == [f"{YY}-yinfa"] and "cites" not in m  # its own plan is not a citation
    plan = meta[f"{YY}-yinfa"]
    assert plan["title"] == "云阳县推动职业教育高质量发展实施方案" and plan["doc_type"] == "实施方案"  # line 11
    assert plan["region"] == ["重庆市", "云阳县"] and plan["date_source"] == "parent"
    assert {"title": "教育部重庆市人民政府关于推动重庆职业教育高质量发展促进技能型社会建设的意见",
            "number": "渝府发〔2021〕35号"} in plan["cites"]  # line 12


def test_every_page_has_provenance_and_a_valid_status(meta, project):
    import hashlib
    for slug, m in meta.items():
        raw = (project.root / m["source"]).read_bytes()
        assert m["sha256"] == hashlib.sha256(raw).hexdigest(), slug
        assert m["status"] in ("现行有效", "已修改", "已废止", "失效", "尚未生效", "未知")


def test_no_two_documents_share_a_number(meta):
    numbers = [m["doc_number"] for m in meta.values() if "doc_number" in m]
    assert len(numbers) == len(set(numbers)) == 4  # 楚教复 27 and 31, 曲政发 24, 云阳府发 4
