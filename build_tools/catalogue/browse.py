"""Browse pages generated from the catalogue (Markdown under ``docs/browse/``).

One overview page per dimension (region as a hierarchy, issuer, year,
type, proposal session) linking to one page per value, each listing its
documents newest first with number, title, date and validity; plus the
documents in force, the 'cited but not yet in the archive' list, the
documents whose required fields are still 待核实, and the overview that the
home page includes.
"""
from __future__ import annotations

import heapq
from typing import Container

from ..metadata import schema
from .cards import UNVERIFIED_PAGE, doc_link, format_date, list_badge, proposal_text
from .archive import Catalogue
from .facets import IN_FORCE, IN_FORCE_PAGE, KIND_LABELS, MISSING_PAGE, Facet, newest_first, relative, search_link, status_of
from . import overview, paging
from .overview import OVERVIEWS, facet_item, facets_of_kind
from .paging import Part
from ..metadata.gaps import UNVERIFIED, fix, gaps_of
from ..model import Document
from ..markup import escape

# Pure-CSS filter (see archive.css): checking it hides rows of documents not in force.
FILTER = '<label class="doc-filter"><input type="checkbox"> 只看现行有效文件</label>'
LATEST = 10


def document_table(documents: list[Document], here: str) -> list[str]:
    rows = ["| 发文字号 | 标题 | 成文日期 |", "|---|---|---|"]
    for document in documents:
        number = escape(str(document.meta.get("doc_number") or "—"))
        rows.append(f"| {number} | {doc_link(document, here)}{list_badge(document)} | {format_date(document.meta) or '—'} |")
    return rows


def session_table(documents: list[Document], here: str) -> list[str]:
    """Replies of one session ordered by proposal number."""
    def number(document: Document) -> tuple:
        value = str(document.meta["proposal"].get("number") or "")
        return (int(value) if value.isdigit() else 10**9, value, document.slug)

    rows = ["| 提案 | 答复 | 答复日期 |", "|---|---|---|"]
    for document in sorted(documents, key=number):
        proposal = dict(document.meta["proposal"], session="")
        rows.append(f"| {proposal_text(proposal)} | {doc_link(document, here)}{list_badge(document)} "
                    f"| {format_date(document.meta) or '—'} |")
    return rows


def facet_lead(catalogue: Catalogue, facet: Facet, part: Part) -> list[str]:
    """What the first page of a facet says above its list: count, order, the gaps note, sub-regions."""
    here, count = part.path, len(part.documents)
    order = "按成文日期分页列出，新的在前：" if part.parts else "按成文日期从新到旧排列。"
    lines = [f"{KIND_LABELS[facet.kind]}：共 {count} 件文件，{order}", ""]
    if facet.label == UNVERIFIED:
        lines += [f"这些文件的{KIND_LABELS[facet.kind]}尚待核实，改法见[{UNVERIFIED}文件]({relative(here, UNVERIFIED_PAGE)})。", ""]
    children = [child for child in facets_of_kind(catalogue, facet.kind)
                if facet.kind == "region" and child.path[:-1] == facet.path]
    if children:
        lines += ["下级地区：" + "、".join(facet_item(catalogue, child, here) for child in children), ""]
    return lines


def list_page(top: Part, part: Part, title: str, lead: list[str]) -> str:
    """One page of a list: the list's own page (``lead`` first) or one of its parts, a table or the parts' links."""
    here = part.path
    if part.key:
        name = paging.label(part.key)
        when = "成文日期不详" if part.key == paging.UNDATED else f"成文于{name}"
        order = "按成文日期分页列出：" if part.parts else "按成文日期从新到旧排列。"
        lines = [f"# {escape(title)} · {name}", "",
                 f"[{escape(title)}]({relative(here, top.path)})中{when}的文件共 {len(part.documents)} 件，{order}", ""]
    else:
        lines = [f"# {escape(title)}", "", *lead]
    if part.parts:
        items = [f"- [{paging.label(child.key)}]({relative(here, child.path)})（{len(child.documents)}）" for child in part.parts]
        return "\n".join(lines + items) + "\n"
    return "\n".join(lines + [FILTER, "", *document_table(part.documents, here)]) + "\n"


def list_pages(top: Part, title: str, lead: list[str], wanted: set[str] | None = None,
               also: Container[str] = ()) -> dict[str, str]:
    """Path → Markdown of a list's pages whose key is in ``wanted`` (None: every page) or whose path is in ``also``."""
    return {part.path: list_page(top, part, title, lead) for part in paging.walk(top)
            if wanted is None or part.key in wanted or part.path in also}


def facet_pages(catalogue: Catalogue, facet: Facet, wanted: set[str] | None = None,
                also: Container[str] = ()) -> dict[str, str]:
    here = catalogue.facet_paths[facet]
    documents = catalogue.members[facet]
    if facet.kind == "session":
        lines = [f"# {escape(facet.title)}", "", f"本会次共有 {len(documents)} 件提案答复收录在本站，按提案编号排列。", ""]
        return {here: "\n".join(lines + session_table(documents, here)) + "\n"}
    top = paging.split(here, documents, grow=paging.reaching(here, wanted, also))
    return list_pages(top, facet.title, facet_lead(catalogue, facet, top), wanted, also)


def in_force_documents(catalogue: Catalogue) -> list[Document]:
    """Worked out once per build: its pages, the list of every browse page and the counts need it."""
    if "in force" not in catalogue.memo:
        catalogue.memo["in force"] = newest_first([doc for doc in catalogue.documents if status_of(doc) == IN_FORCE])
    return catalogue.memo["in force"]


def in_force_pages(catalogue: Catalogue, wanted: set[str] | None = None, also: Container[str] = ()) -> dict[str, str]:
    top = paging.split(IN_FORCE_PAGE, in_force_documents(catalogue), grow=paging.reaching(IN_FORCE_PAGE, wanted, also))
    order = "按成文日期分页列出，新的在前：" if top.parts else ""
    lead = [f"时效性标注为“{IN_FORCE}”的文件共 {len(top.documents)} 件。"
            f"时效性由编辑依据发文机关公布的信息标注，未标注的文件显示为“未知”，不作推测。{order}", ""]
    return list_pages(top, "现行有效文件", lead, wanted, also)


def every_path(catalogue: Catalogue, earlier: dict[str, str] | None = None, facets: set[Facet] | None = None,
               lists: dict[str, set[str] | None] | None = None) -> dict[str, str]:
    """Each generated browse page → the list it belongs to (its first page), overviews and to-do lists included.

    ``earlier``: the last build's, kept for what a change does not reach: the lists of facets not in
    ``facets`` (None: every facet), the documents in force and the to-do list unless in ``lists``
    (``Change.lists``: list → the keys of the parts it reaches, None: every part), and in a list it
    reaches, what lies inside the parts it does not (issue 16: this took a rebuild 0.17 s at 20,000
    laws, splitting whole lists again; 0.06 s now).
    """
    lists = dict.fromkeys(SPLIT_LISTS) if lists is None else lists
    redo = set(catalogue.facet_paths) if earlier is None or facets is None else facets & set(catalogue.facet_paths)
    split = to_split(catalogue, redo, set(SPLIT_LISTS) if earlier is None else lists.keys())
    known: dict[str, set[str]] = {}
    for path, top in (earlier or {}).items():
        known.setdefault(top, set()).add(path)
    found = {path: path for path in [*LISTS, *catalogue.facet_paths.values()]}
    kept = {*SPLIT_LISTS, *catalogue.facet_paths.values()} - {top for top, _, _, _ in split}
    found.update((path, top) for top in kept for path in known.get(top, ()))
    for top, items, order, folder in split:
        wanted = None if earlier is None else lists.get(top)
        found.update((path, top) for path in list_paths(top, items, order, wanted, known.get(top, set()), folder))
    return dict(sorted(found.items()))


def to_split(catalogue: Catalogue, facets: set[Facet], lists: Container[str]) -> list[tuple[str, list, paging.Order, str | None]]:
    """The lists whose pages are found again, with their items, how they split and the folder of their
    parts (None: beside the list): those of ``facets`` (a session's is one page), and of ``SPLIT_LISTS``
    those in ``lists``."""
    found = [(catalogue.facet_paths[facet], catalogue.members[facet], paging.DATES, None)
             for facet in facets if facet.kind != "session"]
    if IN_FORCE_PAGE in lists:
        found.append((IN_FORCE_PAGE, in_force_documents(catalogue), paging.DATES, None))
    if MISSING_PAGE in lists:
        found.append((MISSING_PAGE, missing_rows_of(catalogue), paging.NAMES, None))
    if overview.ISSUERS_PAGE in lists:
        found.append((overview.ISSUERS_PAGE, overview.issuer_rows(catalogue), paging.NAMES, overview.ISSUERS_FOLDER))
    if UNVERIFIED_PAGE in lists:
        found.append((UNVERIFIED_PAGE, unverified_rows(catalogue), paging.NAMES, None))
    return found


def list_paths(top: str, items: list, order: paging.Order, wanted: set[str] | None, known: set[str],
               folder: str | None = None) -> set[str]:
    """The pages of a list split again along the parts ``wanted`` (None: every part), with the last
    build's pages (``known``) inside the parts not split again: no item of theirs changed, so they
    are split as they were (a part new on this side holds the items of one earlier page, split alike)."""
    grow = None if wanted is None else lambda part: part.key in wanted
    parts = paging.walk(paging.split(top, items, order, grow, folder=folder))
    kept = [part.key for part in parts if part.kept]
    inside = {path for path in known if kept and path != top and
              any(order.within(paging.page_key(path, order), key) for key in kept)}
    return {part.path for part in parts} | inside


def citing_places(catalogue: Catalogue, label: str, citations: list, here: str) -> str:
    """The first ``PLACES_SHOWN`` citing pages, each once, with the source file and the lines it cites
    from; the others by a full-text search for the name."""
    by_page: dict[str, list[int]] = {}
    for citation in citations:
        by_page.setdefault(citation.source, []).append(citation.line)
    places = []
    for slug, lines in list(by_page.items())[:PLACES_SHOWN]:
        document = catalogue.by_slug[slug]
        numbers = "、".join(str(line) for line in sorted(set(lines)) if line)
        where = f"{escape(document.source.path.name)} 第 {numbers} 行" if numbers else escape(document.source.path.name)
        places.append(f"{doc_link(document, here)}（{where}）")
    if len(by_page) > PLACES_SHOWN:
        name = label[1:].split("》", 1)[0] if label.startswith("《") else label
        places.append(f"……另有 {len(by_page) - PLACES_SHOWN} 个文件（{search_link(here, name)}）")
    return "<br>".join(places)


def name_part_lead(title: str, top: Part, part: Part, by: str, leaf_order: str) -> list[str]:
    """The head of a part of a list split by name (``paging.NAMES``): its guide words, where it lies."""
    names = escape(paging.range_label([row[0] for row in part.documents]))
    order = f"{by}分页列出：" if part.parts else leaf_order
    return [f"# {title}：{names}", "",
            f"[{title}]({relative(part.path, top.path)})中{by}排在{names}的 {len(part.documents)} 件，{order}", ""]


def guide_links(part: Part) -> list[str]:
    """A name-split list's links to the parts of ``part``, each by its guide words, with its count."""
    return [f"- [{escape(paging.range_label([row[0] for row in child.documents]))}]({relative(part.path, child.path)})"
            f"（{len(child.documents)}）" for child in part.parts]


MISSING_HEADER = ["| 被引用文件 | 次数 | 引用位置 |", "|---|---|---|"]
# Citing pages a row of the to-do list names (issue 16: a name every copy of a law cites was listed
# with all its citing pages, 133 at 20,000 laws, and a part of the list grew with the archive).
PLACES_SHOWN = 5


def missing_rows(catalogue: Catalogue, rows: list, here: str) -> list[str]:
    return [f"| {escape(label)} | {len(citations)} | {citing_places(catalogue, label, citations, here)} |"
            for label, citations in sorted(rows, key=lambda item: (-len(item[1]), item[0]))]


def missing_page(catalogue: Catalogue, top: Part, part: Part) -> str:
    """One page of the editors' to-do list: cited documents the archive does not hold yet, most cited first;
    past ``PAGE_LIMIT`` of them, split by the first characters of their names (``paging.prefix_key``)."""
    here, title = part.path, "被引用但尚未收录的文件"
    if part.key:
        lines = name_part_lead(title, top, part, "按名称", "按被引用次数排列。")
    else:
        order = "按名称分页列出，每页按被引用次数排列" if part.parts else "按被引用次数排列"
        lines = [f"# {title}", "", f"本站文件引用了以下 {len(part.documents)} 件尚未收录的文件（{order}）。"
                 "引用位置注明原始文本文件及行号，便于编辑查找和补充收录。", ""]
    if part.parts:
        return "\n".join(lines + guide_links(part)) + "\n"
    return "\n".join(lines + MISSING_HEADER + missing_rows(catalogue, part.documents, here)) + "\n"


def missing_rows_of(catalogue: Catalogue) -> list[tuple]:
    """The to-do list's rows (name, citations), sorted by name: its pages and the list of every page need them."""
    if "missing" not in catalogue.memo:
        catalogue.memo["missing"] = list(catalogue.missing().items())
    return catalogue.memo["missing"]


def missing_pages(catalogue: Catalogue, wanted: set[str] | None = None, also: Container[str] = ()) -> dict[str, str]:
    top = paging.split(MISSING_PAGE, missing_rows_of(catalogue), paging.NAMES, paging.reaching(MISSING_PAGE, wanted, also, paging.NAMES))
    return {part.path: missing_page(catalogue, top, part) for part in paging.walk(top)
            if wanted is None or part.key in wanted or part.path in also}


def unverified(catalogue: Catalogue) -> list[Document]:
    """Once per build: its page and both overviews count it."""
    if "unverified" not in catalogue.memo:
        catalogue.memo["unverified"] = [document for document in catalogue.documents if gaps_of(document)]
    return catalogue.memo["unverified"]


def unverified_rows(catalogue: Catalogue) -> list[tuple[str, Document]]:
    """The 待核实 list's rows (source file, document), sorted by source file: split like the to-do
    list by name, since most of these documents lack the date the other lists are split by."""
    if "unverified rows" not in catalogue.memo:
        catalogue.memo["unverified rows"] = sorted(((str(document.source.path), document) for document in unverified(catalogue)),
                                                   key=lambda row: (row[0], row[1].slug))
    return catalogue.memo["unverified rows"]


UNVERIFIED_HEADER = ["| 文件 | 原始文本 | 待核实字段 | 改法 |", "|---|---|---|---|"]


def unverified_row(document: Document, here: str) -> str:
    names = gaps_of(document)
    fields = "、".join(schema.label(name) for name in names)
    return (f"| {doc_link(document, here)} | {escape(str(document.source.path))} "
            f"| {escape(fields)} | {escape(fix(document, names))} |")


def unverified_page(top: Part, part: Part) -> str:
    """One page of the editors' other to-do list: published pages whose required fields are still
    missing, by source file; past ``PAGE_LIMIT`` of them, split by the files' names (issue 16: at
    20,000 laws the single page held 1,771 rows, 444 kB, rendered again by every such addition)."""
    here, title = part.path, f"{UNVERIFIED}文件"
    if part.key:
        lines = name_part_lead(title, top, part, "按原始文本文件名", "按原始文本文件名排列。")
    else:
        required = "、".join(schema.BY_NAME[name].label for name in schema.REQUIRED)
        order = "按原始文本文件名分页列出：" if part.parts else "按原始文本文件名排列。"
        lines = [f"# {title}", "", f"以下 {len(part.documents)} 件文件缺少表中所列的必填元数据（必填字段：{required}）："
                 "程序没有从原文中识别出来，附属文件也没有填写。文件照常发布，缺少的字段在文件页面上显示为“待核实”，"
                 "浏览页面把它们列在“待核实”下；`make check` 对每一项报错，直到编辑补上。", "",
                 "编辑的改法：核对原文，在附属文件中填写表中所列的键，并用注释写明出处；原文确未写明的写 `null` 并注明原因"
                 f"（标题除外：原文无标题时由编者拟定，并在 `note` 中说明）。{order if part.documents else ''}", ""]
        if not part.documents:
            return "\n".join(lines + ["目前没有待核实的文件。"]) + "\n"
    if part.parts:
        return "\n".join(lines + guide_links(part)) + "\n"
    return "\n".join(lines + UNVERIFIED_HEADER + [unverified_row(document, here) for _, document in part.documents]) + "\n"


def unverified_pages(catalogue: Catalogue, wanted: set[str] | None = None, also: Container[str] = ()) -> dict[str, str]:
    top = paging.split(UNVERIFIED_PAGE, unverified_rows(catalogue), paging.NAMES,
                       paging.reaching(UNVERIFIED_PAGE, wanted, also, paging.NAMES))
    return {part.path: unverified_page(top, part) for part in paging.walk(top)
            if wanted is None or part.key in wanted or part.path in also}


def latest(catalogue: Catalogue) -> list[Document]:
    """Latest additions: by retrieval date when editors record it, else by document date."""
    def added(document: Document) -> tuple:
        return (str(document.meta.get("retrieved") or ""), str(document.meta.get("date") or ""), document.slug)
    return heapq.nlargest(LATEST, catalogue.documents, key=added)


def summary(catalogue: Catalogue, here: str) -> list[str]:
    counts = [f"[{OVERVIEWS[kind]}]({relative(here, f'browse/{kind}.md')})：{len(facets_of_kind(catalogue, kind))} 个{KIND_LABELS[kind]}"
              for kind in OVERVIEWS]
    in_force_count = len(in_force_documents(catalogue))
    return [f"本站共收录 **{len(catalogue.documents)}** 件文件，其中现行有效 {in_force_count} 件"
            f"（[查看]({relative(here, IN_FORCE_PAGE)})）。", "", *(f"- {line}" for line in counts),
            f"- [被引用但尚未收录的文件]({relative(here, MISSING_PAGE)})：{len(catalogue.missing())} 件",
            f"- [元数据{UNVERIFIED}的文件]({relative(here, UNVERIFIED_PAGE)})：{len(unverified(catalogue))} 件", ""]


def home_part(catalogue: Catalogue) -> str:
    """Counts and latest additions, included into the hand-written home page (docs/index.md)."""
    here = "index.md"
    items = [f"- {doc_link(doc, here)}（{format_date(doc.meta) or '日期不详'}）{list_badge(doc)}" for doc in latest(catalogue)]
    return "\n".join(["## 馆藏概况", "", *summary(catalogue, here), "## 最新收录", "", *items]) + "\n"


def browse_index(catalogue: Catalogue) -> str:
    return "\n".join(["# 浏览", "", "按地区、发文机关、年份、文种或提案会次浏览全部文件。", "",
                      *summary(catalogue, "browse/index.md")]) + "\n"


# Lists split into parts past ``paging.PAGE_LIMIT`` besides the facets' own.
SPLIT_LISTS = (IN_FORCE_PAGE, MISSING_PAGE, overview.ISSUERS_PAGE, UNVERIFIED_PAGE)
# The overviews and to-do lists, beside one page per facet.
LISTS = ("browse/index.md", "browse/_home.md", IN_FORCE_PAGE, MISSING_PAGE, UNVERIFIED_PAGE,
         *(f"browse/{kind}.md" for kind in OVERVIEWS))


def pages(catalogue: Catalogue, facets: set[Facet] | None = None, lists: bool = True,
          keys: dict[str, set[str]] | None = None, missing: dict[str, str] | None = None) -> dict[str, str]:
    """Docs-relative path → Markdown of the generated browse pages: the overviews and to-do lists
    (``LISTS``, unless ``lists`` is False; the 待核实 list only where ``keys`` names parts of it) and
    the pages of each of ``facets`` (None: of every facet).

    ``keys``: list (its first page's path) → the keys of the parts (``paging``) to write; a list not
    in it is written whole. ``missing``: pages (→ their list) written whatever the others say."""
    incomplete: dict[str, set[str]] = {}
    for path, top in (missing or {}).items():
        incomplete.setdefault(top, set()).add(path)

    def wanted(path: str, chosen: bool = True) -> set[str] | None:
        if not chosen:
            return set()
        return None if keys is None or path not in keys else keys[path] | {""}

    generated = {}
    if lists:
        generated = {"browse/index.md": browse_index(catalogue), "browse/_home.md": home_part(catalogue)}
        generated.update({f"browse/{kind}.md": overview.overview_page(catalogue, kind) for kind in OVERVIEWS if kind != "issuer"})
    # Only the documents a change moved can change the list of those in force, only the names of what
    # changed documents cite that is not in the archive the to-do list.
    if lists or IN_FORCE_PAGE in incomplete:
        moved = None if keys is None else keys.get(IN_FORCE_PAGE, set()) | {""}
        generated.update(in_force_pages(catalogue, moved if lists else set(), incomplete.get(IN_FORCE_PAGE, ())))
    if lists or MISSING_PAGE in incomplete:
        cited = None if keys is None else keys.get(MISSING_PAGE, set()) | {""}
        generated.update(missing_pages(catalogue, cited if lists else set(), incomplete.get(MISSING_PAGE, ())))
    if lists or overview.ISSUERS_PAGE in incomplete:
        issuers = None if keys is None else keys.get(overview.ISSUERS_PAGE, set()) | {""}
        generated.update(overview.issuer_pages(catalogue, issuers if lists else set(), incomplete.get(overview.ISSUERS_PAGE, ())))
    # It lists only documents with gaps: no part of it changes unless one of those changed.
    gaps = None if keys is None else keys.get(UNVERIFIED_PAGE, set())
    if (lists and gaps != set()) or UNVERIFIED_PAGE in incomplete:
        parts = None if gaps is None else gaps | {""}
        generated.update(unverified_pages(catalogue, parts if lists and gaps != set() else set(), incomplete.get(UNVERIFIED_PAGE, ())))
    for facet, path in catalogue.facet_paths.items():
        chosen = facets is None or facet in facets
        if chosen or path in incomplete:
            generated.update(facet_pages(catalogue, facet, wanted(path, chosen), incomplete.get(path, ())))
    return generated
