"""Document types (文种) and proposal replies, read from titles and openings.

The fifteen types of the 党政机关公文处理工作条例 plus the kinds an archive
of policy documents holds (实施方案, 计划, 规划, 办法, 提案答复 …). A title
names its type at the end, after the subject: 关于印发《…实施方案》的通知
is a 通知, whatever it issues.
"""
from __future__ import annotations

import re

# Longest first, so 实施方案 wins over 方案; values are the canonical type.
_ENDINGS = [
    ("实施方案", "实施方案"), ("工作方案", "方案"), ("行动方案", "方案"), ("方案", "方案"),
    ("行动计划", "计划"), ("计划", "计划"), ("规划", "规划"), ("实施细则", "细则"), ("细则", "细则"),
    ("办法", "办法"), ("规定", "规定"), ("规则", "规则"), ("规程", "规程"), ("守则", "守则"), ("条例", "条例"), ("章程", "章程"), ("要点", "要点"),
    ("实施意见", "意见"), ("指导意见", "意见"), ("意见", "意见"),
    ("决议", "决议"), ("决定", "决定"), ("命令", "命令"), ("公报", "公报"), ("公告", "公告"),
    ("通告", "通告"), ("通知", "通知"), ("通报", "通报"), ("报告", "报告"), ("请示", "请示"), ("批复", "批复"),
    ("议案", "议案"), ("函", "函"), ("纪要", "纪要"), ("答复", "答复"), ("提案", "提案"),
    ("解读", "解读"), ("司法解释", "解释"), ("解释", "解释"),
    # Laws last, so that 办法 stays a 办法: 中华人民共和国职业教育法, 民法典, 刑法修正案（十二）.
    ("法典", "法律"), ("修正案", "法律"), ("法", "法律"),
]
KNOWN_TYPES = sorted({kind for _, kind in _ENDINGS} | {"提案答复"})
# Types whose title may carry a period of validity (2019—2021年).
PLAN_TYPES = {"实施方案", "方案", "计划", "规划", "要点", "意见", "办法", "细则"}
_TRAILING_BRACKETS = re.compile(r"[（(][^（）()]*[）)]$")
_REPLY_OPENING = re.compile(r"(提案|建议|议案)[^。]{0,40}(答复如下|答复如下：|现答复)")

# 人大代表 make 建议 (and 议案), 政协委员 make 提案; a reply to any of them is a 提案答复.
_PROPOSAL_KIND = re.compile(r"(提案|建议|议案)")
# A reply sent as a letter: …第1573号提案答复的函.
_REPLY_LETTER = re.compile(r"(提案|建议|议案)(?:的)?(?:答复|办理情况)")
_SESSION_NUMBER = re.compile(
    r"(?:对|关于)?(?P<session>[^对于]{2,40}?(?:会议|大会))\s*第\s*(?P<number>\d+)\s*号\s*(?:[（(][^（）()]{0,20}[）)])?\s*(?:代表|委员)?(?P<kind>提案|建议|议案)")
# The session named in a reply's opening: 您在县十七届人大二次会议上提出的….
_SESSION_STATED = re.compile(r"在(?P<session>[^，。在]{2,30}?(?:会议|大会))(?:期间|上|中)")
_KIND_NUMBER = re.compile(r"第\s*(?P<number>\d+)\s*号\s*(?:[（(][^（）()]{0,20}[）)])?\s*(?:代表|委员)?(?P<kind>提案|建议|议案)")
_BODY_NUMBER = re.compile(r"[（(]\s*第\s*(?P<number>\d+)\s*号\s*[）)]")
_PROPOSAL_TITLE = re.compile(r"(?:你|你们|您|贵)[^，。《》“”]{0,30}?(?:提出|所提)的\s*[《“\"](?P<title>[^》”\"]+)[》”\"]")


def doc_type_of(title: str, opening: str = "") -> str | None:
    """The type a title names at its end; for an untitled text, a proposal reply's opening."""
    ending = _TRAILING_BRACKETS.sub("", title.strip()) if title else ""
    ending = ending.rsplit("》", 1)[-1]
    for suffix, kind in _ENDINGS:
        if ending.endswith(suffix):
            reply = kind == "答复" and _PROPOSAL_KIND.search(title) or kind == "函" and _REPLY_LETTER.search(title)
            return "提案答复" if reply else kind
    if _REPLY_OPENING.search(opening):
        return "提案答复"
    return None


# Endings of cited things that are documents although not 公文: laws, standards, agreements.
_OTHER_DOCUMENTS = ("法", "标准", "指南", "准则", "纲要", "协议", "规范", "规则", "目录", "清单")


def is_document_title(title: str) -> bool:
    """Does a title in 《》 name a document (通知, 实施方案, 职业教育法 …) rather than a form or a book?"""
    ending = _TRAILING_BRACKETS.sub("", title.strip())
    return doc_type_of(title) is not None or ending.endswith(_OTHER_DOCUMENTS)


def proposal_of(title: str, opening: str, addressee: str) -> dict:
    """What a reply says about the proposal it answers: kind, session, number, proposer, title.

    The addressee of a reply is the proposer (民建楚雄州委, 陶尚周委员 → 陶尚周); a 代表
    makes a 建议, a 委员 a 提案, when the text does not name the kind itself.
    """
    proposal: dict = {}
    for text in (title or "", opening):
        match = _SESSION_NUMBER.search(text) or _KIND_NUMBER.search(text)
        if match:
            proposal.update({key: value for key, value in match.groupdict().items() if value})
            break
    stated = _SESSION_STATED.search(opening)
    if "session" not in proposal and stated:
        proposal["session"] = stated.group("session")
    if "number" not in proposal and _BODY_NUMBER.search(opening):
        proposal["number"] = _BODY_NUMBER.search(opening).group("number")
    if "number" in proposal:
        proposal["number"] = int(proposal["number"])
    if addressee:
        # 张丽华、刘志强等5名代表: the first named is the proposer (领衔).
        named = re.sub(r"(?:等\s*[\d一二三四五六七八九十]*\s*[位名人]?)?(委员|代表)$", "", addressee) or addressee
        proposal["proposer"] = re.split(r"[、，,]", named)[0] if re.search(r"[、，,]", named) else named
    if "kind" not in proposal:
        kind = _PROPOSAL_KIND.search(title or "") or _PROPOSAL_KIND.search(opening)
        stated = kind.group(1) if kind else None
        by_role = "建议" if addressee.endswith("代表") else "提案" if addressee.endswith("委员") else None
        if stated or by_role:
            proposal["kind"] = stated or by_role
    match = _PROPOSAL_TITLE.search(opening)
    if match:
        proposal["title"] = re.sub(r"\s+", "", match.group("title"))
    return proposal
