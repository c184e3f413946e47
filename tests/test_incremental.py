"""Incremental conversion: unchanged sources are reused, the rest run in parallel."""
from __future__ import annotations

import os
import time

import pytest

from build_tools import cache
from build_tools.render import convert, incremental, summaries
from build_tools.render.convert import convert_all
from projects import make_project


def notice(number: int) -> str:
    return (f"测试县教育局文件\n\n测教发〔2024〕{number}号\n\n关于第{number}项工作的通知\n\n各学校：\n\n"
            f"现就第{number}项工作通知如下。请认真落实。\n\n测试县教育局\n\n2024年3月{number}日\n")


@pytest.fixture
def recorded(monkeypatch):
    """The sources actually converted (not taken from the cache) in a run."""
    calls = []
    original = incremental.convert_one

    def record(path, project, convert):
        calls.append(path.name)
        return original(path, project, convert)

    monkeypatch.setattr(incremental, "convert_one", record)
    return calls


def test_only_changed_sources_are_converted_again(tmp_path, recorded):
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    convert_all(project)
    assert sorted(recorded) == ["n1.txt", "n2.txt", "n3.txt"]
    recorded.clear()
    convert_all(project)
    assert recorded == []
    (project.sources / "n2.txt").write_text(notice(2).replace("认真落实", "抓紧落实"), encoding="utf-8")
    (project.sources / "n3.yml").write_text("status: 现行有效\n", encoding="utf-8")
    report = convert_all(project)
    assert sorted(recorded) == ["n2.txt", "n3.txt"]
    page = (project.documents / "n2.md").read_text(encoding="utf-8")
    assert "抓紧落实" in page and not report.errors


def test_parallel_conversion_writes_the_same_bytes_as_serial(tmp_path, monkeypatch):
    sources = {f"n{i:02d}.txt": notice(i) for i in range(1, 21)}
    serial = make_project(tmp_path / "serial", sources)
    monkeypatch.setattr(incremental, "PARALLEL_THRESHOLD", 10**6)
    convert_all(serial)
    parallel = make_project(tmp_path / "parallel", sources)
    monkeypatch.setattr(incremental, "PARALLEL_THRESHOLD", 2)
    convert_all(parallel)
    for page in sorted(serial.documents.glob("*.md")):
        assert (parallel.documents / page.name).read_bytes() == page.read_bytes(), page.name


def test_a_corrupt_cache_entry_is_a_miss(tmp_path, recorded):
    project = make_project(tmp_path / "p", {"n1.txt": notice(1)})
    convert_all(project)
    for entry in [*project.cache.glob("*.pickle"), summaries.index_path(project.cache), summaries.ledger_path(project.cache)]:
        entry.write_bytes(b"not a pickle")
    recorded.clear()
    report = convert_all(project)
    assert recorded == ["n1.txt"] and not report.errors


def test_a_page_to_render_again_whose_cache_entry_is_gone_is_converted_again(tmp_path, recorded):
    project = make_project(tmp_path / "p", {"n1.txt": notice(1)})
    convert_all(project)
    for entry in project.cache.glob("*.pickle"):
        entry.unlink()
    (project.documents / "n1.md").unlink()
    recorded.clear()
    report = convert_all(project)
    assert recorded == ["n1.txt"] and not report.errors
    assert "认真落实" in (project.documents / "n1.md").read_text(encoding="utf-8")


def test_an_unchanged_source_is_neither_read_nor_unpickled(tmp_path, monkeypatch):
    """Once its signature is settled, a rebuild does not hash a source nor load its cached documents."""
    project = make_project(tmp_path / "p", {"n1.txt": notice(1), "n2.txt": notice(2)})
    monkeypatch.setattr(summaries, "RACY_SECONDS", -1.0)
    convert_all(project)
    (project.sources / "n2.txt").write_text(notice(2).replace("认真落实", "抓紧落实"), encoding="utf-8")
    read, loaded = [], []
    monkeypatch.setattr(incremental, "source_key", lambda path, project, key=incremental.source_key: (read.append(path.name), key(path, project))[1])
    monkeypatch.setattr(cache, "load", lambda folder, key, load=cache.load: (loaded.append(key), load(folder, key))[1])
    convert_all(project)
    assert read == ["n2.txt"] and len(set(loaded)) == 1  # n2's key: looked up, then read back for its page
    assert "抓紧落实" in (project.documents / "n2.md").read_text(encoding="utf-8")


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path):
    """A source written just before a build may change again within the clock's resolution: it is hashed again."""
    project = make_project(tmp_path / "p", {"n1.txt": notice(1)})
    convert_all(project)
    source = project.sources / "n1.txt"
    before = source.stat()
    source.write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")  # same length in UTF-8
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert source.stat().st_size == before.st_size
    convert_all(project)
    assert "抓紧落实" in (project.documents / "n1.md").read_text(encoding="utf-8")


def test_a_rebuild_that_changes_no_source_rewrites_neither_the_index_nor_the_export(tmp_path, monkeypatch):
    """The archive index (17 MB at 5,000 laws) and the export were rewritten by every rebuild (issue 16)."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    later = time.time() + 60  # the sources are older than ``summaries.RACY_SECONDS``: their signatures hold
    monkeypatch.setattr(summaries.time, "time", lambda: later)
    convert_all(project)
    files = [summaries.index_path(project.cache), project.docs / "catalogue.json", project.docs / "catalogue.csv"]
    stamps = [path.stat().st_mtime_ns for path in files]
    convert_all(project)
    assert [path.stat().st_mtime_ns for path in files] == stamps
    (project.sources / "n2.txt").write_text(notice(2).replace("认真落实", "抓紧落实"), encoding="utf-8")
    before = summaries.load(project.cache).entries["source_docs/n2.txt"].key
    convert_all(project)
    assert summaries.load(project.cache).entries["source_docs/n2.txt"].key != before


def test_a_rebuild_after_one_edit_rewrites_only_that_sources_shard_of_the_index(tmp_path, monkeypatch):
    """Every source's summary was saved again after each edit: 17 MB, 0.19 s at 5,000 laws (issue 16)."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 9)})
    later = time.time() + 60  # the sources are older than ``summaries.RACY_SECONDS``: their signatures hold
    monkeypatch.setattr(summaries.time, "time", lambda: later)
    convert_all(project)
    shards = {number: summaries.shard_path(project.cache, number) for number in range(summaries.SHARDS)}
    stamps = {number: path.stat().st_mtime_ns for number, path in shards.items()}
    (project.sources / "n2.txt").write_text(notice(2).replace("认真落实", "抓紧落实"), encoding="utf-8")
    convert_all(project)
    rewritten = {number for number, path in shards.items() if path.stat().st_mtime_ns != stamps[number]}
    assert rewritten == {summaries.shard_of("source_docs/n2.txt")}
    assert "抓紧落实" in (project.documents / "n2.md").read_text(encoding="utf-8")
    assert summaries.load(project.cache).entries.keys() == {f"source_docs/n{i}.txt" for i in range(1, 9)}


def test_a_citation_resolved_by_an_added_notice_is_saved_in_the_citing_sources_shard(tmp_path, monkeypatch):
    """Rows and citations are kept in their source's shard (issue 16): adding n9 changes what n1's
    citation of 测教发〔2024〕9号 resolves to, so n1's shard is saved again although n1 did not change,
    and the index read back holds what a full conversion of the same sources holds."""
    citing = notice(1).replace("请认真落实。", "请按照《关于第9项工作的通知》（测教发〔2024〕9号）认真落实。")
    project = make_project(tmp_path / "p", {"n1.txt": citing, "n2.txt": notice(2)})
    later = time.time() + 60  # the sources are older than ``summaries.RACY_SECONDS``: their signatures hold
    monkeypatch.setattr(summaries.time, "time", lambda: later)
    convert_all(project)
    assert [citation.target for citation in summaries.load(project.cache).outline.cited_in["n1"]] == [None]
    (project.sources / "n9.txt").write_text(notice(9), encoding="utf-8")
    convert_all(project)
    fresh = make_project(tmp_path / "fresh", {"n1.txt": citing, "n2.txt": notice(2), "n9.txt": notice(9)})
    convert_all(fresh)
    rebuilt, full = summaries.load(project.cache), summaries.load(fresh.cache)
    assert [citation.target for citation in rebuilt.outline.cited_in["n1"]] == ["n9"]
    assert rebuilt.outline.cited_in == full.outline.cited_in
    assert (rebuilt.rows.json, rebuilt.rows.csv, rebuilt.rows.columns) == (full.rows.json, full.rows.csv, full.rows.columns)


def test_a_rebuild_that_changes_nothing_puts_nothing_in_context_but_restores_what_left_docs(tmp_path, monkeypatch):
    """``mkdocs serve`` builds again after each build (docs/ changed): with no source changed and
    docs/ as the last build left it, the catalogue is not built again (2.2 s at 20,000 laws, issue 16);
    a page, browse page or export missing from docs/, or a page no source gives, still sends the
    build down the whole way."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    later = time.time() + 60  # the sources are older than ``summaries.RACY_SECONDS``: their signatures hold
    monkeypatch.setattr(summaries.time, "time", lambda: later)
    convert_all(project)
    built = []
    original = convert.catalogue.build
    monkeypatch.setattr(convert.catalogue, "build", lambda *args: built.append(1) or original(*args))
    assert convert_all(project).pages == 3 and built == []
    browse_page = sorted(project.browse.glob("year/*.md"))[0]
    for gone in (project.documents / "n2.md", browse_page, project.docs / "catalogue.csv"):
        gone.unlink()
        convert_all(project)
        assert gone.exists() and len(built) == 1, gone
        built.clear()
    (project.documents / "stray.md").write_text("# 无来源页面\n", encoding="utf-8")
    convert_all(project)
    assert not (project.documents / "stray.md").exists() and built == [1]


def test_an_edit_takes_the_quick_way_unless_a_page_is_missing_beside_it(tmp_path, monkeypatch):
    """An edit no other page sees builds no catalogue; a page missing from docs/ beside it sends the
    build down the whole way, which writes the page again."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    later = time.time() + 60
    monkeypatch.setattr(summaries.time, "time", lambda: later)
    convert_all(project)
    built = []
    original = convert.catalogue.build
    monkeypatch.setattr(convert.catalogue, "build", lambda *args: built.append(1) or original(*args))
    for text, gone in (("请各校于月底前报送。", None), ("逾期不报的予以通报。", project.documents / "n3.md")):
        source = project.sources / "n2.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("请认真落实。", f"请认真落实。{text}"), encoding="utf-8")
        os.utime(source, (later - 30, later - 30))
        if gone:
            gone.unlink()
        convert_all(project)
        assert built == ([1] if gone else []), text
        assert text in (project.documents / "n2.md").read_text(encoding="utf-8")
        assert gone is None or gone.exists()


def test_the_cache_keeps_what_the_sources_use_and_an_addition_does_not_list_it(tmp_path, monkeypatch):
    """Entries of edited or removed sources, and another converter's, are dropped; an addition
    drops nothing, so it does not list the cache (0.07 s at 20,000 laws, issue 16)."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    project.cache.mkdir(parents=True)
    (project.cache / "old-converter.pickle").write_bytes(b"")
    convert_all(project)

    def used() -> set[str]:
        return {entry.key + ".pickle" for entry in summaries.load(project.cache).entries.values()}

    assert {path.name for path in project.cache.glob("*.pickle")} == used()
    listed, prune = [], cache.prune
    monkeypatch.setattr(incremental.cache, "prune", lambda folder, keep: listed.append(keep) or prune(folder, keep))
    (project.sources / "n4.txt").write_text(notice(4), encoding="utf-8")
    convert_all(project)
    assert listed == [] and len(used()) == 4
    (project.sources / "n2.txt").write_text(notice(2).replace("认真落实", "抓紧落实"), encoding="utf-8")
    (project.sources / "n3.txt").unlink()
    convert_all(project)
    assert len(listed) == 1
    assert {path.name for path in project.cache.glob("*.pickle")} == used() and len(used()) == 3


def test_unvouched_sources_are_those_whose_signature_is_not_the_one_recorded(tmp_path):
    """``summaries.unvouched`` answers at once what ``signature`` answers source by source: an edit, a
    sidecar added or edited, a racy source (changed under two seconds ago) and an unrecorded one."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 7)})
    (project.sources / "n2.yml").write_text("title: 甲\n", encoding="utf-8")
    (project.sources / "n3.yml").write_text("title: 乙\n", encoding="utf-8")
    names = project.source_scan().names
    later = time.time() + 60
    recorded = {name: summaries.signature(name, later, project.source_stats()) for name in names}
    recorded["source_docs/n6.txt"] = None
    (project.sources / "n1.txt").write_text(notice(1) + "补充。\n", encoding="utf-8")
    (project.sources / "n3.yml").write_text("title: 丙丁\n", encoding="utf-8")  # another size: no tick can hide it
    (project.sources / "n4.yml").write_text("title: 丁\n", encoding="utf-8")
    stats = project.source_stats()
    expected = ["source_docs/n1.txt", "source_docs/n3.txt", "source_docs/n4.txt", "source_docs/n6.txt"]
    assert summaries.unvouched(recorded, later, stats) == expected
    assert [name for name, signature in recorded.items()
            if signature is None or summaries.signature(name, later, stats) != signature] == expected
    soon = stats["n4.yml"].st_ctime + 1.0  # n4's sidecar is racy then, whatever the others are
    racy = summaries.unvouched(recorded, soon, stats)
    assert "source_docs/n4.txt" in racy
    assert racy == [name for name, signature in recorded.items()
                    if signature is None or summaries.signature(name, soon, stats) != signature]
