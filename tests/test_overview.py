"""The issuers' overview, split by name past PAGE_LIMIT issuers: each issuer listed once with its
count, and a rebuild rewrites only the part of the issuer a change reaches (issue 16)."""
from __future__ import annotations

import re

from build_tools.catalogue import paging
from build_tools.render import summaries
from build_tools.render.convert import convert_all
from projects import make_project
from test_rebuild_scope import law, same_as_a_full_build, write

# Ten issuers, 测试县甲局 … 测试县癸局 (the ten heavenly stems), each with one notice; 甲局 with a second.
STEMS = "甲乙丙丁戊己庚辛壬癸"
SOURCES = {f"n{i:02d}.txt": law(i, i, issuer=f"测试县{stem}局") for i, stem in enumerate(STEMS, 1)}
SOURCES["n11.txt"] = law(11, 11, issuer="测试县甲局")


def issuer_pages(project) -> dict[str, str]:
    pages = {"browse/issuer.md": (project.browse / "issuer.md").read_text(encoding="utf-8")}
    for path in sorted((project.browse / "issuer-names").rglob("*.md")):
        pages[path.relative_to(project.docs).as_posix()] = path.read_text(encoding="utf-8")
    return pages


def listed(pages: dict[str, str]) -> dict[str, int]:
    """Issuer → the count shown beside it (a link to its page, not to a part of the overview)."""
    found = {}
    for text in pages.values():
        for name, count in re.findall(r"^- \[(测试县.局)\]\((?:\.\./)?issuer/[^)]*\)（(\d+)）$", text, re.M):
            assert name not in found, name
            found[name] = int(count)
    return found


def test_the_issuers_overview_is_split_by_name_and_lists_each_issuer_once(tmp_path, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", SOURCES)
    convert_all(project)
    pages = issuer_pages(project)
    assert len(pages) > 1
    top = pages["browse/issuer.md"]
    assert "共 10 个发文机关，按名称分页列出：" in top
    assert listed(pages) == {f"测试县{stem}局": 2 if stem == "甲" else 1 for stem in STEMS}
    # Every part is linked from the page above it, with the number of issuers it holds.
    parts = [path for path in pages if path != "browse/issuer.md"]
    assert all(re.search(rf"\]\([^)]*{re.escape(path.rsplit('/', 1)[-1])}\)（\d+）", "".join(pages.values()))
               for path in parts)


def test_an_addition_rewrites_only_the_overview_part_of_its_issuer(tmp_path, monkeypatch):
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", SOURCES)
    convert_all(project)
    before = issuer_pages(project)
    clock = [1_800_000_000]
    write(project, "n12.txt", law(12, 12, issuer="测试县丙局"), clock)
    report = convert_all(project)
    after = issuer_pages(project)
    changed = {path for path in after if before.get(path) != after[path]}
    written = {path.relative_to(project.docs).as_posix() for path in report.written}
    assert len(changed) == 1 and changed <= written
    assert "测试县丙局](../issuer/" in after[next(iter(changed))]
    assert not {path for path in written if "issuer-names" in path or path == "browse/issuer.md"} - changed
    assert listed(after)["测试县丙局"] == 2
    same_as_a_full_build(project, tmp_path / "full1", "a notice of 丙局 added")
    write(project, "n13.txt", law(13, 13, issuer="测试县子局"), clock)
    convert_all(project)
    assert listed(issuer_pages(project))["测试县子局"] == 1
    same_as_a_full_build(project, tmp_path / "full2", "a notice of a new issuer, 子局")
    (project.sources / "n13.txt").unlink()
    convert_all(project)
    assert "测试县子局" not in listed(issuer_pages(project))
    same_as_a_full_build(project, tmp_path / "full3", "the new issuer's only notice removed")
