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
- a lead-in (参见, 详见, 来源：, 引用自…) and a locator (第 4 页, 3.2 节) around any of these.

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

__all__ = ["drop_repeated_site", "is_chinese_reference", "parse_chinese"]

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
_TYPE_RE = re.compile(
    r"(?<!\s)\s*[\[［]\s*((?:M|C|N|J|D|R|S|P|G|Z|A|K|CM|DB|CP|DS|EB)(?:\s*/\s*OL)?)\s*[\]］]"
    r"(?=\s*(?:[.．。,，:：]|//|$))"
)
_LINK_RE = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)", re.I)
_LEADIN_RE = re.compile(
    r"^\s*(?:引用自|引自|转引自|摘自|出自|参见|详见|参考|参看|来源|出处|证明来源于|证明见|见)"
    r"\s*[:：]?\s*"
)
# A sentence that only points to a document: "…可以参看 [这里](…)．", "详见 [X](…) 中 3.2 节．"
_SEE_RE = re.compile(
    r"^[^，,；;。．!！?？\n]{0,40}?(?:参见|详见|参考|参看|可以看|见|来源于|来自)\s*[:：]?\s*$"
)
_LOCATOR_RE = re.compile(
    r"(?<!\s)\s*(?:[，,]?\s*(?:中的?|的)?\s*(?:第\s*\d[\d.．\-–—~ ]*[页节章卷部分]+|例题\s*[\d.]+"
    r"|[\d.]+\s*[节章].*|参考文献|附录.*|P\s*\d+(?:\s*[-–]\s*\d+)?|pp?\.\s*\d+(?:\s*[-–]\s*\d+)?"
    r"|0x[0-9A-Fa-f]+\..*一节))\s*[．。.]?\s*$"
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
    match = _ONLY_DATE_RE.match(text)
    if match is None:
        return None
    if match[1]:
        return _make_date(match[1], match[2], match[3])
    if match[4]:
        return _make_date(match[4], match[5])
    return _make_date(match[6])


def _first_date(text: str) -> _Date | None:
    """The first date in ``text``, as precise as it is written."""
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


def _place_publisher(rest: str) -> tuple[str, _Date | None]:
    """``出版地：出版社，2008`` or ``刊名, 2019, 40(3): 12-20``: the publisher and the date."""
    date = None
    text = _clean(rest)
    colon = re.search(r"[:：]", text)
    pieces = re.split(r"(?<!\s)\s*[,，]\s*", text)
    if colon and not re.search(r"[,，\d]", text[:colon.start()]):
        after = text[colon.end():]
        pieces = re.split(r"(?<!\s)\s*[,，]\s*", after)
    publisher = _clean(pieces[0])  # re.split gives at least one piece
    for piece in pieces[1:]:
        date = _first_date(piece)
        if date is not None:
            break
    if publisher and _only_date(publisher) is not None:
        date, publisher = _only_date(publisher), ""
    publisher = re.sub(r"(?<!\s)\s*[(（]\s*\d+\s*[)）]\s*$", "", publisher)
    return publisher, date


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
    publisher, more = _place_publisher(re.split(r"[．。]|\.\s", rest)[0] if rest else "")
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
    r"([^《》：:]{2,40}?)[：:]\s*《([^《》]+)》\s*[，,]\s*([^《》]*(?:《[^《》]+》[^《》]*)?)"
)
_IN_CONTAINER_RE = re.compile(r"载\s*《([^《》]+)》\s*(.*)")
_EDITION_RE = re.compile(
    r"(.+?)\s*((?:1[5-9]|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?\s*(?:第\s*\d+\s*次印刷\s*)?版"
)


def _parse_legal(text: str) -> _Ref | None:
    """The legal-citation form: ``作者：《书名》，出版社2009年版，第25页。``,
    ``作者：《题名》，载《刊名》2019年第1期，第5页。``."""
    found = _LEGAL_RE.fullmatch(_clean(_strip_locator(text)))
    if found is None:
        return None
    author = _gbt_authors(re.sub(r"\s*(?:主编|编著|著)$", "", found[1]))
    rest = _clean(_strip_locator(found[3]))
    inside = _IN_CONTAINER_RE.fullmatch(rest)
    if inside:
        return _Ref(found[2].strip(), inside[1].strip(), author, _first_date(inside[2]))
    edition = _EDITION_RE.match(rest)
    if edition:
        return _Ref(found[2].strip(), _clean(edition[1]), author, _make_date(edition[2]))
    pieces = [p for p in re.split(r"\s*[，,]\s*", rest) if p]
    if len(pieces) == 2 and _only_date(pieces[1]) is not None:
        return _Ref(found[2].strip(), pieces[0], author, _only_date(pieces[1]))
    return None


def _parse_commas(text: str) -> _Ref | None:
    """``书名，作者 编著，出版社，页码``: a role marks the authors, 出版社 the publisher."""
    pieces = [_clean(p) for p in re.split(r"(?<!\s)\s*[，,]\s*", _strip_locator(text))]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return None
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
    return squeezed in _SITES or squeezed.endswith(("百科", "的博客", "博客", "文档", "docs",
                                                    "wiki", "社区", "官网"))


def _split_link_text(text: str) -> tuple[str, str, str]:
    """A link text's title, site and author: ``Title - Site``, ``Site - Title``…"""
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+|(?<=\S)—(?=\S)", text)]
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
    underscore = re.fullmatch(r"(.+)_([^_]+)", text)
    if underscore and _is_site(underscore[2]):
        return underscore[1], underscore[2], ""
    cut = max(text.rfind(","), text.rfind("，"))
    # Nothing before the comma (",知乎") names the site alone, as "知乎" does.
    if cut >= 0 and _is_site(text[cut + 1:]) and _squeeze(text) not in _SITES:
        return text[:cut].strip(), text[cut + 1:].strip(), ""
    return text, "", ""


_COLLECTION_AUTHOR_TITLE_RE = re.compile(r"(.*(?:论文|论文集|集训队|冬令营)\S*)\s+(\S{2,4})\s+(.+)")


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
    if _DESCRIBES_RE.search(label.strip()) and not _GUILLEMET_RE.search(label):
        # "这篇文章 - 张三的博客": the text describes the document and may name its site.
        named = _split_link_text(label)[1]
        site = named if _is_site(named) else host
        year = re.match(r"((?:1[5-9]|20)\d\d)\s*年", label)
        return _Ref("", site, "", _make_date(year[1]) if year else None, url=url)
    title, site, author = _split_link_text(label)
    return _Ref(title, site or host, author, url=url)


def _parse_no_url(text: str) -> _Ref | None:
    for shape in (_parse_gbt, _parse_legal, _parse_guillemets, _parse_stops, _parse_commas):
        ref = shape(text)
        if ref is not None and ref.title:
            return ref
    return None


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
    if _clean(after):
        return None
    if not _clean(before):
        return _link_ref(label, url)
    # ``作者．题名．[出处](url)``: the link is the last field.
    if re.search(r"[．。]\s*$", before):
        ref = _parse_stops(before + "．" + label)
        if ref is not None:
            return ref._replace(url=url)
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
        return _parse_gbt(text.strip()) if _TYPE_RE.search(text) and not _LINK_RE.search(
            text) else None
    if re.search("[·・•･]", text) and _TYPE_RE.search(text) is None:
        return None
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
    if url_spans(text):
        return None
    body = _strip_locator(_LEADIN_RE.sub("", text))
    return _parse_no_url(body)


def parse_chinese(text: str) -> Citation | None:
    """The citation a Chinese reference spells, or None when it is no shape of this module."""
    try:
        ref = _read(text)
    except RecursionError:  # pragma: no cover - the patterns do not recurse
        return None
    if ref is None or not (ref.title or ref.url):
        return None
    # Without a date or URL only the forms that are references count (a GB/T
    # code, an author, a publisher…): splitting prose would invent fields.
    if not (ref.date or ref.accessed or ref.url) and not _evidence(text, ref):
        return None
    language = detect_language(" ".join((ref.title, ref.publisher, ref.author))) \
        if ref.title else "und"
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
    ref = _read(text)
    return ref is not None and _evidence(text, ref)


def _evidence(text: str, ref: _Ref) -> bool:
    if ref.url:
        link = _LINK_RE.search(text)
        start = link.start() if link else text.find("http")
        lead = text[:start]
        # "详见[这篇报道](…)" mentions a document inside a note: its text names no title.
        label = link[1] if link else ""
        pointer = bool(_LEADIN_RE.match(lead) or _SEE_RE.match(lead)) and not re.match(
            r"\s*(?:这|此|该)", label)
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
