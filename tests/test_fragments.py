"""Markup rendered once for many pages (``mkdocs_glue/fragments.py``) is the markup each page
would get on its own: the real project's site, built with the fragments kept and with every
fragment rendered again for each page, is the same byte for byte."""
from __future__ import annotations

import filecmp
from types import SimpleNamespace

import pytest

from build_tools.mkdocs_glue.fragments import Fragments, outside_nav
from projects import build_site, copy_project

pytestmark = pytest.mark.slow

# A hook in place of fragments.py: its loader and globals, but nothing kept.
EVERY_TIME = """from build_tools.mkdocs_glue import fragments


def on_env(env, config, files):
    env = fragments.on_env(env, config, files)
    env.globals["fragment"] = lambda name, key, caller: caller()
    return env
"""


def differing(left, right) -> list[str]:
    comparison, found = [filecmp.dircmp(left, right)], []
    while comparison:
        here = comparison.pop()
        found += [f"{here.left}/{name}" for name in here.left_only + here.right_only + here.funny_files]
        found += [f"{here.left}/{name}" for name in filecmp.cmpfiles(here.left, here.right, here.common_files, shallow=False)[1]]
        comparison += here.subdirs.values()
    return found


def test_the_site_is_the_one_rendered_page_by_page(tmp_path):
    kept, every_time = copy_project(tmp_path / "kept"), copy_project(tmp_path / "every-time")
    (every_time.root / "every_time.py").write_text(EVERY_TIME, encoding="utf-8")
    config = every_time.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - build_tools/mkdocs_glue/fragments.py\n" in text
    config.write_text(text.replace("  - build_tools/mkdocs_glue/fragments.py\n", "  - every_time.py\n"), encoding="utf-8")
    for project in (kept, every_time):  # the site, and the offline bundle's (pages at folder/name.html)
        for site, options in (("site", []), ("offline", ["--config-file", "mkdocs.offline.yml"])):
            result = build_site(project, project.root / site, *options)
            assert result.returncode == 0, result.stderr[-3000:]
    documents = list((kept.root / "site" / "documents").glob("*/index.html")) + \
        list((kept.root / "offline" / "documents").glob("*.html"))
    assert len(documents) > 10 and all('class="md-tabs"' in page.read_text(encoding="utf-8") for page in documents)
    assert differing(kept.root / "site", every_time.root / "site") == []
    assert differing(kept.root / "offline", every_time.root / "offline") == []


def page(url: str, parent=None) -> SimpleNamespace:
    return SimpleNamespace(url=url, parent=parent)


def test_pages_outside_the_navigation_share_their_folders_markup():
    home, about = page(""), page("about/schema/", parent=object())
    nav = SimpleNamespace(pages=[home, about, page("browse/region/")])
    assert outside_nav(page("documents/law-1/"), nav) == outside_nav(page("documents/law-2/"), nav) == "documents"
    assert outside_nav(page("browse/region/he-nan/"), nav) == "browse/region"
    assert outside_nav(page("search/"), nav) == ""
    assert outside_nav(page("documents/law-1.html"), nav) == outside_nav(page("documents/law-2.html"), nav) == "documents"
    # In the navigation, or linked into by it: its own markup.
    assert outside_nav(home, nav) is None and outside_nav(about, nav) is None
    assert outside_nav(page("browse/"), nav) is None
    assert outside_nav(page(""), SimpleNamespace(pages=[about])) is None  # the root sees its links from elsewhere
    assert outside_nav(page("documents/law-1/"), None) is None and outside_nav(None, nav) is None


def test_a_fragment_is_rendered_once_per_name_and_key():
    fragment, rendered = Fragments(), []

    def caller(text):
        return lambda: rendered.append(text) or text

    assert [fragment("nav", "documents", caller=caller("a")), fragment("nav", "documents", caller=caller("b")),
            fragment("tabs", "documents", caller=caller("c")), fragment("nav", "browse", caller=caller("d")),
            fragment("nav", None, caller=caller("e")), fragment("nav", None, caller=caller("f"))] == \
        ["a", "a", "c", "d", "e", "f"]
    assert rendered == ["a", "c", "d", "e", "f"]
