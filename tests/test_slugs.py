"""Slugs: pinyin for Chinese, ASCII names kept as they are without loading the pinyin dictionary."""
from __future__ import annotations

import re

import pytest
from pypinyin import lazy_pinyin

from build_tools.slugs import slugify


def through_pinyin(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(text, errors="default")).lower()).strip("-")


@pytest.mark.parametrize("name", ["law-000100", "Yunyang_FuFa 2022--004", "qujing-qilin.2020", "  A  "])
def test_an_ascii_name_gets_the_slug_pinyin_would_give(name):
    assert slugify(name) == through_pinyin(name)


def test_chinese_becomes_pinyin_words():
    assert slugify("云阳县人民政府") == "yun-yang-xian-ren-min-zheng-fu"
    assert slugify("甲市 2022年") == "jia-shi-2022-nian"
