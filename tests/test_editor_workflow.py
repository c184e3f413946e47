"""An editor adds a new raw document to a copy of the project, as CONTRIBUTING.md describes.

End to end and from the editor's side: the commands run as subprocesses
(``python -m build_tools --root <project> …``) and the tests read what the
editor reads — each message's file, line, what is wrong and the fix after
``→`` — and the exit status CI acts on. ``test_check.py`` covers the rules
one by one in process; here each mistake is made on one realistic notice.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from build_tools.search.shards import read_script
from projects import build_site, make_project

NAME = "dayao-jiaoti-2024-008-xueqian-xuanchuan"
SIDECAR = f"source_docs/{NAME}.yml"
# A county education bureau notice as copied from its PDF (written for this test).
NOTICE = """大姚县教育体育局文件

大教体发[2024]8号

大姚县教育体育局关于开展2024年学前教育宣传月活动的通知

各乡镇中心学校，县直各学校：
根据上级关于开展学前教育宣传月活动的安排，结合我县实际，现就开展2024年学前教育宣传月活动有关事项通
知如下。
一、活动时间
2024年5月20日至6月20日。
二、活动内容
（一）开展政策宣传。各园要通过家长会、公众号等形式，向家长宣传科学育儿知识。
（二）做好幼小衔接。各中心学校要组织小学和幼儿园开展双向衔接活动，防止和纠正幼儿园“小学化”倾向。
三、有关要求
各单位于2024年6月25日前将活动总结报县教育体育局基础教育股。

大姚县教育体育局
2024年5月10日

抄送：县人民政府办公室。
大姚县教育体育局办公室                2024年5月10日印发
"""
# What the editor writes after checking the text: only provenance is not in it.
PROVENANCE = ("source_url: https://www.example.gov.cn/dayao/jyj/2024-008.html  # 示例网址\n"
              "retrieved: 2024-05-12  # 编者下载原文的日期\n")
# Another notice of the same bureau, typed with the number of the first one by mistake.
SECOND = NOTICE.replace("学前教育宣传月活动", "校园安全月活动")


@dataclass(frozen=True)
class Message:
    where: str  # path:line or path
    level: str  # 错误 error, 警告 warning, 覆盖 override
    text: str
    hint: str  # the line after →, or ""


def run(project, *command: str) -> tuple[int, str]:
    result = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(project.root), *command],
                            cwd=project.root, capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def messages(output: str) -> list[Message]:
    """The findings of ``check`` as an editor reads them: where, level, what, → how to fix."""
    pattern = re.compile(r"^(\S+): (错误 error|警告 warning|覆盖 override): (.*)\n(?:    → (.*)\n)?", re.M)
    return [Message(where, level, text, hint or "") for where, level, text, hint in pattern.findall(output)]


def check(project) -> tuple[int, list[Message], str]:
    code, output = run(project, "check")
    return code, messages(output), output


def errors(found: list[Message]) -> list[Message]:
    return [message for message in found if message.level == "错误 error"]


@pytest.fixture
def project(tmp_path):
    """A copy of the project (real code, config and hand-written pages) with the editor's new notice."""
    return make_project(tmp_path / "archive", {f"{NAME}.txt": NOTICE})


def add(project, name: str, text: str) -> None:
    (project.sources / name).write_text(text, encoding="utf-8")


def hand_written(project) -> dict[str, str]:
    """Hashes of the files an editor must never need to edit: config and hand-written pages."""
    paths = [project.root / "mkdocs.yml", *sorted(project.docs.rglob("*.md"))]
    generated = (project.documents, project.browse)
    return {path.relative_to(project.root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in paths if not any(folder in path.parents for folder in generated)}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))


def test_without_a_sidecar_the_notice_passes_and_only_its_provenance_is_asked_for(project):
    code, found, output = check(project)
    assert code == 0, output
    assert found == [Message(
        f"source_docs/{NAME}.txt", "警告 warning", "未填写来源网址 source_url 和获取日期 retrieved / no provenance",
        f"在 {SIDECAR} 中填写 source_url: https://… 和 retrieved: YYYY-MM-DD / set source_url and retrieved")]
    assert output.rstrip().endswith("checked 1 sources, 1 documents: 0 errors, 1 warnings, 0 overrides")


def test_without_a_sidecar_the_page_states_what_the_text_states(project):
    assert run(project, "convert")[0] == 0
    meta = front_matter(project.documents / f"{NAME}.md")
    # Read off the notice: title (line 5), number (line 3, brackets normalised), addressee (line 7),
    # signature (lines 18–19), 抄送 (line 21); the county is in the bureau's name.
    assert meta["title"] == "大姚县教育体育局关于开展2024年学前教育宣传月活动的通知"
    assert meta["doc_number"] == "大教体发〔2024〕8号"
    assert meta["addressee"] == "各乡镇中心学校，县直各学校"
    assert (meta["issuer"], meta["date"], meta["date_source"]) == ("大姚县教育体育局", "2024-05-10", "text")
    assert meta["region"] == ["云南省", "楚雄彝族自治州", "大姚县"] and meta["cc"] == ["县人民政府办公室"]
    assert "source_url" not in meta


def test_new_then_the_editor_fills_the_gaps_and_check_is_silent(project):
    code, output = run(project, "new", f"source_docs/{NAME}.txt")
    assert (code, output.strip()) == (0, f"已生成 {SIDECAR}：请核对提取的值并填写以 # 开头的空缺字段 / sidecar written")
    sidecar = project.root / SIDECAR
    text = sidecar.read_text(encoding="utf-8")
    assert "doc_number: 大教体发〔2024〕8号  # 自动提取，请核对" in text
    assert "# source_url:   # 来源网址" in text and "# retrieved:   # 获取日期" in text
    # The editor uncomments the two placeholders and says where the values come from.
    text = re.sub(r"^# source_url: .*$", PROVENANCE.splitlines()[0], text, flags=re.M)
    text = re.sub(r"^# retrieved: .*$", PROVENANCE.splitlines()[1], text, flags=re.M)
    sidecar.write_text(text, encoding="utf-8")
    code, found, output = check(project)
    assert (code, found) == (0, []), output
    assert run(project, "convert")[0] == 0
    meta = front_matter(project.documents / f"{NAME}.md")
    assert meta["source_url"] == "https://www.example.gov.cn/dayao/jyj/2024-008.html"
    assert meta["retrieved"] == "2024-05-12"


def test_running_new_twice_keeps_the_editors_work(project):
    assert run(project, "new", f"source_docs/{NAME}.txt")[0] == 0
    (project.root / SIDECAR).write_text(PROVENANCE, encoding="utf-8")
    code, output = run(project, "new", f"source_docs/{NAME}.txt")
    assert code == 1 and f"{SIDECAR}: 附属文件已存在，不会覆盖" in output
    assert (project.root / SIDECAR).read_text(encoding="utf-8") == PROVENANCE


def test_new_with_the_bare_file_name_says_what_to_type(project):
    code, output = run(project, "new", f"{NAME}.txt")
    assert code == 1 and not (project.root / SIDECAR).exists()
    assert f"→ 您是否想写 / did you mean: python -m build_tools new source_docs/{NAME}.txt" in output


# Each mistake: the files the editor writes, then (where, what is wrong, how to fix) of the one error.
MISTAKES = {
    "date that cannot be parsed (sidecar)": (
        {f"{NAME}.yml": PROVENANCE + "date: 2024年5月32日  # 原文第 19 行\n"},
        f"{SIDECAR}:3", "成文日期 date 的值有误：2024年5月32日 不是有效日期 / not a calendar date",
        "成文日期 date 的写法：2023-07-30；只知年月写 2023-07，只知年份写 2023"),
    "date that cannot be parsed (raw text)": (
        {f"{NAME}.txt": NOTICE.replace("\n2024年5月10日\n", "\n2024年15月10日\n"), f"{NAME}.yml": PROVENANCE},
        f"source_docs/{NAME}.txt:19", "原文中的“2024年15月10日”无法识别：月份 15 无效",
        "原文确有笔误时，请核对后在附属文件中填写 date 并注明 / correct it in the sidecar"),
    "region name not in the gazetteer": (
        {f"{NAME}.yml": PROVENANCE + "region: [云南省, 楚雄彝族自治州, 大桃县]\n"},
        f"{SIDECAR}:3", "地区 region 的值有误：地区“大桃县”不在行政区划表中 / unknown region '大桃县'",
        "您是否指：大姚县"),
    "short region name": (
        {f"{NAME}.yml": PROVENANCE + "region: [云南省, 楚雄州]\n"},
        f"{SIDECAR}:3", "地区“楚雄州”不在行政区划表中", "您是否指：楚雄彝族自治州 / did you mean one of these?"),
    "duplicate document number": (
        {f"{NAME}.yml": PROVENANCE, "dayao-jiaoti-2024-009-xiaoyuan-anquan.txt": SECOND,
         "dayao-jiaoti-2024-009-xiaoyuan-anquan.yml": PROVENANCE.replace("008", "009")},
        "source_docs/dayao-jiaoti-2024-009-xiaoyuan-anquan.txt:3",
        f"发文字号 大教体发〔2024〕8号 重复：source_docs/{NAME}.txt:3 已使用 / duplicate document number, "
        f"also in source_docs/{NAME}.txt:3",
        "同一文件请只保留一份；若是不同文件，请核对字号并在附属文件中更正 doc_number"),
    "misspelt key": (
        {f"{NAME}.yml": PROVENANCE.replace("retrieved:", "retreived:")},
        f"{SIDECAR}:2", "未知的键“retreived” / unknown key 'retreived'", "您是否想写 获取日期 retrieved？/ did you mean 'retrieved'?"),
    "Chinese label as key": (
        {f"{NAME}.yml": PROVENANCE + "主送机关: 各乡镇中心学校，县直各学校\n"},
        f"{SIDECAR}:3", "未知的键“主送机关”", "您是否想写 主送机关 addressee？/ did you mean 'addressee'?"),
    "full-width colon": (
        {f"{NAME}.yml": PROVENANCE.replace("source_url: ", "source_url：")},
        f"{SIDECAR}:1", "键“source_url”后面是全角冒号“：”/ full-width colon after 'source_url'",
        "请改为半角冒号加空格，如 source_url: … / type an ASCII colon and a space"),
    "unclosed bracket": (
        {f"{NAME}.yml": "cc: [县人民政府办公室, 县财政局\n" + PROVENANCE},
        f"{SIDECAR}:1", "YAML 格式错误：方括号 [ 没有配对的 ]（到第 2 行仍未闭合）",
        "检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对 / check indentation, colons and quotes"),
    "unclosed quote": (
        {f"{NAME}.yml": PROVENANCE + 'note: "原文第 8 行“通知”二字分在两行\n'},
        f"{SIDECAR}:3", "YAML 格式错误：引号没有闭合", "检查缩进"),
    "Word file that is no Word file": (
        {"dayao-jiaoti-2024-009-xiaoyuan-anquan.docx": "PK\x03\x04"},
        "source_docs/dayao-jiaoti-2024-009-xiaoyuan-anquan.docx",
        "无法读取 Word 文件 / not a readable .docx", "请用 Word 或 WPS 打开后另存为 .docx"),
    "spreadsheet instead of a document": (
        {"dayao-jiaoti-2024-009-xiaoyuan-anquan.xlsx": "PK\x03\x04"},
        "source_docs/dayao-jiaoti-2024-009-xiaoyuan-anquan.xlsx",
        "不是可读取的原文（.txt、.docx、.pdf、.html、.htm、.doc、.wps）或附属文件（.yml），不会被收录",
        "请另存为 Word 文档 source_docs/dayao-jiaoti-2024-009-xiaoyuan-anquan.docx，或把全文存为 UTF-8 编码的"),
    "sidecar with no raw text": (
        {"dayao-jiaoti-2024-08-xueqian-xuanchuan.yml": PROVENANCE},
        "source_docs/dayao-jiaoti-2024-08-xueqian-xuanchuan.yml",
        "没有对应的原始文本 source_docs/dayao-jiaoti-2024-08-xueqian-xuanchuan.txt（或同名的 .docx、.pdf、.html 等）"
        "/ sidecar without a source",
        f"是否应为 source_docs/{NAME}.txt 的附属文件？请把本文件改名为 {SIDECAR}"),
}


@pytest.mark.parametrize("files, where, wrong, fix", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_is_one_error_naming_file_line_and_fix(project, files, where, wrong, fix):
    for name, text in files.items():
        add(project, name, text)
    code, found, output = check(project)
    assert code == 1, output
    [error] = errors(found)
    assert error.where == where, output
    assert wrong in error.text, output
    assert fix in error.hint, output
    assert re.search(r"：1 个错误，\d+ 个警告，\d+ 处覆盖 / checked \d+ sources", output)


def test_a_sidecar_error_leaves_the_page_out_of_the_strict_build_with_the_same_message(project, tmp_path):
    """The rest of the archive is still published; the log names the file and line, check fails."""
    add(project, f"{NAME}.yml", PROVENANCE.replace("retrieved:", "retreived:"))
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{SIDECAR}:2: 未知的键“retreived”" in result.stderr
    assert "您是否想写 获取日期 retrieved？" in result.stderr
    assert not (tmp_path / "site" / "documents" / NAME).exists()
    assert (tmp_path / "site" / "browse" / "index.html").is_file()
    assert check(project)[0] == 1


def test_fixing_the_mistake_makes_check_pass_again(project):
    add(project, f"{NAME}.yml", PROVENANCE.replace("source_url: ", "source_url："))
    assert check(project)[0] == 1
    add(project, f"{NAME}.yml", PROVENANCE)
    code, found, output = check(project)
    assert (code, found) == (0, []), output


def test_the_new_notice_is_listed_everywhere_without_editing_any_list(project, tmp_path):
    before = hand_written(project)
    add(project, f"{NAME}.yml", PROVENANCE)
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert hand_written(project) == before  # mkdocs.yml and hand-written pages untouched
    assert (project.documents / f"{NAME}.md").is_file()
    site, url = tmp_path / "site", f"documents/{NAME}/"
    page = (site / url / "index.html").read_text(encoding="utf-8")
    assert "大姚县教育体育局关于开展2024年学前教育宣传月活动的通知" in page and "大教体发〔2024〕8号" in page
    listings = ["", "browse/region/yun-nan-sheng", "browse/region/yun-nan-sheng-chu-xiong-yi-zu-zi-zhi-zhou",
                "browse/region/yun-nan-sheng-chu-xiong-yi-zu-zi-zhi-zhou-da-yao-xian",
                "browse/issuer/da-yao-xian-jiao-yu-ti-yu-ju", "browse/year/2024", "browse/type/tong-zhi"]
    for listing in listings:
        assert url in (site / listing / "index.html").read_text(encoding="utf-8"), listing
    # The search index knows it too (display rows: URL, then the title; the file may be deflated).
    rows = read_script(site / "search-index" / "d" / "0.js")
    assert [url, "大姚县教育体育局关于开展2024年学前教育宣传月活动的通知"] in [row[:2] for row in rows]


def test_a_second_notice_appears_beside_the_first_and_both_link_from_the_issuer_page(project, tmp_path):
    add(project, f"{NAME}.yml", PROVENANCE)
    second = SECOND.replace("大教体发[2024]8号", "大教体发[2024]9号")
    add(project, "dayao-jiaoti-2024-009-xiaoyuan-anquan.txt", second)
    code, found, output = check(project)
    assert code == 0 and not errors(found), output
    assert run(project, "convert")[0] == 0
    issuer_page = (project.browse / "issuer" / "da-yao-xian-jiao-yu-ti-yu-ju.md").read_text(encoding="utf-8")
    assert f"documents/{NAME}.md" in issuer_page
    assert "documents/dayao-jiaoti-2024-009-xiaoyuan-anquan.md" in issuer_page
    assert "大教体发〔2024〕9号" in issuer_page
