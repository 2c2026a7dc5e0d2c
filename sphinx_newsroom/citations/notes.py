"""Notes are not sources: which footnotes are citations, and what a note links to.

Footnotes do two jobs. Some name a source: a URL, the newsroom form
``标题·出版方·作者（日期）``, an author–title–publication reference. Others
explain, qualify or thank, and may link to a page on the way. Only the
first kind belongs in a bibliography. ``classify`` tells them apart from the
footnote's written text and its inline markup:

``source``
    The whole footnote is a reference. It reads as fields, not sentences,
    and it has what a reference has: it is a link or URL alone; or it
    parses into a title and a publisher or author with a date, accessed
    date or URL; or it carries a DOI or a year in brackets; or it has a link
    or URL among its fields.
``links``
    A note (it reads as prose) holding links to documents. Each document
    becomes a source of its own (the link text its title, the site its
    publisher); the note stays a footnote.
``note``
    Prose without a link to a document.

A footnote reads as prose when, outside its links, quotations, emphasis,
code and parsed title, it speaks in the first or second person, asks or
exclaims, has three lowercase words that are not a reference's vocabulary
("accessed", "in", "of"...), or runs a link or a quotation into a sentence
("See [the docs](…)", "… is called "X"").

Pure (standard library only), like the rest of ``citations/``.
"""

from __future__ import annotations

import dataclasses as dc
import re
from typing import Literal, NamedTuple

from ..model.memo import Memo
from .keys import citation_key
from .markup import shown
from .model import Citation, Mark, Written
from .parse import accessed_spans, date_spans, detect_language, parse_citation, url_host, url_spans
from .parse_en import CHINESE_LEAD_IN_RE, site_host
from .parse_zh import is_chinese_reference, named_works
from .urls import readable_url

__all__ = [
    "KINDS", "MODES", "Kind", "Reading", "Verdict", "classify", "linked_documents",
    "read_footnote", "whole_citation",
]

Kind = Literal["source", "links", "note"]
#: What one footnote may be declared as (the ``footnote-kind`` role).
KINDS: tuple[Kind, ...] = ("source", "links", "note")
#: How an article's footnotes are read: classified, all sources, or all notes.
MODES = ("auto", "sources", "notes")


class Verdict(NamedTuple):
    kind: Kind
    #: Why, in a few words (shown in the build's debug log).
    reason: str


# -- what the footnote holds ---------------------------------------------------------

# Placeholders standing for what prose is not measured on.
_LINK = "\x00"      # a link or URL
_ANCHOR = "\x01"    # a date or an accessed note
_QUOTE = "\x02"     # a quotation that ends inside its marks ("Title," / "Title.")
_OPEN_QUOTE = "\x03"  # a quotation that does not: a sentence may run on after it
_FIELD = "\x04"     # emphasis, code or the parsed title

_QUOTATION_RE = re.compile(r'"[^"\n]+"|“[^“”]+”|《[^《》]+》|「[^「」]+」|『[^『』]+』')
_FIELD_END = ".,;:?!。，；：？！"

# First and second person: a reference never speaks to its reader. A capital
# "I" counts only before a lowercase word, so the numeral of "World War I" does not.
_PERSON_RE = re.compile(
    r"(?<![\w'’])(?:we|we're|we've|we'd|we'll|us|our|ours|you|you're|you've|you'd|you'll"
    r"|your|yours|my|me|mine)(?![\w'’])|我们|咱们|你们|笔者|[我你您]",
    re.IGNORECASE,
)
_PERSON_I_RE = re.compile(r"(?<![\w'’])I(?:['’](?:m|ve|d|ll))?\s+[a-z]")
_ASKS_RE = re.compile(r"[?!？！]")
# A word in lowercase Latin letters (Chinese has no case: its prose is told otherwise).
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-zß-öø-ÿ][a-zß-öø-ÿA-Z0-9'’-]*")
#: Lowercase words references use: labels, connectives of names and publishers.
_REFERENCE_WORDS = frozenset(
    "accessed retrieved viewed available online last updated modified published posted "
    "on at in of the and by from via doi isbn issn pp p vol no ed eds edn et al n d "
    "de del der des du la le van von".split()
)
# Raw HTML in a footnote is shown as text; its tags are not words.
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_DOI_RE = re.compile(r"\b(?:doi:?\s*|doi\.org/)10\.\d{4,9}/\S+", re.IGNORECASE)
_YEAR_IN_BRACKETS_RE = re.compile(r"[(（](?:1[5-9]|20)\d\d[a-z]?[)）]")
_JUNK_RE = re.compile(r"[\s\W_]+")
# A sentence that only points to a document: its lead-in, or the words that point.
_POINTER_LEAD_RE = re.compile(
    r"(?:e\.g\.,?\s*)?(?:see(?:\s+also|\s+related)?|cf\.|quoted?\s+from|adapted\s+from|source|via"
    r"|details\s+(?:in|at)|more\s+(?:in|at))\b\s*[:：]?"
    # "Noted [here](…).", "Found [here](…) or …": a participle that only says where.
    rf"|(?P<participle>(?:noted|found|described|discussed|documented)(?:\s+(?:in|at|on))?\s*"
    rf"(?={_LINK}\s*(?:[.。]?\s*$|or\s)))",
    re.IGNORECASE)
_POINTER_RE = re.compile(
    r"(?<![\w'’])(?:(?:is|are)\s+(?:available\s+)?(?:at|in|here)|(?:is|are)\s+available"
    r"|can\s+be\s+(?:found|read|seen)|adapted\s+from|read\s+(?:about|more)|learn\s+more"
    r"|you\s+(?:may|can)\s+(?:find|see)|watch|for\s+(?:more\s+)?(?:details|context|information"
    r"|the\s+full|current\s+status|more))(?![\w'’])"
    rf"|[,.]\s*see\s+{_LINK}|\bis\s+{_LINK}"
    rf"|{_LINK}\s*(?:contains?|gives?|provides?|describes?|explains?)\b"
    r"|(?:可以|可)?(?:参看|参考|参见|详见|看|查看|阅读)\s*" + _LINK
    + r"|" + _LINK + r"\s*(?:中)?(?:提供了|给出了|介绍了|有|中有)"
    r"|(?:来自于?|改编自|引自|摘自|出自|参考了)\s*" + _LINK,
    re.IGNORECASE)
_AVAILABLE_RE = re.compile(r"\b(?:available\s+(?:at|from|online)|retrieved\s+from|online)\s*:?\s*(?=<?https?://)",
                           re.IGNORECASE)
# "MIT 课程 https://…", "Deepin Wiki https://…": a short label naming the document, then its URL.
_LABEL_RE = re.compile(r"\s*(?:来源[:：]\s*)?[^\s.。,，:：;；!?！？][^.。,，;；!?！？]{0,24}?[:：]?"
                       r"\s*\x00\s*[.。．]?\s*")
# What may follow the link in the same sentence: its end, or a lowercase or Chinese word
# ("for details", "中提供了…"), or a clause after a comma or colon.
_GOES_ON_RE = re.compile(r"\s*(?:[.。．!！]?\s*$|[a-z\u4e00-\u9fff,，:：;；(（])")
_CONDITION_RE = re.compile(r"\s*(?:if|for|to|when|关于|有关|对于|如果|若|如需)", re.IGNORECASE)
# The quotation that ends a "Quote from <url>:" footnote (quotes may nest inside it).
_QUOTE_AFTER_RE = re.compile(
    r"\s*[:：]?\s*[\"“][^\"“”]*(?:[\"“”][^\"“”]*[\"”][^\"“”]*)*[\"”]\s*[.。]?\s*", re.DOTALL)
_SENTENCE_BREAK_RE = re.compile(r"[.!?](?:\s+|$)(?=\S)|[。！？](?=\S)|．(?=\S)")
# A word (or code, emphasis) next to a link or quotation with only spaces between.
_GLUED_RE = re.compile(
    rf"(?:[^\W\d_]|{_FIELD})\s*[{_LINK}{_QUOTE}{_OPEN_QUOTE}]"
    rf"|[{_LINK}{_OPEN_QUOTE}]\s*(?:[^\W\d_]|{_FIELD})"
)


@dc.dataclass(frozen=True, slots=True)
class _Link:
    start: int
    #: The span of the link as written, ``[`` and ``](url)`` included.
    outer: tuple[int, int]
    target: str
    text: str
    code: bool


def _links(written: Written) -> list[_Link]:
    """Every ``http(s)`` link of the footnote: its links and the bare URLs of its text."""
    text, marks = written
    opening = {m.end: m.start for m in marks if m.kind == "syntax"}
    closing = {m.start: m.end for m in marks if m.kind == "syntax"}
    literal = [m for m in marks if m.kind == "literal"]
    links: list[_Link] = []
    for mark in marks:
        if mark.kind != "link" or not re.match(r"https?://", mark.target, re.IGNORECASE):
            continue
        start, end = opening.get(mark.start, mark.start), closing.get(mark.end, mark.end)
        code = any(m.start <= mark.start and m.end >= mark.end for m in literal)
        links.append(_Link(mark.start, (start, end), mark.target,
                           shown(text, marks, mark.start, mark.end).strip(), code))
    taken = [link.outer for link in links] + [(m.start, m.end) for m in literal]
    for start, end, url in url_spans(text):
        if not any(lo < end and start < hi for lo, hi in taken):
            links.append(_Link(start, (start, end), url, url, False))
    return sorted(links, key=lambda link: link.start)


@dc.dataclass(slots=True)
class _Reading:
    """The footnote, with what prose is not measured on replaced by placeholders.

    Each link has one ``_LINK`` in ``rest``: links are placed first, and they
    never overlap (a bare URL inside a link or code is no link of its own).
    """

    written: Written
    links: list[_Link]
    citation: Citation
    rest: str = ""

    def __post_init__(self) -> None:
        text, marks = self.written
        spans: list[tuple[int, int, str]] = [(*link.outer, _LINK) for link in self.links]
        spans += [(m.start, m.end, _FIELD) for m in marks
                  if m.kind in ("literal", "emphasis", "strong")]
        for quote in _QUOTATION_RE.finditer(text):
            ends = quote[0][-2:-1] in _FIELD_END or quote.end() == len(text.rstrip())
            spans.append((*quote.span(), _QUOTE if ends else _OPEN_QUOTE))
        if _is_reference(self.citation) and self.citation.title:
            for value in filter(None, (self.citation.title, self.citation.publisher)):
                # Hidden where it is written apart: the title may name the publisher
                # ("About Our World in Data. Our World in Data."), a quotation hold the title.
                free = [at for at in _occurrences(text, value) if not any(
                    lo < at + len(value) and at < hi for lo, hi, _ in spans)]
                if free:
                    spans.append((free[0], free[0] + len(value), _FIELD))
        spans += [(*m.span(), _ANCHOR) for m in _AVAILABLE_RE.finditer(text)]
        spans += [(*span, _ANCHOR) for span in accessed_spans(text)]
        spans += [(*span, _ANCHOR) for span in date_spans(text)]
        chosen: list[tuple[int, int, str]] = []
        covered = bytearray(len(text))
        for start, end, token in spans:  # earlier kinds win where spans overlap
            if start < end and not any(covered[start:end]):
                covered[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, token))
        parts, at = [], 0
        for start, end, token in sorted(chosen):
            parts += [text[at:start], token]
            at = end
        self.rest = "".join(parts) + text[at:]

    def prose(self) -> str:
        """Why the footnote reads as prose, or ``""`` when it reads as fields."""
        rest = self.rest
        if _PERSON_RE.search(rest) or _PERSON_I_RE.search(rest):
            return "it speaks in the first or second person"
        if _ASKS_RE.search(rest):
            return "it asks or exclaims"
        if _GLUED_RE.search(rest):
            return "a link or quotation runs into a sentence"
        words = [w for w in _LOWER_WORD_RE.findall(_TAG_RE.sub(" ", rest))
                 if w.casefold().strip("'’-") not in _REFERENCE_WORDS]
        if len(words) >= 3:
            return "it has sentences (" + " ".join(words[:3]) + " …)"
        return ""

    def alone(self) -> bool:
        """Nothing but one link or URL, punctuation and dates (after a Chinese lead-in, 参见…)."""
        rest = self.rest
        if len(self.links) == 1 and not _describes(self.links[0].text):
            rest = CHINESE_LEAD_IN_RE.sub("", rest)  # anchored: at most once
        left = _JUNK_RE.sub("", rest.replace(_LINK, "").replace(_ANCHOR, ""))
        if len(self.links) != 1:
            return False
        if left:
            # A short label before a bare URL ("MIT 课程 https://…"): it names the document.
            link = self.links[0]
            return link.text == link.target and _LABEL_RE.fullmatch(self.rest) is not None \
                and not _PERSON_RE.search(self.rest) and _is_document(link) \
                and len(_LOWER_WORD_RE.findall(self.rest)) == 0
        return True

    def points(self) -> bool:
        """One sentence that only points to its one link: ``See [Title](url) for details.``

        The labelling rule of ``tests/citations/README.md``: a footnote whose
        text is a pointer to one document ("See X for Y", "X is at [link]",
        "Quote from <url>: …", "[X](url) gives an overview", 参见…, 详见…) cites
        it; prose that says something else and links on the way is a note.
        """
        if len(self.links) != 1:
            return False
        rest = self.rest.strip()
        lead = _POINTER_LEAD_RE.match(rest)
        if lead and rest[lead.end():].lstrip().startswith(_LINK) and _QUOTE_AFTER_RE.fullmatch(
                rest[lead.end():].lstrip()[1:]):
            return True  # "Quote from <url>: "…"": the rest is the quotation
        if _is_profile(self.links[0]):
            return False  # "His profile is at [@someone](…)": a person, not a document
        before, _, after = rest.partition(_LINK)
        if _SENTENCE_BREAK_RE.search(before) or not _GOES_ON_RE.match(after) or len(after) > 100 \
                or re.search(rf"[{_QUOTE}{_OPEN_QUOTE}].*?[^\W_]", after, re.DOTALL) \
                or _SENTENCE_BREAK_RE.search(after.rstrip(".。．!！")):
            return False  # more than one sentence
        if _PERSON_I_RE.search(rest) or re.search(r"(?<![\w'’])(?:we|our|us|my|me)(?![\w'’])",
                                                   rest, re.IGNORECASE):
            return False
        if lead or CHINESE_LEAD_IN_RE.match(rest):
            return True
        pointer = _POINTER_RE.search(rest)
        if pointer is None:
            return False
        # "C 和 C++ 均规定，……，详见 [链接]": a claim, then a pointer, is a note; a
        # condition or a topic before the pointer ("If you want to see X, see …") is not.
        return not re.search(r"[,，;；]", rest[:pointer.start()]) or bool(_CONDITION_RE.match(rest))

    def evidence(self) -> str:
        """What makes the footnote a reference, or ``""``."""
        if _is_reference(self.citation):
            return "it has a title and a publisher or author, and a date or URL"
        text = shown(*self.written)
        if _DOI_RE.search(text) or any("doi.org/10." in link.target for link in self.links):
            return "it has a DOI"
        if _YEAR_IN_BRACKETS_RE.search(text):
            return "it has a year in brackets"
        if len({link.target for link in self.links}) == 1:
            return "it has a link among its fields"
        return ""


def _describes(text: str) -> bool:
    """Link text that describes a document ("这篇报道", "here") rather than titling it."""
    return text.casefold() in _GENERIC_TEXT or text.startswith(("这", "此", "该", "那", "本"))


def _is_reference(citation: Citation) -> bool:
    """Parsed into fields: a title with a name for publisher or author, and an anchor.

    A publisher that is only the URL's host (the parser credits the site when
    the footnote names none) is no evidence: the footnote did not write it.
    """
    host = site_host(citation.url) if citation.url else ""
    named = [n for n in (citation.publisher, citation.author) if n and n != host]
    if citation.structured and citation.title and citation.date and citation.author \
            and _is_name(citation, citation.author) and citation.date_precision == "year":
        # An academic reference: names, a title, a year; its container may be a phrase
        # ("Manuscript submitted for publication").
        named = [citation.author]
    return citation.structured and bool(citation.title) and bool(named) and bool(
        citation.date or citation.accessed or citation.url) and all(
        _is_name(citation, name) for name in named)


def _is_name(citation: Citation, name: str) -> bool:
    """A publisher or author: no code, at most one lowercase word ("moomoo 社区").

    The name is code only where each place it is written is: "`GNU Project`
    manual. GNU Project, 2020." names its publisher in plain text.
    """
    code = [(m.start, m.end) for m in citation.marks if m.kind == "literal"]
    if name and code and all(any(lo < at + len(name) and at < hi for lo, hi in code)
                             for at in _occurrences(citation.raw, name)):
        return False
    words = [w for w in _LOWER_WORD_RE.findall(_TAG_RE.sub(" ", name))
             if w.casefold() not in _REFERENCE_WORDS]
    return len(words) <= 1


def _occurrences(text: str, value: str) -> list[int]:
    """Where ``value`` starts in ``text``, each time."""
    found, at = [], text.find(value)
    while at >= 0:
        found.append(at)
        at = text.find(value, at + 1)
    return found


def whole_citation(written: Written) -> Citation:
    """The whole footnote as one citation, its markup kept for display.

    Kept for the next call (a bounded memo): the classifier and the reader both
    ask, and a shared source is footnoted alike by many articles.
    """
    citation = _WHOLE.get(written)
    if citation is None:
        citation = parse_citation(written.text)
        if written.marks:
            citation = dc.replace(citation, marks=written.marks)
        _WHOLE.put(written, citation)
    return citation


_WHOLE: Memo[Written, Citation] = Memo(1 << 14)


def classify(written: Written) -> Verdict:
    """``source``, ``links`` or ``note``, and why (see the module docstring)."""
    if not shown(*written).strip():
        return Verdict("note", "it is empty")
    reading = _Reading(written, _links(written), whole_citation(written))
    if reading.alone():
        return Verdict("source", "it is a link alone")
    if reading.points():
        return Verdict("source", "it points to one document")
    if is_chinese_reference(written.text) and not _PERSON_RE.search(reading.rest):
        return Verdict("source", "it is a Chinese reference (GB/T 7714, 作者．题名．, 《》, 参见…)")
    prose = reading.prose()
    if not prose:
        evidence = reading.evidence()
        if evidence:
            return Verdict("source", evidence)
        prose = "it has no date, URL or publisher"
    documents = linked_documents(written)
    if documents:
        linked = any(document.url for document in documents)
        return Verdict("links", prose + ("; it links to documents" if linked
                                          else "; it names a written work"))
    return Verdict("note", prose)


# -- the documents a note links to ---------------------------------------------------

#: Link text that names no document: the document then goes by its site.
_GENERIC_TEXT = frozenset({
    "here", "this", "link", "this link", "this page", "this post", "this article", "source",
    "original", "more", "read more", "这里", "此处", "链接", "原文", "这篇", "此文",
})
#: Sites where ``/<name>`` is a person's profile, not a document.
_PROFILE_HOSTS = frozenset(
    "github.com gitlab.com codeberg.org twitter.com x.com facebook.com instagram.com "
    "weibo.com".split()
)


def _is_profile(link: _Link) -> bool:
    """A person's page: ``/@name``, ``/~name``, or ``github.com/name`` and the like."""
    path = re.sub(r"^https?://[^/?#]*", "", link.target, flags=re.IGNORECASE)
    segments = re.split(r"[?#]", path, maxsplit=1)[0].strip("/").split("/")
    if segments[0].startswith(("@", "~")) and len(segments) == 1:
        return True
    return url_host(link.target).lower() in _PROFILE_HOSTS and len(segments) == 1 \
        and bool(segments[0]) and "." not in segments[0]


def _is_document(link: _Link) -> bool:
    """A page of a site: not its home page, a person's profile or an API cross-reference."""
    if link.code:
        return False
    path = re.sub(r"^https?://[^/?#]*", "", link.target, flags=re.IGNORECASE)
    path = re.split(r"[?#]", path, maxsplit=1)[0].strip("/")
    if not path:
        return False
    return not _is_profile(link)


def _document(written: Written, link: _Link) -> Citation:
    text, marks = written
    start, end = link.outer
    title = link.text
    if title.casefold() in _GENERIC_TEXT or readable_url(title) == readable_url(link.target):
        title = ""
    inner = tuple(Mark(m.kind, m.start - start, m.end - start, m.target) for m in marks
                  if m.start >= start and m.end <= end)
    return Citation(
        raw=text[start:end],
        title=title,
        publisher=url_host(link.target),
        url=link.target,
        language=detect_language(title) if title else "und",
        structured=True,
        marks=inner,
    )


def linked_documents(written: Written, every: bool = False) -> tuple[Citation, ...]:
    """The documents the footnote links to or names, each once, as citations.

    With ``every`` (a footnote declared ``links``) every ``http(s)`` link
    counts; otherwise home pages, profiles and links on code do not. A
    written work a Chinese sentence names in 《》 as one (``…论文《X》中…``,
    ``《X》是…的著作``) is a document by its title.
    """
    found: dict[str, Citation] = {}
    for link in _links(written):
        if every or _is_document(link):
            document = _document(written, link)
            found.setdefault(citation_key(document), document)
    for title in named_works(written.text):
        document = Citation(raw=f"《{title}》", title=title, language=detect_language(title),
                            structured=True)
        found.setdefault(citation_key(document), document)
    return tuple(found.values())


class Reading(NamedTuple):
    """What one footnote gives the bibliography."""

    kind: Kind
    reason: str
    #: The whole footnote, when it is a source.
    citation: Citation | None
    #: The documents it links to, when it is a note that links to some.
    documents: tuple[Citation, ...]


def read_footnote(written: Written, declared: Kind | None = None, mode: str = "auto"
                  ) -> Reading:
    """Read one footnote: its own declaration first, then the article's mode, then ``classify``."""
    if declared is not None:
        kind, reason = declared, "declared with the footnote-kind role"
    elif mode == "sources":
        kind, reason = "source", "the article's footnotes are all sources"
    elif mode == "notes":
        kind, reason = "note", "the article's footnotes are all notes"
    else:
        kind, reason = classify(written)
    if kind == "source":
        return Reading(kind, reason, whole_citation(written), ())
    if kind == "links":
        return Reading(kind, reason, None, linked_documents(written, every=declared == "links"))
    return Reading(kind, reason, None, ())

