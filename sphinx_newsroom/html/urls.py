"""Absolute URLs of the HTML output, for feeds and social metadata."""

from __future__ import annotations

import dataclasses as dc

from sphinx.application import Sphinx
from sphinx.config import Config

from ..domain import get_domain
from ..model.article import Article
from ..model.authors import AUTHORS
from ..model.terms import term_key


def site_url(config: Config) -> str:
    """``newsroom_site_url``, else ``html_baseurl``, with one trailing slash; "" when unset."""
    url = (config.newsroom_site_url or getattr(config, "html_baseurl", "") or "").strip()
    return url.rstrip("/") + "/" if url else ""


def absolute_url(app: Sphinx, pagename: str, anchor: str = "") -> str:
    """The absolute URL of ``pagename`` (a docname or a generated page); "" without a site URL."""
    base = site_url(app.config)
    if not base:
        return ""
    target = app.builder.get_target_uri(pagename)
    return base + target + (f"#{anchor}" if anchor else "")


def asset_url(app: Sphinx, path: str) -> str:
    """The absolute URL of a file copied into the output, relative to its root."""
    base = site_url(app.config)
    return base + path.lstrip("/") if base else ""


@dc.dataclass(frozen=True, slots=True)
class Person:
    """An author as metadata and feeds give them: name, page, photo and profiles."""

    name: str
    #: Absolute URL of the author's page ("" when it has none or there is no site URL).
    url: str = ""
    #: Absolute URL of the author's photo ("" when none).
    photo: str = ""
    same_as: tuple[str, ...] = ()


def photo_url(app: Sphinx, photo: str) -> str:
    """The absolute URL of an author's photo: a URL as given, a path in the site's output."""
    return photo if "://" in photo else asset_url(app, photo) if photo else ""


def people(app: Sphinx, article: Article) -> list[Person]:
    """The article's authors, each with the page, photo and ``sameAs`` the site knows."""
    domain = get_domain(app.env)
    result = []
    for spelling in article.authors:
        entry = domain.author(spelling)
        page = domain.term_page(AUTHORS, term_key(spelling))
        result.append(Person(
            name=domain.author_name(spelling),
            url=absolute_url(app, page) if page else "",
            photo=photo_url(app, entry.photo) if entry else "",
            same_as=entry.same_as if entry else ()))
    return result
