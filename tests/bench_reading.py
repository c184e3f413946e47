"""Speed of reading originals: a 100-page Word file and a 30-page PDF (figures, not a test).

Run: ``.venv/bin/python tests/bench_reading.py`` (needs LibreOffice for the PDF). The documents are
made from the seeds' own paragraphs and tables, repeated to length; times are the best of three,
with the extraction cache off (a first conversion), and for the whole conversion of the source
(read, structure, metadata) as a build sees it.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from build_tools.render.convert import convert_source
from formats import docx_from_text, to_pdf  # noqa: E402
from projects import ROOT, make_project  # noqa: E402

SEED = (ROOT / "source_docs" / "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao.txt").read_text(encoding="utf-8")
BODY = SEED.split("\n前言\n", 1)[-1]  # the report's body: headings, paragraphs, tables


def cut(text: str, share: float) -> str:
    """The first ``share`` of a text, ending at a line end."""
    return text[:text.index("\n", int(len(text) * share))]


def best(function, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def pages(docx: Path, folder: Path) -> int:
    return len(pdfium.PdfDocument(str(to_pdf(docx, folder))))


def measure(project, path: Path, label: str, count: int) -> None:
    from build_tools import reading

    cache = project.root / ".cache"

    def cold_read():
        if cache.exists():
            import shutil
            shutil.rmtree(cache)
        reading.read(path, project.root)

    def convert():
        if cache.exists():
            import shutil
            shutil.rmtree(cache)
        convert_source(path, project)

    print(f"{label}: {count} pages, {path.stat().st_size / 1e6:.1f} MB — read {best(cold_read):.2f} s, "
          f"read + structure + metadata {best(convert):.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="formats-bench-") as folder:
        work = Path(folder)
        project = make_project(work / "project", {})
        word = docx_from_text("\n".join([SEED, cut(BODY, 0.45)]), project.sources / "word.docx")
        word_pages = pages(word, work)
        pdf_source = docx_from_text(cut(SEED, 0.43), work / "pdf.docx")
        pdf = to_pdf(pdf_source, project.sources)
        measure(project, word, "Word (.docx)", word_pages)
        measure(project, pdf, "PDF", len(pdfium.PdfDocument(str(pdf))))


if __name__ == "__main__":
    main()
