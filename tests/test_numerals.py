"""Chinese numerals: years digit by digit, counts and ordinals with 十/百/千."""
import pytest

from build_tools.numerals import chinese_number
from build_tools.structure.headings import number_of


@pytest.mark.parametrize("text, value", [
    ("二〇二二", 2022), ("二○一二", 2012), ("二Ｏ二三", 2023), ("二零二一", 2021), ("三十", 30), ("十二", 12),
    ("十", 10), ("一百二十三", 123), ("二百零五", 205), ("一千零一", 1001), ("１２", 12), ("7", 7),
    ("一九九0", 1990)])  # a year typed with one Arabic digit, as in a lawrefbook text
def test_both_writings(text, value):
    assert chinese_number(text) == value


def test_a_word_that_is_no_numeral_is_refused():
    with pytest.raises(ValueError):
        chinese_number("二十日")


def test_chapter_numbers_past_one_hundred_keep_their_value():
    assert number_of("第一百二十章 附则").value == 120
