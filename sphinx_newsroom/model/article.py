"""Pure normalisation: raw front matter -> an immutable, typed ``Article``.

Nothing here touches Sphinx.  Every problem is returned as a located
``Problem`` with a sensible fallback chosen, so one bad field never costs the
rest of the article.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..citations.model import Citation
from ..citations.notes import MODES as FOOTNOTE_MODES
from ..warnings_ import NewsroomWarning
from .authors import AUTHORS
from .dates import DateError, parse_datetime
from .frontmatter import Problem, RawFrontMatter
from .pickling import compact_pickle
from .terms import alias_map, clean_spelling, split_terms, term_key
from .translations import is_language_tag, normal_tag, tag_for_name

_TRUE = {"true", "yes", "on", "1", "y"}
_FALSE = {"false", "no", "off", "0", "n", ""}


@compact_pickle
@dc.dataclass(frozen=True, slots=True)
class Source:
    """One footnote of an article, read as a citation."""

    #: The label as written (``1``, ``reuters``) and the number shown.
    label: str
    number: str
    #: Id of the footnote node in the article's page.
    target: str
    line: int
    citation: Citation
    #: Cited inline (False: only listed in the references section).
    cited: bool = True
    #: The footnote is the source (False: a document that a note links to).
    whole: bool = True


@compact_pickle
@dc.dataclass(frozen=True, slots=True)
class Correction:
    """One dated notice of a published article: a correction or an update."""

    date: dt.datetime
    #: Plain text, whitespace collapsed; shown escaped (markup is shown as written).
    text: str
    #: "correction" (front matter ``corrections:``) or "update" (``updates:``).
    kind: str = "correction"


#: The front-matter keys of the notices, and the kind of notice each one holds.
CORRECTION_KEYS = (("corrections", "correction"), ("updates", "update"))


@compact_pickle
@dc.dataclass(frozen=True, slots=True)
class Article:
    """One published (or draft) article, as every output sees it."""

    docname: str
    title: str
    date: dt.datetime | None = None
    updated: dt.datetime | None = None
    draft: bool = False
    #: Source-relative path ("/images/a.png") or absolute URL; "" when none.
    image: str = ""
    summary: str = ""
    authors: tuple[str, ...] = ()
    #: taxonomy name -> cleaned spellings, in front-matter order, deduplicated by key.
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reading_minutes: int = 0
    language: str = ""
    #: Id of the article's title section: the target of index entries.
    anchor: str = ""
    sources: tuple[Source, ...] = ()
    #: Where the piece was first published (an absolute URL); "" when here.
    canonical_url: str = ""
    #: "subscriber" for a paywalled article; "" when free to read.
    access: str = ""
    #: The front matter's ``robots`` directives, lowercased ("noindex, nofollow"); "" unsaid.
    robots: str = ""
    #: Corrections and updates, oldest first.
    corrections: tuple[Correction, ...] = ()
    #: Line of the authors in the front matter (for warnings about them); 0 when none.
    authors_line: int = 0

    @property
    def modified(self) -> dt.datetime | None:
        """When the article last changed: the latest of ``updated`` and its notices' dates.

        Without either, its date. The metadata (``dateModified``), every feed and
        the sitemap give this one moment.
        """
        moments = [c.date for c in self.corrections]
        if self.updated is not None:
            moments.append(self.updated)
        return max(moments, key=lambda m: m.timestamp()) if moments else self.date
    #: The front matter's ``language`` (a BCP 47 tag); "" unsaid (see ``language``, detected).
    declared_language: str = ""
    #: Versions of one article share a key (Hugo's ``translationKey``); "" when none.
    translation_key: str = ""
    #: The ``translations:`` mapping: (language, docname or path), as written.
    translations: tuple[tuple[str, str], ...] = ()
    #: Lines of ``translations:`` and ``language`` in the front matter, for warnings.
    translations_line: int = 1
    language_line: int = 1

    @property
    def noindex(self) -> bool:
        """The article asks search engines not to index it (``robots: noindex``)."""
        return is_noindex(self.robots)

    def listing(self) -> tuple[object, ...]:
        """What lists, indexes and term pages show of the article.

        When this is unchanged, an edit (of the body, say) needs no page other
        than the article's own to be rewritten.
        """
        # A source's line only locates warnings: an edit above a footnote moves
        # it, and changes nothing any list or the bibliography shows.
        sources = tuple((s.label, s.number, s.target, s.citation, s.cited, s.whole)
                        for s in self.sources)
        return (self.title, self.date, self.updated, self.draft, self.image, self.summary,
                self.authors, self.terms, self.anchor, sources, self.corrections)

    def terms_of(self, taxonomy: str) -> tuple[str, ...]:
        """The spellings of one taxonomy's terms (empty when it has none).

        The ``authors`` taxonomy is the article's authors.
        """
        found = dict(self.terms).get(taxonomy)
        if found is None and taxonomy == AUTHORS:
            return self.authors
        return found or ()


@dc.dataclass(frozen=True, slots=True)
class Fields:
    """What the front matter says, before the doctree adds title and reading time."""

    title: str = ""
    date: dt.datetime | None = None
    updated: dt.datetime | None = None
    draft: bool = False
    image: str = ""
    summary: str = ""
    authors: tuple[str, ...] = ()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The front matter explicitly said ``article: true`` / ``article: false`` (None: unsaid).
    article_flag: bool | None = None
    #: How the article's footnotes are read (``auto``, ``sources``, ``notes``; "" unsaid).
    footnotes: str = ""
    canonical_url: str = ""
    access: str = ""
    robots: str = ""
    corrections: tuple[Correction, ...] = ()
    language: str = ""
    translation_key: str = ""
    translations: tuple[tuple[str, str], ...] = ()
    #: Line of each canonical field, for warnings raised later (image, title).
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, field: str) -> int:
        return dict(self.lines).get(field, 1)


def is_article(fm: RawFrontMatter, fields: Mapping[str, Sequence[str]],
               date_sources: Sequence[str] = (":fields",), docname: str = "") -> bool:
    """A doc is an article when a date source gives it a date, or it says ``article: true``.

    The date sources are those of ``newsroom_date_sources``: the front matter's
    date keys (``:fields``), a front-matter key of its own, the file name
    (``:filename``, for a file with front matter) or Zola's ``path`` key (``:path``).
    """
    flag = fm.data.get("article")
    if isinstance(flag, bool):
        return flag
    if isinstance(flag, str) and flag.strip().lower() in _TRUE | _FALSE - {""}:
        return flag.strip().lower() in _TRUE
    for source in date_sources:
        keys = (fields["date"] if source == ":fields" else () if source in _SPECIAL_SOURCES
                else [source])
        if any(fm.data.get(key) not in (None, "") for key in keys):
            return True
        if source == ":filename" and fm.kind and file_date_parts(docname):
            return True
        if source == ":path" and path_date_parts(fm.data.get("path")):
            return True
    return False


#: The date sources that are no front-matter key of that name.
_SPECIAL_SOURCES = (":fields", ":filename", ":path")


#: Jekyll's post names and Hugo's ``:filename`` dates: ``2022-02-09-slug``.
_FILE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[-_]|$)")


def file_date_parts(docname: str) -> tuple[int, int, int] | None:
    """The date at the start of the file name, if it is a real date."""
    parts = docname.split("/")
    # A Hugo page bundle: the date names the folder of its index.md.
    name = parts[-2] if len(parts) > 1 and parts[-1] in ("index", "_index") else parts[-1]
    match = _FILE_DATE.match(name)
    return _real_date(match.groups()) if match else None


#: A URL path ending in ``YYYY/MM/DD/slug``, as the Rust blog's Zola templates read it.
_PATH_DATE = re.compile(r"(?:^|/)(\d{4})/(\d{1,2})/(\d{1,2})/[^/]+/?$")


def path_date_parts(path: Any) -> tuple[int, int, int] | None:
    """The date of a Zola ``path`` front-matter value (``"2018/07/27/slug"``), if real.

    Zola itself dates a page by its front matter or its file name only; a blog
    that keeps the date in ``path`` alone (the Rust blog: ``[inside-rust/]YYYY/MM/DD/slug``)
    reads it from the path's last four parts in its templates.
    """
    match = _PATH_DATE.search(path.strip()) if isinstance(path, str) else None
    return _real_date(match.groups()) if match else None


def _real_date(groups: Sequence[str]) -> tuple[int, int, int] | None:
    year, month, day = (int(g) for g in groups)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


#: Why a page whose front matter reads like an article's is not one (``has_article_keys``).
NOT_AN_ARTICLE = ("front matter with terms or a summary but no date: not published as an "
                  "article (add a date, name the file YYYY-MM-DD-slug, or set article: true)")


def has_article_keys(fm: RawFrontMatter, fields: Mapping[str, Sequence[str]],
                     taxonomies: Mapping[str, Sequence[str]]) -> bool:
    """Front matter that reads like an article's: terms, a summary, authors or an image."""
    keys = [k for ks in taxonomies.values() for k in ks]
    # ``fields`` has every canonical field (config.py completes a project's own).
    keys += [k for field in ("summary", "authors", "image", "updated") for k in fields[field]]
    return any(fm.data.get(key) not in (None, "", []) for key in keys)


def normalise(
    fm: RawFrontMatter,
    fields: Mapping[str, Sequence[str]],
    taxonomies: Mapping[str, Sequence[str]],
    tz: dt.tzinfo,
    aliases: Mapping[str, str] | None = None,
    date_sources: Sequence[str] = (":fields",),
    docname: str = "",
) -> tuple[Fields, list[Problem]]:
    """Turn raw front matter into typed ``Fields`` plus the problems found on the way.

    A Jekyll post (its file name starts with a date) writes ``tags`` and
    ``categories`` as one space-separated string: such a string is split on
    spaces; elsewhere a string holds one term (or several between commas).
    """
    problems: list[Problem] = []
    found: dict[str, tuple[str, Any]] = {}
    for field, keys in fields.items():
        for key in keys:
            if key in fm.data and fm.data[key] is not None:
                found[field] = (key, fm.data[key])
                break

    # Both only ever see a field the front matter has (one in ``found``).
    def line(field: str) -> int:
        return fm.line_of(found[field][0])

    def problem(subtype: NewsroomWarning, field: str, message: str) -> None:
        problems.append(Problem(subtype, f"{found[field][0]!r}: {message}", line(field)))

    def text(field: str) -> str:
        if field not in found:
            return ""
        value = found[field][1]
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, bool | int | float | dt.date):
            problem(NewsroomWarning.FIELD, field,
                    f"expected text, got {type(value).__name__}; using {value!s}")
            return str(value)
        problem(NewsroomWarning.FIELD, field, f"expected text, got {type(value).__name__}; ignored")
        return ""

    def when(field: str) -> dt.datetime | None:
        if field not in found:
            return None
        try:
            return parse_datetime(found[field][1], tz)
        except DateError as error:
            problem(NewsroomWarning.DATE, field, f"{error}; ignored")
            return None

    draft = False
    if "draft" in found:
        value = found["draft"][1]
        if isinstance(value, bool):
            draft = value
        elif isinstance(value, str | int) and str(value).strip().lower() in _TRUE | _FALSE:
            draft = str(value).strip().lower() in _TRUE
        else:
            draft = True
            problem(NewsroomWarning.DRAFT, "draft", f"{_show(value)} is neither true nor false; "
                    "treating the article as a draft so it is not published by mistake")

    title = text("title")
    if "title" in found and isinstance(found["title"][1], str) and not title:
        problem(NewsroomWarning.TITLE, "title", "the title is empty")

    spaced = file_date_parts(docname) is not None
    terms = tuple(
        (name, _terms(name, keys, fm, problems, alias_map(aliases or {}), spaced))
        for name, keys in taxonomies.items()
    )

    def dated() -> dt.datetime | None:
        for source in date_sources:
            if source == ":fields":
                value = when("date")
            elif source in (":filename", ":path"):
                parts = ((file_date_parts(docname) if fm.kind else None) if source == ":filename"
                         else path_date_parts(fm.data.get("path")))
                value = dt.datetime(*parts, tzinfo=tz) if parts else None
            elif fm.data.get(source) not in (None, ""):
                try:
                    value = parse_datetime(fm.data[source], tz)
                except DateError as error:
                    problems.append(Problem(NewsroomWarning.DATE, f"{source!r}: {error}; ignored",
                                            fm.line_of(source)))
                    value = None
            else:
                value = None
            if value is not None:
                return value
        return None

    article_flag = fm.data.get("article") if isinstance(fm.data.get("article"), bool) else None
    footnotes = text("footnotes").lower()
    if footnotes and footnotes not in FOOTNOTE_MODES:
        problem(NewsroomWarning.FIELD, "footnotes",
                f"{footnotes!r} is not one of {', '.join(FOOTNOTE_MODES)}; "
                "using newsroom_footnotes")
        footnotes = ""
    canonical_url = text("canonical_url")
    if canonical_url and not _ABSOLUTE_URL.match(canonical_url):
        problem(NewsroomWarning.FIELD, "canonical_url",
                f"{_show(canonical_url)} is not an absolute http(s) URL; ignored")
        canonical_url = ""
    access = text("access").lower()
    if access not in ACCESS_VALUES:
        problem(NewsroomWarning.FIELD, "access",
                f"{_show(access)} is not one of {', '.join(repr(v) for v in ACCESS_VALUES if v)}; "
                "the article is read as free")
        access = ""
    language = text("language")
    if language and not is_language_tag(language.replace("_", "-")):
        language = tag_for_name(language) or language  # ABlog writes "English"
    if language and not is_language_tag(language.replace("_", "-")):
        problems.append(Problem(
            NewsroomWarning.TRANSLATION,
            f"{found['language'][0]!r}: {_show(language)} is no BCP 47 language tag (such as "
            "'en', 'zh-Hans' or 'pt-BR'); the article is read in the site's language",
            line("language")))
        language = ""
    result = Fields(
        title=title,
        date=dated(),
        updated=when("updated"),
        draft=draft,
        image=text("image"),
        summary=text("summary"),
        authors=_names(found.get("authors"), fm, problems),
        terms=terms,
        article_flag=article_flag,
        footnotes=footnotes,
        canonical_url=canonical_url,
        access="" if access == "free" else access,
        robots=robots_directives(found["robots"][1] if "robots" in found else ""),
        corrections=read_corrections(fm, tz, problems),
        language=normal_tag(language) if language else "",
        translation_key=text("translation_key"),
        translations=_translations(found.get("translations"), fm, problems),
        lines=tuple((field, line(field)) for field in found),
    )
    return result, problems


def read_corrections(fm: RawFrontMatter, tz: dt.tzinfo,
                     problems: list[Problem]) -> tuple[Correction, ...]:
    """The ``corrections:`` and ``updates:`` lists, oldest first; a bad entry is left out.

    Each entry is a mapping with a ``date`` and a ``text``; anything else is a
    located problem (the line of its list, the entry's number), and the other
    entries are kept.
    """
    found: list[Correction] = []
    for key, kind in CORRECTION_KEYS:
        value = fm.data.get(key)
        if value is None:
            continue
        line = fm.line_of(key)
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            problems.append(Problem(NewsroomWarning.CORRECTION,
                                    f"{key!r}: expected a list of entries with a date and a "
                                    f"text, got {_show(value)}; ignored", line))
            continue
        for number, entry in enumerate(value, 1):
            where = f"{key!r} entry {number}"
            if not isinstance(entry, dict):
                problems.append(Problem(NewsroomWarning.CORRECTION,
                                        f"{where}: expected a mapping with a date and a text, "
                                        f"got {_show(entry)}; left out", line))
                continue
            text = entry.get("text")
            if not isinstance(text, str) or not " ".join(text.split()):
                said = "has no text" if text is None or isinstance(text, str) else \
                    f"text must be text, got {_show(text)}"
                problems.append(Problem(NewsroomWarning.CORRECTION, f"{where}: {said}; left out",
                                        line))
                continue
            if entry.get("date") in (None, ""):
                problems.append(Problem(NewsroomWarning.CORRECTION,
                                        f"{where}: has no date; left out", line))
                continue
            try:
                when = parse_datetime(entry["date"], tz)
            except DateError as error:
                problems.append(Problem(NewsroomWarning.CORRECTION, f"{where}: {error}; left out",
                                        line))
                continue
            found.append(Correction(when, " ".join(text.split()), kind))
    return tuple(sorted(found, key=lambda c: (c.date.timestamp(), c.kind, c.text)))


#: What ``access`` may say: free to read (the default) or for subscribers only.
ACCESS_VALUES = ("", "free", "subscriber")
_ABSOLUTE_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.I)


def robots_directives(value: Any) -> str:
    """A ``robots`` value (text or a list) as one lowercased, comma-separated string."""
    items = value if isinstance(value, list | tuple) else [value]
    words = [w.strip().lower() for item in items if isinstance(item, str)
             for w in item.split(",")]
    return ", ".join(dict.fromkeys(w for w in words if w))


def is_noindex(robots: str) -> bool:
    """Whether robots directives keep a page out of search indexes (``noindex`` or ``none``)."""
    return bool({w.strip() for w in robots.lower().split(",")} & {"noindex", "none"})


def _show(value: Any) -> str:
    """A short, safe description of a value for a warning."""
    if isinstance(value, str | int | float | bool):
        shown = repr(value)
        return shown if len(shown) <= 40 else shown[:37] + "..."
    return f"a {type(value).__name__}"


def _items(value: Any) -> list[Any]:
    if isinstance(value, str):
        return split_terms(value)
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _terms(
    taxonomy: str,
    keys: Sequence[str],
    fm: RawFrontMatter,
    problems: list[Problem],
    aliases: Mapping[str, str],
    spaced: bool,
) -> tuple[str, ...]:
    """Collect one taxonomy's terms from all of its keys, deduplicated by term key."""
    spellings: dict[str, str] = {}
    for key in keys:
        value = fm.data.get(key)
        if value is None:
            continue
        jekyll = spaced and isinstance(value, str) and split_terms(value) == [value]
        for item in (value.split() if jekyll else _items(value)):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                problems.append(Problem(
                    NewsroomWarning.TERM,
                    f"{key!r}: {taxonomy} must be text; {_show(item)} ignored", fm.line_of(key)))
                continue
            spelling = clean_spelling(str(item))
            spelling = aliases.get(term_key(spelling), spelling)
            if not term_key(spelling):
                if isinstance(value, list):
                    problems.append(Problem(
                        NewsroomWarning.TERM, f"{key!r}: an empty {taxonomy} entry is ignored",
                        fm.line_of(key)))
                continue
            spellings.setdefault(term_key(spelling), spelling)
    return tuple(spellings.values())


def _names(found: tuple[str, Any] | None, fm: RawFrontMatter, problems: list[Problem]) -> tuple[
    str, ...
]:
    if found is None:
        return ()
    key, value = found
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            item = item["name"]
        if not isinstance(item, str):
            problems.append(Problem(
                NewsroomWarning.FIELD, f"{key!r}: an author must be text; {_show(item)} ignored",
                fm.line_of(key)))
            continue
        name = clean_spelling(item)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _translations(found: tuple[str, Any] | None, fm: RawFrontMatter,
                  problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    """``translations:`` as (language tag, target): a mapping of tags to docnames or paths."""
    if found is None:
        return ()
    key, value = found
    if not isinstance(value, dict):
        problems.append(Problem(
            NewsroomWarning.TRANSLATION, f"{key!r}: expected a mapping of language to "
            f"document (zh: story-zh), got {_show(value)}; ignored", fm.line_of(key)))
        return ()
    pairs: list[tuple[str, str]] = []
    for tag, target in value.items():
        tag = str(tag).strip()
        if not is_language_tag(tag.replace("_", "-")):
            problems.append(Problem(
                NewsroomWarning.TRANSLATION,
                f"{key!r}: {_show(tag)} is no BCP 47 language tag; entry ignored",
                fm.line_of(key)))
            continue
        if not isinstance(target, str) or not target.strip():
            problems.append(Problem(
                NewsroomWarning.TRANSLATION,
                f"{key!r}: {tag}: expected a document name or path, got {_show(target)}; "
                "entry ignored", fm.line_of(key)))
            continue
        pairs.append((normal_tag(tag), target.strip()))
    return tuple(pairs)


def matches_filters(article: Article, filters: dict[str, list[str]]) -> bool:
    """The article carries one of the wanted terms of every filtered taxonomy."""
    for taxonomy, wanted in filters.items():
        have = {term_key(t) for t in article.terms_of(taxonomy)}
        if wanted and not have.intersection(wanted):
            return False
    return True
