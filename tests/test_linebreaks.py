"""Line breaks (raw ``<br>``, Markdown's hard break) wherever a post puts them.

``tests/roots/test-linebreaks`` has a break at the start and at the end of a
paragraph, two in a row, a ``<br>`` beside a hard break, in list items, table
cells, a heading, a link, emphasis and a footnote. The HTML shows each as
``<br>``; the PDF compiles (a ``\\\\`` or ``\\newline`` with no line to end
stops xelatex) and breaks the lines where the HTML does.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import NavigableString, Tag
from conftest import build_root, html, needs_tex, run_latexmk


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = build_root(tmp_path_factory, "linebreaks", "html")
    yield app
    app.cleanup()


def _pdf_lines(tmp_path_factory, **overrides) -> list[str]:
    app = build_root(tmp_path_factory, "linebreaks", "latex", **overrides)
    app.cleanup()
    outdir = Path(app.outdir)
    run = run_latexmk(outdir, "linebreaks.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    text = subprocess.run(["pdftotext", "-layout", str(outdir / "linebreaks.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [line.strip().removeprefix("•").strip() for line in text.splitlines()]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> list[str]:
    return _pdf_lines(tmp_path_factory)


def _lines(element: Tag) -> list[str]:
    """The element's text, split where a ``<br>`` breaks it."""
    lines = [""]
    for node in element.descendants:
        if isinstance(node, Tag) and node.name == "br":
            lines.append("")
        elif isinstance(node, NavigableString):
            lines[-1] += str(node)
    return [" ".join(line.split()) for line in lines]


def _block(site, start: str, tag: str = "p") -> Tag:
    body = html(site, "news/breaks").select_one("div.body")
    found = [p for p in body.find_all(tag) if p.get_text().strip().startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


@pytest.mark.parametrize(("start", "lines"), [
    ("Alpha", ["Alpha one", "Alpha two"]),
    ("Bravo", ["", "Bravo after a leading break"]),
    ("Charlie", ["Charlie before a trailing break", ""]),
    ("Delta", ["Delta one", "", "Delta two"]),
    ("Echo", ["Echo one", "", "Echo two"]),  # <br> then a hard break: two breaks
    ("Foxtrot", ["Foxtrot one", "", "Foxtrot two"]),
    ("Golf", ["Golf one", "Golf two"]),
    ("hugo.toml", ["hugo.toml", "Hotel only loaded if the page is part of the mainSection"]),
    ("Juliet", ["", "Juliet after a leading break"]),
    ("Lima", ["Lima one", "Lima two"]),
    ("Oscar", ["Oscar", "", "Papa"]),
    ("A link", ["A link Romeo one", "Romeo two and Sierra one", "Sierra two."]),
    ("Whiskey", ["Whiskey one", "Whiskey two·Publisher·（2025/6/30）"]),
])
def test_html_breaks_each_line_once(site, start, lines):
    assert _lines(_block(site, start)) == lines


def test_html_heading_keeps_its_break_and_no_markup_is_printed(site):
    assert _lines(_block(site, "Quebec", "h2")) == ["Quebec heading", "second part¶"]
    body = html(site, "news/breaks").select_one("div.body")
    assert "<br" not in body.get_text() and "\\\\" not in body.get_text()


def _follows(lines: list[str], *expected: str) -> None:
    """``expected`` are lines of the PDF, one after the other (a table row may go on)."""
    start = lines.index(expected[0])
    shown = lines[start:start + len(expected)]
    assert [line[:len(want)] for line, want in zip(shown, expected, strict=True)] \
        == list(expected), shown


@needs_tex
@pytest.mark.pdf
def test_pdf_compiles_and_breaks_where_html_does(pdf):
    _follows(pdf, "Alpha one", "Alpha two")
    _follows(pdf, "Delta one", "", "Delta two")
    _follows(pdf, "Echo one", "", "Echo two")
    _follows(pdf, "Foxtrot one", "", "Foxtrot two")
    _follows(pdf, "Golf one", "Golf two")
    _follows(pdf, "hugo.toml", "Hotel only loaded if the page is part of the mainSection")
    _follows(pdf, "India one", "India two")
    _follows(pdf, "Lima one", "Lima two")
    _follows(pdf, "A link Romeo one", "Romeo two and Sierra one", "Sierra two.")
    _follows(pdf, "[1] Whiskey one", "Whiskey two·Publisher·（2025/6/30）")
    # A break that ends a paragraph ends no line; in a heading it is a space.
    assert "Charlie before a trailing break" in pdf and "Kilo before a trailing break" in pdf
    assert pdf.count("1.1 Quebec heading second part") == 1  # the heading (the contents has dots)


@needs_tex
@pytest.mark.pdf
def test_pdf_compiles_with_trusted_html(tmp_path_factory):
    lines = _pdf_lines(tmp_path_factory, newsroom_raw_html=True)
    _follows(lines, "Alpha one", "Alpha two")
    _follows(lines, "hugo.toml", "Hotel only loaded if the page is part of the mainSection")
    _follows(lines, "Lima one", "Lima two")


def test_text_output_keeps_words_apart(tmp_path_factory):
    app = build_root(tmp_path_factory, "linebreaks", "text")
    app.cleanup()
    out = (Path(app.outdir) / "news" / "breaks.txt").read_text("utf-8")
    flat = " ".join(out.split())
    for words in ("Alpha one Alpha two", "Delta one Delta two", "hugo.toml Hotel only",
                  "Quebec heading second part", "Whiskey one Whiskey two"):
        assert words in flat, words
    assert "<br" not in out
