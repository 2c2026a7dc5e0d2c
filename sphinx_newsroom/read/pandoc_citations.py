"""Pandoc citations resolved: ``[@key]`` as "(Smith 2020)", the work as a source.

The source phase has read the article's bibliography files
(``read/bibliography_files``) and turned its citations into ``pandoc-cite``
nodes (``compat/citations``). After the article transform, each
``pandoc-cite`` node becomes an author–year marker, "Smith 2020", linked to
its entry. Each work cited (or listed by ``nocite``) joins the article's
references section as a numbered source after its footnotes, unless a
footnote of the article already names it, and the article's record, hence
the unified bibliography.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..citations.author_year import author_label, year_labels
from ..citations.bibfile import Reference
from ..citations.keys import citation_key
from ..citations.styles import format_citation
from ..directives import nodes as nr
from ..doctree import segments_to_nodes
from ..domain import get_domain
from ..i18n import _
from ..log import warn
from ..model.article import Source
from ..warnings_ import NewsroomWarning
from .bibliography_files import ArticleBibliography
from .source import SOURCE_KEY


class PandocCitationTransform(SphinxTransform):
    """Author–year markers for the ``pandoc-cite`` nodes, the works cited as sources."""

    # After the article transform (624): its title and references sections exist.
    default_priority = 625

    def apply(self, **kwargs: Any) -> None:
        cites = list(self.document.findall(nr.pandoc_citation))
        info = self.env.temp_data.get(SOURCE_KEY)
        bibliography = getattr(info, "bibliography", None)
        article = get_domain(self.env).articles.get(self.env.docname)
        if bibliography is None or article is None:
            for node in cites:
                warn(NewsroomWarning.CITATION, f"citation {node.astext()!r} outside an article "
                     "with a bibliography; shown as written", node)
                node.replace_self(nodes.Text(node.astext()))
            return
        refs = bibliography.references
        cited: list[str] = []
        for node in cites:
            key = node["key"]
            if key in refs:
                cited += [] if key in cited else [key]
                continue
            warn(NewsroomWarning.CITATION, f"citation key {key!r} is in none of the article's "
                 "bibliography files; shown as written", node)
            node.replace_self(nodes.Text(node.astext()))
        listed = cited + [key for key in self._nocite(bibliography) if key not in cited]
        if not listed:
            return
        first = {node["key"]: node for node in reversed(cites)}
        for key in listed:
            for problem in refs[key].problems:
                warn(NewsroomWarning.CITATION, f"bibliography entry {key!r}: {problem}",
                     first.get(key) or (self.env.docname, bibliography.nocite_line))
        years = year_labels([refs[key] for key in listed])
        targets, sources = self._entries(article.sources, bibliography, listed, cites)
        first_marker: dict[str, str] = {}
        for node in cites:
            if node["key"] not in targets:
                continue  # an unknown key: shown as written above
            key, mode = node["key"], node["mode"]
            author, year = author_label(refs[key]), years[key]
            text = year if mode == "-" else author if mode == "+" else f"{author} {year}"
            target = targets[key]
            if target is None:
                marker: nodes.Element = nodes.inline(text, text, classes=["news-citation"])
            else:
                marker = nodes.reference(text, text, refid=target["ids"][0], internal=True,
                                         classes=["news-citation"])
            marker.source, marker.line = node.source, node.line
            if mode != "+":  # "Smith (2020)": the year is the citation, the name is text
                self.document.set_id(marker)
                first_marker.setdefault(key, marker["ids"][0])
                if target is not None:
                    target["backrefs"].append(marker["ids"][0])
            node.replace_self(marker)
        # A footnote of the article that names a cited work is cited now, by its key.
        linked = {t["ids"][0] for t in targets.values() if t is not None}
        kept = tuple(dc.replace(s, cited=True) if s.target in linked else s
                     for s in article.sources)
        added = tuple(dc.replace(s, target=s.target or first_marker.get(s.label[1:], ""))
                      for s in sources)
        get_domain(self.env).add_article(dc.replace(article, sources=kept + added))

    def _nocite(self, bibliography: ArticleBibliography) -> list[str]:
        keys: list[str] = []
        for key in bibliography.nocite:
            if key == "*":
                keys += list(bibliography.references)
            elif key in bibliography.references:
                keys.append(key)
            else:
                warn(NewsroomWarning.CITATION, f"nocite key {key!r} is in none of the "
                     "article's bibliography files", (self.env.docname, bibliography.nocite_line))
        return keys

    def _entries(self, sources: Sequence[Source], bibliography: ArticleBibliography,
                 listed: list[str], cites: list[nr.pandoc_citation],
                 ) -> tuple[dict[str, nodes.footnote | None], list[Source]]:
        """Each work's entry: a footnote of the article naming it, or a new one.

        Returns the footnote each key links to (None when the article lists no
        entries) and the sources the article gains.
        """
        by_key = {citation_key(s.citation): s.target for s in sources}
        numbers = [int(s.number) for s in sources if s.number.isdigit()]
        number = max(numbers, default=0)
        lines = {node["key"]: node.line or 0 for node in reversed(cites)}
        targets: dict[str, nodes.footnote | None] = {}
        added: list[Source] = []
        references: nodes.section | None = None
        for key in listed:
            reference = bibliography.references[key]
            same = self.document.ids.get(by_key.get(citation_key(reference.citation), ""))
            if isinstance(same, nodes.footnote):
                targets[key] = same
                continue
            line = lines.get(key, bibliography.nocite_line)
            if bibliography.suppress:
                targets[key] = None
                added.append(Source(f"@{key}", "", "", line, reference.citation, key in lines))
                continue
            number += 1
            footnote = self._footnote(reference, number, line)
            references = references or self._references_section(bibliography)
            references += footnote
            targets[key] = footnote
            added.append(Source(f"@{key}", str(number), footnote["ids"][0], line,
                                reference.citation, key in lines))
        return targets, added

    def _footnote(self, reference: Reference, number: int, line: int) -> nodes.footnote:
        """The work's entry: numbered after the footnotes, in the site's citation style."""
        footnote = nodes.footnote(classes=["news-pandoc-source"])
        footnote.source, footnote.line = self.document["source"], line
        anchor = nodes.make_id(f"ref-{reference.key}")
        if anchor and anchor not in self.document.ids:
            footnote["ids"].append(anchor)
            self.document.ids[anchor] = footnote
        else:
            self.document.set_id(footnote)
        footnote += nodes.label("", str(number))
        paragraph = nodes.paragraph()
        paragraph.extend(segments_to_nodes(
            format_citation(reference.citation, self.config.newsroom_citation_style)))
        footnote += paragraph
        return footnote

    def _references_section(self, bibliography: ArticleBibliography) -> nodes.section:
        """The article's references section; a new one at its end when it has none."""
        docname = self.env.docname
        article = next(s for s in self.document.findall(nodes.section)
                       if s.get(nr.ARTICLE_ATTR) == docname)
        last = [n for n in article.children if isinstance(n, nodes.section)][-1:]
        if last and "news-references" in last[0]["classes"]:
            return last[0]
        title = bibliography.section_title or str(_("References"))
        section = nodes.section(classes=["news-references"])
        section.source, section.line = self.document["source"], bibliography.line
        section += nodes.title(title, title)
        section["names"].append(nodes.fully_normalize_name(title))
        self.document.note_implicit_target(section, section)
        article += section
        return section
