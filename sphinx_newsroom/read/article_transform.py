"""``ArticleTransform``: an article's title section, lede, sources, panel and record.

After MyST has parsed the body it gives the doctree its title section, lede
and references section, computes the reading time, places the metadata panel
and registers the ``Article`` in the domain.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .. import clock
from ..config import opengraph_loaded
from ..directives import nodes as nr
from ..directives.panel import META_USED_KEY, panel_placeholder
from ..doctree import ancestors, nodes_of
from ..domain import get_domain, is_public
from ..log import logger, warn
from ..model.article import Article, Fields, Source
from ..model.authors import AUTHORS
from ..model.images import featured_image
from ..model.reading_time import count_text, main_language, reading_minutes
from ..model.terms import term_key
from ..warnings_ import NewsroomWarning
from .banner import corrections_notice, draft_banner
from .footnotes import KIND_ATTR, footnote_reading, footnotes_mode
from .math import set_displays
from .rawhtml import is_html, replace_line_break, sanitize_children
from .references import is_references_title
from .source import SOURCE_KEY, SourceInfo


class ArticleTransform(SphinxTransform):
    """Structure an article's doctree and record its ``Article``."""

    # After MyST gathers the footnotes at the end of the document (623).
    default_priority = 624

    def apply(self, **kwargs: Any) -> None:
        info: SourceInfo | None = self.env.temp_data.get(SOURCE_KEY)
        docname = self.env.docname
        if info is None:
            if not self.env.temp_data.get(META_USED_KEY):
                return
            for node in list(self.document.findall(nr.article_meta)):
                warn(NewsroomWarning.DIRECTIVE,
                     "article-meta is only meaningful in an article (front matter with a date)",
                     node)
                node.parent.remove(node)
            return
        for problem in info.problems:
            warn(problem.subtype, problem.message, (docname, problem.line))
        # One walk of the tree for every kind of node the steps below need.
        self._found = nodes_of(self.document, nodes.section, nodes.title, nodes.footnote,
                              nr.article_meta, nodes.raw, nodes.footnote_reference,
                              nodes.transition, nodes.math, nodes.math_block)
        fields = info.fields
        title = fields.title or self._fallback_title(info)
        section = self._title_section(title) if info.needs_title else self._first_section()
        if section is None:
            return
        mode = footnotes_mode(self.config, fields.footnotes)
        references = self._references_section(section)
        if references is not None:
            self._collect_sources(references)
        self._mark_lede(section)
        set_displays(self._found[nodes.math], self._found[nodes.math_block],
                     info.math_displays, docname)
        self._sanitize_raw_html(section, info.trusted_html)
        self._report_undefined(section)
        counts = count_text(_reading_text(section))
        image = self._image(fields, docname)
        article = Article(
            docname=docname,
            title=title,
            date=fields.date,
            updated=fields.updated,
            draft=fields.draft,
            image=image,
            summary=fields.summary,
            authors=fields.authors,
            terms=fields.terms,
            reading_minutes=reading_minutes(
                counts,
                self.config.newsroom_words_per_minute,
                self.config.newsroom_cjk_chars_per_minute,
            ),
            language=main_language(counts),
            anchor=section["ids"][0] if section["ids"] else "",
            sources=self._sources(mode),
            canonical_url=fields.canonical_url,
            access=fields.access,
            robots=fields.robots,
            corrections=fields.corrections,
            authors_line=fields.line_of("authors") if fields.authors else 0,
            declared_language=fields.language,
            translation_key=fields.translation_key,
            translations=fields.translations,
            translations_line=fields.line_of("translations"),
            language_line=fields.line_of("language"),
        )
        domain = get_domain(self.env)
        domain.add_article(article)
        for taxonomy, spellings in (*article.terms, (AUTHORS, article.authors)):
            for spelling in spellings:
                domain.note_term_ref(docname, taxonomy, term_key(spelling))
        section[nr.ARTICLE_ATTR] = docname
        now = clock.now()
        if not self.config.newsroom_show_drafts and not is_public(article, now):
            # The page is built (review links work) but kept out of the search index.
            self.env.metadata[docname]["nosearch"] = True
        self._describe_for_opengraph(article, section)
        self._place_panel(section, article)
        notice = corrections_notice(article, self.config.language or "en")
        if notice is not None:
            panels = [i for i, child in enumerate(section.children)
                      if isinstance(child, nr.article_meta)]
            section.insert(panels[0] + 1 if panels else 1, notice)
        banner = draft_banner(article, self.config.language or "en", now)
        if banner is not None:
            section.insert(1, banner)

    # -- title ----------------------------------------------------------------

    def _fallback_title(self, info: SourceInfo) -> str:
        heading = next(iter(self._found[nodes.title]), None)
        docname = self.env.docname
        if heading is not None and heading.astext().strip():
            fallback, source = heading.astext().strip(), "its first heading"
        else:
            fallback, source = posixpath.basename(docname), "its file name"
        warn(NewsroomWarning.TITLE, f"article has no title; using {source}: {fallback!r}",
             (docname, info.fields.line_of("title")))
        return fallback

    def _title_section(self, title: str) -> nodes.section:
        """Wrap the body in a section titled ``title`` (the document title)."""
        document = self.document
        section = nodes.section()
        section.source, section.line = document["source"], 1
        section += nodes.title(title, title)
        keep = 0
        while keep < len(document) and isinstance(
            document[keep], nodes.docinfo | nodes.field_list | nodes.PreBibliographic
        ):
            keep += 1
        body = document.children[keep:]
        del document[keep:]
        # The generated footnote separator is not content: sources move to the
        # references section, or follow the body as before.
        section.extend(n for n in body if not _is_footnote_rule(n))
        document += section
        section["names"].append(nodes.fully_normalize_name(title))
        document.note_implicit_target(section, section)
        return section

    def _first_section(self) -> nodes.section | None:
        return next(iter(self._found[nodes.section]), None)

    # -- lede and references --------------------------------------------------

    @staticmethod
    def _mark_lede(section: nodes.section) -> None:
        first = next((n for n in section[1:] if not isinstance(n, nr.article_meta)), None)
        if isinstance(first, nodes.block_quote):
            first["classes"].append("news-lede")

    def _references_section(self, section: nodes.section) -> nodes.section | None:
        subsections = [n for n in section.children if isinstance(n, nodes.section)]
        if subsections and is_references_title(subsections[-1][0].astext(), self.config):
            subsections[-1]["classes"].append("news-references")
            return subsections[-1]
        return None

    def _collect_sources(self, references: nodes.section) -> None:
        """Move the article's sources into its references section, in number order.

        Notes stay footnotes: they follow the text, before the references
        section. An article with no source at all keeps its notes under its
        references heading (often "Notes"), which the author wrote for them.
        """
        footnotes = sorted(
            (n for n in self._found[nodes.footnote] if n.get("names")),
            key=lambda n: _label_order(n),
        )
        sources = [n for n in footnotes if n.get(KIND_ATTR, "source") == "source"]
        notes = [n for n in footnotes if n.get(KIND_ATTR, "source") != "source"]
        for footnote in sources or notes:
            footnote.parent.remove(footnote)
            references += footnote
        if sources and notes:
            for footnote in notes:
                footnote.parent.remove(footnote)
            _place_before(references, notes)
        for rule in self._found[nodes.transition]:
            parent = rule.parent
            # (A title section may already have left the rule out of the tree.)
            if _is_footnote_rule(rule) and parent is not None and \
                    any(child is rule for child in parent.children):
                parent.remove(rule)

    def _sources(self, mode: str) -> tuple[Source, ...]:
        """The footnotes that are sources, and the documents that notes link to."""
        sources = []
        for footnote in sorted(self._found[nodes.footnote], key=_label_order):
            if not footnote.get("names") or not footnote.get("ids"):
                continue
            label = footnote["names"][0]
            number = footnote[0].astext() if isinstance(footnote[0], nodes.label) else label
            reading = footnote_reading(footnote, mode)
            where = (label, number, footnote["ids"][0], footnote.line or 0)
            cited = bool(footnote["backrefs"])
            if reading.citation is not None:
                if not reading.citation.structured:
                    logger.debug("[newsroom] footnote [^%s] kept as written: no date, URL or "
                                 "accessed date to structure it", label, location=footnote)
                sources.append(Source(*where, reading.citation, cited))
                continue
            logger.debug("[newsroom] footnote [^%s] is a note (%s): %d linked document(s)",
                         label, reading.reason, len(reading.documents), location=footnote)
            sources += [Source(*where, document, cited, whole=False)
                        for document in reading.documents]
        return tuple(sources)

    def _sanitize_raw_html(self, section: nodes.section, trusted: frozenset[str]) -> None:
        """Raw HTML in the body through the sanitizer (``read/rawhtml``); sources as text.

        Line breaks become line-break nodes first. Sources in footnotes are
        always shown as text (but for Markdown's hard line breaks). The body's HTML is
        sanitized unless ``newsroom_raw_html`` trusts it as written; what the
        sanitizer removes is named in one warning per article, at its first place.
        """
        parents: dict[int, nodes.Element] = {}
        for raw in self._found[nodes.raw]:
            if not is_html(raw):
                continue
            in_footnote = any(isinstance(a, nodes.footnote) for a in ancestors(raw))
            if replace_line_break(raw, hard_breaks_only=in_footnote):
                continue  # a line break in every format, trusted or not
            if in_footnote:
                text = raw.astext()
                inline = isinstance(raw.parent, nodes.TextElement)
                raw.replace_self(nodes.Text(text) if inline else nodes.paragraph(text, text))
            elif raw.astext().strip() in trusted:
                continue  # written by compat/ itself (a video embed), not by the author
            elif not self.config.newsroom_raw_html:
                parents.setdefault(id(raw.parent), raw.parent)
        removed: list[str] = []
        first: nodes.Node | None = None
        for parent in parents.values():
            found, origin = sanitize_children(parent, self.document)
            if found and first is None:
                first = origin
            removed += [what for what in found if what not in removed]
        if removed:
            warn(NewsroomWarning.HTML, f"raw HTML removed by the sanitizer: {', '.join(removed)} "
                 "(set newsroom_raw_html = True to trust the article's HTML)",
                 (self.env.docname, first.line if first is not None else None))

    def _report_undefined(self, section: nodes.section) -> None:
        """A footnote cited but never defined: one located warning, the text as written.

        Left as a reference, docutils would report it again later, only as
        "Unknown target name", and link it to its error message.
        """
        for ref in self._found[nodes.footnote_reference]:
            if ref.get("refid") or not ref.get("refname"):
                continue
            written = f"[^{ref['refname']}]"
            warn(NewsroomWarning.CITATION, f"footnote {written} is cited but never defined", ref)
            refs = self.document.refnames.get(ref["refname"], [])
            if ref in refs:
                refs.remove(ref)
            ref.replace_self(nodes.inline(written, written, classes=["news-undefined-citation"]))

    # -- featured image and panel -------------------------------------------

    def _image(self, fields: Fields, docname: str) -> str:
        doc_dir = posixpath.dirname(Path(self.env.doc2path(docname, False)).as_posix())
        shown, problem = featured_image(fields.image, doc_dir, Path(self.env.srcdir))
        if problem:
            warn(NewsroomWarning.IMAGE, problem, (docname, fields.line_of("image")))
        return shown

    def _describe_for_opengraph(self, article: Article, section: nodes.section) -> None:
        """Give sphinxext-opengraph the article's description and type (per-page metadata).

        Left alone, it describes an article by its first text: the panel's
        labels. The description is the summary, else the lede, else the first
        paragraph of the body, cut as sphinxext-opengraph cuts its own.
        """
        if not opengraph_loaded(self.config):
            return
        metadata = self.env.metadata[article.docname]
        description = article.summary or _first_text(section)
        if description:
            limit = getattr(self.config, "ogp_description_length", 200)
            if isinstance(limit, int) and 3 < limit < len(description):
                description = description[: limit - 3].rstrip() + "..."
            metadata.setdefault("og:description", description)
        metadata.setdefault("og:type", "article")

    def _place_panel(self, section: nodes.section, article: Article) -> None:
        placed = self._found[nr.article_meta]
        if not placed and not self.config.newsroom_auto_meta:
            return
        panel = panel_placeholder(article, self.document)
        if placed:
            for node in placed:
                node.replace_self(panel.deepcopy())
            return
        section.insert(1, panel)


def _first_text(section: nodes.section) -> str:
    """The lede's text, or the body's first paragraph: what a reader reads first."""
    for node in section.children[1:]:
        if isinstance(node, nodes.block_quote | nodes.paragraph):
            return " ".join(node.astext().split())
        if isinstance(node, nodes.section):
            break
    return ""



def _place_before(references: nodes.section, notes: list[nodes.footnote]) -> None:
    """Put the notes at the end of the text: ahead of the references section."""
    parent = references.parent
    index = parent.index(references)
    previous = parent[index - 1] if index else None
    if isinstance(previous, nodes.section):
        previous.extend(notes)
    else:
        parent[index:index] = notes


def _is_footnote_rule(node: nodes.Node) -> bool:
    return isinstance(node, nodes.transition) and "footnotes" in node.get("classes", ())


def _label_order(footnote: nodes.footnote) -> tuple[int, int | str]:
    """Footnotes in the order of the numbers readers see (word labels are numbered too)."""
    shown = footnote[0].astext() if isinstance(footnote[0], nodes.label) else ""
    return (0, int(shown)) if shown.isdigit() else (1, "".join(footnote["names"][:1]))


def _reading_text(section: nodes.section) -> str:
    """The article's prose: no panel, no references, no footnotes, no code."""
    skip = (nr.article_meta, nodes.footnote, nodes.literal_block, nodes.comment, nodes.raw)
    parts: list[str] = []

    def walk(node: nodes.Element) -> None:
        for child in node.children:
            if isinstance(child, nodes.Text):
                parts.append(str(child))
            elif isinstance(child, nodes.Element) and not isinstance(child, skip) \
                    and "news-references" not in child["classes"]:
                walk(child)

    walk(section)
    return " ".join(parts)
