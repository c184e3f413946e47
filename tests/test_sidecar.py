"""Sidecars: validation with file and line, normalised values, annexes addressed by part name."""
from __future__ import annotations

import datetime
from pathlib import PurePosixPath

import pytest

from build_tools.errors import SourceError
from build_tools.model import Document, SourceText
from build_tools.metadata.parts import finish
from build_tools.metadata.sidecar import load, parse

PATH = PurePosixPath("source_docs/x.yml")


def error_of(text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(text, PATH)
    assert caught.value.path == str(PATH)
    return caught.value


def test_values_are_normalised():
    sidecar = parse(
        "title: 关于X的通知\n"
        "doc_number: 教职成[2018]1号\n"
        "date: 2023-07-30\n"
        "published: 2023年8月\n"
        "retrieved: 2024\n"
        "region: 楚雄市\n"
        "status: 现行有效\n"
        "source_url: https://www.example.gov.cn/a.html\n"
        "proposal: {session: 州政协十一届二次会议, number: '148'}\n"
        "relations: [{type: 解读, target: 楚教复〔2023〕27号}]\n"
        "issuer: null\n", PATH)
    assert sidecar.entry == {
        "title": "关于X的通知", "doc_number": "教职成〔2018〕1号", "date": "2023-07-30", "published": "2023-08",
        "retrieved": "2024", "region": ["云南省", "楚雄彝族自治州", "楚雄市"], "status": "现行有效",
        "source_url": "https://www.example.gov.cn/a.html",
        "proposal": {"session": "州政协十一届二次会议", "number": 148},
        "relations": [{"type": "解读", "target": "楚教复〔2023〕27号"}], "issuer": None}
    assert sidecar.line(("status",)) == 7


def test_invalid_yaml_names_the_line():
    error = error_of("title: 甲\ndate: [2023\nregion: 云南省\n")
    # The [ of line 2 is never closed; YAML only notices on line 3.
    assert "YAML" in error.message and error.line == 2 and "到第 3 行仍未闭合" in error.message and "缩进" in error.hint


def test_tab_indentation_is_invalid_yaml_with_a_line():
    assert error_of("annexes:\n\t附件一: {title: 甲}\n").line == 2


@pytest.mark.parametrize("text, line, suggestion", [
    ("title: 甲\nisuer: 楚雄彝族自治州教育体育局\n", 2, "issuer"),
    ("发文机关: 楚雄彝族自治州教育体育局\n", 1, "issuer"),  # the Chinese label instead of the key
    ("annexes:\n  附件一:\n    dat: 2020-01-01\n", 3, "date"),
    ("proposal:\n  sesion: 州政协十一届二次会议\n", 2, "session"),
])
def test_unknown_keys_suggest_the_closest_valid_key(text, line, suggestion):
    error = error_of(text)
    assert "未知的键" in error.message and error.line == line and suggestion in error.hint


def test_slug_only_at_the_top():
    error = error_of("annexes:\n  附件一:\n    slug: abc\n")
    assert error.line == 3 and "slug" in error.message


@pytest.mark.parametrize("text, line, words", [
    ("title: 甲\ndate: 2023-13-01\n", 2, ["成文日期 date", "月份 13"]),
    ("date: 2023-02-30\n", 1, ["不是有效日期"]),
    ("date: 下个月\n", 1, ["无法识别"]),
    ("region: [云南省, 楚雄州]\n", 1, ["楚雄州", "楚雄彝族自治州"]),
    ("region: [云南省, 云阳县]\n", 1, ["不是上下级关系"]),
    ("status: 有效\n", 1, ["现行有效"]),
    ("source_url: www.example.gov.cn\n", 1, ["http"]),
    ("doc_number: 第148号\n", 1, ["发文字号"]),
    ("relations: [{type: 引申, target: x}]\n", 1, ["关系类型"]),
    ("slug: Chu Xiong\n", 1, ["小写字母"]),
])
def test_malformed_values_name_field_and_line(text, line, words):
    error = error_of(text)
    shown = f"{error.message} {error.hint}"
    assert error.line == line and all(word in shown for word in words), shown


def test_a_key_written_twice_is_an_error():
    error = error_of("date: 2023-07-30\ntitle: 甲\ndate: 2023-07-31\n")
    assert error.line == 3 and "重复" in error.message and "第 1 行" in error.message


def test_top_level_must_be_a_mapping():
    assert error_of("- title: 甲\n").line == 1


def test_empty_sidecar_is_fine():
    assert parse("# only a comment\n", PATH).entry == {}


def test_load_refuses_non_utf8(tmp_path):
    folder = tmp_path / "source_docs"
    folder.mkdir()
    (folder / "x.yml").write_bytes("issuer: 楚雄彝族自治州教育体育局\n".encode("gb18030"))
    with pytest.raises(SourceError) as caught:
        load(folder / "x.yml", tmp_path)
    assert "UTF-8" in caught.value.message and caught.value.path == "source_docs/x.yml"
    assert load(folder / "none.yml", tmp_path) is None


def documents() -> list[Document]:
    source = SourceText(PurePosixPath("source_docs/x.txt"), "", "0" * 64)
    main = Document("x", {"title": "关于印发《甲方案》的通知", "doc_type": "通知", "issuer": "云阳县人民政府",
                          "date": "2022-03-30", "date_precision": "day", "region": ["重庆市", "云阳县"],
                          "region_code": "500235"}, [], source)
    annex = Document("x-fujian-1", {"title": "乙", "part": "附件一"}, [], source, part="附件一")
    issued = Document("x-fujian-1-yinfa", {"title": "甲方案", "doc_type": "实施方案", "part": "印发"}, [], source,
                      part="印发")
    return [main, annex, issued]


def test_sidecar_applies_to_parts_and_reports_overrides():
    docs = documents()
    sidecar = parse("title: 关于印发《甲方案》的通知（修订）\nsource_url: https://a.gov.cn/x\n"
                    "annexes:\n  附件一:\n    date: 2020-01-05\n    doc_type: 函\n    annexes:\n      印发: {status: 失效}\n", PATH)
    report = finish(docs, sidecar)
    main, annex, issued = (doc.meta for doc in docs)
    assert [(o.slug, o.field, o.extracted, o.supplied, o.line) for o in report.overrides] == [
        ("x", "title", "关于印发《甲方案》的通知", "关于印发《甲方案》的通知（修订）", 1)]
    assert (annex["date"], annex["date_precision"], annex["date_source"]) == ("2020-01-05", "day", "sidecar")
    assert issued["status"] == "失效" and issued["source_url"] == "https://a.gov.cn/x"
    assert (main["attachments"], annex["attachments"]) == (["x-fujian-1"], ["x-fujian-1-yinfa"])
    assert (annex["attached_to"], issued["attached_to"]) == ("x", "x-fujian-1")
    # The issued plan takes the date of the annex that issues it (as the sidecar corrected it).
    assert (issued["date"], issued["date_source"]) == ("2020-01-05", "parent")
    # An annex is a document of its own: it takes nothing from the main document but provenance.
    assert report.missing == {"x-fujian-1": ["issuer", "region"], "x-fujian-1-yinfa": ["issuer", "region"]}


def test_null_declares_a_field_not_stated():
    docs = documents()[:1]
    report = finish(docs, parse("date: null  # 原文无日期\n", PATH))
    assert "date" not in docs[0].meta and report.declared_unknown == {"x": ["date"]} and report.missing == {}


def test_title_cannot_be_declared_unknown():
    docs = documents()[:1]
    report = finish(docs, parse("title: null\n", PATH))
    assert report.missing == {"x": ["title"]} and docs[0].meta["unverified"] == ["title"]
    assert docs[0].meta["title"] == "x（标题待核实）"  # the file name stands in on the page, marked


def test_a_part_the_document_does_not_have_is_an_error_with_line():
    with pytest.raises(SourceError) as caught:
        finish(documents(), parse("title: 甲\nannexes:\n  附件三: {title: 丙}\n", PATH))
    assert caught.value.line == 3 and "附件三" in caught.value.message and "附件一" in caught.value.hint


def test_yaml_dates_are_not_datetimes_in_front_matter():
    sidecar = parse("date: 2023-07-30\nretrieved: 2024-01-02 10:00:00\n", PATH)
    assert sidecar.entry == {"date": "2023-07-30", "retrieved": "2024-01-02"}
    assert not isinstance(sidecar.entry["date"], datetime.date)
