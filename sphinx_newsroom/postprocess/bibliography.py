"""Fill ``news-bibliography``, link each cited source to its entry, report collisions."""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import clock
from ..builders import (
    builder_of,
    is_ebook,
    nothing_to_fill,
    reference_to,
    relative_link,
    writes_parts,
)
from ..citations.bibliography import Entry, anchor_of, collect, sort_entries
from ..citations.export import EXPORT_FILES, EXPORT_FOLDER
from ..citations.keys import citation_key
from ..citations.styles import format_citation
from ..directives import nodes as nr
from ..directives.nodes import bibliography
from ..doctree import nodes_of, segments_to_nodes
from ..domain import get_domain, is_public
from ..i18n import _
from ..labels import part_label, sources_count
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
        parts = writes_parts(self.env)
        anchored = exported = False
        for node in nodes_of(self.document, bibliography)[bibliography]:
            with_ids = node["docname"] == target and not node["filters"] and not anchored
            anchored = anchored or with_ids
            # The downloads hold every source: offered once, by an unfiltered list
            # (on a split bibliography's own page, not on its parts).
            exports = not node["filters"] and not exported and not node.get("part")
            exported = exported or exports
            if parts and node.get("split") and not node.get("part"):
                node.replace_self(self._parts(node, exports))
            else:
                node.replace_self(self._render(node, with_ids, exports))

    def _parts(self, node: bibliography, exports: bool) -> list[nodes.Node]:
        """A split bibliography's own page: its parts, newest first, each a link to its
        page with its count of sources (the parts are ``html.bibliography_pages``')."""
        domain = get_domain(self.env)
        found = domain.source_parts(node["split"], self.config.newsroom_show_drafts,
                                    clock.now())
        if not found:
            return [nodes.paragraph(_("No sources yet."), _("No sources yet."),
                                    classes=["news-empty"])]
        result: list[nodes.Node] = [self._exports()] if exports else []
        total = sum(len(entries) for entries in found.values())
        result.append(nodes.paragraph(classes=["news-count"], text=sources_count(total)))
        builder = builder_of(self.env)
        language = self.config.language or "en"
        listing = nodes.bullet_list(classes=["news-bibliography-parts"])
        for part, entries in found.items():
            label = part_label(part, language)
            link = nodes.reference(label, label, internal=True, refuri=relative_link(
                builder, self.env.docname, f"{node['docname']}/{part}"))
            count = f" ({len(entries)})"
            listing += nodes.list_item("", nodes.paragraph(
                "", "", link, nodes.inline(count, count, classes=["news-count"])),
                classes=["news-bibliography-part"])
        result.append(listing)
        return result

    def _render(self, node: bibliography, with_ids: bool, exports: bool) -> list[nodes.Node]:
        domain = get_domain(self.env)
        show_drafts, now = self.config.newsroom_show_drafts, clock.now()
        if node.get("part"):
            found = domain.source_parts(node["split"], show_drafts, now).get(node["part"], [])
        elif node["filters"]:
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
        if builder.format == "latex":
            # Set ragged right (the style file): a long title or URL does not
            # stretch its line.
            result.append(nodes.container("", listing, classes=["news-bibliography"]))
        else:
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
        if target not in getattr(builder, "docnames", (target,)):
            return  # a book (a PDF, a texinfo manual) without the bibliography in it
        compact = builder.format == "html"
        here = self.env.docname
        label = _("in the bibliography")
        now = clock.now()
        # A split bibliography's entries are on its part pages, where the builder
        # writes them; elsewhere (a PDF, an EPUB) it is one list.
        split = target in domain.bibliography_splits and writes_parts(self.env)
        links = domain.source_links(self.config.newsroom_show_drafts, now)
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
            key = citation_key(source.citation)
            page, anchor = links.get(key, (target, anchor_of(key)))
            if not split:
                page = target
            paragraph = footnote.children[-1]
            if compact:
                # One node, written whole by the HTML visitor, for what other
                # formats build from six (a space, an inline, brackets, a link).
                paragraph += nr.source_backlink(
                    refuri=relative_link(builder, here, page, anchor), label=str(label),
                    classes=["news-source-backlink", nr.NO_SEARCH])
                continue
            link = reference_to(builder, here, page, anchor, nodes.Text(label))
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
