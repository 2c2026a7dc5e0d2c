"""HTML pages of the taxonomies: one per term, one overview per taxonomy.

Generated through Sphinx's ``html-collect-pages``, so they are rendered by the
site's own theme (``page.html``); no file is ever written into the source
folder.  Every user string is escaped here, before it reaches the template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder

from ..domain import get_domain
from ..i18n import _
from ..labels import taxonomy_label, taxonomy_title
from ..log import warn
from ..model.article import Article
from ..model.collation import index_letter, sort_key
from ..model.locale_dates import localised_date
from ..model.taxonomy import Term
from ..model.terms import term_key, weight_classes
from ..warnings_ import NewsroomWarning
from .visitors import TERM_CLASSES


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or builder.format != "html" \
            or builder.name == "singlehtml":
        return
    domain = get_domain(app.env)
    outdir = Path(builder.outdir)
    for taxonomy in app.config.newsroom_taxonomies:
        if not domain.terms.get(taxonomy):
            # Sphinx writes no page for an empty index, but keeps an old one.
            Path(builder.get_outfilename(f"newsroom-{taxonomy}")).unlink(missing_ok=True)
    for pagename in sorted(domain.removed_pages):
        # A term no article carries any more: a clean build would not have its page.
        stale = Path(builder.get_outfilename(pagename))
        if stale.resolve().is_relative_to(outdir.resolve()):
            stale.unlink(missing_ok=True)
    for taxonomy, terms in domain.terms.items():
        pages = [(f"{taxonomy}/index", None)] + [(t.page, t) for t in terms.values()]
        for pagename, term in pages:
            target = Path(builder.get_outfilename(pagename))
            if pagename not in domain.changed_pages and target.is_file():
                continue  # unchanged since it was written: keep the page as is
            if not target.resolve().is_relative_to(outdir.resolve()):
                # Slugs cannot climb out (see model.terms.slugify); this guards the invariant.
                warn(NewsroomWarning.TERM, f"term page {pagename!r} would be written outside "
                     "the output folder; skipped")
                continue
            if term is None:
                body, title = _overview(app, taxonomy, list(terms.values()), pagename), \
                    taxonomy_title(taxonomy)
            else:
                body, title = _term_page(app, term, pagename), \
                    f"{taxonomy_label(taxonomy)}: {term.name}"
            yield pagename, {"title": escape(title), "body": body}, "page.html"


def _uri(app: Sphinx, from_page: str, to_page: str, anchor: str = "") -> str:
    uri = _relative_uri(app.builder, from_page, to_page)
    return escape(uri + (f"#{anchor}" if anchor else ""), quote=True)


#: Builder -> (from page, to page) -> relative URI. Weakly keyed: a finished
#: build's builder (and its environment) is not kept alive by its cache.
_RELATIVE_URIS: WeakKeyDictionary[Builder, dict[tuple[str, str], str]] = WeakKeyDictionary()


def _relative_uri(builder: Builder, from_page: str, to_page: str) -> str:
    # Term pages link the same few hundred pages thousands of times.
    known = _RELATIVE_URIS.setdefault(builder, {})
    uri = known.get((from_page, to_page))
    if uri is None:
        uri = known[from_page, to_page] = builder.get_relative_uri(from_page, to_page)
    return uri


def _term_link(app: Sphinx, from_page: str, term: Term, extra: str = "") -> str:
    classes = TERM_CLASSES + extra
    return (f'<a class="{classes}" rel="tag" href="{_uri(app, from_page, term.page)}">'
            f"{escape(term.name)}</a>")


def _time(value: dt.datetime, language: str) -> str:
    return (f'<time datetime="{escape(value.isoformat(), quote=True)}">'
            f"{escape(localised_date(value, language))}</time>")


def _article_item(app: Sphinx, page: str, article: Article, skip: Term | None) -> str:
    domain = get_domain(app.env)
    language = app.config.language or "en"
    parts = [f'<li class="news-list-item"><p class="news-list-title">'
             f'<a class="reference internal" href="{_uri(app, page, article.docname)}">'
             f"<strong>{escape(article.title)}</strong></a>"]
    if article.date:
        parts.append(" · " + _time(article.date, language))
    parts.append("</p>")
    if article.summary:
        parts.append(f'<p class="news-list-summary">{escape(article.summary)}</p>')
    links = []
    for taxonomy, spellings in article.terms:
        for spelling in spellings:
            term = domain.terms.get(taxonomy, {}).get(term_key(spelling))
            if term is not None and term != skip:
                links.append(_term_link(app, page, term))
    if links:
        parts.append(f'<p class="news-list-terms">{" ".join(links)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _term_page(app: Sphinx, term: Term, page: str) -> str:
    domain = get_domain(app.env)
    count = len(term.docnames)
    label = taxonomy_label(term.taxonomy)
    items = "\n".join(_article_item(app, page, domain.articles[d], term) for d in term.docnames)
    overview = _uri(app, page, f"{term.taxonomy}/index")
    return (
        f'<section class="news-term-page" id="{escape(term.slug, quote=True)}">\n'
        f"<h1>{escape(label)}: {escape(term.name)}</h1>\n"
        f'<p class="news-count">{escape(_count_text(count))}'
        f' · <a href="{overview}">{escape(taxonomy_title(term.taxonomy))}</a></p>\n'
        f'<ul class="news-article-list">\n{items}\n</ul>\n</section>'
    )


def _count_text(count: int) -> str:
    return _("1 article") if count == 1 else _("%d articles") % count


def _overview(app: Sphinx, taxonomy: str, terms: list[Term], page: str) -> str:
    terms = sorted(terms, key=lambda t: sort_key(t.name))
    weights = weight_classes({t.key: len(t.docnames) for t in terms})
    cloud = " ".join(_term_link(app, page, t, f" news-weight-{weights[t.key]}") for t in terms)
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(index_letter(term.name), []).append(term)
    az = "\n".join(
        f'<h2 id="letter-{escape(letter, quote=True)}">{escape(letter)}</h2>\n<ul>'
        + "".join(f"<li>{_term_link(app, page, t)} "
                  f'<span class="news-count">({len(t.docnames)})</span></li>' for t in members)
        + "</ul>"
        for letter, members in groups.items()
    )
    note = escape(_("Chinese terms are sorted by their pinyin."))
    return (
        f'<section class="news-taxonomy-page">\n<h1>{escape(taxonomy_title(taxonomy))}</h1>\n'
        f'<p class="news-count">{escape(_("%d terms") % len(terms))}</p>\n'
        f'<p class="news-cloud">{cloud}</p>\n'
        f'<p class="news-sort-note">{note}</p>\n<div class="news-az">\n{az}\n</div>\n</section>'
    )
