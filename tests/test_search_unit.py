"""Search stage, Python side: normalisation, number coding, HTML sections, the index."""
from __future__ import annotations

import random
import re

import pytest

from build_tools.search.extract import SearchPage, Section, sections_from_html
from build_tools.search.index import META_FIELDS, all_ranges, build_index
from build_tools.search.normalise import fold_char, normalise, parse_query
from build_tools.search.payload import script
from build_tools.search.postings import decode_numbers, encode_numbers, pack_shard, shard_of, unpack_shard
from build_tools.search.shards import read_documents, read_script, section_codes, write_shards


def test_bracket_variants_normalise_alike():
    variants = ["楚教复〔2023〕27号", "楚教复[2023]27号", "楚教复［2023］27号", "楚教复【2023】27号",
                "楚教复（2023）27号", "楚教复(2023)27号"]
    assert {normalise(v) for v in variants} == {"楚教复(2023)27号"}


def test_width_case_and_spaces_between_cjk_and_digits():
    assert normalise("ＡＢＣ１２３") == "abc123"
    assert normalise("第 148 号") == normalise("第148号") == "第148号"
    assert normalise("2023 年 1 月") == "2023年1月"
    # A space between two Latin/digit words is kept (one), elsewhere dropped.
    assert normalise("Python   3　版") == "python 3版"
    assert normalise("答　复") == "答复"


def test_block_breaks_survive_and_collapse():
    assert normalise("\n 甲乙 \n\n 丙丁 \n") == "甲乙\n丙丁"


def test_folding_agrees_with_the_character_rules():
    sample = "".join(chr(code) for code in range(0x20, 0x3100)) + "".join(chr(code) for code in range(0xFF00, 0xFFEF))
    folded = "".join(fold_char(char) for char in sample)
    assert normalise(sample) == normalise(folded)
    assert normalise("Ａ（Ｂ）\u3000c") == "a(b)c"


def test_query_terms_and_phrase():
    query = parse_query(" 楚教复　2023 27 ")
    assert query.terms == ("楚教复", "2023", "27")
    assert query.phrase == "楚教复2023 27"
    assert parse_query("产教融合 产教融合").terms == ("产教融合",)
    assert parse_query("   ").terms == ()


def test_numbers_round_trip_through_the_ascii_code():
    # One character below 65, two below 65·28, three below 65·28² (the coding's bounds).
    numbers = [0, 1, 64, 65, 1819, 1820, 50959, 50960, 10 ** 9]
    text = encode_numbers(numbers)
    assert decode_numbers(text) == numbers
    assert [len(encode_numbers([n])) for n in numbers] == [1, 1, 1, 2, 2, 3, 3, 4, 6]  # 65·28⁴ ≤ 10⁹ < 65·28⁵
    assert '"' not in text and "\\" not in text and text.isascii()


def test_a_shard_packs_keys_and_postings_and_unpacks_to_the_same():
    shard = {"职业": encode_numbers([3, 8]), "(2": encode_numbers(range(100)), "𠀀a": ""}
    packed = pack_shard(shard)
    assert packed[0] == "(2职业𠀀a"  # keys in code point order
    assert unpack_shard(packed, 2) == shard


def test_text_is_written_compressed_and_digits_plain(tmp_path):
    text = [["", "第一条 为了规范职业教育，制定本法。\n" * 200]]
    written = script("t/0-0", text)
    assert "职业" not in written and len(written.encode()) < len(str(text).encode()) / 5
    draw = random.Random(1)
    digits = pack_shard({chr(draw.randrange(0x4E00, 0x9FA5)) + chr(draw.randrange(0x4E00, 0x9FA5)):
                         encode_numbers(draw.randrange(3000) for _ in range(40)) for _ in range(100)})
    assert script("b/0", digits).startswith('__archiveSearchData("b/0",["')
    for name, data in (("t", text), ("b", digits)):
        (tmp_path / f"{name}.js").write_text(script(name, data), encoding="utf-8")
        assert read_script(tmp_path / f"{name}.js") == data


def test_shards_are_spread_and_stable():
    keys = [chr(0x4E00 + n) + chr(0x4E00 + 2 * n) for n in range(2000)]
    shards = [shard_of(key, 16) for key in keys]
    assert shards == [shard_of(key, 16) for key in keys]
    assert min(shards.count(n) for n in range(16)) > 2000 / 16 / 2


def test_shards_stay_small_as_the_archive_grows():
    from build_tools.search.state import SHARD_BYTES, shard_count

    # 55.7 MB of bigram postings at 3,475 laws, about 320 MB at 20,000: a shard holds at most SHARD_BYTES.
    for total in (55_700_000, 320_000_000, 1_000_000_000):
        count = shard_count(total)
        assert total / count <= SHARD_BYTES and count & (count - 1) == 0


def test_sections_follow_headings_and_skip_permalinks():
    html = ('<p class="doc-masthead">云阳府发〔2022〕4号</p>'
            '<h1 id="t">标题<a class="headerlink" href="#t">¶</a></h1><p>导语 <b>一段</b></p>'
            '<table><tr><td>甲</td><td>乙</td></tr></table>'
            '<h2 id="一总体要求">一、总体要求</h2><p>内容</p><script>var x = "脚本";</script>'
            '<div data-search-exclude><p>不索引</p></div>')
    sections = sections_from_html(html)
    # The title is the ``title`` field, not text: the page top is one section with what surrounds it.
    assert [(s.anchor, s.heading) for s in sections] == [("", ""), ("一总体要求", "一、总体要求")]
    assert sections[0].text == "云阳府发〔2022〕4号\n导语 一段\n甲\n乙"
    assert sections[1].text == "一、总体要求\n内容"


def test_card_and_relations_are_not_the_documents_text():
    """The card's labels and the relations list are the site's words (cards.card, cards.relations_section)."""
    html = ('<h1 id="t">标题</h1><div class="doc-card"><dl><dt>发文机关</dt><dd>云阳县人民政府</dd></dl>'
            '<div class="doc-provenance"><p><strong>来源与核验</strong> 以原件为准</p></div></div>'
            '<p>正文</p><h2 id="关联文件">关联文件</h2><h2 id="关联文件_1">关联文件</h2>'
            '<h3 id="文件关系">文件关系</h3><ul><li>《另一文件》</li></ul>')
    sections = sections_from_html(html)
    # Only the last h2 named 关联文件 opens the relations: an earlier one is the document's own heading.
    assert [(s.anchor, s.text) for s in sections] == [("", "正文"), ("关联文件", "关联文件")]


def test_markup_is_read_as_html_reads_it():
    """Void elements close nothing, raw text and comments are not text, references are characters."""
    html = ('<div class="doc-card"><p>发文机关<br />云阳县<img src="x.png"/>人民政府</p></div>'
            '<p>甲&amp;乙&#12289;丙<!-- <p>注释</p> --></p><script>if (a<b) { x = "<p>脚本</p>"; }</script>'
            '<h2 id="a&amp;b" class=\'x\'>一、<em>总则</em></h2><p title="a>b">条文</p><div data-search-exclude="">略</div>')
    sections = sections_from_html(html)
    assert [(s.anchor, s.heading, s.text) for s in sections] == [
        ("", "", "甲&乙、丙"), ("a&b", "一、总则", "一、总则\n条文")]


def decoded_positions(numbers: list[int]) -> dict[int, list[int]]:
    """Inverse of the positional coding (Δsection, 2·p0 + more, [count − 2, Δp…]), for the tests."""
    postings, at, section = {}, 0, 0
    while at < len(numbers):
        section += numbers[at]
        head = numbers[at + 1]
        positions = [head // 2]
        at += 2
        if head % 2:
            count = numbers[at] + 2
            for delta in numbers[at + 1:at + count]:
                positions.append(positions[-1] + delta)
            at += count
        postings[section] = positions
    return postings


def test_bigram_coding_folds_the_single_occurrence_flag_into_the_position():
    bigrams = postings_of([SearchPage("d/", {}, [Section("", "", "甲乙甲乙丙"), Section("x", "", "乙丙")])])[0]
    fields = len(META_FIELDS)
    # 甲乙 twice in the first text section (at 0 and 2): flag set, count − 2 = 0, gap 2.
    assert bigrams["甲乙"] == [fields, 2 * 0 + 1, 0, 2]
    # 乙丙 once in each: at 3, then at 0 one section later.
    assert bigrams["乙丙"] == [fields, 2 * 3, 1, 2 * 0]


def postings_of(pages: list[SearchPage]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The numbers of each bigram and character of the one range ``pages`` make."""
    (bigrams, unigrams), = all_ranges(build_index(pages))
    return tuple({key: decode_numbers(coded) for key, coded in postings.items()} for postings in (bigrams, unigrams))


PAGES = [
    SearchPage("documents/b/", {"title": "乙文件", "doc_number": "云阳府发〔2022〕4号", "region": "云阳县"},
               [Section("", "", "中华人民共和国职业教育法\n政协 提案"), Section("二", "二", "职业教育职业教育")]),
    SearchPage("documents/a/", {"title": "甲文件", "date": "2023-05-01"}, [Section("", "", "市政协教科卫体")]),
]


def test_index_positions_are_the_text_positions():
    index = build_index(PAGES)
    bigrams, unigrams = postings_of(PAGES)
    # Each document's sections: its metadata fields (one each), then its text sections.
    texts = [normalise(text) for doc in index.documents
             for text in [*(doc.fields[name] for name in META_FIELDS), *(s.text for s in doc.sections)]]
    assert index.section_count == len(texts)
    for pair in ("职业", "政协", "人民", "育职", "云阳", "(2"):
        found = decoded_positions(bigrams[pair])
        expected = {n: [i for i in range(len(t) - 1) if t[i:i + 2] == pair] for n, t in enumerate(texts)}
        assert found == {n: p for n, p in expected.items() if p}, pair
    # Documents in URL order; a match never spans a block break.
    assert [doc.url for doc in index.documents] == ["documents/a/", "documents/b/"]
    assert "法\n" not in bigrams and "法政" not in bigrams
    # A character's postings: the Δsection of each section holding it, once however often it occurs.
    for char in ("职", "教", "甲", "2"):
        holding = [n for n, text in enumerate(texts) if char in text]
        assert unigrams[char] == [b - a for a, b in zip([0] + holding, holding)], char
    assert " " not in unigrams and "\n" not in unigrams


def test_fields_come_from_front_matter_with_year_from_date():
    index = build_index(PAGES)
    assert index.documents[0].fields["year"] == "2023"
    assert index.documents[1].fields["region"] == "云阳县"


def test_shards_round_trip_and_stale_files_go(tmp_path):
    out = tmp_path / "search-index"
    (out / "t").mkdir(parents=True)
    (out / "t" / "9-0.js").write_text("stale", encoding="utf-8")
    stats = write_shards(build_index(PAGES), out, "search/")
    assert not (out / "t" / "9-0.js").exists()
    documents = read_documents(out)
    assert [d.url for d in documents] == ["documents/a/", "documents/b/"]
    assert documents[1].sections[1] == ["二", "二", "职业教育职业教育"]
    meta = read_script(out / "meta.js")
    assert meta["search_page"] == "search/" and meta["documents"] == 2
    # Per document 2 · text sections + dead, in the s/ block; a's fields and one text section come first.
    assert section_codes(out) == {0: 2, 1: 4} and decode_numbers(meta["doc_blocks"]) == [0]
    assert meta["facets"]["region"] == ["云阳县"]
    assert decode_numbers(read_script(out / "s" / "0.js")["facets"]["region"]) == [0, 1, 0]
    assert stats.total == sum(p.stat().st_size for p in out.rglob("*.js"))
    # Small files are left plain, with Chinese as UTF-8, not as \\uXXXX escapes.
    assert "职业" in (out / "t" / "1-0.js").read_text(encoding="utf-8")


def test_query_set_is_seeded_and_its_expectations_come_from_the_text():
    from build_tools.benchmarks.queryset import build_queries, doc_number_variants
    from build_tools.search.shards import IndexedText

    fields = dict.fromkeys(META_FIELDS, "")
    documents = [
        IndexedText("a/", {**fields, "doc_number": "楚教复〔2023〕27号", "region": "云南省、楚雄彝族自治州"},
                    [["", "", "关于职业教育的答复第 148 号提案" * 3]]),
        IndexedText("b/", {**fields, "title": "云阳县实施方案"}, [["", "", "产教融合发展，楚教复〔2023〕27号。" * 3]]),
    ]
    queries = build_queries(documents, seed=7)
    assert queries == build_queries(documents, seed=7)
    assert doc_number_variants("楚教复〔2023〕27号")[-1] == "楚教复 2023 27"
    by_query = {q["query"]: q for q in queries}
    assert by_query["楚教复[2023]27号"]["owner"] == "a/"
    assert by_query["楚教复[2023]27号"]["expected"] == ["a/", "b/"]
    assert by_query["楚雄彝族自治州"]["expected"] == ["a/"]
    for query in queries:
        wanted = parse_query(query["query"]).terms
        assert query["expected"] == [d.url for d in documents
                                     if all(any(t in normalise(text) for text in [*d.fields.values(), d.sections[0][2]])
                                            for t in wanted)]
    assert sum(q["category"] == "sampled" for q in queries) >= 200


def test_text_rows_store_a_heading_that_opens_its_section_once():
    from build_tools.search.documents import section_of_row, text_row

    opening = Section("一总体要求", "一、总体要求", "一、总体要求\n内容")
    assert text_row(opening) == ["一总体要求", "一、总体要求\n内容"]
    top, other = Section("", "", "导语\n正文"), Section("二", "二", "职业教育")
    assert text_row(top) == ["", "导语\n正文"] and len(text_row(other)) == 3
    for section in (opening, top, other):
        assert section_of_row(text_row(section)) == [section.anchor, section.heading, section.text]


def test_snippet_texts_are_split_into_chunks_that_round_trip(tmp_path):
    from build_tools.search.documents import TEXT_BYTES

    # Sections of a third of a file's text (3 bytes a character): three to a file, the seventh alone.
    sections = [Section(f"s{n}", f"第{n}节", f"第{n}节\n" + "内" * (TEXT_BYTES // 9 - 20)) for n in range(7)]
    write_shards(build_index([SearchPage("documents/long/", {}, sections)]), tmp_path, "search/")
    chunks = sorted(p.name for p in (tmp_path / "t").glob("*.js"))
    assert chunks == ["0-0.js", "0-1.js", "0-2.js"]
    assert [len(read_script(tmp_path / "t" / name)) for name in chunks] == [3, 3, 1]
    assert decode_numbers(read_script(tmp_path / "d" / "0.js")[0][-1]) == [3, 3, 1]
    [document] = read_documents(tmp_path)
    assert document.sections == [[s.anchor, s.heading, s.text] for s in sections]


def test_a_damaged_index_file_is_named(tmp_path):
    path = tmp_path / "0.js"
    path.write_text('__archiveSearchData("s/0","abcde");\n', encoding="utf-8")
    with pytest.raises(ValueError, match=f"^{re.escape(str(path))}: damaged search index file"):
        read_script(path)
