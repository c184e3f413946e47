"""Word files: what the file's own structure carries reaches the page (issue 15).

The fixture (``formats.feature_docx``) is written here with python-docx:
a letter-spaced title, Word's automatic Chinese numbering, a page break
inside a paragraph, a line break, and a table with cells merged across
columns and rows.
"""
from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

import pytest

from build_tools import reading, structure
from build_tools.errors import SourceError
from build_tools.reading import docx as docx_reader
from build_tools.reading.numbering import chinese
from formats import add_table, docx_from_text, feature_docx, new_document


@pytest.fixture(scope="module")
def feature(tmp_path_factory) -> Path:
    return feature_docx(tmp_path_factory.mktemp("docx") / "notice.docx")


def lines_of(path: Path) -> list[str]:
    return docx_reader.read(path.read_bytes(), PurePosixPath("source_docs/x.docx")).text.split("\n")


def test_automatic_numbers_are_written_out_as_the_document_shows_them(feature):
    lines = lines_of(feature)
    assert [line for line in lines if line[:1] and line[0] in "一二（"] == [
        "一、总体要求", "（一）指导思想", "（二）工作目标", "（见下表）", "二、招生计划"]


def test_a_page_break_inside_a_paragraph_joins_and_a_line_break_breaks(feature):
    lines = lines_of(feature)
    assert "全面贯彻党的教育方针，坚持立德树人，推动职业教育高质量发展。" in lines
    assert lines[lines.index("招生计划如下：") + 1] == "（见下表）"


def test_merged_cells_keep_their_text_once(feature):
    lines = lines_of(feature)
    start = lines.index("学校\t获奖情况")
    assert lines[start:start + 4] == ["学校\t获奖情况", "\t一等奖\t二等奖\t三等奖", "楚雄州职教中心\t3\t5\t8",
                                      "禄丰市职业高级中学\t1\t2\t4"]


def test_the_parsed_document_has_headings_table_and_title(feature):
    parsed = structure.parse(docx_reader.read(feature.read_bytes(), PurePosixPath("source_docs/x.docx")))
    assert parsed.header["title"] == "关于做好职业教育招生工作的通知"
    assert parsed.header["doc_number"] == "楚教发〔2024〕12号"
    assert parsed.header["banner"] == "楚雄州教育体育局文件"
    headings = [(block.level, block.text) for block in parsed.blocks if block.kind == "heading"]
    assert headings == [(1, "一、总体要求"), (2, "（一）指导思想"), (2, "（二）工作目标"), (1, "二、招生计划")]
    [table] = [block for block in parsed.blocks if block.kind == "table"]
    assert table.rows[0] == ["学校", "获奖情况：一等奖", "获奖情况：二等奖", "获奖情况：三等奖"]
    assert table.rows[1:] == [["楚雄州职教中心", "3", "5", "8"], ["禄丰市职业高级中学", "1", "2", "4"]]


def test_chinese_counting_numbers():
    assert [chinese(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == \
        ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]


def test_headers_footers_and_toc_tabs(tmp_path):
    """Page headers and footers are not text; a TOC entry keeps the tab before its page number."""
    document = new_document()
    document.sections[0].header.paragraphs[0].text = "云南省教育厅文件"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph("前言\t3")
    document.add_paragraph("签发人：\t张三")
    add_table(document, [["项目", "数量"], ["学校", "12"]])
    document.save(tmp_path / "x.docx")
    assert lines_of(tmp_path / "x.docx") == ["前言\t3", "签发人：\u3000张三", "项目\t数量", "学校\t12", ""]


def test_the_source_keeps_the_original_files_hash_and_the_text_is_cached(tmp_path):
    folder = tmp_path / "source_docs"
    folder.mkdir()
    path = docx_from_text("关于做好招生工作的通知\n各县市教育局：\n请认真组织实施。", folder / "x.docx")
    first = reading.read(path, tmp_path)
    assert first.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert first.path == PurePosixPath("source_docs/x.docx") and first.encoding == "docx"
    assert list((tmp_path / ".cache" / "extract").glob("*.pickle"))
    assert reading.read(path, tmp_path) == first


def test_a_file_that_is_no_word_file_names_itself(tmp_path):
    with pytest.raises(SourceError) as raised:
        docx_reader.read(b"PK\x03\x04 not a zip", PurePosixPath("source_docs/bad.docx"))
    assert str(raised.value).startswith("source_docs/bad.docx: 无法读取 Word 文件")
    assert "另存为 .docx" in raised.value.hint

