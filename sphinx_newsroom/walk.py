"""One pass over a doctree instead of one ``findall`` per kind of node.

docutils' ``findall`` is a recursive generator; the extension needs several
kinds of node from every article, and walking the tree once for all of them
is several times cheaper on a large site.
"""

from __future__ import annotations

from collections.abc import Container

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment


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


def nothing_to_fill(env: BuildEnvironment, docnames: Container[str]) -> bool:
    """The document being written holds nothing a post-transform fills, by the domain's
    record of it (``docnames``: the docs that do); merged trees are always searched."""
    return writes_one_document(env) and env.docname not in docnames


def writes_one_document(env: BuildEnvironment) -> bool:
    """Whether post-transforms see one document at a time (not a merged book).

    Then a document can be skipped by what the domain knows of it, without
    walking its tree; LaTeX, single-page HTML and texinfo merge every document
    into one tree, which must be searched.
    """
    app = getattr(env, "_app", None) or env.app
    builder = app.builder
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, SingleFileHTMLBuilder)
