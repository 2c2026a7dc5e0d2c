"""The command-line reference, rendered from ``sphinx_newsroom.cli.parser.build_parser``.

``newsroom-cli`` writes one section per command (``sphinx-newsroom new``,
``sphinx-newsroom import hugo``...): its usage, its description and each of
its arguments with their help. It reads the parser the command runs, so the
page cannot drift from it.
"""

from __future__ import annotations

import argparse
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_newsroom.cli.parser import PROG, build_parser


def commands(parser: argparse.ArgumentParser,
             path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """(words after the program's name, parser) of the program and every subcommand."""
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
    return found


def _argument(action: argparse.Action) -> tuple[str, str]:
    """How an argument is written, and what it does."""
    if action.option_strings:
        metavar = "" if action.nargs == 0 else " " + (
            action.metavar if isinstance(action.metavar, str) else action.dest.upper())
        written = ", ".join(f"{option}{metavar}" for option in action.option_strings)
    else:
        written = action.metavar if isinstance(action.metavar, str) else action.dest
    help_text = (action.help or "") % {"prog": PROG, "default": action.default}
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        help_text += f" (one of: {', '.join(map(str, action.choices))})"
    return written, help_text


class CommandLine(SphinxDirective):
    """``newsroom-cli``: every command of ``sphinx-newsroom``, with its arguments."""

    def run(self) -> list[nodes.Node]:
        sections = []
        for path, parser in commands(build_parser()):
            name = " ".join((PROG, *path))
            section = nodes.section(ids=[nodes.make_id(name)], names=[nodes.fully_normalize_name(
                name)], classes=["newsroom-cli"])
            section += nodes.title(name, "", nodes.literal(name, name))
            usage = parser.format_usage().strip()
            section += nodes.literal_block(usage, usage, language="text")
            for paragraph in (parser.description or "").split("\n\n"):
                text = " ".join(paragraph.split())
                if text:
                    section += nodes.paragraph(text, text)
            items = nodes.definition_list()
            for action in parser._actions:
                if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                    continue
                written, help_text = _argument(action)
                items += nodes.definition_list_item(
                    "", nodes.term("", "", nodes.literal(written, written)),
                    nodes.definition("", nodes.paragraph(help_text, help_text)))
            if items.children:
                section += items
            if parser.epilog:
                section += nodes.paragraph(parser.epilog, parser.epilog)
            self.state.document.note_implicit_target(section, section)
            sections.append(section)
        return sections


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("newsroom-cli", CommandLine)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
