"""Stage 3: front matter from a parsed document.

``extract(parsed)`` interprets one part (the main document or an annex) on
its own: the raw header strings that ``structure`` found, then the body for
what headers do not carry (region, proposal, citations, validity).
``finish`` (in ``parts``) then completes the parts of one source together
and applies the editor's sidecar.

Nothing is invented: a field the text does not state is left out (and
``check`` warns), and a value with less precision than a full date says so
(``date_precision``, ``date_source``).
"""
from __future__ import annotations

import re

from . import citations, dates, docnumbers, doctypes, records, regions, schema, validity
from ..model import ParsedDocument

_ORGANISATION = re.compile(r"(?:政府|办公室|办公厅|局|厅|委员会|委|部|院|会|集团|学校|中心|处|署|办|政协|人大)$")
_TITLE_ISSUER = re.compile(r"^(?P<issuer>.{2,40}?)关于")
_LABEL = re.compile(r"^(?:联系人及电话|联系人和电话|联系人、电话|联系电话|联系人|抄送|主送|发布时间|索引号|文号|来源)\s*[:：]\s*")
# A contact stated in the body of a notice ("联系人：张三，联系电话：0878-3121746。"),
# not in the 版记; the statement runs to the end of its sentence or bracket.
_BODY_CONTACT = re.compile(r"联系人(?:及(?:联系)?电话)?\s*[:：]\s*([^。；;\n）)]*)")
_PHONE = re.compile(r"\d[\d\-－—]{5,}\d")
_NATIONAL = re.compile(r"^(?:国务院|中共中央|全国|国家|中华人民共和国|最高人民|中央)")
# A local organ that names no place still says so (市教育局, 州人民政府, 本县财政局).
_LOCAL = re.compile(r"^(?:省|市|州|县|区|盟|旗|乡|镇|街道|村|本|各|我)")
# Document types that carry a 发文字号 and an addressee when complete.
NUMBERED_TYPES = {"通知", "意见", "决定", "决议", "命令", "公告", "通告", "通报", "请示", "批复", "函", "提案答复", "答复"}
ADDRESSED_TYPES = {"通知", "意见", "通报", "请示", "批复", "函", "提案答复", "答复"}


def tidy(text: str) -> str:
    """One line. ``structure`` has already removed stray spaces; the one left between the
    offices of a joint document (教育部 财政部) is meaningful and stays."""
    return re.sub(r"\s+", " ", str(text or "").strip())


def strip_label(text: str) -> str:
    return _LABEL.sub("", text).strip()


def body_text(parsed: ParsedDocument) -> str:
    """The text of every body block, one per line, for searches over the whole body.

    Header and footer lines stay out: a 文号 under the title is no citation of another document.
    """
    lines = []
    for block in (block for block in parsed.blocks if block.kind not in {"header", "footer"}):
        lines.append(block.lead + block.text)
        lines.extend("\t".join(row) for row in block.rows)
    return "\n".join(lines)


def contact_in_body(text: str) -> str | None:
    """Each 联系人 the body states, as "name phone", in order; None when there is none."""
    found = []
    for match in _BODY_CONTACT.finditer(text):
        stated = match.group(1)
        name = re.split(r"(?:联系)?电话|手机|座机|\d", stated, maxsplit=1)[0].strip(" \t，,、（(：:")
        if name and len(name) <= 20:
            found.append(" ".join([name, *_PHONE.findall(stated)]))
    return "；".join(dict.fromkeys(found)) or None


def opening(parsed: ParsedDocument, count: int = 3) -> str:
    """The first paragraphs after the header, where a reply names the proposal it answers."""
    start = int(parsed.header.get("body_start_line") or 0)
    body = [block for block in parsed.blocks if block.line >= start] or parsed.blocks
    return "\n".join(block.text for block in body[:count])


def full_name(name: str, text: str) -> str:
    """An organisation's full name where the text introduces its short one: X（以下简称Y）."""
    if len(name) >= 40 or "以下简称" not in text:  # no full name is longer than the 40 characters looked back over
        return name
    pattern = rf"([\u4e00-\u9fff]{{{len(name) + 1},40}})[（(]以下简称[“\"]?{re.escape(name)}[”\"]?[）)]"
    match = re.search(pattern, text)
    return match.group(1) if match else name


def issuer_of(header: dict, text: str) -> str | None:
    """The signature (落款) first, then the banner (版头), the title (X关于…), the cover's author."""
    banner = re.sub(r"文件$", "", header.get("banner", ""))
    title = _TITLE_ISSUER.match(header.get("title", ""))
    title_issuer = title.group("issuer") if title and _ORGANISATION.search(title.group("issuer")) else ""
    adopted = records.adoption(header.get("record", "")).get("issuer")
    ordered = order_issuer(header.get("doc_number", ""))
    for candidate in (header.get("signature"), banner, ordered, adopted, title_issuer, header.get("author")):
        if candidate:
            return full_name(candidate, text)
    return None


def order_issuer(number: str) -> str | None:
    """湖南省人民政府 of 湖南省人民政府令第288号; 国务院 of 中华人民共和国国务院令. A 主席令 promulgates
    what the 人大 adopted, so the adopting organ (from the record) is the issuer there."""
    match = docnumbers.ORDER.match(re.sub(r"\s", "", number))
    organ = re.sub(r"^中华人民共和国(?=\S+令$)", "", match.group("organ")) if match else ""
    return organ[:-1] if len(organ) > 2 and not organ.endswith("主席令") else None


def date_of(header: dict, doc_number: str | None) -> dict:
    """成文日期 as stated (the date under the signature, or the cover's), else the page table's, else the number's year."""
    for key in ("date", "cover_date"):
        try:
            found = dates.parse_date(header[key]) if header.get(key) else None
        except dates.DateError:
            found = None
        if found:
            return {"date": found.iso, "date_precision": found.precision, "date_source": "text"}
    adopted = records.adoption(header.get("record", "")).get("date")
    if adopted:
        return {"date": adopted, "date_precision": "day", "date_source": "text"}
    if "date" in from_page(header):
        return from_page(header)["date"]
    year = docnumbers.year_of(doc_number) if doc_number else None
    if year:
        return {"date": str(year), "date_precision": "year", "date_source": "doc_number"}
    return {}


def published_of(header: dict) -> str | None:
    """印发日期 from the imprint (…2022年3月31日印发), else a web page's 发布时间."""
    for key in ("printed", "web_published"):
        try:
            if header.get(key):
                return dates.parse_date(header[key]).iso
        except dates.DateError:
            continue
    return None


def is_central(issuer: str) -> bool:
    """A central organ: 国务院…, or a ministry-like organ whose name starts with no place (教育部 财政部)."""
    places = regions.gazetteer()
    return all((_NATIONAL.search(organ) or _ORGANISATION.search(organ) and not _LOCAL.search(organ))
               and places.in_name(organ) is None for organ in issuer.split())


def fuller(stated: str | None, labelled: str | None) -> str | None:
    """The organ's full name where a page or database label spells out the 落款's short one.

    国家发展改革委 is 国家发展和改革委员会: every character of the short name, in order.
    """
    if not stated or not labelled:
        return stated or labelled
    remaining = iter(labelled)
    return labelled if len(labelled) > len(stated) and all(char in remaining for char in stated) else stated


def labelled_date(header: dict, key: str) -> str | None:
    try:
        return dates.parse_date(header[key]).iso if header.get(key) else None
    except dates.DateError:
        return None


def from_page(header: dict) -> dict:
    """What a copied web page's information table states (``structure.webpage``), for fields the text leaves out.

    The text's own title, 落款, date and number win; the source site is the page's 来源, else the site its
    footer names, else the footer's 主办. A date taken from the table says so: ``date_source: page``.
    """
    found = {"title": header.get("web_title"), "issuer": header.get("web_issuer"),
             "origin": strip_label(header.get("web_source") or header.get("web_site") or header.get("web_host") or "")}
    try:
        stated = dates.parse_date(header["web_date"]) if header.get("web_date") else None
    except dates.DateError:
        stated = None
    if stated:
        found["date"] = {"date": stated.iso, "date_precision": stated.precision, "date_source": "page"}
    return {key: value for key, value in found.items() if value}


def region_of(issuer: str | None, text: str, title: str = "") -> dict:
    """The issuer's seat; else the place the title starts with (宁波市…条例; 中华人民共和国…法: 全国); else the text."""
    places, found = regions.gazetteer(), None
    if issuer and is_central(issuer):
        found = [regions.NATIONAL], "issuer"
    for name, source in ((issuer, "issuer"), (title, "title")):
        division = places.in_name(name) if name and not found else None
        found = found or ((places.path(division), source) if division else None)
    if not found and _NATIONAL.search(title):
        found = [regions.NATIONAL], "title"
    path, source = found or regions.region_of("", text)
    if not path:
        return {}
    return {"region": [division.name for division in path], "region_code": path[-1].code, "region_source": source}


def doc_number_of(header: dict) -> str | None:
    raw = header.get("doc_number") or header.get("web_doc_number")
    try:
        return docnumbers.normalise(strip_label(raw)) if raw else None
    except docnumbers.DocNumberError:
        return None


def cites_of(parsed: ParsedDocument, text: str, meta: dict) -> list[dict]:
    """Documents cited in the body: not the document itself, its own parts, or the proposal it answers.

    A title without a number counts only if it names a document (通知, 方案, 法 …), not a form (记录表).
    """
    own = {meta.get("doc_number"), citations.title_key(meta.get("title") or ""),
           (meta.get("proposal") or {}).get("title")}
    own |= {citations.title_key(annex.header.get("title", "")) for annex in parsed.annexes}
    return [entry for entry in citations.cited_documents(text)
            if not own & set(entry.values()) and ("number" in entry or doctypes.is_document_title(entry["title"]))]


def period_of(meta: dict, text: str = "") -> dict:
    """effective/expires the text states, else the period in a plan's title (…计划（2019—2021年））."""
    found = validity.period_from_text(text, meta.get("date")) if text else {}
    title_period = validity.period_from_title(meta.get("title") or "")
    if title_period and meta.get("doc_type") in doctypes.PLAN_TYPES:
        found.setdefault("effective", title_period[0])
        found.setdefault("expires", title_period[1])
    return found


# Header strings that must parse; ``unreadable`` reports those that do not, for ``check``.
_READERS = {
    "date": dates.parse_date, "cover_date": dates.parse_date, "printed": dates.parse_date,
    "web_published": dates.parse_date,
    "doc_number": lambda raw: docnumbers.normalise(strip_label(raw)),
    "web_doc_number": lambda raw: docnumbers.normalise(strip_label(raw)),
}


def unreadable(parsed: ParsedDocument, parts: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str, str, str]]:
    """(part path, header key, raw text, reason) for every header date or number that cannot be read."""
    found = []
    for key, read in _READERS.items():
        raw = parsed.header.get(key)
        try:
            if raw:
                read(raw)
        except (dates.DateError, docnumbers.DocNumberError) as error:
            found.append((parts, key, raw, str(error)))
    for annex in parsed.annexes:
        found += unreadable(annex, parts + (annex.part,))
    return found


def extract(parsed: ParsedDocument) -> dict:
    """Front matter of one part, from its header strings and body (nothing looked up elsewhere)."""
    header = {key: tidy(value) for key, value in parsed.header.items() if isinstance(value, str)}
    text, start = body_text(parsed), opening(parsed)
    page = from_page(header)
    meta: dict = {"title": header.get("title") or page.get("title")}
    meta["doc_type"] = doctypes.doc_type_of(meta["title"] or "", start)
    meta["doc_number"] = doc_number_of(header)
    meta["issuer"] = fuller(issuer_of(header, text), page.get("issuer"))
    meta.update(date_of(header, meta["doc_number"]))
    meta.update(region_of(meta["issuer"], text, meta["title"] or ""))
    meta["addressee"] = re.sub(r"^尊敬的|[:：]$", "", header.get("addressee", "")) or None
    if meta["doc_type"] == "提案答复":
        meta["proposal"] = doctypes.proposal_of(meta["title"] or "", start, meta["addressee"] or "")
    meta["published"] = published_of(header)
    stated = strip_label(header.get("contact", ""))
    meta["contact"] = (contact_in_body(f"联系人：{stated}") or stated) if stated else contact_in_body(text)
    meta["cc"] = [item for item in re.split(r"[，,、；;。]", strip_label(header.get("cc", ""))) if item]
    meta["disclosure"] = header.get("classification")
    meta["index_no"] = strip_label(header.get("web_index_no", "")) or None
    meta["source_url"] = None if parsed.part else header.get("web_url")  # a saved page's own address
    meta["origin"] = page.get("origin")
    meta["cites"] = cites_of(parsed, text, meta)
    meta.update(period_of(meta, text))
    meta.setdefault("effective", labelled_date(header, "effective") or
                    records.adoption(header.get("record", "")).get("effective"))
    meta["status"] = schema.DEFAULT_STATUS
    meta.update(source=str(parsed.source.path), sha256=parsed.source.sha256, part=parsed.part or None)
    return schema.ordered({key: value for key, value in meta.items() if value not in (None, "", [], {})})
