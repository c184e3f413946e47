"""The front-matter schema: every field, its Chinese label and its kind.

One table serves the extractor, the sidecar validator, the ``new``
scaffold, the ``check`` messages and the schema page in the docs, so a
field is added in one place.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Chinese label shown to editors and readers
    kind: str  # text, date, region, doc_number, status, url, mapping, list, relations, annexes, slug, derived
    help: str  # one line for the scaffold and the docs
    required: bool = False
    editable: bool = True  # may a sidecar set it?


FIELDS = [
    Field("title", "标题", "text", "文件标题，原文无标题时由编者拟定并在 note 中说明", required=True),
    Field("doc_type", "文种", "text", "通知、意见、实施方案、提案答复、报告、决定、函……", required=True),
    Field("doc_number", "发文字号", "doc_number", "如 楚教复〔2023〕27号（括号写法会自动统一为〔〕）"),
    Field("issuer", "发文机关", "text", "发文机关全称，如 楚雄彝族自治州教育体育局", required=True),
    Field("date", "成文日期", "date", "2023-07-30；只知年月写 2023-07，只知年份写 2023", required=True),
    Field("date_precision", "日期精度", "derived", "day / month / year，由 date 自动得出", editable=False),
    Field("date_source", "日期来源", "derived",
          "text 正文落款 / page 网页信息表 / doc_number 发文字号年份 / parent 所属文件 / sidecar 编者填写", editable=False),
    Field("region", "地区", "region", "从省级写起的规范名称列表，如 [云南省, 楚雄彝族自治州]", required=True),
    Field("region_code", "区划代码", "derived", "最末一级的 GB/T 2260 行政区划代码", editable=False),
    Field("region_source", "地区来源", "derived",
          "issuer 由发文机关名称得出 / title 由标题得出 / text 由正文得出 / parent 所属文件 / sidecar 编者填写", editable=False),
    Field("addressee", "主送机关", "text", "主送机关，如 各乡镇人民政府、街道办事处"),
    Field("proposal", "提案", "mapping", "提案答复所答复的建议或提案：kind 类别（建议/提案）、session 会次、number 编号、proposer 提案人、title 提案标题"),
    Field("published", "印发/发布日期", "date", "另行注明的印发日期或网站发布时间"),
    Field("contact", "联系人及电话", "text", "如 李同国 3121746"),
    Field("cc", "抄送", "list", "抄送机关列表"),
    Field("disclosure", "公开属性", "text", "如 公开、依申请公开"),
    Field("cites", "引用文件", "list", "正文引用的文件（《标题》和/或发文字号），自动提取"),
    Field("relations", "文件关系", "relations",
          "与其他文件的关系：[{type: 解读/废止/修改/印发/答复/附件, target: 发文字号、标题或页面 slug}]"),
    Field("status", "时效性", "status", "现行有效 / 已修改 / 已废止 / 失效 / 尚未生效 / 未知（默认未知，不推测）"),
    Field("effective", "施行日期", "date", "原文写明的施行或起始日期，如计划期 2019—2021 年的 2019"),
    Field("expires", "失效日期", "date", "原文写明的截止日期，如计划期 2019—2021 年的 2021"),
    Field("source", "原始文本", "derived", "source_docs/ 中原始文本的路径", editable=False),
    Field("sha256", "SHA-256", "derived", "原始文本文件的 SHA-256 校验值（自动计算）", editable=False),
    Field("source_url", "来源网址", "url", "编者获取原文的网址（http:// 或 https://）"),
    Field("retrieved", "获取日期", "date", "编者获取原文的日期"),
    Field("index_no", "索引号", "text", "政府信息公开网站给出的索引号"),
    Field("origin", "来源网站", "text", "原文页面注明的来源，如 曲靖市人力资源和社会保障网"),
    Field("note", "编者注", "text", "编者说明，如“原文无标题，标题为编者拟定”"),
    Field("unverified", "待核实", "derived",
          "原文中未找到、附属文件也未填写的必填字段；网站上显示为“待核实”，check 报错", editable=False),
    Field("part", "部分", "derived", "附件一、附件二……或 印发（通知所印发的文件）", editable=False),
    Field("attachments", "附件", "derived", "本文件所附文件的页面 slug", editable=False),
    Field("attached_to", "所属文件", "derived", "本文件所附属文件的页面 slug", editable=False),
    Field("slug", "页面网址", "slug", "页面网址（仅主文件；默认由文件名生成）"),
    Field("annexes", "附件信息", "annexes", "按部分名称为附件补充字段：{附件一: {issuer: …}}"),
]
BY_NAME = {field.name: field for field in FIELDS}
REQUIRED = [field.name for field in FIELDS if field.required]
EDITABLE = [field.name for field in FIELDS if field.editable]
# Keys that only make sense at the top of a sidecar, not inside an annex entry.
TOP_ONLY = {"slug"}
FRONT_MATTER_ORDER = [field.name for field in FIELDS if field.kind not in {"slug", "annexes"}]

STATUSES = ("现行有效", "已修改", "已废止", "失效", "尚未生效", "未知")
DEFAULT_STATUS = "未知"
PROPOSAL_KEYS = {"kind": "类别（建议/提案/议案）", "session": "会次", "number": "编号", "proposer": "提案人", "title": "提案标题"}
RELATION_TYPES = ("印发", "附件", "答复", "解读", "废止", "修改")


def label(name: str) -> str:
    """``发文机关 issuer`` for messages: the Chinese label and the key an editor types."""
    field = BY_NAME.get(name)
    return f"{field.label} {name}" if field else name


def ordered(meta: dict) -> dict:
    """Front matter in schema order, so every page lists fields the same way."""
    known = [name for name in FRONT_MATTER_ORDER if name in meta]
    extra = sorted(name for name in meta if name not in BY_NAME)
    return {name: meta[name] for name in known + extra}
