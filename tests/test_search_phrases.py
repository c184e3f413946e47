"""The browser's phrase matching against the plain definition: a phrase occurs in a section at
every start where the section's text continues with it.

The postings are the index's own (``bulk.coded_postings``, the layout ``test_search_bulk``
keeps); the engine decodes them (``bigramPostings``) and aligns the bigrams of the phrase
(``phraseHits``) in headless Chromium, the way a query does.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.benchmarks.browser import chromium
from build_tools.mkdocs_glue.search_hooks import ASSETS, SCRIPT_PARTS
from build_tools.search import bulk

pytestmark = pytest.mark.slow

# Few characters, so that bigrams repeat within and across sections and phrases overlap
# themselves (甲乙甲 in 甲乙甲乙甲); a space, a line break (no bigram holds it), a character
# outside the BMP.
ALPHABET = "法律第条甲乙 \n1\U00020000"
SECTIONS = st.lists(st.text(alphabet=ALPHABET, max_size=80), max_size=12)
PHRASE = st.text(alphabet=ALPHABET.replace("\n", ""), min_size=2, max_size=7)

HITS = """([codes, offsets]) => Array.from(
    archiveSearch.phraseHits(codes.map(archiveSearch.bigramPostings), offsets).entries())"""


@pytest.fixture(scope="module")
def engine():
    with chromium() as browser:
        page = browser.new_page()
        page.set_content("<!doctype html><meta charset='utf-8'><title>engine</title>")
        page.add_script_tag(content="".join((ASSETS / part).read_text(encoding="utf-8") for part in SCRIPT_PARTS))
        yield page


def offsets_of(phrase: str) -> list[int]:
    """The bigrams a query checks (``occurrences``): at 0, 2, 4 … and the last one."""
    offsets = list(range(0, len(phrase) - 1, 2))
    return offsets if offsets[-1] == len(phrase) - 2 else offsets + [len(phrase) - 2]


def starts(text: str, phrase: str) -> int:
    return sum(text.startswith(phrase, at) for at in range(len(text)))


@given(texts=SECTIONS, phrase=PHRASE, data=st.data())
@example(texts=["甲乙甲乙甲", "乙甲乙", "甲乙\n甲乙甲"], phrase="甲乙甲", data=None)
@example(texts=["法律第条法律", "", "第条法律第条"], phrase="第条法律", data=None)
def test_the_sections_holding_a_phrase_and_how_often(engine, texts, phrase, data):
    if data is not None and texts and data.draw(st.booleans()):  # a phrase cut from a section: found
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, max(0, len(text) - 2)))
        phrase = text[start:start + data.draw(st.integers(2, 7))].split("\n")[0]
        if len(phrase) < 2:
            return
    bigrams, _ = bulk.coded_postings(texts, 0, {}, {})
    offsets = offsets_of(phrase)
    found = engine.evaluate(HITS, [[bigrams.get(phrase[at:at + 2], "") for at in offsets], offsets])
    expected = [[number, starts(text, phrase)] for number, text in enumerate(texts) if phrase in text]
    assert found == expected
