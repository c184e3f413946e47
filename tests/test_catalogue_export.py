"""catalogue.json / catalogue.csv on inline documents: every field, both relation directions, round trip."""
from __future__ import annotations

import csv
import io
import json

from build_tools.catalogue import archive as catalogue, export
from test_catalogue import PLAN, doc

PROPOSAL = {"session": "州政协十一届二次会议", "number": 148, "title": "关于X的提案", "proposer": "民建楚雄州委"}


def archive():
    notice = doc("notice", title="关于印发《甲县职业教育实施方案》的通知", doc_number="甲府发〔2022〕4号", status="现行有效")
    plan = doc("notice-yinfa", **dict(PLAN, doc_number=None), cites=["国发〔2014〕19号"])
    reply = doc("reply", "见甲府发〔2022〕4号。", title="答复", proposal=PROPOSAL, source_url="https://example.gov.cn/a")
    return catalogue.build([notice, plan, reply])


def test_json_has_every_front_matter_field_and_relations_both_ways():
    records = {record["slug"]: record for record in json.loads(export.to_json(archive()))}
    assert list(records) == ["notice", "notice-yinfa", "reply"]
    assert records["reply"]["proposal"] == PROPOSAL and records["reply"]["source_url"] == "https://example.gov.cn/a"
    assert records["reply"]["url"] == "documents/reply/" and records["reply"]["sha256"] == "0" * 64
    assert {"type": "印发", "direction": "out", "slug": "notice-yinfa"} in records["notice"]["relations"]
    assert {"type": "印发", "direction": "in", "slug": "notice"} in records["notice-yinfa"]["relations"]
    assert {"type": "引用", "direction": "in", "slug": "reply"} in records["notice"]["relations"]
    assert records["notice-yinfa"]["cites_not_in_archive"] == ["国发〔2014〕19号"]
    assert records["notice"]["status"] == "现行有效" and records["reply"]["status"] == "未知"


def test_csv_has_one_row_per_document_and_round_trips_nested_values():
    built = archive()
    rows = list(csv.DictReader(io.StringIO(export.to_csv(built))))
    records = json.loads(export.to_json(built))
    assert [row["slug"] for row in rows] == [record["slug"] for record in records]
    reply = next(row for row in rows if row["slug"] == "reply")
    assert json.loads(reply["proposal"]) == PROPOSAL
    assert json.loads(reply["relations"]) == [{"type": "引用", "direction": "out", "slug": "notice"}]
    assert reply["doc_number"] == "" and reply["title"] == "答复"
    assert list(rows[0])[:5] == ["slug", "url", "title", "doc_type", "doc_number"]


def test_export_is_deterministic():
    assert export.files(archive()) == export.files(archive())


def test_a_record_is_found_where_it_is_whatever_the_lengths_of_the_others(monkeypatch):
    """``export.bounds`` looks for a record near its share of the file first (``NEAR``, doubled):
    a few very long records put the others far from their share, and each is still found exactly
    where a search from the start finds it; a slug not there is not found."""
    monkeypatch.setattr(export, "NEAR", 64)
    documents = [doc(f"d{i:03d}", title=f"文件{i}" + "很长的标题" * (2000 if i in (2, 3, 40) else 1)) for i in range(60)]
    built = catalogue.build(documents)
    slugs = [document.slug for document in documents]
    for part, data in enumerate((export.to_json(built).encode(), export.to_csv(built).encode())):
        end = len(data) - len(export.ENDS[part]) + len(export.SEPARATORS[part])  # where one more would start
        starts = [data.find(export.STARTS[part](slug)) + part for slug in slugs] + [end]
        for index, slug in enumerate(slugs):
            assert export.bounds(data, part, slugs, slug) == (starts[index], starts[index + 1] - len(export.SEPARATORS[part]))
        assert export.bounds(data, part, sorted(slugs + ["d0305"]), "d0305") is None
