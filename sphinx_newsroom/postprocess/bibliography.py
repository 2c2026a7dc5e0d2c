"""Fill ``news-bibliography``, link each cited source to its entry, report collisions."""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import clock
from ..builders import builder_of, is_ebook, nothing_to_fill, reference_to, relative_link
from ..citations.bibliography import Entry, anchor_of, collect, sort_entries
from ..citations.export import EXPORT_FILES, EXPORT_FOLDER
from ..citations.keys import citation_key
from ..citations.styles import format_citation
from ..directives import nodes as nr
from ..directives.nodes import bibliography
from ..doctree import nodes_of, segments_to_nodes
from ..domain import get_domain, is_public
from ..i18n import _
from ..log import warn
from ..model.article import Source, matches_filters
from ..warnings_ import NewsroomWarning


class FillBibliography(SphinxPostTransform):
    """Render the bibliography placeholders as numbered lists."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        # Footnotes link to the first unfiltered bibliography of the bibliography doc:
        # only that one carries the entries' ids (ids must be unique on a page).
        # (A PDF merges every doc into one tree: each node knows its own doc.)
        domain = get_domain(self.env)
        if nothing_to_fill(self.env, domain.bibliographies):
            return
        target = domain.bibliography_doc()
        anchored = exported = False
        for node in nodes_of(self.document, bibliography)[bibliography]:
            with_ids = node["docname"] == target and not node["filters"] and not anchored
            anchored = anchored or with_ids
            # The downloads hold every source: offered once, by an unfiltered list.
            exports = not node["filters"] and not exported
            exported = exported or exports
            node.replace_self(self._render(node, with_ids, exports))

    def _render(self, node: bibliography, with_ids: bool, exports: bool) -> list[nodes.Node]:
        domain = get_domain(self.env)
        show_drafts, now = self.config.newsroom_show_drafts, clock.now()
        if node["filters"]:
            articles = [a for a in domain.published(show_drafts, now)
                        if matches_filters(a, node["filters"])]
            found = collect(articles)[0]
        else:
            found = domain.site_sources(show_drafts, now)[0]
        entries = sort_entries(found, node["sort"])
        if not entries:
            return [nodes.paragraph(_("No sources yet."), _("No sources yet."),
                                    classes=["news-empty"])]
        result: list[nodes.Node] = []
        builder = builder_of(self.env)
        if builder.format == "html" and not is_ebook(builder) and exports:
            result.append(self._exports())
        classes = ["news-bibliography", f"news-style-{node['style']}"]
        listing = nodes.enumerated_list(enumtype="arabic", prefix="[", suffix="]",
                                        classes=classes)
        for entry in entries:
            listing += self._entry(entry, node["style"], with_ids)
        result.append(listing)
        return result

    def _entry(self, entry: Entry, style: str, with_ids: bool) -> nodes.list_item:
        text = nodes.paragraph(classes=["news-source"])
        if with_ids:
            text += nodes.target("", "", ids=[entry.anchor])
        text.extend(segments_to_nodes(format_citation(entry.citation, style)))
        cited = nodes.paragraph(classes=["news-cited-by", nr.NO_SEARCH])
        cited += nodes.inline(_("Cited by"), _("Cited by"), classes=["news-meta-label"])
        cited += nodes.Text(" ")
        for index, citer in enumerate(entry.citers):
            if index:
                cited += nodes.Text(_(", "))
            cited += reference_to(builder_of(self.env), self.env.docname, citer.docname,
                                  citer.target, nodes.Text(citer.title), citer.title)
        return nodes.list_item("", text, cited)

    def _exports(self) -> nodes.paragraph:
        builder = builder_of(self.env)
        here = posixpath.dirname(builder.get_target_uri(self.env.docname))
        para = nodes.paragraph(classes=["news-exports"])
        para += nodes.Text(_("Download:") + " ")
        for index, (label, name) in enumerate((("CSL-JSON", EXPORT_FILES["csl"]),
                                               ("BibTeX", EXPORT_FILES["bibtex"]))):
            if index:
                para += nodes.Text(" · ")
            uri = posixpath.relpath(f"{EXPORT_FOLDER}/{name}", here or ".")
            para += nodes.reference(label, label, refuri=uri, classes=["news-export"])
        return para


class LinkSources(SphinxPostTransform):
    """Each cited source of a published article links to its bibliography entry."""

    default_priority = 5  # before the PDF turns footnotes into endnotes

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        target = domain.bibliography_doc()
        if target is None:
            return
        if nothing_to_fill(self.env, domain.articles):
            return
        builder = builder_of(self.env)
        compact = builder.format == "html"
        here = self.env.docname
        label = _("in the bibliography")
        now = clock.now()
        for footnote in nodes_of(self.document, nodes.footnote)[nodes.footnote]:
            # In a PDF's merged tree every footnote knows its own document.
            article = domain.articles.get(footnote.get("docname") or here)
            if article is None or not footnote["ids"] or not isinstance(
                    footnote.children[-1], nodes.paragraph):
                continue
            if not self.config.newsroom_show_drafts and not is_public(article, now):
                continue
            # A note gets no link: the documents it links to are listed, not the note.
            source = next((s for s in article.sources
                           if s.target == footnote["ids"][0] and s.whole), None)
            if source is None:
                continue
            anchor = anchor_of(citation_key(source.citation))
            paragraph = footnote.children[-1]
            if compact:
                # One node, written whole by the HTML visitor, for what other
                # formats build from six (a space, an inline, brackets, a link).
                paragraph += nr.source_backlink(
                    refuri=relative_link(builder, here, target, anchor), label=str(label),
                    classes=["news-source-backlink", nr.NO_SEARCH])
                continue
            link = reference_to(builder, here, target, anchor, nodes.Text(label))
            link["classes"].append("news-source-link")
            paragraph += nodes.Text(" ")
            paragraph += nodes.inline("", "", nodes.Text("("), link, nodes.Text(")"),
                                      classes=["news-source-backlink", nr.NO_SEARCH])


def report_collisions(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn, once per build that read something, about different sources sharing a key."""
    if not get_domain(env).outputs_stale:
        return []
    for collision in get_domain(env).site_sources(env.config.newsroom_show_drafts, clock.now())[1]:
        other = collision.other
        warn(NewsroomWarning.CITATION,
             f"{_written(other)} and {_written(collision.first).split()[-1]} of "
             f"{collision.first_docname} share the key {collision.key!r} but differ: "
             f"{other.citation.title or other.citation.raw!r} vs "
             f"{collision.first.citation.title or collision.first.citation.raw!r}",
             (collision.docname, other.line))
    return []


def _written(source: Source) -> str:
    """A source as its article wrote it: ``footnote [^1]``, or ``citation [@key]`` (Pandoc's)."""
    if source.label.startswith("@"):
        return f"citation [{source.label}]"
    return f"footnote [^{source.label}]"
