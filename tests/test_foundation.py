"""End to end: every seed becomes a page, and the built site shows it."""
from __future__ import annotations

from bs4 import BeautifulSoup

from build_tools.render.convert import convert_all
from conftest import SEEDS, read_page


def test_every_seed_is_copied_and_converted(converted, project):
    assert len(SEEDS) >= 5
    sources = {str(doc.source.path) for doc in converted.documents}
    assert sources == {f"source_docs/{seed.name}" for seed in SEEDS}


def test_front_matter_parses_with_title_and_source(converted, project):
    for doc in converted.documents:
        meta, body = read_page(project.documents / f"{doc.slug}.md")
        assert meta["title"].strip(), doc.slug
        assert (project.root / meta["source"]).is_file(), meta["source"]
        assert body.strip()


def test_second_conversion_writes_nothing(converted, project):
    again = convert_all(project)
    assert again.written == [] and again.removed == []


def test_built_site_has_a_page_with_each_title(site, converted):
    assert (site / "index.html").is_file()
    for doc in converted.documents:
        page = site / "documents" / doc.slug / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert doc.meta["title"] in soup.find("h1").get_text(), doc.slug
