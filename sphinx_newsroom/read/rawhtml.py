"""Raw HTML in an article's body, sanitized and turned into nodes where it can be.

MyST leaves each HTML tag it meets as its own ``raw`` node: the paragraph
``a <span style="color:red">red</span> b`` holds the text ``a``, a raw
``<span ...>``, the text ``red``, a raw ``</span>`` and ``b``; an HTML block
that wraps Markdown (``<div>``, blank line, text, blank line, ``</div>``) is
a raw node, a paragraph, a raw node. Sanitizing each fragment alone would
break these pairs, so the unit is the run of siblings that holds raw HTML:

1. For every element with raw HTML among its children, the children from the
   first raw node to the last are written as one HTML string: raw nodes as
   they are, text escaped, every other node as an empty ``<newsroom-slot>``
   placeholder carrying a per-run random key.
2. ``model.html_policy`` lists what its policy will remove (for the warning)
   and sanitizes the string with nh3; the result is well formed.
3. The sanitized HTML is parsed and rebuilt as nodes, each placeholder
   replaced by the node it stands for, so footnote references, emphasis or
   whole paragraphs between two tags keep their meaning. A placeholder whose
   key is wrong (an author writing ``<newsroom-slot>``) is dropped.

Rebuilt, the common elements become real docutils nodes that every builder
writes: ``img`` an ``image``, ``a href`` a ``reference``, ``figure`` with
``img`` and ``figcaption`` a ``figure`` with its ``caption``, ``p`` a
paragraph, ``pre`` a literal block, ``b``/``strong``, ``i``/``em``,
``code``, ``sup``, ``sub`` without attributes their docutils equivalents;
``br`` a ``line_break`` node (as is Markdown's hard break, see
:func:`replace_line_break`), which every format writes safely. Any other
element is HTML only: a ``raw`` HTML node for the whole element, beside an
``only`` node (for every format but HTML) with its text, so the PDF and the
text output lose no words.
An element that holds real nodes is written as a raw start tag, the nodes,
and a raw end tag.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Callable
from html import escape
from typing import TypeVar

from docutils import nodes
from sphinx import addnodes

from ..directives import nodes as nr
from ..model.html_policy import (
    BLOCK_TAGS,
    SLOT_ATTR,
    SLOT_TAG,
    Element,
    parse_sanitized,
    removed_by_policy,
    sanitize,
)

#: Inline HTML elements written as docutils' own nodes when they carry no attribute.
_PLAIN_INLINE: dict[str, Callable[..., nodes.TextElement]] = {
    "b": nodes.strong, "strong": nodes.strong, "i": nodes.emphasis, "em": nodes.emphasis,
    "code": nodes.literal, "sup": nodes.superscript, "sub": nodes.subscript,
}
_IMAGE_ALIGN = {"left", "center", "right", "top", "middle", "bottom"}
_E = TypeVar("_E", bound=nodes.Element)
#: For builders other than HTML: where the HTML-only elements leave their text.
NOT_HTML = "not format_html"


def is_html(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and "html" in node.get("format", "").split()


def _line_break() -> nr.line_break:
    return nr.line_break("", "\n")


_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def replace_line_break(raw: nodes.raw, hard_breaks_only: bool) -> bool:
    """Replace ``raw``, if it is an inline ``<br>``, by a :class:`line_break`; say if it was.

    MyST writes Markdown's hard line break as two raw nodes, HTML ``<br />``
    and LaTeX ``\\\\``; both go. The LaTeX one ends no line where none has
    begun (after a ``<br>``, or in a table cell it ends the row instead): the
    line break's LaTeX visitor writes what is safe where it stands. With
    ``hard_breaks_only``, a ``<br>`` the author wrote is left alone.
    """
    parent = raw.parent
    if not isinstance(parent, nodes.TextElement) or not is_html(raw) \
            or not _BR.fullmatch(raw.astext()):
        return False
    index = parent.index(raw)
    following = parent[index + 1] if index + 1 < len(parent) else None
    hard = (isinstance(following, nodes.raw) and following.get("format") == "latex"
            and following.astext().strip() == "\\\\")
    if not hard and hard_breaks_only:
        return False
    parent[index:index + 2 if hard else index + 1] = [_located(_line_break(), raw)]
    return True


def sanitize_children(parent: nodes.Element,
                      document: nodes.document) -> tuple[list[str], nodes.Node | None]:
    """Sanitize the raw HTML among ``parent``'s children, in place.

    Returns what was removed, each kind named once, and the first raw node of
    the run (the warning's location).
    """
    indexes = [i for i, child in enumerate(parent.children) if is_html(child)]
    if not indexes:
        return [], None
    first, last = indexes[0], indexes[-1]
    run = parent.children[first:last + 1]
    key = secrets.token_hex(8)
    slots: dict[str, nodes.Node] = {}
    parts = []
    for child in run:
        if is_html(child):
            parts.append(child.astext())
        elif isinstance(child, nodes.Text):
            parts.append(escape(str(child), quote=False))
        else:
            name = f"{key}-{len(slots)}"
            slots[name] = child
            parts.append(f'<{SLOT_TAG} {SLOT_ATTR}="{name}"></{SLOT_TAG}>')
    fragment = "".join(parts)
    removed = removed_by_policy(fragment)
    items = parse_sanitized(sanitize(fragment))
    builder = _Builder(slots, run[0], document=document)
    inline = isinstance(parent, nodes.TextElement)
    rebuilt = builder.inline(items) if inline else builder.block(items)
    parent[first:last + 1] = rebuilt
    return removed, run[0]


class _Builder:
    """Sanitized HTML items to docutils nodes, for an inline or a block context."""

    def __init__(self, slots: dict[str, nodes.Node], origin: nodes.Node,
                 document: nodes.document):
        self.slots = slots
        self.document = document
        self.source, self.line = origin.source, origin.line

    def _located(self, node: _E) -> _E:
        node.source, node.line = self.source, self.line
        return node

    def _raw(self, html: str) -> nodes.raw:
        raw = nodes.raw("", html, format="html")
        self._located(raw)
        return raw

    def _slot(self, element: Element) -> nodes.Node | None:
        return self.slots.pop(element.attrs.get(SLOT_ATTR, ""), None)

    def _holds_nodes(self, element: Element) -> bool:
        """Whether the element holds something that becomes a real node everywhere."""
        return any(e.tag in (SLOT_TAG, "img", "figure") or (e.tag == "a" and "href" in e.attrs)
                   for e in element.iter() if e is not element)

    # -- inline ---------------------------------------------------------------

    def inline(self, items: list[Element | str]) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for item in items:
            if isinstance(item, str):
                result.append(nodes.Text(item))
            else:
                result.extend(self._inline_element(item))
        return result

    def _inline_element(self, element: Element) -> list[nodes.Node]:
        tag = element.tag
        if tag == SLOT_TAG:
            slot = self._slot(element)
            return [slot] if slot is not None else []
        if tag == "img":
            image = self._image(element)
            return [image] if image is not None else []
        if tag == "br":
            return [self._located(_line_break())]
        if tag == "a" and element.attrs.get("href") and not (
                {"id", "name", "class", "style"} & set(element.attrs)):
            reference = nodes.reference("", "", refuri=element.attrs["href"])
            if element.attrs.get("title"):
                reference["reftitle"] = element.attrs["title"]
            reference.extend(self.inline(element.children))
            return [self._located(reference)]
        if tag in _PLAIN_INLINE and not element.attrs:
            node = _PLAIN_INLINE[tag]()
            node.extend(self.inline(element.children))
            return [self._located(node)]
        if self._holds_nodes(element):
            return [self._raw(element.start_tag()), *self.inline(element.children),
                    self._raw(element.end_tag())]
        return self._html_only(element, block=False)

    def _image(self, element: Element) -> nodes.image | None:
        src = element.attrs.get("src", "").strip()
        if not src:
            return None
        image = nodes.image("", uri=src, alt=element.attrs.get("alt", ""))
        if not image["alt"]:
            del image["alt"]
        for dimension in ("width", "height"):
            value = element.attrs.get(dimension, "").strip()
            if value:
                with contextlib.suppress(ValueError):  # an unreadable length is left out
                    image[dimension] = _length(value)
        if element.attrs.get("align", "").lower() in _IMAGE_ALIGN:
            image["align"] = element.attrs["align"].lower()
        image["classes"].extend(element.attrs.get("class", "").split())
        return self._located(image)

    def _html_only(self, element: Element, block: bool) -> list[nodes.Node]:
        """The element for HTML; its text for every other builder."""
        result: list[nodes.Node] = [self._raw(element.html())]
        text = " ".join(element.text().split())
        if text:
            only = addnodes.only(expr=NOT_HTML)
            self._located(only)
            only += nodes.paragraph(text, text) if block else nodes.Text(text)
            result.append(only)
        return result

    # -- block ----------------------------------------------------------------

    def block(self, items: list[Element | str]) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        run: list[Element | str] = []

        def flush() -> None:
            if any(isinstance(i, Element) or i.strip() for i in run):
                result.extend(self._paragraph_or_image(run))
            run.clear()

        for item in items:
            if isinstance(item, str) or (item.tag not in BLOCK_TAGS and item.tag != SLOT_TAG):
                run.append(item)
                continue
            flush()
            result.extend(self._block_element(item))
        flush()
        return result

    def _paragraph_or_image(self, run: list[Element | str]) -> list[nodes.Node]:
        elements = [i for i in run if isinstance(i, Element)]
        texts = "".join(i for i in run if isinstance(i, str))
        if len(elements) == 1 and elements[0].tag == "img" and not texts.strip():
            image = self._image(elements[0])
            return [image] if image is not None else []
        content = self.inline(_strip_ends(run))
        if all(isinstance(n, nodes.raw) for n in content):
            return content  # e.g. an empty span: nothing to set as a paragraph
        paragraph = nodes.paragraph()
        paragraph.extend(content)
        return [self._located(paragraph)]

    def _block_element(self, element: Element) -> list[nodes.Node]:
        tag = element.tag
        if tag == SLOT_TAG:
            slot = self._slot(element)
            return [slot] if slot is not None else []
        if tag == "p" and not element.attrs:
            return self._paragraph_or_image(element.children)
        if tag == "pre" and not self._holds_nodes(element):
            text = "".join(e if isinstance(e, str) else e.text() for e in element.children)
            literal = nodes.literal_block(text, text)
            literal["language"] = "none"
            return [self._located(literal)]
        if tag == "iframe" and not element.attrs.get("src"):
            return []  # a frame the policy left without its address shows nothing
        if tag == "figure":
            figure = self._figure(element)
            if figure is not None:
                return [figure]
        if self._holds_nodes(element):
            return [self._raw(element.start_tag()), *self.block(element.children),
                    self._raw(element.end_tag())]
        if not element.html().strip():
            return []
        return self._html_only(element, block=True)

    def _figure(self, element: Element) -> nodes.figure | None:
        """A figure of images and at most one caption, else ``None`` (kept as HTML)."""
        figure = nodes.figure()
        captions = 0
        for child in element.children:
            if isinstance(child, str):
                if child.strip():
                    return None
            elif child.tag == "img":
                image = self._image(child)
                if image is None:
                    return None
                figure += image
            elif child.tag == "figcaption" and not captions:
                captions += 1
                caption = nodes.caption()
                caption.extend(self.inline(_strip_ends(child.children)))
                figure += self._located(caption)
            else:
                return None
        if not any(isinstance(n, nodes.image) for n in figure.children):
            return None
        figure["classes"].extend(element.attrs.get("class", "").split())
        if element.attrs.get("align", "").lower() in ("left", "center", "right"):
            figure["align"] = element.attrs["align"].lower()
        self.document.set_id(figure)  # Sphinx numbers figures by their id
        return self._located(figure)


def _located(node: _E, origin: nodes.Node) -> _E:
    node.source, node.line = origin.source, origin.line
    return node


def _length(value: str) -> str:
    """An HTML width or height as docutils reads one (``300`` is pixels)."""
    number = value.removesuffix("px").removesuffix("%")
    float(number)
    return value if value.endswith(("px", "%")) else f"{value}px"


def _strip_ends(items: list[Element | str]) -> list[Element | str]:
    """Items without the white space that opens and closes them."""
    result = list(items)
    if result and isinstance(result[0], str):
        result[0] = result[0].lstrip()
    if result and isinstance(result[-1], str):
        result[-1] = result[-1].rstrip()
    return [i for i in result if not (isinstance(i, str) and not i)]


__all__ = ["NOT_HTML", "is_html", "replace_line_break", "sanitize_children"]
