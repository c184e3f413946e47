"""End to end on the five seeds: nothing lost, sentences whole, tables, headings, annexes.

Expected values were read off the raw files in source_docs/ (line numbers
are given), never copied from the converter's output.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_tools.reading import text as reader
from build_tools.render import page as render
from build_tools.render.convert import convert_all
from build_tools.structure import parse
from conftest import ROOT, SEEDS

QUJING = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao"
YUNYANG = "yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan"
REPLY_148 = "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"
REPLY_343 = "chuxiong-jiaoyu-2023-031-zhengxie-343-dafu"
CITY_REPLY = "chuxiong-shi-jiaoyu-zhengxie-zhiye-jiaoyu-dafu"
# Characters that carry meaning: after NFKC (full-width → ASCII), ideographs, letters,
# digits and the punctuation of running text. Spaces and tabs are layout.
_PUNCTUATION = set(",.;:?!()[]%+-/<>“”‘’《》〈〉〔〕【】、。…—·")
# A bullet that starts a source line becomes the page's list bullet.
_BULLET = re.compile(r"^\s*[-•●▪]\s+")
_SENTENCE_END = tuple("。！？；：…") + ("”", "）", ")")


def meaningful(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c.isalnum() or c in _PUNCTUATION)


def page_text(markdown_text: str) -> str:
    """The text a reader sees: the page's Markdown rendered to HTML, tags dropped."""
    html = markdown.markdown(markdown_text, extensions=["tables", "attr_list", "def_list", "md_in_html"])
    return BeautifulSoup(html, "html.parser").get_text()


def is_subsequence(needle: str, haystack: str) -> int:
    """Length of the longest prefix of ``needle`` found in order in ``haystack``."""
    position = 0
    for matched, char in enumerate(needle):
        position = haystack.find(char, position)
        if position < 0:
            return matched
        position += 1
    return len(needle)


def source_of(seed: Path):
    return reader.read_source(seed, ROOT)


def removed_lines(parsed) -> set[int]:
    """Source lines dropped on purpose (TOC, rules, duplicates), from every part."""
    lines = set()
    for removed in parsed.removed:
        lines.update(range(removed.line, removed.line + removed.text.count("\n") + 1))
    for part in parsed.annexes:
        lines |= removed_lines(part)
    return lines


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_no_text_is_lost(seed, converted, pages):
    """Each source line's characters appear, in order, on the page that shows that line.

    A page owns the source lines from each of its blocks' first line up to
    the next block of any page; only lines removed on purpose are skipped.
    """
    source = source_of(seed)
    documents = [doc for doc in converted.documents if doc.source.path == source.path]
    starts = sorted((block.line, doc.slug) for doc in documents for block in doc.blocks)
    skipped = removed_lines(parse(source))
    owned: dict[str, list[str]] = {doc.slug: [] for doc in documents}
    lines = source.text.split("\n")
    for index, (start, slug) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines) + 1
        owned[slug] += [_BULLET.sub("", lines[n - 1]) for n in range(start, end) if n not in skipped]
    covered = {n for n in range(starts[0][0], len(lines) + 1)} | skipped
    before_first = "".join(lines[n - 1] for n in range(1, starts[0][0]) if n not in covered)
    assert not meaningful(before_first), f"text before the first block is lost: {before_first[:80]}"
    for slug, source_lines in owned.items():
        expected = meaningful("".join(source_lines))
        shown = meaningful(page_text(pages[slug][1]))
        found = is_subsequence(expected, shown)
        assert found == len(expected), f"{slug}: lost text at …{expected[max(0, found - 30):found + 30]}…"


def test_measure_fails_when_text_is_missing():
    assert is_subsequence(meaningful("第 148 号提案"), meaningful("第148号提案")) == len(meaningful("第148号提案"))
    assert is_subsequence(meaningful("甲乙丙"), meaningful("甲丙")) == 1


def paragraphs(body: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_no_sentence_is_broken_across_paragraphs(seed, converted):
    """A text paragraph that does not end a sentence must be a heading, table, list or header line.

    Pages are rendered without the catalogue's card and relations, which are not source text.
    """
    for document in (doc for doc in converted.documents if doc.source.path.name == seed.name):
        body = render.render(document).split("\n---\n", 1)[1]
        for paragraph in paragraphs(body):
            if paragraph.startswith(("#", "|", "- ")) or "\n{: ." in paragraph:
                continue
            assert paragraph.endswith(_SENTENCE_END), f"{document.slug}: ends mid-sentence: …{paragraph[-60:]}"


def tables_of(body: str) -> list[list[str]]:
    tables, current = [], []
    for line in body.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables + ([current] if current else [])


def cell_count(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip())) - 2


def test_every_seed_table_is_a_markdown_table_with_consistent_columns(pages):
    body = pages[QUJING][1]
    tables = tables_of(body)
    # Source lines 79, 92, 107, 117, 135, 174, 186, 354: eight tab-separated tables.
    assert len(tables) == 8
    widths = [cell_count(table[0]) for table in tables]
    assert widths == [3, 3, 3, 3, 5, 5, 5, 3]
    for table in tables:
        assert {cell_count(row) for row in table} == {cell_count(table[0])}, table[0]
        assert re.fullmatch(r"\|( --- \|)+", table[1])
    # Source line 136–148: 12 data rows; the page break (blank line 139) does not split the table.
    assert len(tables[4]) == 2 + 12
    # Source lines 174–175: 获奖情况 spans 一等奖/二等奖/三等奖 on the next line.
    assert "获奖情况：一等奖" in tables[5][0] and "获奖情况：三等奖" in tables[5][0]
    # Source line 195 is an ASCII rule under the table, not a row.
    assert all("---" not in row for table in tables for row in table[2:])


def test_table_captions_stay_with_their_tables(pages):
    body = pages[QUJING][1]
    for caption in ("表1-1 基本办学条件表", "表1-5 教师队伍总体结构表", "表2-1 学生技能竞赛获奖统计"):
        following = body.split(caption, 1)[1].lstrip("\n{: .doc-caption}\n")
        assert following.lstrip().startswith("|"), caption


def headings(body: str) -> list[tuple[int, str]]:
    found = []
    for line in body.split("\n"):
        match = re.match(r"^(#{2,6}) (.+)$", line)
        if match:
            found.append((len(match.group(1)) - 1, match.group(2)))
    return found


def test_heading_levels_of_the_quality_report(pages):
    found = dict((text, level) for level, text in headings(pages[QUJING][1]))
    # Source lines 18, 55, 57, 69, 129, 150, 233, 273: 前言 and chapters 1、 at the top,
    # 1.1 below, 1.2.1 below that; 1、师资队伍总体结构 restarts numbering inside 1.3;
    # ① items sit under 3.3.4.
    assert found["前言"] == 1
    assert found["1、基本情况"] == 1 and found["2、学生发展"] == 1 and found["9、主要问题和改进措施"] == 1
    assert found["1.1 结构和规模"] == 2 and found["1.3 教师队伍"] == 2
    assert found["1.2.1 基础办学资源"] == 3
    assert found["1、师资队伍总体结构"] == 3
    assert found["①教学管理"] == 4 and found["⑥管理信息化水平"] == 4
    # The table of contents (source lines 22–51) is dropped, never turned into headings.
    assert "目录" not in found and all(not text.endswith(("\t3", " 6")) for text in found)


def test_heading_levels_of_notices_and_replies(pages):
    plan = dict((text, level) for level, text in headings(pages[f"{YUNYANG}-yinfa"][1]))
    # yunyang lines 13, 17: 一、 → （一）.
    assert plan["一、总体要求"] == 1 and plan["（一）推动职业教育纵向贯通发展"] == 2
    reply = dict((text, level) for level, text in headings(pages[CITY_REPLY][1]))
    # chuxiong-shi lines 5–6: 1. under 二、, a heading ending in 。.
    assert reply["二、具体办理落实情况"] == 1 and reply["1.关于委员提出的创新人才引进方式的意见建议。"] == 2
    fixed = dict((text, level) for level, text in headings(pages[REPLY_343][1]))
    # 343 line 28 starts a new page with a leading space.
    assert fixed["一、与上海市嘉定区的合作"] == 1


def test_run_in_heads_are_bold_leads_and_inline_enumerations_stay(pages):
    plan = pages[f"{YUNYANG}-yinfa"][1]
    # yunyang line 14: （一）指导思想。以习近平…
    assert "**（一）指导思想。**以习近平新时代中国特色社会主义思想为指导" in plan
    reply = pages[REPLY_148][1]
    # 148 line 19: 一是… stays in its paragraph, not a heading.
    assert "\n一是率先在全省召开全州职业教育大会。2023年1月16日" in reply
    assert not any(text.startswith("一是") for _, text in headings(reply))


def test_both_annexes_of_the_quality_report_are_pages_with_their_titles(pages):
    first, _ = pages[f"{QUJING}-fujian-1"]
    second, _ = pages[f"{QUJING}-fujian-2"]
    issued, _ = pages[f"{QUJING}-fujian-2-yinfa"]
    # Source lines 482 (letter-spaced 培 训), 640 and 654.
    assert first["title"] == "曲靖市人民政府关于推行终身职业技能培训制度的实施意见"
    assert second["title"] == "曲靖市人民政府办公室关于印发曲靖市推进产教融合实施方案的通知"
    assert issued["title"] == "曲靖市推进产教融合的实施方案"


def test_the_repeated_title_is_kept_once_and_reported(converted, pages):
    body = pages[f"{QUJING}-fujian-2"][1]
    # Source lines 640 and 644 repeat the notice title.
    assert body.count("关于印发曲靖市推进产教融合实施方案的通知") == 1 + body.count("doc-card") * 0
    notes = [note for doc in converted.documents if doc.slug == f"{QUJING}-fujian-2" for note in doc.notes]
    assert any(":644:" in note for note in notes)


def test_header_lines_are_not_body_paragraphs(pages):
    body = pages[REPLY_343][1]
    # 343 lines 1, 3, 4, 11, 169, 171, 173: masthead, addressee, date, contact and 抄送.
    assert "公开  \n楚雄彝族自治州教育体育局文件  \n楚教复〔2023〕31号\n{: .doc-masthead }" in body
    assert "陶尚周委员：\n{: .doc-addressee }" in body
    assert "2023年7月30日\n{: .doc-signature }" in body
    assert "联系人及电话：李同国 3121746  \n抄送：州政府办公室，州政协提案委员会。\n{: .doc-footer }" in body
    assert "———" not in body


def test_second_full_conversion_writes_the_same_bytes(converted, project):
    before = {path: path.read_bytes() for path in sorted(project.documents.glob("*.md"))}
    again = convert_all(project)
    assert again.written == []
    assert {path: path.read_bytes() for path in sorted(project.documents.glob("*.md"))} == before


def expected_level(text: str) -> int:
    """The level a heading of the seeds has, read off the source's numbering.

    Outlines nest by depth (1.2 → 2, 1.2.1 → 3); 前言 and the chapters N、 are top level,
    except 1、师资队伍总体结构 (line 129), which restarts numbering inside 1.3; ① items
    sit under x.y.z; in the notices 一、 is top level and （一） below it.
    """
    if text == "1、师资队伍总体结构":
        return 3
    outline = re.match(r"^(\d+(?:\.\d+)+) ", text)
    if outline:
        return outline.group(1).count(".") + 1
    if re.match(r"^[①-⑳]", text):
        return 4
    if re.match(r"^（[一二三四五六七八九十]+）", text):
        return 2
    return 1


@pytest.mark.parametrize("slug", [QUJING, f"{QUJING}-fujian-1", f"{QUJING}-fujian-2-yinfa", f"{YUNYANG}-yinfa",
                                  REPLY_148, REPLY_343])
def test_every_heading_of_the_seeds_has_its_level(converted, slug):
    [document] = [doc for doc in converted.documents if doc.slug == slug]
    found = headings(render.render(document))  # without the catalogue's card and relations
    assert found, slug
    for level, text in found:
        assert level == expected_level(text), f"{slug}: {text} at level {level}"
