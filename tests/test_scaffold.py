"""`python -m build_tools new`: a sidecar pre-filled with what was found, placeholders for the rest."""
from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.__main__ import main
from build_tools.editors.check import check_project
from build_tools.project import Project
from build_tools.metadata.sidecar import parse
from test_check import NOTICE, UNTITLED, write

ROOT = Path(__file__).resolve().parents[1]


def new(root: Path, name: str, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "new", str(root / "source_docs" / name)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_new_prefills_found_values_and_comments_the_rest(tmp_path, capsys):
    write(tmp_path, "anquan.txt", NOTICE.format(number=3, subject="安全"))
    code, out = new(tmp_path, "anquan.txt", capsys)
    assert code == 0 and "已生成 source_docs/anquan.yml" in out
    text = (tmp_path / "source_docs" / "anquan.yml").read_text(encoding="utf-8")
    assert "doc_number: 姚教体发〔2021〕3号  # 自动提取，请核对" in text
    assert "region: [云南省, 楚雄彝族自治州, 姚安县]" in text
    assert "# source_url:   # 来源网址" in text and "# status:   # 时效性" in text
    sidecar = parse(text, Path("source_docs/anquan.yml"))
    assert sidecar.entry["issuer"] == "姚安县教育体育局" and "source_url" not in sidecar.entry
    report = check_project(Project(tmp_path))
    assert not report.of("error") and not report.of("override")


def test_new_never_overwrites(tmp_path, capsys):
    write(tmp_path, "anquan.txt", NOTICE.format(number=3, subject="安全"))
    write(tmp_path, "anquan.yml", "issuer: 姚安县教育体育局  # 编者已核对\n")
    code, out = new(tmp_path, "anquan.txt", capsys)
    assert code == 1 and "source_docs/anquan.yml: 附属文件已存在，不会覆盖" in out
    assert (tmp_path / "source_docs" / "anquan.yml").read_text(encoding="utf-8") == "issuer: 姚安县教育体育局  # 编者已核对\n"


def test_new_needs_an_existing_raw_text(tmp_path, capsys):
    (tmp_path / "source_docs").mkdir()
    code, out = new(tmp_path, "missing.txt", capsys)
    assert code == 1 and "找不到原始文本" in out and not (tmp_path / "source_docs" / "missing.yml").exists()


def test_editor_fills_the_gaps_of_an_untitled_reply(tmp_path, capsys):
    write(tmp_path, "dafu.txt", UNTITLED)
    assert new(tmp_path, "dafu.txt", capsys)[0] == 0
    path = tmp_path / "source_docs" / "dafu.yml"
    text = path.read_text(encoding="utf-8")
    assert "# title:   # 标题（必填）" in text and "# issuer:   # 发文机关（必填）" in text
    assert "doc_type: 提案答复" in text
    assert main(["--root", str(tmp_path), "check"]) == 1
    capsys.readouterr()
    # What an editor does: uncomment the placeholders and fill them, saying where each value comes from.
    text = text.replace("# title:   #", "title: 对“关于加快我县职业教育发展”提案的答复  # 编者拟定；").replace(
        "# issuer:   #", "issuer: null  # 原文无落款；").replace("# date:   #", "date: null  # 原文无日期；").replace(
        "# region:   #", "region: [云南省, 楚雄彝族自治州, 姚安县]  # 据来源网站；")
    path.write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 0


def test_new_addresses_annexes_and_issued_plans_by_part(tmp_path, capsys):
    seed = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao.txt"
    (tmp_path / "source_docs").mkdir()
    shutil.copy(ROOT / "source_docs" / seed, tmp_path / "source_docs" / seed)
    assert new(tmp_path, seed, capsys)[0] == 0
    text = (tmp_path / "source_docs" / seed).with_suffix(".yml").read_text(encoding="utf-8")
    sidecar = parse(text, Path("x.yml"))
    annexes = sidecar.entry["annexes"]
    assert annexes["附件一"]["doc_number"] == "曲政发〔2019〕24号"
    assert annexes["附件二"]["annexes"]["印发"]["title"] == "曲靖市推进产教融合的实施方案"
    # What the plan takes from the notice that issues it is not pinned in the sidecar.
    assert "issuer" not in annexes["附件二"]["annexes"]["印发"]
    assert "date: '2019'  # 仅有年份，取自发文字号" in text
    report = check_project(Project(tmp_path))
    assert not report.of("error") and not report.of("override")


def test_new_accepts_paths_relative_to_the_project_and_refuses_files_elsewhere(tmp_path, capsys, monkeypatch):
    write(tmp_path, "anquan.txt", NOTICE.format(number=3, subject="安全"))
    (tmp_path / "elsewhere.txt").write_text(NOTICE.format(number=4, subject="其他"), encoding="utf-8")
    monkeypatch.chdir(ROOT)  # an editor working from another folder with --root
    assert main(["--root", str(tmp_path), "new", "source_docs/anquan.txt"]) == 0
    assert (tmp_path / "source_docs" / "anquan.yml").is_file()
    assert main(["--root", str(tmp_path), "new", str(tmp_path / "elsewhere.txt")]) == 1
    assert "原始文本应放在 source_docs/ 文件夹中" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere.yml").exists()
