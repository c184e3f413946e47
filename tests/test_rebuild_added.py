"""A rebuild after sources are only added writes what a full conversion writes (issue 16).

An addition by an issuer, in a year, type and region the archive already has is applied to what the
last build kept (``build_tools.render.added``), without building the catalogue of the whole archive;
one that reaches further (a new facet, a proposal, a citation key or slug already in use, a failing
source) takes the whole way. Either way docs/ must be byte-identical to a fresh conversion of the same
sources, exactly the pages whose bytes change are rendered, and later rebuilds stay right.
"""
from __future__ import annotations

import csv
import io
import json
import os
import pickle
import time
from importlib.util import find_spec

import pytest

from build_tools import forked
from build_tools.catalogue import archive, paging, relations, stand_ins
from build_tools.catalogue.cards import CITING_SHOWN
from build_tools.mkdocs_glue import hooks
from build_tools.render import incremental, rendered, summaries, writer
from build_tools.project import Project
from build_tools.render.convert import convert_all
from projects import make_project
from test_rebuild_scope import citing, generated, law, same_as_a_full_build, unsigned, write

# Without the fast way's module (a checkout before it), additions take the whole way: the tests
# asserting the way are skipped (``fast_way``), the byte comparisons hold either way.
FAST = find_spec("build_tools.render.added") is not None

# Twelve notices by one issuer, on the even days of March 2024: n20 cites n02 (a relation in the
# export), n10 cites number 30, not in the archive (on the to-do list).
BASE = {f"n{i:02d}.txt": law(i, i, cites={20: citing(2), 10: citing(30)}.get(i, "")) for i in range(2, 25, 2)}
# The same notices each citing a notice not in the archive (102, 104 … 124): with PAGE_LIMIT 4 the
# to-do list is split into parts.
CITING_MISSING = {f"n{i:02d}.txt": law(i, i, cites=citing(100 + i)) for i in range(2, 25, 2)}


def reply(number: int, day: int) -> str:
    """A reply to a CPPCC proposal (doc_type 提案答复, listed under its session)."""
    return (f"测试县教育局文件\n\n测教复〔2024〕{number}号\n\n对县政协十届三次会议第{number}号提案的答复\n\n"
            f"县政协委员{number}：\n\n你们提出的《关于加强第{number}项工作的提案》（第 {number} 号）交我们研究办理，"
            f"现将答复如下：一、加强领导。\n\n测试县教育局\n\n2024年3月{day}日\n")


def annexed(number: int, day: int) -> str:
    """A notice with an annex (its own page, ``n…-fujian-1``), which names no issuer or date."""
    return law(number, day) + f"\n附件\n\n关于第{number}项工作的实施方案\n\n一、总体要求\n\n内容。\n"


def hand_edited(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def related_section(page: bytes, heading: str) -> str:
    """The list under a ``### heading`` of a page's 关联文件."""
    text = page.decode()
    assert f"### {heading}\n" in text, heading
    return text.split(f"### {heading}\n", 1)[1].split("\n###", 1)[0]


def relations_of(export: bytes, slug: str) -> list[dict]:
    return next(record for record in json.loads(export) if record["slug"] == slug).get("relations", [])


def csv_row(export: bytes, slug: str) -> dict:
    return next(row for row in csv.DictReader(io.StringIO(export.decode())) if row["slug"] == slug)


def cites_n08(full: dict, earlier: dict) -> None:
    """n08 lists its new citer under 被引用, and both records show the citation."""
    assert "被引用" not in earlier["documents/n08.md"].decode()
    assert "- [《关于第15项工作的通知》](n15.md)（测教发〔2024〕15号，2024年3月15日）" in \
        related_section(full["documents/n08.md"], "引用本文的文件（被引用）")
    assert {"type": "引用", "direction": "in", "slug": "n15"} in relations_of(full["catalogue.json"], "n08")
    assert {"type": "引用", "direction": "in", "slug": "n15"} not in relations_of(earlier["catalogue.json"], "n08")
    assert {"type": "引用", "direction": "out", "slug": "n08"} in relations_of(full["catalogue.json"], "n15")
    assert {"type": "引用", "direction": "in", "slug": "n15"} in \
        json.loads(csv_row(full["catalogue.csv"], "n08")["relations"])


def lists_117(full: dict, earlier: dict) -> None:
    """The to-do list is split into parts, and the one that shows where 117 is cited names it."""
    parts = [name for name in full if name.startswith("browse/missing/")]
    assert len(parts) > 1
    citing_pages = [name for name in parts if "(../../documents/n17.md)" in full[name].decode()]
    assert len(citing_pages) == 1
    assert "《关于第117项工作的通知》（测教发〔2024〕117号）" in full[citing_pages[0]].decode()
    assert not any("117号" in page.decode() for name, page in earlier.items() if name.startswith("browse/missing"))


# n08 cited by one notice more than its page lists (``cards.CITING_SHOWN``), on days 1–21 of March.
CITED_BY_MANY = {**BASE, **{f"m{i:02d}.txt": law(30 + i, i + 1, cites=citing(8)) for i in range(CITING_SHOWN + 1)}}


def one_more_citing_n08(full: dict, earlier: dict) -> None:
    """n08 lists the newest of its citers, n15 among them, and counts the others."""
    before, after = (related_section(files["documents/n08.md"], "引用本文的文件（被引用）") for files in (earlier, full))
    assert "……另有 1 个文件引用本文（[全文检索](../search.md?q=" in before
    assert "……另有 2 个文件引用本文（[全文检索](../search.md?q=" in after
    assert "(n15.md)" in after and after.count("\n- [") == CITING_SHOWN


def dated(*slugs: str):
    def check(full: dict, earlier: dict) -> None:
        year = full["browse/year/2024.md"].decode()
        assert all(f"(../../documents/{slug}.md)" in year for slug in slugs), slugs
    return check


# (id, what, sources of the archive before, the addition, PAGE_LIMIT or None, a check of the full
# build's files and those before: it asserts, or returns whether it holds)
TAKEN = [
    ("middle", "a notice among the others' dates", BASE,
     lambda w, p: w("n13.txt", law(13, 13)), None, dated("n13")),
    ("newest", "the newest notice", BASE, lambda w, p: w("n27.txt", law(27, 27)), None, dated("n27")),
    ("oldest", "the oldest notice", BASE, lambda w, p: w("n01.txt", law(1, 1)), None, dated("n01")),
    ("cites", "a notice citing n08 by title and number", BASE,
     lambda w, p: w("n15.txt", law(15, 15, cites=citing(8))), None, cites_n08),
    ("missing", "a notice citing one not in the archive, the to-do list split", CITING_MISSING,
     lambda w, p: w("n17.txt", law(17, 17, cites=citing(117))), 4, lists_117),
    ("cited", "a notice two pages cite while not in the archive: their links, its to-do list part gone",
     {**CITING_MISSING, "n03.txt": law(3, 3, cites=citing(117)), "n05.txt": law(5, 5, cites="依据测教发〔2024〕117号文件，")},
     lambda w, p: w("n17.txt", law(117, 17)), 4,
     lambda full, earlier: "(n17.md)" in full["documents/n03.md"].decode() and "(n17.md)" in full["documents/n05.md"].decode()
     and "117号" in b"".join(page for name, page in earlier.items() if name.startswith("browse/missing")).decode()
     and "117号" not in b"".join(page for name, page in full.items() if name.startswith("browse/missing")).decode()),
    ("unverified-split", "a sixth notice naming no issuer where the 待核实 list is split by source file",
     {**BASE, **{f"h{i:02d}.txt": unsigned(i, i) for i in range(3, 13, 2)}},
     lambda w, p: w("h13.txt", unsigned(13, 13)), 4,
     lambda full, earlier: len([name for name in full if name.startswith("browse/unverified/")]) > 1
     and [name for name, page in full.items() if name.startswith("browse/unverified/")
          and "source\\_docs/h13.txt |" in page.decode()] != []
     and "documents/h13.md" not in full["browse/unverified.md"].decode()),
    ("cited-by-many", "a notice citing n08, which more notices cite than its page lists", CITED_BY_MANY,
     lambda w, p: w("n15.txt", law(15, 15, cites=citing(8))), None, one_more_citing_n08),
    ("two", "two notices at once", BASE,
     lambda w, p: (w("n13.txt", law(13, 13)), w("n21.txt", law(21, 21, cites=citing(4)))), None, dated("n13", "n21")),
]

# Additions the fast way gives way on (a new facet, a proposal, a citation key or slug in use, a
# failing source) or may take (a declared relation, a page with gaps, an annex, a new page citing
# another): the same bytes either way.
ANY_WAY = [
    ("issuer", "a notice by a new issuer", BASE,
     lambda w, p: w("n13.txt", law(13, 13, issuer="测试县财政局")), None,
     lambda full, earlier: "(../../documents/n13.md)" in full["browse/issuer/ce-shi-xian-cai-zheng-ju.md"].decode()),
    ("region", "a notice of a province and city new to the archive", BASE,
     lambda w, p: w("n13.txt", law(13, 13, issuer="昆明市教育局")), None,
     lambda full, earlier: "云南省" in full["browse/region.md"].decode() and "昆明市" in full["browse/region.md"].decode()),
    ("sub-region", "a notice of a city of a province the archive has (its page lists the city)",
     {**BASE, "n05.txt": law(5, 5, issuer="云南省教育厅")},
     lambda w, p: w("n13.txt", law(13, 13, issuer="昆明市教育局")), None,
     lambda full, earlier: any("下级地区：[昆明市]" in page.decode() for name, page in full.items()
                               if name.startswith("browse/region/yun-nan-sheng"))),
    ("homophone", "a new issuer whose name reads as another's (their pages' paths depend on the order)",
     {**BASE, "n05.txt": law(5, 5, issuer="测试县财政局")},
     lambda w, p: w("n13.txt", law(13, 13, issuer="测试县才政局")), None,
     lambda full, earlier: "browse/issuer/ce-shi-xian-cai-zheng-ju-2.md" in full),
    ("year", "a notice of a new year", BASE,
     lambda w, p: w("n13.txt", law(13, 13).replace("2024年3月", "2023年3月")), None,
     lambda full, earlier: "browse/year/2023.md" in full),
    ("type", "a notice of a new type (意见)", BASE,
     lambda w, p: w("n13.txt", law(13, 13).replace("的通知", "的意见")), None,
     lambda full, earlier: any(name.startswith("browse/type/") and "关于第13项工作的意见" in page.decode()
                               for name, page in full.items())),
    ("cited-number", "the notice n10 cites (number 30) added: n10's citation becomes a link", BASE,
     lambda w, p: w("n30.txt", law(30, 30)), None,
     lambda full, earlier: "[《关于第30项工作的通知》](n30.md)" in full["documents/n10.md"].decode()
     and "30号" not in full["browse/missing.md"].decode()),
    ("related-number", "the notice an existing relation names added",
     {**BASE, "n06.yml": "relations:\n  - type: 解读\n    target: 测教发〔2024〕50号\n"},
     lambda w, p: w("n50.txt", law(50, 29)), None,
     lambda full, earlier: {"type": "解读", "direction": "in", "slug": "n06"} in relations_of(full["catalogue.json"], "n50")),
    ("same-number", "a notice taking a number n08 has", BASE,
     lambda w, p: w("n13.txt", law(13, 13).replace("〔2024〕13号", "〔2024〕8号")), None, None),
    ("slug-lost", "a new source asking for n08's slug (n08 keeps it)", BASE,
     lambda w, p: (w("z.txt", law(13, 13)), w("z.yml", "slug: n08\n")), None,
     lambda full, earlier: "关于第8项工作的通知" in full["documents/n08.md"].decode()
     and "关于第13项" not in full["catalogue.json"].decode()),
    ("slug-won", "a new source asking for n08's slug, sorting first (n08 is left out)", BASE,
     lambda w, p: (w("m.txt", law(13, 13)), w("m.yml", "slug: n08\n")), None,
     lambda full, earlier: "关于第13项工作的通知" in full["documents/n08.md"].decode()),
    ("failing", "a source that fails added with a good one", BASE,
     lambda w, p: (w("n13.txt", law(13, 13)), (p.sources / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")), None,
     lambda full, earlier: "documents/n13.md" in full and "documents/bad.md" not in full),
    ("proposal", "a second reply to a proposal of the session", {**BASE, "r07.txt": reply(7, 7)},
     lambda w, p: w("r09.txt", reply(9, 9)), None,
     lambda full, earlier: any("documents/r07.md" in page.decode() and "documents/r09.md" in page.decode()
                               for name, page in full.items() if name.startswith("browse/session/"))),
    ("unverified", "a second notice naming no issuer (待核实)", {**BASE, "h09.txt": unsigned(9, 9)},
     lambda w, p: w("h13.txt", unsigned(13, 13)), None,
     lambda full, earlier: all(f"source\\_docs/{name}.txt" in full["browse/unverified.md"].decode()
                               for name in ("h09", "h13"))),
    ("declares", "a notice declaring a relation to n08 (解读)", BASE,
     lambda w, p: (w("n15.txt", law(15, 15)), w("n15.yml", "relations:\n  - type: 解读\n    target: 测教发〔2024〕8号\n")),
     None, lambda full, earlier: {"type": "解读", "direction": "in", "slug": "n15"} in
     relations_of(full["catalogue.json"], "n08")),
    ("cites-new", "two notices at once, one citing the other", BASE,
     lambda w, p: (w("n13.txt", law(13, 13)), w("n21.txt", law(21, 21, cites=citing(13)))), None,
     lambda full, earlier: "[《关于第21项工作的通知》](n21.md)" in full["documents/n13.md"].decode()),
    ("same-title", "a notice with n08's title and a number of its own", BASE,
     lambda w, p: w("n13.txt", law(13, 13).replace("关于第13项工作的通知", "关于第8项工作的通知")), None, None),
    ("number-only", "a notice citing n08 by its number alone", BASE,
     lambda w, p: w("n15.txt", law(15, 15, cites="依据测教发〔2024〕8号文件，")), None,
     lambda full, earlier: "(n15.md)" in related_section(full["documents/n08.md"], "引用本文的文件（被引用）")),
    ("title-only", "a notice citing n08 by its title alone", BASE,
     lambda w, p: w("n15.txt", law(15, 15, cites="根据《关于第8项工作的通知》，")), None,
     lambda full, earlier: "(n15.md)" in related_section(full["documents/n08.md"], "引用本文的文件（被引用）")),
    ("cited-title", "the notice n12 cites by title alone added", {**BASE, "n12.txt": law(12, 12, cites="根据《关于第31项工作的通知》，")},
     lambda w, p: w("n31.txt", law(31, 31)), None,
     lambda full, earlier: "[《关于第31项工作的通知》](n31.md)" in full["documents/n12.md"].decode()),
    ("prefix", "n30 added where a source n30-fujian-1 is a notice of its own", {**BASE, "n30-fujian-1.txt": law(29, 29)},
     lambda w, p: w("n30.txt", law(30, 30)), None, None),
    ("split", "a fifth notice of May 2023: its lists' parts of that month split by day",
     {**BASE, **{f"n{i}.txt": law(i, i - 30).replace("2024年3月", "2023年5月") for i in range(31, 35)}},
     lambda w, p: w("n35.txt", law(35, 5).replace("2024年3月", "2023年5月")), 4,
     lambda full, earlier: "browse/year/2023.md" in full and any(name.startswith("browse/year/2023/2023-05-") for name in full)),
    ("in-force", "a notice in force added, as n06 is", {**BASE, "n06.yml": "status: 现行有效\n"},
     lambda w, p: (w("n13.txt", law(13, 13)), w("n13.yml", "status: 现行有效\n")), None,
     lambda full, earlier: "documents/n13.md" in full["browse/in-force.md"].decode()),
    ("after-failure", "a notice added while another source fails", {**BASE, "bad.txt": b"\xff\xfe\x00\xd8"},
     lambda w, p: w("n13.txt", law(13, 13)), None, None),
    ("page-deleted", "a notice added after n04's page was deleted by hand", BASE,
     lambda w, p: (w("n13.txt", law(13, 13)), (p.documents / "n04.md").unlink()), None, None),
    ("export-edited", "a notice citing n08 added after n08's export records were edited by hand", BASE,
     lambda w, p: (w("n15.txt", law(15, 15, cites=citing(8))),
                   hand_edited(p.docs / "catalogue.csv", "documents/n08/", "documents/n08-by-hand/"),
                   hand_edited(p.docs / "catalogue.json", '"slug":"n08"', '"slug":"n08-by-hand"')), None, None),
    ("export-emptied", "a notice added after catalogue.json was left empty (a full disk): the whole way writes it again", BASE,
     lambda w, p: (w("n13.txt", law(13, 13)), (p.docs / "catalogue.json").write_bytes(b"")), None, None),
    ("annex", "a notice with an annex, as n06 has", {**BASE, "n06.txt": annexed(6, 6)},
     lambda w, p: w("n13.txt", annexed(13, 13)), None,
     lambda full, earlier: "attached_to: n13" in full["documents/n13-fujian-1.md"].decode()
     and "关于第13项工作的实施方案" in full["browse/type/shi-shi-fang-an.md"].decode()),
]


def built(tmp_path, monkeypatch, sources: dict, page_limit: int | None):
    """A project of ``sources`` converted once, and a ``write`` for it with a clock of its own."""
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    if page_limit:
        monkeypatch.setattr(paging, "PAGE_LIMIT", page_limit)
    project = make_project(tmp_path / "p", sources)
    clock = [1_700_000_000]
    for name in sources:
        os.utime(project.sources / name, (clock[0], clock[0]))
    convert_all(project)
    return project, lambda name, text: write(project, name, text, clock)


def whole_way_calls(monkeypatch) -> list[str]:
    """Names of the whole way's steps called from now on: the catalogue built, every shard loaded."""
    calls = []
    for module, name in ((archive, "build"), (summaries, "load")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, name=name, original=original, **kw:
                            calls.append(name) or original(*args, **kw))
    return calls


def rebuilt_as_a_full_build(project, folder, what: str, renders, earlier: dict, calls: list | None = None):
    """Convert again and check it against a full conversion in ``folder``: the same bytes, every page
    whose bytes changed rendered and no other, the files written exactly those that changed.
    Returns the report, the full build's files and the whole way's ``calls`` made by the rebuild."""
    renders.clear()
    if calls is not None:
        calls.clear()
    report = convert_all(project)
    rendered, made = list(renders), list(calls or [])
    full = same_as_a_full_build(project, folder, what)
    changed = {name for name in full if earlier.get(name) != full[name]}
    pages = {name.removeprefix("documents/").removesuffix(".md") for name in changed if name.startswith("documents/")}
    assert sorted(rendered) == sorted(pages), what
    written = {path.relative_to(project.docs).as_posix() for path in report.written}
    assert {name for name in written if name in full} == changed, what
    assert report.pages == sum(name.startswith("documents/") for name in full), what
    return report, full, made


def nothing_changed(project, renders, calls: list | None = None) -> tuple:
    """What a rebuild with no source changed renders, writes and calls of the whole way."""
    renders.clear()
    if calls is not None:
        calls.clear()
    report = convert_all(project)
    return list(renders), report.written, list(calls or [])


@pytest.mark.parametrize("what, sources, change, page_limit, check",
                         [pytest.param(*case[1:], id=case[0]) for case in TAKEN + ANY_WAY])
def test_an_addition_matches_a_full_build(tmp_path, monkeypatch, renders, what, sources, change, page_limit, check):
    project, w = built(tmp_path, monkeypatch, sources, page_limit)
    change(w, project)
    earlier = generated(project)  # as the rebuild finds docs/ (a case may edit it by hand)
    report, full, _ = rebuilt_as_a_full_build(project, tmp_path / "full", what, renders, earlier)
    if check:
        assert check(full, earlier) is not False, what
    assert nothing_changed(project, renders) == ([], [], []), f"{what}: a rebuild with nothing changed"


def test_the_failing_and_the_losing_sources_are_reported(tmp_path, monkeypatch, renders):
    project, w = built(tmp_path, monkeypatch, BASE, None)
    w("n13.txt", law(13, 13))
    (project.sources / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")
    w("z.txt", law(15, 15))
    w("z.yml", "slug: n08\n")
    report = convert_all(project)
    assert sorted(error.path for error in report.errors) == ["source_docs/bad.txt", "source_docs/z.txt"]
    assert "关于第8项工作的通知" in (project.documents / "n08.md").read_text(encoding="utf-8")


def fast_way() -> None:
    """Skip while the fast way for additions (``build_tools.render.added``) is not written."""
    pytest.importorskip("build_tools.render.added", reason="the fast way for additions is not written yet")


@pytest.mark.parametrize("what, sources, change, page_limit, check", [pytest.param(*case[1:], id=case[0]) for case in TAKEN])
def test_an_addition_to_known_facets_builds_no_catalogue(tmp_path, monkeypatch, renders, what, sources, change,
                                                          page_limit, check):
    """Neither the catalogue of the whole archive is built nor every shard loaded, and the result
    is still a full build's."""
    fast_way()
    project, w = built(tmp_path, monkeypatch, sources, page_limit)
    change(w, project)
    earlier = generated(project)  # as the rebuild finds docs/ (a case may edit it by hand)
    calls = whole_way_calls(monkeypatch)
    report, full, made = rebuilt_as_a_full_build(project, tmp_path / "full", what, renders, earlier, calls)
    assert (made, report.errors) == ([], []), what
    assert nothing_changed(project, renders, calls) == ([], [], []), f"{what}: a rebuild with nothing changed"


@pytest.mark.parametrize("additions, edit", [
    pytest.param([("n15.txt", law(15, 15, cites=citing(8)))], ("n08.txt", law(8, 8, extra="补充说明。")), id="existing"),
    pytest.param([("n13.txt", law(13, 13)), ("n17.txt", law(17, 17, cites=citing(13)))],
                 ("n13.txt", law(13, 13, extra="补充说明。")), id="added"),
])
def test_a_body_edit_of_a_page_an_addition_cites_builds_no_catalogue(tmp_path, monkeypatch, renders, additions, edit):
    """An addition citing a page changes that page's export record (被引用): a body edit of it
    afterwards is still one no other page sees (``quick``), whichever way the additions took."""
    project, w = built(tmp_path, monkeypatch, BASE, None)
    for name, text in additions:
        w(name, text)
        convert_all(project)
    earlier = generated(project)
    w(*edit)
    calls = whole_way_calls(monkeypatch)
    made = rebuilt_as_a_full_build(project, tmp_path / "full", f"{edit[0]} edited", renders, earlier, calls)[2]
    assert made == [], f"{edit[0]} edited"


# Each step: what, the way it should take ("fast": additions only; "quick": an edit no other page
# sees; "whole"), whether a rebuild with nothing changed follows (an editor's builds mostly follow
# each other without one), and the change.
SEQUENCE = [
    ("n13 added", "fast", False, lambda w, p: w("n13.txt", law(13, 13, cites=citing(8)))),
    ("n17 added, citing n04", "fast", False, lambda w, p: w("n17.txt", law(17, 17, cites=citing(4)))),
    ("n19 added", "fast", True, lambda w, p: w("n19.txt", law(19, 19, cites=citing(40)))),
    ("a body edit of n13", "quick", False, lambda w, p: w("n13.txt", law(13, 13, cites=citing(8), extra="补充说明。"))),
    ("a body edit of n19", "quick", True, lambda w, p: w("n19.txt", law(19, 19, cites=citing(40), extra="补充说明。"))),
    ("n13's title edited (its citers and neighbours show it)", "whole", False,
     lambda w, p: w("n13.yml", "title: 关于第十三项工作的通知（修订）\n")),
    ("n19 removed", "whole", False, lambda w, p: (p.sources / "n19.txt").unlink()),
    ("n23 added", "fast", False, lambda w, p: w("n23.txt", law(23, 23, cites=citing(6)))),
    ("n25 added, citing n23 (which the fast way added)", "fast", True,
     lambda w, p: w("n25.txt", law(25, 25, cites=citing(23)))),
    ("n11 added", "fast", False, lambda w, p: w("n11.txt", law(11, 11))),
    ("n19, removed before, added back", "fast", True, lambda w, p: w("n19.txt", law(19, 19, cites=citing(40)))),
    ("n40 added, which n19 cites: n19's citation resolved again, a link", "fast", False,
     lambda w, p: w("n40.txt", law(40, 28))),
    ("a body edit of n19, whose citations the addition resolved again", "quick", True,
     lambda w, p: w("n19.txt", law(19, 19, cites=citing(40), extra="再补充。"))),
    ("n40's number edited (n19 cites it by number and title)", "whole", False,
     lambda w, p: w("n40.yml", "doc_number: 测教发〔2024〕99号\n")),
    ("n40 removed: n19 cites it again as not in the archive", "whole", True,
     lambda w, p: (p.sources / "n40.txt").unlink()),
]


def test_a_sequence_of_additions_and_edits_matches_a_full_build_at_each_step(tmp_path, monkeypatch, renders):
    """What the fast way saves (ledger, shards, contexts, export) lets later rebuilds, of any way,
    end as a full conversion does; a rebuild with nothing changed renders and writes nothing."""
    project, w = built(tmp_path, monkeypatch, BASE, None)
    calls = whole_way_calls(monkeypatch)
    for number, (what, way, idle, change) in enumerate(SEQUENCE):
        change(w, project)
        earlier = generated(project)
        made = rebuilt_as_a_full_build(project, tmp_path / f"full{number}", what, renders, earlier, calls)[2]
        if way == "fast" and not FAST:
            way = "whole"  # until ``build_tools.render.added`` exists (see the skipped tests)
        assert ("build" in made) == (way == "whole"), what
        if idle:
            assert nothing_changed(project, renders, calls) == ([], [], []), f"{what}: a rebuild with nothing changed"


# With a journal of two deltas: the third addition saves the outline whole, a whole-way rebuild
# reads the outline with a delta after it, a damaged journal is not read.
JOURNAL_STEPS = [
    ("n13 added", "fast", lambda w, p: w("n13.txt", law(13, 13, cites=citing(8)))),
    ("n15 added", "fast", lambda w, p: w("n15.txt", law(15, 15, cites=citing(41)))),
    ("n17 added: the journal is full, the outline saved whole", "fast",
     lambda w, p: w("n17.txt", law(17, 17, cites=citing(13)))),
    ("n19 added", "fast", lambda w, p: w("n19.txt", law(19, 19))),
    ("n15's title edited, with a delta after the outline", "whole",
     lambda w, p: w("n15.yml", "title: 关于第十五项工作的通知（修订）\n")),
    ("n21 added", "fast", lambda w, p: w("n21.txt", law(21, 21, cites=citing(15)))),
    ("n23 added after bytes a stopped build left at the journal's end", "fast",
     lambda w, p: (journal_appended(p, b"\x80\x05partial"), w("n23.txt", law(23, 23)))),
    ("n25 added after the journal's saved bytes were damaged", "whole",
     lambda w, p: (journal_damaged(p), w("n25.txt", law(25, 25, cites=citing(23))))),
    ("n27 added", "fast", lambda w, p: w("n27.txt", law(27, 27))),
]


def journal_appended(project, data: bytes) -> None:
    with summaries.journal_path(project.cache).open("ab") as journal:
        journal.write(data)


def journal_damaged(project) -> None:
    path = summaries.journal_path(project.cache)
    data = path.read_bytes()
    assert data, "a delta in the journal"
    path.write_bytes(b"\0" * len(data))


def test_additions_through_the_outline_journal_match_a_full_build(tmp_path, monkeypatch, renders):
    """Each addition saves what it changed of the outline as a delta (``summaries.JOURNAL_LIMIT`` of
    them, then the outline whole): every later build, whichever way, reads the outline the additions left."""
    fast_way()
    monkeypatch.setattr(summaries, "JOURNAL_LIMIT", 2)
    project, w = built(tmp_path, monkeypatch, BASE, None)
    calls = whole_way_calls(monkeypatch)
    for number, (what, way, change) in enumerate(JOURNAL_STEPS):
        change(w, project)
        earlier = generated(project)
        made = rebuilt_as_a_full_build(project, tmp_path / f"full{number}", what, renders, earlier, calls)[2]
        assert ("build" in made) == (way == "whole"), what
    assert nothing_changed(project, renders, calls) == ([], [], [])


@pytest.mark.parametrize("touch, way", [
    pytest.param(lambda project: None, [], id="racy"),
    pytest.param(lambda project: os.utime(project.sources / "n04.txt", (1_900_000_000, 1_900_000_000)), [], id="touched"),
    pytest.param(lambda project: (project.sources / "n04.txt").write_text(law(4, 4, extra="补充说明。"), encoding="utf-8"),
                 ["load", "build"], id="edited"),
])
def test_an_addition_after_sources_the_ledger_does_not_vouch_for(tmp_path, monkeypatch, renders, touch, way):
    """Sources written just before a build are racy (their signature is not kept, ``RACY_SECONDS``),
    as in a benchmark that adds a document right after the first build: an addition then hashes them
    and, their bytes being the ones converted, still takes the fast way; a touched source too. An
    edited one sends it the whole way."""
    fast_way()
    project = make_project(tmp_path / "p", BASE)
    convert_all(project)
    assert None in summaries.load_ledger(project.cache).sources.values()
    touch(project)
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    earlier = generated(project)
    write(project, "n13.txt", law(13, 13), [1_800_000_000])
    calls = whole_way_calls(monkeypatch)
    made = rebuilt_as_a_full_build(project, tmp_path / "full", "an addition", renders, earlier, calls)[2]
    assert made == way
    assert None not in summaries.load_ledger(project.cache).sources.values()


@pytest.mark.parametrize("touch", [pytest.param(lambda project: None, id="untouched"), pytest.param(
    lambda project: os.utime(project.sources / "n04.txt", (1_900_000_000, 1_900_000_000)), id="touched")])
def test_an_addition_leaves_every_sources_status_and_the_browse_lists_to_forked_children(tmp_path, monkeypatch,
                                                                                         renders, touch):
    """Taking every source's status and listing docs/ (0.3–0.4 s at 20,000 laws) is a forked child's
    work while the building process plans the addition, writing the browse lists another's while it
    renders the pages: the building process takes the status of the new source only, a touched
    source's new signature still reaches the ledger, and docs/ is a full build's."""
    fast_way()
    project, w = built(tmp_path, monkeypatch, BASE, None)
    touch(project)
    scans, started = [], []
    monkeypatch.setattr(Project, "source_scan", lambda self, scan=Project.source_scan:
                        scans.append((self.root, scan(self))) or scans[-1][1])
    monkeypatch.setattr(forked, "start", lambda function, *args, start=forked.start:
                        started.append(function.__name__) or start(function, *args))
    earlier = generated(project)
    w("n13.txt", law(13, 13))
    calls = whole_way_calls(monkeypatch)
    made = rebuilt_as_a_full_build(project, tmp_path / "full", "an addition", renders, earlier, calls)[2]
    assert made == [] and started[:2] == ["touched", "browse_written"]
    [scan] = [scan for root, scan in scans if root == project.root]
    assert "stats" not in vars(scan)  # taken by the child, not here
    with os.scandir(project.sources) as listing:
        stats = {entry.name: entry.stat() for entry in listing}
    recorded = summaries.load_ledger(project.cache).sources
    assert recorded["source_docs/n04.txt"] == summaries.signature("source_docs/n04.txt", time.time(), stats)


def test_an_addition_after_a_page_left_the_manifest_takes_the_whole_way(tmp_path, monkeypatch, renders):
    """An addition renders only the pages it reaches, taking every other page as the manifest says it
    was written (``rendered``); a manifest that lost a page (an interrupted build, a hand edit) sends it
    the whole way, which renders that page again, and the manifest holds it afterwards."""
    fast_way()
    # Notices dated to the end of March: the last ones are too far from the 13th for its lists to reach.
    project, w = built(tmp_path, monkeypatch, {**BASE, **{f"n{i}.txt": law(i, i) for i in range(25, 31)}}, None)
    manifest = json.loads(rendered.manifest_path(project.cache).read_text(encoding="utf-8"))
    del manifest["n30"]  # a page the addition does not reach
    rendered.manifest_path(project.cache).write_text(json.dumps(manifest), encoding="utf-8")
    w("n13.txt", law(13, 13))
    calls = whole_way_calls(monkeypatch)
    renders.clear()
    convert_all(project)
    assert "build" in calls and "n30" in renders and "n13" in renders
    assert "n30" in json.loads(rendered.manifest_path(project.cache).read_text(encoding="utf-8"))
    same_as_a_full_build(project, tmp_path / "full", "an addition after a page left the manifest")


@pytest.mark.parametrize("change", ["edit", "addition"])
def test_a_rebuilds_report_comes_before_it_saves_what_the_next_build_reads(tmp_path, monkeypatch, change):
    """MkDocs goes on with the conversion child's report while the child saves the ledger, its shards
    and the pages' digests (``forked.later``: 0.08–0.1 s at 20,000 laws), and waits for that at the
    build's end (``hooks.on_post_build``); the next conversion finds them saved."""
    fast_way()
    project, w = built(tmp_path, monkeypatch, BASE, None)
    if change == "edit":
        w("n04.txt", law(4, 4).replace("请认真落实", "请抓紧落实"))
    else:
        w("n13.txt", law(13, 13))
    go, save = tmp_path / "go", summaries.save_shards

    def held(*args, **kwargs):
        deadline = time.monotonic() + 60  # a condition; the limit only ends a failing test
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return save(*args, **kwargs)
    monkeypatch.setattr(summaries, "save_shards", held)
    ledger = summaries.ledger_path(project.cache)
    before = ledger.read_bytes()
    child = forked.start(hooks.converted, project.root)
    errors, pages, _, written, _, _ = child.reported()
    page = "documents/n04.md" if change == "edit" else "documents/n13.md"
    assert errors == [] and page in written and pages == 12 + (change == "addition")
    assert ledger.read_bytes() == before
    go.touch()
    child.finished()
    assert ledger.read_bytes() != before
    monkeypatch.setattr(summaries, "save_shards", save)
    calls = whole_way_calls(monkeypatch)
    converted = []
    monkeypatch.setattr(incremental, "convert_one", lambda *args, original=incremental.convert_one:
                        converted.append(args[0]) or original(*args))
    report = convert_all(project)
    assert calls == [] and converted == [] and report.written == []
    same_as_a_full_build(project, tmp_path / "full", f"the {change} saved after its report")


def test_the_outline_is_saved_with_plain_tuples_and_loads_named_ones(tmp_path):
    """The outline's relations and to-do citations are saved as plain tuples (pickle loads a named
    tuple by a call each: a third of the time for 32,000 relations at 20,000 laws) and load as the
    named tuples the addition reads by field."""
    project = make_project(tmp_path / "p", BASE)
    convert_all(project)
    saved = summaries.index_path(project.cache).read_bytes()
    assert b"Relation" not in saved and b"Citation" not in saved
    outline = summaries.load_outline(project.cache, summaries.load_ledger(project.cache))
    assert outline.relations == [relations.Relation("引用", "n20", "n02")]
    assert [type(relation) for relation in outline.relations] == [relations.Relation]
    [(label, [citation])] = outline.missing.items()
    assert (label, type(citation), citation.source, citation.target) == ("《关于第30项工作的通知》（测教发〔2024〕30号）", archive.Citation, "n10", None)
    assert pickle.loads(pickle.dumps(outline)) == outline


def test_an_addition_reads_the_to_do_citations_of_the_names_it_cites_only(tmp_path, monkeypatch):
    """Each name's to-do citations load as their pickle (``model.Deferred``): an addition that cites
    a name already on the list and a new one reads the citations of the first and of no other name
    (loading all took 0.19 s of the outline's 0.28 at 20,000 laws), and the list is a full build's."""
    fast_way()
    project, w = built(tmp_path, monkeypatch, CITING_MISSING, 4)
    loaded = []
    load = summaries.load_outline
    monkeypatch.setattr(summaries, "load_outline", lambda *args: loaded.append(load(*args)) or loaded[-1])
    w("n13.txt", law(13, 13, cites=citing(104) + citing(113)))
    calls = whole_way_calls(monkeypatch)
    convert_all(project)
    assert calls == [] and len(loaded) == 1
    read = {label for label, citations in loaded[0].missing.items() if citations._items is not None}
    assert len(loaded[0].missing) == 12 and read == {"《关于第104项工作的通知》（测教发〔2024〕104号）"}
    same_as_a_full_build(project, tmp_path / "full", "an addition citing names on the to-do list")
    assert "引用了以下 13 件尚未收录的文件" in (project.browse / "missing.md").read_text(encoding="utf-8")
    [part] = [path.read_text(encoding="utf-8") for path in (project.browse / "missing").glob("*.md")
              if "104号） | 2 |" in path.read_text(encoding="utf-8")]
    assert "n13.txt" in part and "n04.txt" in part


@pytest.mark.parametrize("source, limit, in_place", [
    pytest.param("n25.txt", writer.TAIL_LIMIT, True, id="last-in-place"),
    pytest.param("n13.txt", writer.TAIL_LIMIT, True, id="middle-in-place"),
    pytest.param("n13.txt", 0, False, id="middle-file-again"),
])
def test_an_addition_writes_the_exports_end_in_place_or_the_files_again(tmp_path, monkeypatch, renders, source,
                                                                        limit, in_place):
    """The new records go into the export files where their slugs sort: in place from the first of
    them to the end (``writer.tail_patch``) when that end is short enough, the files written again
    otherwise; a full build's bytes either way, and patches reported for the site's copies."""
    fast_way()
    monkeypatch.setattr(writer, "TAIL_LIMIT", limit)
    project, w = built(tmp_path, monkeypatch, BASE, None)
    inodes = {name: (project.docs / name).stat().st_ino for name in ("catalogue.json", "catalogue.csv")}
    w(source, law(int(source[1:3]), 13, cites=citing(8)))
    report = rebuilt_as_a_full_build(project, tmp_path / "full", source, renders, generated(project))[0]
    for name, inode in inodes.items():
        assert ((project.docs / name).stat().st_ino == inode) == in_place, name
        assert (project.docs / name in report.patched) == in_place, name


def test_an_additions_lists_are_its_documents_looked_up_when_read():
    """``stand_ins.Listed``: an addition's catalogue lists every facet (2,400 at 20,000 laws) by slug,
    and each list reads as the list of its documents; a document is looked up when read."""
    by_slug = {slug: object() for slug in "abcde"}
    listed = stand_ins.Listed(list("dbe"), by_slug)
    expected = [by_slug[slug] for slug in "dbe"]
    assert (len(listed), list(listed), listed[0], listed[-1], listed[1:], listed[::-1]) == \
        (3, expected, expected[0], expected[-1], expected[1:], expected[::-1])
    assert listed.index(by_slug["e"]) == 2 and by_slug["a"] not in listed and list(enumerate(listed))[1] == (1, by_slug["b"])
    by_slug["b"] = replaced = object()
    assert listed[1] is replaced
