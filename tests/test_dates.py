"""Dates in the forms Chinese documents write them, with the precision the text supports."""
from __future__ import annotations

import datetime

import pytest

from build_tools.metadata.dates import DateError, find_dates, from_value, is_iso, parse_date


@pytest.mark.parametrize("text, iso, precision", [
    ("2023年7月30日", "2023-07-30", "day"),
    ("2023 年 1 月 16 日", "2023-01-16", "day"),  # not the whole year 2023
    ("2023年 7月 30日", "2023-07-30", "day"),
    ("2021年1月", "2021-01", "month"),
    ("二〇二二年三月三十日", "2022-03-30", "day"),
    ("二〇一九年十二月", "2019-12", "month"),
    ("二○二○年十一月二十一日", "2020-11-21", "day"),
    ("2020-06-02 09:14:01", "2020-06-02", "day"),
    ("发布时间:2020-02-17 09:09:00", "2020-02-17", "day"),
    ("云阳县人民政府办公室 2022年3月31日印发", "2022-03-31", "day"),
    ("２０２３年７月３０日", "2023-07-30", "day"),
    ("2020/6/2", "2020-06-02", "day"),
    ("2023-07", "2023-07", "month"),
    ("2023", "2023", "year"),
])
def test_forms_and_precision(text, iso, precision):
    date = parse_date(text)
    assert (date.iso, date.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["2023年13月1日", "2023-02-30", "二〇二三年二月三十日", "1850年1月1日", "去年", ""])
def test_malformed_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_sidecar_values_yaml_dates_and_years():
    assert from_value(datetime.date(2023, 7, 30)).iso == "2023-07-30"
    assert from_value(2023).precision == "year"
    assert from_value("2023年7月").iso == "2023-07"
    with pytest.raises(DateError):
        from_value(["2023"])


def test_find_dates_skips_school_years_and_decimals():
    text = "2019-2020 学年，2018年8月8日评估，资产增长2020.5万元，发布于2020/6/2。"
    assert [(text[start:end], date.iso) for start, end, date in find_dates(text)] == [
        ("2018年8月8日", "2018-08-08"), ("2020/6/2", "2020-06-02")]


def test_last_day_of_a_partial_date():
    assert parse_date("2021").last_day() == datetime.date(2021, 12, 31)
    assert parse_date("2024年2月").last_day() == datetime.date(2024, 2, 29)


def test_is_iso():
    assert is_iso("2023") and is_iso("2023-07") and is_iso("2023-07-30")
    assert not is_iso("2023-7-30") and not is_iso("2023-02-30") and not is_iso("2023年")
