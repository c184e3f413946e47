"""`python -m build_tools check` on temporary projects: an editor's mistakes, messages and exit codes."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from build_tools.__main__ import main
from build_tools.editors.check import check_project
from build_tools.project import Project

NOTICE = """姚安县教育体育局文件
姚教体发（2021）{number}号
姚安县教育体育局关于做好{subject}工作的通知
各中小学校、县职业高级中学：
现将做好{subject}工作的有关事项通知如下，请认真贯彻执行。
姚安县教育体育局
2021年3月5日
"""
PLAN = """姚安县职业教育提质培优三年行动计划

为贯彻落实《国家职业教育改革实施方案》（国发〔2019〕4号）精神，结合我县实际，制定本计划。本计划实施期限为2019—2021年。

一、总体目标

到2021年，全县职业教育办学条件明显改善。

姚安县教育体育局

2019年3月5日
"""
UNTITLED = """尊敬的县政协委员：
你们提出的“关于加快我县职业教育发展”的提案已交由我们研究办理，现答复如下：
一、基本情况
我县职业教育稳步发展。
"""
PROVENANCE = "source_url: https://www.yaoan.gov.cn/jyj/{name}.html\nretrieved: 2024-05-06\n"


def write(root: Path, name: str, text: str) -> Path:
    path = root / "source_docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def add_notice(root: Path, name: str, number: int, sidecar: str = "") -> None:
    write(root, f"{name}.txt", NOTICE.format(number=number, subject=name))
    write(root, f"{name}.yml", PROVENANCE.format(name=name) + sidecar)


def run_check(root: Path, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_correct_document_passes(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3)
    code, out = run_check(tmp_path, capsys)
    assert code == 0 and "0 个错误" in out and "错误 error" not in out


def test_without_sidecar_only_provenance_is_asked_for(tmp_path, capsys):
    write(tmp_path, "anquan.txt", NOTICE.format(number=3, subject="安全"))
    code, out = run_check(tmp_path, capsys)
    assert code == 0
    assert "source_docs/anquan.txt: 警告 warning: 未填写来源网址 source_url" in out


def test_missing_required_fields_are_errors_with_how_to_fix(tmp_path, capsys):
    write(tmp_path, "dafu.txt", UNTITLED)
    code, out = run_check(tmp_path, capsys)
    assert code == 1
    # 我县 and 县政协 name no county: the region is not guessed either.
    for field in ("标题 title", "发文机关 issuer", "成文日期 date", "地区 region"):
        assert f"source_docs/dafu.txt: 错误 error: 缺少{field}" in out
    assert "在 source_docs/dafu.yml 中填写 issuer" in out
    assert "文种 doc_type" not in out  # 现答复如下 after a 提案: a proposal reply


def test_fields_declared_unknown_become_warnings(tmp_path, capsys):
    write(tmp_path, "dafu.txt", UNTITLED)
    write(tmp_path, "dafu.yml", "title: 对“关于加快我县职业教育发展”提案的答复  # 编者拟定\n"
                                "issuer: null  # 原文无落款\ndate: null  # 原文无日期\nregion: 姚安县  # 据来源网站\n"
                                + PROVENANCE.format(name="dafu"))
    code, out = run_check(tmp_path, capsys)
    assert code == 0
    assert "发文机关 issuer 原文未写明（附属文件已确认）" in out and "成文日期 date 原文未写明" in out


def test_malformed_date_in_sidecar(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "date: 2021-02-30\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 1 and "source_docs/anquan.yml:3: 错误 error: 成文日期 date 的值有误" in out
    assert "不是有效日期" in out


def test_unknown_region_suggests_official_names(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "region: [云南省, 楚雄州, 姚安县]\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 1 and "source_docs/anquan.yml:3: 错误 error: 地区 region 的值有误：地区“楚雄州”不在行政区划表中" in out
    assert "您是否指：楚雄彝族自治州" in out


def test_duplicate_document_numbers_name_the_other_file(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3)
    add_notice(tmp_path, "zhaosheng", 3)
    code, out = run_check(tmp_path, capsys)
    assert code == 1
    assert ("source_docs/zhaosheng.txt:2: 错误 error: 发文字号 姚教体发〔2021〕3号 重复："
            "source_docs/anquan.txt:2 已使用") in out


def test_duplicate_number_supplied_by_a_sidecar(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3)
    add_notice(tmp_path, "zhaosheng", 4, "doc_number: 姚教体发[2021]3号\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 1 and "source_docs/anquan.txt:2 已使用" in out
    assert "source_docs/zhaosheng.yml:3: 覆盖 override: 发文字号 doc_number" in out


def test_sidecar_without_source(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3)
    write(tmp_path, "anqaun.yml", "title: 甲\n")
    write(tmp_path, "zhaosheng.yaml", "title: 乙\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 1
    assert "source_docs/anqaun.yml: 错误 error: 没有对应的原始文本 source_docs/anqaun.txt" in out
    assert "source_docs/zhaosheng.yaml: 错误 error: 附属文件应以 .yml 结尾" in out


def test_misspelt_key_suggests_the_right_one(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "isuer: 姚安县教育体育局\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 1 and "source_docs/anquan.yml:3: 错误 error: 未知的键“isuer”" in out
    assert "您是否想写 发文机关 issuer？" in out


def test_invalid_yaml_names_the_line_and_other_sources_are_still_checked(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "title: [关于做好安全工作的通知\n")
    add_notice(tmp_path, "zhaosheng", 3)
    add_notice(tmp_path, "zhuzhu", 3)
    code, out = run_check(tmp_path, capsys)
    # The sidecar has three lines: the unclosed [ of line 3 is the mistake, not the end of the file.
    assert code == 1 and "source_docs/anquan.yml:3: 错误 error: YAML 格式错误：方括号 [ 没有配对的 ]" in out
    assert "source_docs/zhuzhu.txt:2: 错误 error: 发文字号 姚教体发〔2021〕3号 重复" in out


def test_overrides_are_listed(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "issuer: 云南省姚安县教育体育局\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 0
    assert ("source_docs/anquan.yml:3: 覆盖 override: 发文机关 issuer：提取值 '姚安县教育体育局' 被改为 "
            "'云南省姚安县教育体育局'") in out
    assert "1 处覆盖" in out


def test_expired_plan_is_a_warning(tmp_path, capsys):
    write(tmp_path, "jihua.txt", PLAN)
    write(tmp_path, "jihua.yml", PROVENANCE.format(name="jihua"))
    code, out = run_check(tmp_path, capsys)
    assert code == 0
    assert "source_docs/jihua.txt: 警告 warning: 文件写明的期限（至 2021）已结束，时效性仍为“未知”" in out


def test_expired_plan_with_a_status_is_quiet_and_a_current_one_too(tmp_path):
    write(tmp_path, "jihua.txt", PLAN)
    write(tmp_path, "jihua.yml", PROVENANCE.format(name="jihua") + "status: 失效  # 计划期已满\n")
    assert not check_project(Project(tmp_path)).of("warning")
    (tmp_path / "source_docs" / "jihua.yml").write_text(PROVENANCE.format(name="jihua"), encoding="utf-8")
    assert not check_project(Project(tmp_path), today=datetime.date(2021, 6, 1)).of("warning")


def test_the_seeds_pass(capsys):
    root = Path(__file__).resolve().parents[1]
    code, out = run_check(root, capsys)
    assert code == 0, out
    assert "检查了 5 个原始文本、9 个文档：0 个错误" in out
    # The 148 reply states no date: the year of its number is used, and the editors are told.
    assert ("source_docs/chuxiong-jiaoyu-2023-027-zhengxie-148-dafu.txt: 警告 warning: "
            "成文日期只精确到年（取自发文字号）：2023") in out


@pytest.mark.parametrize("name", ["anquan"])
def test_check_writes_nothing(tmp_path, capsys, name):
    add_notice(tmp_path, name, 3)
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    run_check(tmp_path, capsys)
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_a_date_in_the_text_that_cannot_be_read_names_its_line_until_a_sidecar_corrects_it(tmp_path, capsys):
    write(tmp_path, "anquan.txt", NOTICE.format(number=3, subject="安全").replace("2021年3月5日", "2021年13月5日"))
    write(tmp_path, "anquan.yml", PROVENANCE.format(name="anquan"))
    code, out = run_check(tmp_path, capsys)
    assert code == 1 and "source_docs/anquan.txt:7: 错误 error: 原文中的“2021年13月5日”无法识别：月份 13 无效" in out
    write(tmp_path, "anquan.yml", PROVENANCE.format(name="anquan") + "date: 2021-03-05  # 原文笔误，据来源网页更正\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 0 and "13月" not in out


def test_an_unusual_document_type_is_a_warning_with_suggestions(tmp_path, capsys):
    add_notice(tmp_path, "anquan", 3, "doc_type: 通之\n")
    code, out = run_check(tmp_path, capsys)
    assert code == 0 and "文种“通之”不在常用文种表中" in out and "您是否想写：通知" in out
