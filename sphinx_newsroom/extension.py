"""The extension's setup: one ``setup_<feature>()`` per feature, and the written nodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__, clock, config
from . import text as text_visitors
from .authors import load_authors, report_authors
from .compat.citations import ROLE as PANDOC_CITE_ROLE
from .directives import nodes as nr
from .directives.archive import ArchiveDirective
from .directives.bibliography import BibliographyDirective
from .directives.cite_source import CiteSourceRole
from .directives.corrections import CorrectionsListDirective
from .directives.footnote_kind import FootnoteKindRole
from .directives.listings import ArticleListDirective, TaxonomyIndexDirective, index_directive
from .directives.pandoc_cite import PandocCiteRole
from .directives.panel import ArticleMetaDirective
from .directives.term_role import TermRole
from .doctree import Visitor
from .domain import NewsroomDomain, get_domain
from .html import visitors as html_visitors
from .html.archive_page import archive_page
from .html.bibliography_pages import part_pages
from .html.design import defer_design_assets, guard_design_transforms
from .html.exports import write_exports
from .html.feeds import setup_feeds
from .html.pages import note_frame
from .html.paging import setup_paging
from .html.paywall import MarkPaywalled
from .html.search_fix import mend_chinese_search
from .html.seo import mark_unpublished, setup_seo
from .html.single_page import write_beside_single_page
from .html.sitemaps import setup_sitemaps
from .html.term_pages import collect_pages
from .html.translations import setup_translations
from .i18n import CATALOG, LOCALE_DIR
from .indices import register_indices
from .latex import visitors as latex_visitors
from .latex.endnotes import EndnoteSources
from .latex.images import ImagesTexCanInclude
from .latex.math import MathColoursForTex
from .latex.style import setup_latex
from .log import warn
from .model.authors import AUTHORS
from .postprocess.archive import FillArchive
from .postprocess.bibliography import FillBibliography, LinkSources, report_collisions
from .postprocess.corrections import FillCorrections
from .postprocess.listings import FillListings
from .postprocess.panel import ExpandPanels
from .postprocess.related import AddRelated
from .read.article_transform import ArticleTransform
from .read.bibliography_files import report_csl_styles
from .read.footnotes import FootnoteKindsTransform
from .read.pandoc_citations import PandocCitationTransform
from .read.source import on_source_read
from .read.visibility import hide_unpublished, remove_written
from .warnings_ import NewsroomWarning

STATIC = Path(__file__).parent / "html" / "static"
#: Nodes written differently per format, and the visitors of each format.
WRITTEN_NODES = (nr.article_meta, nr.meta_field, nr.meta_label, nr.news_time, nr.term_ref,
                 nr.term_badges,
                 nr.source_backlink, nr.featured_image, nr.line_break, nr.page_ref,
                 nr.book_index)
FORMATS: tuple[tuple[str, dict[type[nr.nodes.Element], tuple[Visitor, Visitor]]], ...] = (
    ("html", html_visitors.VISITORS), ("latex", latex_visitors.VISITORS),
    ("text", text_visitors.VISITORS))


#: Extensions that bring MyST with a parser of their own (Jupyter Book's MyST-NB).
MYST_BASED = ("myst_nb",)


def setup(app: Sphinx) -> dict[str, Any]:
    setup_markdown(app)
    asked_for_design = "sphinx_design" in app.extensions or "sphinx_design" in app.config.extensions
    app.setup_extension("sphinx_design")
    guard_design_transforms(app)
    if not asked_for_design:
        defer_design_assets(app)
    config.register(app)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.add_domain(NewsroomDomain)
    setup_articles(app)
    setup_taxonomies(app)
    setup_bibliography(app)
    setup_publishing(app)
    setup_visitors(app)
    setup_latex(app)
    app.add_post_transform(EndnoteSources)
    app.add_post_transform(ImagesTexCanInclude)
    app.add_post_transform(MathColoursForTex)
    setup_seo(app)
    app.add_post_transform(MarkPaywalled)
    setup_feeds(app)
    setup_sitemaps(app)
    setup_paging(app)
    setup_translations(app)
    app.connect("env-updated", _add_static_path, priority=900)
    app.connect("html-page-context", _link_stylesheet)
    return {
        "version": __version__,
        "env_version": NewsroomDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def setup_markdown(app: Sphinx) -> None:
    """MyST, or the MyST-based parser the project uses, whichever order it lists them in.

    MyST-NB owns ``.md`` and sets MyST up itself; setting up MyST-Parser beside
    it would register ``.md`` twice (an ``ExtensionError``).
    """
    for name in MYST_BASED:
        if name in app.extensions or name in app.config.extensions:
            app.setup_extension(name)
            return
    app.setup_extension("myst_parser")


def setup_articles(app: Sphinx) -> None:
    app.connect("source-read", on_source_read)
    app.add_transform(FootnoteKindsTransform)
    app.add_transform(ArticleTransform)
    app.add_transform(PandocCitationTransform)
    app.add_role(PANDOC_CITE_ROLE, PandocCiteRole())
    # After the domain knows whether this build read anything (setup_taxonomies).
    app.connect("env-updated", report_csl_styles, priority=600)
    app.add_directive("article-meta", ArticleMetaDirective)


def setup_taxonomies(app: Sphinx) -> None:
    app.add_node(nr.article_list)
    app.add_node(nr.term_index)
    app.add_directive("article-list", ArticleListDirective)
    app.add_directive("taxonomy-index", TaxonomyIndexDirective)
    app.add_directive("tag-index", index_directive("tags"))
    app.add_directive("topic-index", index_directive("topics"))
    app.add_role("tag", TermRole("tags"))
    app.add_role("topic", TermRole("topics"))
    app.add_role("author", TermRole(AUTHORS))
    app.add_post_transform(FillListings)
    app.connect("config-inited", register_indices)
    app.connect("env-get-outdated", hide_unpublished, priority=400)
    app.connect("env-get-outdated", _embargo_ended)
    app.connect("build-finished", remove_written)
    app.connect("env-updated", _update_domain)
    app.connect("env-updated", _report_merged_terms)
    app.connect("env-updated", report_authors)
    app.connect("env-updated", note_frame)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", mark_unpublished)


def setup_bibliography(app: Sphinx) -> None:
    app.add_node(nr.bibliography)
    app.add_directive("news-bibliography", BibliographyDirective)
    app.add_role("footnote-kind", FootnoteKindRole())
    app.add_role("cite-source", CiteSourceRole())
    app.add_post_transform(LinkSources)
    app.add_post_transform(FillBibliography)
    app.connect("env-updated", report_collisions)
    app.connect("build-finished", write_exports)
    app.connect("html-collect-pages", part_pages)


def setup_publishing(app: Sphinx) -> None:
    app.add_node(nr.archive)
    app.add_directive("article-archive", ArchiveDirective)
    app.add_post_transform(FillArchive)
    app.add_node(nr.corrections_list)
    app.add_directive("corrections-list", CorrectionsListDirective)
    app.add_post_transform(FillCorrections)
    app.add_post_transform(AddRelated)
    app.add_post_transform(ExpandPanels)
    app.connect("html-collect-pages", archive_page)
    app.connect("build-finished", write_beside_single_page)
    app.connect("build-finished", mend_chinese_search)


def setup_visitors(app: Sphinx) -> None:
    """Register each written node once, with its visitors for every format that has some."""
    for node in WRITTEN_NODES:
        handlers = {name: table[node] for name, table in FORMATS if node in table}
        app.add_node(node, override=False, **handlers)


def _embargo_ended(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read articles whose embargo ended since the last build (banner, search index)."""
    return get_domain(env).embargo_ended(clock.now())


def _update_domain(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Derive the terms; rewrite the docs that list articles when a listing changed."""
    return get_domain(env).update(app.config, clock.now(), config.outputs_stamp(app.config),
                                  load_authors(app))


def _report_merged_terms(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Say once, per build that read something, which spellings became one term."""
    domain = get_domain(env)
    if not domain.outputs_stale:
        return []
    for taxonomy, terms in domain.terms.items():
        if taxonomy == AUTHORS:
            continue  # said at each article, with its line (authors.report_authors)
        for term in terms.values():
            if term.merged:
                spellings = ", ".join(repr(s) for s in term.merged)
                warn(NewsroomWarning.TERM, f"{taxonomy} {spellings} are one term with one page "
                     f"({term.page}), shown as {term.name!r}", term.docnames[-1])
    return []


def _add_static_path(app: Sphinx, env: BuildEnvironment) -> None:
    # After the read, before the builder copies its static files.
    if get_domain(env).in_use and str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))


def _link_stylesheet(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    if get_domain(app.env).in_use and hasattr(app.builder, "add_css_file"):
        app.builder.add_css_file("newsroom.css")  # for this page only

