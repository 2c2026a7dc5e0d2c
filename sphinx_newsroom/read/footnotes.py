"""An article's footnotes, each read as a source, a note with links, or a note.

``citations/notes.py`` decides from a footnote's written text and markup;
this module gives it that text (``written_footnote``), applies the article's
declarations (the ``footnote-kind`` role, the ``footnotes`` front-matter
field, ``newsroom_footnotes``) and spares listed sources Sphinx's
"not referenced" warning.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..citations.markup import TextWriter
from ..citations.model import Mark, Written
from ..citations.notes import Kind, Reading, read_footnote
from ..citations.override import apply_fields
from ..citations.urls import readable_url
from ..directives import nodes as nr
from ..directives.footnote_kind import KIND_USED_KEY
from ..doctree import ancestors, nodes_of
from ..log import warn
from ..warnings_ import NewsroomWarning
from .references import is_references_title
from .source import SOURCE_KEY

#: Footnote attribute: the kind its ``footnote-kind`` role declares.
DECLARED_ATTR = "newsroom_declared"
#: Footnote attribute: the fields its ``cite-source`` role writes (``(name, value)`` pairs).
FIELDS_ATTR = "newsroom_fields"
#: Footnote attribute: the kind it is read as (``source``, ``links``, ``note``).
KIND_ATTR = "newsroom_kind"
#: Class of a footnote that is a note (``links`` or ``note``): themes may style notes.
NOTE_CLASS = "news-note"

_STYLES: dict[type[nodes.Node], Any] = {
    nodes.emphasis: "emphasis", nodes.strong: "strong", nodes.literal: "literal"}


class _Writer(TextWriter):
    """Writes a footnote's text as the parser reads it, recording its markup."""

    def walk(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            self.add(str(node).replace("\n", " "))  # a soft line break is a space
        elif isinstance(node, nr.footnote_kind | nr.cite_source | nodes.label | nodes.comment):
            return
        elif isinstance(node, nodes.reference) and node.get("refuri"):
            self.link(node)
        elif isinstance(node, nodes.literal):
            start = self.length
            self.add(node.astext())
            self.marks.append(Mark("literal", start, self.length))
        elif isinstance(node, nodes.Element):
            start = self.length
            for index, child in enumerate(node.children):
                if index and isinstance(child, nodes.Body) and not isinstance(child, nodes.Inline):
                    self.add(" ")  # paragraphs and list items are words apart
                self.walk(child)
            style = _STYLES.get(type(node))
            if style is not None:
                self.marks.append(Mark(style, start, self.length))

    def link(self, node: nodes.reference) -> None:
        """A link as ``[text](url)``; an autolink as its URL (as readers read it)."""
        text, uri = node.astext(), node["refuri"]
        start = self.length
        if text in (uri, uri.removeprefix("mailto:")) or readable_url(text) == readable_url(uri):
            self.add(text)
            self.marks.append(Mark("link", start, self.length, uri))
            return
        self.syntax("[")
        start = self.length
        for child in node.children:
            self.walk(child)
        self.marks.append(Mark("link", start, self.length, uri))
        self.syntax(f"]({uri})")



def written_footnote(footnote: nodes.footnote) -> Written:
    """A footnote's text as written (links keep their URL: ``[title](url)``), and its markup."""
    writer = _Writer()
    for index, child in enumerate(c for c in footnote.children if not isinstance(c, nodes.label)):
        if index:
            writer.add(" ")
        writer.walk(child)
    return writer.written()


#: Newsrooms cite the same reports again and again; reading is pure, so memoise it.
_read = lru_cache(maxsize=16384)(read_footnote)


def footnote_reading(footnote: nodes.footnote, mode: str) -> Reading:
    """What the footnote gives the bibliography, under the article's ``mode``."""
    declared: Kind | None = footnote.get(DECLARED_ATTR)
    reading = _read(written_footnote(footnote), declared, mode)
    fields = footnote.get(FIELDS_ATTR)
    if fields and reading.citation is not None:
        return reading._replace(citation=apply_fields(reading.citation, fields),
                                reason="its fields are written with the cite-source role")
    return reading


def footnotes_mode(config: Any, front_matter_mode: str) -> str:
    """The article's ``footnotes`` field, else ``newsroom_footnotes``."""
    return front_matter_mode or config.newsroom_footnotes


class FootnoteKindsTransform(SphinxTransform):
    """Read each footnote of an article as a source, a note with links, or a note.

    A source is the article's own list of sources: listed but never cited,
    it needs no inline citation, so it is taken off the lists docutils keeps
    of footnotes, which Sphinx checks for unreferenced ones. So is every
    footnote under a references heading, which the author listed there.
    """

    # After footnotes are numbered (620), before unreferenced ones are reported (622).
    default_priority = 621

    def apply(self, **kwargs: Any) -> None:
        if self.env.temp_data.get(KIND_USED_KEY):
            self._take_declarations()
        info = self.env.temp_data.get(SOURCE_KEY)
        if info is None:
            return
        mode = footnotes_mode(self.config, info.fields.footnotes)
        found = nodes_of(self.document, nodes.section, nodes.footnote)
        for footnote in found[nodes.footnote]:
            kind = footnote_reading(footnote, mode).kind
            footnote[KIND_ATTR] = kind
            if kind != "source" and NOTE_CLASS not in footnote["classes"]:
                footnote["classes"].append(NOTE_CLASS)
        listed = any(is_references_title(section[0].astext(), self.config)
                     for section in found[nodes.section])
        for registry in (self.document.footnotes, self.document.autofootnotes):
            for footnote in [f for f in registry if not f["backrefs"]]:
                if listed or footnote.get(KIND_ATTR) == "source":
                    registry.remove(footnote)

    def _take_declarations(self) -> None:
        """Record each ``footnote-kind`` and ``cite-source`` on its footnote; take them out."""
        for role in list(self.document.findall(nr.cite_source)):
            footnote = next((a for a in ancestors(role) if isinstance(a, nodes.footnote)), None)
            if footnote is None:
                warn(NewsroomWarning.CITATION,
                     "cite-source is only meaningful inside a footnote", role)
            elif footnote.get(DECLARED_ATTR, "source") != "source":
                warn(NewsroomWarning.CITATION,
                     f"footnote [^{''.join(footnote['names'][:1])}] is declared "
                     f"{footnote[DECLARED_ATTR]} and has cite-source fields; read as "
                     f"{footnote[DECLARED_ATTR]}", role)
            elif FIELDS_ATTR in footnote:
                warn(NewsroomWarning.CITATION,
                     f"footnote [^{''.join(footnote['names'][:1])}] has two cite-source "
                     "roles; the first holds", role)
            else:
                footnote[DECLARED_ATTR] = "source"
                footnote[FIELDS_ATTR] = role["fields"]
            _remove(role)
        for node in list(self.document.findall(nr.footnote_kind)):
            footnote = next((a for a in ancestors(node) if isinstance(a, nodes.footnote)), None)
            if footnote is None:
                warn(NewsroomWarning.CITATION,
                     f"footnote-kind `{node['kind']}` is only meaningful inside a footnote",
                     node)
            elif footnote.get(DECLARED_ATTR, node["kind"]) != node["kind"]:
                warn(NewsroomWarning.CITATION,
                     f"footnote [^{''.join(footnote['names'][:1])}] is declared both "
                     f"{footnote[DECLARED_ATTR]} and {node['kind']}; read as "
                     f"{footnote[DECLARED_ATTR]}", node)
            else:
                footnote[DECLARED_ATTR] = node["kind"]
            _remove(node)


def _remove(node: nodes.Node) -> None:
    """Take a declaration out of the text, and the space after it when it came first."""
    parent = node.parent
    at = parent.index(node)
    parent.remove(node)
    # "{footnote-kind}`source` Title…": the space after the role is not text.
    if at == 0 and parent.children and isinstance(parent[0], nodes.Text):
        parent[0] = nodes.Text(parent[0].lstrip())

