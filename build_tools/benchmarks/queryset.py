"""The evaluation's query set, drawn (seeded) from the archive's own page text.

Expected documents are never typed by hand: ``expected`` finds them by
plain substring search over the same texts the index was built from.
Run ``python -m build_tools.benchmarks.queryset`` to regenerate
``tests/search_queries.json`` after the converter changes the pages.
"""
from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..search.normalise import normalise, parse_query
from ..search.shards import IndexedText, read_documents

SEED = 20261125
SAMPLES = 240
SPACED = 30
ABSENT = 20
QUERY_FILE = Path("tests/search_queries.json")
INDEX_DIR = "search-index"
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_CJK_DIGIT = re.compile(r"(?<=[\u3400-\u9fff])(?=\d)|(?<=\d)(?=[\u3400-\u9fff])")
_DOC_NUMBER = re.compile(r"^(.+?)\((\d{4})\)(\d+)号$")
BRACKETS = ("〔〕", "[]", "［］", "【】", "（）", "()")


@dataclass
class Expected:
    """Documents (URLs) with every term, and those with the whole phrase."""

    all_terms: list[str]
    exact: list[str]


def searchable_text(document: IndexedText) -> str:
    """Normalised fields and sections, one per line: a match never spans two."""
    parts = list(document.fields.values()) + [section[2] for section in document.sections]
    return "\n".join(normalise(part) for part in parts)


def expected(query: str, texts: dict[str, str]) -> Expected:
    parsed = parse_query(query)
    if not parsed.terms:
        return Expected([], [])
    return Expected(
        [url for url, text in texts.items() if all(term in text for term in parsed.terms)],
        [url for url, text in texts.items() if parsed.phrase in text],
    )


def sample_substrings(documents: list[IndexedText], rng: random.Random, count: int) -> list[str]:
    """Substrings of 2–10 characters with at least two CJK/Latin/digit characters."""
    texts = [section[2] for document in documents for section in document.sections]
    weights = [len(text) for text in texts]
    found: list[str] = []
    while len(found) < count:
        text = rng.choices(texts, weights)[0]
        length = rng.randint(2, 10)
        start = rng.randrange(max(1, len(text) - length + 1))
        piece = text[start:start + length]
        if len(piece) == length and "\n" not in piece and piece == piece.strip() \
                and len(_WORD.findall(piece)) >= 2 and piece not in found:
            found.append(piece)
    return found


def spaced_variants(documents: list[IndexedText], rng: random.Random, count: int) -> list[str]:
    """Text around CJK–digit boundaries, typed with spaces: 第 148 号."""
    pattern = re.compile(r"[\u3400-\u9fff]{1,4}\d{1,4}[\u3400-\u9fff]{1,3}")
    candidates = sorted({m.group(0) for d in documents for s in d.sections for m in pattern.finditer(s[2])})
    chosen = rng.sample(candidates, min(count, len(candidates)))
    return [_CJK_DIGIT.sub(" ", text) for text in chosen]


def doc_number_variants(number: str) -> list[str]:
    """Every bracket variant, plus the bare parts: 楚教复 2023 27."""
    match = _DOC_NUMBER.match(normalise(number))
    if not match:
        return [number]
    prefix, year, serial = match.groups()
    return [f"{prefix}{o}{year}{c}{serial}号" for o, c in BRACKETS] + [f"{prefix} {year} {serial}"]


def absent_queries(samples: list[str], texts: dict[str, str], rng: random.Random, count: int) -> list[str]:
    """Shuffled characters of real samples that occur in no document."""
    pool = [s for s in samples if len(_CJK.findall(s)) >= 3]
    found: list[str] = []
    for _ in range(count * 50):
        if len(found) >= count or not pool:
            break
        chars = list(rng.choice(pool))
        rng.shuffle(chars)
        query = "".join(chars).strip()
        if len(query) >= 3 and not expected(query, texts).all_terms and query not in found:
            found.append(query)
    return found


def build_queries(documents: list[IndexedText], seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    texts = {document.url: searchable_text(document) for document in documents}
    samples = sample_substrings(documents, rng, SAMPLES)
    queries = [("sampled", q, None) for q in samples]
    queries += [("spaced", q, None) for q in spaced_variants(documents, rng, SPACED)]
    for document in documents:
        if document.fields["doc_number"]:
            queries += [("doc_number", q, document.url) for q in doc_number_variants(document.fields["doc_number"])]
    for name in ("title", "issuer", "region", "year"):
        values = {value for d in documents for value in d.fields[name].split("、")}
        queries += [(name, value, None) for value in sorted(values) if len(normalise(value)) >= 2]
    queries += [("absent", q, None) for q in absent_queries(samples, texts, rng, ABSENT)]
    return [{"category": category, "query": query, "owner": owner,
             "expected": expected(query, texts).all_terms} for category, query, owner in queries]


def write_query_file(path: Path, site_dir: Path, seed: int = SEED) -> int:
    queries = build_queries(read_documents(site_dir / INDEX_DIR), seed)
    data = {"seed": seed, "generator": "python -m build_tools.benchmarks.queryset",
            "note": "expected = documents containing every term at generation time; "
                    "search-eval recomputes them from the current text", "queries": queries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(queries)


def main() -> int:
    from ..mkdocs_glue.engine import build_site

    root = Path.cwd()
    with tempfile.TemporaryDirectory() as temporary:
        build_site(root, Path(temporary))
        count = write_query_file(root / QUERY_FILE, Path(temporary))
    print(f"{QUERY_FILE}: {count} queries (seed {SEED})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
