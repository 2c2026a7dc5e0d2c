"""Chinese references: GB/T 7714, the full-stop form, works in 《》, link texts with a site.

``parse_citation`` asks :func:`parse_chinese` first; it answers ``None`` for
anything it does not recognise, and the general shapes of ``parse.py`` then
try. The shapes, each seen in real footnotes:

- GB/T 7714, every document type (``[M] [J] [N] [C] [D] [R] [S] [P] [Z]
  [EB/OL]``…, ``［］`` and ``．`` too): ``作者．书名［M］．出版地：出版社，2008．``,
  ``作者. 题名[J]. 刊名, 2019, 40(3): 12-20.``,
  ``作者. 题名[EB/OL]. (2020-01-02)[2021-03-04]. URL``;
- the full-stop form ``作者．题名．出处．`` (authors are Chinese names);
- a work in 《》, with its author before it (``引用自李煜东《算法竞赛进阶指南》``),
  its publisher and year after it, or cited inside a sentence
  (``译名来自张明尧、张凡翻译的《具体数学》第 6.7 节``: translators are no authors);
- the comma form ``书名，作者 编著，出版社，页码``;
- a Markdown link whose text carries the site (``计数排序 - 维基百科，自由的百科全书``,
  ``Title - Author - 博客园``, ``知乎 - Title``, ``概率论_百度百科``), only
  describes the document (``这篇博文``, ``1977 年 KMP 算法论文``), names the
  site (``维基百科``) or is itself a reference; a site not named is the URL's (an
  archive's original);
- the legal-citation manual (法学引注手册) and 中国社会科学's forms:
  ``作者：《书名》，出版社2009年版``, ``载《刊名》``, ``《刊名》2019年第1期``,
  ``载人民网2004年1月10日，URL``, a thesis, a collection,
  ``网站名，URL，2016年12月18日访问。``;
- reference lists: ``标题：URL``, ``[T](url)：annotation``, a title typed as two
  links, a site before a link; labelled fields (``作者：… 链接：… 来源：知乎``);
  APA with Chinese names;
- a lead-in (参见, 详见, 来源：, 引用自, 转载自…) and a locator (第 4 页, 3.2 节)
  around any of these.

Dates keep the precision written: ``2013 年`` is a year, ``2008-05`` a month.
Pure (standard library only).
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from .model import Citation, DatePrecision
from .parse import detect_language, url_spans
from .parse_en import site_host

__all__ = ["drop_repeated_site", "is_chinese_reference", "named_works", "parse_chinese"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_STOP = "．。"
# Common surnames, single and compound: a Chinese author is a surname and a given name.
_SURNAMES = set(
    "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤闵丘戚代纪舒柳鲍邢康易常乔温岳蓝牛俞欧柯管卜葛祝左单庞殷翟"
    "倪童骆聂甘包吉宁詹焦鲁樊晏麦裴傅饶谷郁冉屈荣桂伍盛应芦房池车安穆齐靳祁涂华施解褚时"
)
_COMPOUND_SURNAMES = tuple("欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 公孙 长孙".split())
_ROLE_RE = re.compile(r"(?<!\s)\s*(?:主编|编著|编译|编|著|译|等)\s*$")
_NAME_SPLIT_RE = re.compile(r"(?<!\s)\s*[，,、；;]\s*|\s+")

#: A GB/T 7714 type code (``[M]``, ``［J］``, ``[EB/OL]``, ``[M/OL]``…) before a stop or ``//``.
_CODE_RE = re.compile(
    r"(?<!\s)\s*[\[［]\s*((?:M|C|N|J|D|R|S|P|G|Z|A|K|CM|DB|CP|DS|EB)(?:\s*/\s*(?:OL|DK|MT|CD))?)"
    r"\s*[\]］](?=\s*(?:[.．。,，:：]|//|$))"
)
# Full-width digits, one for one: "２０００" is a year.
_WIDE_DIGITS = str.maketrans({chr(0xFF10 + i): chr(0x30 + i) for i in range(10)})
# Full-width Latin capitals and the slash, one for one: "［Ｍ］" is "［M］".
_WIDE_CODE = str.maketrans({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)} | {"／": "/"})


class _TypeCode:
    """The GB/T 7714 type code of a reference, in either width; positions are the text's."""

    @staticmethod
    def search(text: str) -> re.Match[str] | None:
        return _CODE_RE.search(text.translate(_WIDE_CODE))


_TYPE_RE = _TypeCode()
# A Markdown link; its text may hold one level of brackets ("[C++ 标准草案 [basic.string]](…)").
_LINK_RE = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\((https?://[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)", re.I)
_LEADIN_RE = re.compile(
    r"^\s*(?:引用自|引自|转引自|转载自|转自|摘自|出自|参见|详见|参考资料|参考链接|参考|参看"
    r"|原文链接|原文地址|原文|图片来源|资料来源|数据来源|来源|出处|证明来源于|证明见|见)"
    r"\s*[:：]?\s*"
)
# A sentence that only points to a document: "…可以参看 [这里](…)．", "详见 [X](…) 中 3.2 节．"
_SEE_RE = re.compile(
    r"^[^，,；;。．!！?？\n]{0,40}?(?:参见|详见|参考|参看|可以看|见|来源于|来自)\s*[:：]?\s*$"
)
# No two of its spaces may meet: three "\s*" in a row were cubic on a run of spaces.
_LOCATOR_RE = re.compile(
    r"(?<!\s)(?:\s*[，,])?\s*(?:(?:中的?|的)\s*)?"
    r"(?:第\s*\d[\d.．\-–—~ ]*[页节章卷部分]+|例题\s*[\d.]+|[\d.]+\s*[节章].*|参考文献|附录.*"
    r"|P\s*\d+(?:\s*[-–]\s*\d+)?|pp?\.\s*\d+(?:\s*[-–]\s*\d+)?"
    r"|0x[0-9A-Fa-f]+\..*一节)(?:\s*[．。.])?\s*$"
)
_DAY_RE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?")
_MONTH_RE = re.compile(r"(?<!\d)(\d{4})\s*(?:[-/]\s*(\d{1,2})(?![\d/.-])|年\s*(\d{1,2})\s*月)")
_YEAR_RE = re.compile(r"(?<![0-9A-Za-z.])((?:1[5-9]|20)\d\d)(?![0-9A-Za-z])\s*年?")
_ONLY_DATE_RE = re.compile(
    r"^\s*(?:(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"|(\d{4})\s*(?:[-/]|年)\s*(\d{1,2})\s*月?|((?:1[5-9]|20)\d\d)\s*年?)"
    r"(?:\s*[(（]\s*\d+\s*[)）])?\s*$"
)
_ACCESSED_GBT_RE = re.compile(r"[\[［]\s*(\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2})\s*[\]］]")
_PUBDATE_GBT_RE = re.compile(r"[(（]\s*(\d{4}(?:\s*-\s*\d{1,2}){0,2})\s*[)）]")

#: Site names a link text ends with (``Title - 维基百科``); compared without spaces or case.
_SITES = (
    "维基百科，自由的百科全书", "维基教科书，自由的教学读本", "维基百科", "百度百科", "博客园",
    "csdn博客", "csdn", "cppreference", "cppreference.com", "知乎", "知乎专栏", "简书",
    "github", "中国计算机学会", "microsoftdocs", "microsoftlearn", "ubuntuwiki", "洛谷",
    "wikipedia", "python3文档", "oi中转站", "segmentfault", "掘金", "bilibili", "哔哩哔哩",
    "新浪财经", "华尔街见闻", "moomoo社区", "stackoverflow",
)
_BLOG_PLATFORMS = ("博客园", "csdn博客", "csdn", "简书", "知乎", "知乎专栏", "segmentfault")
_DESCRIBES_RE = re.compile(
    r"^(?:这|此|该|本)|(?:页面|链接|介绍|的论文|论文|讲解)$|^(?:here|this|link)$", re.I
)


class _Date(NamedTuple):
    value: datetime.date
    precision: DatePrecision


class _Ref(NamedTuple):
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: _Date | None = None
    accessed: datetime.date | None = None
    url: str = ""
    type: str = ""


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _clean(text: str) -> str:
    return text.strip(" \t\n,，.．。;；:：、·|-–—_")


def _unquote(text: str) -> str:
    text = _clean(text)
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        return text[1:-1].strip()
    return text


def _make_date(year: str, month: str | None = None, day: str | None = None) -> _Date | None:
    try:
        if day:
            return _Date(datetime.date(int(year), int(month or 1), int(day)), "day")
        if month:
            return _Date(datetime.date(int(year), int(month), 1), "month")
        return _Date(datetime.date(int(year), 1, 1), "year")
    except ValueError:
        return None


def _only_date(text: str) -> _Date | None:
    """The date a piece consists of (``2013 年``, ``2019-04``, ``1963(03)``), or None."""
    match = _ONLY_DATE_RE.match(text.translate(_WIDE_DIGITS))
    if match is None:
        return None
    if match[1]:
        return _make_date(match[1], match[2], match[3])
    if match[4]:
        return _make_date(match[4], match[5])
    return _make_date(match[6])


def _first_date(text: str) -> _Date | None:
    """The first date in ``text``, as precise as it is written (``c1983`` is 1983)."""
    text = re.sub(r"(?<![A-Za-z])c(?=\d{4})", " ", text.translate(_WIDE_DIGITS))
    found: list[tuple[int, _Date]] = []
    for pattern in (_DAY_RE, _MONTH_RE, _YEAR_RE):
        match = pattern.search(text)
        if match is None:
            continue
        groups = [g for g in match.groups() if g]
        date = _make_date(*groups[:3])
        if date is not None:
            found.append((match.start(), date))
    if not found:
        return None
    start = min(pos for pos, _ in found)
    # At one position the most precise reading wins ("2019-04-25" is a day).
    return max((d for pos, d in found if pos == start),
               key=lambda d: ("year", "month", "day").index(d.precision))


def _is_name(text: str) -> bool:
    """One Chinese personal name: a surname and one or two characters."""
    text = _ROLE_RE.sub("", text.strip())
    if not re.fullmatch(f"[{_HAN}]{{2,4}}", text):
        return False
    if text[:2] in _COMPOUND_SURNAMES:
        return len(text) in (3, 4)
    return text[0] in _SURNAMES and len(text) in (2, 3)


def _names(text: str) -> str | None:
    """``text`` when it lists Chinese names only (roles like 编著 dropped), else None."""
    stripped = _ROLE_RE.sub("", _clean(text))
    stripped = re.sub(r"(?<!\s)\s*(?:等|et al\.?)\s*$", "", stripped)
    parts = [p for p in _NAME_SPLIT_RE.split(stripped) if p]
    if not parts or not all(_is_name(p) for p in parts):
        return None
    return stripped.strip(" ，,")


def _gbt_authors(text: str) -> str:
    """The responsible party of a GB/T reference: names, or an organisation, as written."""
    text = re.sub(r"[,，]?\s*(?:等|et al\.?)\s*$", "", _clean(text))
    return _names(text) or _ROLE_RE.sub("", text).strip()


# -- GB/T 7714 ------------------------------------------------------------------------


def _split_last_stop(text: str) -> tuple[str, str]:
    """``作者. 题名`` at the last full stop (``．``, ``。`` or ``. ``)."""
    best = -1
    for match in re.finditer(r"[．。]|\.(?=\s)|\.(?=[^\x00-\x7f])", text):
        best = match.end() if match.end() < len(text) else best
    if best < 0:
        return "", text
    return text[:best], text[best:]


_COMPANY_RE = re.compile(r"(?:Inc|Ltd|LLC|Co|Corp|Pty|GmbH|AG|S\.A|PLC)\.?", re.I)


def _place_publisher(rest: str) -> tuple[str, _Date | None]:
    """``出版地：出版社，2008`` or ``刊名, 2019, 40(3): 12-20``: the publisher and the date."""
    date = None
    text = _clean(rest)
    colon = re.search(r"[:：]", text)
    pieces = re.split(r"(?<!\s)\s*[,，]\s*", text)
    # The place may name its state ("Sunnyvale, Calif.: Scitor Corporation"); a journal's
    # volume and pages have digits before the colon ("刊名, 2019, 40(3): 12-20").
    if colon and not re.search(r"\d", text[:colon.start()]) and (
            not re.search(r"[,，]", text[:colon.start()])
            or re.fullmatch(r"[A-Za-z .'-]+,\s*[A-Z][A-Za-z.]{1,8}", text[:colon.start()])):
        after = text[colon.end():]
        pieces = re.split(r"(?<!\s)\s*[,，]\s*", after)
    # "Rowman & Littlefield Publishing Group, Inc., 2011": a company's suffix is its name's.
    while len(pieces) > 2 and _COMPANY_RE.fullmatch(pieces[1]):
        pieces[:2] = [f"{pieces[0]}, {pieces[1]}"]
    publisher = _clean(pieces[0])  # re.split gives at least one piece
    if re.search(rf"\b{_COMPANY_RE.pattern}$", pieces[0].rstrip(), re.I) and \
            pieces[0].rstrip().endswith("."):
        publisher += "."  # "Inc." keeps its point
    for piece in pieces[1:]:
        date = _first_date(piece)
        if date is not None:
            break
    if publisher and _only_date(publisher) is not None:
        date, publisher = _only_date(publisher), ""
    if re.fullmatch(r"[\[［]\s*(?:出版者不详|出版地不详|s\.\s*n\.?|S\.\s*l\.?)\s*[\]］]",
                    publisher, re.I):
        publisher = ""  # GB/T 7714's "[出版者不详]", "[s.n.]": no publisher is known
    publisher = re.sub(r"(?<!\s)\s*[(（]\s*\d+\s*[)）]\s*$", "", publisher)
    return publisher, date


#: A GB/T statement of responsibility after the title (translators, editors) or an edition.
_STATEMENT_RE = re.compile(
    r"(?:^|[,，\s]|(?<=[^\x00-\x7f]等))(?:等\s*)?[,，]?\s*(?:译|编译|校|主编|编|注|译注|审校)$"
    r"|^(?:第\s*)?\d+\s*版$"
    r"|^[修增]订[本版]$|^(?:\d+(?:st|nd|rd|th)\s*)?ed(?:ition)?$|^rev(?:ised)?(?:\s*ed)?$", re.I)


def _parse_gbt(text: str) -> _Ref | None:
    code = _TYPE_RE.search(text)
    if code is None:
        return None
    ref = _parse_gbt_fields(text, code)
    return ref._replace(type=re.sub(r"\s+", "", code[1]))


def _parse_gbt_fields(text: str, code: re.Match[str]) -> _Ref:
    head, rest = text[:code.start()], text[code.end():]
    author_part, title = _split_last_stop(head)
    date = None
    # The author-year system puts the year after the authors: "作者, 1998. 题名[M]".
    year = re.fullmatch(r"(.+?)[,，]\s*((?:1[5-9]|20)\d\d)[a-z]?\s*[.．。]?\s*", author_part)
    if year:
        author_part, date = year[1], _make_date(year[2])
    url = ""
    spans = url_spans(rest)
    if spans:
        url = spans[0][2]
        rest = rest[:spans[0][0]] + rest[spans[0][1]:]
    accessed = None
    found = _ACCESSED_GBT_RE.search(rest)
    if found is not None:
        stamp = _first_date(found[1])
        accessed = stamp.value if stamp else None
        rest = rest[:found.start()] + rest[found.end():]
    pub = _PUBDATE_GBT_RE.search(rest)
    if pub is not None and _first_date(pub[1]) is not None:
        date = _first_date(pub[1])
        rest = rest[:pub.start()] + rest[pub.end():]
    rest = re.sub(r"\bDOI\s*[:：].*$", "", rest, flags=re.I)
    rest = rest.lstrip(" .．。")
    if rest.startswith("//"):
        # A part of a whole: the container is the piece before the place and publisher.
        pieces = [_clean(p) for p in re.split(r"[．。]|\.\s", rest[2:]) if _clean(p)]
        place = next((i for i in range(len(pieces) - 1, -1, -1)
                      if re.match(r"[^,，\d:：]{1,12}[:：]", pieces[i])), len(pieces))
        if place >= 1:
            _, more = _place_publisher(pieces[place]) if place < len(pieces) else ("", None)
            return _Ref(_clean(title), pieces[place - 1], _gbt_authors(author_part),
                        date or more or _first_date(rest), accessed, url)
        # No container: the pieces are read as the rest, still apart at their stops
        # (joined with spaces, "北京: 出版社. 第2版" gave the publisher "出版社 第2版").
        rest = "．".join(pieces)
    pieces = [p for p in re.split(r"[．。]|\.\s", rest) if _clean(p)] if rest else []
    # Translators (``杨斌，王忠玉，等，译``) and the edition (``2 版``) come before the imprint.
    while len(pieces) > 1 and _STATEMENT_RE.search(_clean(pieces[0])):
        pieces = pieces[1:]
    publisher, more = _place_publisher(pieces[0] if pieces else "")
    if date is None:
        date = more or _first_date(rest)
    if not publisher and url:
        publisher = site_host(url)
    return _Ref(_clean(title), publisher, _gbt_authors(author_part), date, accessed, url)


# -- the full-stop form, 《》 and the comma form ---------------------------------------


def _strip_locator(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LOCATOR_RE.sub("", text)
        text = re.sub(r"(?<!\s)\s*[(（]\s*pp?\.\s*[\d\s\-–]+[)）]\s*$", "", text)
    return text


def _parse_stops(text: str) -> _Ref | None:
    """``作者．题名．出处．`` (or ``题名．出处``): fields between full stops."""
    if not re.search(f"[{_STOP}]", text):
        return None
    pieces = [_clean(p) for p in re.split(r"[．。]", text)]
    isbn = any(re.match(r"ISBN\b", p) for p in pieces)
    pieces = [p for p in pieces if p and not re.match(r"ISBN\b", p)]
    if len(pieces) < 2 and not (pieces and ("，" in pieces[0] or isbn)):
        return None
    author = ""
    date = None
    first = pieces[0]
    names = _names(first)
    if names is not None:
        author = names
        pieces = pieces[1:]
    elif "，" in first or "," in first:
        lead, _, title = re.split(r"([，,])", first, maxsplit=1)
        names = _names(lead)
        if names is None:
            return None
        author, pieces = names, [title, *pieces[1:]]
    if pieces and _only_date(pieces[0]) is not None:
        date = _only_date(pieces[0])
        pieces = pieces[1:]
    if not pieces:
        return None
    title = _unquote(pieces[0])
    publisher = ""
    for piece in pieces[1:]:
        piece = _strip_locator(piece)
        stamp = _only_date(piece)
        dated = re.fullmatch(r"([^,，]+)[,，]\s*((?:1[5-9]|20)\d\d.*)", piece)
        if stamp is not None:
            date = stamp
        elif not publisher and dated and _first_date(dated[2]) is not None:
            publisher, date = _clean(dated[1]), _first_date(dated[2])
        elif not publisher and _clean(piece):
            publisher = _clean(piece)
    if isbn and len(pieces) <= 2:
        return _Ref(title, publisher, author, date)
    if not author and not (publisher and _looks_like_source(title, publisher, len(pieces))):
        return None
    return _Ref(title, publisher, author, date)


_SOURCE_WORDS_RE = re.compile(r"论文|集$|出版社|学报|大学|会议|交流|期刊|杂志|报告|讲义|ISBN")


def _looks_like_source(title: str, publisher: str, pieces: int) -> bool:
    """Without an author, ``题名．出处`` only when the pieces are fields, not sentences."""
    fields = (title, publisher)
    return pieces <= 3 and not any(re.search(r"[，,；;]", f) for f in fields) and \
        len(title) <= 40 and bool(_SOURCE_WORDS_RE.search(publisher))


_TRANSLATED_RE = re.compile(r"\s*(?:译名|名称|说法)?(?:来自|出自|引自)?(\S{1,20}?)(?:翻译|译)的")
_GUILLEMET_RE = re.compile(r"《([^《》]+(?:《[^《》]*》[^《》]*)*)》")


def _parse_guillemets(text: str) -> _Ref | None:
    """A work in 《》 with its author, publisher, year and locator around it."""
    found = _GUILLEMET_RE.search(text)
    if found is None or _GUILLEMET_RE.search(text, found.end()):
        return None
    title = found[1].strip()
    before, after = _clean(text[:found.start()]), _strip_locator(text[found.end():])
    author = publisher = ""
    date = None
    translated = _TRANSLATED_RE.fullmatch(before)
    if translated and _names(translated[1]) is not None:
        before = ""
    elif re.search(r"[的在中]$", before):
        return None
    if before:
        names = _names(before)
        stamp = _only_date(before)
        if names is not None:
            author = names
        elif stamp is not None:
            date = stamp
        elif re.fullmatch(r"(?:\d{4}\s*)?[^，,。．]{2,20}", before) and re.search(
                r"论文|集训队|出版社|学报|会议|冬令营", before):
            publisher = before
        else:
            return None
    for piece in re.split(r"(?<!\s)\s*[，,]\s*", _clean(after)):
        piece = _clean(piece)
        if not piece:
            continue
        stamp = _only_date(piece)
        names = _names(piece)
        if stamp is not None and date is None:
            date = stamp
        elif names is not None and not author:
            author = names
        elif not publisher and len(piece) <= 30 and not re.search(r"[。．]", piece):
            publisher = piece
        else:
            return None
    return _Ref(title, publisher, author, date)


_LEGAL_RE = re.compile(
    r"(?:([^《》：:]{2,40}?)[：:]\s*)?《([^《》]+)》\s*[，,]\s*([^《》]*(?:《[^《》]+》[^《》]*)?)"
)
_IN_CONTAINER_RE = re.compile(r"载\s*《([^《》]+)》\s*(.*)")
# "载人民网2004年1月10日", "载微信公众号“中国法律评论”2018年12月1日": a site (an account), a date.
_IN_SITE_RE = re.compile(
    r"载\s*(?:微信公众号\s*)?[“\"]?([^《》“”\"，,\d]{2,30}?)[”\"]?\s*((?:1[5-9]|20)\d\d\s*年.*)?"
)
# "《中国社会科学》2019年第1期": a journal, then its year and issue.
_JOURNAL_RE = re.compile(r"《([^《》]+)》\s*((?:1[5-9]|20)\d\d\s*年.*)")
_NATIONALITY_RE = re.compile(r"^\s*[\[［(（〔][^\]］)）〕]{1,4}[\]］)）〕]\s*")
_EDITION_RE = re.compile(
    r"(.+?)\s*((?:1[5-9]|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?\s*(?:第\s*\d+\s*次印刷\s*)?版"
)
# "中国政法大学2015年博士学位论文": the university and the year.
_THESIS_RE = re.compile(r"(.+?)\s*((?:1[5-9]|20)\d\d)\s*年\s*(?:博士|硕士|学士)?(?:学位)?论文")
# "《鲁迅全集》第9册": the collection a work is in, and its volume.
_COLLECTION_RE = re.compile(r"《([^《》]+)》\s*(?:第\s*\d+\s*[册卷辑编集])?")
_PLACE_RE = re.compile(r"^[^：:，,\d]{1,10}[：:]\s*")


def _parse_legal(text: str) -> _Ref | None:
    """The legal-citation form (法学引注手册): ``作者：《书名》，出版社2009年版，第25页。``,
    ``作者：《题名》，载《刊名》2019年第1期，第5页。``, ``作者：《题名》，载人民网2004年1月10日``,
    ``作者：《论文》，某大学2015年博士学位论文。``,
    ``作者：《篇名》，《文集》第9册，出版地：出版社，1981年。``.

    Without an author (``《题名》，载新华网``) only the forms with 载 count.
    """
    found = _LEGAL_RE.fullmatch(_clean(_strip_locator(text)))
    if found is None:
        return None
    # "［美］约翰·罗尔斯": a nationality in brackets is no part of the name.
    lead = _NATIONALITY_RE.sub("", found[1] or "")
    author = _gbt_authors(re.sub(r"\s*(?:主编|编著|著)$", "", lead)) if lead else ""
    title = found[2].strip()
    rest = _clean(_strip_locator(found[3]))
    inside = _IN_CONTAINER_RE.fullmatch(rest)
    if inside:
        return _Ref(title, inside[1].strip(), author, _first_date(inside[2]))
    journal = _JOURNAL_RE.fullmatch(rest)
    if journal and author:
        # 中国社会科学's journal form: "作者：《题名》，《刊名》2019年第1期。"
        return _Ref(title, journal[1].strip(), author, _first_date(journal[2]))
    site = _IN_SITE_RE.fullmatch(rest)
    if site:
        return _Ref(title, site[1].strip(), author, _first_date(site[2] or ""))
    if not author:
        return None
    edition = _EDITION_RE.match(rest)
    if edition:
        return _Ref(title, _clean(edition[1]), author, _make_date(edition[2]))
    thesis = _THESIS_RE.fullmatch(rest)
    if thesis:
        return _Ref(title, _clean(thesis[1]), author, _make_date(thesis[2]))
    pieces = [p for p in re.split(r"\s*[，,]\s*", rest) if p]
    # "何怀宏等译", "第2版": translators and the edition stand before the imprint.
    while len(pieces) > 2 and _STATEMENT_RE.search(pieces[0]):
        pieces = pieces[1:]
    if len(pieces) >= 2 and _only_date(pieces[-1]) is not None:
        collection = _COLLECTION_RE.fullmatch(pieces[0])
        if collection:
            return _Ref(title, collection[1].strip(), author, _only_date(pieces[-1]))
        if len(pieces) == 2:
            return _Ref(title, _PLACE_RE.sub("", pieces[0]), author, _only_date(pieces[1]))
    return None


def _parse_commas(text: str) -> _Ref | None:
    """``书名，作者 编著，出版社，页码``: a role marks the authors, 出版社 the publisher."""
    pieces = [_clean(p) for p in re.split(r"(?<!\s)\s*[，,]\s*", _strip_locator(text))]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or any(re.search(r"[。．！？!?]", p) for p in pieces):
        return None  # a piece that holds a sentence's end is no field: prose
    author = publisher = ""
    date = None
    for piece in pieces[1:]:
        if re.search(r"(?:主编|编著|著|编)$", piece) and (names := _names(piece)) is not None:
            author = names
        elif re.search(r"出版社|出版公司|书局|大学|学报|杂志社", piece) and not publisher:
            publisher = piece
        elif _only_date(piece) is not None:
            date = _only_date(piece)
        else:
            return None
    if not (author or publisher):
        return None
    return _Ref(_unquote(pieces[0]), publisher, author, date)


# -- links ----------------------------------------------------------------------------


def _is_site(text: str) -> bool:
    squeezed = _squeeze(text)
    if re.match(r"[A-Za-z0-9_.-]+ ?的", text.strip()):
        return True  # "labuladong 的算法小抄": someone's site
    if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", squeezed):
        return True  # "servicemesher.com", "jimmysong.io": a host names its site
    return squeezed in _SITES or squeezed.endswith(("百科", "的博客", "博客", "文档", "docs",
                                                    "wiki", "社区", "官网"))


# Between a link text's title and its site: a dash or bar with spaces around it, or after
# a closing bracket ("监听器发现服务（LDS）- servicemesher.com").
_SPACED_SEPARATOR_RE = re.compile(r"\s+[-–—|]\s+|(?<=[）)」』》])[-–—|]\s+")
# A dash glued to its words ("Unicode 指南—Python 3 文档", "模型（上）——资源抽象").
_GLUED_DASH_RE = re.compile(r"(?<=\S)—{1,2}(?=\S)")


def _split_link_text(text: str) -> tuple[str, str, str]:
    """A link text's title, site and author: ``Title - Site``, ``Site - Title``…"""
    parts = [p.strip() for p in _SPACED_SEPARATOR_RE.split(text)]
    parts = [p for p in parts if p]
    if len(parts) >= 3 and _squeeze(parts[-1]) in _BLOG_PLATFORMS:
        return " - ".join(parts[:-2]), parts[-1], parts[-2]
    if len(parts) >= 2:
        head, tail = " - ".join(parts[:-1]), parts[-1]
        if _is_site(tail):
            return head, tail, ""
        if _is_site(parts[0]):
            return " - ".join(parts[1:]), parts[0], ""
        if _is_name(tail) and not _is_name(head):
            return head, "", tail
        if _is_name(parts[0]):
            return " - ".join(parts[1:]), "", parts[0]
        return head, tail, ""
    # A glued dash parts a site only when the site is one: in a Chinese title it is the
    # 破折号 of a subtitle ("istio源码分析——pilot-agent如何管理envoy生命周期").
    dashes = list(_GLUED_DASH_RE.finditer(text))
    if dashes and _is_site(text[dashes[-1].end():]):
        return text[:dashes[-1].start()].strip(), text[dashes[-1].end():].strip(), ""
    underscore = re.fullmatch(r"(.+)_([^_]+)", text)
    if underscore and _is_site(underscore[2]):
        return underscore[1], underscore[2], ""
    # "kubernetes 官方文档：Resource Quota": the site, a colon, the title. (On a wiki,
    # "维基百科：新手入门" is a page of the project namespace: its whole name is the title.)
    colon = re.fullmatch(r"([^：:]{2,30}?)\s*[：:]\s*(\S.*)", text)
    if colon and _is_site(colon[1]) and not re.search(r"(?:百科|wiki|wikipedia)$",
                                                       _squeeze(colon[1])):
        return colon[2].strip(), colon[1].strip(), ""
    cut = max(text.rfind(","), text.rfind("，"))
    # Nothing before the comma (",知乎") names the site alone, as "知乎" does.
    if cut >= 0 and _is_site(text[cut + 1:]) and _squeeze(text) not in _SITES:
        return text[:cut].strip(), text[cut + 1:].strip(), ""
    return text, "", ""


_COLLECTION_AUTHOR_TITLE_RE = re.compile(r"(.*(?:论文|论文集|集训队|冬令营)\S*)\s+(\S{2,4})\s+(.+)")


# A remark after a link text's title: a comma, then what the page holds or lacks.
_LABEL_REMARK_RE = re.compile(
    r"([^，,]{2,60}?)\s*[，,]\s*((?:目前|现在|其中|主要|包括|只有|仅|已|需要|内含|附有?|这|该|此)"
    r"[^，,]*(?:[，,].*)?)", re.S)


def _link_ref(label: str, url: str) -> _Ref:
    """What a link says of its document: title, site, author and date from its text."""
    host = site_host(url)
    label = label.strip()
    inner = _parse_no_url(label)
    if inner is not None:
        return inner._replace(url=url, publisher=inner.publisher or host)
    fields = [p.strip() for p in re.split(r"[，,]", label)]
    if len(fields) == 3 and _only_date(fields[2]) is not None:
        # "动态规划，许超，2020" names the author; "动态规划，知乎，2020" the site.
        if _is_site(fields[1]):
            return _Ref(fields[0], fields[1], "", _only_date(fields[2]), url=url)
        return _Ref(fields[0], host, fields[1], _only_date(fields[2]), url=url)
    # "张三的博客" names the site alone; "动态规划 - 张三的博客" has a title before it.
    if _squeeze(label) in _SITES or (re.search(r"的(?:博客|网站|主页)$", label)
                                     and not re.search(r"\s[-–—|]\s", label)):
        return _Ref("", label, url=url)
    # "国家集训队 2021 论文 徐哲安 浅谈…": collection, author, title.
    spaced = len(label) < 200 and _COLLECTION_AUTHOR_TITLE_RE.fullmatch(label)
    if spaced and _is_name(spaced[2]):
        return _Ref(spaced[3], spaced[1], spaced[2], url=url)
    owner = re.fullmatch(r"([\w.-]+ ?的(?:博客|网站|主页|笔记))/(.+)", label)
    if owner:
        return _Ref(owner[2], owner[1], url=url)
    remark = _LABEL_REMARK_RE.fullmatch(label)
    if remark:
        label = remark[1]  # "Knative 产品页面，目前只有最简单的介绍": the remark is no title
    if _DESCRIBES_RE.search(label.strip()) and not _GUILLEMET_RE.search(label) and not (
            label.endswith("页面") and label[:-2].strip() and not _is_site(label[:-2])):
        # "维基百科页面" only names a site; "Google Cloud Knative 产品页面" is a page's name.
        # "这篇文章 - 张三的博客": the text describes the document and may name its site.
        named = _split_link_text(label)[1]
        site = named if _is_site(named) else host
        year = re.match(r"((?:1[5-9]|20)\d\d)\s*年", label)
        return _Ref("", site, "", _make_date(year[1]) if year else None, url=url)
    title, site, author = _split_link_text(label)
    return _Ref(title, site or host, author, url=url)


# APA written in Chinese: "张三, 李四. (2019). 题名. 刊名, 40(3), 12-20.",
# "张三（2019）. 题名. 刊名."
# No field begins or ends in spaces, so that no two "\s*" can share a run of them.
_APA_RE = re.compile(
    r"\s*(?P<names>[^()（）.．。\s](?:[^()（）.．。]{0,58}[^()（）.．。\s])?)\s*(?:[.．]\s*)?"
    r"[(（]\s*(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\s*[)）]\s*[.．。]\s*"
    r"(?P<title>[^.．。\s](?:[^.．。]*[^.．。\s])?)\s*[.．。]\s*"
    r"(?P<container>[^.．。,，\s](?:[^.．。,，]*[^.．。,，\s])?)"
    r"(?:\s*[,，][\d\s()（）:：,，\-–—]*)?(?:[.．。]\s*)?"
)


def _parse_apa(text: str) -> _Ref | None:
    """Author–date (APA) with Chinese names: the names, the year, the title, the journal."""
    found = _APA_RE.fullmatch(text)
    if found is None or not re.search(f"[{_HAN}]", found["title"]):
        return None
    names = _names(found["names"])
    if names is None:
        return None
    return _Ref(found["title"].strip(), found["container"].strip(), names,
                _make_date(found["year"]))


def _parse_no_url(text: str) -> _Ref | None:
    for shape in (_parse_gbt, _parse_legal, _parse_guillemets, _parse_apa, _parse_stops,
                  _parse_commas):
        ref = shape(text)
        if ref is not None and ref.title:
            return ref
    return None


# After a link: a remark on access in brackets ("(需要授权)"), no field of the reference.
_AFTER_NOTE_RE = re.compile(
    r"\s*[.。．]?\s*[(（]\s*(?:需要?|要求|须|仅限?)[^()（）]{1,10}[)）]\s*[.。．]?\s*")
# A reference list's annotation after its link: a colon, then Chinese text about the document.
_ANNOTATION_RE = re.compile(rf"\s*[:：]\s*((?=[^\n]*[{_HAN}])\S.*)", re.S)
# What an annotation may say of the document: its site, its date.
_FROM_SITE_RE = re.compile(r"来自\s*([^，,。；;的]{2,30}?(?:网站|官网|博客|社区))\s*的")
_PUBLISHED_RE = re.compile(
    r"(?:发表|发布|更新|首发)(?:时间|日期|于)\s*(?:为|是)?\s*[:：]?\s*"
    r"(\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?)"
)


def _parse_with_link(text: str, link: re.Match[str]) -> _Ref | None:
    before = _LEADIN_RE.sub("", text[:link.start()])
    after = _strip_locator(text[link.end():])
    if _SEE_RE.match(text[:link.start()]):
        before = ""
    label, url = link[1], link[2]
    names = _names(before)
    work = _GUILLEMET_RE.search(label)
    if names is not None and work is not None:
        return _Ref(work[1], site_host(url), names, url=url)
    note = _AFTER_NOTE_RE.fullmatch(after)
    if note is not None:
        after = ""  # "[T](url). (需要授权)": a remark on access, no field
    annotation = _ANNOTATION_RE.fullmatch(after) if not _clean(before) else None
    if annotation is not None:
        # A reference list's annotation: "[T](url)：来自 InfoQ 网站的文章，发布时间 2019-04-25".
        ref = _link_ref(label, url)
        site = _FROM_SITE_RE.match(annotation[1])
        stamp = _PUBLISHED_RE.search(annotation[1])
        return ref._replace(publisher=site[1].strip() if site else ref.publisher,
                            date=ref.date or (_first_date(stamp[1]) if stamp else None))
    if _clean(after):
        return None
    if not _clean(before):
        return _link_ref(label, url)
    if _is_site(_clean(before)) and _names(before) is None and len(_clean(before)) <= 30:
        # "Google 文档 [Title](url)": the site, then the document (unless the link names one).
        named = _link_ref(label, url)
        if named.publisher == site_host(url):
            named = named._replace(publisher=_clean(before))
        return named if named.title else None
    # ``作者．题名．[出处](url)``: the link is the last field.
    if re.search(r"[．。]\s*$", before):
        fields = _parse_stops(before + "．" + label)
        if fields is not None:
            return fields._replace(url=url)
    return None


def _parse_bare_url(text: str) -> _Ref | None:
    spans = url_spans(text)
    if len(spans) != 1:
        return None
    start, end, url = spans[0]
    before = _LEADIN_RE.sub("", text[:start])
    if _clean(before) or _clean(text[end:]):
        return None
    return _Ref("", site_host(url), url=url)


_WIDE_LABEL_RE = re.compile(r"\s*[^：:\n\[\]()]{2,80}：\s*https?://\S+\s*")
# "，2016年12月18日访问。": the accessed date of the legal-citation form, after the URL.
_VISITED_RE = re.compile(
    r"\s*[，,]?\s*(\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}))"
    r"\s*(?:访问|浏览|查阅|检索)\s*[。．.]?\s*"
)
_SITE_NAME_RE = re.compile(r"(?:网站|网|官网|主页|门户)$")


def _parse_with_url(text: str, start: int, end: int, url: str) -> _Ref | None:
    """A reference around a URL written as text, not a link.

    ``标题：URL`` (a reference list's label), ``参见《题名》URL``, and the
    legal-citation form ``作者：《题名》，载网站日期，URL，2016年12月18日访问。``
    (or ``网站名，URL，…访问。`` for a site, ``机构：题名，URL，…`` for a page).
    """
    after = text[end:]
    visited = _VISITED_RE.fullmatch(after)
    if visited is None and _clean(after):
        return None
    accessed = _first_date(visited[1]) if visited else None
    stamp = accessed.value if accessed else None
    before = _LEADIN_RE.sub("", text[:start]).rstrip()
    host = site_host(url)
    if not before or len(before) > 200:
        return None
    if before[-1] in ":：":
        # A title may ask ("Do I Need a Service Mesh?：URL"); a sentence or a clause is no label.
        label = _clean(before)
        if not label or len(label) > 80 or re.search(r"[，,；;。．]", label):
            return None
        return _link_ref(label, url)._replace(accessed=stamp)
    if re.search(r"[。！？!?]", before[:-1]):
        return None
    if re.fullmatch(f"[^，,：:；;。．《》“”\"]{{1,24}}[{_HAN}A-Za-z0-9]", before) and not visited:
        # "MIT 课程 https://…", "Deepin Wiki https://…": a label names the site or describes
        # the document; without a colon it is no title (a reference list's "标题：URL" is).
        return _Ref("", before if _is_site(before) else host, url=url)
    work = re.fullmatch(r"《([^《》]+)》", before)
    if work:
        return _Ref(work[1].strip(), host, url=url, accessed=stamp)
    if before[-1] not in ",，":
        return None
    body = _clean(before)
    ref = _parse_legal(body)
    if ref is not None:
        return ref._replace(publisher=ref.publisher or host, url=url, accessed=stamp)
    if re.search(r"[，,《》“”\"]", body):
        return None
    head, colon, tail = body.partition("：") if "：" in body else body.partition(":")
    if colon and 2 <= len(head) <= 30 and 2 <= len(tail) <= 60:
        return _Ref(tail.strip(), host, _gbt_authors(head), url=url, accessed=stamp)
    if not colon and len(body) <= 30 and (_is_site(body) or _SITE_NAME_RE.search(body)):
        return _Ref("", body, url=url, accessed=stamp)
    return None


# A reference written as labelled fields, as Zhihu's copy notice is:
# "作者：张三 链接：https://… 来源：知乎 著作权归作者所有。…"
_FIELD_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s，,；;。]))(作者|标题|题目|链接|网址|地址|原文|来源|出处|发布时间|发表时间|日期)\s*[:：]\s*")
_COPYRIGHT_RE = re.compile(r"\s*著作权归.*$", re.S)


def _parse_labelled(text: str) -> _Ref | None:
    """``作者：X，链接：URL，来源：Y``: fields each after its label; a link among them."""
    labels = list(_FIELD_LABEL_RE.finditer(text))
    if len(labels) < 2 or _clean(text[:labels[0].start()]):
        return None
    fields: dict[str, str] = {}
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _clean(_COPYRIGHT_RE.sub("", text[label.end():end]))
        if not value or label[1] in fields:
            return None
        fields[label[1]] = value
    url_value = fields.get("链接") or fields.get("网址") or fields.get("地址") or fields.get(
        "原文") or ""
    spans = url_spans(url_value)
    if not spans or _clean(url_value.replace(spans[0][2], "")):
        return None
    url = spans[0][2]
    when = fields.get("发布时间") or fields.get("发表时间") or fields.get("日期") or ""
    stamp = _first_date(when)
    return _Ref(fields.get("标题") or fields.get("题目") or "",
                fields.get("来源") or fields.get("出处") or site_host(url),
                fields.get("作者", ""), stamp, url=url)


def _is_chinese(text: str) -> bool:
    plain = _LINK_RE.sub(lambda m: m[1], text)
    plain = re.sub(r"https?://\S+", " ", plain)
    return bool(re.search(f"[{_HAN}]", plain))


#: References are short: a longer footnote is prose, left to the general shapes.
_LONGEST = 2000


_NUMBER_LABEL_RE = re.compile(r"\s*(?:[\[［]\d{1,4}[\]］]|\d{1,4}[.．、]\s)\s*")


def _read(text: str) -> _Ref | None:
    if len(text) > _LONGEST:
        return None
    # A reference list's number ("[1] ", "［2］", "3. ") is no part of the reference.
    label = _NUMBER_LABEL_RE.match(text)
    if label and label.end() < len(text):
        text = text[label.end():]
    if not _is_chinese(text):
        # GB/T 7714 is written for works in any language: KANAMORI H. Title[J]. Science, 1998.
        if _TYPE_RE.search(text) and not _LINK_RE.search(text):
            return _parse_gbt(text.strip())
        # A full-width colon before a URL is Chinese typing, whatever the title's language:
        # a reference list's "Do I Need a Service Mesh?：https://…".
        label = _WIDE_LABEL_RE.fullmatch(text)
        return _parse_with_url(text, *url_spans(text)[0]) if label else None
    if re.search("[·・•･]", text) and _TYPE_RE.search(text) is None and not re.search(
            r"^[^《》·・•･]{0,12}[·・•･][^《》：:]{0,20}[：:]\s*《", text):
        # The newsroom form is parse.py's; "［美］约翰·罗尔斯：《正义论》…" is a name's dot.
        return None
    labelled = _parse_labelled(text)
    if labelled is not None:
        return labelled
    links = list(_LINK_RE.finditer(text))
    if len(links) == 1:
        return _parse_with_link(text, links[0])
    if links:
        return None
    if _TYPE_RE.search(text):
        return _parse_gbt(text.strip())
    bare = _parse_bare_url(text)
    if bare is not None:
        return bare
    spans = url_spans(text)
    if len(spans) == 1:
        return _parse_with_url(text, *spans[0])
    if spans:
        return None
    body = _strip_locator(_LEADIN_RE.sub("", text))
    return _parse_no_url(body)


def parse_chinese(text: str) -> Citation | None:
    """The citation a Chinese reference spells, or None when it is no shape of this module."""
    written = _mended(text)
    try:
        ref = _read(written)
    except RecursionError:  # pragma: no cover - the patterns do not recurse
        return None
    if ref is None or not (ref.title or ref.url):
        return None
    # Without a date or URL only the forms that are references count (a GB/T
    # code, an author, a publisher…): splitting prose would invent fields.
    if not (ref.date or ref.accessed or ref.url) and not _evidence(written, ref):
        return None
    # A host says nothing of the language ("关于Anthos" at toutiao.io is Chinese).
    named = "" if ref.url and ref.publisher == site_host(ref.url) else ref.publisher
    language = detect_language(" ".join((ref.title, named, ref.author)))
    return Citation(
        raw=text,
        title=ref.title,
        publisher=ref.publisher,
        author=ref.author,
        date=ref.date.value if ref.date else None,
        accessed=ref.accessed,
        url=ref.url,
        language=language,
        structured=True,
        date_precision=ref.date.precision if ref.date else "day",
        type=ref.type,
    )


def is_chinese_reference(text: str) -> bool:
    """Whether ``text`` reads as a Chinese reference, not a note.

    A work with its author or publisher, a GB/T 7714 type code, or a sentence
    that only points to one link or URL (``详见 [官方题解](…)．``,
    ``环论的简要历史可以参看 [这里](…)．``).
    """
    mended = _mended(text)
    ref = _read(mended)
    # A link alone is the classifier's to tell; one mended from broken syntax is not seen as one.
    return ref is not None and (_evidence(mended, ref) or bool(
        ref.url and _BROKEN_LINK_RE.match(text) and _LINK_RE.fullmatch(mended.strip())))


# Two links to one URL side by side: one title typed as two links ("[Service Mesh ](u)[概述](u)").
_TWIN_LINKS_RE = re.compile(
    r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)((?:[ \t]*\[[^\[\]]+\]\(\2\))+)", re.I)
_TWIN_RE = re.compile(r"([ \t]*)\[([^\[\]]+)\]\(")
# A link's URL written again after it, as reference lists do: "[T](u)：u".
_URL_AGAIN_RE = re.compile(r"(\]\((https?://[^\s()]+)\))\s*[:：]\s*\2\s*$", re.I)
# A link whose destination runs on after a space ("[T](https://x/ - x.io)"): CommonMark shows
# it as text; the URL is the destination's first word.
_BROKEN_LINK_RE = re.compile(r"^(\s*\[[^\[\]]+\]\()(https?://[^\s()]+)\s+[^()\n]{1,60}\)\s*$", re.I)


def _mended(text: str) -> str:
    """The footnote with a reference list's typing habits undone, for reading only.

    Its fields are read from this text; the citation's ``raw`` stays the text as written.
    """
    if "](" not in text or len(text) > _LONGEST:
        return text
    text = _TWIN_LINKS_RE.sub(lambda m: "[" + m[1] + "".join(
        space + label for space, label in _TWIN_RE.findall(m[3])) + f"]({m[2]})", text)
    text = _URL_AGAIN_RE.sub(lambda m: m[1], text)
    return _BROKEN_LINK_RE.sub(lambda m: f"{m[1]}{m[2]})", text)


def _annotated(text: str, link: re.Match[str]) -> bool:
    """The footnote is a link (after a lead-in) and a Chinese annotation after a colon."""
    lead = _LEADIN_RE.sub("", text[:link.start()])
    return not _clean(lead) and _ANNOTATION_RE.fullmatch(_strip_locator(text[link.end():])) \
        is not None


def _evidence(text: str, ref: _Ref) -> bool:
    if ref.url:
        link = _LINK_RE.search(text)
        start = link.start() if link else text.find("http")
        lead = text[:start]
        # "详见[这篇报道](…)" mentions a document inside a note: its text names no title.
        label = link[1] if link else ""
        pointer = bool(_LEADIN_RE.match(lead) or _SEE_RE.match(lead)) and not re.match(
            r"\s*(?:这|此|该)", label)
        if link and (_annotated(text, link) or (_clean(lead) and ref.publisher == _clean(lead))):
            # A reference list's item (the link, then what it is), or a site named before it.
            return True
        if not link and (ref.accessed or (ref.title and re.search(r"[：:]\s*$", lead))
                         or _parse_labelled(text) is not None):
            return True  # "标题：URL", "网站名，URL，2016年12月18日访问。", "作者：X，链接：URL"
        return pointer or bool(ref.title and (ref.author or _TYPE_RE.search(text)))
    if _TRANSLATED_RE.match(text) or re.search(r"ISBN", text):
        return bool(ref.title)
    # "《信息学奥林匹克辞典》2.4.7.11 章": a work and a place in it.
    located = text.lstrip().startswith("《") and _strip_locator(text) != text
    return bool(ref.title and (ref.author or ref.publisher or located or _TYPE_RE.search(text)))


def drop_repeated_site(title: str, publisher: str) -> str:
    """``…意味着什么？ - 新浪财经`` loses its `` - 新浪财经`` when that is the publisher."""
    if publisher:
        cuts = list(re.finditer(r"\s[-–—|]\s|_", title))
        if cuts and cuts[-1].start() > 0 and \
                _squeeze(title[cuts[-1].end():]) == _squeeze(publisher):
            return title[:cuts[-1].start()].rstrip()
    return title


# A work in 《》 that its sentence calls a written one: "论文《X》", "他著作的《X》",
# "《X》是 … 的著作", "《X》一书". A title alone ("我在《算法导论》里读到") is a mention.
_NAMED_WORK_RE = re.compile(
    r"(?:论文|著作|专著|文章|书籍|教材|译著)的?\s*《([^《》]{1,80})》"
    r"|《([^《》]{1,80})》\s*(?:一书|一文|这本书|这篇论文"
    r"|是[^。．！？!?《》]{0,60}?的(?:著作|专著|论文|教材|文章|书))"
)


def named_works(text: str) -> list[str]:
    """The titles of the written works a Chinese sentence names in 《》 as such, in order.

    A note that names one cites it as a document (the README's note-with-links),
    as a note that links to one does.
    """
    if len(text) > _LONGEST:
        return []
    titles = []
    for match in _NAMED_WORK_RE.finditer(text):
        title = (match[1] or match[2]).strip()
        if title and title not in titles:
            titles.append(title)
    return titles
