"""``NewsroomDomain``: every article's record, keyed by docname.

All cross-document state lives here (not on ``env``), so Sphinx pickles it,
clears it per document and merges it from parallel readers.  Terms are derived
from the articles once per build, in ``env-updated``.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
from collections.abc import Set
from typing import Any

from sphinx.config import Config
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .citations.bibliography import Collision, Entry, collect
from .model.article import Article
from .model.authors import AUTHORS, AuthorEntry
from .model.frontmatter import Problem
from .model.related import related_articles
from .model.selection import Pool
from .model.taxonomy import Term, collect_terms
from .model.terms import term_key
from .model.translations import Version, effective_language, versions


class NewsroomDomain(Domain):
    """Articles, the docs that list them, and the terms derived from them."""

    name = "newsroom"
    label = "Newsroom"
    #: Bump whenever the shape of ``self.data`` changes: old pickles are dropped.
    data_version = 18
    initial_data = {
        "articles": {}, "listers": {}, "terms": {}, "bibliographies": {}, "bibliography_doc": None,
        "related": {}, "term_refs": {}, "page_frames": {}, "csl_styles": {}, "authors": {},
        "paged_lists": {}, "versions": {},
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: docname -> its article before this build re-read or removed it (None: none).
        self._before: dict[str, Article | None] = {}
        #: Term pages whose content changed in this build.
        self.changed_pages: set[str] = set()
        #: Of ``changed_pages``, the lists whose articles and order stand, with the
        #: articles whose entries changed: only the pages showing one of those are
        #: rewritten (``html.pages.Generator.fresh``).
        self.changed_entries: dict[str, frozenset[str]] = {}
        #: Term pages of terms that no longer exist (their files are removed).
        self.removed_pages: set[str] = set()
        #: Whether the theme's frame of the generated pages changed since they were written.
        self.frame_changed = False
        #: Whether feeds, exports and site-wide checks must be redone this build.
        self.outputs_stale = True
        #: The site's bibliography (entries, collisions), computed once per build.
        self._site_sources: tuple[list[Entry], list[Collision]] | None = None
        #: What the translations of this build's articles got wrong: (docname, Problem).
        self.translation_problems: list[tuple[str, Problem]] = []
        #: Paginated lists of this build: base pagename -> number of pages (``html.paging``).
        self.page_counts: dict[str, int] | None = None
        #: ``published``'s last answers: (show_drafts, whether ``now`` matters) ->
        #: [asked at, good until, articles, their Pool] (see ``_published``).
        self._published_memo: dict[tuple[bool, bool], list[Any]] = {}

    @property
    def articles(self) -> dict[str, Article]:
        return self.data.setdefault("articles", {})

    @property
    def listers(self) -> dict[str, bool]:
        """Docs holding a directive that lists articles (rewritten when articles change)."""
        return self.data.setdefault("listers", {})

    @property
    def terms(self) -> dict[str, dict[str, Term]]:
        """taxonomy -> term key -> Term, over the articles a reader may see."""
        return self.data.setdefault("terms", {})

    @property
    def bibliographies(self) -> dict[str, bool]:
        """Docs holding ``news-bibliography`` -> whether that one filters by terms."""
        return self.data.setdefault("bibliographies", {})

    def note_bibliography(self, docname: str, filtered: bool) -> None:
        self.bibliographies[docname] = self.bibliographies.get(docname, True) and filtered

    def bibliography_doc(self) -> str | None:
        """The doc whose unfiltered bibliography footnotes link to (first by name)."""
        return next((d for d in sorted(self.bibliographies) if not self.bibliographies[d]), None)

    def add_article(self, article: Article) -> None:
        self._published_memo.clear()
        self.articles[article.docname] = article

    def note_lister(self, docname: str) -> None:
        self.listers[docname] = True

    @property
    def term_refs(self) -> dict[str, set[tuple[str, str]]]:
        """docname -> the terms it links to (its panel, its roles)."""
        return self.data.setdefault("term_refs", {})

    def note_term_ref(self, docname: str, taxonomy: str, key: str) -> None:
        """A link whose target (the term's page) may come or go with other articles."""
        self.term_refs.setdefault(docname, set()).add((taxonomy, key))

    @property
    def csl_styles(self) -> dict[str, int]:
        """Articles whose front matter names a CSL style (``csl:``) -> the line of it."""
        return self.data.setdefault("csl_styles", {})

    def note_csl_style(self, docname: str, line: int) -> None:
        self.csl_styles[docname] = line

    @property
    def paged_lists(self) -> dict[str, list[dict[str, Any]]]:
        """Docs holding ``article-list`` without ``:limit:`` -> each one's attributes."""
        return self.data.setdefault("paged_lists", {})

    def note_paged_list(self, docname: str, attributes: dict[str, Any]) -> None:
        self.paged_lists.setdefault(docname, []).append(attributes)

    @property
    def versions(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """docname -> its published versions (hreflang, docname), itself included."""
        return self.data.setdefault("versions", {})

    def clear_doc(self, docname: str) -> None:
        self._before.setdefault(docname, self.articles.get(docname))
        self._published_memo.clear()
        self.articles.pop(docname, None)
        self.listers.pop(docname, None)
        self.bibliographies.pop(docname, None)
        self.term_refs.pop(docname, None)
        self.csl_styles.pop(docname, None)
        self.paged_lists.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._published_memo.clear()
        for docname, article in otherdata.get("articles", {}).items():
            if docname in docnames:
                self.articles[docname] = article
        for docname in otherdata.get("listers", {}):
            if docname in docnames:
                self.listers[docname] = True
        for docname, filtered in otherdata.get("bibliographies", {}).items():
            if docname in docnames:
                self.bibliographies[docname] = filtered
        for docname, refs in otherdata.get("term_refs", {}).items():
            if docname in docnames:
                self.term_refs[docname] = refs
        for docname, line in otherdata.get("csl_styles", {}).items():
            if docname in docnames:
                self.csl_styles[docname] = line
        for docname, lists in otherdata.get("paged_lists", {}).items():
            if docname in docnames:
                self.paged_lists[docname] = lists

    def published(self, show_drafts: bool, now: dt.datetime | None = None) -> list[Article]:
        """Articles a reader may see, newest first (drafts only with ``show_drafts``)."""
        return list(self._published(show_drafts, now)[2])

    def pool(self, show_drafts: bool, now: dt.datetime | None = None) -> Pool:
        """``published``'s articles, indexed by term for the lists that filter them."""
        memo = self._published(show_drafts, now)
        if memo[3] is None:
            members = {taxonomy: {key: term.docnames for key, term in terms.items()}
                       for taxonomy, terms in self.terms.items()}
            memo[3] = Pool(memo[2], members)
        return memo[3]

    def _published(self, show_drafts: bool, now: dt.datetime | None) -> list[Any]:
        """The memo of ``published``: [asked at, good until, articles, their Pool].

        Every list, term page and feed of a build asks for the published
        articles, thousands of times on a large site: the answer is kept until
        an article or a term changes, or ``now`` reaches the next embargo's end
        (the only moment the answer can change).
        """
        timeless = show_drafts or now is None  # then the answer does not depend on now
        memo = self._published_memo.get((show_drafts, timeless))
        if memo is not None:
            asked, until = memo[0], memo[1]
            if timeless or (asked is not None and now is not None and asked <= now
                            and (until is None or now < until)):
                return memo
        articles = sorted(
            (a for a in self.articles.values() if show_drafts or is_public(a, now)),
            key=article_order,
        )
        until = None
        if not timeless:
            until = min((a.date for a in self.articles.values()
                         if not a.draft and a.date is not None and now is not None
                         and a.date > now), default=None)
        memo = [now, until, articles, None]
        self._published_memo[show_drafts, timeless] = memo
        return memo

    def site_sources(self, show_drafts: bool, now: dt.datetime) -> tuple[list[Entry],
                                                                          list[Collision]]:
        """Every published source and every collision, computed once per build.

        The collision check, the unfiltered lists and the exports all need it.
        """
        if self._site_sources is None:
            self._site_sources = collect(self.published(show_drafts, now))
        return self._site_sources

    @property
    def authors(self) -> dict[str, AuthorEntry]:
        """term key -> the authors file's entry (set in ``update``)."""
        return self.data.setdefault("authors", {})

    def author(self, spelling: str) -> AuthorEntry | None:
        """The entry of the author an article names ``spelling``, if the file has one."""
        return self.authors.get(term_key(spelling))

    def author_name(self, spelling: str) -> str:
        """How an author is shown: the entry's name, else as the article writes it."""
        entry = self.author(spelling)
        return entry.name if entry else spelling

    def update(self, config: Config, now: dt.datetime, stamp: tuple[object, ...],
               authors: dict[str, AuthorEntry] | None = None) -> list[str]:
        """Derive terms and related articles; return the docs to rewrite.

        A doc is rewritten when what it shows of other articles changed: docs
        with lists when any article's listing changed, articles whose related
        articles changed, every article when the bibliography moved. ``stamp``
        holds the settings that shape the outputs (``config.outputs_stamp``):
        when it changed, every page is rewritten, the generated ones included.
        """
        self._site_sources = None
        self._published_memo.clear()  # the terms are derived anew
        authors = authors or {}
        # The entries shape bylines and author pages: a change rewrites like a setting.
        stamp = (*stamp, sorted(authors.items()))
        self.data["authors"] = authors
        self.page_counts = None
        unchanged = self.data.get("outputs_stamp") == stamp
        self.data["outputs_stamp"] = stamp
        if unchanged and not self._before and self.embargo_ended(now) == []:
            # Nothing was read (a no-op build): every derived thing stands.
            self.changed_pages, self.removed_pages, self.outputs_stale = set(), set(), False
            self.changed_entries = {}
            self.data["built_at"] = now
            return []
        self.outputs_stale = True
        old_terms, old_related = self.terms, self.related
        visible = self.published(config.newsroom_show_drafts, now)
        taxonomies = [*config.newsroom_taxonomies]
        if config.newsroom_author_pages:
            taxonomies.append(AUTHORS)
        terms = collect_terms(visible, taxonomies, set(self.env.found_docs))
        for key, term in terms.get(AUTHORS, {}).items():
            if key in authors:
                terms[AUTHORS][key] = dc.replace(term, name=authors[key].name)
        self.data["terms"] = terms
        for memo in self._published_memo.values():
            memo[3] = None  # its index of the terms is out of date
        basis = (tuple(config.newsroom_taxonomies), config.newsroom_related)
        if (self.data.get("related_basis") != basis
                or {a.docname for a in visible} != set(self.data.get("public", ()))
                or any(_relatable(before) != _relatable(self.articles.get(docname))
                       for docname, before in self._before.items())):
            # Related articles follow the terms and dates of every article (N^1.5 work):
            # redone only when one of those, or the set of published articles, changed.
            self.data["related"] = related_articles(
                visible, list(config.newsroom_taxonomies), config.newsroom_related)
            self.data["related_basis"] = basis
        changed = {
            docname
            for docname, before in self._before.items()
            if (before.listing() if before else None)
            != (self.articles[docname].listing() if docname in self.articles else None)
        }
        # Lists of links (the archive, related articles) show only the headline.
        relinked = {
            docname for docname, before in self._before.items()
            if _headline(before) != _headline(self.articles.get(docname))
        }
        # Articles that may have changed places in a list: a new or gone article,
        # a new date.
        moved = {
            docname for docname, before in self._before.items()
            if before is None or docname not in self.articles
            or before.date != self.articles[docname].date
        }
        reread = set(self._before)
        self._before = {}
        # An embargo that ended (or a clock that moved) publishes an unchanged article.
        public = {a.docname for a in visible}
        appeared = public ^ set(self.data.get("public", ()))
        changed |= appeared
        relinked |= appeared
        moved |= appeared
        self.data["public"] = public
        self.data["built_at"] = now
        self.changed_pages = _changed_pages(old_terms, self.terms, changed)
        self.changed_entries = _changed_entries(old_terms, self.terms, changed, moved)
        self.removed_pages = {
            term.page for taxonomy, terms in old_terms.items() for key, term in terms.items()
            if key not in self.terms.get(taxonomy, {})
        } - {term.page for terms in self.terms.values() for term in terms.values()}
        rewrite = set(self.listers) if changed else set()
        if changed:
            self.changed_pages |= set(self.paged_lists)
        if relinked:
            # The site's archive shows each article's title and date, no more.
            self.changed_pages.add("archive")
            if not moved & relinked:
                self.changed_entries["archive"] = frozenset(relinked)
        # A doc's later pages follow the doc (its lists, its title).
        self.changed_pages |= reread & set(self.paged_lists)
        rewrite |= self._update_versions(config, now)
        rewrite |= {
            docname for docname in set(old_related) | set(self.related)
            if old_related.get(docname) != self.related.get(docname)
            or relinked.intersection(self.related.get(docname, ()))
        }
        # A link to a term is a link only while the term has a page.
        appeared_or_gone = _term_set(old_terms) ^ _term_set(self.terms)
        rewrite |= {d for d, refs in self.term_refs.items() if refs & appeared_or_gone}
        if self.data.get("bibliography_doc") != self.bibliography_doc():
            # Every article's footnotes link to the bibliography: they follow it.
            self.data["bibliography_doc"] = self.bibliography_doc()
            rewrite |= set(self.articles)
        if not unchanged:
            # A setting changed that may show on any page (its feed links, its
            # metadata): the term pages and the archive are rewritten like the
            # documents, and returning the documents saves the new stamp.
            self.changed_entries = {}
            self.changed_pages |= {"archive", *self.paged_lists} | {
                page for taxonomy, terms in self.terms.items()
                for page in (f"{taxonomy}/index", *(t.page for t in terms.values()))}
            rewrite |= set(self.env.found_docs)
        return sorted(d for d in rewrite if d in self.env.found_docs)

    def _update_versions(self, config: Config, now: dt.datetime) -> set[str]:
        """Derive each article's versions; return the docs whose versions changed."""
        site = config.language or "en"
        found = [Version(a.docname, effective_language(a.declared_language, a.language, site),
                         is_public(a, now), a.translation_key, a.translations,
                         a.translations_line, a.language_line)
                 for a in self.articles.values()]
        suffixes = tuple(config.source_suffix) if config.source_suffix else (".md", ".rst")
        new, self.translation_problems = versions(found, set(self.env.found_docs), suffixes,
                                                  config.newsroom_hreflang_default,
                                                  set(self.data.get("hidden", ())))
        old = self.versions
        self.data["versions"] = new
        return {d for d in set(old) | set(new) if old.get(d) != new.get(d)}

    @property
    def has_articles(self) -> bool:
        """Whether any article is shown (derived in ``update``); with none, nothing is added."""
        return bool(self.data.get("public"))

    @property
    def in_use(self) -> bool:
        """Any article (a draft's page too) or a newsroom list: else nothing is added."""
        return bool(self.articles) or bool(self.listers) or bool(self.bibliographies)

    @property
    def related(self) -> dict[str, tuple[str, ...]]:
        """docname -> related public articles, best first (derived in ``update``)."""
        return self.data.setdefault("related", {})

    def embargo_ended(self, now: dt.datetime) -> list[str]:
        """Articles dated after the last build and not after now: due to be published."""
        built_at = self.data.get("built_at")
        if built_at is None:
            return []
        return sorted(
            a.docname for a in self.articles.values()
            if not a.draft and a.date is not None and built_at < a.date <= now
        )

    def note_frame(self, outdir: str, frame: tuple[str, ...]) -> None:
        """Record what framed the pages written to ``outdir`` (theme, sidebars, templates'
        settings); ``frame_changed`` says whether it differs from the last build's."""
        frames = self.data.setdefault("page_frames", {})
        self.frame_changed = frames.get(outdir) != frame
        frames[outdir] = frame

    def term_page(self, taxonomy: str, key: str) -> str | None:
        """The pagename of a term's HTML page, or None when it has none."""
        term = self.terms.get(taxonomy, {}).get(key)
        return term.page if term else None

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def _relatable(article: Article | None) -> tuple[Any, ...] | None:
    """What an article's related articles, and its place in others', are drawn from."""
    return None if article is None else (article.date, article.terms)


def _term_set(terms: dict[str, dict[str, Term]]) -> set[tuple[str, str]]:
    return {(taxonomy, key) for taxonomy, by_key in terms.items() for key in by_key}


def _changed_pages(
    old: dict[str, dict[str, Term]], new: dict[str, dict[str, Term]], changed_docs: set[str]
) -> set[str]:
    """Term pages to rewrite: terms that changed, or that list a changed article.

    A term page also shows each article's other terms by their display name,
    so a renamed term (its most common spelling changed) touches every page
    listing an article that carries it.
    """
    renamed_docs = {
        docname
        for taxonomy, after in new.items()
        for key, term in after.items()
        if key in old.get(taxonomy, {}) and old[taxonomy][key].name != term.name
        for docname in term.docnames
    }
    changed_docs = changed_docs | renamed_docs
    pages = set()
    for taxonomy, after in new.items():
        before = old.get(taxonomy, {})
        if before != after:
            pages.add(f"{taxonomy}/index")
        for key, term in after.items():
            if before.get(key) != term or changed_docs.intersection(term.docnames):
                pages.add(term.page)
    return pages


def _changed_entries(
    old: dict[str, dict[str, Term]], new: dict[str, dict[str, Term]], changed_docs: set[str],
    moved: set[str],
) -> dict[str, frozenset[str]]:
    """Term pages whose articles and their order stand: page -> the articles whose entry
    changed (a term page with pages 2, 3, ... then needs only the pages showing one).

    A term that is new, gone, renamed or has other articles is absent (all its pages
    change: the count, the title, the places); so is one listing a moved article.
    """
    out: dict[str, frozenset[str]] = {}
    if any(key in old.get(taxonomy, {}) and old[taxonomy][key].name != term.name
           for taxonomy, after in new.items() for key, term in after.items()):
        return out  # a renamed term shows on the entries of all its articles
    for taxonomy, after in new.items():
        before = old.get(taxonomy, {})
        for key, term in after.items():
            if before.get(key) != term or moved.intersection(term.docnames):
                continue
            touched = changed_docs.intersection(term.docnames)
            if touched:
                out[term.page] = frozenset(touched)
    return out


def _headline(article: Article | None) -> tuple[object, ...] | None:
    """What a list of links shows of an article (the archive, related articles)."""
    if article is None:
        return None
    return (article.title, article.date, article.draft, article.anchor)


def is_public(article: Article, now: dt.datetime | None = None) -> bool:
    """Neither a draft nor dated in the future (an embargo)."""
    if article.draft:
        return False
    return not (now is not None and article.date is not None and article.date > now)


def article_order(article: Article) -> tuple[float, str]:
    """Newest first; undated articles last; docname breaks ties deterministically."""
    stamp = article.date.timestamp() if article.date else float("-inf")
    return (-stamp, article.docname)


def get_domain(env: BuildEnvironment) -> NewsroomDomain:
    domain = env.get_domain("newsroom")
    assert isinstance(domain, NewsroomDomain)
    return domain
