"""``sitemap.xml`` (sitemaps.org 0.9) and ``news-sitemap.xml`` (Google News), and ``noindex``.

Files (HTML builders that publish a site, with a site URL):

* ``sitemap.xml``: every published page, with ``lastmod`` from the article's
  ``updated`` or ``date`` (never a file time); past ``SITEMAP_LIMIT`` URLs it
  becomes a sitemap index of ``sitemap-1.xml``, ``sitemap-2.xml``, ...
* ``news-sitemap.xml``: the articles published in the two days before the
  build clock, with the ``news:`` elements Google News reads; past
  ``NEWS_LIMIT`` URLs an index of ``news-sitemap-1.xml``, ... Not written when
  no article is that recent (a sitemap needs one URL at least).

A page is left out when it is a draft or embargoed (even with
``newsroom_show_drafts``), when its front matter says ``robots: noindex``
(such a page also gets ``<meta name="robots">``), or when its
``canonical_url`` names another site: a sitemap lists canonical URLs only.

When sphinx-sitemap is loaded it writes ``sitemap.xml``; this module then
edits the links it collected (``build-finished``, before sphinx-sitemap runs):
it drops the pages left out here and duplicates, and gives articles the
newsroom's ``lastmod``.

Both sitemaps are computed from the environment, never from the pages this
build happened to write, so an incremental or parallel build writes the same
bytes as a clean one; a file is only rewritten when its bytes change.
"""

from __future__ import annotations

import datetime as dt
import queue
import weakref
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .. import clock
from ..builders import writes_parts
from ..config import set_by_user
from ..domain import get_domain, is_public
from ..log import warn
from ..model.article import Article, is_noindex, robots_directives
from ..paging import ARCHIVE_PAGE, page_counts, page_name
from ..warnings_ import NewsroomWarning
from .feeds import is_site_builder, uri, xml_text
from .pages import writes_pages
from .seo import language
from .translations import alternates
from .urls import absolute_url, asset_url, site_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
#: Google's localized versions in a sitemap: ``<xhtml:link rel="alternate" hreflang>``.
XHTML_NS = "http://www.w3.org/1999/xhtml"
SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "news-sitemap.xml"
#: sitemaps.org: at most 50,000 URLs in one sitemap.
SITEMAP_LIMIT = 50_000
#: Google News: at most 1,000 ``news:news`` URLs in one news sitemap.
NEWS_LIMIT = 1_000
#: Google News: a news sitemap holds the articles of the last two days.
NEWS_WINDOW = dt.timedelta(days=2)
#: A comment in every file written here: only such files are ever deleted.
MARK = "<!-- written by sphinx-newsroom -->"
#: After other build-finished handlers that write files, before sphinx-sitemap's (500).
PRIORITY = 450

_apps: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def setup_sitemaps(app: Sphinx) -> None:
    """Connect the sitemap handlers once per application."""
    if app in _apps:
        return
    _apps.add(app)
    # After mark_unpublished (500): a draft's "noindex, nofollow" is not repeated.
    app.connect("html-page-context", add_robots_meta, priority=900)
    app.connect("build-finished", write_sitemaps, priority=PRIORITY)


def sphinx_sitemap_loaded(app: Sphinx) -> bool:
    return "sphinx_sitemap" in app.extensions


# --- Which pages ------------------------------------------------------------


def page_robots(app: Sphinx, pagename: str) -> str:
    """The robots directives of a page: its article's, else its front matter's (metadata)."""
    article = get_domain(app.env).articles.get(pagename)
    if article is not None:
        return article.robots
    return robots_directives(app.env.metadata.get(pagename, {}).get("robots", ""))


def listed(app: Sphinx, article: Article | None, now: dt.datetime) -> bool:
    """Whether a page with this article (or none) belongs in a sitemap."""
    if article is None:
        return True
    if not is_public(article, now) or article.noindex:
        return False
    return not article.canonical_url or article.canonical_url == absolute_url(app,
                                                                              article.docname)


def w3c(moment: dt.datetime) -> str:
    """W3C Datetime (https://www.w3.org/TR/NOTE-datetime), seconds precision."""
    return moment.replace(microsecond=0).isoformat()


def _modified(article: Article) -> dt.datetime | None:
    """The latest of ``updated`` and the corrections' dates, else the date."""
    return article.modified


def sitemap_pages(app: Sphinx, now: dt.datetime) -> list[tuple[str, str]]:
    """(pagename, lastmod or "") of every page of the sitemap, in pagename order."""
    domain = get_domain(app.env)
    articles = domain.articles
    pages: dict[str, str] = {}
    for docname in sorted(app.env.found_docs):
        article = articles.get(docname)
        if not listed(app, article, now) or is_noindex(page_robots(app, docname)):
            continue
        modified = _modified(article) if article else None
        pages[docname] = w3c(modified) if modified else ""
    if writes_pages(app.builder) and domain.has_articles:
        shown = {a.docname: a for a in domain.published(False, now)}
        generated: dict[str, list[Article]] = {ARCHIVE_PAGE: list(shown.values())}
        for taxonomy, terms in sorted(domain.terms.items()):
            members = [shown[d] for t in terms.values() for d in t.docnames if d in shown]
            if members:
                generated[f"{taxonomy}/index"] = members
            for term in terms.values():
                generated[term.page] = [shown[d] for d in term.docnames if d in shown]
        for pagename, members in sorted(generated.items()):
            if pagename in pages or pagename in app.env.found_docs or not members:
                continue  # a document of the project's own stands there
            stamps = [m for m in map(_modified, members) if m is not None]
            pages[pagename] = w3c(max(stamps)) if stamps else ""
    if writes_parts(app.env):
        # The parts of a split bibliography: as new as the newest article citing them.
        for docname, (split, _sort, _style) in sorted(domain.bibliography_splits.items()):
            if docname not in pages:
                continue
            parts = domain.source_parts(split, app.config.newsroom_show_drafts, now)
            for part, entries in parts.items():
                pagename = f"{docname}/{part}"
                if pagename in app.env.found_docs:
                    continue
                stamps = [m for m in (_modified(articles[c.docname]) for e in entries
                                      for c in e.citers if c.docname in articles)
                          if m is not None]
                pages[pagename] = w3c(max(stamps)) if stamps else ""
    # The later pages of every long list: with their first page's lastmod.
    for base, count in page_counts(app).items():
        if base in pages:
            for number in range(2, count + 1):
                later = page_name(base, number)
                if later not in app.env.found_docs:
                    pages[later] = pages[base]
    return sorted(pages.items())


def news_articles(app: Sphinx, now: dt.datetime) -> list[Article]:
    """Listed articles published in the ``NEWS_WINDOW`` before ``now``, newest first."""
    return [a for a in get_domain(app.env).published(False, now)
            if a.date is not None and now - NEWS_WINDOW <= a.date <= now
            and listed(app, a, now) and not is_noindex(page_robots(app, a.docname))]


def news_language(tag: str) -> str:
    """Google News's language code: ISO 639 (``en``), but ``zh-cn`` and ``zh-tw``."""
    parts = tag.replace("_", "-").lower().split("-")
    if parts[0] == "zh":
        return "zh-tw" if {"hant", "tw", "hk", "mo"} & set(parts[1:]) else "zh-cn"
    return parts[0]


def publication_name(app: Sphinx) -> str:
    config = app.config
    return (config.newsroom_publication_name or (config.newsroom_publisher or {}).get("name")
            or config.project or "News")


# --- The XML ----------------------------------------------------------------


def _text(value: str) -> str:
    return escape(xml_text(value), quote=False)


def _document(root: str, body: list[str], news: bool = False, xhtml: bool = False) -> bytes:
    namespaces = f' xmlns="{SITEMAP_NS}"' + (f' xmlns:news="{NEWS_NS}"' if news else "")
    namespaces += f' xmlns:xhtml="{XHTML_NS}"' if xhtml else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', MARK, f"<{root}{namespaces}>", *body,
             f"</{root}>", ""]
    return "\n".join(lines).encode("utf-8")


def urlset(entries: Sequence[tuple[str, str]],
           versions: dict[str, list[tuple[str, str]]] | None = None) -> bytes:
    """A sitemap of (absolute URL, lastmod or ""); ``versions``: URL -> (hreflang, URL) of
    each of its language versions, itself included."""
    versions = versions or {}
    body = []
    for loc, lastmod in entries:
        links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{_text(tag)}" '
                        f'href="{escape(xml_text(url), quote=True)}"/>'
                        for tag, url in versions.get(loc, ()))
        body.append(f"  <url>\n    <loc>{_text(loc)}</loc>" +
                    (f"\n    <lastmod>{lastmod}</lastmod>" if lastmod else "") + links +
                    "\n  </url>")
    return _document("urlset", body, xhtml=any(versions.get(loc) for loc, _ in entries))


def news_urlset(app: Sphinx, articles: Sequence[Article]) -> bytes:
    name = _text(publication_name(app))
    body = []
    for article in articles:
        assert article.date is not None
        body.append(
            f"  <url>\n    <loc>{_text(uri(absolute_url(app, article.docname)))}</loc>\n"
            "    <news:news>\n      <news:publication>\n"
            f"        <news:name>{name}</news:name>\n"
            f"        <news:language>{_text(news_language(language(app, article)))}"
            "</news:language>\n      </news:publication>\n"
            f"      <news:publication_date>{w3c(article.date)}</news:publication_date>\n"
            f"      <news:title>{_text(article.title)}</news:title>\n"
            "    </news:news>\n  </url>")
    return _document("urlset", body, news=True)


def sitemap_index(entries: Sequence[tuple[str, str]]) -> bytes:
    """A sitemap index of (absolute URL of a sitemap, its newest lastmod or "")."""
    body = [f"  <sitemap>\n    <loc>{_text(loc)}</loc>" +
            (f"\n    <lastmod>{lastmod}</lastmod>" if lastmod else "") + "\n  </sitemap>"
            for loc, lastmod in entries]
    return _document("sitemapindex", body)


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _part_name(name: str, number: int) -> str:
    stem = name.removesuffix(".xml")
    return f"{stem}-{number}.xml"


# --- Writing ----------------------------------------------------------------


def write_sitemaps(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_site_builder(app.builder):
        return
    outdir = Path(app.builder.outdir)
    now = clock.now()
    config = app.config
    base = site_url(config)
    if not base and (config.newsroom_sitemap or config.newsroom_news_sitemap) \
            and get_domain(app.env).has_articles and _asked_for(config):
        warn(NewsroomWarning.CONFIG, "no newsroom_site_url or html_baseurl: sitemaps are "
             "not written")
    own_sitemap: dict[str, bytes] = {}
    if sphinx_sitemap_loaded(app):
        # Whatever newsroom_sitemap says: drafts and noindex pages never reach a sitemap.
        edit_sphinx_sitemap_links(app, now)
    elif base and config.newsroom_sitemap:
        pages = sitemap_pages(app, now)
        entries = [(uri(absolute_url(app, name)), lastmod) for name, lastmod in pages]
        versions = {uri(absolute_url(app, name)): [(tag, uri(url)) for tag, url in
                                                   alternates(app, name)]
                    for name, _lastmod in pages}
        own_sitemap = _split(app, SITEMAP, entries, SITEMAP_LIMIT,
                             lambda chunk: urlset(chunk, versions))
    news: dict[str, bytes] = {}
    if base and config.newsroom_news_sitemap:
        recent = news_articles(app, now)
        if recent:
            news = _split(app, NEWS_SITEMAP, recent, NEWS_LIMIT,
                          lambda chunk: news_urlset(app, chunk),
                          lambda chunk: newest([w3c(a.date) for a in chunk]))
    _replace(outdir, SITEMAP, own_sitemap)
    _replace(outdir, NEWS_SITEMAP, news)


def _asked_for(config: Any) -> bool:
    return set_by_user(config, "newsroom_sitemap") or set_by_user(config,
                                                                  "newsroom_news_sitemap")


def newest(stamps: Sequence[str]) -> str:
    """The latest of W3C datetimes (in time, not in spelling: offsets differ); "" for none."""
    moments = [dt.datetime.fromisoformat(s) for s in stamps if s]
    return w3c(max(moments)) if moments else ""


def _split(app: Sphinx, name: str, items: Sequence[Any], limit: int, render: Any,
           stamp_of: Any = None) -> dict[str, bytes]:
    """{file name: bytes}: one sitemap, or an index and its numbered parts past ``limit``."""
    if len(items) <= limit:
        return {name: render(items)}
    files: dict[str, bytes] = {}
    index = []
    for number, chunk in enumerate(_chunks(items, limit), 1):
        part = _part_name(name, number)
        files[part] = render(chunk)
        stamp = stamp_of(chunk) if stamp_of else newest([lastmod for _, lastmod in chunk])
        index.append((uri(asset_url(app, part)), stamp))
    files[name] = sitemap_index(index)
    return files


def _replace(outdir: Path, name: str, files: dict[str, bytes]) -> None:
    """Write ``files``; delete what this module wrote before under ``name`` and is gone."""
    stem = name.removesuffix(".xml")
    for path in [outdir / name, *outdir.glob(f"{stem}-*.xml")]:
        if path.name not in files and path.is_file() and MARK.encode() in path.read_bytes():
            path.unlink()
    for file_name, data in files.items():
        path = outdir / file_name
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# --- sphinx-sitemap ---------------------------------------------------------


def edit_sphinx_sitemap_links(app: Sphinx, now: dt.datetime) -> None:
    """Drop left-out pages and duplicates from sphinx-sitemap's links; set articles' lastmod."""
    links = getattr(app, "sitemap_links", None)
    if links is None:
        return
    collected: list[tuple[str, Any]] = []
    while True:
        try:
            collected.append(links.get_nowait())
        except queue.Empty:
            break
    by_link: dict[str, str] = {}
    builder = app.builder
    env = app.env
    articles = get_domain(env).articles
    for docname in env.found_docs:
        by_link[_sphinx_sitemap_link(app, docname)] = docname
        by_link.setdefault(builder.get_target_uri(docname), docname)
    seen = set()
    for link, lastmod in sorted(collected, key=lambda item: item[0]):
        if link in seen:
            continue
        seen.add(link)
        page = by_link.get(link)
        if page is not None:
            article = articles.get(page)
            if not listed(app, article, now) or is_noindex(page_robots(app, page)):
                continue
            modified = _modified(article) if article else None
            if modified is not None:
                lastmod = w3c(modified)
        links.put((link, lastmod))


def _sphinx_sitemap_link(app: Sphinx, docname: str) -> str:
    """The link sphinx-sitemap records for a page (its ``add_html_link``)."""
    if type(app.builder).__name__ == "DirectoryHTMLBuilder":
        if docname == "index":
            return ""
        return docname[:-6] + "/" if docname.endswith("/index") else docname + "/"
    suffix = app.config.html_file_suffix
    return docname + (".html" if suffix is None else suffix)


# --- <meta name="robots"> ---------------------------------------------------


def add_robots_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A page whose front matter says ``robots: ...`` carries it as ``<meta name="robots">``."""
    robots = page_robots(app, pagename)
    existing = context.get("metatags", "") or ""
    if not robots or 'name="robots"' in existing:
        return
    context["metatags"] = existing + \
        f'\n    <meta name="robots" content="{escape(robots, quote=True)}" />'
