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

#: A translator's visit or depart method for one kind of node.
Visitor = Callable[[Any, Any], None]


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


def segments_to_nodes(segments: list[Segment]) -> list[nodes.Node]:
    """A rendered citation as nodes: the title in italics, the URL a link."""
    result: list[nodes.Node] = []
    for segment in segments:
        if segment.kind == "title":
            result.append(nodes.emphasis(segment.text, segment.text))
        elif segment.kind == "url":
            result.append(nodes.reference(segment.text, segment.text, refuri=segment.text,
                                          classes=["news-source-url"]))
        else:
            result.append(nodes.Text(segment.text))
    return result
