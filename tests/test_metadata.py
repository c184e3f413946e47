"""metadata.extract on small inline ParsedDocuments (the structure stage's header contract)."""
from __future__ import annotations

from pathlib import PurePosixPath

from build_tools.metadata.front_matter import extract
from build_tools.model import Block, ParsedDocument, SourceText


def parsed(header: dict | None = None, paragraphs: tuple[str, ...] = (), part: str = "", annexes=()) -> ParsedDocument:
    text = "\n".join(paragraphs)
    source = SourceText(PurePosixPath("source_docs/t.txt"), text, "ab" * 32)
    blocks = [Block("paragraph", paragraph, line=number) for number, paragraph in enumerate(paragraphs, start=1)]
    return ParsedDocument(source=source, header=dict(header or {}), blocks=blocks, part=part, annexes=list(annexes))


def test_notice_header_fields():
    meta = extract(parsed({
        "banner": "姚安县教育体育局文件", "doc_number": "姚教体发（2019）8号",
        "title": "姚安县教育体育局关于开展2019年职业教育活动周的通知",
        "addressee": "各中小学校、县职业高级中学：", "signature": "姚安县教育体育局", "date": "2019年3月5日",
        "printed": "姚安县教育体育局办公室 2019年3月6日印发", "cc": "抄送：县人民政府办公室，县委宣传部。",
        "contact": "联系人及电话：张三 0878-5712345", "classification": "公开",
    }, ("为办好活动周，现将有关事项通知如下。",)))
    assert meta["doc_type"] == "通知"
    assert meta["doc_number"] == "姚教体发〔2019〕8号"
    assert meta["issuer"] == "姚安县教育体育局"
    assert (meta["date"], meta["date_precision"], meta["date_source"]) == ("2019-03-05", "day", "text")
    assert meta["region"] == ["云南省", "楚雄彝族自治州", "姚安县"] and meta["region_code"] == "532325"
    assert meta["addressee"] == "各中小学校、县职业高级中学"
    assert meta["published"] == "2019-03-06"
    assert meta["cc"] == ["县人民政府办公室", "县委宣传部"]
    assert meta["contact"] == "张三 0878-5712345"
    assert meta["disclosure"] == "公开"
    assert meta["status"] == "未知"
    assert meta["source"] == "source_docs/t.txt" and meta["sha256"] == "ab" * 32


def test_issuer_order_signature_banner_title_author():
    assert extract(parsed({"title": "曲靖市人民政府关于推行终身职业技能培训制度的实施意见"}))["issuer"] == "曲靖市人民政府"
    assert extract(parsed({"banner": "楚雄彝族自治州教育体育局文件", "title": "关于X的通知"}))["issuer"] == \
        "楚雄彝族自治州教育体育局"
    assert "issuer" not in extract(parsed({"title": "关于印发《X》的通知"}))


def test_short_author_name_is_expanded_where_the_text_introduces_it():
    meta = extract(parsed({"author": "曲靖麒麟职教集团", "title": "曲靖麒麟职教集团质量年度报告（2020）",
                           "cover_date": "2021年1月"},
                          ("2019-2020 学年，云南省曲靖麒麟职业教育集团（以下简称曲靖麒麟职教集团）以……为指引。",)))
    assert meta["issuer"] == "云南省曲靖麒麟职业教育集团"
    assert (meta["date"], meta["date_precision"]) == ("2021-01", "month")
    assert meta["doc_type"] == "报告"
    assert meta["region"] == ["云南省", "曲靖市", "麒麟区"]


def test_date_never_invented_year_from_the_number_is_marked():
    meta = extract(parsed({"doc_number": "楚教复〔2023〕27号", "title": "对州政协十一届二次会议第148号提案的答复"}))
    assert (meta["date"], meta["date_precision"], meta["date_source"]) == ("2023", "year", "doc_number")
    assert "date" not in extract(parsed({"title": "关于X的通知"}))


def test_web_page_fields_of_an_annex():
    meta = extract(parsed({
        "title": "曲靖市人民政府关于推行终身职业技能培训制度的实施意见", "web_published": "2020-06-02 09:14:01",
        "web_index_no": "职业技能培训", "web_doc_number": "曲政发[2019]24号", "web_source": "曲靖市人力资源和社会保障网",
    }, part="附件一"))
    assert meta["doc_type"] == "意见" and meta["doc_number"] == "曲政发〔2019〕24号"
    assert meta["published"] == "2020-06-02" and meta["index_no"] == "职业技能培训"
    assert meta["origin"] == "曲靖市人力资源和社会保障网" and meta["part"] == "附件一"


def test_proposal_reply_from_title_and_opening():
    meta = extract(parsed(
        {"title": "对州政协十一届二次会议第148号提案的答复", "addressee": "民建楚雄州委：", "body_start_line": "2"},
        ("民建楚雄州委：", "你们提出的《关于充分发挥职业教育在乡村振兴中作用的提案》，（第 148 号）交我们研究办理，现将答复如下：")))
    assert meta["doc_type"] == "提案答复"
    assert meta["proposal"] == {"kind": "提案", "session": "州政协十一届二次会议", "number": 148, "proposer": "民建楚雄州委",
                                "title": "关于充分发挥职业教育在乡村振兴中作用的提案"}
    assert "cites" not in meta  # the proposal answered is not a citation


def test_untitled_reply_is_recognised_from_its_opening():
    meta = extract(parsed({"addressee": "尊敬的市政协教科卫体和文化文史学习委员会委员"},
                          ("你们提出的“关于加快我市职业教育发展”的提案，已交由我们研究办理，现答复如下：",)))
    assert "title" not in meta and meta["doc_type"] == "提案答复"
    assert meta["proposal"] == {"kind": "提案", "proposer": "市政协教科卫体和文化文史学习委员会",
                                "title": "关于加快我市职业教育发展"}  # “…”的提案
    assert meta["addressee"] == "市政协教科卫体和文化文史学习委员会委员"


def test_reply_to_a_deputys_suggestion_is_a_proposal_reply():
    """人大代表 make 建议: the reply names the kind, session and number in its title."""
    meta = extract(parsed({"title": "云南省教育厅关于省十四届人大二次会议第0512号建议的答复", "addressee": "张明代表：",
                           "body_start_line": "2"}, ("张明代表：", "您提出的《关于加强寄宿制管理的建议》收悉，现答复如下：")))
    assert meta["doc_type"] == "提案答复"
    assert meta["proposal"] == {"kind": "建议", "session": "省十四届人大二次会议", "number": 512, "proposer": "张明",
                                "title": "关于加强寄宿制管理的建议"}


def test_cites_exclude_own_parts_and_forms():
    issued = parsed({"title": "云阳县推动职业教育高质量发展实施方案"}, part="印发")
    meta = extract(parsed({"title": "云阳县人民政府关于印发《云阳县推动职业教育高质量发展实施方案》的通知",
                           "doc_number": "云阳府发〔2022〕4号"},
                          ("《云阳县推动职业教育高质量发展实施方案》已经县政府同意。",
                           "依据《国务院关于推行终身职业技能培训制度的意见》（国发〔2018〕11号）和《学生实习情况反馈表》。"),
                          annexes=[issued]))
    assert meta["cites"] == [{"title": "国务院关于推行终身职业技能培训制度的意见", "number": "国发〔2018〕11号"}]


def test_plan_period_from_title_and_text():
    plan = extract(parsed({"title": "姚安县职业教育提质培优三年行动计划（2019—2021年）"}))
    assert (plan["doc_type"], plan["effective"], plan["expires"]) == ("计划", "2019", "2021")
    stated = extract(parsed({"title": "姚安县职业教育实施方案", "date": "2020年3月1日"},
                            ("本方案自印发之日起施行，有效期至2022年12月31日。",)))
    assert (stated["effective"], stated["expires"]) == ("2020-03-01", "2022-12-31")
    report = extract(parsed({"title": "质量年度报告（2019—2020学年）"}))
    assert "expires" not in report  # a report covers a period; it does not expire


def test_joint_issuers_keep_their_separating_space():
    meta = extract(parsed({"title": "关于做好职业教育工作的通知", "signature": "中共楚雄州委办公室 楚雄州人民政府办公室",
                           "date": "二〇二二年三月三十日"}))
    assert meta["issuer"] == "中共楚雄州委办公室 楚雄州人民政府办公室"
    assert meta["region"] == ["云南省", "楚雄彝族自治州"] and meta["date"] == "2022-03-30"
    national = extract(parsed({"title": "教育部 财政部关于实施中国特色高水平高职学校和专业建设计划的意见"}))
    assert (national["issuer"], national["region"]) == ("教育部 财政部", ["全国"])


def test_national_issuer():
    meta = extract(parsed({"title": "国务院关于推行终身职业技能培训制度的意见"}))
    assert meta["region"] == ["全国"] and meta["region_code"] == "100000"


def test_empty_document_gives_only_provenance():
    assert extract(parsed()) == {"status": "未知", "source": "source_docs/t.txt", "sha256": "ab" * 32}


def test_schema_page_documents_every_field():
    from pathlib import Path

    from build_tools.metadata.schema import FIELDS

    page = (Path(__file__).resolve().parents[1] / "docs" / "about" / "schema.md").read_text(encoding="utf-8")
    for field in FIELDS:
        assert f"| `{field.name}` | {field.label} |" in page, field.name


def test_contact_stated_in_the_body_when_the_footer_has_none():
    notice = ("请于3月20日前报送。", "联系人：张三，联系电话：0878-3121746；邮箱：a@b.cn。",
              "（联系人：李四、王五  电话：0874-3123456）")
    assert extract(parsed({"title": "关于X的通知"}, notice))["contact"] == \
        "张三 0878-3121746；李四、王五 0874-3123456"
    assert extract(parsed({"title": "关于X的通知"}, ("联系人及电话：赵六 3121746",)))["contact"] == "赵六 3121746"
    footer = {"title": "关于X的通知", "contact": "联系人及电话：李同国 3121746"}
    assert extract(parsed(footer, notice))["contact"] == "李同国 3121746"  # the 版记 prevails
    assert "contact" not in extract(parsed({"title": "关于X的通知"}, ("请各单位确定一名联系人。", "联系人员名单见附件。")))
