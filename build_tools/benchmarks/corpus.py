"""Benchmark corpora: N realistic raw documents recombined from the archive's own texts.

Paragraphs, headings, tables and cited titles are harvested from the seeds in
source_docs/; issuers, regions, document numbers, dates and cross-citations
follow the seeds' patterns. Every document depends only on (seed, index), so a
corpus is reproducible and "one more document" is simply index N.
"""
from __future__ import annotations

import compileall
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..render.writer import write_if_changed
from ..progress import counted

TARGET_BYTES = 15_000
_NUMERALS = "一二三四五六七八九十"
_HEADING_1 = re.compile(rf"^[{_NUMERALS}]+、\s*([^。：:]{{2,28}})$")
_HEADING_2 = re.compile(rf"^（[{_NUMERALS}]+）\s*([^。：:]{{2,28}})$")
_NUMBERED = re.compile(rf"^[（(]?[{_NUMERALS}\d]+[）)、.．]")
_CITED = re.compile(r"《([^《》]{6,40})》")
_TOPIC = re.compile(r"关于(.{4,24}?)的(?:实施意见|意见|通知|决定|实施方案)$")
# Place names of the seeds, swapped for the generated document's own region.
_SEED_PLACES = re.compile(r"楚雄彝族自治州|楚雄州|楚雄市|曲靖市|曲靖|麒麟区|云阳县|云阳|重庆市|重庆")

# (region, short name, document-number prefix); real names so `check` accepts them.
REGIONS = [
    ("楚雄彝族自治州", "楚雄州", "楚"), ("曲靖市", "曲靖市", "曲"), ("云阳县", "云阳县", "云阳"),
    ("昆明市", "昆明市", "昆"), ("大理白族自治州", "大理州", "大"), ("玉溪市", "玉溪市", "玉"),
    ("昭通市", "昭通市", "昭"), ("保山市", "保山市", "保"), ("丽江市", "丽江市", "丽"),
    ("普洱市", "普洱市", "普"), ("临沧市", "临沧市", "临"), ("文山壮族苗族自治州", "文山州", "文"),
    ("红河哈尼族彝族自治州", "红河州", "红"), ("奉节县", "奉节县", "奉节"), ("巫山县", "巫山县", "巫山"),
    ("万州区", "万州区", "万州"), ("楚雄市", "楚雄市", "楚市"), ("武定县", "武定县", "武"),
]
# (kind key, issuing office, number code).
OFFICES = [
    ("tongzhi", "人民政府", "府发"), ("banfa", "人民政府办公室", "府办发"),
    ("dafu", "教育体育局", "教复"), ("renshe", "人力资源和社会保障局", "人社发"),
]
_ADDRESSEES = ["各乡镇人民政府、街道办事处，县政府各部门，有关单位", "各县（市、区）人民政府，市直各部门",
               "各县市教育体育局，州直各学校", "各有关单位"]
_PROPOSERS = ["民建楚雄州委", "陶尚周委员", "市政协教科卫体和文化文史学习委员会", "农工党支部", "李明华委员"]
_TERMS = ["十一", "十二", "十三", "十四", "十五"]
_NAMES = ["李同国", "张文旺", "王丽萍", "杨家富", "赵明华", "普学文"]


@dataclass
class Pools:
    """What the seeds offer for recombination."""

    sentences: list[str]
    headings: list[str]
    subheadings: list[str]
    tables: list[list[str]]  # caption line, then tab-separated rows
    topics: list[str]
    cited: list[str]


def harvest(sources: list[Path]) -> Pools:
    texts = [path.read_text(encoding="utf-8-sig") for path in sources]
    lines = [line.strip() for text in texts for line in text.splitlines()]
    cited = sorted({title for text in texts for title in _CITED.findall(text)})
    return Pools(
        sentences=_sentences(lines),
        headings=sorted({m.group(1) for line in lines if (m := _HEADING_1.match(line))}),
        subheadings=sorted({m.group(1) for line in lines if (m := _HEADING_2.match(line))}),
        tables=_tables(lines),
        topics=_topics(cited, lines),
        cited=cited,
    )


def _topics(cited: list[str], lines: list[str]) -> list[str]:
    """Subjects for titles: from cited 关于…的意见 titles and short top-level headings."""
    found = {m.group(1) for title in cited if (m := _TOPIC.search(title))}
    found |= {m.group(1) for line in lines if (m := _HEADING_1.match(line))}
    return sorted(topic for topic in found if len(topic) <= 16 and "，" not in topic and not topic.startswith("印发"))


def _sentences(lines: list[str]) -> list[str]:
    """Whole sentences only: the seeds wrap lines mid-sentence (PDF copies),
    so a line's first piece counts only if the previous line ended one."""
    found = set()
    for previous, line in zip([""] + lines, lines):
        if len(line) < 60 or "\t" in line:
            continue
        pieces = line.split("。")[:-1]
        if previous and not previous.endswith(("。", "：", ":")):
            pieces = pieces[1:]
        found.update(piece + "。" for piece in pieces if len(piece) >= 12 and not _NUMBERED.match(piece))
    return sorted(found)


def _tables(lines: list[str]) -> list[list[str]]:
    """Tab-separated runs of at least three rows of three columns, with their caption
    (the 表 … line just above, blank lines between allowed)."""
    tables, run, caption = [], [], "表 统计表"
    for line in lines + [""]:
        if line.count("\t") >= 2:
            run = run or [caption]
            run.append(line)
            continue
        if run and len(run) >= 4:
            tables.append(run)
        run = []
        if line.startswith("表") and len(line) < 40:
            caption = line
        elif line:
            caption = "表 统计表"
    return tables


@dataclass(frozen=True)
class Identity:
    """Who issued a generated document, when, under which number and title."""

    region: tuple[str, str, str]
    office: tuple[str, str, str]
    year: int
    date: str
    number: str
    title: str
    topic: str

    @property
    def issuer(self) -> str:
        return self.region[0] + self.office[1]


def identity(pools: Pools, seed: int, index: int) -> Identity:
    """Metadata of document ``index``; unique numbers: region×office fixed by index."""
    rng = random.Random(f"{seed}:{index}:identity")
    slot, sequence = divmod(index, len(REGIONS) * len(OFFICES))
    # Neighbouring documents differ in region and office; each pair still
    # occurs once per slot (3 is invertible mod 4), so numbers stay unique.
    region = REGIONS[sequence % len(REGIONS)]
    office = OFFICES[(sequence // len(REGIONS) + sequence) % len(OFFICES)]
    year = rng.randint(2015, 2024)
    date = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    number = f"{region[2]}{office[2]}〔{year}〕{slot + 1}号"
    topic = _SEED_PLACES.sub(region[1], rng.choice(pools.topics))
    # Replies follow the seeds: 对州政协十一届二次会议第 148 号提案的答复.
    session = f"{region[0][-1]}政协{rng.choice(_TERMS)}届{rng.choice(_NUMERALS[:5])}次会议"
    title = (f"对{session}第 {rng.randint(1, 400)} 号提案的答复" if office[0] == "dafu"
             else f"{region[0]}{office[1]}关于印发《{region[1]}{topic}实施方案》的通知")
    return Identity(region, office, year, date, number, title, topic)


def document_text(pools: Pools, seed: int, index: int) -> str:
    """The raw text of document ``index``, about TARGET_BYTES of UTF-8."""
    rng = random.Random(f"{seed}:{index}:body")
    me = identity(pools, seed, index)
    lines = _header(me, rng) + [_citing_paragraph(pools, seed, index, rng, me)]
    section = 0
    while len("\n".join(lines).encode()) < TARGET_BYTES:
        section += 1
        lines += ["", f"{_NUMERALS[(section - 1) % 10]}、{rng.choice(pools.headings)}"]
        for sub in range(rng.randint(1, 3)):
            lines += [f"（{_NUMERALS[sub]}）{rng.choice(pools.subheadings)}", _paragraph(pools, rng, me)]
        if pools.tables and rng.random() < 0.2:
            lines += ["", *rng.choice(pools.tables), ""]
    return "\n".join(lines + _footer(me, rng)) + "\n"


def _header(me: Identity, rng: random.Random) -> list[str]:
    reply = me.office[0] == "dafu"
    greeting = (f"你们提出的《关于{me.topic}的提案》（{me.title[me.title.index('第'):me.title.index('提案')]}）交我们研究办理，现答复如下："
                if reply else "现印发给你们，请结合实际认真贯彻执行。")
    addressee = rng.choice(_PROPOSERS if reply else _ADDRESSEES)
    return ["", f"{me.issuer}文件", "", me.number, "", me.title, "", f"{addressee}：", greeting, ""]


def _footer(me: Identity, rng: random.Random) -> list[str]:
    return ["", me.issuer, me.date, "", f"联系人及电话：{rng.choice(_NAMES)} {rng.randint(3100000, 3199999)}",
            "", f"抄送：{me.region[1]}人民政府办公室，{me.region[1]}政协提案委员会。"]


def _paragraph(pools: Pools, rng: random.Random, me: Identity) -> str:
    text = "".join(rng.sample(pools.sentences, rng.randint(2, 6)))
    return _SEED_PLACES.sub(me.region[1], text)


def _citing_paragraph(pools: Pools, seed: int, index: int, rng: random.Random, me: Identity) -> str:
    """Cite up to two earlier generated documents by title and number, plus a real one."""
    earlier = [identity(pools, seed, rng.randrange(index)) for _ in range(min(index, rng.randint(0, 2)))]
    cites = "".join(f"《{_inner(other.title)}》（{other.number}）" for other in earlier)
    return f"根据{cites}《{rng.choice(pools.cited)}》精神，结合{me.region[1]}实际，制定本方案。"


def _inner(title: str) -> str:
    """Titles quoted inside a title take 〈〉, as in 《关于印发〈…〉的通知》."""
    return title.replace("《", "〈").replace("》", "〉")


def file_name(pools: Pools, seed: int, index: int) -> str:
    return f"gen-{index:05d}-{identity(pools, seed, index).office[0]}.txt"


def write_document(out: Path, pools: Pools, seed: int, index: int) -> Path:
    path = out / "source_docs" / file_name(pools, seed, index)
    write_if_changed(path, document_text(pools, seed, index))
    return path


def make_corpus(root: Path, count: int, out: Path, seed: int = 1) -> list[Path]:
    """Write a buildable project with ``count`` generated sources into ``out``."""
    pools = harvest(sorted((root / "source_docs").glob("*.txt")))
    copy_skeleton(root, out)
    return [write_document(out, pools, seed, index) for index in counted(range(count), "make-corpus")]


def copy_skeleton(root: Path, out: Path) -> None:
    """Site configuration, hand-written pages and a snapshot of the code: builds
    run in ``out`` import ``build_tools`` from there, so a long benchmark is not
    disturbed by edits to the working tree it came from."""
    out.mkdir(parents=True, exist_ok=True)
    for config in sorted(root.glob("mkdocs*.yml")):
        shutil.copyfile(config, out / config.name)
    shutil.copytree(root / "docs", out / "docs", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("documents", "browse"))
    shutil.copytree(root / "build_tools", out / "build_tools", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(out / "build_tools", quiet=1)  # as ``make rebuild`` finds it (``compiled``)
