"""Sidecar values merged into extracted metadata (``parts.apply``)."""
from __future__ import annotations

from build_tools.render.convert import convert_all
from conftest import read_page
from projects import make_project

NOTICE = ("测试县教育局文件\n\n测教发〔2024〕3号\n\n关于做好春季开学工作的通知\n\n各学校：\n\n"
          "现就春季开学工作通知如下。请认真落实。\n\n测试县教育局\n\n2024年3月5日\n")


def test_a_sidecar_repeating_the_text_keeps_the_text_as_source(tmp_path):
    project = make_project(tmp_path / "p", {"n.txt": NOTICE, "n.yml": "date: '2024-03-05'\n"})
    convert_all(project)
    meta, _ = read_page(project.documents / "n.md")
    assert meta["date"] == "2024-03-05"
    assert meta["date_source"] == "text"


def test_a_sidecar_correcting_the_text_is_the_source(tmp_path):
    project = make_project(tmp_path / "p", {"n.txt": NOTICE, "n.yml": "date: '2024-03-06'\n"})
    convert_all(project)
    meta, _ = read_page(project.documents / "n.md")
    assert (meta["date"], meta["date_source"]) == ("2024-03-06", "sidecar")
