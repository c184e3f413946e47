"""A ``--dirty`` build whose site is in step with docs/ gives MkDocs the pages it leaves as they are
as names, no ``File`` (``mkdocs_glue.lazy``, ``synced``): the site is still the one a full build
gives after an edit, an addition, a removal, a conversion whose build did not follow or failed, a
page's folder deleted from the site, a new site folder and a changed mkdocs.yml (issue 16)."""
from __future__ import annotations

import gc
import shutil

import pytest
from mkdocs.structure.files import File

from build_tools.mkdocs_glue import hooks
from build_tools.mkdocs_glue.addresses import address, clashing, destination, output_paths, source
from build_tools.mkdocs_glue.lazy import LazyFiles, left_out_at
from build_tools.render.convert import convert_all
from projects import build_site, make_project
from test_incremental import notice
from test_incremental_site import differing_files
from test_overlap import issued_by

QUICK = "pages left as they are, unread"  # the log line of a build that took the names


def rebuilt(project, site, tmp_path) -> str:
    """``--dirty`` rebuild of ``site``, checked against a full build: its log."""
    result = build_site(project, site, "--dirty", "--no-strict")  # MkDocs warns on --dirty
    assert result.returncode == 0, result.stderr[-3000:]
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    assert build_site(project, full, "--strict").returncode == 0
    overlay = (site / "search-index" / "o").is_dir()  # by design not a full build's index (search/overlay.py)
    assert [path for path in differing_files(site, full)
            if path != "sitemap.xml.gz" and not (overlay and path.startswith("search-index/"))] == []
    return result.stderr


@pytest.fixture
def built(tmp_path):
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 7)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    return project, site


def test_an_edit_an_addition_and_a_removal_render_what_a_full_build_renders(built, tmp_path):
    project, site = built
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    assert QUICK in rebuilt(project, site, tmp_path)
    assert "抓紧落实" in (site / "documents" / "n1" / "index.html").read_text(encoding="utf-8")
    (project.sources / "n7.txt").write_text(issued_by(7, "测试县卫生健康局"), encoding="utf-8")
    assert QUICK in rebuilt(project, site, tmp_path)
    assert "关于第7项工作的通知" in (site / "documents" / "n7" / "index.html").read_text(encoding="utf-8")
    # Appended to the search index's overlay: no document left out was taken for one removed.
    assert (site / "search-index" / "o" / "d" / "0.js").exists()
    issuers = set((site / "browse" / "issuer").iterdir())
    (project.sources / "n2.txt").unlink()
    (project.sources / "n7.txt").unlink()  # and its issuer's browse page
    assert QUICK in rebuilt(project, site, tmp_path)
    assert not (site / "documents" / "n2").exists() and not (site / "documents" / "n7").exists()
    assert len(set((site / "browse" / "issuer").iterdir())) == len(issuers) - 1


def test_pages_a_conversion_wrote_without_a_build_are_still_rendered(built, tmp_path):
    """The conversion ran (as in a build stopped after it); the next build's conversion writes nothing."""
    project, site = built
    (project.sources / "n3.txt").write_text(notice(3).replace("认真落实", "抓紧落实"), encoding="utf-8")
    convert_all(project)
    assert QUICK not in rebuilt(project, site, tmp_path)
    assert "抓紧落实" in (site / "documents" / "n3" / "index.html").read_text(encoding="utf-8")


def test_a_build_that_failed_after_its_conversion_is_made_good(built, tmp_path):
    project, site = built
    (project.sources / "n4.txt").write_text(notice(4).replace("认真落实", "抓紧落实"), encoding="utf-8")
    broken = project.docs / "broken.md"
    broken.write_text('# 坏页\n\n--8<-- "about/nowhere.md"\n', encoding="utf-8")  # a missing snippet stops the build
    assert build_site(project, site, "--dirty", "--no-strict").returncode != 0
    with broken.open("w", encoding="utf-8") as file:  # mended in place: docs/ keeps its folder times
        file.write("# 好页\n")
    assert QUICK not in rebuilt(project, site, tmp_path)
    assert "抓紧落实" in (site / "documents" / "n4" / "index.html").read_text(encoding="utf-8")


def test_a_page_deleted_from_the_site_and_a_new_site_folder_are_built(built, tmp_path):
    project, site = built
    shutil.rmtree(site / "documents" / "n5")
    assert QUICK not in rebuilt(project, site, tmp_path)
    other = tmp_path / "other"
    shutil.copytree(site, other)
    assert QUICK not in rebuilt(project, other, tmp_path)
    assert QUICK in rebuilt(project, site, tmp_path)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_names_give_the_paths_and_addresses_of_mkdocs_files(tmp_path, directory_urls):
    uris = ["documents/a.md", "documents/README.md", "index.md", "README.md", "browse/type/条例/2010s.md",
            "documents/a b%.md", "documents/a~b_c.d-E9.md", "documents/x.markdown", "documents/index.mdown",
            "documents/xindex.md", "x.css"]
    config = type("Config", (), {"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site") + "/",
                                 "use_directory_urls": directory_urls})()
    lazy = LazyFiles([], dict.fromkeys(uris), config, ["."])
    for uri, path in zip(uris, output_paths(uris, config)):
        file = File(uri, config.docs_dir, config.site_dir, directory_urls)
        assert (destination(uri, directory_urls), address(uri, directory_urls), path) == \
            (file.dest_uri, file.url, file.abs_dest_path)
        assert lazy.get_file_from_path(uri).abs_dest_path == file.abs_dest_path
    # Back from an address: the pages named x.md (a document's, ``lazy.left_out_at``) give their own.
    named = [uri for uri in uris if uri.endswith(".md") and not uri.endswith(("index.md", "README.md"))]
    assert [source(address(uri, directory_urls), directory_urls) for uri in named] == named
    assert [left_out_at(lazy, address(uri, directory_urls)) for uri in named] == named
    assert left_out_at(lazy, address("documents/other.md", directory_urls)) is None
    assert clashing(["index.md", "README.md"], directory_urls) and clashing(["a.md", "a.markdown"], directory_urls)
    assert clashing(["a.md", "a.html"], directory_urls) is not directory_urls
    assert not clashing(["a.md", "b.md", "a.png", "a"], directory_urls)


def test_a_changed_configuration_is_built_as_mkdocs_would(built, tmp_path):
    """Pages move when directory URLs are turned off: every page is built again, at its new place."""
    project, site = built
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = build_site(project, site, "--dirty", "--no-strict")
    assert result.returncode == 0 and QUICK not in result.stderr
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    # Pages left as they are (and hand-written pages' old places) stay, as with MkDocs' own --dirty.
    assert differing_files(site / "documents", full / "documents") == []
    assert (site / "documents" / "n1.html").exists() and not (site / "documents" / "n1").exists()


def test_a_rebuild_runs_the_cyclic_collector_less_often_and_a_full_build_as_python_does():
    before = gc.get_threshold()
    try:
        hooks.on_startup("build", dirty=False)
        assert gc.get_threshold() == before
        hooks.on_startup("build", dirty=True)
        assert gc.get_threshold() == hooks.REBUILD_GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
        hooks.on_startup("build", dirty=False)


def test_the_theme_files_are_mkdocs_own_without_walking_its_folders_named_with_a_dot(tmp_path, monkeypatch):
    """Material's icons (14,500 files under ``.icons``) were listed at every rebuild, then left out."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    import os
    project = make_project(tmp_path / "p", {"n1.txt": notice(1)})
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    theme_dirs = config.theme.dirs
    assert any(os.path.isdir(os.path.join(folder, ".icons")) for folder in theme_dirs)
    extra = tmp_path / "theme"
    for path in ("a.css", ".hidden/b.css", "sub/.dot/c.js", "sub/d.js", "sub/.e.js", "f.html"):
        (extra / path).parent.mkdir(parents=True, exist_ok=True)
        (extra / path).write_text("x", encoding="utf-8")
    config.theme.dirs = [str(extra), *theme_dirs]
    own = Files([])
    own.add_files_from_theme(config.theme.get_env(), config)
    walked_into = []
    walk = os.walk
    monkeypatch.setattr(os, "walk", lambda top, **options: (walked_into.append(entry[0]) or entry
                                                           for entry in walk(top, **options)))
    lazy = LazyFiles([], {}, config, ["."])
    lazy.add_files_from_theme(config.theme.get_env(), config)
    assert [(file.src_uri, file.abs_src_path) for file in lazy] == [(file.src_uri, file.abs_src_path) for file in own]
    assert {"a.css", "sub/d.js"} <= {file.src_uri for file in lazy} and len(lazy) > 10
    assert len(walked_into) > 10
    assert not [folder for folder in walked_into if {".icons", ".hidden", ".dot"} & set(folder.split(os.sep))]
