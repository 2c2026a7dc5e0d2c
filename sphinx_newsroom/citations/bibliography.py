"""The unified bibliography: every distinct source of the published articles, once.

Pure functions over ``Article`` records: deduplicate the footnote citations
by ``citation_key`` (and ``same_source`` for one work typed with and without
its publisher), pick the fullest spelling of each source, number them in
the requested order and remember which articles cite them.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from ..model.article import Article, Source
from ..model.collation import sort_key
from ..model.memo import Memo
from .keys import citation_key, letters_and_digits, same_source, work_key
from .markup import field_text
from .model import Citation, issued_text

SORTS = ("first", "title", "publisher", "date")
#: How ``news-bibliography :split:`` cuts the list: by the year, or the month, of
#: the first published article citing each source.
SPLITS = ("year", "month")
#: The part of the sources whose first citing article has no date.
UNDATED = "undated"


@dc.dataclass(frozen=True, slots=True)
class Citer:
    """One article citing a source, and the footnote that does it."""

    docname: str
    title: str
    target: str


@dc.dataclass(frozen=True, slots=True)
class Entry:
    key: str
    citation: Citation
    citers: tuple[Citer, ...]
    #: Stable id of the entry on the bibliography page (independent of numbering).
    anchor: str
    #: The ``citation_key`` of every footnote merged into the entry (its own key
    #: among them): a footnote finds its entry by its key.
    keys: frozenset[str] = frozenset()


@dc.dataclass(frozen=True, slots=True)
class Collision:
    """Two different sources that share one key (same URL, different titles...)."""

    key: str
    first: Source
    first_docname: str
    other: Source
    docname: str


def anchor_of(key: str) -> str:
    return "source-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _richness(source: Source) -> tuple[bool, int, int]:
    """Prefer a footnote that is the source, then the most fields, then the longest title."""
    citation = source.citation
    filled = sum(bool(v) for v in (citation.title, citation.publisher, citation.author,
                                   citation.date, citation.accessed, citation.url))
    return source.whole, filled, len(citation.title)


def _differs(a: Source, b: Source) -> bool:
    """Whether two footnotes sharing a key describe different sources.

    A document a note links to goes by the link's text, which names the
    page only loosely ("here", "the docs"): it never collides.
    """
    if not (a.whole and b.whole):
        return False
    one, other = a.citation, b.citation
    if one.url and other.url:
        return bool(one.title and other.title) and \
            letters_and_digits(one.title) != letters_and_digits(other.title)
    return bool(one.date and other.date and not _same_date(one, other))


def _same_date(a: Citation, b: Citation) -> bool:
    """The dates agree as far as both are known (2014 and 2014-09-30 agree)."""
    shorter = min(len(issued_text(a)), len(issued_text(b)))
    return issued_text(a)[:shorter] == issued_text(b)[:shorter]


def collect(articles: Iterable[Article]) -> tuple[list[Entry], list[Collision]]:
    """Entries in order of first citation (articles oldest first, footnotes in order)."""
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or 0, a.docname))
    first: dict[str, Source] = {}
    first_doc: dict[str, str] = {}
    best: dict[str, Source] = {}
    citers: dict[str, list[Citer]] = {}
    citing: dict[str, set[str]] = {}  # key -> the docnames in citers[key]
    collisions: list[Collision] = []
    members: dict[str, list[Citation]] = {}
    works: dict[str, list[str]] = {}
    for article in ordered:
        for source in article.sources:
            key = _key(source.citation, members, works)
            members.setdefault(key, []).append(source.citation)
            if key not in first:
                first[key] = source
                first_doc[key] = article.docname
                best[key] = source
                citers[key] = []
                citing[key] = set()
            elif _differs(first[key], source):
                collisions.append(
                    Collision(key, first[key], first_doc[key], source, article.docname))
            if _richness(source) > _richness(best[key]):
                best[key] = source
            if article.docname not in citing[key]:
                citing[key].add(article.docname)
                citers[key].append(Citer(article.docname, article.title, source.target))
    entries = [Entry(key, best[key].citation, tuple(citers[key]), anchor_of(key),
                     frozenset(_keys_of(c)[0] for c in members[key]))
               for key in first]
    return entries, collisions


#: Citation -> (citation_key, work_key): one source is cited by many articles,
#: and the keys are pure functions of it.
_KEYS: Memo[Citation, tuple[str, str]] = Memo(1 << 16)


def _keys_of(citation: Citation) -> tuple[str, str]:
    keys = _KEYS.get(citation)
    if keys is None:
        keys = _KEYS.put(citation, (citation_key(citation), work_key(citation)))
    return keys


def _key(citation: Citation, members: dict[str, list[Citation]],
         works: dict[str, list[str]]) -> str:
    """The key of the entry ``citation`` joins (``keys.same_source``), or its own key.

    One work typed with and without its publisher joins the entry whose every
    citation it is the same source as.
    """
    key, work = _keys_of(citation)
    if not work:
        return key
    if key not in members:
        for other in works.get(work, []):
            if all(same_source(citation, c) for c in members[other]):
                key = other
                break
    if key not in works.setdefault(work, []):
        works[work].append(key)
    return key


def sort_entries(entries: Sequence[Entry], order: str) -> list[Entry]:
    if order == "title":
        return sorted(entries, key=lambda e: sort_key(
            field_text(e.citation, e.citation.title or e.citation.raw.strip())))
    if order == "publisher":
        return sorted(entries, key=lambda e: (sort_key(e.citation.publisher),
                                              sort_key(e.citation.title)))
    if order == "date":
        return sorted(entries, key=lambda e: (e.citation.date is None,
                                              -(e.citation.date.toordinal()
                                                if e.citation.date else 0)))
    return list(entries)


def part_of(date: dt.datetime | dt.date | None, split: str) -> str:
    """The part of a split bibliography a source belongs to, from the date of the
    first published article citing it: ``2025`` (``year``), ``2025-06`` (``month``),
    or ``undated``.

    That article stays the first unless an older one cites the source later, so
    a new source never moves another one, nor the links to it.
    """
    if date is None:
        return UNDATED
    return f"{date.year:04d}" if split == "year" else f"{date.year:04d}-{date.month:02d}"


def split_entries(entries: Iterable[Entry], dates: Mapping[str, dt.datetime | None],
                  split: str) -> dict[str, list[Entry]]:
    """part -> its entries in ``entries``' order, newest part first (``undated`` last).

    ``dates`` maps a citing article's docname to its date; an entry's part is its
    first citer's (``collect`` lists citers oldest first).
    """
    parts: dict[str, list[Entry]] = {}
    for entry in entries:
        first = entry.citers[0].docname if entry.citers else ""
        parts.setdefault(part_of(dates.get(first), split), []).append(entry)
    dated = sorted((p for p in parts if p != UNDATED), reverse=True)
    ordered = {part: parts[part] for part in dated}
    if UNDATED in parts:
        ordered[UNDATED] = parts[UNDATED]
    return ordered
