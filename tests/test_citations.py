"""find_citations: the stable interface the site stage uses to link citations."""
from __future__ import annotations

from build_tools.metadata.citations import Citation, cited_documents, find_citations, title_key

TEXT = ("按照《上海市嘉定区教育局 云南省楚雄州教育局扶贫协作\n协议》的要求；严格执行《教育部等六部委关于印发〈职业学校"
        "校企合作促进办法〉的通知》（教职成[2018]1号）文件规定，并参照曲政发〔2019〕24号。")


def test_spans_kinds_and_keys():
    found = find_citations(TEXT)
    assert [(c.kind, c.key) for c in found] == [
        ("title", "上海市嘉定区教育局云南省楚雄州教育局扶贫协作协议"),
        ("title", "教育部等六部委关于印发《职业学校校企合作促进办法》的通知"),
        ("number", "教职成〔2018〕1号"),
        ("number", "曲政发〔2019〕24号"),
    ]
    for citation in found:
        assert TEXT[citation.start:citation.end] == citation.raw
    assert found[2].raw == "教职成[2018]1号"


def test_citations_never_overlap_and_are_in_order():
    text = "《关于印发〈国办发〔2019〕24号文件〉的通知》和国发〔2014〕19号"
    found = find_citations(text)
    assert [c.kind for c in found] == ["title", "number"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_title_key_matches_page_titles():
    assert title_key("《云阳县推动职业教育高质量\n发展实施方案》") == "云阳县推动职业教育高质量发展实施方案"


def test_cited_documents_pairs_a_title_with_its_number_and_merges_repeats():
    text = ("根据《国务院关于推行终身职业技能培训制度的意见》（国发〔2018〕11号）精神。"
            "再次强调国发[2018]11号。另见《国家职业教育改革实施方案》。")
    assert cited_documents(text) == [
        {"title": "国务院关于推行终身职业技能培训制度的意见", "number": "国发〔2018〕11号"},
        {"title": "国家职业教育改革实施方案"},
    ]


def test_citation_is_a_plain_frozen_record():
    citation = Citation(0, 4, "title", "《甲》", "甲")
    assert citation == Citation(0, 4, "title", "《甲》", "甲") and hash(citation)
