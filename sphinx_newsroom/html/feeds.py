"""Atom and RSS feeds (written with feedgen) and JSON Feeds, of the site and of every term.

Files (HTML output only, never ``singlehtml``, EPUB or the serialising builders):

* ``atom.xml``, ``rss.xml`` and ``feed.json`` (JSON Feed 1.1) at the output
  root: the whole site;
* ``<taxonomy>/<slug>.atom.xml``, ``.rss.xml`` and ``.feed.json`` beside each
  term page, when ``newsroom_term_feeds`` is on.

The three formats of one feed hold the same items, in the same order. With
``newsroom_websub_hub`` set, each announces the hub (``rel="hub"``, JSON
Feed's ``hubs``) beside its one self link (W3C WebSub, 2018).

Each feed holds the ``newsroom_feed_length`` newest public articles (drafts and
future-dated articles only with ``newsroom_show_drafts``).  **Undated articles
are left out**: a feed entry needs a date.  Every URL is absolute, built from
``newsroom_site_url`` or ``html_baseurl``; with neither, one ``newsroom.config``
warning says so and no feed (nor any link to one) is written.

The output is deterministic: the same sources give byte-identical feeds (the
feeds' own dates are the newest article's, never the build time), and a feed
file is only rewritten when its bytes change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import weakref
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from .. import clock
from ..domain import get_domain
from ..labels import taxonomy_label
from ..log import warn
from ..model.article import Article
from ..model.authors import AUTHORS
from ..model.taxonomy import Term
from ..model.terms import term_key
from ..warnings_ import NewsroomWarning
from .urls import absolute_url, asset_url, people, site_url

ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
JSON_FEED_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
#: Feed files: suffix -> media type.
KINDS = {".atom.xml": ATOM_TYPE, ".rss.xml": RSS_TYPE, ".feed.json": JSON_FEED_TYPE}
#: The site's feed files, by suffix.
SITE_FEEDS = {".atom.xml": "atom.xml", ".rss.xml": "rss.xml", ".feed.json": "feed.json"}
#: The generator named in every feed; it marks the feeds this extension wrote.
GENERATOR = "sphinx-newsroom"
#: JSON Feed's custom object (a name starting with "_") that says who wrote the feed.
JSON_FEED_EXTENSION = "_sphinx_newsroom"
_MARKS = {".atom.xml": f"<generator>{GENERATOR}</generator>".encode(),
          ".rss.xml": f"<generator>{GENERATOR}</generator>".encode(),
          ".feed.json": f'"generator": "{GENERATOR}"'.encode()}
#: The date of a feed without any entry (Atom requires one; "now" would not be reproducible).
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: Builders of format "html" that do not publish a browsable site.
_NOT_SITES = {"singlehtml", "epub", "json", "pickle"}
#: Characters XML 1.0 forbids (lxml refuses them): C0 controls but tab/LF/CR,
#: lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters left as they are when an IRI is turned into a URI.
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~"

_apps: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def setup_feeds(app: Sphinx) -> None:
    """Connect the feed handlers; calling it again for the same app does nothing."""
    if app in _apps:
        return
    _apps.add(app)
    app.connect("env-updated", check_site_url)
    app.connect("html-page-context", add_alternate_links)
    app.connect("build-finished", write_feeds)


def _enabled(app: Sphinx) -> bool:
    """Feeds are on, this builder publishes a site, and there are articles to announce."""
    return (bool(app.config.newsroom_feeds) and is_site_builder(app.builder)
            and get_domain(app.env).has_articles)


def is_site_builder(builder: Builder) -> bool:
    return builder.format == "html" and builder.name not in _NOT_SITES


def check_site_url(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn once the articles are read: a site without articles asked for no feed."""
    if _enabled(app) and not site_url(app.config):
        warn(NewsroomWarning.CONFIG,
             "no newsroom_site_url or html_baseurl: feeds are not written")


# --- What the feeds hold ----------------------------------------------------


def xml_text(value: str) -> str:
    """``value`` without the characters XML cannot carry."""
    return _NOT_XML.sub("", value)


def uri(url: str) -> str:
    """An IRI as a URI: non-ASCII and spaces percent-encoded, the rest kept."""
    return quote(xml_text(url), safe=_URI_SAFE)


def site_title(config: Config) -> str:
    """``html_title`` when the project sets one, else ``project``.

    Sphinx's default ``html_title`` ("<project> <release> documentation") is
    not a fitting name for a news feed, so only an explicit one is used.
    """
    explicit = "html_title" in getattr(config, "_raw_config", {}) or \
        "html_title" in getattr(config, "overrides", {})
    title = (config.html_title if explicit else "") or config.project or ""
    return " ".join(xml_text(str(title)).split()) or "News"


def _language(config: Config) -> str:
    return (config.language or "").replace("_", "-")


def feed_articles(app: Sphinx, now: dt.datetime | None = None) -> list[Article]:
    """Dated articles a reader may see, newest first (ties by docname).

    An article whose front matter says ``robots: noindex`` is left out too:
    feeds are read by aggregators and search engines alike.
    """
    now = now or clock.now()
    published = get_domain(app.env).published(app.config.newsroom_show_drafts, now)
    return [a for a in published if a.date is not None and not a.noindex]


def _updated(article: Article) -> dt.datetime:
    """When the entry changed: its ``updated`` or latest correction, else its date.

    Its id stays the page's URL: a corrected article is the same entry, updated.
    """
    modified = article.modified
    assert modified is not None
    return modified


def _feed_path(term: Term | None, suffix: str) -> str:
    """Output-relative path of a feed file."""
    return f"{term.page}{suffix}" if term else SITE_FEEDS[suffix]


def build_feed(
    app: Sphinx,
    articles: Sequence[Article],
    suffix: str,
    term: Term | None = None,
) -> bytes:
    """The bytes of one feed (``suffix`` one of ``KINDS``) of ``articles``."""
    if suffix == ".feed.json":
        return build_json_feed(app, articles, term)
    config = app.config
    domain = get_domain(app.env)
    base = site_url(config)
    title = site_title(config)
    home = uri(base)
    if term is not None:
        title = f"{title} — {taxonomy_label(term.taxonomy)}: {xml_text(term.name)}"
        home = uri(absolute_url(app, term.page))
    articles = list(articles)[: config.newsroom_feed_length]
    publisher = config.newsroom_publisher or {}

    # feedgen (and lxml) are imported only when a feed is written: a no-op
    # build writes none and should not pay for them.
    from feedgen.ext.base import BaseEntryExtension, BaseExtension
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)  # dc:creator: RSS <author> needs an email
    fg.register_extension("newsroom_links", BaseExtension, _entry_links(), atom=True, rss=False)
    hub = config.newsroom_websub_hub
    if hub:
        fg.register_extension("newsroom_hub", _rss_hub(uri(hub)), BaseEntryExtension,
                              atom=False, rss=True)
    fg.id(home)
    fg.title(title)
    fg.description(title)
    # RSS takes the channel link from the last link given: the page, not the feed.
    fg.link(href=uri(asset_url(app, _feed_path(term, suffix))), rel="self", type=KINDS[suffix])
    if hub:
        fg.link(href=uri(hub), rel="hub")  # Atom; RSS gets it from the newsroom_hub extension
    fg.link(href=home, rel="alternate", type="text/html")
    author = {"name": xml_text(publisher.get("name") or config.project or title)}
    if publisher.get("url"):
        author["uri"] = uri(publisher["url"])
    fg.author(author)  # Atom: entries without an author of their own inherit it
    if _language(config):
        fg.language(xml_text(_language(config)))
    fg.generator(GENERATOR)
    fg.updated(max((_updated(a) for a in articles), default=EPOCH))

    for article in articles:
        url = uri(absolute_url(app, article.docname))
        entry = fg.add_entry(order="append")
        entry.guid(url, permalink=True)
        entry.title(xml_text(article.title) or url)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(article.date)
        entry.updated(_updated(article))
        if xml_text(article.summary):
            entry.summary(xml_text(article.summary))
        authors = [p for p in people(app, article) if xml_text(p.name)]
        if authors:
            # Atom's person construct has a uri (RFC 4287 3.2.2); RSS's <author> is an
            # email address, so RSS names them with dc:creator only.
            entry.author([{"name": xml_text(p.name), **({"uri": uri(p.url)} if p.url else {})}
                          for p in authors])
            entry.dc.dc_creator([xml_text(p.name) for p in authors])
        categories = list(_categories(app, article, domain.terms))
        if categories:
            entry.category(categories)
    data = fg.atom_str(pretty=True) if suffix == ".atom.xml" else fg.rss_str(pretty=True)
    return bytes(data)


def feed_title(app: Sphinx, term: Term | None) -> tuple[str, str]:
    """(title, home page URL) of the site's feed or a term's."""
    title = site_title(app.config)
    if term is None:
        return title, uri(site_url(app.config))
    return (f"{title} — {taxonomy_label(term.taxonomy)}: {xml_text(term.name)}",
            uri(absolute_url(app, term.page)))


def build_json_feed(app: Sphinx, articles: Sequence[Article], term: Term | None = None) -> bytes:
    """A JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of ``articles``.

    Its items are the Atom and RSS feeds' entries: the same articles, ids,
    titles, dates, authors and terms.
    """
    config = app.config
    domain = get_domain(app.env)
    title, home = feed_title(app, term)
    publisher = config.newsroom_publisher or {}
    author = {"name": xml_text(publisher.get("name") or config.project or title)}
    if publisher.get("url"):
        author["url"] = uri(publisher["url"])
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": home,
        "feed_url": uri(asset_url(app, _feed_path(term, ".feed.json"))),
        "description": title,
        "authors": [author],
    }
    if _language(config):
        feed["language"] = xml_text(_language(config))
    if config.newsroom_websub_hub:
        feed["hubs"] = [{"type": "WebSub", "url": uri(config.newsroom_websub_hub)}]
    items = []
    for article in list(articles)[: config.newsroom_feed_length]:
        assert article.date is not None
        url = uri(absolute_url(app, article.docname))
        item: dict[str, Any] = {"id": url, "url": url}
        if article.canonical_url and article.canonical_url != url:
            item["external_url"] = uri(article.canonical_url)
        item["title"] = xml_text(article.title) or url
        if article.declared_language and article.declared_language != feed.get("language"):
            item["language"] = article.declared_language  # JSON Feed 1.1: an item's own
        summary = xml_text(article.summary)
        # An item needs content_html or content_text; the feeds carry no body.
        item["content_text"] = summary or item["title"]
        if summary:
            item["summary"] = summary
        item["date_published"] = article.date.isoformat()
        item["date_modified"] = _updated(article).isoformat()
        authors = [p for p in people(app, article) if xml_text(p.name)]
        if authors:
            # JSON Feed 1.1's author object: name, url, avatar.
            item["authors"] = [{"name": xml_text(p.name), **({"url": uri(p.url)} if p.url else {}),
                                **({"avatar": uri(p.photo)} if p.photo else {})}
                               for p in authors]
        tags = [c["term"] for c in _categories(app, article, domain.terms)]
        if tags:
            item["tags"] = list(dict.fromkeys(tags))
        items.append(item)
    feed["items"] = items
    feed[JSON_FEED_EXTENSION] = {"about": "https://sphinx-newsroom.readthedocs.io",
                                 "generator": GENERATOR}
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rss_hub(hub: str) -> type:
    """A feedgen feed extension that adds ``<atom:link rel="hub">`` to an RSS channel."""
    from feedgen.ext.base import BaseExtension

    class RssHub(BaseExtension):
        def extend_ns(self) -> dict[str, str]:
            return {"atom": "http://www.w3.org/2005/Atom"}

        def extend_rss(self, feed: Any) -> Any:
            channel = feed.find("channel")
            channel.append(channel.makeelement("{http://www.w3.org/2005/Atom}link",
                                               {"href": hub, "rel": "hub"}))
            return feed

    return RssHub


@cache
def _entry_links() -> type:
    """A feedgen entry extension that restores ``rel`` and ``type`` of an Atom entry's link.

    feedgen 1.0 reads them back from the fresh XML element instead of the
    link's data, so they never reach the output.  Our entries have exactly one
    link: the article's HTML page.
    """
    from feedgen.ext.base import BaseEntryExtension

    class EntryLinks(BaseEntryExtension):
        def extend_atom(self, entry: Any) -> Any:
            for link in entry.findall("link"):
                if "rel" not in link.attrib:
                    link.set("rel", "alternate")
                if "type" not in link.attrib:
                    link.set("type", "text/html")
            return entry

    return EntryLinks


def _categories(
    app: Sphinx, article: Article, terms: dict[str, dict[str, Term]]
) -> Iterable[dict[str, str]]:
    """One category per term of the article; its scheme is the term page's URL."""
    for taxonomy, spellings in article.terms:
        for spelling in spellings:
            term = terms.get(taxonomy, {}).get(term_key(spelling))
            name = xml_text(term.name if term else spelling)
            if not name:
                continue
            category = {"term": name}
            if term is not None:
                category["scheme"] = uri(absolute_url(app, term.page))
            yield category


# --- Writing ----------------------------------------------------------------


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """Write every feed whose bytes changed; drop the feeds of vanished terms."""
    if exception is not None:
        return
    outdir = Path(app.builder.outdir).resolve()
    if not _enabled(app) or not site_url(app.config):
        if is_site_builder(app.builder) and get_domain(app.env).outputs_stale:
            _remove_feeds(app, outdir)
        return
    site_feed = outdir / _feed_path(None, next(iter(KINDS)))
    if not get_domain(app.env).outputs_stale and site_feed.is_file():
        return  # nothing read, no setting changed: the feeds on disk are current
    articles = feed_articles(app)
    term_feeds = app.config.newsroom_term_feeds
    terms = get_domain(app.env).terms
    for suffix in KINDS:
        _write(outdir, outdir / _feed_path(None, suffix), build_feed(app, articles, suffix))
    for taxonomy in sorted({*app.config.newsroom_taxonomies, AUTHORS, *terms}):
        current = terms.get(taxonomy, {}) if term_feeds else {}
        _remove_stale(outdir, taxonomy, {t.slug for t in current.values()})
        for term in current.values():
            members = set(term.docnames)
            selected = [a for a in articles if a.docname in members]
            for suffix in KINDS:
                _write(outdir, outdir / _feed_path(term, suffix),
                       build_feed(app, selected, suffix, term))


def _remove_feeds(app: Sphinx, outdir: Path) -> None:
    """Feeds are off, or have no site URL: delete earlier ones (a clean build has none).

    A site feed is deleted only when this extension wrote it (its generator
    says so): a project may ship an ``atom.xml`` of its own.
    """
    for suffix in KINDS:
        path = outdir / _feed_path(None, suffix)
        if path.is_file() and _MARKS[suffix] in path.read_bytes():
            path.unlink()
    for taxonomy in sorted({*app.config.newsroom_taxonomies, AUTHORS,
                            *get_domain(app.env).terms}):
        _remove_stale(outdir, taxonomy, set())


def _inside(outdir: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(outdir)


def _write(outdir: Path, path: Path, data: bytes) -> None:
    if not _inside(outdir, path):
        # Slugs cannot climb out (see model.terms.slugify); this guards the invariant.
        warn(NewsroomWarning.TERM, f"feed {path.name!r} would be written outside the output "
             "folder; skipped")
        return
    if path.is_file() and path.read_bytes() == data:
        return  # unchanged: keep the file (and its mtime) as is
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _remove_stale(outdir: Path, taxonomy: str, slugs: set[str]) -> None:
    """Delete the term feeds of ``taxonomy`` whose term is gone (or all, when off)."""
    folder = outdir / taxonomy
    if not _inside(outdir, folder) or not folder.is_dir():
        return
    for suffix in KINDS:
        for path in folder.glob(f"*{suffix}"):
            if path.name[: -len(suffix)] not in slugs and path.is_file():
                path.unlink(missing_ok=True)


# --- Links in every page ----------------------------------------------------


def feed_links(app: Sphinx, pagename: str) -> list[tuple[str, str, str]]:
    """(media type, title, absolute URL) of the feeds a page announces."""
    if not _enabled(app) or not site_url(app.config):
        return []
    title = site_title(app.config)
    links = [(kind, f"{title} ({name})", uri(asset_url(app, _feed_path(None, suffix))))
             for suffix, kind, name in _NAMED]
    term = _term_of_page(app, pagename) if app.config.newsroom_term_feeds else None
    if term is not None:
        label = f"{title} — {taxonomy_label(term.taxonomy)}: {xml_text(term.name)}"
        links += [(kind, f"{label} ({name})", uri(asset_url(app, _feed_path(term, suffix))))
                  for suffix, kind, name in _NAMED]
    return links


_NAMED = ((".atom.xml", ATOM_TYPE, "Atom"), (".rss.xml", RSS_TYPE, "RSS"),
          (".feed.json", JSON_FEED_TYPE, "JSON Feed"))


def _term_of_page(app: Sphinx, pagename: str) -> Term | None:
    taxonomy, _, slug = pagename.partition("/")
    for term in get_domain(app.env).terms.get(taxonomy, {}).values() if slug else ():
        if term.slug == slug:
            return term
    return None


def add_alternate_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``<link rel="alternate">`` to the site's feeds (and a term page's own) in the head."""
    tags = "".join(
        f'\n    <link rel="alternate" type="{kind}" title="{escape(title, quote=True)}" '
        f'href="{escape(href, quote=True)}" />'
        for kind, title, href in feed_links(app, pagename)
    )
    if tags:
        context["metatags"] = context.get("metatags", "") + tags
