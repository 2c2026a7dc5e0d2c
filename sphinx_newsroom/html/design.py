"""sphinx-design's HTML post-transforms, run on the pages that use its components.

The extension sets sphinx-design up (DESIGN.md), so that articles may use its
directives. sphinx-design registers post-transforms that rebuild its tab sets,
dropdowns and asides for HTML. Each of them looks for its own component with
``document.findall(lambda node: is_component(node, name))``: a recursive
generator over every node of every page, whose test raises and catches an
``AttributeError`` on each text node. The three walks take about a millisecond
on an article page (4 % of the whole build of a 500-article site), although
news articles rarely hold a tab set, a dropdown or an aside.

The subclasses registered here first ask, in one plain loop that stops at the
first hit, whether the page holds any sphinx-design component, and otherwise
leave the original transform out. A component is a node with sphinx-design's
own ``design_component`` attribute: the very marker those transforms look for.
Only transforms known to act on that marker alone are guarded; whatever else
sphinx-design registers runs untouched.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import get_domain

#: sphinx-design's post-transforms that only touch ``design_component`` nodes.
COMPONENT_TRANSFORMS = frozenset({"TabSetHtmlTransform", "DropdownHtmlTransform",
                                  "AsideHtmlTransform"})


def has_design_component(root: nodes.Node) -> bool:
    """Whether any node under ``root`` is a sphinx-design component."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.Element):
            if "design_component" in node.attributes:
                return True
            stack.extend(node.children)
    return False


def _guarded(transform: type[SphinxPostTransform]) -> type[SphinxPostTransform]:
    def is_supported(self: SphinxPostTransform) -> bool:
        return transform.is_supported(self) and has_design_component(self.document)

    return type(transform.__name__, (transform,), {
        "is_supported": is_supported,
        "__module__": __name__,
        "__doc__": f"{transform.__doc__ or transform.__name__}\n\n"
                   "(Left out of pages without sphinx-design components.)",
    })


def guard_design_transforms(app: Sphinx) -> None:
    """Swap sphinx-design's component transforms for guarded subclasses, in place
    (same priority, same order)."""
    transforms = app.registry.get_post_transforms()
    for index, transform in enumerate(transforms):
        if (transform.__module__.startswith("sphinx_design.")
                and transform.__name__ in COMPONENT_TRANSFORMS
                and issubclass(transform, SphinxPostTransform)):
            transforms[index] = _guarded(transform)


def defer_design_assets(app: Sphinx) -> None:
    """sphinx-design's stylesheet and script, only on a site that shows articles.

    sphinx-design adds its assets to every page at ``builder-inited``. A host
    project that did not load sphinx-design itself gets them only once the read
    shows the newsroom in use (``env-updated``, before the static files are
    copied): a project without articles builds as it did without the extension.
    """
    from sphinx_design.extension import add_static_assets

    listeners = app.events.listeners.get("builder-inited", [])
    found = [listener for listener in listeners if listener.handler is add_static_assets]
    if not found:
        raise RuntimeError("sphinx-design no longer adds its assets at builder-inited: "
                           "sphinx_newsroom.html.design must follow it")
    for listener in found:
        app.disconnect(listener.id)

    def add_when_used(app: Sphinx, env: BuildEnvironment) -> None:
        if get_domain(env).in_use:
            add_static_assets(app)

    app.connect("env-updated", add_when_used, priority=900)
