"""The parser's fields on the footnote shapes the mutation run found unpinned (pure).

Each case is a footnote as a reader writes it and the fields a bibliography
entry shows of it: title, publisher, authors, date at its precision, accessed
date, URL, GB/T 7714 type and language. They were asked for by the surviving
mutants of ``citations/parse.py`` and ``citations/parse_zh.py``
(docs/testing.md, "Mutation testing"); the shapes are those of
``tests/citations/gold.json`` and of GB/T 7714-2015's examples.
"""

from __future__ import annotations

import datetime

import pytest

from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import detect_language, parse_citation, url_host, url_spans
from sphinx_newsroom.citations.parse_zh import is_chinese_reference


def fields(text: str) -> tuple[str, str, str, str, str, str, str]:
    """Title, publisher, author, date as written, accessed date, URL and type."""
    citation = parse_citation(text)
    accessed = citation.accessed.isoformat() if citation.accessed else ""
    return (citation.title, citation.publisher, citation.author, issued_text(citation),
            accessed, citation.url, citation.type)


# -- GB/T 7714 (parse_zh._parse_gbt_fields) --------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(
        "李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03). DOI: 10.1000/182. "
        "https://doi.org/10.1000/182",
        ("化解医患矛盾需釜底抽薪", "doi.org", "李强", "2012-05-03", "",
         "https://doi.org/10.1000/182", "EB/OL"),
        id="doi-upper"),
    pytest.param(
        "李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03). doi: 10.1000/182. "
        "https://doi.org/10.1000/182",
        ("化解医患矛盾需釜底抽薪", "doi.org", "李强", "2012-05-03", "",
         "https://doi.org/10.1000/182", "EB/OL"),
        id="doi-lower"),
])
def test_a_doi_is_no_publisher(text: str, expected: tuple[str, ...]) -> None:
    """The DOI note after an online document's date does not become its publisher."""
    assert fields(text) == expected


def test_a_publisher_starting_with_x_keeps_its_first_letter() -> None:
    text = "新华社. 国务院常务会议部署稳就业举措[N]. Xinhua News Agency, 2020-01-02."
    assert fields(text)[:4] == ("国务院常务会议部署稳就业举措", "Xinhua News Agency", "新华社",
                                "2020-01-02")


def test_the_author_year_system_with_a_letter_after_the_year() -> None:
    """``KANAMORI H, 1977a.``: the year's letter tells two works of one year apart."""
    text = ("KANAMORI H, 1977a. The energy release in great earthquakes[J]. "
            "Journal of Geophysical Research, 82(20): 2981-2987.")
    assert fields(text) == ("The energy release in great earthquakes",
                            "Journal of Geophysical Research", "KANAMORI H", "1977", "", "", "J")


def test_the_author_year_system_keeps_the_journal_as_publisher() -> None:
    """The year after the authors; the journal, not its pages after the colon."""
    title = "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口"
    text = f"袁训来, 陈哲, 肖书海, 等, 2012. {title}[J]. 科学通报, 55(34): 3219."
    assert fields(text)[:4] == (title, "科学通报", "袁训来, 陈哲, 肖书海", "2012")


def test_an_accessed_date_that_is_no_date_is_left_out() -> None:
    """A placeholder ``[0000-00-00]`` is no accessed date, and reading it does not fail."""
    text = "李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03)[0000-00-00]. https://example.org/a"
    assert fields(text) == ("化解医患矛盾需釜底抽薪", "example.org", "李强", "2012-05-03", "",
                            "https://example.org/a", "EB/OL")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(
        "马克思. 关于《工业报》[M]//马克思恩格斯全集: 第1卷. 北京: 人民出版社, 1956: 1-5.",
        ("关于《工业报》", "马克思恩格斯全集: 第1卷", "马克思", "1956", "", "", "M"),
        id="container-first"),
    pytest.param(
        "张三, 李四, 王五. 论文题名[C]//第十届全国会议2004论文集. 北京: 科学出版社, 2005: 22-25.",
        ("论文题名", "第十届全国会议2004论文集", "张三, 李四, 王五", "2005", "", "", "C"),
        id="year-in-container"),
    pytest.param(
        "张三. 论文题名[C/OL]//全国会议论文集. 北京: 科学出版社, 2005: 22-25[2020-01-01]. "
        "https://example.org/a",
        ("论文题名", "全国会议论文集", "张三", "2005", "2020-01-01", "https://example.org/a",
         "C/OL"),
        id="online"),
])
def test_a_part_of_a_whole_is_published_in_its_container(text: str,
                                                         expected: tuple[str, ...]) -> None:
    """``[M]//容器. 出版地: 出版者, 年``: the container is the publisher, the year the
    publisher's (not one in the container's name), the URL and accessed date kept."""
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "publisher", "date"), [
    pytest.param("马克思. 关于《工业报》[M]//北京: 人民出版社, 1956: 1-5.", "人民出版社", "1956",
                 id="one-piece"),
    pytest.param("马克思. 关于《工业报》[M]//北京: 人民出版社. 第2版.", "人民出版社", "",
                 id="two-pieces"),
])
def test_a_part_without_its_container_keeps_the_publisher(text: str, publisher: str,
                                                          date: str) -> None:
    """A ``//`` with the place and publisher right after it: the publisher, no more."""
    assert fields(text)[1:4] == (publisher, "马克思", date)


def test_a_report_dated_after_a_full_stop() -> None:
    text = "国家统计局. 中国统计年鉴[R]. 北京: 中国统计出版社. 2008."
    assert fields(text)[:4] == ("中国统计年鉴", "中国统计出版社", "国家统计局", "2008")


@pytest.mark.parametrize("text", [
    pytest.param("蒋有绪, 1998. 中国森林群落分类[M]. 北京: 1998.", id="year"),
    pytest.param("李强, 2012. 化解医患矛盾需釜底抽薪[J]. 2012, 40(3): 12-20.", id="pages"),
])
def test_a_year_or_page_after_a_colon_is_no_publisher(text: str) -> None:
    """Dated already, with no publisher before the colon: the number after it is none."""
    assert fields(text)[1] == ""


def test_a_type_code_written_with_spaces() -> None:
    text = "李强. 化解医患矛盾需釜底抽薪[EB / OL]. (2012-05-03)[2013-03-25]. https://example.org/a"
    assert fields(text) == ("化解医患矛盾需釜底抽薪", "example.org", "李强", "2012-05-03",
                            "2013-03-25", "https://example.org/a", "EB/OL")


# -- the legal-citation form (parse_zh._parse_legal) -----------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("王利明：《合同法研究》，中国人民大学出版社，2015年。",
                 ("合同法研究", "中国人民大学出版社", "王利明", "2015"), id="year"),
    pytest.param("王利明：《合同法研究》，中国人民大学出版社，2015-06。",
                 ("合同法研究", "中国人民大学出版社", "王利明", "2015-06"), id="month"),
    pytest.param("王利明 主编：《民法》，中国人民大学出版社，2015年",
                 ("民法", "中国人民大学出版社", "王利明", "2015"), id="editor"),
    pytest.param("中国法学会等 主编：《民法学》，法律出版社，2015年。",
                 ("民法学", "法律出版社", "中国法学会", "2015"), id="editors"),
])
def test_the_legal_form_with_publisher_and_year(text: str, expected: tuple[str, ...]) -> None:
    """``作者：《书名》，出版社，2015年``: without ``版``, the year is its own piece."""
    assert fields(text)[:4] == expected
    assert parse_citation(text).language == "zh"


def test_the_legal_form_with_a_third_piece_is_no_date() -> None:
    """Three pieces after the work are not publisher and year: the footnote is kept whole."""
    text = "王利明：《合同法研究》，中国人民大学出版社，2015年，第2版"
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


def test_accessed_dates_are_dates() -> None:
    assert parse_citation("李强. 题名[EB/OL]. [2013-03-25]. https://example.org/a").accessed \
        == datetime.date(2013, 3, 25)


# -- the accessed note in brackets (parse._widen_to_brackets) --------------------------

TITLE = "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？"


@pytest.mark.parametrize("note", [
    pytest.param("[ 检索日期2025/7/2 ]", id="square-spaced"),
    pytest.param("（ 检索日期2025/7/2 ）", id="full-width-spaced"),
    pytest.param("(检索日期2025/7/2 )", id="space-before-closing"),
    pytest.param("( 检索日期2025/7/2)", id="space-after-opening"),
])
def test_an_accessed_note_in_brackets_after_the_title(note: str) -> None:
    """The brackets go with the note, spaces inside them too: the title stays whole."""
    text = f"{TITLE} {note}·华尔街见闻·许超（2025/6/30）"
    assert fields(text) == (TITLE, "华尔街见闻", "许超", "2025-06-30", "2025-07-02", "", "")


def test_an_accessed_note_first_in_brackets() -> None:
    text = f"(检索日期2025/7/2) {TITLE}·华尔街见闻·许超（2025/6/30）"
    assert fields(text) == (TITLE, "华尔街见闻", "许超", "2025-06-30", "2025-07-02", "", "")


def test_a_closing_bracket_alone_leaves_the_publisher_whole() -> None:
    """Only a pair of brackets is the note's: ``网`` before it stays the publisher's."""
    text = "[OpenAI转向TPU](https://wallstreetcn.com/articles/3749773) 华尔街见闻 检索日期2025/7/2)"
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.accessed) == (
        "OpenAI转向TPU", "华尔街见闻", datetime.date(2025, 7, 2))


# -- the language (parse.detect_language, _is_han, _is_kana_or_hangul) -----------------


@pytest.mark.parametrize("char", [
    "\u4e00", "\u9fff", "\u3400", "\u4dbf", "\uf900", "\ufaff", "\U00020000", "\U0003ffff",
])
def test_the_first_and_last_han_of_each_block_are_chinese(char: str) -> None:
    assert detect_language(char) == "zh"


@pytest.mark.parametrize("char", ["\u4dc0", "\ua000", "\ufb00", "\U00040000", "\u0250"])
def test_the_characters_next_to_the_han_blocks_are_not(char: str) -> None:
    """Yijing hexagrams, Yi, Latin ligatures, plane 4 and IPA are no Chinese."""
    assert detect_language(char) == "und"


@pytest.mark.parametrize("char", ["\u3041", "\u30ff", "\uac00", "\ud7a3", "\u1100", "\u11ff"])
def test_kana_and_hangul_are_no_language_the_vocabulary_names(char: str) -> None:
    """Japanese and Korean are neither ``zh`` nor ``en``, even beside a Latin word."""
    assert detect_language(f"{char} Seoul Tokyo") == "und"


@pytest.mark.parametrize("char", ["\u3100", "\ud7b0", "\u1200", "\u10ff"])
def test_the_characters_next_to_kana_and_hangul_are_not(char: str) -> None:
    """Bopomofo, Hangul Jamo Extended-B, Ethiopic and Georgian letters leave Latin alone."""
    assert detect_language(f"{char} Seoul Tokyo") == "en"


def test_a_latin_letter_just_below_ipa_counts_as_latin() -> None:
    """``ɏ`` (U+024F) is the last Latin letter counted; a Chinese title outweighs two."""
    assert detect_language("\u024f\u024f") == "en"
    assert detect_language("中文标题 \u024f") == "zh"


# -- what makes a Chinese footnote a reference (parse_zh._evidence) --------------------


@pytest.mark.parametrize(("text", "reference"), [
    # a pointer: a lead-in or a sentence that ends pointing at the link
    pytest.param("详见 [官方题解](https://codeforces.com/blog/entry/1)．", True, id="lead-in"),
    pytest.param("来源：[官方题解](https://codeforces.com/blog/entry/1)", True, id="source-colon"),
    pytest.param("环论的简要历史可以参看 [官方题解](https://codeforces.com/blog/entry/1)", True,
                 id="sentence"),
    pytest.param("参见 https://codeforces.com/blog/entry/1", True, id="bare-url"),
    # "this report" names no document: a note that mentions one
    pytest.param("详见[这篇报道](https://codeforces.com/blog/entry/1)", False, id="this-report"),
    # no pointer: a title with an author or a GB/T type code
    pytest.param("李强. 化解医患矛盾需釜底抽薪[EB/OL]. https://example.org/a", True, id="author"),
    pytest.param("化解医患矛盾需釜底抽薪[EB/OL]. https://example.org/a", True, id="type-code"),
    pytest.param("[浅谈字符串 - 许超 - 博客园](https://www.cnblogs.com/a)", True, id="blog-author"),
    pytest.param("[官方题解](https://codeforces.com/blog/entry/1)", False, id="title-alone"),
    pytest.param("https://codeforces.com/blog/entry/1", False, id="url-alone"),
    # without a URL: a work with a place in it, or nothing but a title
    pytest.param("《信息学奥林匹克辞典》2.4.7.11 章", True, id="located"),
    pytest.param(" 《信息学奥林匹克辞典》2.4.7.11 章", True, id="located-indented"),
    pytest.param("《具体数学》", False, id="work-alone"),
])
def test_a_chinese_reference_has_evidence(text: str, reference: bool) -> None:
    """Which footnotes go to the bibliography as Chinese references (the classifier asks)."""
    assert is_chinese_reference(text) is reference


def test_a_work_alone_is_kept_whole() -> None:
    """``《具体数学》`` with nothing around it is a title only: no structured citation."""
    citation = parse_citation("《具体数学》")
    assert (citation.title, citation.structured) == ("《具体数学》", False)


# -- link texts that carry the site or the author (parse_zh._split_link_text, _is_site) --


@pytest.mark.parametrize(("label", "title", "site", "author"), [
    pytest.param("浅谈字符串 - 前缀函数 - 许超 - 博客园", "浅谈字符串 - 前缀函数", "博客园", "许超",
                 id="blog-platform"),
    pytest.param("维基百科 - 计数排序 - 基数排序", "计数排序 - 基数排序", "维基百科", "",
                 id="site-first"),
    pytest.param("许超 - 浅谈字符串 - 前缀函数", "浅谈字符串 - 前缀函数", "", "许超",
                 id="author-first"),
    pytest.param("计数排序，基数排序,维基百科", "计数排序，基数排序", "维基百科", "",
                 id="site-after-comma"),
    pytest.param("树,维基百科", "树", "维基百科", "", id="one-character-title"),
    pytest.param("维基百科，自由的百科全书", "", "维基百科，自由的百科全书", "", id="site-alone"),
    pytest.param("LABULADONG 的算法小抄 - 动态规划", "动态规划", "LABULADONG 的算法小抄", "",
                 id="someones-site"),
    pytest.param("Ubuntu 官网 - 下载", "下载", "Ubuntu 官网", "", id="official-site"),
    pytest.param("动态规划 - 某某百科", "动态规划", "某某百科", "", id="encyclopedia"),
    pytest.param("动态规划 - 张三的博客", "动态规划", "张三的博客", "", id="someones-blog"),
    pytest.param("动态规划 - 张三博客", "动态规划", "张三博客", "", id="blog"),
    pytest.param("动态规划 - Python 文档", "动态规划", "Python 文档", "", id="documentation"),
    pytest.param("动态规划 - Python docs", "动态规划", "Python docs", "", id="docs"),
    pytest.param("动态规划 - OI wiki", "动态规划", "OI wiki", "", id="wiki"),
    pytest.param("动态规划 - 华为开发者社区", "动态规划", "华为开发者社区", "", id="community"),
])
def test_a_link_text_names_its_site_or_author(label: str, title: str, site: str,
                                              author: str) -> None:
    url = "https://example.org/a"
    citation = parse_citation(f"[{label}]({url})")
    assert (citation.title, citation.publisher, citation.author, citation.url) == (
        title, site or "example.org", author, url)


# -- the full-stop, comma and 《》 forms (parse_zh._parse_stops, _parse_commas, ...) ------

EIGHT = "许超，张三，李四，王五，赵六，钱七，孙八，周九"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("许超．浅谈字符串．2009-05．国家集训队论文",
                 ("浅谈字符串", "国家集训队论文", "许超", "2009-05"), id="month-between"),
    pytest.param("许超．浅谈字符串．国家集训队论文．2009",
                 ("浅谈字符串", "国家集训队论文", "许超", "2009"), id="year-last"),
    pytest.param("浅谈字符串．2009 年．国家集训队论文",
                 ("浅谈字符串", "国家集训队论文", "", "2009"), id="no-author"),
    pytest.param("许超 et al．浅谈字符串．国家集训队论文",
                 ("浅谈字符串", "国家集训队论文", "许超", ""), id="et-al"),
    pytest.param("欧阳修．新五代史．中华书局", ("新五代史", "中华书局", "欧阳修", ""),
                 id="compound-surname"),
    pytest.param("欧阳修文．新五代史．中华书局", ("新五代史", "中华书局", "欧阳修文", ""),
                 id="compound-surname-four"),
    pytest.param(f"{EIGHT}．浅谈字符串．国家集训队论文",
                 ("浅谈字符串", "国家集训队论文", EIGHT, ""), id="eight-authors"),
    pytest.param("浅谈字符串，许超 编著，人民邮电出版社，2013",
                 ("浅谈字符串", "人民邮电出版社", "许超", "2013"), id="commas"),
    pytest.param("李强. 化解医患矛盾需釜底抽薪[J]. 中国青年报(3), 2012.",
                 ("化解医患矛盾需釜底抽薪", "中国青年报", "李强", "2012"), id="gbt-issue"),
    pytest.param("李强．化解医患矛盾需釜底抽薪．[J]. 中国青年报, 2012.",
                 ("化解医患矛盾需釜底抽薪", "中国青年报", "李强", "2012"), id="gbt-stop-code"),
])
def test_a_chinese_reference_between_stops_or_commas(text: str,
                                                     expected: tuple[str, ...]) -> None:
    assert fields(text)[:4] == expected


@pytest.mark.parametrize("text", [
    pytest.param("王二小子．浅谈字符串．国家集训队论文", id="four-character-name"),
    pytest.param("浅谈字符串，许超，人民邮电出版社", id="name-without-role"),
    pytest.param("《具体数学》，人民邮电出版社，人民邮电出版社", id="two-publishers"),
])
def test_no_reference_shape_keeps_the_footnote_whole(text: str) -> None:
    """A single surname with three given characters is no name; a name in the comma form
    needs its role (编著); a work has one publisher."""
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


# -- the general shapes (parse._parse_dotted, _parse_quoted, _parse_side, ...) ---------


def test_the_newsroom_form_without_a_publisher() -> None:
    """``标题·作者（日期）``: two segments are a title and its author, no publisher."""
    text = "OpenAI转向TPU，这对谷歌意味着什么？·许超（2025/6/30）"
    assert fields(text)[:4] == ("OpenAI转向TPU，这对谷歌意味着什么？", "", "许超", "2025-06-30")


def test_a_quote_inside_a_sentence_is_no_quoted_title() -> None:
    """Only a comma or colon joins an author to a quoted title: this is one sentence."""
    text = 'He said "hi" to me, June 30, 2025. https://example.org/a'
    assert fields(text)[:4] == ('He said "hi" to me', "example.org", "", "2025-06-30")


def test_two_publishers_beside_a_link_are_no_citation() -> None:
    text = "[OpenAI转向TPU](https://wallstreetcn.com/a)·华尔街见闻·新浪财经·2025/6/30"
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


def test_the_publisher_and_date_in_brackets_after_a_link() -> None:
    text = "[The Title](https://example.org/a) (The New York Times, June 30, 2025)"
    assert fields(text)[:4] == ("The Title", "The New York Times", "", "2025-06-30")


@pytest.mark.parametrize("text", [
    pytest.param("(https://wallstreetcn.com/articles/3749773)", id="brackets"),
    pytest.param("<https://wallstreetcn.com/articles/3749773>", id="autolink"),
])
def test_a_lone_url_in_brackets_is_a_bare_url(text: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.publisher, citation.url, citation.language) == (
        "", "wallstreetcn.com", "https://wallstreetcn.com/articles/3749773", "und")


FORTY = "信息学" * 13 + "赛"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("苹果公司. Mac OS X[M]. 北京: 人民邮电出版社, 2008.",
                 ("Mac OS X", "人民邮电出版社", "苹果公司", "2008"), id="title-ends-in-x"),
    pytest.param("中国法学会 编. 民法学[M]. 北京: 法律出版社, 2015.",
                 ("民法学", "法律出版社", "中国法学会", "2015"), id="organisation-as-editor"),
    pytest.param("许超．《具体数学》与《算法导论》．国家集训队论文",
                 ("《具体数学》与《算法导论》", "国家集训队论文", "许超", ""), id="two-works"),
    pytest.param("许超．《具体数学》第二版．国家集训队论文",
                 ("《具体数学》第二版", "国家集训队论文", "许超", ""), id="work-and-edition"),
    pytest.param("许超，等．浅谈字符串．国家集训队论文",
                 ("浅谈字符串", "国家集训队论文", "许超", ""), id="and-others"),
    pytest.param("许超，浅谈字符串．", ("浅谈字符串", "", "许超", ""), id="author-comma-title"),
    pytest.param("浅谈字符串．某某书店．ISBN 978-7-115-29171-3",
                 ("浅谈字符串", "某某书店", "", ""), id="isbn"),
    pytest.param("许超．浅谈字符串．2013．ISBN 978-7-115-29171-3",
                 ("浅谈字符串", "", "许超", "2013"), id="isbn-dated"),
    pytest.param(f"{FORTY}．国家集训队论文", (FORTY, "国家集训队论文", "", ""),
                 id="forty-character-title"),
    pytest.param("国家集训队论文《浅谈字符串》", ("浅谈字符串", "国家集训队论文", "", ""),
                 id="collection-before-work"),
    pytest.param("北京大学硕士论文《浅谈字符串》", ("浅谈字符串", "北京大学硕士论文", "", ""),
                 id="thesis-before-work"),
    pytest.param("《具体数学》，，人民邮电出版社", ("具体数学", "人民邮电出版社", "", ""),
                 id="empty-piece"),
    pytest.param(f"《具体数学》，{'某' * 30}", ("具体数学", "某" * 30, "", ""),
                 id="thirty-character-publisher"),
    pytest.param("《具体数学》，2013 年", ("具体数学", "", "", "2013"), id="work-and-year"),
    pytest.param("《OpenAI转向TPU》·华尔街见闻·许超（2025/6/30）",
                 ("《OpenAI转向TPU》", "华尔街见闻", "许超", "2025-06-30"), id="newsroom-form"),
    pytest.param("涨 - 新浪财经·新浪财经·（2025/6/30）", ("涨", "新浪财经", "", "2025-06-30"),
                 id="one-character-title"),
    pytest.param("涨停  - 新浪财经·新浪财经·（2025/6/30）", ("涨停", "新浪财经", "", "2025-06-30"),
                 id="two-spaces-before-the-site"),
])
def test_more_chinese_forms(text: str, expected: tuple[str, ...]) -> None:
    assert fields(text)[:4] == expected


@pytest.mark.parametrize("text", [
    pytest.param("参见。", id="lead-in-alone"),
    pytest.param("浅谈字符串．第二版．某某书店．ISBN 978-7-115-29171-3", id="isbn-three-pieces"),
    pytest.param(f"{FORTY}赛．国家集训队论文", id="forty-one-character-title"),
    pytest.param("国家集训队论文中的《浅谈字符串》", id="work-inside-a-sentence"),
    pytest.param("见于国家集训队，论文《浅谈字符串》", id="sentence-before-work"),
    pytest.param(f"《具体数学》，{'某' * 31}", id="thirty-one-character-publisher"),
])
def test_more_footnotes_kept_whole(text: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


@pytest.mark.parametrize(("label", "title", "site"), [
    pytest.param("某某百科 - 动态规划", "动态规划", "某某百科", id="encyclopedia"),
    pytest.param("张三博客 - 动态规划", "动态规划", "张三博客", id="blog"),
    pytest.param("Python 文档 - 动态规划", "动态规划", "Python 文档", id="documentation"),
    pytest.param("Python docs - 动态规划", "动态规划", "Python docs", id="docs"),
    pytest.param("OI wiki - 动态规划", "动态规划", "OI wiki", id="wiki"),
    pytest.param("华为开发者社区 - 动态规划", "动态规划", "华为开发者社区", id="community"),
    pytest.param("计数排序,基数排序,维基百科", "计数排序,基数排序", "维基百科", id="commas"),
    pytest.param("计数排序，基数排序，维基百科", "计数排序，基数排序", "维基百科",
                 id="full-width-commas"),
    pytest.param("动态规划,知乎", "动态规划", "知乎", id="known-site"),
    pytest.param("《具体数学》", "具体数学", "example.org", id="work"),
])
def test_a_link_text_names_its_site_first(label: str, title: str, site: str) -> None:
    citation = parse_citation(f"[{label}](https://example.org/a)")
    assert (citation.title, citation.publisher) == (title, site)


def test_a_lead_in_before_a_link() -> None:
    citation = parse_citation("引用自 [官方题解](https://codeforces.com/blog/entry/1)")
    assert (citation.title, citation.publisher) == ("官方题解", "codeforces.com")


def test_an_author_with_a_role_after_the_link_title() -> None:
    citation = parse_citation("[浅谈字符串 - 许超 著](https://example.org/a)")
    assert (citation.title, citation.author) == ("浅谈字符串", "许超 著")


@pytest.mark.parametrize("text", [
    pytest.param("https://web.archive.org/web/2020/https://wallstreetcn.com/articles/3749773",
                 id="bare"),
    pytest.param("<https://web.archive.org/web/2020/https://wallstreetcn.com/articles/3749773>",
                 id="autolink"),
    pytest.param("(https://web.archive.org/web/2020/https://wallstreetcn.com/articles/3749773)",
                 id="brackets"),
])
def test_a_lone_archived_url_credits_the_original_site(text: str) -> None:
    """However the lone URL is wrapped, its publisher is the archived page's site."""
    assert fields(text)[:2] == ("", "wallstreetcn.com")


def test_a_newsroom_title_keeps_its_closing_full_stop() -> None:
    """Only separators and spaces leave the title's edges: its own punctuation stays."""
    assert fields("涨停。·新华网·许超(2025/6/30)")[:4] == ("涨停。", "新华网", "许超", "2025-06-30")


def test_a_link_whose_text_is_its_url_has_no_title() -> None:
    text = ("[https://en.wikipedia.org/wiki/Red–black_tree#cite_note-Algs4-16]"
            "(https://en.wikipedia.org/wiki/Red%E2%80%93black_tree#cite_note-Algs4-16): 432–447")
    assert fields(text)[:2] == ("", "en.wikipedia.org")


def test_a_letter_before_a_lone_url_is_no_bare_url() -> None:
    text = "X <https://wallstreetcn.com/articles/3749773>"
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


# -- URLs (parse.url_host, url_spans, _trim_url) ---------------------------------------


@pytest.mark.parametrize(("url", "host"), [
    pytest.param("HTTPS://WWW.EXAMPLE.ORG/A", "EXAMPLE.ORG", id="capitals"),
    pytest.param("https://user@www.example.org:8080/a", "example.org", id="user-and-port"),
    pytest.param("example.org/a", "", id="no-scheme"),
    pytest.param("", "", id="empty"),
])
def test_the_host_of_a_url(url: str, host: str) -> None:
    assert url_host(url) == host


@pytest.mark.parametrize(("text", "url"), [
    pytest.param("((https://example.org/a))", "https://example.org/a", id="two-brackets"),
    pytest.param("(see https://example.org/wiki/Mercury_(planet))",
                 "https://example.org/wiki/Mercury_(planet)", id="balanced"),
    pytest.param("https://web.archive.org/web/*/https://", "https://web.archive.org/web/*/https://",
                 id="ends-in-a-scheme"),
])
def test_the_urls_written_in_a_text(text: str, url: str) -> None:
    assert [found for _, _, found in url_spans(text)] == [url]


def test_a_scheme_alone_is_no_url() -> None:
    assert url_spans("see https:// for details") == []


def test_the_quoted_form_with_a_colon_and_the_date_in_brackets() -> None:
    """``作者：“题名”，出版方（日期）``: the bracket before the date is no publisher's."""
    text = "许超：“OpenAI转向TPU”，华尔街见闻（2025-06-30）"
    assert fields(text)[:4] == ("OpenAI转向TPU", "华尔街见闻", "许超", "2025-06-30")


@pytest.mark.parametrize(("text", "title", "publisher"), [
    pytest.param("[OpenAI转向TPU](https://wallstreetcn.com/a)（华尔街见闻）", "OpenAI转向TPU",
                 "华尔街见闻", id="publisher-in-brackets"),
    pytest.param("[OpenAI转向TPU：](https://wallstreetcn.com/a)·华尔街见闻", "OpenAI转向TPU：",
                 "华尔街见闻", id="title-keeps-its-colon"),
])
def test_a_link_with_its_publisher_beside_it(text: str, title: str, publisher: str) -> None:
    assert fields(text)[:2] == (title, publisher)


def test_a_chinese_pointer_to_a_lone_url_has_no_language() -> None:
    """The host is the publisher; it says nothing of the page's language."""
    citation = parse_citation("参见 https://codeforces.com/blog/entry/1")
    assert (citation.title, citation.publisher, citation.language) == (
        "", "codeforces.com", "und")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("浅谈字符串，人民邮电出版社", ("浅谈字符串", "人民邮电出版社", "", ""),
                 id="title-and-publisher"),
    pytest.param("浅谈字符串，许超 编著", ("浅谈字符串", "", "许超", ""), id="title-and-editor"),
    pytest.param("许超, 浅谈字符串, 第二版．国家集训队论文",
                 ("浅谈字符串, 第二版", "国家集训队论文", "许超", ""), id="commas-in-the-title"),
    pytest.param("许超,浅谈字符串．国家集训队论文", ("浅谈字符串", "国家集训队论文", "许超", ""),
                 id="ascii-comma-after-the-author"),
])
def test_the_comma_forms_with_two_pieces(text: str, expected: tuple[str, ...]) -> None:
    assert fields(text)[:4] == expected


@pytest.mark.parametrize("text", [
    pytest.param("[排序](https://oi-wiki.org/basic/sort-intro/)", id="link-to-a-hyphenated-host"),
    pytest.param("[树](https://en.wikipedia.org/wiki/Tree)", id="one-han-character"),
])
def test_a_chinese_link_text_is_chinese_whatever_its_host(text: str) -> None:
    """The site credited from a URL's host is no word of the reference's language."""
    assert parse_citation(text).language == "zh"


def test_a_domain_written_out_is_no_english_word() -> None:
    assert detect_language("排序 oi-wiki.org") == "zh"
    assert detect_language("Node.js 入门") == "en"  # "Node.js" is a name, not a host


@pytest.mark.parametrize("label", ["last visited", "Last accessed", "accessed"])
def test_bluebooks_last_visited_is_the_accessed_date(label: str) -> None:
    """``(last visited Apr. 8, 2024)`` says when the page was read, not when it appeared."""
    citation = parse_citation(
        f"Tide tables, https://tides.example.org/tables ({label} Apr. 8, 2024).")
    assert (citation.date, citation.accessed) == (None, datetime.date(2024, 4, 8))


# -- the general shapes' edges (parse._parse_quoted, _parse_periods, _parse_side, ...) ---
# Footnotes that neither parse_en nor parse_zh reads: Chinese prose with quotes,
# Latin full stops or a link with its fields beside it.


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("许超：“央行宣布降息。”，华尔街见闻（2025-06-30）",
                 ("央行宣布降息。", "华尔街见闻", "许超", "2025-06-30", "", "", ""),
                 id="title-keeps-its-full-stop"),
    pytest.param("许超： “A股收评”，华尔街见闻（2025-06-30）",
                 ("A股收评", "华尔街见闻", "许超", "2025-06-30", "", "", ""),
                 id="space-after-the-colon"),
    pytest.param("许超：“2025年6月30日A股收评”，华尔街见闻，https://wallstreetcn.com/a",
                 ("2025年6月30日A股收评", "华尔街见闻", "许超", "", "", "https://wallstreetcn.com/a",
                  ""), id="date-in-the-title"),
    # Two dates after the quote: the quoted form cannot tell the work's and gives up;
    # the period form takes the last date and keeps the rest as the title.
    pytest.param("许超：“A股收评”，华尔街见闻，2025-07-02（2025-06-30）",
                 ("许超：“A股收评”，华尔街见闻，2025-07-02", "", "", "2025-06-30", "", "", ""),
                 id="two-dates-after-the-quote"),
])
def test_the_quoted_form(text: str, expected: tuple[str, ...]) -> None:
    """``作者：“题名”，出版方（日期）``: the title as quoted, the one date after it."""
    assert fields(text) == expected


def test_the_period_form_dates_by_the_last_date() -> None:
    """The date that ends the footnote is its date, not a later one its title names."""
    text = "2025-07-01 起施行的新规解读. 华尔街见闻. 2025-06-30. https://wallstreetcn.com/a"
    assert fields(text) == ("2025-07-01 起施行的新规解读", "华尔街见闻", "", "2025-06-30", "",
                            "https://wallstreetcn.com/a", "")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("[Xbox 发布会](https://wallstreetcn.com/a)（华尔街见闻）",
                 ("Xbox 发布会", "华尔街见闻", "", ""), id="title-starting-with-x"),
    pytest.param("[OpenAI转向TPU](https://wallstreetcn.com/a) 许超（ 2025/6/30）",
                 ("OpenAI转向TPU", "wallstreetcn.com", "许超", "2025-06-30"),
                 id="author-glued-to-a-spaced-date"),
    pytest.param("2025/6/30 [OpenAI转向TPU](https://wallstreetcn.com/a) 华尔街见闻",
                 ("OpenAI转向TPU", "华尔街见闻", "", "2025-06-30"), id="date-before-the-link"),
])
def test_fields_beside_a_link(text: str, expected: tuple[str, ...]) -> None:
    assert fields(text)[:4] == expected


@pytest.mark.parametrize("text", [
    # Which of two dates is the work's is not told.
    pytest.param("[OpenAI转向TPU](https://wallstreetcn.com/a) 30 June 2025 (2025-07-01)",
                 id="two-dates"),
    # A field is one piece of the text: none is stitched across the removed note.
    pytest.param("[OpenAI转向TPU](https://wallstreetcn.com/a) 华尔街见闻 检索日期2025/7/2 许超",
                 id="accessed-note-inside-a-field"),
])
def test_fields_beside_a_link_that_are_no_citation(text: str) -> None:
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


def test_an_accessed_note_first_and_a_bracket_last_are_no_pair() -> None:
    """The note at the text's start is not widened to a bracket at its end."""
    text = "检索日期2025/7/2) OpenAI转向TPU·华尔街见闻·许超（2025/6/30）·("
    assert fields(text)[:5] == (") OpenAI转向TPU", "华尔街见闻", "许超", "2025-06-30", "2025-07-02")


# -- parse_zh: limits, link texts, repeated sites -------------------------------------

NINE = "许超，张三，李四，王五，赵六，钱七，孙八，周九，吴十"


def test_nine_authors_are_authors() -> None:
    """Nine names were one author and a title of eight names, the title the publisher."""
    assert fields(f"{NINE}．浅谈字符串．国家集训队论文")[:4] == (
        "浅谈字符串", "国家集训队论文", NINE, "")


def test_four_sentences_without_an_author_are_prose() -> None:
    """``题名．出处`` without an author only up to three pieces: more are sentences."""
    text = "我们读了一篇文章．它发表在国家集训队论文．后来又读了一遍．很有收获．"
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


@pytest.mark.parametrize(("label", "expected"), [
    pytest.param("动态规划，知乎，2020", ("动态规划", "知乎", "", "2020"), id="title-site-year"),
    pytest.param("动态规划，许超，2020", ("动态规划", "example.org", "许超", "2020"),
                 id="title-author-year"),
    pytest.param("这篇文章 - 张三的博客", ("", "张三的博客", "", ""), id="described-on-a-blog"),
    pytest.param("这篇文章 - 某某", ("", "example.org", "", ""), id="described-no-site"),
    pytest.param("，维基百科", ("", "维基百科", "", ""), id="comma-then-site"),
])
def test_what_a_link_text_names(label: str, expected: tuple[str, ...]) -> None:
    """A site in a link text is the publisher, wherever it stands; the title is not kept
    with it ("动态规划，知乎，2020" was the title, "这篇文章 - 张三的博客" the site)."""
    url = "https://example.org/a"
    assert fields(f"[{label}]({url})") == (*expected, "", url, "")


COLLECTION = "国家集训队 2021 论文 徐哲安 "


@pytest.mark.parametrize(("length", "expected"), [
    pytest.param(199, ("国家集训队 2021 论文", "徐哲安"), id="199"),
    pytest.param(200, ("example.org", ""), id="200"),
])
def test_a_collection_author_title_link_text_up_to_199_characters(
        length: int, expected: tuple[str, str]) -> None:
    """Longer link texts are not split: the pattern's cost grows with the length squared."""
    label = COLLECTION + "浅" * (length - len(COLLECTION))
    assert len(label) == length
    citation = parse_citation(f"[{label}](https://example.org/a)")
    assert (citation.publisher, citation.author) == expected


def test_a_title_that_is_only_the_site_is_not_emptied() -> None:
    """``_新浪财经`` repeats the publisher after a cut at its very start: it stays."""
    assert fields("_新浪财经·新浪财经·许超（2025/6/30）")[:4] == (
        "_新浪财经", "新浪财经", "许超", "2025-06-30")


ARCHIVED = "https://web.archive.org/web/2020/https://wallstreetcn.com/articles/3749773"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(f"参见 {ARCHIVED}", ("", "wallstreetcn.com", ""), id="pointer"),
    pytest.param(f"[OpenAI转向TPU]({ARCHIVED})", ("OpenAI转向TPU", "wallstreetcn.com", ""),
                 id="link"),
    pytest.param(f"许超. OpenAI转向TPU[EB/OL]. (2025-06-30). {ARCHIVED}",
                 ("OpenAI转向TPU", "wallstreetcn.com", "许超"), id="gbt-online"),
    # Latin text whose only Han characters are in the archived page's address.
    pytest.param("https://web.archive.org/web/2020/https://zh.wikipedia.org/wiki/北京",
                 ("", "zh.wikipedia.org", ""), id="han-in-the-url"),
])
def test_an_archived_copy_credits_the_archived_site(text: str, expected: tuple[str, ...]) -> None:
    """The Chinese shapes credited the archive ("web.archive.org") where the same URL
    alone or in a Latin footnote credits the page it copies."""
    assert fields(text)[:3] == expected


def test_a_latin_gbt_reference_with_a_link_is_read_by_the_english_shapes() -> None:
    """GB/T's Latin form reads a link as no title: the English shapes read it, untyped."""
    text = ("KANAMORI H. [The energy release in great earthquakes]"
            "(https://doi.org/10.1029/JB082i020p02981)[J]. Journal of Geophysical Research, "
            "1977, 82(20): 2981-2987.")
    assert fields(text) == ("The energy release in great earthquakes",
                            "Journal of Geophysical Research", "KANAMORI H", "1977", "",
                            "https://doi.org/10.1029/JB082i020p02981", "")


LONG_TITLE = "化解医患矛盾需釜底抽薪"


@pytest.mark.parametrize(("length", "read"), [
    pytest.param(2000, True, id="2000"),
    pytest.param(2001, False, id="2001"),
])
def test_a_chinese_reference_is_at_most_2000_characters(length: int, read: bool) -> None:
    """A longer footnote is prose, left to the general shapes (which find no GB/T type)."""
    head, tail = "李强. ", "[J]. 中国青年报, 2012."
    title = (LONG_TITLE * 200)[:length - len(head) - len(tail)]
    text = head + title + tail
    assert len(text) == length
    assert (parse_citation(text).type == "J") is read


def test_a_transliterated_name_does_not_make_the_newsroom_form() -> None:
    """``·`` inside a Latin name written in Han: the dots are the period form's."""
    text = "詹姆斯·奈史密斯与迈克尔·乔丹. 人民出版社. 2020-01-01. https://example.org/a"
    assert fields(text) == ("詹姆斯·奈史密斯与迈克尔·乔丹", "人民出版社", "", "2020-01-01", "",
                            "https://example.org/a", "")


@pytest.mark.parametrize("text", [
    pytest.param("许超（https://weibo.com/xuchao）：“A股收评”，华尔街见闻（2025-06-30）",
                 id="url-in-the-author"),
    pytest.param("许超：“A股收评”，华尔街见闻 https://wallstreetcn.com/a 财经频道（2025-06-30）",
                 id="url-in-the-publisher"),
])
def test_a_quoted_form_with_a_url_inside_a_field_is_kept_whole(text: str) -> None:
    """No field is stitched across the removed URL: the footnote is kept as written."""
    citation = parse_citation(text)
    assert (citation.title, citation.structured) == (text, False)


def test_a_pointer_keeps_its_text() -> None:
    """A pointer has no title: its entry shows the footnote as written."""
    text = "See [the Python docs](https://docs.python.org/3/) for details."
    citation = parse_citation(text)
    assert (citation.raw, citation.title, citation.publisher, citation.url) == (
        text, "", "docs.python.org", "https://docs.python.org/3/")
