"""Document numbers: every bracket variant and line split becomes 机关代字〔年份〕序号号."""
from __future__ import annotations

import pytest

from build_tools.metadata.docnumbers import DocNumberError, find_numbers, normalise, year_of


@pytest.mark.parametrize("raw, expected", [
    ("楚教复〔2023〕27号", "楚教复〔2023〕27号"),
    ("教职成[2018]1号", "教职成〔2018〕1号"),
    ("教职成（2016）3号", "教职成〔2016〕3号"),
    ("教职成(2016)3号", "教职成〔2016〕3号"),
    ("国办发［2019］24号", "国办发〔2019〕24号"),
    ("曲党人才办【2015】1号", "曲党人才办〔2015〕1号"),
    ("国发〔2014〕19 号", "国发〔2014〕19号"),
    ("云阳府发 〔 2022 〕 4 号", "云阳府发〔2022〕4号"),
    ("曲政发[2019]24\n\n号", "曲政发〔2019〕24号"),  # split across lines in the 曲靖 seed
    ("云\n\n政办发〔2018〕60号", "云政办发〔2018〕60号"),
    ("云阳府发〔2022〕004号", "云阳府发〔2022〕4号"),  # GB/T 9704: no leading zeros
    ("文号:曲政发[2019]24", "曲政发〔2019〕24号"),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["（2020）", "2019-2021", "第148号", "楚教复〔23〕27号", "楚教复〔2023〕27号 楚教复〔2023〕28号"])
def test_not_a_document_number(raw):
    with pytest.raises(DocNumberError):
        normalise(raw)


def test_find_numbers_in_running_text():
    text = ("根据《教育部办公厅关于开展中等职业教育质量年度报告工作的通知》（教职成厅函〔2016〕2号）要求，"
            "按照国发[2019]24号精神，行动方案（2019-2021年）另见（云\n政办发〔2018〕60号)。")
    found = [(text[start:end], str(number)) for start, end, number in find_numbers(text)]
    assert found == [
        ("教职成厅函〔2016〕2号", "教职成厅函〔2016〕2号"),
        ("国发[2019]24号", "国发〔2019〕24号"),  # 按照 is not part of the 机关代字
        ("云\n政办发〔2018〕60号", "云政办发〔2018〕60号"),
    ]


@pytest.mark.parametrize("text, agency", [
    ("通过云教发〔2020〕1号文件", "云教发"), ("认真学习国发〔2014〕19号", "国发"),
    ("结合楚教复〔2023〕27号", "楚教复"), ("省教育厅云教发〔2020〕1号", "云教发"),
    ("县教育体育局办公室姚教体办发〔2019〕2号", "姚教体办发"),
    # 厅 inside a code is kept: these offices' names are shorter than four characters.
    ("工信厅联装〔2020〕3号", "工信厅联装"), ("人社厅发〔2019〕5号", "人社厅发"), ("教职成厅函〔2016〕2号", "教职成厅函"),
])
def test_words_and_offices_before_a_bare_number_are_not_its_agency(text, agency):
    (_, _, number), = find_numbers(text)
    assert number.agency == agency


def test_a_year_in_brackets_followed_by_a_count_is_not_a_number():
    assert find_numbers("实施方案（2019）24个项目") == []


def test_year_of():
    assert year_of("楚教复〔2023〕27号") == 2023
