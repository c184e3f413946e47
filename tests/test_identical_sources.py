"""Two sources with the same text are two documents, on every build (issue 14).

lawrefbook has three laws filed under two fields each (职业病防治法 in 社会法 and 经济法); the
conversion cache was keyed by content only, so from the second build on both files got the
cached pages of one of them and the strict build failed with "page slug … collides with" the
file itself.
"""
from __future__ import annotations

import pytest
from projects import make_project
from test_structure_text import parsed

from build_tools.render.convert import claim_slugs, convert_all, documents_from
from build_tools.errors import SourceError

LAW = ("中华人民共和国职业病防治法\n\n（2001年10月27日第九届全国人民代表大会常务委员会第二十四次会议通过）\n\n"
       "第一章　总则\n\n第一条　为了预防、控制和消除职业病危害，防治职业病，制定本法。\n")


def test_identical_sources_keep_their_own_pages_when_the_cache_is_used(tmp_path):
    project = make_project(tmp_path / "project", {"shehuifa.txt": LAW, "jingjifa.txt": LAW})
    for _ in range(2):  # the second run reads the cache
        report = convert_all(project)
        assert not report.errors
        assert sorted((document.slug, str(document.source.path)) for document in report.documents) == [
            ("jingjifa", "source_docs/jingjifa.txt"), ("shehuifa", "source_docs/shehuifa.txt")]


def test_two_parts_of_one_file_with_one_slug_are_an_error_not_a_lost_page():
    documents = documents_from(parsed("关于示范的通知\n\n正文。\n\n附件1\n\n示范表一\n\n内容。\n\n附件1\n\n示范表二\n\n内容。\n"), "x")
    assert [document.slug for document in documents] == ["x", "x-fujian-1", "x-fujian-1"]
    with pytest.raises(SourceError, match="two parts of this file share the page slug x-fujian-1"):
        claim_slugs(documents, {})  # before, the second 附件1 silently replaced the first one's page
