"""One pass over a doctree instead of one ``findall`` per kind of node.

docutils' ``findall`` is a recursive generator; the extension needs several
kinds of node from every article, and walking the tree once for all of them
is several times cheaper on a large site.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes

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
