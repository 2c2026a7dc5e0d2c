"""In the PDF, math written for MathJax keeps its colours.

MathJax reads ``\\color{#FF4136}`` (and ``\\textcolor``, ``\\colorbox`` with a
``#RGB`` or ``#RRGGBB`` colour), and posts written for it use that form. In
TeX ``#`` is a macro parameter, so one such colour stops xelatex with "Illegal
parameter number". LaTeX's xcolor (loaded by Sphinx) says the same colour as
``\\color[HTML]{FF4136}``: this post-transform rewrites the math of every page
to that form before the LaTeX writer sees it. HTML keeps the math as written.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

#: A MathJax colour command with a hexadecimal colour: ``\color{#F00}``,
#: ``\textcolor { #FF4136 }``, ``\colorbox{#abc}``.
_HEX_COLOUR = re.compile(
    r"(\\(?:color|textcolor|colorbox))\s*\{\s*#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\s*\}")


def tex_colours(math: str) -> str:
    """``math`` with its ``#hex`` colours in xcolor's ``[HTML]{RRGGBB}`` form."""
    def html(match: re.Match[str]) -> str:
        digits = match.group(2)
        if len(digits) == 3:
            digits = "".join(2 * digit for digit in digits)
        return f"{match.group(1)}[HTML]{{{digits.upper()}}}"
    return _HEX_COLOUR.sub(html, math)


def _is_math(node: nodes.Node) -> bool:
    return isinstance(node, nodes.math | nodes.math_block)


class MathColoursForTex(SphinxPostTransform):
    default_priority = 100
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(_is_math)):
            assert isinstance(node, nodes.Element)
            text = node.astext()
            if "#" not in text:
                continue
            fixed = tex_colours(text)
            if fixed != text:
                node.children = []
                node += nodes.Text(fixed)
