"""sphinx-newsroom: publish news articles inside any Sphinx project."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import config, visitors
from .directives import ArticleMetaDirective
from .domain import NewsroomDomain, get_domain
from .i18n import CATALOG, LOCALE_DIR
from .latex import setup_latex
from .reader import ArticleTransform, ListedSourcesTransform, on_source_read

__version__ = "0.1.0"


def _rebuild_terms(app: Sphinx, env: BuildEnvironment) -> list[str]:
    get_domain(env).rebuild_terms(
        app.config.newsroom_taxonomies, app.config.newsroom_show_drafts, dt.datetime.now(dt.UTC)
    )
    return []


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    config.register(app)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.add_domain(NewsroomDomain)
    app.connect("source-read", on_source_read)
    app.add_transform(ListedSourcesTransform)
    app.add_transform(ArticleTransform)
    app.add_directive("article-meta", ArticleMetaDirective)
    visitors.register(app)
    setup_latex(app)
    app.connect("env-updated", _rebuild_terms)
    app.add_css_file("newsroom.css")
    app.connect("builder-inited", _add_static_path)
    return {
        "version": __version__,
        "env_version": NewsroomDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_static_path(app: Sphinx) -> None:
    from pathlib import Path

    static = str(Path(__file__).parent / "static")
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)
