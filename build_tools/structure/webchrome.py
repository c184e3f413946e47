"""The chrome of a web page copied as text: lines that belong to the site, not to the document.

Breadcrumbs (当前位置：首页 > …, 首页>>…), font and print widgets (【字体：大 中 小】,
浏览字号, 【打印本页】【关闭窗口】, 分享到, 扫一扫在手机打开当前页), 上一篇/下一篇,
social-account lines, a related-articles list after the body and the footer
(主办, 版权所有, 网站标识码, ICP备, 公网安备, 地址/邮编, 联系我们 | 网站地图).
``is_chrome`` lines are evidence of a page on their own; ``is_page_chrome`` lines
only once ``webpage`` knows the text is a page (相关附件：无, 返回顶部).
"""
from __future__ import annotations

import re

from ..model import Removed
from .header import is_doc_kind_end
from .lines import Line

BREADCRUMB = re.compile(r"^(?:您|你)?(?:当前|现在)?的?(?:所在)?的?位置\s*[:：]|^位置\s*[:：]\s*首页"
                        r"|^(?:网站首页|首\s*页|主页)\s*(?:>|›|»|→|＞|/|\s)")
FONT = re.compile(r"[【\[]?\s*(?:(?:浏览)?字[体号]\s*[:：]?\s*[【\[（(]?\s*大\s*[】\]）)]?\s*[【\[（(]?\s*中\s*[】\]）)]?"
                  r"\s*[【\[（(]?\s*小|[【\[]\s*大\s*[】\]]\s*[【\[]\s*中\s*[】\]]\s*[【\[]\s*小)\s*[】\]]?\s*[】\]]?")
BUTTON = re.compile(r"[【\[]\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|返回|我要纠错|纠错)\s*[】\]]"
                    r"|(?:^|(?<=\s))(?:打印本页|打印此页|关闭窗口|关闭本页|收藏本页|返回顶部|我要纠错)(?=\s|$)")
# Strong evidence anywhere in a line, and (``STRONG_START``, matched at its start) a line's opening
# or whole: apart, each is searched as fast as its first characters allow (together: 2.4 × the time).
STRONG = re.compile(r"网站标识码|ICP\s*[备证]|公网安备|版权所有|Copyright|©|IPv6|网站找错|位访客")
STRONG_START = re.compile(r"(?:上一篇|下一篇|上一条|下一条)\s*[:：]?"
                          r"|.{0,12}(?:扫一扫|扫描二维码|手机扫码).{0,20}$"
                          r"|(?:浏览次数|阅读次数|访问次数|点击数|浏览量|访问量)\s*[:：]\s*\d*$"
                          r"|(?:微信公众号|官方微信|官方微博|政务微博|政务微信|微信|微博)(?:[ \u3000]+\S{1,10}){0,4}$")
# Page lines that are chrome once the text is known to be a page (they could be a document's words otherwise).
PAGE_ONLY = re.compile(r"^[【\[]?相关(?:附件|链接|文件|阅读|新闻|信息|解读|政策|稿件|文章)[】\]]?\s*[:：]\s*\S{0,30}$"
                       r"|^[【\[]?附件下载[】\]]?\s*[:：]")
# A site's menu bar: four or more short menu words in a row (首页 政务公开 政务服务 互动交流 …).
MENU = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[\s\u3000|｜]+){3,}[\u4e00-\u9fff]{2,6}$")
MENU_WORDS = re.compile(r"首页|政务公开|信息公开|政务服务|办事服务|互动交流|政民互动|数据开放|走进|新闻中心|网上办事")
TOKENS = sorted(("打印", "打印本页", "打印此页", "关闭", "关闭窗口", "关闭本页", "返回", "返回顶部", "返回列表", "收藏",
                 "加入收藏", "设为首页", "分享", "分享到", "分享至", "微信", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ",
                 "朋友圈", "复制链接", "纠错", "我要纠错", "字体", "字号", "浏览字号", "大", "中", "小", "默认", "无障碍",
                 "长者模式", "关怀版", "简体", "繁体", "繁體", "English", "登录", "注册", "联系我们", "网站地图", "网站声明",
                 "关于我们", "隐私声明", "使用帮助", "微信公众号", "官方微信", "官方微博", "政务微博", "政务微信", "手机版",
                 "移动版", "搜索", "二维码"), key=len, reverse=True)
TOKEN_LINE = re.compile(rf"^(?:{'|'.join(TOKENS)})+$")
DISTINCT = re.compile(r"打印|关闭|分享|字体|字号|大中小|网站地图|联系我们|微信公众号|无障碍")
SEPARATORS = re.compile(r"[\s|｜/·•:：【】\[\]()（）<>＞\-]")
FOOTER = re.compile(r"^(?:网站)?(?:主办|承办|协办|主管|运维|维护|技术支持|网站维护|地址|通讯地址|邮编|邮政编码|电话|传真|E-?mail|邮箱"
                    r"|建议使用|推荐使用|最佳浏览|分辨率|您是第|总访问量|今日访问|访问量)")
RELATED = re.compile(r"^[【\[]?(?:相关(?:链接|文章|文件|阅读|新闻|信息|解读|政策|稿件)|延伸阅读|推荐阅读|热点推荐|热门文章"
                     r"|猜你喜欢|政策解读)[】\]]?\s*[:：]?$")
HOST = re.compile(r"^(?:网站)?主办(?:单位)?\s*[:：]\s*([^\s|｜，,：:]+)")
SITE = re.compile(r"([^\s|｜，,：:©]+网站?)\s*版权所有|版权所有\s*[:：]?\s*(?:©\s*)?([^\s|｜，,：:]+网站?)(?:\s|$)")
SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:门户)?网站?$")  # the site's name over its menus
SENTENCE = re.compile(r"[。；！？]")


def is_chrome(text: str) -> bool:
    """A line only a page has (breadcrumb, widget, 上一篇, 网站标识码 …): evidence of a page on its own."""
    if len(text) > 150 or "。" in text:
        return False
    if MENU.match(text.replace("\t", " ")) and len(MENU_WORDS.findall(text)) >= 2:
        return True
    if "\t" in text:
        return False
    # Every widget ``FONT`` finds ends in 小: other lines are not searched for one.
    if STRONG.search(text) or STRONG_START.match(text) or BREADCRUMB.match(text) or "小" in text and FONT.search(text):
        return True
    bare = SEPARATORS.sub("", text)
    return bool(bare and TOKEN_LINE.match(bare) and DISTINCT.search(bare))


def is_page_chrome(text: str) -> bool:
    """Chrome once the text is known to be a page: 相关附件：无, a line of menu words (返回顶部, 搜索 …)."""
    bare = SEPARATORS.sub("", text)
    return bool(PAGE_ONLY.match(text)) or len(bare) >= 2 and bool(TOKEN_LINE.match(bare)) and "\t" not in text


def without_buttons(line: Line, removed: list[Removed]) -> Line:
    """【字体：大 中 小】【打印】 beside other text: the widgets go, the text stays."""
    bits = FONT.findall(line.text) + BUTTON.findall(line.text)
    rest = BUTTON.sub("", FONT.sub("", line.text)).strip()
    if not bits or not SEPARATORS.sub("", rest):
        return line
    removed.append(Removed("web_chrome", " ".join(bit.strip() for bit in bits), line.number))
    return Line(line.number, rest)


def mark_top(lines: list[Line], drop: dict[int, str]) -> None:
    """Everything above a breadcrumb near the top (site name, menus) except a title."""
    content = [index for index, line in enumerate(lines) if not line.blank][:15]
    crumbs = [index for index in content if BREADCRUMB.match(lines[index].text)]
    for index in content:
        text = lines[index].text
        if crumbs and index < crumbs[-1] and not ("关于" in text or is_doc_kind_end(text) or text.endswith(("法", "法典"))):
            drop.setdefault(index, "web_chrome")


def mark_bottom(lines: list[Line], drop: dict[int, str]) -> None:
    """The footer (a run of chrome, 主办/地址/电话 lines at the end) and a related-articles list before it."""
    content = [index for index, line in enumerate(lines) if not line.blank]
    run: list[int] = []
    for index in reversed(content):
        if index not in drop and not FOOTER.match(lines[index].text):
            break
        run.append(index)
    if any(index in drop for index in run):
        drop.update({index: "web_chrome" for index in run if index not in drop})
    for position, start in enumerate(content):
        after = content[position:] if RELATED.match(lines[start].text) else []
        if after and all(index in drop or _item(lines[index].text) for index in after[1:]):
            drop.update({index: "web_chrome" for index in after if index not in drop})
            return


def _item(text: str) -> bool:
    """A line of a related-articles list: a short title, maybe with its date; no sentence."""
    return len(text) <= 60 and not SENTENCE.search(text[-1:]) and "，" not in text


def footer_site(text: str, site: dict[str, str]) -> None:
    """web_host from 主办：X, web_site from …网 版权所有 or the site's name line."""
    host, named = HOST.match(text), SITE.search(text) or SITE_NAME.match(text)
    if host:
        site.setdefault("web_host", host.group(1))
    if named:
        site.setdefault("web_site", next(group for group in named.groups() or (named.group(),) if group))
