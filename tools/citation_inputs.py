"""The text a build hands to ``parse_citation`` for each record of the citation corpus.

A footnote is written in Markdown, but the parser never sees the Markdown:
MyST turns it into nodes and ``read/article_transform.py`` joins their text
again, keeping each external link as ``[text](url)`` (and a link whose text is
its URL as the bare URL). This module does the same with MyST's own parser,
so that ``tests/citations/gold.json`` can store, beside each record's
``text`` as written, the ``input`` the parser really gets; the scorer
(``tools/citation_score.py``) then needs neither docutils nor MyST.

Run ``python tools/citation_inputs.py`` after editing a text in ``gold.json``
or ``pairs.json``: it rewrites their ``input`` fields in place. ``--check``
only reports the stale ones (``tests/test_citation_score.py`` runs that
check).

Two differences from a Sphinx build are handled here rather than by MyST:

- a link to a page of the same site (``[text](../page.md)``, ``[text](#x)``)
  is a cross-reference in Sphinx, which keeps only its text; Sphinx-free
  docutils would report it as a problem, so such links are replaced by their
  text before parsing;
- records that are not Markdown footnotes are wrapped first: an inline note
  ``^[...]`` and a reference-list item become a footnote definition, and a
  style sample (HTML rendered by a CSL style) is reduced to its text.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "citations"

# [text](target) whose target has no URL scheme: a link inside the same site.
_LOCAL_LINK_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?![A-Za-z][A-Za-z0-9+.-]*:)[^)\s]*\)")
_TAG_RE = re.compile(r"<[^>]+>")


def _text_of(node: Any) -> str:
    """``read/article_transform._footnote_text``: links keep their URL."""
    from docutils import nodes

    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, nodes.reference) and node.get("refuri"):
        text = node.astext()
        uri = node["refuri"]
        return uri if text in (uri, uri.removeprefix("mailto:")) else f"[{text}]({uri})"
    if isinstance(node, nodes.Element):
        return "".join(_text_of(child) for child in node.children)
    return ""


def markdown_footnote_input(body: str, definitions: dict[str, str] | None = None) -> str:
    """What the build passes to the parser for the footnote ``[^x]: body``."""
    footnote = _footnote_node(body, definitions)
    return " ".join(_text_of(child) for child in footnote.children[1:]).strip()


def _footnote_node(body: str, definitions: dict[str, str] | None = None) -> Any:
    """The docutils footnote MyST makes of ``[^x]: body``."""
    from docutils import nodes
    from docutils.core import publish_doctree
    from myst_parser.parsers.docutils_ import Parser

    body = _LOCAL_LINK_RE.sub(r"\1", body)
    lines = [f"Text[^x].\n\n[^x]: {body}\n"]
    lines += [f"[{label}]: {url}\n" for label, url in (definitions or {}).items()]
    doctree = publish_doctree("\n".join(lines), parser=Parser(),
                              settings_overrides={"report_level": 5, "halt_level": 5})
    for footnote in doctree.findall(nodes.footnote):
        return footnote
    raise ValueError(f"MyST found no footnote in {body[:60]!r}")


def build_reading(record: dict[str, Any]) -> Any:
    """What the build's footnote reader (``read/footnotes.py``) makes of a record.

    The same code as the build: the footnote's nodes written out with their
    markup (``written_footnote``), then ``citations.notes.read_footnote``.
    """
    from sphinx_newsroom.citations.model import Written
    from sphinx_newsroom.citations.notes import read_footnote
    from sphinx_newsroom.read.footnotes import written_footnote

    if record["origin"] == "style-sample":
        return read_footnote(Written(style_sample_input(record["text"])))
    return read_footnote(written_footnote(_footnote_node(record["text"],
                                                         record.get("definitions"))))


def style_sample_input(markup: str) -> str:
    """The text of one entry of a CSL style's rendered sample (HTML)."""
    return " ".join(html.unescape(_TAG_RE.sub("", markup)).split())


def record_input(record: dict[str, Any]) -> str:
    if record["origin"] == "style-sample":
        return style_sample_input(record["text"])
    return markdown_footnote_input(record["text"], record.get("definitions"))


def _texts(gold: dict[str, Any], pairs: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(name, dict with origin, text, input) of every text the scorer reads."""
    found = [(record["id"], record) for record in gold["records"]]
    for pair in pairs["pairs"]:
        found += [(f"{pair['id']}.{side}", pair[side]) for side in ("a", "b")
                  if "text" in pair[side]]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report stale inputs, change nothing")
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    files = {name: args.folder / f"{name}.json" for name in ("gold", "pairs")}
    data = {name: json.loads(path.read_text("utf-8")) for name, path in files.items()}
    stale = []
    for name, entry in _texts(data["gold"], data["pairs"]):
        wanted = record_input(entry)
        if entry.get("input") != wanted:
            stale.append(name)
            entry["input"] = wanted
    if args.check:
        for name in stale:
            print(f"stale input: {name}")
        return 1 if stale else 0
    for name, path in files.items():
        path.write_text(json.dumps(data[name], ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(stale)} input(s) rewritten in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
