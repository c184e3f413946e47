"""Two sources with the same text are two documents, on every build (issue 14).

lawrefbook has three laws filed under two fields each (职业病防治法 in 社会法 and 经济法); the
conversion cache was keyed by content only, so from the second build on both files got the
cached pages of one of them and the strict build failed with "page slug … collides with" the
file itself.
"""
from __future__ import annotations

from projects import make_project

from build_tools.convert import convert_all

LAW = ("中华人民共和国职业病防治法\n\n（2001年10月27日第九届全国人民代表大会常务委员会第二十四次会议通过）\n\n"
       "第一章　总则\n\n第一条　为了预防、控制和消除职业病危害，防治职业病，制定本法。\n")


def test_identical_sources_keep_their_own_pages_when_the_cache_is_used(tmp_path):
    project = make_project(tmp_path / "project", {"shehuifa.txt": LAW, "jingjifa.txt": LAW})
    for _ in range(2):  # the second run reads the cache
        report = convert_all(project)
        assert not report.errors
        assert sorted((document.slug, str(document.source.path)) for document in report.documents) == [
            ("jingjifa", "source_docs/jingjifa.txt"), ("shehuifa", "source_docs/shehuifa.txt")]
