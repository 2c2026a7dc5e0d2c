"""An article's math displays, set as the post's own site shows them.

``model.math_spans`` writes the post's math as MyST; two things it cannot do
on the text are done here, on the doctree:

1. A display on lines of its own inside a paragraph (``$$ x $$`` with no blank
   line around it) was written inline for want of room. Pandoc and MathJax
   show it as a display, so the paragraph is split around it: the text
   before, the display, the text after.
2. A display that is a whole amsmath environment (``\\begin{align}`` ...
   ``\\end{align}``, ``gather``, ``equation``...) is written as it stands, as
   MyST's ``amsmath`` extension does. Sphinx would put it inside its own
   ``equation*`` and ``split``, where TeX stops ("Erroneous nesting of
   equation structures"); MathJax reads the environment as is.
"""

from __future__ import annotations

import re

from docutils import nodes

#: amsmath's (and LaTeX's) environments that are a display by themselves.
ENVIRONMENTS = ("equation", "align", "alignat", "flalign", "gather", "multline", "eqnarray")
_NAMES = "|".join(ENVIRONMENTS)
_ENVIRONMENT = re.compile(rf"\A\s*\\begin\{{((?:{_NAMES})\*?)\}}.*\\end\{{\1\}}\s*\Z", re.S)


def is_environment(tex: str) -> bool:
    """Whether ``tex`` is one display environment (written as it stands, not wrapped)."""
    return _ENVIRONMENT.match(tex) is not None


def set_displays(maths: list[nodes.math], blocks: list[nodes.math_block],
                 displays: frozenset[str], docname: str) -> None:
    """Displays written inline become displays; environments are left unwrapped."""
    for block in blocks:
        if is_environment(block.astext()):
            block["nowrap"] = block["no-wrap"] = True
    for math in maths:
        if isinstance(math.parent, nodes.paragraph) and \
                " ".join(math.astext().split()) in displays:
            _split_around(math.parent, math, docname)


def _split_around(paragraph: nodes.paragraph, math: nodes.math, docname: str) -> None:
    tex = math.astext()
    block = nodes.math_block(tex, tex, docname=docname, number=None, label=None)
    block["nowrap"] = block["no-wrap"] = is_environment(tex)
    rest = nodes.paragraph(classes=list(paragraph["classes"]))
    for node in (block, rest):
        node.source, node.line = paragraph.source, paragraph.line
    index = paragraph.index(math)
    rest.extend(paragraph.children[index + 1:])
    del paragraph[index:]
    _strip(paragraph, -1)
    _strip(rest, 0)
    parent = paragraph.parent
    at = parent.index(paragraph)
    parent[at + 1:at + 1] = [block, *([rest] if len(rest) else [])]
    if not len(paragraph) and not paragraph["ids"]:
        parent.remove(paragraph)


def _strip(paragraph: nodes.paragraph, end: int) -> None:
    """Remove the white space (MyST's soft line break) at one end of ``paragraph``."""
    if not len(paragraph) or not isinstance(paragraph[end], nodes.Text):
        return
    text = str(paragraph[end])
    stripped = text.rstrip() if end == -1 else text.lstrip()
    if stripped:
        paragraph[end] = nodes.Text(stripped)
    else:
        del paragraph[end]


__all__ = ["ENVIRONMENTS", "is_environment", "set_displays"]
