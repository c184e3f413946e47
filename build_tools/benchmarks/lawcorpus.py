"""Benchmark corpora of real text: the LawRefBook laws as raw texts, and scaled copies of them.

Generated text (``corpus``) recombines five seeds' sentences, so its vocabulary flatters the
index and the search. Here document ``i`` is law ``i mod 3,475`` (laws in the order of their
path hashes, so any first N spread over the whole corpus) as an editor would paste it
(``lawrefbook.texts``). Beyond the 3,475 real documents, copy ``k`` of a law is the same law
adopted again by another region's people's congress: its title and the adopting organ name that
region, every year in its records moves back by a multiple of four (29 February stays a date), a
document number follows the title, and a different extraction layout wraps it. The body stays
the real text. Texts are made in memory from ``../shared/corpus`` and written only into the
benchmark project.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import lawrefbook
from .corpus import copy_skeleton
from ..metadata.regions import gazetteer
from ..render.writer import write_if_changed
from ..progress import counted

NAME = "lawrefbook"
_YEAR = re.compile(r"(\d{4})年")
_NATIONAL_CONGRESS = re.compile(r"(第[一二三四五六七八九十]+届)?全国人民代表大会")
_NATIONAL_PREFIX = "中华人民共和国"
# A place no longer in the gazetteer (莱芜市, merged in 2019) still opens its regulations' titles.
_FORMER_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:省|市|县)")


def folder(root: Path) -> Path | None:
    """The corpus next to the project, or None where it is absent (a fresh clone)."""
    found = lawrefbook.corpus_folder(root)
    return found if found.is_dir() else None


@lru_cache(maxsize=2)
def law_names(corpus: Path) -> tuple[str, ...]:
    return tuple(sorted(lawrefbook.names(corpus), key=lambda name: hashlib.sha256(name.encode()).digest()))


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str], ...]:
    """(name, abbreviation) of every prefecture whose name is unambiguous; the abbreviation is
    the shortest start of the name no other one shares (白山, 白城), so numbers stay unique."""
    places = gazetteer()
    names = sorted(name for name, found in places.by_name.items() if len(found) == 1 and found[0].level == 2)

    def abbreviation(name: str) -> str:
        return next(name[:k] for k in range(1, len(name) + 1)
                    if not any(other != name and other.startswith(name[:k]) for other in names))

    return tuple((name, abbreviation(name)) for name in names)


def file_name(index: int) -> str:
    return f"law-{index:06d}.txt"


def leading_place(title: str) -> str:
    """The place a title starts with (上海市…, 中华人民共和国…), or ''."""
    if title.startswith(_NATIONAL_PREFIX):
        return _NATIONAL_PREFIX
    places = gazetteer().by_name
    found = next((title[:end] for end in range(min(len(title), 12), 1, -1) if title[:end] in places), "")
    former = _FORMER_PLACE.match(title)
    return found or (former.group(0) if former else "")


def _older(record: str, years: int) -> str:
    return _YEAR.sub(lambda match: f"{int(match.group(1)) - years}年", record)


def variant(law: lawrefbook.Law, copy: int, index: int) -> lawrefbook.Law:
    """Copy ``copy`` (≥ 1) of ``law``, as document ``index``: another region, older, numbered."""
    region, abbreviation = regions()[index % len(regions())]
    place = leading_place(law.title)
    title = region + law.title[len(place):]
    years = 4 * (1 + (copy - 1) % 5)

    def local(record: str) -> str:
        record = _NATIONAL_CONGRESS.sub(lambda m: f"{region}{m.group(1) or ''}人民代表大会", record)
        if place and place != _NATIONAL_PREFIX:
            record = record.replace(place, region)
        return _older(record.replace("国务院", f"{region}人民政府"), years)

    records = [local(record) for record in law.records]
    year = max((int(y) for record in records for y in _YEAR.findall(record)), default=2020 - years)
    number = f"{abbreviation}人大常〔{year}〕{index // len(regions()) + 1}号"
    return replace(law, title=title, subtitle=f"（{number}）", records=records)


def document_text(corpus: Path, index: int) -> str:
    names = law_names(corpus)
    copy, name = divmod(index, len(names))
    law = lawrefbook.parse((corpus / names[name]).read_text(encoding="utf-8"))
    if copy:
        return lawrefbook.raw_text(variant(law, copy, index), f"{names[name]}#{copy}")
    return lawrefbook.raw_text(law, names[name])


def texts(corpus: Path, count: int) -> Iterator[tuple[int, str]]:
    """(index, raw text) of documents 0 … count − 1, each law parsed once for all its copies."""
    names = law_names(corpus)
    for position, name in enumerate(names[:count]):
        law = lawrefbook.parse((corpus / name).read_text(encoding="utf-8"))
        for index in range(position, count, len(names)):
            copy = index // len(names)
            made = variant(law, copy, index) if copy else law
            yield index, lawrefbook.raw_text(made, f"{name}#{copy}" if copy else name)


def write_document(out: Path, corpus: Path, index: int) -> Path:
    path = out / "source_docs" / file_name(index)
    write_if_changed(path, document_text(corpus, index))
    return path


def make_corpus(root: Path, count: int, out: Path) -> list[Path]:
    """A buildable project with the first ``count`` documents of the real-text corpus in ``out``."""
    corpus = folder(root)
    if corpus is None:
        raise FileNotFoundError(f"{lawrefbook.corpus_folder(root)}: no {NAME} corpus here")
    copy_skeleton(root, out)
    paths = []
    for index, text in counted(texts(corpus, count), "make-corpus", count):
        paths.append(out / "source_docs" / file_name(index))
        write_if_changed(paths[-1], text)
    return sorted(paths)
