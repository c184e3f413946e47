"""PDFs: the page layout goes, the text, tables and paragraphs stay (issue 15).

The PDFs are rendered by LibreOffice from Word files written here, with a
running header and a ``— N —`` page number on every page, paragraphs that
run over page breaks, a red rule under the document number and a ruled
table with merged cells.
"""
from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

import pypdfium2 as pdfium
import pytest

from build_tools import structure
from build_tools.errors import SourceError
from build_tools.reading import pdf
from formats import SOFFICE, docx_from_text, feature_docx, to_pdf

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; `make test` installs "
                                                        "Debian's libreoffice-writer-nogui")

LONG_PARAGRAPH = ("各地要把职业教育摆在更加突出的位置，完善政策措施，加大经费投入，改善办学条件，"
                  "提高教师待遇，健全质量保障体系，推动职业教育与产业发展同步规划、同步实施、同步发展，") * 4 + "确保各项任务落到实处。"
REPORT = "\n".join(["楚雄州职业教育发展报告", ""] + [
    line for n, heading in enumerate(["一、总体情况", "二、主要做法", "三、存在问题", "四、下一步工作"], 1)
    for line in (heading, f"第{n}部分开头。" + LONG_PARAGRAPH, LONG_PARAGRAPH, "")])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    feature = feature_docx(folder / "feature.docx")
    report = docx_from_text(REPORT, folder / "report.docx", header="楚雄州教育体育局")
    to_pdf(feature, folder, report)
    return {"feature": folder / "feature.pdf", "report": folder / "report.pdf"}


def text_of(path: Path) -> str:
    return pdf.read(path.read_bytes(), PurePosixPath(f"source_docs/{path.name}")).text


def test_running_headers_and_page_numbers_are_dropped(rendered):
    text = text_of(rendered["report"])
    assert len(pdfium.PdfDocument(str(rendered["report"]))) >= 3
    assert "楚雄州教育体育局" not in text
    assert "—" not in text


def test_paragraphs_are_whole_across_lines_and_pages(rendered):
    lines = text_of(rendered["report"]).split("\n")
    for n in range(1, 5):
        assert f"第{n}部分开头。" + LONG_PARAGRAPH in lines
    assert lines.count(LONG_PARAGRAPH) == 4
    assert [line for line in lines if line.endswith(("情况", "做法", "问题", "工作"))] == \
        ["一、总体情况", "二、主要做法", "三、存在问题", "四、下一步工作"]


def test_numbering_table_and_rule_of_a_word_notice(rendered):
    lines = text_of(rendered["feature"]).split("\n")
    start = lines.index("学校\t获奖情况")
    assert lines[start:start + 4] == ["学校\t获奖情况", "\t一等奖\t二等奖\t三等奖", "楚雄州职教中心\t3\t5\t8",
                                      "禄丰市职业高级中学\t1\t2\t4"]
    # The red rule under the document number is layout: a paragraph break, never text.
    assert lines[:4] == ["楚雄州教育体育局文件", "楚教发〔2024〕12号", "", "关于做好职业教育招生工作的通知"]


def test_the_parsed_notice_has_its_header_headings_and_table(rendered):
    parsed = structure.parse(pdf.read(rendered["feature"].read_bytes(), PurePosixPath("source_docs/x.pdf")))
    assert (parsed.header["banner"], parsed.header["doc_number"], parsed.header["title"]) == \
        ("楚雄州教育体育局文件", "楚教发〔2024〕12号", "关于做好职业教育招生工作的通知")
    assert [block.text for block in parsed.blocks if block.kind == "heading"] == \
        ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、招生计划"]
    [table] = [block for block in parsed.blocks if block.kind == "table"]
    assert table.rows[0] == ["学校", "获奖情况：一等奖", "获奖情况：二等奖", "获奖情况：三等奖"]
    # A page break inside a sentence (the line above is not full): the text path's reflow joins it.
    assert "全面贯彻党的教育方针，坚持立德树人，推动职业教育高质量发展。" in [block.text for block in parsed.blocks]


def test_a_scan_without_text_layer_says_what_to_do():
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(SourceError) as raised:
        pdf.read(buffer.getvalue(), PurePosixPath("source_docs/scan.pdf"))
    message = str(raised.value)
    assert message.startswith("source_docs/scan.pdf: PDF 没有文字层（1 页")
    assert "OCR" in message and ".txt" in raised.value.hint


def test_a_file_that_is_no_pdf_names_itself():
    with pytest.raises(SourceError) as raised:
        pdf.read(b"%PDF-1.4 broken", PurePosixPath("source_docs/broken.pdf"))
    assert str(raised.value).startswith("source_docs/broken.pdf: 无法打开 PDF")
