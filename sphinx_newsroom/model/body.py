"""What an article's Markdown body holds: footnotes and top-level headings.

Read with markdown-it, the parser MyST uses, set up as ``headings.py`` sets it
up: a ``[^1]`` in code is no reference, and a definition is whatever MyST
will take for one. ``sphinx-newsroom check`` uses it to find, without a build,
what the build finds in the doctree.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import itertools
import re
from collections.abc import Collection

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin

from ..citations.markup import TextWriter
from ..citations.model import Mark, Written
from ..citations.urls import readable_url


@dc.dataclass(frozen=True, slots=True)
class Reference:
    """A ``[^label]`` in the text; ``line`` and ``column`` are 1-based."""

    label: str
    line: int
    column: int


@dc.dataclass(frozen=True, slots=True)
class Definition:
    """A ``[^label]: text`` definition, read as the build reads it."""

    label: str
    line: int
    #: Its text (links as ``[t](url)``) with its markup, as
    #: ``read/footnotes.written_footnote`` writes it.
    written: Written
    #: The kind its ``{footnote-kind}`` role declares, if any.
    declared: str | None = None
    #: The text of its ``{cite-source}`` role (``title=…; publisher=…``), if any.
    fields: str | None = None


@dc.dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int


@dc.dataclass(frozen=True, slots=True)
class Body:
    references: tuple[Reference, ...] = ()
    definitions: tuple[Definition, ...] = ()
    #: Headings outside lists and quotes, in order.
    headings: tuple[Heading, ...] = ()

    def references_heading(self, needs_title: bool,
                           titles: Collection[str]) -> Heading | None:
        """The article's trailing references section, found as the build finds it.

        With a title section (``needs_title``) the article's sections are the
        shallowest headings; under a body H1 they are its H2s. The last of
        them is the references section when its title is one of ``titles``.
        """
        levels = [h.level for h in self.headings]
        if needs_title:
            sections = [h for h in self.headings if h.level == min(levels)]
        elif 1 in levels:
            after = self.headings[levels.index(1) + 1:]
            sections = [h for h in itertools.takewhile(lambda h: h.level != 1, after)
                        if h.level == 2]
        else:
            return None
        wanted = {title.strip().casefold() for title in titles}
        if sections and sections[-1].text.strip().casefold() in wanted:
            return sections[-1]
        return None


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark").enable("table").use(myst_block_plugin)
            .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True))


def read_body(text: str, first_line: int = 1) -> Body:
    """The footnotes and headings of ``text``; ``first_line`` is its line in the file."""
    tokens = _parser().parse(text)
    lines = text.split("\n")
    references: list[Reference] = []
    definitions: list[Definition] = []
    headings: list[Heading] = []
    depth = 0
    open_definition: tuple[str, int, _Writer] | None = None
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif token.type == "footnote_reference_open" and token.map is not None:
            open_definition = (token.meta["label"], token.map[0], _Writer())
        elif token.type == "footnote_reference_close" and open_definition is not None:
            label, at, writer = open_definition
            definitions.append(Definition(label, at + first_line, writer.written(),
                                          writer.declared, writer.fields))
            open_definition = None
        elif token.type == "inline" and token.map is not None:
            references += _references(token, lines, first_line)
            if open_definition is not None:
                writer = open_definition[2]
                if writer.length:
                    writer.add(" ")  # paragraphs are words apart
                writer.walk(token.children or [])
            previous = tokens[index - 1]
            if previous.type == "heading_open" and depth == 0 and open_definition is None:
                # An ATX heading's one line, a setext heading's last line of text.
                headings.append(Heading(int(previous.tag[1]), inline_text(token.children or []),
                                        token.map[1] - 1 + first_line))
    return Body(tuple(references), tuple(definitions), tuple(headings))


def _references(token: Token, lines: list[str], first_line: int) -> list[Reference]:
    assert token.map is not None
    found = []
    line = token.map[0]
    searched_from = 0
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
            searched_from = 0
        elif child.type == "footnote_ref":
            label = child.meta["label"]
            at = lines[line].find(f"[^{label}]", searched_from)
            # A code span or HTML over several lines holds line breaks but no break token.
            while at < 0 and line + 1 < token.map[1]:
                line += 1
                at = lines[line].find(f"[^{label}]")
            searched_from = at + 1
            found.append(Reference(label, line + first_line, at + 1))
    return found


#: A link target with a URL scheme: a link out (others are cross-references,
#: which the build shows as their text).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_STYLES = {"em_open": "emphasis", "strong_open": "strong"}
#: The roles a footnote may hold about itself (``directives/footnote_kind``, ``cite_source``).
_ROLES = ("{footnote-kind}", "{cite-source}")


class _Writer(TextWriter):
    """A definition's inline tokens written as ``read/footnotes._Writer`` writes its nodes."""

    def __init__(self) -> None:
        super().__init__()
        self.declared: str | None = None
        self.fields: str | None = None

    def walk(self, children: list[Token]) -> None:
        opened: list[tuple[str, int]] = []
        index = 0
        while index < len(children):
            child = children[index]
            kind = child.type
            role = next((r for r in _ROLES if child.content.endswith(r)), None) \
                if kind == "text" else None
            if role and index + 1 < len(children) and children[index + 1].type == "code_inline":
                # MyST reads "{footnote-kind}`note`" (no space between) as the role,
                # no text of the footnote; the text around it stays as written.
                self.add(child.content[:-len(role)])
                argument = children[index + 1].content.strip()
                if role == "{cite-source}":
                    self.fields = argument
                else:
                    self.declared = argument
                index += 2
                continue
            if kind == "link_open":
                end = _closing(children, index)
                self.link(str(child.attrs["href"]), children[index + 1:end])
                index = end + 1
                continue
            if kind in ("text", "html_inline"):
                self.add(child.content)
            elif kind in ("softbreak", "hardbreak"):
                self.add(" ")
            elif kind == "code_inline":
                start = self.length
                self.add(child.content)
                self.marks.append(Mark("literal", start, self.length))
            elif kind in _STYLES:
                opened.append((_STYLES[kind], self.length))
            elif kind in ("em_close", "strong_close"):  # markdown-it closes what it opens
                style, start = opened.pop()
                self.marks.append(Mark(style, start, self.length))  # type: ignore[arg-type]
            index += 1

    def link(self, href: str, inner: list[Token]) -> None:
        """A link out as ``[text](url)`` (its URL alone when that is its text)."""
        if not _SCHEME.match(href):
            self.walk(inner)
            return
        text = inline_text(inner)
        start = self.length
        if text in (href, href.removeprefix("mailto:")) or readable_url(text) == readable_url(href):
            self.add(text)
            self.marks.append(Mark("link", start, self.length, href))
            return
        self.syntax("[")
        start = self.length
        self.walk(inner)
        self.marks.append(Mark("link", start, self.length, href))
        self.syntax(f"]({href})")



def _closing(children: list[Token], index: int) -> int:
    """The index of the ``link_close`` of the ``link_open`` at ``index``.

    CommonMark links hold no links, and markdown-it closes every link it opens.
    """
    return next(at for at in range(index, len(children)) if children[at].type == "link_close")


def inline_text(children: list[Token]) -> str:
    """Inline tokens as the build's doctree spells them (``astext()``).

    A link is its text, an image its alt text, a line break a newline: the
    build's fallback title and references titles read a heading so.
    """
    parts: list[str] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(inline_text(child.children or []))
    return "".join(parts)
