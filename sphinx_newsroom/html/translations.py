"""The versions of a translated article in its page's head: ``hreflang`` links, ``lang``.

Every published version of an article (see :mod:`..model.translations`) links
every version, itself included, with ``<link rel="alternate" hreflang="...">``
and a fully-qualified URL, as Google's "Tell Google about localized versions
of your page" asks (https://developers.google.com/search/docs/specialty/international/localized-versions),
plus ``hreflang="x-default"`` for the version in ``newsroom_hreflang_default``.
The same links go into ``sitemap.xml`` (see :mod:`.sitemaps`).

An article whose front matter gives its ``language`` tells the theme too:
the template's ``language`` (Sphinx's themes write ``<html lang="{{ language }}">``)
is the article's own on its page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..domain import get_domain
from ..log import warn
from .seo import canonical_url
from .urls import site_url


def alternates(app: Sphinx, docname: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of every version of ``docname``; [] without versions or a
    site URL (the links must be fully qualified)."""
    domain = get_domain(app.env)
    links = domain.versions.get(docname, ())
    if not links or not site_url(app.config):
        return []
    return [(tag, canonical_url(app, domain.articles[doc])) for tag, doc in links
            if doc in domain.articles]


def add_alternates(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: Any) -> None:
    if app.builder.format != "html" or app.builder.name.startswith("epub"):
        return
    article = get_domain(app.env).articles.get(pagename)
    if article is None:
        return
    if article.declared_language:
        context["language"] = article.declared_language
    lines = [f'<link rel="alternate" hreflang="{escape(tag, quote=True)}" '
             f'href="{escape(url, quote=True)}" />' for tag, url in alternates(app, pagename)]
    if lines:
        context["metatags"] = (context.get("metatags", "") or "") + "".join(
            f"\n    {line}" for line in lines)


def report_translations(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Say, per build that read something, what the ``translations:`` mappings got wrong."""
    domain = get_domain(env)
    if domain.outputs_stale:
        for docname, problem in domain.translation_problems:
            warn(problem.subtype, problem.message, (docname, problem.line))
    return []


def setup_translations(app: Sphinx) -> None:
    app.connect("html-page-context", add_alternates)
    app.connect("env-updated", report_translations)
