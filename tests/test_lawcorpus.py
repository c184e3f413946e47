"""The real-text benchmark corpus: the first 3,475 documents are the laws, later ones copies
under other regions that the converter reads as other documents (skipped without the corpus)."""
from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

import pytest

from build_tools.benchmarks import lawcorpus, lawrefbook
from build_tools.render.convert import convert_text
from build_tools.benchmarks.lawrefbook.markdown import ARTICLE
from build_tools.model import SourceText
from conftest import ROOT

CORPUS = lawcorpus.folder(ROOT)
pytestmark = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus/lawrefbook is absent")


def converted(text: str):
    source = SourceText(PurePosixPath("source_docs/x.txt"), text, hashlib.sha256(text.encode()).hexdigest())
    return convert_text(source, None)[0][0]


def test_the_first_documents_are_the_laws_as_an_editor_pastes_them():
    laws = len(lawrefbook.names(CORPUS))
    assert laws == len(lawcorpus.law_names(CORPUS)) == 3475
    # The first N are lawrefbook's own sample of N, spread over the whole corpus.
    made = dict(lawcorpus.texts(CORPUS, 12))
    assert sorted(made.values()) == sorted(law.text for law in lawrefbook.texts(CORPUS, 12))
    assert made[3] == lawcorpus.document_text(CORPUS, 3)


def test_a_copy_is_another_regions_law_with_the_same_body(tmp_path):
    names = lawcorpus.law_names(CORPUS)
    local = next(i for i, name in enumerate(names) if name.startswith("DLC/") and "(" not in name)
    law = lawrefbook.parse((CORPUS / names[local]).read_text(encoding="utf-8"))
    original, copy = (converted(lawcorpus.document_text(CORPUS, index)) for index in (local, local + len(names)))
    region, _ = lawcorpus.regions()[(local + len(names)) % len(lawcorpus.regions())]
    assert copy.meta["title"] == region + law.title[len(lawcorpus.leading_place(law.title)):]
    assert copy.meta["region"][-1] == region != original.meta["region"][-1]
    assert copy.meta["doc_number"].endswith("号") and not original.meta.get("doc_number")
    # The first copy's records are four years older (wrapped lines joined again).
    flat = "".join(lawcorpus.document_text(CORPUS, local + len(names)).split())
    years = [int(y) for record in law.records for y in lawcorpus._YEAR.findall(record)]
    assert years and all(f"{year - 4}年" in flat for year in years)
    # The body is the law's: every article paragraph is there, word for word.
    articles = [text for kind, text in law.body if kind == "paragraph" and ARTICLE.match(text)]
    assert articles and all("".join(article.split()) in flat for article in articles)


def test_copies_have_unique_numbers_and_files(tmp_path):
    texts = [lawcorpus.document_text(CORPUS, index) for index in range(3475, 3475 + 2000, 7)]
    printed = [re.search(r"（(\S+人大常〔\d{4}〕\d+号)）", "".join(text.split())).group(1) for text in texts]
    assert len(set(printed)) == len(printed)
    # The converter reads most of them (not all: a long judicial title can hide the line after it).
    read = [converted(text).meta.get("doc_number") for text in texts[:60]]
    assert sum(number == expected for number, expected in zip(read, printed)) >= 0.8 * len(read)
    paths = lawcorpus.make_corpus(ROOT, 5, tmp_path / "project")
    assert [path.name for path in paths] == [lawcorpus.file_name(index) for index in range(5)]
    assert lawcorpus.write_document(tmp_path / "project", CORPUS, 5).name == "law-000005.txt"
