"""Web pages copied as text: chrome leaves the text, the information table becomes metadata.

The pages below are written for these tests in the layouts government sites use (label and value
on separate lines, side by side, tab-separated, several pairs on a line, letter-spaced labels
without colons; breadcrumbs with > and >>; footers). Expected values are read off the texts.
"""
from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.metadata.front_matter import extract
from build_tools.structure import webchrome
from build_tools.structure.lines import split_lines
from build_tools.structure.webpage import take_page
from test_structure_text import parsed

# Strings that only page chrome contains; none may reach any block of the converted page.
CHROME = ("当前位置", "您现在的位置", "首页", "字体", "字号", "打印", "关闭", "扫一扫", "分享", "相关文章", "相关链接",
          "上一篇", "下一篇", "微信公众号", "主办", "承办", "网站标识码", "ICP备", "公网安备", "版权所有", "联系我们",
          "网站地图", "索引号", "主题分类", "发布日期", "浏览次数", "访问量")

SEPARATE_LINES = """长者模式 | 无障碍 | 简体 | 繁體
某某省人民政府门户网站
当前位置：首页 > 政务公开 > 政策文件 > 省政府办公厅文件

索引号：
000014349/2024-00031
主题分类：
教育、科技
发文机关：
某某省人民政府办公厅
成文日期：
2024年03月12日
标题：
某某省人民政府办公厅关于推进职业教育产教融合的实施意见
发文字号：
某政办发〔2024〕8号
发布日期：
2024年03月15日
有效性：
有效

某某省人民政府办公厅关于推进职业教育产教融合的实施意见
【字体：大 中 小】　　【打印本页】　【关闭窗口】

各州、市人民政府，省直各委、办、厅、局：
为推进职业教育产教融合，经省人民政府同意，提出以下实施意见。
一、总体要求
以服务产业发展为导向，深化产教融合、校企合作。
二、保障措施
各地要加强组织领导，确保各项任务落到实处。
扫一扫在手机打开当前页
相关文章
某某省教育厅关于做好职业院校招生工作的通知
某某市职业教育发展情况通报 2024-02-01
上一篇：某某省人民政府办公厅关于印发某某办法的通知
下一篇：某某省人民政府办公厅关于某某事项的通知
主办：某某省人民政府办公厅　承办：某某省大数据中心
网站标识码：5300000000　某ICP备05001234号　某公网安备 53010202000123号
联系我们 | 网站地图
"""

SIDE_BY_SIDE = """您现在的位置：首页>>信息公开>>通知公告
发布机构：某某市教育体育局　　发文字号：某教发〔2023〕15号
发文机关：某某市教育体育局
成文日期：2023-06-20　发布日期：2023-06-21　浏览次数：1024
来源：某某市教育体育局网站
浏览字号 大 中 小

某某市教育体育局关于开展暑期学生安全教育的通知

各县市区教育体育局，市直各学校：

暑期将至，为切实做好学生安全教育工作，现将有关事项通知如下。

一、加强防溺水教育

各校要在放假前组织一次防溺水专题教育。

二、做好家校沟通

各校要通过家长会等方式告知家长安全责任。

某某市教育体育局

2023年6月20日

微信公众号

相关链接
某某市人民政府
某某省教育厅

版权所有：某某市教育体育局　地址：某某市北路1号　邮编：675000
某ICP备12000001号-1　某公网安备53230102000001号
"""

TABS_AFTER_TITLE = """首页 > 政策 > 部门文件

某某县人力资源和社会保障局关于做好2022年度技能培训补贴申领工作的通知

索引号\t115326000000000000/2022-00077\t主题分类\t劳动、人事、监察
发文机关\t某某县人力资源和社会保障局\t成文日期\t2022年05月09日
发文字号\t某人社通〔2022〕21号\t发布日期\t2022年05月10日

各乡（镇）人民政府，县直有关单位：

现就2022年度职业技能培训补贴申领工作通知如下。

一、申领对象为在本县参加培训并取得证书的劳动者。

二、请于6月30日前提交材料。

分享到：微信　微博　QQ空间
【打印】【关闭】
"""

LETTER_SPACED = """首     页 政 务 公 开 网 上 办 事 互 动 交 流
索   引   号 20220315-100234 分        类 其他; 市人民政府办公室文件
发 布 机 构 市人民政府办公室 发 文 日 期 2022-03-14
名        称 某某市人民政府办公室关于做好春季植树造林工作的通知
文        号 某政办发〔2022〕11号   上 载 日 期 2022-03-15
某某市人民政府办公室关于做好春季植树造林工作的通知
信息来源: 市人民政府办公室

某政办发〔2022〕11号

各县（市）、区人民政府，市政府各委、办、局：

为做好今年春季植树造林工作，现将有关事项通知如下。

一、各地要科学确定造林地块。

某某市人民政府办公室

2022年3月14日
"""

ARTICLE_LINE = """某某市人民政府关于公布第三批非物质文化遗产代表性项目名录的通知
2021-08-02 16:30:00 来源：某某市文化和旅游局 阅读次数：356
【字体：大 中 小】

各县区人民政府，市直各部门：

现将第三批市级非物质文化遗产代表性项目名录予以公布。

某某市人民政府

2021年7月28日
"""

LAW_PAGE = """当前位置：首页 > 法律法规库
中华人民共和国某某保护法
来源：中国人大网　　浏览字号 大 中 小

（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）

第一章　总则

第一条　为了保护某某资源，根据宪法，制定本法。

第二条　某某资源的来源、利用和保护，适用本法。

第二章　保护措施

第三条　国家建立某某资源保护制度。

网站标识码bm00000001　京ICP备05000000号
"""

BULLETS_AND_BARS = """返回顶部
某某县人民政府工作规则

  • 索引号:

    6107280000/2024-001005
  • 主题分类:

  • 发文机构:

    县政府网站
  • 发文字号:

    某政发〔2024〕7号
  • 有效性:

  • 发布日期:

    2024年04月06日 16:34
  • 内容概述:

某某县人民政府工作规则

第一章　总则

第一条　根据有关法律，结合本县实际，制定本规则。
"""

BARS = """索引号: | 113417030032499282/202011-00140 | 组配分类: | 公共法律服务 |
发布机构: | 某某镇人民政府 | 主题分类: | 其他 |
名称: | 某某县司法局关于印发行政执法公示办法的通知 | 文号: | 无 |
生成日期: | 2020-11-14 | 发布日期: | 2020-11-16 |

某某县司法局关于印发行政执法公示办法的通知
各乡镇司法所：
现将《行政执法公示办法》印发给你们，请认真贯彻执行。
"""

TITLE_ONLY_IN_TABLE = """当前位置：首页 > 信息公开 > 部门文件
标题：某某市财政局关于下达2024年农村公路养护补助资金的通知
发文机关：某某市财政局
成文日期：2024年2月6日
发文字号：某财建〔2024〕3号

各县（市、区）财政局：
现下达你们2024年农村公路养护补助资金，请按规定使用。

附件1：

资金分配表

发布时间：2024-02-08 来源：某某市交通运输局 浏览次数：88
县别	金额（万元）
甲县	120
"""

NOTICE = """某某县人民政府办公室文件

某政办发〔2023〕4号

某某县人民政府办公室关于举办全县职业技能大赛的通知

各乡镇人民政府，县直各部门：

为弘扬工匠精神，县人民政府决定举办全县职业技能大赛。

主办单位：某某县人力资源和社会保障局
承办单位：某某县职业中学
时间：2023年5月10日
地点：县职业中学实训楼

某某县人民政府办公室

2023年3月2日
"""

LAW_WITH_SOURCE_WORD = """中华人民共和国某某促进法

第一条　为了促进某某事业发展，制定本法。

第二条　国家多渠道筹集资金，资金来源：财政拨款、社会捐赠和其他合法收入。

第三条　本法自2022年1月1日起施行。
"""


def texts(document) -> list[str]:
    """Every text a page shows: header, body and footer blocks, table cells, of every part."""
    shown = [block.lead + block.text for block in document.blocks]
    shown += [cell for block in document.blocks for row in block.rows for cell in row]
    return shown + [text for annex in document.annexes for text in texts(annex)]


def assert_no_chrome(document) -> None:
    leaked = [(text, word) for text in texts(document) for word in CHROME if word in text]
    assert not leaked


def test_table_on_separate_lines_gives_every_labelled_value():
    document = parsed(SEPARATE_LINES)
    assert_no_chrome(document)
    assert {key: value for key, value in document.header.items() if key.startswith("web_")} == {
        "web_index_no": "000014349/2024-00031", "web_subject": "教育、科技", "web_issuer": "某某省人民政府办公厅",
        "web_date": "2024年03月12日", "web_title": "某某省人民政府办公厅关于推进职业教育产教融合的实施意见",
        "web_doc_number": "某政办发〔2024〕8号", "web_published": "2024年03月15日", "web_validity": "有效",
        "web_host": "某某省人民政府办公厅", "web_site": "某某省人民政府门户网站"}


def test_separate_lines_metadata_comes_from_the_table_and_says_so():
    meta = extract(parsed(SEPARATE_LINES))
    assert meta["title"] == "某某省人民政府办公厅关于推进职业教育产教融合的实施意见"
    assert (meta["doc_number"], meta["issuer"]) == ("某政办发〔2024〕8号", "某某省人民政府办公厅")
    assert (meta["date"], meta["date_precision"], meta["date_source"]) == ("2024-03-12", "day", "page")
    assert (meta["published"], meta["index_no"]) == ("2024-03-15", "000014349/2024-00031")
    assert meta["origin"] == "某某省人民政府门户网站"


def test_the_title_printed_in_the_table_and_as_heading_is_kept_once():
    document = parsed(SEPARATE_LINES)
    shown = texts(document)
    assert shown.count("某某省人民政府办公厅关于推进职业教育产教融合的实施意见") == 1
    assert [block.role for block in document.blocks if block.kind == "header"] == ["title", "addressee"]


def test_body_after_the_chrome_is_intact_and_related_articles_are_gone():
    document = parsed(SEPARATE_LINES)
    assert [block.text for block in document.blocks if block.kind in {"paragraph", "heading"}] == [
        "为推进职业教育产教融合，经省人民政府同意，提出以下实施意见。", "一、总体要求",
        "以服务产业发展为导向，深化产教融合、校企合作。", "二、保障措施", "各地要加强组织领导，确保各项任务落到实处。"]
    removed = {item.text for item in document.removed if item.reason == "web_chrome"}
    assert {"相关文章", "某某市职业教育发展情况通报 2024-02-01", "联系我们 | 网站地图"} <= removed


def test_side_by_side_pairs_breadcrumb_with_double_arrows_and_footer():
    document = parsed(SIDE_BY_SIDE)
    assert_no_chrome(document)
    meta = extract(document)
    assert (meta["title"], meta["doc_number"]) == ("某某市教育体育局关于开展暑期学生安全教育的通知", "某教发〔2023〕15号")
    # The text's own 落款 states the date: it wins, and says it came from the text.
    assert (meta["date"], meta["date_source"], meta["published"]) == ("2023-06-20", "text", "2023-06-21")
    assert meta["issuer"] == "某某市教育体育局" and meta["origin"] == "某某市教育体育局网站"
    assert [block.role for block in document.blocks if block.kind == "footer"] == ["signature", "date"]


def test_tab_separated_table_after_the_title():
    document = parsed(TABS_AFTER_TITLE)
    assert_no_chrome(document)
    meta = extract(document)
    assert meta["title"] == "某某县人力资源和社会保障局关于做好2022年度技能培训补贴申领工作的通知"
    assert (meta["doc_number"], meta["issuer"]) == ("某人社通〔2022〕21号", "某某县人力资源和社会保障局")
    assert (meta["date"], meta["date_source"], meta["index_no"]) == ("2022-05-09", "page", "115326000000000000/2022-00077")
    assert document.header["addressee"] == "各乡（镇）人民政府，县直有关单位"
    assert not [block for block in document.blocks if block.kind == "table"]


def test_letter_spaced_labels_without_colons_several_pairs_a_line():
    document = parsed(LETTER_SPACED)
    assert_no_chrome(document)
    header = document.header
    assert (header["web_index_no"], header["web_date"], header["web_published"]) == (
        "20220315-100234", "2022-03-14", "2022-03-15")
    assert header["web_title"] == header["title"] == "某某市人民政府办公室关于做好春季植树造林工作的通知"
    assert header["web_source"] == "市人民政府办公室"
    meta = extract(document)
    assert (meta["doc_number"], meta["date"], meta["date_source"]) == ("某政办发〔2022〕11号", "2022-03-14", "text")


def test_article_line_opening_with_its_date():
    document = parsed(ARTICLE_LINE)
    assert_no_chrome(document)
    assert document.header["web_published"] == "2021-08-02 16:30:00"
    assert document.header["web_source"] == "某某市文化和旅游局"
    assert [block.role for block in document.blocks if block.kind == "header"] == ["title", "addressee"]


def test_bulleted_labels_with_values_below_and_empty_labels():
    document = parsed(BULLETS_AND_BARS)
    assert_no_chrome(document)
    assert (document.header["web_index_no"], document.header["web_doc_number"]) == (
        "6107280000/2024-001005", "某政发〔2024〕7号")
    # 内容概述 is left empty: the title under it is the page's title, shown once; a site is no issuer.
    assert texts(document).count("某某县人民政府工作规则") == 1 and document.header["title"] == "某某县人民政府工作规则"
    assert "web_issuer" not in document.header and "web_subject" not in document.header


def test_bar_separated_table_and_a_number_stated_as_none():
    document = parsed(BARS)
    assert_no_chrome(document)
    assert document.header["web_index_no"] == "113417030032499282/202011-00140"
    assert document.header["web_published"] == "2020-11-16" and "web_doc_number" not in document.header
    assert extract(document)["title"] == "某某县司法局关于印发行政执法公示办法的通知"


def test_title_stated_only_in_the_table_and_an_annex_with_its_own_line():
    document = parsed(TITLE_ONLY_IN_TABLE)
    assert_no_chrome(document)
    meta = extract(document)
    assert meta["title"] == "某某市财政局关于下达2024年农村公路养护补助资金的通知"
    assert (meta["issuer"], meta["date"], meta["date_source"]) == ("某某市财政局", "2024-02-06", "page")
    [annex] = document.annexes
    assert (annex.header["web_published"], annex.header["web_source"]) == ("2024-02-08", "某某市交通运输局")
    assert "web_published" not in document.header


def test_law_copied_from_a_site_keeps_its_articles_and_sheds_the_chrome():
    document = parsed(LAW_PAGE)
    assert_no_chrome(document)
    shown = texts(document)
    assert any(text.startswith("第二条") and "来源、利用和保护" in text for text in shown)
    assert extract(document)["origin"] == "中国人大网"


def test_documents_without_page_evidence_are_untouched():
    for text in (NOTICE, LAW_WITH_SOURCE_WORD):
        page = take_page(split_lines(text))
        assert page.lines == split_lines(text) and not page.removed and not page.tables
    document = parsed(NOTICE)
    assert any("主办单位：某某县人力资源和社会保障局" in text for text in texts(document))
    assert not {key for key in document.header if key.startswith("web_")}
    assert any("资金来源：财政拨款" in text for text in texts(parsed(LAW_WITH_SOURCE_WORD)))


def test_text_values_win_over_a_table_that_disagrees():
    page = SEPARATE_LINES.replace("各地要加强组织领导，确保各项任务落到实处。",
                                  "各地要加强组织领导，确保各项任务落到实处。\n某某省人民政府办公厅\n2024年3月11日")
    page = page.replace("某某省人民政府办公厅关于推进职业教育产教融合的实施意见\n【字体",
                        "某政办发〔2024〕9号\n某某省人民政府办公厅关于推进职业教育产教融合的实施意见\n【字体")
    meta = extract(parsed(page))
    assert (meta["date"], meta["date_source"], meta["doc_number"]) == ("2024-03-11", "text", "某政办发〔2024〕9号")


def test_every_removed_line_is_reported():
    page = take_page(split_lines(SIDE_BY_SIDE))
    blanked = [line.number for line, before in zip(page.lines, split_lines(SIDE_BY_SIDE)) if line != before]
    assert blanked and set(blanked) <= {item.line for item in page.removed}
    assert {item.reason for item in page.removed} == {"web_chrome", "web_table"}


MENU_AND_BRACKETED_LABELS = """某某市人民政府
今日某某　政务公开　政务服务　政民互动　数据开放
您当前所在位置：首页 > 政务公开 > 政府信息公开 > 市政府办公室文件
【索引号】11210200MB0D21340H/2023-00147
【发文单位】某某市人民政府办公室
【文号】某政办函[2023]56号
【成文日期】2023年07月14日
某某市人民政府办公室关于商请支持某某大学申报博士学位授权点的函
发布时间：2023-07-19 09:30　　来源：某某市人民政府网　　打印　　关闭

某某省教育厅：

　　恳请贵厅给予支持。

　　专此函达。

某某市人民政府办公室
2023年7月14日
"""


def test_a_menu_bar_bracketed_labels_and_widgets_after_a_value():
    document = parsed(MENU_AND_BRACKETED_LABELS)
    assert not [text for text in texts(document) if "政务公开" in text or "位置" in text or "索引号" in text]
    meta = extract(document)
    assert (meta["title"], meta["doc_number"]) == ("某某市人民政府办公室关于商请支持某某大学申报博士学位授权点的函",
                                                   "某政办函〔2023〕56号")
    assert (meta["issuer"], meta["date"], meta["origin"]) == ("某某市人民政府办公室", "2023-07-14", "某某市人民政府网")


# The strong evidence as one expression, as written before it was split in two for speed: the oracle.
ONE_EXPRESSION = re.compile(r"网站标识码|ICP\s*[备证]|公网安备|版权所有|Copyright|©|^(?:上一篇|下一篇|上一条|下一条)\s*[:：]?"
                            r"|^.{0,12}(?:扫一扫|扫描二维码|手机扫码).{0,20}$"
                            r"|^(?:浏览次数|阅读次数|访问次数|点击数|浏览量|访问量)\s*[:：]\s*\d*$|IPv6|网站找错|位访客"
                            r"|^(?:微信公众号|官方微信|官方微博|政务微博|政务微信|微信|微博)(?:[ \u3000]+\S{1,10}){0,4}$")
PIECES = ["上一篇", "下一篇", "上一条", "下一条", "：", ":", " ", "\u3000", "扫一扫", "手机扫码", "浏览次数", "访问量", "12", "微信", "官方微博",
          "网站标识码", "ICP", "证", "公网安备", "版权所有", "Copyright", "©", "IPv6", "网站找错", "位访客", "字体", "字号",
          "浏览", "大", "中", "小", "【", "】", "[", "]", "（", "）", "第一条", "本法", "。", "人民政府网站"]


@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
@example("上一篇：关于印发通知的通知")
@example("下一篇 下一条：")
@example("扫一扫在手机打开当前页")
@example("官方微博 某某发布")
@example("【字体：大 中 小】")
@example("浏览次数：12")
@example("京ICP备12号 公网安备 网站标识码 版权所有 © IPv6 网站找错 第12位访客")
def test_strong_evidence_and_widgets_are_found_as_one_expression_finds_them(text):
    split = bool(webchrome.STRONG.search(text) or webchrome.STRONG_START.match(text))
    assert split == bool(ONE_EXPRESSION.search(text))
    # Lines without 小 are not searched for a font widget: none of them holds one.
    assert bool(webchrome.FONT.search(text)) <= ("小" in text)
