"""English and URL forms of a footnote: links, bare URLs, academic references.

``parse_citation`` (``parse.py``) asks :func:`parse_english` first; it returns
``None`` for a footnote it does not recognise, which the general shapes of
``parse.py`` then read. :func:`refine` then corrects what every shape leaves
behind for a link: the site name in the link text, a lead-in taken for a
publisher, the site credited when the footnote names none.

Recognised here (see ``docs/how-citations-are-read.md``):

- a link alone, with an optional lead-in (``See``, ``参见``…) and locator:
  ``[Bucket sort - Wikipedia](https://…)``: title ``Bucket sort``, publisher
  ``Wikipedia``; a link whose text is its URL, or says nothing ("here"),
  has no title; without a site name the URL's host is the publisher;
- a bare or ``<angle>`` URL, with an optional label (``来源：Deepin Wiki https://…``);
- academic references without a URL, or with one link: Chicago and
  Wikipedia's citation templates (``Author. "Title." Journal 12, no. 3
  (1991): 490-515.``), APA (``Author, A. (2020). Title. Journal, 14(1).``),
  IEEE (``A. Author and B. Author, "Title," Venue, 2020.``), author-first
  period forms (``A. Author. Title. In Venue, pages 1–2. IEEE, 2009.``) and
  English GB/T 7714 (``Author A B. Title[J]. Journal, 1997, 97(3): 1-2.``).
  A year alone is a date of ``date_precision`` ``"year"``.

An archived copy (``web.archive.org/web/<time>/<original>``) is credited to
the original site; its URL stays the archive's. Pure: standard library only.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import datetime
import re
from collections.abc import Callable
from typing import NamedTuple

from .model import Citation
from .urls import readable_url

__all__ = [
    "CHINESE_LEAD_IN_RE", "LANGUAGE_NOTE_RE", "EnglishFields", "archived_original",
    "looks_like_prose", "parse_english", "parse_pointer", "refine", "site_host", "split_site",
    "to_citation",
]


class EnglishFields(NamedTuple):
    title: str
    publisher: str = ""
    author: str = ""
    date: datetime.date | None = None
    precision: str = "day"
    url: str = ""
    accessed: datetime.date | None = None


# -- links and URLs ------------------------------------------------------------------

_YEAR = r"(?:1[5-9]\d\d|20\d\d)"

_URL = r"https?://[^\s<>\"()\[\]]*(?:\([^\s()]*\)[^\s<>\"()\[\]]*)*"
_LINK = rf"\[(?P<text>[^\[\]]+)\]\((?P<url>{_URL})\)"
#: Words that only lead into a citation; they are not a publisher.
_LEAD_IN = (r"(?:(?:see(?:\s+also|\s+related)?|cf\.?|via|source|from|quote\s+from"
            r"|adapted\s+from|(?:noted|found|described|discussed|documented)(?:\s+(?:in|at|on))?"
            r"|参见|详见|参考|请参考|请参阅|参阅|来源|来自|引用自|引自|出自|比如|例如)"
            r"\s*[:：]?\s*)")
#: A short Chinese lead-in before a citation ("参见", "选项卡：参见", "更多结果可以参考").
CHINESE_LEAD_IN_RE = re.compile(
    r"^\s*[\u4e00-\u9fff：:，,]{0,10}?(?:参见|详见|参考|参阅|请见|见|比如|例如|来源|来自|出自|引自|托管于|托管在)"
    r"\s*[:：，,]?\s*(?=\S)")
_LONE_LINK_RE = re.compile(
    rf"\s*(?:{_LEAD_IN}|{CHINESE_LEAD_IN_RE.pattern[1:]})?{_LINK}\s*[.．。,;:：]?\s*",
    re.IGNORECASE)
_BARE_URL_RE = re.compile(
    rf"\s*(?:(?P<label>[^\s:：<>][^:：<>]{{0,40}}?)\s*[:：]\s*)?(?P<name>[^:：<>\s][^:：<>]{{0,40}}?\s+)?"
    rf"<?(?P<url>{_URL})>?\s*[.．。]?\s*",
    re.IGNORECASE,
)
#: Link text that names no document.
_GENERIC = frozenset([
    "here", "this", "link", "this link", "this page", "this post", "this article", "source",
    "original", "more", "read more", "details", "这里", "此处", "链接", "原文", "这篇", "此文",
])
#: Site names that share no letters with their host (MDN is developer.mozilla.org).
_KNOWN_SITES = frozenset([
    "wikipedia", "stack overflow", "mdn", "mdn web docs", "github", "youtube", "medium",
    "reddit", "hacker news", "知乎", "百度百科", "维基百科", "博客园", "csdn", "简书", "掘金",
])
_SITE_SEPARATOR_RE = re.compile(r"\s+[-–—|·]\s+|\s*(?:\||——|_)\s*|\s+[-–—](?=\S)|(?<=\S)[-–—]\s+")
_SITE_IN_BRACKETS_RE = re.compile(r"\s*[(（]([^()（）]+)[)）]\s*$")
LANGUAGE_NOTE_RE = re.compile(r"^\s*[(（](?:英文|中文|English|英语|日文)[)）]\s*")
_ARCHIVE_RE = re.compile(
    r"https?://(?:web\.)?archive\.org/web/[0-9a-z_*]+/(?P<original>.+)"
    r"|https?://arquivo\.pt/wayback/[0-9]+/(?P<pt>.+)",
    re.IGNORECASE,
)


def archived_original(url: str) -> str:
    """The page an archived copy copies (``web.archive.org/web/<time>/<url>``), else ``""``."""
    match = _ARCHIVE_RE.match(url)
    if match is None:
        return ""
    original = match["original"] or match["pt"] or ""
    if not re.match(r"https?://", original, re.IGNORECASE):
        original = "http://" + original
    return original


def site_host(url: str) -> str:
    """The site a URL credits: its host without ``www.``, an archive's original host."""
    url = archived_original(url) or url
    match = re.match(r"https?://(?:[^@/?#]*@)?([^/?#:]*)", url, re.IGNORECASE)
    host = match[1] if match else ""
    return host[4:] if host.lower().startswith("www.") else host


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _names_site(name: str, url: str) -> bool:
    """``name`` is the site of ``url``: a known site, or its letters are the host's."""
    folded = " ".join(name.casefold().split())
    if folded in _KNOWN_SITES or folded.removesuffix(" docs") in _KNOWN_SITES:
        return True
    squashed = _letters(name)
    if len(squashed) < 3 or len(name.split()) > 5:
        return False
    host = site_host(url).casefold()
    labels = [label for label in re.split(r"[.\-]", host)
              if len(label) >= 3 and label not in ("www", "com", "org", "net", "edu", "gov")]
    if host.endswith((".github.io", ".gitlab.io")):
        path = re.sub(r"^https?://[^/]*/?", "", url).split("/", 1)[0]
        labels += [p for p in re.split(r"[-_.]", path.casefold()) if len(p) >= 3]
    return squashed in _letters(host) or any(label in squashed for label in labels)


_DOMAIN_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,6}", re.IGNORECASE)


def split_site(text: str, url: str) -> tuple[str, str]:
    """A link text split into title and site: ``Bucket sort - Wikipedia`` is both.

    The site is split off only when it names the site (see :func:`_names_site`),
    so ``PANIC - Editorial`` stays one title.
    """
    text = LANGUAGE_NOTE_RE.sub("", text).strip()
    bracket = _SITE_IN_BRACKETS_RE.search(text)
    if bracket and bracket.start() > 0 and _names_site(bracket[1], url):
        return text[:bracket.start()].strip(), bracket[1].strip()
    separators = list(_SITE_SEPARATOR_RE.finditer(text))
    if separators:
        last, first = separators[-1], separators[0]
        site = text[last.end():].strip()
        if last.start() > 0 and site and _names_site(site, url):
            return text[:last.start()].strip(), site
        if last.start() > 0 and _DOMAIN_RE.fullmatch(site):
            # "Title - kubernetes.io": a site named by its domain, wherever the copy lives.
            return text[:last.start()].strip(), site
        site = text[:first.start()].strip()
        # "MDN | Title", and "MDN |" alone: a known site before a separator.
        if site and _names_site(site, url) and site.casefold() in _KNOWN_SITES:
            return text[first.end():].strip(), site
    prefix = re.match(r"(?P<site>[^:：]{3,60}?)\s*[:：]\s+(?=\S)", text)
    if prefix and _is_organisation(prefix["site"]) and _names_site(prefix["site"], url) \
            and len(prefix["site"].split()) >= 2:
        # "Google Cloud Platform Blog: Bringing the best of serverless to you".
        return text[prefix.end():].strip(), prefix["site"].strip()
    title, comma, site = text.rpartition(", ")
    if comma and title and _names_site(site, url) and not _PERSONS_RE.search(site):
        # "7. Control flow, Mixu's Node book" (book.mixu.net): the site after a comma.
        return title.strip(), site.strip()
    return text, ""


def _link_title(text: str, url: str) -> tuple[str, str]:
    """(title, site) of a link's text; no title when the text is the URL or says nothing."""
    if text.strip().casefold() in _GENERIC or readable_url(text.strip()) == readable_url(url):
        return "", ""
    if re.fullmatch(r"\s*https?://\S+\s*", text):
        return "", ""
    title, site = split_site(text, url)
    if title and _letters(title) == _letters(site_host(url)):
        return "", title  # the link text is the site's name
    if title and not site and _names_site_alone(title, url):
        return "", title  # "[Wikipedia](…)", "[Forge](https://forge.rust-lang.org/…)"
    return title, site


def _names_site_alone(text: str, url: str) -> bool:
    """A link text that is only the site's name: a known site, or a label of its host."""
    folded = " ".join(text.casefold().split())
    if folded in _KNOWN_SITES:
        return True
    host = site_host(url).casefold()
    labels = [label for label in host.split(".")[:-1] if len(label) >= 3]
    # "[Forge](https://forge.rust-lang.org/triagebot/…)": the site of a page. On the home
    # page ("[TortoiseGit](https://tortoisegit.org/)") the name titles the page.
    page = re.sub(r"^https?://[^/?#]*/?", "", url).strip("/")
    return text[:1].isupper() and bool(page) and _letters(text) in labels


_AUTHOR_BEFORE_LINK_RE = re.compile(
    rf"\s*(?P<author>[^\[\]]{{3,120}}?)[.,:]\s*{_LINK}\s*[.,]?\s*"
    r"(?P<locator>(?:Proposition|Theorem|Lemma|Section|Chapter|Ch\.|p\.|pp\.|page)\s[\w.\s-]*)?")
_AUTHOR_YEAR_AFTER_LINK_RE = re.compile(
    rf"\s*{_LINK}\s*,\s*(?P<author>[^()\[\]]{{3,80}}?)\s*\((?P<year>{_YEAR})\)\s*[.]?\s*")
#: ``[Tough Cookies](url), Scott Helme`` and ``[HTTP cookies](url), by MDN``: who wrote or
#: published the linked page, after it (a reference list's habit).
_CREDIT_AFTER_LINK_RE = re.compile(
    rf"\s*{_LINK}\s*,\s*(?P<by>by\s+)?(?P<credit>[^()\[\],.:;]{{2,60}}?)\s*[.]?\s*")


def _lone_link(text: str) -> EnglishFields | None:
    match = _LONE_LINK_RE.fullmatch(text)
    if match is None:
        return _link_with_author(text)
    inside = _academic(match["text"]) if len(match["text"]) > 40 else None
    if inside is not None and inside.author:
        # A whole reference as the link's text: its fields, the link's URL (and its
        # site, where the reference names no venue).
        return inside._replace(url=match["url"],
                               publisher=inside.publisher or site_host(match["url"]))
    inside = _fields_in_link_text(match["text"])
    if inside is not None:
        return inside._replace(publisher=inside.publisher or site_host(match["url"]),
                               url=match["url"])
    title, site = _link_title(match["text"], match["url"])
    made = _MADE_BY_RE.fullmatch(title)
    if made and _is_authors(made["names"]):
        # "[talk by Antonio Piraino and Oli Scherer](…)": a description, and its authors.
        return EnglishFields("", site or site_host(match["url"]), made["names"].strip(),
                             url=match["url"])
    whose = _WHOSE_RE.fullmatch(title)
    if whose:
        # "[Hannes Mühleisen's keynote at posit::conf(2024)](…)": whose, and a description.
        return EnglishFields("", site or site_host(match["url"]), whose["name"], url=match["url"])
    return EnglishFields(title, site or site_host(match["url"]), url=match["url"])


def _fields_in_link_text(text: str) -> EnglishFields | None:
    """A link text that is a short reference.

    ``Anna Gambin and Adam Malinowski, Randomized Meldable Priority Queues``
    (names, then the title) and ``Run Bash on Ubuntu on Windows, Mike Harsh,
    2016-05-30, Windows Blog`` (title, names, date, site).
    """
    from .parse import dates_in  # parse.py imports this module: import it when called

    parts = [p.strip() for p in text.split(", ")]
    if len(parts) == 2 and " and " in parts[0] and _is_authors(parts[0]) \
            and re.search(r"[a-z]", parts[1]):
        return EnglishFields(parts[1], "", parts[0])
    if 3 <= len(parts) <= 4:
        found = [i for i, p in enumerate(parts)
                 if dates_in(p) and dates_in(p)[0][:2] == (0, len(p))]
        if len(found) == 1 and found[0] == 2 and _is_authors(parts[1]):
            date = dates_in(parts[2])[0][2]
            return EnglishFields(parts[0], parts[3] if len(parts) == 4 else "", parts[1], date,
                                 "day")
    return None


def _link_with_author(text: str) -> EnglishFields | None:
    """``Kobi Kremnizer.[Title](url). Proposition 4.3.``, ``[Title](url), Chris Okasaki (1999)``."""
    before = _AUTHOR_BEFORE_LINK_RE.fullmatch(text)
    after = _AUTHOR_YEAR_AFTER_LINK_RE.fullmatch(text)
    match = before or after
    if match is None:
        return _link_with_credit(text)
    if before and _is_organisation(match["author"].strip()):
        # "Mozilla Developer Network, [window.setTimeout](…)": the site, not an author.
        title, site = _link_title(match["text"], match["url"])
        return EnglishFields(title, match["author"].strip(), url=match["url"]) if title else None
    if not _is_authors(match["author"]):
        return None
    title, site = _link_title(match["text"], match["url"])
    if not title:
        return None
    date = datetime.date(int(match["year"]), 1, 1) if after else None
    return EnglishFields(title, site or site_host(match["url"]), match["author"].strip(), date,
                         "year" if date else "day", match["url"])


_ANNOTATED_LINK_RE = re.compile(
    rf"\s*(?:(?P<label>[^\s\[\]():：][^\[\]():：]{{1,79}}?)\s*[:：]\s*)?{_LINK}"
    rf"(?:\s*[:：]\s*(?P<note>[^\[\]]*?))?\s*[.．。]?\s*")
#: What an annotation says of the date it gives ("发表时间 2019-04-10", "published 2020-01-02").
_ANNOTATION_DATE_RE = re.compile(
    r"(?:发表|发布|发表于|发布于|published|posted)\s*(?:时间|日期|on)?\s*[:：]?\s*", re.IGNORECASE)


def _annotated_link(text: str) -> EnglishFields | None:
    """A reference list's link with a label before it or a note after it.

    ``knative 官方文档：[GitHub - knative/docs: …](url)`` and ``[Title](url)：QoS 设计文档``
    (or ``[Title](url): 官方宣传片，发表时间 2019-04-10``): the label and the note describe
    the document; its fields are the link's, and a date the note says the
    document was published on.
    """
    from .parse import dates_in  # parse.py imports this module: import it when called

    if text.count("](") != 1:
        return None  # no link, or more than one: nothing for this shape
    match = _ANNOTATED_LINK_RE.fullmatch(text)
    if match is None or not (match["label"] or match["note"]):
        return None
    note = match["note"] or ""
    if re.search(r"https?://", note) and readable_url(note.strip(" .．。")) != readable_url(
            match["url"]):
        return None  # another document
    title, site = _link_title(match["text"], match["url"])
    date, precision = None, "day"
    said = _ANNOTATION_DATE_RE.search(note)
    found = dates_in(note[said.end():]) if said else []
    if found and found[0][0] == 0:
        date = found[0][2]
    return EnglishFields(title, site or site_host(match["url"]), date=date, precision=precision,
                         url=match["url"])


def _link_with_credit(text: str) -> EnglishFields | None:
    """``[Title](url), Scott Helme``: the author after the link; ``, by MDN``: the site.

    A credit that names the link's site (see :func:`_names_site`) is its
    publisher; names of people (see :func:`_is_authors`) are its authors.
    Anything else after the link is left to the general shapes.
    """
    match = _CREDIT_AFTER_LINK_RE.fullmatch(text)
    if match is None:
        return None
    title, site = _link_title(match["text"], match["url"])
    credit = match["credit"].strip()
    # After "by", an organisation's name may be long ("by The National Institute of
    # Standards and Technology"); without it, more than six words are a sentence's.
    long_name = match["by"] and credit[:1].isupper() and len(credit.split()) <= 10 \
        and _ORGANISATION_WORD_RE.search(credit)
    if _is_organisation(credit) or long_name \
            or (_names_site(credit, match["url"]) and not _is_authors(credit)):
        return EnglishFields(title, credit, url=match["url"])
    if title and _is_authors(credit):
        return EnglishFields(title, site or site_host(match["url"]), credit, url=match["url"])
    return None


#: Words that name an organisation, not a person ("Mozilla Developer Network").
_ORGANISATION_WORD_RE = re.compile(
    r"\b(?:Network|Foundation|Inc|Ltd|LLC|Corporation|Corp|Company|Co|Project|Team|Group"
    r"|Institute|University|Association|Society|Council|Committee|Consortium|Organi[sz]ation"
    r"|Agency|Office|Department|Ministry|Maintainers|Contributors|Docs|Documentation|Blog"
    r"|Wiki|Press|Labs?|Research|Developers?|Archives?)\b\.?")


def _is_organisation(name: str) -> bool:
    """A known site, an acronym (``MDN``, ``IMOS``) or a name with an organisation's word."""
    folded = " ".join(name.casefold().split())
    return (folded in _KNOWN_SITES or re.fullmatch(r"[A-Z]{2,6}", name) is not None
            or (_ORGANISATION_WORD_RE.search(name) is not None and name[:1].isupper()
                and len(name.split()) <= 6 and not _YEAR_IN_BRACKETS_RE.search(name)))


def _bare_url(text: str) -> EnglishFields | None:
    from .parse import url_spans  # parse.py imports this module: import it when called

    match = _BARE_URL_RE.fullmatch(text)
    if match is None:
        return None
    found = url_spans(text)
    if len(found) != 1:
        return None
    url = found[0][2]
    name = (match["name"] or "").strip()
    label = (match["label"] or "").strip()
    if label and not name and re.fullmatch(r"[A-Z][\w.&' -]{1,40}", label):
        name, label = label, ""
    if name and not label:
        return None  # "Yup. https://…": a word before a URL is no site without a label
    if name and (not re.fullmatch(r"[A-Z][\w.&' -]{1,40}", name) or len(name.split()) > 4):
        return None
    if label and not re.fullmatch(_LEAD_IN, label + "：", re.IGNORECASE):
        return None
    return EnglishFields("", name or site_host(url), url=url)


# -- academic references -------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
#: The lowercase particles of family names ("van Wart", "de la Cruz").
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la|dos|del)"
# Alternatives never match the same text (no backtracking blow-up on "A. A. A. … x").
_NAME_WORD = (rf"(?:(?:[{_UPPER}]\.){{1,2}}[{_UPPER}]\.?(?![\w'’])"  # "J.S."
              rf"|[{_UPPER}][\w'’]*(?:-[\w'’]*)*\.?(?:-[{_UPPER}]\.)*"
              rf"|{_PARTICLE}|Jr\.?|Sr\.?)")
# The last alternative is APA's elided names: "Guy, R. T., ... & Waugh, B.".
_NAME_JOIN = (r"(?:\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s+"
              r"|\s*(?:,\s*)?(?:\.\.\.|…)\s*(?:,\s*)?(?:and\s+|&\s*)?)")
_NAME_LIST_RE = re.compile(rf"{_NAME_WORD}(?:{_NAME_JOIN}{_NAME_WORD})*(?:,?\s*et\s+al\.?)?")
# "(2020)", and APA's "(2020, June 30)" or "(2020, June)": the rest is in group 2.
_YEAR_IN_BRACKETS_RE = re.compile(
    rf"\(\s*({_YEAR})[a-z]?(?:,\s*([A-Za-z]+\.?(?:\s+\d{{1,2}})?))?\s*\)")
_YEAR_RE = re.compile(rf"(?<![\d.:/\-–])({_YEAR})(?![\d\-–]|\.\d)")
_QUOTE_RE = re.compile(r'["“]\s*(?P<title>[^"“”]+?)\s*[,.]?\s*["”]')
#: What tells names of people from "Annual Report": an initial, a list, "et al".
_PERSONS_RE = re.compile(rf"(?:^|\s)[{_UPPER}]{{1,2}}\.?(?:\s|$|,)|,|\band\b|&|\bet al")
#: GB/T 7714's names, family name then initials: "Cherkassky B V, Goldberg A V, et al".
_GBT_NAME = rf"[{_UPPER}][\w'’-]+(?: [{_UPPER}]{{1,2}}){{1,3}}"
_GBT_AUTHORS_RE = re.compile(rf"{_GBT_NAME}(?:, {_GBT_NAME})*(?:, et al)?")
_GBT_CODE_RE = re.compile(r"\[(?:[A-Z]{1,2}(?:/OL)?)\](?://)?")
#: A word of at most five letters with a capital first, as abbreviations are (``Phys``
#: of ``Phys. Rev.`` or of ``J.Chem.``, written without the space).
_ABBREVIATION_RE = re.compile(rf"(?:^|[\s.])[{_UPPER}][a-z]{{0,4}}$")
_HAN_LEAD_RE = re.compile(r"^[^A-Za-z\"“\[]*[\u4e00-\u9fff][^A-Za-z\"“\[]*")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_YEAR_RE = re.compile(
    rf"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+({_YEAR})\b", re.I)


def _is_authors(text: str) -> bool:
    """Names, as references write them: two words at least, no sentence."""
    text = text.strip(" ,")
    return bool(text) and _NAME_LIST_RE.fullmatch(text) is not None and (
        len(text.split()) >= 2 or "," in text)


def _venue_text(venue: str) -> str:
    """A venue without the punctuation around it; an abbreviated name keeps its last
    full stop (``Ann. Math.``, ``Sci. Rep.``), as it is written."""
    venue = " ".join(venue.split()).strip(" ,")  # a tab or no-break space as a space
    stripped = venue.rstrip(" .")
    if venue.endswith(".") and _ABBREVIATION_RE.search(stripped) \
            and re.search(rf"[{_UPPER}][a-z]{{0,4}}\.(?:\s|(?=[{_UPPER}]))", stripped):
        return stripped + "."
    return stripped.strip(" ,.")


def _venue(rest: str) -> str:
    """The journal, proceedings or book at the start of ``rest``, up to its locators."""
    rest = re.sub(r"^\s*(?:In:?\s+|in\s+)", "", rest.lstrip(" .,"))
    depth = 0
    for at, char in enumerate(rest):
        if char in "([":
            if depth == 0 and re.match(rf"[(\[]\s*(?:{_YEAR}|\d+\)|\d+\s*[-–])", rest[at:]) \
                    and at > 0:
                return _venue_text(rest[:at])
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif char in ",;":
            return _venue_text(rest[:at])
        elif char == ":" and re.match(r":\s*\d", rest[at:]):
            return _venue_text(rest[:at])
        elif char.isspace() and re.match(r"\s+(?:\d+(?![\da-z])|vol\b|no\.|pp\b)", rest[at:], re.I):
            return _venue_text(rest[:at])
        elif char == "." and (at + 1 == len(rest) or rest[at + 1].isspace()
                              or rest[at + 1].isupper()):
            after = rest[at + 1:].lstrip()
            if not (_ABBREVIATION_RE.search(rest[:at])
                    and (after[:1].isupper() or re.match(r"\d+(?:st|nd|rd|th)\b", after))):
                # The full stop goes with the venue: an abbreviated name keeps it.
                return _venue_text(rest[:at + 1])
    return _venue_text(rest)


def _book_publisher(rest: str) -> str:
    """``New York, NY: Springer New York, 2005``: the publisher after the place."""
    match = re.match(rf"[\s.,]*[{_UPPER}][\w .,]*?:\s*([^\W\d_][^,:.]*?)\s*"
                     rf"(?:,\s*{_YEAR}|[.]?\s*$)", rest)
    return match[1].strip() if match else ""


def _year(text: str) -> tuple[datetime.date | None, str]:
    """The publication date of a reference: a full date, ``Month YYYY`` or a year."""
    from .parse import dates_in  # parse.py imports this module: import it when called

    found = dates_in(text)
    if found:
        return found[0][2], "day"
    month = _MONTH_YEAR_RE.search(text)
    if month:
        return datetime.date(int(month[2]), _MONTHS.index(month[1].lower()[:3]) + 1, 1), "month"
    bracketed = _YEAR_IN_BRACKETS_RE.search(text)
    match = bracketed or _YEAR_RE.search(text)
    if match is None:
        return None, "day"
    return datetime.date(int(match[1]), 1, 1), "year"


def _title_and_link(title: str) -> tuple[str, str]:
    link = re.fullmatch(rf"\s*{_LINK}\s*", title)
    if link:
        return link["text"].strip(), link["url"]
    return title.strip(), ""


def _trailing_link(text: str) -> tuple[str, str]:
    """A reference followed by one link (``… 245-281.[PDF](https://…)``): text and URL."""
    match = re.search(rf"\s*(?:doi:?\s*)?{_LINK}\s*[.．]?\s*$", text)
    if match and match.start() > 0 and "](" not in text[:match.start()]:
        return text[:match.start()], match["url"]
    match = re.search(rf"\s*(?:Available\s+(?:at|from):?\s*)?<?(?P<url>{_URL})>?\s*[.．]?\s*$",
                      text, re.IGNORECASE)
    if match and match.start() > 0 and "http" not in text[:match.start()]:
        return text[:match.start()], match["url"].rstrip(".,;:")
    return text, ""


#: Chicago author-date: the year after the names, between full stops ("Wickham, Hadley. 2016.").
_AUTHOR_DATE_YEAR_RE = re.compile(rf"(?<=[.,])\s*({_YEAR})[a-z]?\s*[.,]?\s*$")


def _quoted_reference(text: str) -> EnglishFields | None:
    """Chicago, MLA, IEEE, Wikipedia: ``Authors (Year). "Title." Venue …``."""
    quote = _QUOTE_RE.search(text)
    if quote is None:
        return None
    head = text[:quote.start()].strip()
    year_in_head = _YEAR_IN_BRACKETS_RE.search(head) or _AUTHOR_DATE_YEAR_RE.search(head)
    authors = head[:year_in_head.start()] if year_in_head else head
    authors = authors.strip(" ,.:")
    # Chicago author-date names one author or an organisation before the year too
    # ("Jefferson. 2017.", "Wikipedia. 2018b.").
    alone = year_in_head is not None and re.fullmatch(rf"[{_UPPER}][\w'’-]+", authors)
    if not (_is_authors(authors) or alone):
        return None
    title, url = _title_and_link(quote["title"])
    rest = re.sub(r"^\s*[.,]?\s*\([^()]*\)\s*[.,]?", "", text[quote.end():])  # "(in Chinese)."
    date: datetime.date | None
    if year_in_head is not None and year_in_head.re is _YEAR_IN_BRACKETS_RE:
        date, precision = _apa_date(year_in_head)
    elif year_in_head is not None:
        # The year after the names is the date ("Silge, Julia. 2018." is no July).
        date, precision = datetime.date(int(year_in_head[1]), 1, 1), "year"
    else:
        date, precision = _year(head + " " + rest)
    if date is None:
        return None
    venue = _venue(rest)
    if re.match(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$", venue, re.I):
        venue = ""  # the date follows the title: no venue
    if year_in_head is not None and _is_organisation(authors) and not _PERSONS_RE.search(authors):
        return EnglishFields(title.strip(" ,."), venue or authors, "", date, precision, url)
    return EnglishFields(title.strip(" ,."), venue, authors, date, precision, url)


def _apa_reference(text: str) -> EnglishFields | None:
    """APA: ``Authors (Year). Title. Venue, 14(1), 129-133.``."""
    year = _YEAR_IN_BRACKETS_RE.search(text)
    if year is None:
        return None
    authors = text[:year.start()].strip(" ,.")
    # "Press, W. H." is a person whose name is an organisation's word: names are persons.
    organisation = _is_organisation(authors) and not _PERSONS_RE.search(authors)
    if not (_is_authors(authors) or organisation):
        return None
    date, precision = _apa_date(year)
    comma_style = text[year.end():].lstrip().startswith(",")
    rest = text[year.end():].lstrip(" .,")
    end = re.search(r",\s+" if comma_style else r"[.?!](?:\s+|(?=[A-Z]))|\[[A-Z]{1,2}\]", rest)
    if end is None:
        title, venue = rest, ""
    else:
        title = rest[:end.start() + (1 if rest[end.start()] in "?!" else 0)]
        venue = _venue(rest[end.end():])
        if re.match(r"(?:pages?|pp?\.|vol\.?|sections?|chapter|ch\.)\b", venue, re.I):
            venue = ""  # a locator, not a container
    title = re.sub(r"\s*\(\d+(?:st|nd|rd|th) ed\.\)$", "", title.strip())
    if organisation:
        # "IMOS (2018) Title": an organisation in the author's place published it.
        return EnglishFields(title.strip(" ,."), venue or authors, "", date, precision)
    return EnglishFields(title.strip(" ,."), venue, authors, date, precision)


def _apa_date(match: re.Match[str]) -> tuple[datetime.date, str]:
    """``(2020)``, ``(2020, June)``, ``(2020, June 30)`` at their precision."""
    year = int(match[1])
    month_day = (match[2] or "").split()
    month = month_day[0][:3].lower() if month_day else ""
    if month not in _MONTHS:
        return datetime.date(year, 1, 1), "year"
    number = _MONTHS.index(month) + 1
    if len(month_day) > 1:
        # A day that is no day of that month leaves the date at its month.
        with contextlib.suppress(ValueError):
            return datetime.date(year, number, int(month_day[1])), "day"
    return datetime.date(year, number, 1), "month"


#: The names, then the year of an author-date list: "Ma, S., 2010. Title", with no full
#: stop after the names, or none after the year ("Sørensen, C. 2010 Digital …").
_NAMES_YEAR_RE = re.compile(
    rf"(?P<names>[^()\[\]\d\"“]{{3,600}}?)(?:,\s*|\s+)(?P<year>{_YEAR})[a-z]?"
    rf"(?:\.\s+|\s+(?=[{_UPPER}]))(?=\S)")


def _names_then_year(text: str) -> tuple[str, str, int] | None:
    """(names, the rest, year) of ``Galizia, C.G., Ma, S., 2010. Title. …``, else ``None``."""
    match = _NAMES_YEAR_RE.match(text)
    if match is None:
        return None
    names = match["names"].strip(" ,")
    names = names[:-1] if names.endswith(".") else names  # as the full stop after names goes
    if not (_is_authors(names) and _PERSONS_RE.search(names)):
        return None
    return names, text[match.end():], int(match["year"])


def _period_reference(text: str) -> EnglishFields | None:
    """``Authors. Title. Venue …, Year.`` and ``Authors. Title[J]. Venue, Year, …``."""
    early = _names_then_year(text)
    if early is not None:
        return _period_fields(*early)
    for split in re.finditer(rf"\.\s*(?=[{_UPPER}\[0-9])", text):
        authors = text[:split.start()]
        last = authors.split()[-1] if authors.split() else ""
        year_next = re.match(rf"({_YEAR})[a-z]?\.\s+(?=\S)", text[split.end():])
        if year_next and _is_authors(authors) and _PERSONS_RE.search(authors):
            break  # Chicago author-date, "Braa, J., Shaw, V. 2007. Title.": the names end here
        if _APA_NAMES_RE.fullmatch(authors + ".") and len(authors.split(",")) >= 4:
            # "Zizka, A., Edler, D., ... & Svantesson, S. Title. Venue.": two names or more in
            # APA's form end at an initial, with no year after them.
            return _period_fields(authors, text[split.end():], None, named=True)
        if len(last.strip(".")) < 2 and not authors.endswith("et al") \
                and not (_GBT_AUTHORS_RE.fullmatch(authors)
                         and _GBT_CODE_RE.search(text, split.end())):
            continue
        if _is_authors(authors) and len(authors.split()) >= 2 and (
                _PERSONS_RE.search(authors)
                or (len(authors.split()) <= 3 and _YEAR_RE.search(text, split.end()))):
            break
    else:
        return None
    authors = authors.strip(" ,")
    body = text[split.end():]
    year_first = re.match(rf"({_YEAR})[a-z]?\.\s+(?=\S)", body)
    if year_first:
        body = body[year_first.end():]  # the year after the names (author-date), then the title
    return _period_fields(authors, body, int(year_first[1]) if year_first else None)


#: APA's names: family names, a comma, initials; elided ("... &") or joined by "&".
_APA_NAME = (rf"(?:{_PARTICLE}\s+)?[{_UPPER}][\w'’-]+(?:\s[{_UPPER}][\w'’-]+)?,\s"
             rf"(?:[{_UPPER}]\.\s?)+")
_APA_NAMES_RE = re.compile(rf"{_APA_NAME}(?:,\s(?:\.\.\.\s|…\s)?(?:&\s)?{_APA_NAME})*")


def _period_fields(authors: str, body: str, year_first: int | None, *,
                   named: bool = False) -> EnglishFields | None:
    """The title and venue after the names (and the year) of a period reference.

    ``named``: the names alone make it a reference (APA's form), year or none.
    """
    code = _GBT_CODE_RE.search(body)
    end = code or re.search(r"\.(?:\s+|(?=[A-Z]))|[?!]\s|,\s+(?=" + _YEAR + r"\b)", body)
    if end is None:
        title, rest = body, ""
    else:
        title = body[:end.start() + (1 if body[end.start()] in "?!" else 0)]
        rest = body[end.end():]
    title, url = _title_and_link(title.strip())
    title = re.sub(r"\s*\(\d+(?:st|nd|rd|th) ed\.\)$", "", title)
    if not re.search(r"[^\W\d_]{2}", title):
        return None
    date, precision = _year(rest)
    if year_first:
        date, precision = datetime.date(year_first, 1, 1), "year"
    if date is None and not url and code is None and not named:
        # No year: only a plain "Authors. Title." pair is a reference.
        if rest.strip(" .") or not title:
            return None
    publisher = _book_publisher(rest) or (_venue(rest) if not re.fullmatch(
        rf"\s*[,.]?\s*{_YEAR}\s*[.．]?\s*", rest) else "")
    if re.fullmatch(rf"(?:pages?|pp?\.|vol\.?|sections?|chapter|ch\.|{_YEAR}).*", publisher, re.I):
        publisher = ""
    return EnglishFields(title.strip(" ,."), publisher, authors, date, precision, url)


_LOCATOR_RE = re.compile(r",\s*(?:vol\.?\s*\d|no\.\s*\d|pp?\.\s*\d|\d+\s*\(\d+\))", re.IGNORECASE)


def _comma_reference(text: str) -> EnglishFields | None:
    """IEEE without quotation marks: ``S. Müller, Title, Venue, Vol.31, pp. 301-312, 2004.``.

    The names (initials first) end at the first comma, the title at the next;
    the venue runs to the first locator (``Vol.``, ``pp.``, ``no.``) and may hold
    commas itself ("Design, Codes and Cryptography"); a year ends the reference.
    """
    match = re.fullmatch(rf"(?P<names>[^,]+),\s*(?P<title>[^,]+),\s*(?P<rest>.+?,\s*"
                         rf"(?P<year>{_YEAR})\s*\.?)\s*", text)
    if match is None or not re.match(rf"(?:[{_UPPER}]\.\s*)+[{_UPPER}]", match["names"]) \
            or not _is_authors(match["names"]):
        return None
    locator = _LOCATOR_RE.search(match["rest"])
    if locator is None:
        return None
    venue = match["rest"][:locator.start()].strip(" ,")
    return EnglishFields(match["title"].strip(), venue, match["names"].strip(),
                         datetime.date(int(match["year"]), 1, 1), "year")


_LEGAL_RE = re.compile(
    r"(?P<names>[^,()\[\]]{3,60}),\s+(?P<title>[^,()\[\]]{3,200}),\s+(?P<rest>.+)")
#: Bluebook's journal: volume, journal, first page ("73 Yale Law Journal 733").
_LEGAL_JOURNAL_RE = re.compile(r"\d+\s+(?P<journal>[^\W\d][^,()\d]*?)\s+\d+\b")


def _legal_reference(text: str) -> EnglishFields | None:
    """Bluebook and the legal citation manuals: names first, then commas.

    ``Charles A. Reich, The New Property, 73 Yale Law Journal 733, 737-738 (1964).``,
    ``Stephen McDonell, When China Began Streaming Trials Online, BBC News (30
    September 2016), https://….`` and ``Peter Brooks, Title, Chicago: University of
    Chicago Press, 2000.``: the names read first-name first; the date is in
    brackets or ends a book's imprint.
    """
    from .parse import dates_in  # parse.py imports this module: import it when called

    match = _LEGAL_RE.fullmatch(text.strip())
    if match is None or not _is_authors(match["names"]) or "," in match["names"] \
            or not re.search(r"[^\W\d_]{2}", match["title"]):
        return None
    rest = match["rest"]
    bracket = re.search(r"\((?P<date>[^()]*?)\)\s*(?:,\s*(?P<url>https?://\S+?))?[.,]?\s*$", rest)
    if bracket:
        found = dates_in(bracket["date"])
        year = _YEAR_RE.fullmatch(bracket["date"].strip())
        if found:
            date, precision = found[0][2], "day"
        elif year:
            date, precision = datetime.date(int(year[1]), 1, 1), "year"
        else:
            return None
        before = rest[:bracket.start()].strip(" ,")
        journal = _LEGAL_JOURNAL_RE.match(before)
        venue = journal["journal"] if journal else before
        if not venue or (re.search(r"\d", venue) and not journal):
            return None
        return EnglishFields(match["title"].strip(), venue.strip(), match["names"].strip(), date,
                             precision, (bracket["url"] or "").rstrip(".,;"))
    publisher = _book_publisher(rest)
    year = re.search(rf",\s*({_YEAR})\s*[.]?\s*$", rest)
    if publisher and year:
        return EnglishFields(match["title"].strip(), publisher, match["names"].strip(),
                             datetime.date(int(year[1]), 1, 1), "year")
    return None


#: HTML italics a reference list keeps from its source (``<i>MIS Quarterly</i>``).
_HTML_ITALIC_RE = re.compile(r"</?(?:i|em|cite)>", re.IGNORECASE)
_ITALIC_TITLE_RE = re.compile(
    rf"(?P<names>[^<>()]+?)[.,]?\s+\(?(?P<year>{_YEAR})[a-z]?\)?\.?\s+"
    r"<(?P<tag>i|em|cite)>(?P<title>[^<>]+)</(?P=tag)>\s*[.,]?\s*(?P<rest>[^<>]*)",
    re.IGNORECASE)
#: "Accessed March 14." without a year: no date (the year it means is not written).
_ACCESSED_NO_YEAR_RE = re.compile(
    r"\s*(?:accessed|retrieved|viewed)(?:\s+on)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?![\d,]|\s*\d)\s*[.,]?", re.IGNORECASE)
#: A software or data version after the title ("R package version 1.1.1", ", Data Version
#: 8.0.1."): no venue.
_VERSION_RE = re.compile(
    r"(?<=[.,\"”])\s*(?:,\s*)?(?:R\s+package\s+|Python\s+package\s+|Data\s+|Software\s+)?"
    r"[Vv]ersion\s+v?\d+(?:\.\d+)*\s*[.,]?")
#: An ISBN at a reference's end is no part of its imprint.
_ISBN_RE = re.compile(r"[.,]?\s*ISBN(?:-1[03])?:?\s*[\dXx-]{10,17}\s*[.]?\s*$")


def _italic_title_reference(text: str) -> EnglishFields | None:
    """Author-date with the title in HTML italics, as a book's is.

    ``Borgman, C. L. 2010. <i>Scholarship in the digital age.</i> MIT Press,
    Cambridge, MA.`` and ``Spradley, J. P. (2016). <i>The ethnographic
    interview</i>. Longegrove, IL: Waveland Press.``: the italics end the
    title, whatever full stops it holds; the imprint or the venue follows.
    """
    if "<" not in text:
        return None
    match = _ITALIC_TITLE_RE.fullmatch(text.strip())
    if match is None or not _is_authors(match["names"]):
        return None
    rest = match["rest"]
    publisher = _book_publisher(rest) or _venue(rest)
    return EnglishFields(match["title"].strip(" ,."), publisher, match["names"].strip(" ,."),
                         datetime.date(int(match["year"]), 1, 1), "year")


def _academic(text: str) -> EnglishFields | None:
    from .parse import accessed_spans, url_spans  # parse.py imports this module

    if accessed_spans(text):
        return None  # an accessed note: the general shapes read it with its URL
    text = _HAN_LEAD_RE.sub("", text, count=1)
    text = re.sub(r"\s*[的第][^A-Za-z]*[．。]?\s*$", "", text)  # Chinese locator after it
    text = re.sub(r"(?i)^(?:see(?:\s+also)?|cf\.)\s+", "", text.strip())
    text = re.sub(r"^(?:\[\d{1,3}\]|\d{1,3}\.)\s+", "", text)  # IEEE's [1], a list's 1.
    # What the reference is cited for, before it: "Figure 5. Pigott DM, … (2014). Title."
    text = re.sub(r"^(?:Figures?|Fig\.|Tables?|Box|Equation|Eq\.)\s+\d{1,3}[a-z]?\s*[.:]\s+",
                  "", text)
    if re.search(r"[\u4e00-\u9fff]", text):
        return None  # Chinese prose after it: a note that mentions the work
    if not re.match(rf"[{_UPPER}]|{_PARTICLE}\s+[{_UPPER}]", text):
        return None  # a reference begins with a name ("van Wart, Justin"), not a sentence
    body, link = _trailing_link(text)
    body = _VERSION_RE.sub("", _ACCESSED_NO_YEAR_RE.sub("", _ISBN_RE.sub("", body)))
    shapes: tuple[Callable[[str], EnglishFields | None], ...] = (
        _italic_title_reference, _quoted_reference, _apa_reference, _period_reference,
        _comma_reference, _legal_reference)
    for shape in shapes:
        fields = shape(body if shape is _italic_title_reference else _HTML_ITALIC_RE.sub("", body))
        if fields is not None and fields.title:
            if link and not fields.url:
                fields = fields._replace(url=link)
            if re.search(r"https?://", fields.publisher):
                fields = fields._replace(publisher="")  # a URL is no publisher
            if not fields.url and url_spans(body):
                # "… Title. https://a.org/x. Mirror: https://b.org/y": the first URL.
                fields = fields._replace(url=url_spans(body)[0][2])
            venue = re.search(rf"\[(?P<text>[^\[\]]+)\]\({_URL}\)\s*[.．]?\s*$", text)
            if not fields.publisher and venue and re.search(r",\s*\d+\s*\(\d+\)", venue["text"]):
                # "…algorithms.[SIAM Journal on Computing, 14(1), 129-133.](url)"
                fields = fields._replace(publisher=_venue(venue["text"]))
            if fields.url and not fields.publisher:
                fields = fields._replace(publisher=site_host(fields.url))  # the site credited
            return fields
    return None


# -- a sentence that points to one document -------------------------------------------

#: Link text that describes the document instead of titling it: "the stabilization
#: report", "this Feabhas guide", "gist" (lowercase words after an optional article).
_DESCRIPTION_RE = re.compile(r"(?:(?:the|this|that|a|an|these|our|his|her|their)\s+"
                             r"(?:[A-Z][\w-]*\s+)?)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)*")
#: "See the [tidyclust](…) package": the link text is the package's name, not a description.
_NAMED_THING_RE = re.compile(r"\s+(?:package|library|crate|module|gem|plugin|extension)\b")
#: "talk by Antonio Piraino and Oli Scherer": a description, then who made it.
_MADE_BY_RE = re.compile(r"(?P<what>[a-z][\w\s-]*?)\s+by\s+(?P<names>.+)")
#: "Hannes Mühleisen's keynote at posit::conf(2024)": a link text that describes someone's
#: document (a lowercase word after the possessive), so it gives the author and no title.
_WHOSE_RE = re.compile(
    rf"(?P<name>[{_UPPER}][\w-]+(?:\s+[{_UPPER}][\w-]+){{1,2}})['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}"
    r"(?:keynote|talk|post|blog\s+post|article|paper|essay|book|slides|video|thread|tweet"
    r"|presentation|lecture|course|notes|tutorial|guide|write-?up|answer|comment)\b.*")
#: "jyn's excellent blog post [Title](url)": the author's possessive before the link.
_POSSESSIVE_RE = re.compile(
    r"(?:^|\s)(?P<name>(?:[A-Z][\w-]*\s+){0,2}[A-Za-z][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+){0,3}$")
#: Chinese words of a sentence, not of a site's or an outlet's name.
_CHINESE_PROSE_RE = re.compile(
    r"提供|参考|参看|来自|详见|参见|托管|中有|给出|介绍|可以看|查看|改编自|引自")
#: Words by which an English sentence points to its link.
_POINTER_CUE_RE = re.compile(
    r"(?<![\w'’])(?:see|found|find|available|contains?|gives?|provides?|describes?|explains?"
    r"|read|watch|learn|adapted|quoted?|details|(?:is|are)\s+at|is(?=\s*[.]?\s*$))(?![\w'’])",
    re.IGNORECASE)
#: Lowercase words a reference writes around its link; they make no sentence.
_REFERENCE_WORDS = frozenset(
    "by in of and the on at from via et al pp vol no ed eds accessed retrieved viewed "
    "published posted updated last online available".split())
#: What a sentence says when it points to a URL written out: "see https://…".
_URL_POINTER_RE = re.compile(
    r"(?<![\w'’])(?:see|quoted?\s+from|adapted\s+from|available\s+(?:at|here)|is\s+at"
    r"|can\s+be\s+found|source)(?![\w'’])", re.IGNORECASE)


def _outside_is_prose(outside: str, bare: bool) -> bool:
    """The words around the one link make a sentence, not fields of a reference.

    Around a written-out URL, only words that point to it count ("see
    https://…"): a title in sentence case before a URL has lowercase words too.
    """
    if _CHINESE_PROSE_RE.search(outside):
        return True
    if bare or re.match(r"\s*(?:see|quoted?\s+from|adapted\s+from)\b", outside, re.IGNORECASE):
        return _URL_POINTER_RE.search(outside) is not None
    words = [w for w in re.findall(r"(?<![\w'’])[a-z][a-z'’-]+", outside)
             if w not in _REFERENCE_WORDS]
    return len(words) >= 2 and _POINTER_CUE_RE.search(outside) is not None


def _pointer(text: str) -> EnglishFields | None:
    """One link (or one URL) in a sentence that points to it: the linked document.

    ``See the [QNX target documentation](url) for current status.``: title
    ``QNX target documentation``, the site as publisher. A link text that
    describes the document ("the stabilization report", "这篇博文") or only
    names the site ("the [Forge](…)") gives no title; "talk by A and B" gives
    the authors, as does a possessive before the link ("jyn's excellent blog
    post [Title](…)"). The rest of the sentence is no field.
    """
    from .parse import url_spans  # parse.py imports this module: import it when called

    links = list(re.finditer(_LINK, text))
    if len(links) > 1 or len(text) > 600:
        return None
    if links:
        link = links[0]
        url, link_text = link["url"], link["text"].strip()
        outside = text[:link.start()] + " " + text[link.end():]
        if url_spans(outside):
            return None
    else:
        found = url_spans(text)
        if len(found) != 1:
            return None
        start, end, url = found[0]
        link_text, outside = "", text[:start] + " " + text[end:]
    outside = re.sub(r'["“][^"“”]*["”]?', " ", outside)  # a quotation is no field
    if not _outside_is_prose(outside, bare=not links):
        return None
    author = ""
    inside = _academic(link_text) if len(link_text) > 40 else None
    if inside is not None and inside.author:
        # "比如，[Hansen, T., & Mullen, G. L. (1992). Title. Journal…](url) 的附录…".
        return inside._replace(url=url, publisher=inside.publisher or site_host(url))
    if link_text:
        title, site = _link_title(link_text, url)
        made = _MADE_BY_RE.fullmatch(title)
        whose = _WHOSE_RE.fullmatch(title)
        if made and _is_authors(made["names"]):
            title, author = "", made["names"].strip()
        elif whose:
            title, author = "", whose["name"]
        elif title and (_DESCRIPTION_RE.fullmatch(title) or title.startswith(
                ("这", "此", "该", "那", "本"))) and not _NAMED_THING_RE.match(text[link.end():]):
            title = ""
        owner = _POSSESSIVE_RE.search(text[:links[0].start()])
        if owner and not author:
            author = owner["name"]
    else:
        title, site = "", ""
    return EnglishFields(title, site or site_host(url), author, url=url)


def parse_english(text: str) -> EnglishFields | None:
    """The fields of an English or URL footnote, or ``None`` for the general shapes."""
    if len(text) > 2000:
        return None
    return _lone_link(text) or _bare_url(text) or _academic(text.strip()) \
        or _annotated_link(text)


def parse_pointer(text: str) -> EnglishFields | None:
    """The document one link of a sentence points to (see :func:`_pointer`), or ``None``."""
    return _pointer(text)


# -- corrections to the general shapes -----------------------------------------------

#: A "title" that is a sentence: a short word alone ("Yup"), or a first or second person.
_SENTENCE_TITLE_RE = re.compile(
    r"^\s*[A-Za-z]{1,4}[.!?]?\s*$|(?<![\w'’])(?:I|we|you|your|our|my|me|us)(?![\w'’])",
    re.IGNORECASE)
_PROSE_RE = re.compile(r"(?:^|\s)[a-z][a-z'’]+(?:\s+[a-z][a-z'’]+){1,}")


def looks_like_prose(text: str) -> bool:
    """Half a sentence ("The tracking issue for the issues is"), not a publisher."""
    stripped = text.strip()
    if re.fullmatch(_LEAD_IN, stripped + " ", re.IGNORECASE):
        return True
    return _PROSE_RE.search(stripped) is not None and not re.search(r"\d{4}", stripped)


def to_citation(text: str, fields: EnglishFields, language_of: Callable[[str], str]
                ) -> Citation:
    """The citation of what :func:`parse_english` read."""
    named = " ".join((fields.title, fields.author)) if fields.title or fields.author else ""
    return Citation(
        raw=text,
        title=fields.title,
        publisher=fields.publisher,
        author=fields.author,
        date=fields.date,
        accessed=fields.accessed,
        url=fields.url,
        language=language_of(named) if named.strip() else "und",
        structured=True,
        date_precision="day" if fields.precision not in ("year", "month") else (
            "year" if fields.precision == "year" else "month"),
    )


def refine(citation: Citation, link_text: str = "") -> Citation:
    """What the general shapes leave behind, corrected.

    A link text's site name is split off the title; a publisher that is half
    a sentence or a lead-in ("See", "参见") is dropped; a footnote with a URL
    that names no publisher credits the URL's site (an archive's original).
    """
    title, publisher = citation.title, citation.publisher
    if link_text and title == link_text.strip() and citation.url:
        title, site = _link_title(link_text, citation.url)
        if site and not publisher:
            publisher = site
    if citation.url and not (citation.date or citation.author) and not link_text \
            and _SENTENCE_TITLE_RE.search(title):
        title = ""  # "Yup. https://…", "If you want to see …, see https://…": prose, not a title
    if publisher and (looks_like_prose(publisher) or not re.search(r"[^\W\d_]", publisher)):
        publisher = ""
    if citation.url and not publisher:
        publisher = site_host(citation.url)
    if (title, publisher) == (citation.title, citation.publisher):
        return citation
    return dc.replace(citation, title=title, publisher=publisher)
