"""The configuration reference, rendered from ``sphinx_newsroom.config.OPTIONS``.

``newsroom-options`` writes the table of every option; ``newsroom-option NAME``
writes the type, default and rebuild of one option at the top of its section.
Both read the table the extension registers, so the page cannot drift from it.
"""

from __future__ import annotations

import pprint
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_newsroom.config import OPTIONS, Option

logger = logging.getLogger(__name__)
BY_NAME = {option.name: option for option in OPTIONS}
#: What changing a value costs, by its ``rebuild``.
REBUILDS = {
    "env": "every document is read again",
    "html": "every HTML page is written again; nothing is read",
}
#: Longer defaults are shown in the option's own section only.
SHORT_DEFAULT = 60


def type_names(option: Option) -> str:
    types = option.types if isinstance(option.types, tuple) else (option.types,)
    return " or ".join(t.__name__ for t in types)


def _link(option: Option) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "", nodes.literal(option.name, option.name), refdomain="std", reftype="ref",
        reftarget=option.name, refexplicit=True, refwarn=True)


def _paragraph(*children: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph("", "", *children)


def _row(cells: list[nodes.Node]) -> nodes.row:
    return nodes.row("", *(nodes.entry("", cell) for cell in cells))


class OptionsTable(SphinxDirective):
    """``newsroom-options``: name, type, default, rebuild and help of every option."""

    def run(self) -> list[nodes.Node]:
        headers = ["name", "type", "default", "rebuild", "description"]
        group = nodes.tgroup(cols=len(headers))
        group += [nodes.colspec(colwidth=width) for width in (3, 2, 3, 1, 5)]
        group += nodes.thead("", _row([_paragraph(nodes.Text(h)) for h in headers]))
        body = nodes.tbody()
        for option in OPTIONS:
            default = repr(option.default)
            body += _row([
                _paragraph(_link(option)),
                _paragraph(nodes.Text(type_names(option))),
                _paragraph(nodes.literal(default, default) if len(default) <= SHORT_DEFAULT
                           else nodes.Text("(see the section)")),
                _paragraph(nodes.literal(option.rebuild, option.rebuild)),
                _paragraph(nodes.Text(option.help)),
            ])
        group += body
        return [nodes.table("", group, classes=["newsroom-options"])]


class OptionFields(SphinxDirective):
    """``newsroom-option NAME``: the type, default and rebuild of one option."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        option = BY_NAME.get(self.arguments[0])
        if option is None:
            logger.warning("newsroom-option: no option %r in sphinx_newsroom.config",
                           self.arguments[0], location=self.get_location())
            return []
        default = pprint.pformat(option.default, width=72, sort_dicts=False)
        shown: nodes.Node = (
            nodes.literal_block(default, default, language="python") if "\n" in default
            else _paragraph(nodes.literal(default, default)))
        rows: list[tuple[str, list[nodes.Node]]] = [
            ("Type", [_paragraph(nodes.Text(f"{type_names(option)}: {option.expected}"))]),
            ("Default", [shown]),
            ("Rebuild", [_paragraph(nodes.literal(option.rebuild, option.rebuild),
                                    nodes.Text(f": {REBUILDS[option.rebuild]}"))]),
        ]
        fields = nodes.field_list()
        for name, body in rows:
            fields += nodes.field("", nodes.field_name(name, name), nodes.field_body("", *body))
        return [nodes.container("", fields, classes=["newsroom-option"], option=option.name)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("newsroom-options", OptionsTable)
    app.add_directive("newsroom-option", OptionFields)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
