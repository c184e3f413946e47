"""Benchmark corpus generator: recombines the seeds, deterministic, varied, buildable."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from build_tools.render.convert import convert_all
from build_tools.benchmarks.corpus import _sentences, _tables, document_text, harvest, identity, make_corpus
from build_tools.project import Project
from conftest import ROOT, SEEDS

NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$", re.MULTILINE)


@pytest.fixture(scope="module")
def pools():
    return harvest(SEEDS)


def test_sentences_skip_pieces_of_lines_wrapped_mid_sentence():
    lines = ["楚雄州深入学习贯彻党的二十大精神和习近平总书记关于职业教育的重要论述，把推动职业教育高质量发展摆在更加突出的位置。统筹做好",
             "职业教育改革发展重点工作，职业学校布局更加合理，办学规模不断扩大，基础能力建设持续加强。内涵建设稳步推进，"
             "职业教育为服务地方产业发展发挥了重要的人才支撑作用。（一）指导思想。"]
    assert _sentences(lines) == [
        "内涵建设稳步推进，职业教育为服务地方产业发展发挥了重要的人才支撑作用。",
        "楚雄州深入学习贯彻党的二十大精神和习近平总书记关于职业教育的重要论述，把推动职业教育高质量发展摆在更加突出的位置。",
    ]


def test_tables_keep_their_caption_and_ignore_two_column_contents_pages():
    lines = ["目录", "前言\t3", "1.1 结构和规模\t6", "1.2 设施设备\t7", "表 1-1 基本办学条件表", "",
             "项 目\t单 位\t数 据", "校园总面积\t平方米\t639169.5", "生均用地面积\t平方米\t29.91", "说明"]
    assert _tables(lines) == [["表 1-1 基本办学条件表", "项 目\t单 位\t数 据",
                               "校园总面积\t平方米\t639169.5", "生均用地面积\t平方米\t29.91"]]


def test_harvest_finds_the_seeds_headings_tables_and_cited_topics(pools):
    # Read in the seeds: 一、推动产教融合发展助力乡村振兴 (楚教复〔2023〕27号), table 1-1 of the
    # 曲靖 report, and 《国务院关于推行终身职业技能培训制度的意见》 cited there.
    assert "推动产教融合发展助力乡村振兴" in pools.headings
    assert any(table[0] == "表 1-1 基本办学条件表" and "校园总面积\t平方米\t639169.5" in table for table in pools.tables)
    assert "推行终身职业技能培训制度" in pools.topics
    assert len(pools.sentences) > 200


def test_same_seed_same_text_other_seed_other_text(pools):
    assert document_text(pools, 7, 12) == document_text(pools, 7, 12)
    assert document_text(pools, 7, 12) != document_text(pools, 8, 12)


def test_documents_are_about_15_kb_and_recombine_seed_text(pools):
    seeds = "\n".join(seed.read_text(encoding="utf-8-sig") for seed in SEEDS)
    for index in range(0, 200, 17):
        text = document_text(pools, 1, index)
        assert 14_000 <= len(text.encode()) <= 22_000, index
        headings = re.findall(r"^[一二三四五六七八九十]+、(.+)$", text, re.MULTILINE)
        assert headings and all(heading in seeds for heading in headings), index
        rows = [line for line in text.splitlines() if line.count("\t") >= 2]
        assert all(row in seeds for row in rows), index


def test_numbers_are_unique_and_issuers_years_vary(pools):
    identities = [identity(pools, 1, index) for index in range(300)]
    numbers = [me.number for me in identities]
    assert len(set(numbers)) == 300
    assert all(NUMBER.match(number) for number in numbers)
    assert len({me.issuer for me in identities}) >= 40
    assert len({me.year for me in identities}) >= 8


def test_citations_name_earlier_documents_by_title_and_number(pools):
    numbers = {identity(pools, 1, index).number: index for index in range(120)}
    citing = {index: next(line for line in document_text(pools, 1, index).splitlines() if line.startswith("根据"))
              for index in range(120)}
    cited = [(index, number) for index, line in citing.items()
             for number in re.findall(r"（(\S+?〔\d{4}〕\d+号)）", line)]
    assert len(cited) > 50
    assert all(numbers[number] < index for index, number in cited)


def test_corpus_is_a_project_that_converts_and_passes_the_editors_check(tmp_path):
    paths = make_corpus(ROOT, 4, tmp_path / "corpus", seed=3)
    assert [path.name for path in paths] == ["gen-00000-tongzhi.txt", "gen-00001-banfa.txt",
                                             "gen-00002-dafu.txt", "gen-00003-renshe.txt"]
    assert (tmp_path / "corpus" / "mkdocs.yml").is_file() and (tmp_path / "corpus" / "docs" / "index.md").is_file()
    report = convert_all(Project(tmp_path / "corpus"))
    assert not report.errors, report.errors
    assert {str(doc.source.path) for doc in report.documents if not doc.part} == {
        f"source_docs/{path.name}" for path in paths}
    check = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(tmp_path / "corpus"), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
