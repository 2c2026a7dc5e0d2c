"""HTML pages of the taxonomies: one per term, one overview per taxonomy.

Each page holds the placeholders of ``article-list`` (a term's articles) and
``taxonomy-index`` (the cloud and the A-Z list), rendered as any doc's are
(see :mod:`.pages`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..builders import relative_link
from ..directives.nodes import article_list, term_index
from ..i18n import _
from ..labels import taxonomy_label, taxonomy_title
from ..log import warn
from ..model.authors import AUTHORS, AuthorEntry
from ..model.taxonomy import Term
from ..paging import page_counts, page_name, term_list_attributes
from ..warnings_ import NewsroomWarning
from .pages import Generator, Page, writes_pages


def collect_pages(app: Sphinx) -> Iterator[Page]:
    if not writes_pages(app.builder):
        return
    pages = Generator(app)
    domain = pages.domain
    if AUTHORS not in domain.terms:
        pages.remove(f"{AUTHORS}/index")  # author pages are off (newsroom_author_pages)
    for taxonomy in app.config.newsroom_taxonomies:
        if not domain.terms.get(taxonomy):
            # Sphinx writes no page for an empty index, but keeps an old one.
            pages.remove(f"newsroom-{taxonomy}")
    for pagename in sorted(domain.removed_pages):
        # A term no article carries any more: a clean build would not have its page.
        pages.remove(pagename)
    for taxonomy, terms in domain.terms.items():
        if not terms:
            # Every generated page exists because there is something to show on it.
            pages.remove(f"{taxonomy}/index")
            continue
        listed: list[tuple[str, Term | None]] = [(f"{taxonomy}/index", None)]
        listed += [(t.page, t) for t in terms.values()]
        for pagename, term in listed:
            if pages.claimed(pagename) or pages.fresh(
                    pagename, entries=None if term is None else pages.term_entries(term)):
                continue
            if not pages.inside(pagename):
                # Slugs cannot climb out (see model.terms.slugify); this guards the invariant.
                warn(NewsroomWarning.TERM, f"term page {pagename!r} would be written outside "
                     "the output folder; skipped")
                continue
            if term is None:
                title = taxonomy_title(taxonomy)
                yield pages.render(pagename, title, _overview(taxonomy, title, len(terms)))
            elif taxonomy == AUTHORS:
                overview = relative_link(app.builder, pagename, f"{taxonomy}/index")
                section = _term_page(term, term.name, overview)
                entry = domain.authors.get(term.key)
                if entry is not None:
                    section.insert(1, author_profile(app, pagename, entry))
                yield pages.render(pagename, term.name, section)
            else:
                title = f"{taxonomy_label(taxonomy)}: {term.name}"
                overview = relative_link(app.builder, pagename, f"{taxonomy}/index")
                yield pages.render(pagename, title, _term_page(term, title, overview))
        yield from _later_term_pages(app, pages, terms.values())


def _later_term_pages(app: Sphinx, pages: Generator, terms: Iterable[Term]) -> Iterator[Page]:
    """Pages 2, 3, ... of a term with more articles than ``newsroom_page_size``."""
    counts = page_counts(app)
    for term in terms:
        for number in range(2, counts.get(term.page, 1) + 1):
            pagename = page_name(term.page, number)
            if pages.claimed(pagename) or pages.fresh(pagename, term.page, number,
                                                      pages.term_entries(term)):
                continue
            # An author's page is titled with their name alone, as its first page is.
            name = term.name if term.taxonomy == AUTHORS else \
                f"{taxonomy_label(term.taxonomy)}: {term.name}"
            title = f"{name} ({_('page %d') % number})"
            overview = app.builder.get_relative_uri(pagename, f"{term.taxonomy}/index")
            yield pages.render(pagename, title, _term_page(term, title, overview, number))


def _term_page(term: Term, title: str, overview: str, number: int = 1) -> nodes.section:
    """The term's articles, newest first, each without the term's own badge."""
    section = nodes.section(ids=[term.slug], classes=["news-term-page"])
    section += nodes.title(title, title)
    count = nodes.paragraph(classes=["news-count"])
    count += nodes.Text(f"{_count_text(len(term.docnames))} · ")
    name = taxonomy_title(term.taxonomy)
    count += nodes.reference(name, name, refuri=overview, internal=True)
    section += count
    section += article_list(**term_list_attributes(term), page=number, base=term.page)
    return section


def author_profile(app: Sphinx, pagename: str, entry: AuthorEntry) -> nodes.container:
    """What the authors file says of an author: photo, bio, links (all text escaped).

    A photo given as a path is a file of the HTML output (from ``html_static_path``
    or ``html_extra_path``), linked relative to the page.
    """
    profile = nodes.container(classes=["news-author-profile"])
    if entry.photo:
        uri = entry.photo if "://" in entry.photo else relative_uri(
            app.builder.get_target_uri(pagename), entry.photo.lstrip("/"))
        profile += nodes.image(uri=uri, alt=entry.name, classes=["news-author-photo"])
    if entry.bio:
        profile += nodes.paragraph(entry.bio, entry.bio, classes=["news-author-bio"])
    if entry.links:
        links = nodes.bullet_list(classes=["news-author-links"])
        for label, url in entry.links:
            links += nodes.list_item("", nodes.paragraph(
                "", "", nodes.reference(label, label, refuri=url)))
        profile += links
    return profile


def _count_text(count: int) -> str:
    return _("1 article") if count == 1 else _("%d articles") % count


def _overview(taxonomy: str, title: str, count: int) -> nodes.section:
    """Every term as a cloud, then A to Z with its count."""
    section = nodes.section(ids=[taxonomy], classes=["news-taxonomy-page"])
    section += nodes.title(title, title)
    if taxonomy == AUTHORS:
        # People, A to Z: a cloud would size them by how much they write.
        section += nodes.paragraph(classes=["news-count"], text=_("%d authors") % count)
        section += term_index(taxonomy=taxonomy, format="az", sort="name", min_count=1)
        return section
    section += nodes.paragraph(classes=["news-count"], text=_("%d terms") % count)
    section += term_index(taxonomy=taxonomy, format="cloud", sort="name", min_count=1)
    section += nodes.paragraph(classes=["news-sort-note"],
                               text=_("Chinese terms are sorted by their pinyin."))
    section += term_index(taxonomy=taxonomy, format="az", sort="name", min_count=1)
    return section
