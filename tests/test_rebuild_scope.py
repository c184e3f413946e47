"""A rebuild after a change writes what a full conversion writes, and renders only the pages it reaches.

Each step changes the sources the way an editor does (add, edit the body, edit metadata, move a
document in date, rename an issuer, add a citation, remove a document), converts incrementally, then
converts a fresh copy of the same sources from nothing: docs/ must be byte-identical (issue 16).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil

from build_tools.catalogue import browse, paging
from build_tools.render import convert, rendered, summaries
from build_tools.render.convert import convert_all
from projects import make_project


def law(number: int, day: int = 1, issuer: str = "测试县教育局", cites: str = "", extra: str = "") -> str:
    """A notice; ``cites`` a sentence citing another notice by title and number."""
    return (f"{issuer}文件\n\n测教发〔2024〕{number}号\n\n关于第{number}项工作的通知\n\n各学校：\n\n"
            f"现就第{number}项工作通知如下。{cites}请认真落实。{extra}\n\n{issuer}\n\n2024年3月{day}日\n")


def citing(number: int) -> str:
    return f"根据《关于第{number}项工作的通知》（测教发〔2024〕{number}号）要求，"


def generated(project) -> dict[str, bytes]:
    """Every generated file under docs/ (pages, browse pages, catalogue export)."""
    found = {}
    for folder in (project.documents, project.browse):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found[path.relative_to(project.docs).as_posix()] = path.read_bytes()
    for name in ("catalogue.json", "catalogue.csv"):
        found[name] = (project.docs / name).read_bytes()
    return found


def same_as_a_full_build(project, folder, what: str) -> dict[str, bytes]:
    """The generated files of a full conversion of ``project``'s sources in ``folder``, asserted
    equal to what the rebuilds left in ``project``."""
    fresh = make_project(folder, {})
    shutil.rmtree(fresh.sources)
    shutil.copytree(project.sources, fresh.sources)
    convert_all(fresh)
    incremental, full = generated(project), generated(fresh)
    assert sorted(incremental) == sorted(full), what
    assert [name for name in full if incremental[name] != full[name]] == [], what
    return full


def write(project, name: str, text: str, clock: list[int]) -> None:
    """Write a source with a modification time of its own, so the signature changes as on a real disk."""
    path = project.sources / name
    path.write_text(text, encoding="utf-8")
    clock[0] += 10
    os.utime(path, (clock[0], clock[0]))


# Notices n01…n24 dated 1…24 March: neighbours in date share related lists; n20 cites n02 and n02
# cites n30, which is not in the archive yet — pages far apart in date that still show each other.
SOURCES = {f"n{i:02d}.txt": law(i, i, cites={20: citing(2), 2: citing(30)}.get(i, "")) for i in range(1, 25)}
STEPS = [
    ("a body edit", lambda w, p: w("n03.txt", law(3, 3, extra="补充说明。"))),
    ("a notice citing one not in the archive edited: the citation moves down two lines",
     lambda w, p: w("n02.txt", law(2, 2, cites=citing(30)).replace("各学校：\n\n", "各学校：\n\n另行通知。\n\n"))),
    ("the notice n02 cites added", lambda w, p: w("n30.txt", law(30, 28))),
    ("a citation of a distant notice added", lambda w, p: w("n01.txt", law(1, 1, cites=citing(22)))),
    ("a citing notice's title and number edited", lambda w, p: w("n20.yml", "title: 关于第二十项工作的通知（修订）\ndoc_number: 测教发〔2024〕55号\n")),
    ("a cited notice's title edited", lambda w, p: w("n22.yml", "title: 关于第二十二项工作的通知（修订）\n")),
    ("a date moving a notice among its neighbours", lambda w, p: w("n12.txt", law(12, 25))),
    ("an issuer renamed", lambda w, p: w("n04.txt", law(4, 4, issuer="测试县财政局"))),
    ("validity set", lambda w, p: w("n06.yml", "status: 已废止\n")),
    ("a cited notice removed", lambda w, p: (p.sources / "n30.txt").unlink()),
    ("a relation declared", lambda w, p: w("n07.yml", "relations:\n  - type: 解读\n    target: 测教发〔2024〕18号\n")),
    ("a new source claiming a page's slug first (m sorts before n05, which is left out)",
     lambda w, p: (w("m.txt", law(40, 26)), w("m.yml", "slug: n05\n"))),
    ("the slug given back", lambda w, p: (p.sources / "m.yml").unlink()),
]


def test_each_rebuild_matches_a_full_conversion(tmp_path, monkeypatch, renders):
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    sources = SOURCES
    project = make_project(tmp_path / "p", sources)
    clock = [1_700_000_000]
    for name in sources:
        os.utime(project.sources / name, (clock[0], clock[0]))
    convert_all(project)
    for number, (what, change) in enumerate(STEPS):
        earlier = generated(project)
        change(lambda name, text: write(project, name, text, clock), project)
        renders.clear()
        convert_all(project)
        rendered = list(renders)
        full = same_as_a_full_build(project, tmp_path / f"full{number}", what)
        pages = {name.removeprefix("documents/").removesuffix(".md") for name in full
                 if name.startswith("documents/") and earlier.get(name) != full[name]}
        assert sorted(rendered) == sorted(pages), what


def test_a_body_edit_renders_that_page_only(tmp_path, monkeypatch, renders):
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": law(i, i) for i in range(1, 13)})
    convert_all(project)
    (project.sources / "n05.txt").write_text(law(5, 5, extra="补充说明。"), encoding="utf-8")
    renders.clear()
    report = convert_all(project)
    assert renders == ["n05"]
    assert [path.name for path in report.written if path.parent == project.documents] == ["n05.md"]


def test_a_body_edit_that_keeps_the_citations_writes_no_browse_page(tmp_path, monkeypatch, renders):
    """n02 cites n01 and n30 (not in the archive, so on the to-do list): a sentence added after its
    citations leaves every list as it was (issue 16: the lists cost a rebuild 0.6 s at 20,000 laws)."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    sources = {f"n{i:02d}.txt": law(i, i) for i in range(1, 6)}
    sources["n02.txt"] = law(2, 2, cites=citing(1) + citing(30))
    project = make_project(tmp_path / "p", sources)
    convert_all(project)
    missing = (project.docs / "browse/missing.md").read_text(encoding="utf-8")
    assert "测教发〔2024〕30号" in missing and "测教发〔2024〕1号" not in missing
    (project.sources / "n02.txt").write_text(law(2, 2, cites=citing(1) + citing(30), extra="补充说明。"), encoding="utf-8")
    lists = []
    for name in ("missing_pages", "in_force_pages"):
        original = getattr(browse, name)
        monkeypatch.setattr(browse, name, lambda *args, name=name, original=original: lists.append(name) or original(*args))
    renders.clear()
    report = convert_all(project)
    assert (renders, lists) == (["n02"], [])
    assert browse_written(project, report) == set()
    same_as_a_full_build(project, tmp_path / "full", "a sentence added after the citations")


def on(number: int, year: int, month: int, day: int) -> str:
    return law(number, day).replace("2024年3月", f"{year}年{month}月")


# 40 notices over four years, ten a year in three months: with lists of at most four documents a
# page, every list is split by year and each year by month (paging).
SPREAD = {f"n{i:02d}.txt": on(i, 2020 + i % 4, 1 + i % 12, 1 + i % 28) for i in range(1, 41)}
DATED_STEPS = [
    ("a notice added to June 2021 (three there already)", lambda w, p: w("n50.txt", on(50, 2021, 6, 15))),
    ("a fifth in June 2021: the month is split by day", lambda w, p: w("n51.txt", on(51, 2021, 6, 16))),
    ("a notice moved from 2021 to 2023", lambda w, p: w("n05.txt", on(5, 2023, 12, 1))),
    ("the June notice removed", lambda w, p: (p.sources / "n51.txt").unlink()),
    # The parts of 2020…2023 become parts of the new part 2020s, split as they were (kept, not split again).
    ("a notice of 2019: the lists are split by decade", lambda w, p: w("n52.txt", on(52, 2019, 6, 1))),
    ("the notice of 2019 removed: by year again", lambda w, p: (p.sources / "n52.txt").unlink()),
]


def browse_written(project, report) -> set[str]:
    return {path.relative_to(project.docs).as_posix() for path in report.written
            if path.is_relative_to(project.browse)}


def test_an_added_notice_rewrites_only_the_browse_pages_of_its_date(tmp_path, monkeypatch, renders):
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", SPREAD)
    convert_all(project)
    browse_pages = sorted(path.relative_to(project.docs).as_posix() for path in project.browse.rglob("*.md"))
    assert "browse/year/2021/2021-06.md" in browse_pages and "browse/type/tong-zhi/2022.md" in browse_pages
    clock = [1_800_000_000]
    for number, (what, change) in enumerate(DATED_STEPS):
        change(lambda name, text: write(project, name, text, clock), project)
        report = convert_all(project)
        full = same_as_a_full_build(project, tmp_path / f"full{number}", what)
        if number == 0:
            parts = {path for path in browse_written(project, report) if path.count("/") == 3}
            # Its region's, issuer's and type's parts of 2021 and of June 2021, its year's June; no other part.
            assert parts == {f"browse/{list}/{part}.md" for list in ("region/quan-guo", "issuer/ce-shi-xian-jiao-yu-ju",
                                                                     "type/tong-zhi") for part in ("2021", "2021-06")} | \
                {"browse/year/2021/2021-06.md"}, what
        if number == 1:
            assert "browse/year/2021/2021-06-16.md" in full, what


def test_a_new_citation_of_a_missing_notice_rewrites_only_its_part_of_the_to_do_list(tmp_path, monkeypatch):
    """The to-do list of cited notices not in the archive, split by the names' first characters."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": law(i, i, cites=citing(100 + i)) for i in range(1, 13)})
    convert_all(project)
    # 《关于第101…109项…》 and 《关于第110…112项…》 differ at their sixth character (0 and 1: its last bit).
    top = (project.docs / "browse/missing.md").read_text(encoding="utf-8")
    found = re.search(r"- \[《关于第110项工作的通知》（测教发〔2024〕110号） — 《关于第112项[^]]*\]\((missing/[0-9a-f-]+\.md)\)（3）", top)
    eleven = "browse/" + found.group(1)
    clock = [1_800_000_000]
    write(project, "n13.txt", law(13, 13, cites=citing(113)), clock)
    report = convert_all(project)
    assert {path for path in browse_written(project, report) if "missing" in path} == {"browse/missing.md", eleven}
    full = same_as_a_full_build(project, tmp_path / "full", "a cited name added to the to-do list")
    assert "测教发〔2024〕113号" in full[eleven].decode()


# n01…n12 cite 101…112, not in the archive: four names a page, 《…第101…109项…》 are a part split
# in three at their seventh character (101…103, 104…107, 108…109), 《…第110…112项…》 a part.
MISSING_STEPS = [
    ("a fourth name in the part 110…112: its last name, so its label, changes", 5,
     lambda w, p: w("n13.txt", law(13, 13, cites=citing(113)))),
    ("a fifth: the part is split", 7, lambda w, p: w("n14.txt", law(14, 14, cites=citing(114)))),
    ("the fifth name gone: the part merges back", 5, lambda w, p: (p.sources / "n14.txt").unlink()),
    ("a name before 101: the first name of a part and of the part above it changes", 5,
     lambda w, p: w("n15.txt", law(15, 15, cites=citing(100)))),
    ("a number cited alone, of another first character: the list is split at the first character", 7,
     lambda w, p: w("n16.txt", law(16, 16, cites="依据测教发〔2024〕200号文件，"))),
    ("the number gone: split as before", 5, lambda w, p: (p.sources / "n16.txt").unlink()),
    ("a notice citing nothing: the to-do list as it was", 5, lambda w, p: w("n17.txt", law(17, 17))),
]


def test_each_change_to_the_to_do_list_rewrites_what_a_full_conversion_writes(tmp_path, monkeypatch):
    """A rebuild splits again only the parts of the to-do list a changed name reaches: a part that grows
    past the limit, shrinks back, or whose first or last name changes, and the pages listing it."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": law(i, i, cites=citing(100 + i)) for i in range(1, 13)})
    convert_all(project)
    assert len(list((project.browse / "missing").glob("*.md"))) == 5
    clock = [1_800_000_000]
    for number, (what, parts, change) in enumerate(MISSING_STEPS):
        change(lambda name, text: write(project, name, text, clock), project)
        convert_all(project)
        full = same_as_a_full_build(project, tmp_path / f"full{number}", what)
        assert len([name for name in full if name.startswith("browse/missing/")]) == parts, what


def unsigned(number: int, day: int) -> str:
    """A notice naming no issuer: issuer and region to verify (待核实)."""
    return law(number, day).replace("测试县教育局文件\n\n", "").replace("\n\n测试县教育局\n\n", "\n\n")


# u01…u12 name no issuer: with four a page the 待核实 list is split by source file (issue 16: one page
# of every such document, 444 kB at 20,000 laws, was rendered again by each addition of one).
UNVERIFIED_STEPS = [
    ("another unsigned notice added", lambda w, p: w("u13.txt", unsigned(13, 13))),
    ("an issuer supplied for u05: it leaves the list", lambda w, p: w("u05.yml", "issuer: 测试县教育局\nregion: [测试省, 测试市, 测试县]\n")),
    ("u13 removed", lambda w, p: (p.sources / "u13.txt").unlink()),
    ("a signed notice edited to name no issuer", lambda w, p: w("n02.txt", unsigned(2, 2))),
]


def test_each_change_to_the_unverified_list_rewrites_what_a_full_conversion_writes(tmp_path, monkeypatch):
    """The 待核实 list is split by the names of the source files, and a rebuild writes the parts of
    the files that changed: the same pages as a full conversion, and of the list only those parts."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    project = make_project(tmp_path / "p", {"n02.txt": law(2, 2), **{f"u{i:02d}.txt": unsigned(i, i) for i in range(1, 13)}})
    convert_all(project)
    parts = {path.name: path.read_text(encoding="utf-8") for path in (project.browse / "unverified").glob("*.md")}
    assert len(parts) > 1 and all(page.count("\n| [") <= 4 for page in parts.values())
    assert sorted(re.findall(r"source\\_docs/(u\d+)\.txt \|", "".join(parts.values()))) == [f"u{i:02d}" for i in range(1, 13)]
    clock = [1_800_000_000]
    for number, (what, change) in enumerate(UNVERIFIED_STEPS):
        before = {path: path.read_bytes() for path in project.browse.rglob("*.md") if "unverified" in path.as_posix()}
        change(lambda name, text: write(project, name, text, clock), project)
        report = convert_all(project)
        full = same_as_a_full_build(project, tmp_path / f"full{number}", what)
        changed = {name for name in full if "unverified" in name and before.get(project.docs / name) != full[name]}
        assert {path for path in browse_written(project, report) if "unverified" in path} == changed, what
        assert len(changed) < len([name for name in full if name.startswith("browse/unverified")]), what


def test_an_edit_no_other_page_sees_is_rebuilt_without_the_catalogue(tmp_path, monkeypatch, renders):
    """n02 cites n01 and n30 (not in the archive): body edits of both keep what other pages show of
    them, so the rebuild reads neither the whole index nor builds the catalogue (``quick``), and still
    writes what a full conversion writes (the edited page's card and export record show the new hash).
    A title edit, or a kept context gone, takes the whole way again."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    sources = {f"n{i:02d}.txt": law(i, i) for i in range(1, 8)}
    sources["n02.txt"] = law(2, 2, cites=citing(1) + citing(30))
    project = make_project(tmp_path / "p", sources)
    convert_all(project)
    whole = []
    for module, name in ((summaries, "load"), (convert.catalogue, "build")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, name=name, original=original: whole.append(name) or original(*args))
    clock = [1_800_000_000]
    for extra in ("补充说明。", "再次补充说明。"):  # the second edit of a page finds the context the first left
        write(project, "n01.txt", law(1, 1, extra=extra), clock)
        write(project, "n02.txt", law(2, 2, cites=citing(1) + citing(30), extra=extra), clock)
        renders.clear()
        report = convert_all(project)
        assert (sorted(renders), whole) == (["n01", "n02"], []), extra
        assert {path.name for path in report.written} == {"n01.md", "n02.md", "catalogue.json", "catalogue.csv"}
    full = same_as_a_full_build(project, tmp_path / "full1", "two body edits")
    digest = hashlib.sha256((project.sources / "n01.txt").read_bytes()).hexdigest()
    assert digest in full["documents/n01.md"].decode() and digest in full["catalogue.csv"].decode()
    write(project, "n03.yml", "title: 关于第三项工作的通知（修订）\n", clock)
    whole.clear()
    convert_all(project)
    assert whole == ["load", "build"]
    same_as_a_full_build(project, tmp_path / "full2", "a title edited")
    shutil.rmtree(project.root / ".cache" / "page-contexts")
    write(project, "n04.txt", law(4, 4, extra="补充说明。"), clock)
    whole.clear()
    convert_all(project)
    assert whole == ["load", "build"]
    same_as_a_full_build(project, tmp_path / "full3", "a body edit whose page's context is not kept")


def test_a_context_kept_as_it_was_is_not_written_again(tmp_path, monkeypatch, renders):
    """Most pages a rebuild renders again keep their context: writing and renaming each again cost
    half a millisecond in a folder of 20,000. With the ledger and the digests gone every page is
    rendered again, and no context is written; a title edit writes the contexts it changes."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": law(i, i) for i in range(1, 6)})
    convert_all(project)
    kept = project.root / ".cache" / "page-contexts"

    def inodes() -> dict[str, int]:
        return {path.stem: path.stat().st_ino for path in sorted(kept.glob("*.pickle"))}

    before = inodes()
    summaries.ledger_path(project.cache).unlink()
    rendered.manifest_path(project.cache).unlink()
    renders.clear()
    convert_all(project)
    assert (sorted(renders), inodes()) == (sorted(before), before)
    write(project, "n05.yml", "title: 关于第五项工作的通知（修订）\n", [1_900_000_000])
    convert_all(project)
    assert "n05" in renders and {slug for slug, inode in inodes().items() if inode != before[slug]} >= {"n05"}
    same_as_a_full_build(project, tmp_path / "full", "a title edited after every page was rendered again")


def test_a_quick_rebuild_gives_way_to_the_whole_one_when_its_inputs_are_not_as_left(tmp_path, monkeypatch):
    """A body edit goes the whole way, and still ends as a full conversion does, when the export was
    changed by hand since the last build, the ledger is unreadable, or the edit breaks the source."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": law(i, i, cites=citing(i - 1) if i > 1 else "")
                                            for i in range(1, 7)})
    convert_all(project)
    clock, whole = [1_800_000_000], []
    original = convert.catalogue.build
    monkeypatch.setattr(convert.catalogue, "build", lambda *args: whole.append(1) or original(*args))

    def edited(number: int, what: str) -> None:
        write(project, f"n{number:02d}.txt", law(number, number, cites=citing(number - 1), extra=f"说明{len(whole)}。"), clock)
        whole.clear()
        report = convert_all(project)
        assert whole == [1] and report.errors == [], what
        same_as_a_full_build(project, tmp_path / f"full{number}", what)

    csv = project.docs / "catalogue.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",n03,", ",n03-hand-edited,"), encoding="utf-8")
    json = project.docs / "catalogue.json"
    json.write_text(json.read_text(encoding="utf-8").replace('"slug":"n03"', '"slug":"n03-x"'), encoding="utf-8")
    edited(3, "the export edited by hand")
    summaries.ledger_path(project.cache).write_bytes(b"not a pickle")
    edited(4, "an unreadable ledger")
    (project.sources / "n05.txt").write_bytes(b"\xff\xfe\x00\xd8")
    whole.clear()
    report = convert_all(project)
    assert [error.path for error in report.errors] == ["source_docs/n05.txt"] and whole == [1]
    assert not (project.documents / "n05.md").exists() and (project.documents / "n06.md").exists()
