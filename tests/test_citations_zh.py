"""Chinese references (``citations/parse_zh.py``): one test per form, pure and fast.

The GB/T 7714 cases are the standard's own examples (GB/T 7714-2015, 8.x);
the others are footnotes of the corpus (``tests/citations/gold.json``).
"""

from __future__ import annotations

import datetime

import pytest

from sphinx_newsroom.citations.model import Written, issued_text
from sphinx_newsroom.citations.notes import classify, read_footnote
from sphinx_newsroom.citations.parse import parse_citation
from sphinx_newsroom.citations.parse_zh import drop_repeated_site, is_chinese_reference

# text, title, publisher, author, issued (ISO at its precision), accessed, url
CASES = [
    # GB/T 7714: a book, half-width and full-width
    ("陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
     "国史旧闻: 第1卷", "中华书局", "陈登原", "2000", None, ""),
    ("戴一奇，胡冠章，陈卫．图论与代数结构［M］．北京：清华大学出版社，1995．",
     "图论与代数结构", "清华大学出版社", "戴一奇，胡冠章，陈卫", "1995", None, ""),
    ("戴一奇，胡冠章，陈卫．图论与代数结构 [M]. 北京：清华大学出版社，1995.",
     "图论与代数结构", "清华大学出版社", "戴一奇，胡冠章，陈卫", "1995", None, ""),
    # a journal article: the journal is the publisher, the issue is no month
    ("袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. "
     "科学通报, 2012, 55(34): 3219.",
     "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口", "科学通报", "袁训来, 陈哲, 肖书海",
     "2012", None, ""),
    ("作者甲. 题名[J]. 刊名, 2019, 40(3): 12-20.", "题名", "刊名", "作者甲", "2019", None, ""),
    # a newspaper: the day, and the page in brackets
    ("丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).",
     "数字革命与竞争国际化", "中国青年报", "丁文祥", "2000-11-20", None, ""),
    # a thesis: the university
    ("张志祥. 间断动力系统的随机扰动及其在守恒律方程中的应用[D]. 北京: 北京大学数学学院, 1998.",
     "间断动力系统的随机扰动及其在守恒律方程中的应用", "北京大学数学学院", "张志祥", "1998",
     None, ""),
    # a part of a book: the book is the container
    ("马克思. 关于《工业报》[M]//中共中央马克思恩格斯"
     "列宁斯大林著作编译局. 马克思恩格斯全集: 第1卷. "
     "北京: 人民出版社, 1956: 1-5.",
     "关于《工业报》", "马克思恩格斯全集: 第1卷", "马克思", "1956", None, ""),
    # an online document: (published)[accessed] URL, the site is the host
    ("李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03)[2013-03-25]. "
     "http://wenku.baidu.com/view/47e4f206b52acfc789ebc92f.html.",
     "化解医患矛盾需釜底抽薪", "wenku.baidu.com", "李强", "2012-05-03",
     datetime.date(2013, 3, 25), "http://wenku.baidu.com/view/47e4f206b52acfc789ebc92f.html"),
    ("作者乙. 题名[EB/OL]. (2020-01-02)[2021-03-04]. https://example.org/a",
     "题名", "example.org", "作者乙", "2020-01-02", datetime.date(2021, 3, 4),
     "https://example.org/a"),
    # a patent: the date only
    ("邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.",
     "全智能节电器: 200610171314.3", "", "邓一刚", "2006-12-13", None, ""),
    # a standard, its organisation the responsible party
    ("全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. "
     "北京: 中国标准出版社, 2015.",
     "信息与文献 参考文献著录规则: GB/T 7714—2015", "中国标准出版社",
     "全国信息与文献标准化技术委员会", "2015", None, ""),
    # a month-only date stays a month
    ("王五. 某报告[R]. 北京:"
     " 某研究所, 2008-05.", "某报告", "某研究所", "王五", "2008-05", None, ""),
    # the full-stop form
    ("刘承奥．简单的连续段数据结构．WC2019 营员交流．",
     "简单的连续段数据结构", "WC2019 营员交流", "刘承奥", "", None, ""),
    ("潘承洞，潘承彪．初等"
     "数论．北京大学出版社．", "初等数论", "北京大学出版社", "潘承洞，潘承彪", "",
     None, ""),
    ("任之洲．2016．《积性函数求和的几种方法》．2016 年信息学奥林匹克中国国家队候选队员论文．",
     "积性函数求和的几种方法", "2016 年信息学奥林匹克中国国家队候选队员论文", "任之洲", "2016",
     None, ""),
    # works in 《》
    ("引用自李煜东《算法竞赛进阶"
     "指南》0x06. 倍增一节", "算法竞赛进阶指南", "", "李煜东", "", None, ""),
    ("陈俊锟，《平凡的圆方树和神奇的（~~动态~~）动态规划》，NOI2018 冬令营，第 4 页．",
     "平凡的圆方树和神奇的（~~动态~~）动态规划", "NOI2018 冬令营", "陈俊锟", "", None, ""),
    ("《算法导论（第 3 版中译本）》，机械工业出版社，2013 年，第 384 - 385 页．",
     "算法导论（第 3 版中译本）", "机械工业出版社", "", "2013", None, ""),
    ("周子鑫，杨家齐《基于"
     "线性代数的一般图匹配》", "基于线性代数的一般图匹配", "", "周子鑫，杨家齐", "",
     None, ""),
    ("2015 年《浅谈图的匹"
     "配算法及其应用》- 陈胤伯", "浅谈图的匹配算法及其应用", "", "陈胤伯", "2015",
     None, ""),
    # a citation inside a sentence: the work, not the sentence; translators are no authors
    ("译名来自张明尧、张凡翻译的《具体数学》第 6.7 节．", "具体数学", "", "", "", None, ""),
    # the comma form with a role
    ("离散数学（修订版），田文成 周禄新 编著，天津文学出版社，P184-187",
     "离散数学（修订版）", "天津文学出版社", "田文成 周禄新", "", None, ""),
    # link texts: a site suffix, a blog platform with its author, a site prefix
    ("[计数排序 - 维基百科，自由的百科全书](https://zh.wikipedia.org/wiki/%E8%AE%A1%E6%95%B0)",
     "计数排序", "维基百科，自由的百科全书", "", "", None,
     "https://zh.wikipedia.org/wiki/%E8%AE%A1%E6%95%B0"),
    ("[位运算求最长公共子序列 - -Wallace- - 博客园](https://"
     "www.cnblogs.com/-Wallace-/p/bit-lcs.html)",
     "位运算求最长公共子序列", "博客园", "-Wallace-", "", None,
     "https://www.cnblogs.com/-Wallace-/p/bit-lcs.html"),
    ("[知乎 - LGV 引理证明](https://zhu"
     "anlan.zhihu.com/p/517819133)", "LGV 引理证明", "知乎", "", "",
     None, "https://zhuanlan.zhihu.com/p/517819133"),
    ("[概率论（数学分支）_百度百科](https://baike.baidu.com/item/x/829122)",
     "概率论（数学分支）", "百度百科", "", "", None, "https://baike.baidu.com/item/x/829122"),
    ("[Unicode 指南—Python 3 文档](https://docs.python.org/zh-cn/3/howto/unicode.html)",
     "Unicode 指南", "Python 3 文档", "", "", None,
     "https://docs.python.org/zh-cn/3/howto/unicode.html"),
    # a link alone: the site is the host; a link text that only describes gives no title
    ("[三维凸包学习小记](https://www.cnblogs.com/xzyxzy/p/10225804.html)", "三维凸包学习小记",
     "cnblogs.com", "", "", None, "https://www.cnblogs.com/xzyxzy/p/10225804.html"),
    ("[1977 年 KMP 算法论文](https://epubs.siam.org/doi/abs/10.1137/0206024)", "", "epubs.siam.org",
     "", "1977", None, "https://epubs.siam.org/doi/abs/10.1137/0206024"),
    ("[Ubuntu 的 man 命令帮助如何设置中文版，Frank 看庐山，2017-06-09](https://blog.csdn.net/a/1)",
     "Ubuntu 的 man 命令帮助如何设置中文版", "blog.csdn.net", "Frank 看庐山", "2017-06-09", None,
     "https://blog.csdn.net/a/1"),
    # lead-ins and locators around a link or a URL
    ("详见 [官方题解](https://qoj.ac/download."
     "php?type=attachments&id=2079&r=1)．", "官方题解", "qoj.ac",
     "", "", None, "https://qoj.ac/download.php?type=attachments&id=2079&r=1"),
    ("来源：https://pulsar-edit.dev/about.html#the-team", "", "pulsar-edit.dev", "", "", None,
     "https://pulsar-edit.dev/about.html#the-team"),
    # a non-ASCII URL is kept whole
    ("参见 https://zh.wikipedia.org/wiki/北京大学", "", "zh.wikipedia.org", "", "", None,
     "https://zh.wikipedia.org/wiki/北京大学"),
    # the newsroom form with a site suffix that repeats the publisher
    ("OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？ - "
     "新浪财经·新浪财经·（2025/6/30）·检索日期2025/7/2",
     "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？", "新浪财经", "", "2025-06-30",
     datetime.date(2025, 7, 2), ""),
]


@pytest.mark.parametrize(("text", "title", "publisher", "author", "issued", "accessed", "url"),
                         # pytest.param's id, not ids=[...]: run twice in one process
                         # (as mutmut does) a non-ASCII ids list is escaped twice.
                         [pytest.param(*c, id=c[0][:24]) for c in CASES])
def test_chinese_forms(text: str, title: str, publisher: str, author: str, issued: str,
                       accessed: datetime.date | None, url: str) -> None:
    citation = parse_citation(text)
    assert citation.raw == text
    assert citation.structured
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert issued_text(citation) == issued
    assert (citation.accessed, citation.url) == (accessed, url)


def test_year_only_date_keeps_its_precision() -> None:
    citation = parse_citation("戴一奇．图论与代数结构［M］．北京：清华大学出版社，1995．")
    assert citation.date == datetime.date(1995, 1, 1)
    assert citation.date_precision == "year"


@pytest.mark.parametrize("text", [
    "戴一奇，胡冠章，陈卫．图论与代数结构 [M]. 北京：清华大学出版社，1995.",
    "潘承洞，潘承彪．初等数论．北京大学出版社．",
    "引用自李煜东《算法竞赛进阶指南》0x06. 倍增一节",
    "详见 [官方题解](https://qoj.ac/download.php?id=2079)．",
    "译名来自张明尧、张凡翻译的《具体数学》第 6.7 节．",
])
def test_chinese_references_are_sources(text: str) -> None:
    assert is_chinese_reference(text)
    assert classify(Written(text)).kind == "source"


@pytest.mark.parametrize("text", [
    "因为大部分标准算法默认使用 operator< 进行比较．",
    "不必与上文插入操作时选取的参数相同．尽管原论文"
    "做了这样的假定，但是选取不同的参数只会导致变化．",
    "但这并非唯一的可能．两个嵌套的自环也会形成二次面．",
    "我在《算法导论》里读到过这个证明．",
])
def test_chinese_notes_stay_notes(text: str) -> None:
    assert not is_chinese_reference(text)
    assert classify(Written(text)).kind == "note"


def test_site_suffix_dropped_only_when_it_is_the_publisher() -> None:
    assert drop_repeated_site("标题 - 新浪财经", "新浪财经") == "标题"
    assert drop_repeated_site("标题 - 新浪财经", "华尔街见闻") == "标题 - 新浪财经"
    assert drop_repeated_site("A - B", "") == "A - B"


def test_english_is_left_to_the_general_shapes() -> None:
    assert parse_citation("[Title - Site](https://example.com/a)").title != ""


@pytest.mark.parametrize(("text", "title", "publisher", "author", "issued"), [
    ("KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
     "Shaking without quaking", "Science", "KANAMORI H", "1998"),
    ("CRAWFPRD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. Chicago: American "
     "Library Association, 1995.",
     "Future libraries: dreams, madness, & reality", "American Library Association",
     "CRAWFPRD W, GORMAN M", "1995"),
])
def test_gbt_for_works_in_english(text: str, title: str, publisher: str, author: str,
                                  issued: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert issued_text(citation) == issued


def test_type_code_reaches_styles_and_exports() -> None:
    from sphinx_newsroom.citations.export import to_bibtex, to_csl_json
    from sphinx_newsroom.citations.styles import format_citation

    book = parse_citation("戴一奇，胡冠章，陈卫．图论与代数结构［M］．北京：清华大学出版社，1995．")
    assert book.type == "M"
    shown = "".join(segment.text for segment in format_citation(book, "gbt7714"))
    assert shown == "戴一奇，胡冠章，陈卫. 图论与代数结构[M]. 清华大学出版社, 1995."
    (item,) = to_csl_json([("a", book)])
    assert item["type"] == "book"
    assert item["issued"] == {"date-parts": [[1995]]}
    assert [a["literal"] for a in item["author"]] == ["戴一奇", "胡冠章", "陈卫"]
    bibtex = to_bibtex([("a", book)])
    assert bibtex.startswith("@book{a,") and "publisher = {清华大学出版社}" in bibtex
    assert "date = {1995}" in bibtex
    page = parse_citation("李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03)[2013-03-25]. "
                          "http://wenku.baidu.com/view/a.html.")
    assert page.type == "EB/OL"
    assert to_csl_json([("b", page)])[0]["type"] == "webpage"


# -- properties: never raises, never loses the URL, fast on hostile input -------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sphinx_newsroom.citations.parse_zh import parse_chinese  # noqa: E402

#: The characters Chinese references are made of, and the ones that break parsers.
_ZH = st.text(alphabet="李王张刘陈杨书名题刊出版社论文集报学大北京《》〈〉［］[]()（）．。，、：:；"
                       "·- _/MJNCDEBOL0123456789年月日 \t\n等著编译详见参考引用自来源http",
              max_size=300)
_URLS = st.sampled_from(["https://zh.wikipedia.org/wiki/北京大学", "https://example.org/a?b=1",
                         "https://x.cn/%E5%8C%97"])


@settings(max_examples=300, deadline=None)
@given(_ZH)
def test_chinese_parser_never_raises(text: str) -> None:
    citation = parse_citation(text)
    assert citation.raw == text
    parse_chinese(text)
    is_chinese_reference(text)
    classify(Written(text))


@settings(max_examples=300, deadline=None)
@given(_ZH, _URLS, _ZH)
def test_chinese_parser_never_loses_the_url(before: str, url: str, after: str) -> None:
    text = f"{before} {url} {after}"
    citation = parse_citation(text)
    assert citation.raw == text
    if "://" not in before + after:
        # Structured, the URL is the citation's URL; unstructured, it stays in the title.
        assert citation.url == url if citation.structured else url in citation.title
    linked = parse_citation(f"{before}[标题]({url}){after}")
    if "://" not in before + after and "[" not in before + after and linked.structured:
        assert linked.url == url


@pytest.mark.timing
@pytest.mark.parametrize("text", [
    " " * 1990, "李四，" * 660, "《" * 1990, "详见" * 990, "北．" * 990, "1. 题名[J]. " * 180,
    "译名来自" + "张" * 1980, "[a](https://x/" + "（" * 1980, "2019 年，" * 396,
    "[a](https://x.cn/a)" * 100, "[a](https://x.cn/a) " * 95 + "：https://x.cn/a",
    "论文《" * 660, "《甲》是" + "的" * 1990, "某：" * 990 + "https://x.cn/a",
    "[" * 1990, "[a [b] " * 280 + "](https://x.cn/a)", "［Ｍ］" * 660, "载微信公众号“" * 280,
    # runs of spaces where a locator or an author-date reference could end (cubic before)
    "张三（2019）. 题. " + " " * 1980 + "x", "题，" + " " * 1990, "题" + " " * 1990 + "第",
    "张三（2019）. 题. 刊, 1" + " " * 1980 + "!",
])
def test_chinese_parser_is_fast_on_hostile_input(text: str) -> None:
    import time

    start = time.process_time()
    parse_citation(text)
    is_chinese_reference(text)
    classify(Written(text))
    assert time.process_time() - start < 0.5


@pytest.mark.parametrize(("text", "title", "publisher", "author", "issued"), [
    # the legal-citation form (法学引注手册)
    ("王泽鉴：《民法总则》，北京大学出版社2009年版，第25页。",
     "民法总则", "北京大学出版社", "王泽鉴", "2009"),
    ("王利明：《论人格权的定义》，载《中国法学》2019年第1期，第5页。",
     "论人格权的定义", "中国法学", "王利明", "2019"),
    # GB/T 7714 in the author-year system, and a reference list's number
    ("蒋有绪, 郭泉水, 马娟, 等, 1998. 中国森林群落分类及其群落学特征[M]. 北京: 科学出版社.",
     "中国森林群落分类及其群落学特征", "科学出版社", "蒋有绪, 郭泉水, 马娟", "1998"),
    ("[1] 蒋有绪, 郭泉水, 马娟, 等. 中国森林群落分类及其群落学特征[M]. 北京: 科学出版社, 1998.",
     "中国森林群落分类及其群落学特征", "科学出版社", "蒋有绪, 郭泉水, 马娟", "1998"),
    ("［2］丁文祥．数字革命与竞争国际化［N］．中国青年报，2000-11-20（15）．",
     "数字革命与竞争国际化", "中国青年报", "丁文祥", "2000-11-20"),
])
def test_more_chinese_forms(text: str, title: str, publisher: str, author: str,
                            issued: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert issued_text(citation) == issued
    assert classify(Written(text)).kind == "source"


# -- GB/T 7714 after the title: translators, the edition, a company's "Inc.", archives --


@pytest.mark.parametrize(("text", "publisher", "url"), [
    # translators and the edition stand between the title and the imprint (GB/T 7714, 8.3)
    pytest.param("扬奎斯特，萨金特．递归宏观经济理论［M］．杨斌，王忠玉，陈彦斌，等，译．2 版．"
                 "北京：中国人民大学出版社，2010：798．", "中国人民大学出版社", "",
                 id="translators"),
    pytest.param("作者丙. 某书[M]. 李四, 译. 第3版. 上海: 某出版社, 2001.", "某出版社", "",
                 id="edition"),
    pytest.param("SMITH J. A book[M/OL]. Rev. ed. Rowman & Littlefield Publishing Group, Inc., "
                 "2011: 13.", "Rowman & Littlefield Publishing Group, Inc.", "", id="company"),
    # an archived page is credited to the site it copies; its URL stays the archive's
    pytest.param("作者丁. 某页[EB/OL]. (2019-07-13)[2025-01-02]. "
                 "https://arquivo.pt/wayback/20190905210731/http://publico.pt/2019/07/13/a．",
                 "publico.pt",
                 "https://arquivo.pt/wayback/20190905210731/http://publico.pt/2019/07/13/a",
                 id="archive"),
])
def test_gbt_imprint_after_statements(text: str, publisher: str, url: str) -> None:
    citation = parse_citation(text)
    assert citation.publisher == publisher
    assert citation.url == url


# -- the legal-citation manual (法学引注手册) and a URL written as text -------------------

# id, text, title, publisher, author, issued, accessed, url
LEGAL = [
    ("thesis", "张三：《某论文题目研究》，某政法大学2015年博士学位论文。",
     "某论文题目研究", "某政法大学", "张三", "2015", None, ""),
    ("place", "李四：《某书》，上海：某书局，1948年。", "某书", "某书局", "李四", "1948", None, ""),
    ("collection", "王五：《某篇》，《某某全集》第9册，北京：某出版社，1981年。",
     "某篇", "某某全集", "王五", "1981", None, ""),
    ("site-dated", "汪波：《某报道》，载人民网2004年1月10日，http://www.people.com.cn/GB/1.html。",
     "某报道", "人民网", "汪波", "2004-01-10", None, "http://www.people.com.cn/GB/1.html"),
    ("site-no-author", "《某案一审开庭》，载新华网，http://www.xinhuanet.com/legal/c_1.htm。",
     "某案一审开庭", "新华网", "", "", None, "http://www.xinhuanet.com/legal/c_1.htm"),
    ("wechat", "赵六：《某文》，载微信公众号“中国法律评论”2018年12月1日，http://example.cn/a。",
     "某文", "中国法律评论", "赵六", "2018-12-01", None, "http://example.cn/a"),
    ("website", "法国行政法院网站，http://english.conseil-etat.fr/Judging，2016年12月18日访问。",
     "", "法国行政法院网站", "", "", datetime.date(2016, 12, 18),
     "http://english.conseil-etat.fr/Judging"),
    ("organisation", "某研究中心：某论文预发布平台，https://chinaxiv.org/home.htm，2025年3月6日访问。",
     "某论文预发布平台", "chinaxiv.org", "某研究中心", "", datetime.date(2025, 3, 6),
     "https://chinaxiv.org/home.htm"),
    # a reference list's label before a URL, and a work in 《》 glued to one
    ("label", "Istio RBAC 参考：https://istio.io/docs/reference/config/",
     "Istio RBAC 参考", "istio.io", "", "", None, "https://istio.io/docs/reference/config/"),
    ("guillemets-url", "参见《2021.07.13 我们是这样崩的》https://www.bilibili.com/read/cv1/",
     "2021.07.13 我们是这样崩的", "bilibili.com", "", "", None, "https://www.bilibili.com/read/cv1/"),
]


@pytest.mark.parametrize(("text", "title", "publisher", "author", "issued", "accessed", "url"),
                         [pytest.param(*c[1:], id=c[0]) for c in LEGAL])
def test_legal_and_url_forms(text: str, title: str, publisher: str, author: str, issued: str,
                             accessed: datetime.date | None, url: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert issued_text(citation) == issued
    assert (citation.accessed, citation.url) == (accessed, url)
    assert classify(Written(text)).kind == "source"


@pytest.mark.parametrize("text", [
    # prose around a URL is no reference, whatever punctuation precedes it
    "这项测试工作还诞生了一个基准测试工具，以便任何人都可以复核结果：https://github.com/a/b",
    "我们的代码放在这里，https://github.com/a/b，欢迎试用。",
])
def test_prose_before_a_url_is_no_reference(text: str) -> None:
    assert not is_chinese_reference(text)


# -- link texts and reference lists: twin links, host suffixes, dashes, annotations -------

# id, text, title, publisher, url
LINKS = [
    ("twin-links", "[Service Mesh ](https://a.example/x)[概述](https://a.example/x)：https://a.example/x",
     "Service Mesh 概述", "a.example", "https://a.example/x"),
    ("twin-links-spaced", "[Consul](https://mp.weixin.qq.com/s/z) [作为注册中心的实践]"
     "(https://mp.weixin.qq.com/s/z)：https://mp.weixin.qq.com/s/z",
     "Consul 作为注册中心的实践", "mp.weixin.qq.com", "https://mp.weixin.qq.com/s/z"),
    ("host-suffix", "[监听器发现服务（LDS）- servicemesher.com](http://www.servicemesher.com/e/l.html)",
     "监听器发现服务（LDS）", "servicemesher.com", "http://www.servicemesher.com/e/l.html"),
    ("broken-link", "[某某方案—基于 Istio 的实践 - jimmysong.io]"
     "(https://jimmysong.io/posts/a/ - jimmysong.io)",
     "某某方案—基于 Istio 的实践", "jimmysong.io", "https://jimmysong.io/posts/a/"),
    ("subtitle-dash", "[istio源码分析——pilot-agent如何管理envoy生命周期](https://segmentfault.com/a/1)",
     "istio源码分析——pilot-agent如何管理envoy生命周期", "segmentfault.com",
     "https://segmentfault.com/a/1"),
    ("glued-dash", "[Istio 调用链埋点原理剖析—是否真的“零修改”？](https://www.infoq.cn/article/p)",
     "Istio 调用链埋点原理剖析—是否真的“零修改”？", "infoq.cn", "https://www.infoq.cn/article/p"),
    ("remark-in-text", "[Google Cloud Knative 产品页面，目前只有最简单的介绍和文档链接]"
     "(https://cloud.google.com/knative/)",
     "Google Cloud Knative 产品页面", "cloud.google.com", "https://cloud.google.com/knative/"),
    ("site-page", "[维基百科页面](https://zh.wikipedia.org/wiki/X)", "", "zh.wikipedia.org",
     "https://zh.wikipedia.org/wiki/X"),
    ("site-colon", "[kubernetes 官方文档：Resource Quota](https://kubernetes.io/docs/q/)"
     "：为 namespace 配置",
     "Resource Quota", "kubernetes 官方文档", "https://kubernetes.io/docs/q/"),
    ("wiki-namespace", "[维基百科：新手入门/编辑](https://zh.wikipedia.org/wiki/Wikipedia:x)",
     "维基百科：新手入门/编辑", "zh.wikipedia.org", "https://zh.wikipedia.org/wiki/Wikipedia:x"),
    ("annotation", "[kubernetes中容器资源控制的那些事儿](https://my.oschina.net/h/blog/1)：这篇文章介绍了"
     " kubernetes pod 中 cpu 和 memory 的 request 和 limits 是如何变成 cgroups 配置的",
     "kubernetes中容器资源控制的那些事儿", "my.oschina.net", "https://my.oschina.net/h/blog/1"),
    ("site-before", "Google 文档 [Multi-tenancy models for Kubernetes]"
     "(https://docs.google.com/document/d/1/edit). (需要授权)",
     "Multi-tenancy models for Kubernetes", "Google 文档", "https://docs.google.com/document/d/1/edit"),
    ("wide-colon-label", "Do I Need a Service Mesh?：https://www.nginx.com/blog/do-i-need/",
     "Do I Need a Service Mesh?", "nginx.com", "https://www.nginx.com/blog/do-i-need/"),
    ("brackets-in-text", "[C++ 标准草案 [basic.string]](https://eel.is/c++draft/basic.string#g-3)",
     "C++ 标准草案 [basic.string]", "eel.is", "https://eel.is/c++draft/basic.string#g-3"),
    # a label before a URL without a colon names the site or describes the page: no title
    ("label-describes", "MIT 课程 https://ocw.mit.edu/courses/6-854j/persistent.pdf",
     "", "ocw.mit.edu", "https://ocw.mit.edu/courses/6-854j/persistent.pdf"),
    ("label-site", "来源：Deepin Wiki https://wiki.deepin.org/", "", "Deepin Wiki",
     "https://wiki.deepin.org/"),
]


def written(markdown: str) -> Written:
    """The footnote ``[^a]: markdown`` as the build reads it (MyST, links as marks)."""
    from docutils import nodes
    from docutils.core import publish_doctree
    from myst_parser.parsers.docutils_ import Parser

    from sphinx_newsroom.read.footnotes import written_footnote

    tree = publish_doctree(f"Text[^a]\n\n[^a]: {markdown}\n", parser=Parser(),
                           settings_overrides={"report_level": 5, "halt_level": 5})
    return written_footnote(next(iter(tree.findall(nodes.footnote))))


@pytest.mark.parametrize(("text", "title", "publisher", "url"),
                         [pytest.param(*c[1:], id=c[0]) for c in LINKS])
def test_link_texts_and_reference_lists(text: str, title: str, publisher: str, url: str) -> None:
    citation = parse_citation(text)
    assert citation.raw == text
    assert (citation.title, citation.publisher, citation.url) == (title, publisher, url)
    assert classify(written(text)).kind == "source"


def test_annotation_names_site_and_date() -> None:
    text = ("[Introducing Traffic Director](https://www.infoq.com/news/2019/04/a)："
            "来自 InfoQ 网站的文章，发布时间 2019-04-25")
    citation = parse_citation(text)
    assert (citation.title, citation.publisher) == ("Introducing Traffic Director", "InfoQ 网站")
    assert issued_text(citation) == "2019-04-25"
    assert classify(written(text)).kind == "source"


def test_language_is_not_the_hosts() -> None:
    # The host credited as publisher says nothing of the language: "关于Anthos" is Chinese.
    citation = parse_citation("关于Anthos：https://toutiao.io/posts/2a1ymm/preview")
    assert (citation.title, citation.publisher, citation.language) == (
        "关于Anthos", "toutiao.io", "zh")


def test_latin_definition_after_a_link_stays_a_note() -> None:
    # Only a Chinese annotation marks a reference list's item; an English gloss is a note.
    text = "[word](https://en.oxforddictionaries.com/definition/word): a unit of language."
    assert classify(written(text)).kind != "source"


# -- a note that names a written work in 《》 cites it (README: note-with-links) -----------


@pytest.mark.parametrize(("text", "titles"), [
    pytest.param("2017 年陈俊锟同学在他的 IOI2017 中国国家集训队论文"
                 "《〈神奇的子图〉命题报告及其拓展》中定义了圆方树．",
                 ["〈神奇的子图〉命题报告及其拓展"], id="paper"),
    pytest.param("《没有银弹》是 IBM 大型机之父 Frederick P. Brooks, Jr. 的著作。书中通过引述"
                 "《伦敦狼人》等电影的剧照，探讨了“银弹”的传说。", ["没有银弹"], id="is-a-book"),
    pytest.param("Andrew S. Tanenbaum，荷兰 Vrije 大学的教授。他著作的《计算机网络》是经典教材。",
                 ["计算机网络"], id="his-book"),
])
def test_a_note_naming_a_written_work_cites_it(text: str, titles: list[str]) -> None:
    reading = read_footnote(Written(text))
    assert reading.kind == "links"
    assert [d.title for d in reading.documents] == titles
    assert all(d.url == "" and d.structured for d in reading.documents)


def test_a_work_merely_mentioned_is_no_document() -> None:
    # No word says the work is written ("我在《算法导论》里读到…", a film in 《》): a note.
    assert read_footnote(Written("我在《算法导论》里读到过这个证明．")).kind == "note"
    assert read_footnote(Written("书中引述了《伦敦狼人》等电影的剧照。")).kind == "note"


# -- GB/T 7714 for every document type (the standard's examples), in both widths ----------

# id, text, type, title, publisher, author, issued
GBT_TYPES = [
    ("unknown-publisher", "中国力学学会. 第3届全国实验流体力学学术会议论文集[C]. "
     "天津: [出版者不详], 1990.",
     "C", "第3届全国实验流体力学学术会议论文集", "", "中国力学学会", "1990"),
    ("software-on-disk", "Scitor Corporation. Project scheduler[CP/DK]. Sunnyvale, Calif.: Scitor "
     "Corporation, c1983.", "CP/DK", "Project scheduler", "Scitor Corporation",
     "Scitor Corporation", "1983"),
    ("full-width-code", "陈登原．国史旧闻：第１卷［Ｍ］．北京：中华书局，２０００：２９．",
     "M", "国史旧闻：第１卷", "中华书局", "陈登原", "2000"),
    ("atlas", "中国科学院地理研究所. 中国自然地理图集[A]. 北京: 地图出版社, 1984.",
     "A", "中国自然地理图集", "地图出版社", "中国科学院地理研究所", "1984"),
    ("other", "全国人民代表大会常务委员会. 中华人民共和国著作权法[Z]. 北京: 法律出版社, 2010.",
     "Z", "中华人民共和国著作权法", "法律出版社", "全国人民代表大会常务委员会", "2010"),
    ("database", "国家统计局. 中国统计年鉴数据库[DB/OL]. (2015-01-01)[2020-06-01]. "
     "https://data.stats.gov.cn/.", "DB/OL", "中国统计年鉴数据库", "data.stats.gov.cn",
     "国家统计局",
     "2015-01-01"),
    ("standard-in-collection", "国家标准局信息分类编码研究所. 世界各国和地区名称代码: "
     "GB/T 2659—1986[S]//全国文献工作标准化技术委员会. 文献工作国家标准汇编: 3. "
     "北京: 中国标准出版社, 1988: 59-92.",
     "S", "世界各国和地区名称代码: GB/T 2659—1986", "文献工作国家标准汇编: 3",
     "国家标准局信息分类编码研究所", "1988"),
    ("patent-online", "河北绿洲生态环境科技有限公司. 一种荒漠化地区生态植被综合培育种植方法: "
     "01129210.5[P/OL]. 2001-10-24[2002-05-28]. http://211.152.9.47/sipoasp/a.asp?recid=1.",
     "P/OL", "一种荒漠化地区生态植被综合培育种植方法: 01129210.5", "211.152.9.47",
     "河北绿洲生态环境科技有限公司", "2001-10-24"),
]


@pytest.mark.parametrize(("text", "code", "title", "publisher", "author", "issued"),
                         [pytest.param(*c[1:], id=c[0]) for c in GBT_TYPES])
def test_gbt_every_document_type(text: str, code: str, title: str, publisher: str, author: str,
                                 issued: str) -> None:
    citation = parse_citation(text)
    assert citation.type == code
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert issued_text(citation) == issued
    assert classify(Written(text)).kind == "source"


# -- more forms: 中国社会科学's journal form, translated works, lead-ins, labelled fields ---

# id, text, title, publisher, author, issued, url
MORE = [
    ("journal-without-zai", "王明：《论某问题》，《中国社会科学》2019年第1期，第5页。",
     "论某问题", "中国社会科学", "王明", "2019", ""),
    ("translated-work", "［美］约翰·罗尔斯：《正义论》，何怀宏等译，"
     "北京：中国社会科学出版社，1988年，第5页。",
     "正义论", "中国社会科学出版社", "约翰·罗尔斯", "1988", ""),
    ("reposted-from", "转载自：https://example.cn/a", "", "example.cn", "", "", "https://example.cn/a"),
    ("original-link", "原文链接：https://example.cn/a", "", "example.cn", "", "", "https://example.cn/a"),
    ("zhihu-notice", "作者：张三\n链接：https://www.zhihu.com/question/1/answer/2\n来源：知乎\n"
     "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。",
     "", "知乎", "张三", "", "https://www.zhihu.com/question/1/answer/2"),
    ("labelled-fields", "标题：某文章，作者：李四，发布时间：2020-01-02，链接：https://example.cn/a",
     "某文章", "example.cn", "李四", "2020-01-02", "https://example.cn/a"),
    # APA written with Chinese names and titles
    ("apa", "张三, 李四. (2019). 社会支持与心理健康的关系. 心理学报, 51(3), 12–20.",
     "社会支持与心理健康的关系", "心理学报", "张三, 李四", "2019", ""),
    ("apa-full-width", "王五（2020）．某研究．某杂志．", "某研究", "某杂志", "王五", "2020", ""),
]


@pytest.mark.parametrize(("text", "title", "publisher", "author", "issued", "url"),
                         [pytest.param(*c[1:], id=c[0]) for c in MORE])
def test_more_chinese_shapes(text: str, title: str, publisher: str, author: str, issued: str,
                             url: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.author) == (title, publisher, author)
    assert (issued_text(citation), citation.url) == (issued, url)
    assert classify(Written(text)).kind == "source"


def test_a_newsroom_footnote_with_a_named_author_stays_the_newsroom_form() -> None:
    # The middle dot of a transliterated name opens the legal form only before "：《".
    citation = parse_citation("OpenAI转向TPU·华尔街见闻·许超（2025/6/30）")
    assert (citation.title, citation.publisher, citation.author) == (
        "OpenAI转向TPU", "华尔街见闻", "许超")
