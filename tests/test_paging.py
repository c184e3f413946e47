"""A rebuild splits only the parts of a long list that a change reaches (issue 16): the parts it does
not split again keep the last build's pages, and together they must be exactly a full split's pages."""
from __future__ import annotations

from types import SimpleNamespace

from build_tools.catalogue import browse, facets, paging


def notice(date: str) -> SimpleNamespace:
    return SimpleNamespace(meta={"date": date} if date else {})


def dated(dates: list[str]) -> list:
    """Newest first, undated last, as the lists are (``facets.newest_first``)."""
    return [notice(date) for date in sorted(filter(None, dates), reverse=True)] + [notice(d) for d in dates if not d]


def named(names: list[str]) -> list[tuple]:
    return [(name, []) for name in sorted(names)]


def descendants(part: paging.Part) -> set[str]:
    return {page.key for child in part.parts for page in paging.walk(child)}


# 《法》 is the start of 《法》（一）: after its last character comes ``paging.END``.
NAMES = ["《法》", "《法》（一）", "《法》（二）", "《条例》", "《办法》", "《规定》", "《规则》", "测教发〔2024〕7号", "测教发〔2024〕17号"]
DATES = ["2021-05-03", "2021-05-04", "2021-06-01", "2021", "2023-01-02", "2019-12-31", "2019-12", "", ""]


def test_a_part_lies_within_its_ancestors_only(monkeypatch):
    """``within`` and ``page_key`` name the last build's pages by their paths alone: checked on every
    pair of parts of a fully split list (two items a page, so the trees go deep)."""
    monkeypatch.setattr(paging, "PAGE_LIMIT", 2)
    for items, order in ((named(NAMES), paging.NAMES), (dated(DATES), paging.DATES)):
        parts = paging.walk(paging.split("browse/list.md", items, order))[1:]
        assert len(parts) >= 8
        for part in parts:
            assert paging.page_key(part.path, order) == part.key
            inside = {other.key for other in parts if order.within(other.key, part.key)}
            assert inside == descendants(part), part.key


def one_by_one(items: list, depth: int, order: paging.Order) -> dict[str, list]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(order.key_of(item, depth), []).append(item)
    return groups


def test_the_lists_keep_the_items_of_a_part_together():
    """``paging.group`` finds where a part ends by binary search: right only if the lists put the items of
    a part together at every level, dates known to the year, month or day and undated ones included."""
    documents = facets.newest_first([SimpleNamespace(meta={"date": date} if date else {}, slug=f"d{number}")
                                     for number, date in enumerate(DATES * 3 + ["2021-05", "2021-05-31", "2020-12-01"])])
    for items, order in ((documents, paging.DATES), (named(NAMES + [name + "）" for name in NAMES]), paging.NAMES)):
        for depth in range(min(order.levels, 40)):
            assert paging.group(items, depth, order) == one_by_one(items, depth, order), depth
    assert list(paging.group(documents, 2, paging.DATES)) == ["2023-01", "2021-06", "2021-05", "2021-00", "2020-12", "2019-12", paging.UNDATED]


def rebuilt(before: list, after: list, changed: set[str], order: paging.Order) -> tuple[paging.Part, paging.Part, set[str]]:
    """The full split of ``after``, the split a rebuild makes (``changed``: the keys the change reaches)
    and the pages it lists, from the last build's pages."""
    known = {part.path for part in paging.walk(paging.split("browse/list.md", before, order))}
    full = paging.split("browse/list.md", after, order)
    grow = paging.reaching("browse/list.md", changed, (), order)
    return full, paging.split("browse/list.md", after, order, grow), browse.list_paths("browse/list.md", after, order, changed, known)


def same_where_wanted(full: paging.Part, partial: paging.Part, wanted: set[str]) -> None:
    """The parts a rebuild writes (their keys wanted) have the full split's items and parts (keys, counts)."""
    pages = {part.path: part for part in paging.walk(full)}
    written = [part for part in paging.walk(partial) if part.key in wanted]
    assert written and all(not part.kept for part in written)
    for part in written:
        expected = pages[part.path]
        assert (part.documents, [(child.path, child.documents) for child in part.parts]) == \
            (expected.documents, [(child.path, child.documents) for child in expected.parts])


def test_a_rebuild_splits_the_parts_a_name_reaches_and_keeps_the_others(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    names = [f"《关于第{i}项工作的通知》" for i in range(101, 113)]
    steps = [("a name added to a part of three", names, names + ["《关于第113项工作的通知》"]),
             ("a fifth: the part is split", names + ["《关于第113项工作的通知》"], names + ["《关于第113项工作的通知》", "《关于第114项工作的通知》"]),
             ("the fifth removed: merged back", names + ["《关于第113项工作的通知》", "《关于第114项工作的通知》"], names + ["《关于第113项工作的通知》"]),
             ("a name of another first character: the list splits one level higher", names, names + ["测教发〔2024〕7号"]),
             ("removed again", names + ["测教发〔2024〕7号"], names)]
    for what, before, after in steps:
        changed = set().union(*(paging.prefixes(name) for name in set(before) ^ set(after)))
        full, partial, paths = rebuilt(named(before), named(after), changed, paging.NAMES)
        assert paths == {part.path for part in paging.walk(full)}, what
        same_where_wanted(full, partial, changed)
        assert any(part.kept and part.parts == [] for part in paging.walk(partial)), what


def test_a_rebuild_splits_the_parts_a_date_reaches_and_keeps_the_others(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    dates = [f"202{i % 4}-{1 + i % 3:02d}-{1 + i % 5:02d}" for i in range(40)]
    steps = [("a notice in a month of its own", dates, dates + ["2021-04-01"]),
             ("one from the 2010s: the list splits by decade", dates, dates + ["2019-06-01"]),
             ("removed again: by year", dates + ["2019-06-01"], dates),
             ("an undated notice added", dates, dates + [""])]
    for what, before, after in steps:
        changed = set().union(*(paging.chain(date) for date in set(before) ^ set(after)))
        full, partial, paths = rebuilt(dated(before), dated(after), changed, paging.DATES)
        assert paths == {part.path for part in paging.walk(full)}, what
        same_where_wanted(full, partial, changed)
        assert any(part.kept and part.parts == [] and len(part.documents) > 4 for part in paging.walk(partial)), what
