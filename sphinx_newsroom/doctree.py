"""Doctree helpers every stage shares: one pass over a tree, rendered citations as nodes.

docutils' ``findall`` is a recursive generator; the extension needs several
kinds of node from every article, and walking the tree once for all of them
is several times cheaper on a large site.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes

from .citations.model import Segment
from .citations.urls import encoded_url

#: A translator's visit or depart method for one kind of node.
Visitor = Callable[[Any, Any], None]


def ancestors(node: nodes.Node) -> list[nodes.Node]:
    """The elements around ``node``, its parent first."""
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def nodes_of(root: nodes.Node, *kinds: type[nodes.Node]) -> dict[type[nodes.Node], list]:
    """Every node of each kind under ``root`` (included), in document order."""
    found: dict[type[nodes.Node], list] = {kind: [] for kind in kinds}
    stack = [root]
    while stack:
        node = stack.pop()
        for kind in kinds:
            if isinstance(node, kind):
                found[kind].append(node)
        children = getattr(node, "children", None)
        if children:
            stack.extend(reversed(children))
    return found


def visit_children(self: object, node: nodes.Element) -> None:
    """Render the node's children only."""


#: The node of each inline style a footnote may give a field.
_INLINE: dict[str, type[nodes.TextElement]] = {
    "strong": nodes.strong, "emphasis": nodes.emphasis, "literal": nodes.literal}


def segments_to_nodes(segments: list[Segment]) -> list[nodes.Node]:
    """Nodes for a rendered citation: titles in italics, URLs and the footnote's links linked.

    Text goes into text nodes only, so every writer escapes it.
    """
    result: list[nodes.Node] = []
    for segment in segments:
        if segment.kind == "url":
            result.append(nodes.reference(segment.text, segment.text,
                                          refuri=encoded_url(segment.text),
                                          classes=["news-source-url"]))
            continue
        node: nodes.Node = nodes.Text(segment.text)
        for style in reversed(segment.inline):
            if not (style == "emphasis" and segment.kind == "title"):  # a title is in italics
                node = _INLINE[style](segment.text, "", node)
        if segment.kind == "title":
            node = nodes.emphasis(segment.text, "", node)
        if segment.link:
            node = nodes.reference(segment.text, "", node, refuri=encoded_url(segment.link))
        result.append(node)
    return result
