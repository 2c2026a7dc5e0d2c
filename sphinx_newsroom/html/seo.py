"""Social and search metadata of article pages.

Every article page gets Open Graph and Twitter card ``<meta>`` tags and a
schema.org ``NewsArticle`` JSON-LD block, appended to the template's
``metatags``.  When ``sphinxext.opengraph`` is loaded it owns the ``og:*``
tags; this module then adds only what it does not emit (``article:*``,
``twitter:*``, JSON-LD).  Tags already present in ``metatags`` (from any
extension) are never repeated.

Every value is escaped here: attribute values with ``html.escape`` and the
JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` so
nothing in it can close the ``<script>`` element.
"""

from __future__ import annotations

import json
import re
import weakref
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import quote

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from sphinx.application import Sphinx

from .. import clock
from ..builders import is_ebook
from ..config import opengraph_loaded
from ..domain import get_domain, is_public
from ..model.article import Article
from ..model.authors import AUTHORS
from ..model.translations import effective_language
from .urls import Person, absolute_url, asset_url, people, photo_url

#: schema.org (and Google) recommend headlines of at most 110 characters.
HEADLINE_LENGTH = 110
#: Open Graph properties that may repeat (arrays).
REPEATABLE = frozenset({"article:author", "article:tag", "og:locale:alternate"})
#: Run after other html-page-context handlers (sphinxext-opengraph uses 500),
#: so the tags they add are seen and not repeated.
PRIORITY = 800

_set_up: weakref.WeakSet[Sphinx] = weakref.WeakSet()
_META_KEY = re.compile(r"""<meta\b[^>]*?\b(?:property|name)\s*=\s*["']([^"']+)["']""", re.I)
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})


def setup_seo(app: Sphinx) -> None:
    """Connect the metadata handler once per application (safe to call twice)."""
    if app in _set_up:
        return
    _set_up.add(app)
    app.connect("html-page-context", add_social_meta, priority=PRIORITY)
    app.connect("html-page-context", add_canonical)


#: The class of the part of a subscriber-only article behind the paywall (JSON-LD ``cssSelector``).
PAYWALLED_CLASS = "news-paywalled"


def canonical_url(app: Sphinx, article: Article) -> str:
    """The article's ``canonical_url``, else its page here ("" without a site URL)."""
    return article.canonical_url or absolute_url(app, article.docname)


def add_canonical(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A piece first published elsewhere names that page as canonical (``pageurl``).

    Sphinx's themes write ``<link rel="canonical" href="{{ pageurl }}">``; the
    page keeps exactly one canonical link, pointing at the original.
    """
    article = get_domain(app.env).articles.get(pagename)
    if article is not None and article.canonical_url and app.builder.format == "html":
        context["pageurl"] = article.canonical_url


def add_social_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not app.config.newsroom_social_meta or app.builder.format != "html" \
            or is_ebook(app.builder):
        return
    article = get_domain(app.env).articles.get(pagename)
    if article is None:
        profile = profile_page_ld(app, pagename)
        if profile is not None:
            context["metatags"] = (context.get("metatags", "") or "") + (
                f'\n    <script type="application/ld+json">{script_json(profile)}</script>')
        return
    existing = context.get("metatags", "") or ""
    present = {key.lower() for key in _META_KEY.findall(existing)}
    lines = []
    for key, value in meta_tags(app, article):
        kind = "property" if key.startswith(("og:", "article:")) else "name"
        if key.lower() in present and key not in REPEATABLE:
            continue
        lines.append(f'<meta {kind}="{escape(key, quote=True)}" '
                     f'content="{escape(value, quote=True)}" />')
    lines.append('<script type="application/ld+json">'
                 f"{script_json(json_ld(app, article))}</script>")
    context["metatags"] = existing + "".join(f"\n    {line}" for line in lines)


def meta_tags(app: Sphinx, article: Article) -> list[tuple[str, str]]:
    """(property or name, content) of every Open Graph and Twitter tag, in order."""
    url = canonical_url(app, article)
    image = image_url(app, article)
    tags: list[tuple[str, str]] = []
    if not opengraph_loaded(app.config):
        tags.append(("og:type", "article"))
        tags.append(("og:title", article.title))
        if article.summary:
            tags.append(("og:description", article.summary))
        if url:
            tags.append(("og:url", url))
        if image:
            tags.append(("og:image", image))
            tags.append(("og:image:alt", article.title))
        tags.append(("og:locale", og_locale(language(app, article))))
        own = language(app, article).lower()
        tags += [("og:locale:alternate", og_locale(tag)) for tag, _doc in
                 get_domain(app.env).versions.get(article.docname, ())
                 if tag != "x-default" and tag.lower() != own]
        tags.append(("og:site_name", site_name(app)))
    if article.date:
        tags.append(("article:published_time", article.date.isoformat()))
    modified = article.modified
    if modified:
        tags.append(("article:modified_time", modified.isoformat()))
    tags += [("article:author", person.name) for person in people(app, article)]
    tags += [("article:tag", term) for term in article.terms_of("tags")]
    if article.terms_of("topics"):
        tags.append(("article:section", article.terms_of("topics")[0]))
    tags.append(("twitter:card", "summary_large_image" if image else "summary"))
    tags.append(("twitter:title", article.title))
    if article.summary:
        tags.append(("twitter:description", article.summary))
    if image:
        tags.append(("twitter:image", image))
        tags.append(("twitter:image:alt", article.title))
    return [(key, value) for key, value in tags if value]


def json_ld(app: Sphinx, article: Article) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of an article."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline(article.title),
    }
    if article.title != data["headline"]:
        data["alternativeHeadline"] = article.title
    if article.summary:
        data["description"] = article.summary
    if article.date:
        data["datePublished"] = article.date.isoformat()
    modified = article.modified
    if modified:
        # The latest of ``updated`` and the corrections' dates (Google: dateModified).
        data["dateModified"] = modified.isoformat()
    if article.authors:
        data["author"] = [person_ld(person) for person in people(app, article)]
    image = image_url(app, article)
    if image:
        data["image"] = [image]
    keywords = list(dict.fromkeys(term for _, terms in article.terms for term in terms))
    if keywords:
        data["keywords"] = keywords
    if article.terms_of("topics"):
        data["articleSection"] = list(article.terms_of("topics"))
    data["inLanguage"] = language(app, article)
    url = canonical_url(app, article)
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    data["publisher"] = publisher(app)
    corrections = [c for c in article.corrections if c.kind == "correction"]
    if corrections:
        # schema.org CreativeWork.correction, one CorrectionComment per correction.
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                               "datePublished": c.date.isoformat()} for c in corrections]
    if article.access == "subscriber":
        # Google's paywalled-content markup: the page says which part is for subscribers.
        data["isAccessibleForFree"] = False
        data["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False,
                           "cssSelector": f".{PAYWALLED_CLASS}"}
    return data


def person_ld(person: Person) -> dict[str, Any]:
    """A schema.org ``Person``: name, the author's page as ``url``, photo, ``sameAs``."""
    data: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.url:
        data["url"] = person.url
    if person.photo:
        data["image"] = person.photo
    if person.same_as:
        data["sameAs"] = list(person.same_as)
    return data


def profile_page_ld(app: Sphinx, pagename: str) -> dict[str, Any] | None:
    """An author's page as a schema.org ``ProfilePage`` whose ``mainEntity`` is the Person.

    Google Search Central, "Profile page (ProfilePage) structured data". None for
    any other page.
    """
    folder, _, slug = pagename.partition("/")
    domain = get_domain(app.env)
    if folder != AUTHORS or not slug:
        return None
    term = next((t for t in domain.terms.get(AUTHORS, {}).values() if t.slug == slug), None)
    if term is None:
        return None
    entry = domain.authors.get(term.key)
    url = absolute_url(app, pagename)
    person = Person(name=term.name, url=url, photo=photo_url(app, entry.photo) if entry else "",
                    same_as=entry.same_as if entry else ())
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "ProfilePage",
                            "mainEntity": person_ld(person)}
    if entry and entry.bio:
        data["mainEntity"]["description"] = entry.bio
    if url:
        data["url"] = url
    return data


def publisher(app: Sphinx) -> dict[str, Any]:
    config = app.config.newsroom_publisher or {}
    org: dict[str, Any] = {"@type": "Organization",
                           "name": config.get("name") or app.config.project}
    if config.get("url"):
        org["url"] = config["url"]
    if config.get("logo"):
        org["logo"] = {"@type": "ImageObject", "url": config["logo"]}
    return org


def site_name(app: Sphinx) -> str:
    """The publisher's name, else the project (``html_title`` always has a default)."""
    return (app.config.newsroom_publisher or {}).get("name") or app.config.project


def headline(title: str) -> str:
    if len(title) <= HEADLINE_LENGTH:
        return title
    return title[: HEADLINE_LENGTH - 1].rstrip() + "…"


def language(app: Sphinx, article: Article) -> str:
    """BCP 47 tag: the front matter's ``language``, else the site's, unless the article is
    detected as written in another one."""
    return effective_language(article.declared_language, article.language,
                              app.config.language or "en")


@lru_cache(maxsize=64)
def og_locale(tag: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a BCP 47 tag (``en`` is ``en_US``).

    A bare language gets its most likely territory from the CLDR (``zh_Hant``
    is ``zh_TW``); a tag babel does not know is only rewritten with ``_``.
    """
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return tag.replace("-", "_")
    likely_subtags = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if locale.territory:
            break
        likely = likely_subtags.get(key)
        if likely:
            locale = Locale.parse(likely)
    if not locale.territory:
        return locale.language
    return f"{locale.language}_{locale.territory}"


def image_url(app: Sphinx, article: Article) -> str:
    """Absolute URL of the featured image; "" when there is none or no site URL."""
    image = article.image
    if not image:
        return ""
    if image.startswith(("http://", "https://")):
        return image
    name = getattr(app.builder, "images", {}).get(image.lstrip("/"))
    if not name:
        return ""
    return asset_url(app, quote(f"{app.builder.imagedir}/{name}"))


def script_json(data: Any) -> str:
    """JSON that cannot end or comment out the ``<script>`` element it sits in."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    return text.translate(_JSON_ESCAPES)


def mark_unpublished(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A draft or embargoed article's page tells search engines not to index it."""
    article = get_domain(app.env).articles.get(pagename)
    if article is not None and not is_public(article, clock.now()):
        context["metatags"] = context.get("metatags", "") + \
            '\n    <meta name="robots" content="noindex, nofollow" />'


__all__ = [
    "PAYWALLED_CLASS", "add_canonical", "add_social_meta", "canonical_url", "json_ld",
    "mark_unpublished", "meta_tags", "script_json", "setup_seo",
]
