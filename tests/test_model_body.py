"""``model/body.py``: what ``sphinx-newsroom check`` reads from an article's Markdown.

``check`` reports a cited-but-undefined footnote at its line and column, a
duplicate or unreferenced definition at its line, the first heading as the
fallback title, and reads each footnote's written text as the build does.
These tests pin those values without a Sphinx build (the mutation run
runs them per mutant); the footnote texts are compared with the build's own
reader, ``read/footnotes.written_footnote``, on the doctree MyST makes.
"""

from __future__ import annotations

from functools import cache

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from sphinx_newsroom.citations.model import Mark, Written
from sphinx_newsroom.model.body import Body, Definition, Heading, Reference, read_body
from sphinx_newsroom.read.footnotes import written_footnote


@cache
def built(source: str) -> tuple[Written, ...]:
    """The footnotes of ``source`` as the build writes them (MyST's doctree)."""
    tree = publish_doctree(source, parser=Parser(),
                           settings_overrides={"report_level": 5, "halt_level": 5})
    return tuple(written_footnote(f) for f in tree.findall(nodes.footnote))


def checked(source: str) -> tuple[Written, ...]:
    return tuple(d.written for d in read_body(source).definitions)


# Footnotes whose links all lead out: the doctree MyST makes without Sphinx is
# the build's here (a cross-reference needs Sphinx; it is tested on its own).
SAME_AS_THE_BUILD = [
    "A *book*, [Site](https://example.com/a), `code` and **bold**.",
    "See <https://example.org/x>.",
    "[https://example.com/a](https://example.com/a)",
    "[example.com/a](https://example.com/a/)",
    "<mailto:me@example.com> and [me@example.com](mailto:me@example.com)",
    "[Write to me](mailto:me@example.com).",
    "Two\nlines  with   spaces",
    "*em [link](https://x.org) em*",
    "a <b>raw</b> html",
    "[**bold** link](https://x.org/p)",
    "[*A* `b` **c**](https://x.org/q) after",
    "para one\n\npara two\n\npara three",
    "x \\* y",
    "[[nested]](https://x.org)",
    "[](https://x.org/empty)",
    "![badge](https://img.example/b.svg) Report, 2020.",
    "[![badge](https://img.example/b.svg)](https://x.org/r) Report.",
    "Report *in **nested** styles*, `a`` b` end.",
    "*unclosed emphasis and **bold**",
    "Smith, J. (2020). [*Title*](https://doi.org/10.1/x). Publisher.",
    "*a ![i](https://img.example/i.png) b* and **c `d` e**",
]


@pytest.mark.parametrize("markdown", SAME_AS_THE_BUILD)
def test_a_footnote_is_written_as_the_build_writes_it(markdown: str) -> None:
    body = "\n    ".join(markdown.split("\n"))
    source = f"Text[^a] and[^b].\n\n[^a]: {body}\n[^b]: Second {body}\n"
    assert checked(source) == built(source)
    assert len(checked(source)) == 2


def test_the_written_text_and_its_marks() -> None:
    (written,) = checked("x[^1]\n\n[^1]: A *book*, [Site](https://e.com/a), `c` and **b**.\n")
    assert written == Written(
        "A book, [Site](https://e.com/a), c and b.",
        (Mark("emphasis", 2, 6), Mark("syntax", 8, 9), Mark("link", 9, 13, "https://e.com/a"),
         Mark("syntax", 13, 31), Mark("literal", 33, 34), Mark("strong", 39, 40)))


def test_a_link_whose_text_is_its_address_is_written_once() -> None:
    written = checked("x[^1][^2][^3][^4]\n\n[^1]: <https://e.com/a>\n[^2]: [e.com/a](https://e.com/a)\n"
                      "[^3]: [me@e.com](mailto:me@e.com)\n[^4]: [https://e.com/算力](https://e.com/%E7%AE%97%E5%8A%9B)\n")
    assert written == (Written("https://e.com/a", (Mark("link", 0, 15, "https://e.com/a"),)),
                       Written("[e.com/a](https://e.com/a)", (
                           Mark("syntax", 0, 1), Mark("link", 1, 8, "https://e.com/a"),
                           Mark("syntax", 8, 26))),
                       Written("me@e.com", (Mark("link", 0, 8, "mailto:me@e.com"),)),
                       Written("https://e.com/算力", (
                           Mark("link", 0, 16, "https://e.com/%E7%AE%97%E5%8A%9B"),)))


def test_a_cross_reference_is_its_text() -> None:
    (written,) = checked("x[^1]\n\n[^1]: See [the *other* post](other.md) and [#](#top).\n")
    assert written == Written("See the other post and #.", (Mark("emphasis", 8, 13),))


def test_a_link_inside_a_link_text_closes_at_its_own_end() -> None:
    # markdown-it does not nest links; an unclosed link_open runs to the end.
    (written,) = checked("x[^1]\n\n[^1]: [a [b](https://b.org) c](https://a.org) d\n")
    assert written.text == "[a [b](https://b.org) c](https://a.org) d"
    assert Mark("link", 4, 5, "https://b.org") in written.marks


def test_soft_and_hard_breaks_are_spaces() -> None:
    (soft, hard) = checked("x[^1][^2]\n\n[^1]: one\n    two\n[^2]: one\\\n    two\n")
    assert soft == Written("one two") == hard


ROLES = [
    "{footnote-kind}`note` Just a note.",
    "{cite-source}`title=T; publisher=P`   Rest *of* it",
    "text {footnote-kind}` source `",
    "{footnote-kind} `note` with a space is no role",
    "{footnote-kind} is text without its argument",
    "ends with the role {footnote-kind}",
    "{footnote-kind}`source` *Title*, {cite-source}`date=2020` more",
    "![{footnote-kind}](https://img.example/i.png)`note` an image's alt is no role",
]


@pytest.fixture
def roles(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two roles as docutils nodes the build's writer skips (no Sphinx needed)."""
    from docutils.parsers.rst import roles as docutils_roles

    from sphinx_newsroom.directives import nodes as nr
    for name, node in (("footnote-kind", nr.footnote_kind), ("cite-source", nr.cite_source)):
        monkeypatch.setitem(docutils_roles._roles, name,  # type: ignore[attr-defined]
                            lambda *args, node=node, **kwargs: ([node()], []))


@pytest.mark.parametrize("markdown", ROLES)
def test_a_footnote_with_roles_is_written_as_the_build_writes_it(markdown: str, roles) -> None:
    source = f"Text[^a].\n\n[^a]: {markdown}\n"
    assert checked(source) == built(source)


def test_the_roles_of_a_footnote_are_read_and_not_written() -> None:
    (note, source, inline, spaced, plain, last, both, image) = read_body(
        "x[^n][^s][^i][^p][^q][^l][^b][^m]\n\n" + "".join(
            f"[^{label}]: {markdown}\n" for label, markdown in zip("nsipqlbm", ROLES, strict=True)
        )).definitions
    assert (note.written, note.declared, note.fields) == (Written("Just a note."), "note", None)
    assert (source.written, source.declared, source.fields) == (
        Written("Rest of it", (Mark("emphasis", 5, 7),)), None, "title=T; publisher=P")
    assert (inline.written, inline.declared) == (Written("text"), "source")
    assert (spaced.written, spaced.declared) == (Written(
        "{footnote-kind} note with a space is no role", (Mark("literal", 16, 20),)), None)
    assert (plain.written.text, plain.declared) == (
        "{footnote-kind} is text without its argument", None)
    assert (last.written.text, last.declared) == ("ends with the role {footnote-kind}", None)
    # The text around a role stays as written, two spaces and all, as in the build.
    assert (both.written, both.declared, both.fields) == (
        Written("Title,  more", (Mark("emphasis", 0, 5),)), "source", "date=2020")
    assert (image.written, image.declared) == (
        Written("note an image's alt is no role", (Mark("literal", 0, 4),)), None)


# References: where check reports a footnote cited but never defined ----------

def test_references_are_found_at_their_line_and_column() -> None:
    body = read_body("a[^x] b[^x] c[^y]\nd `[^z]` e[^y]\n\n| h |\n|---|\n| c[^t] |\n\n"
                     "[^x]: X\n[^y]: Y\n[^t]: T\n")
    assert body.references == (
        Reference("x", 1, 2), Reference("x", 1, 8), Reference("y", 1, 14),
        Reference("y", 2, 11), Reference("t", 6, 4))


def test_a_hard_break_moves_references_to_the_next_line() -> None:
    body = read_body("a[^x]  \nb[^x]\\\nc  [^x]\n\n[^x]: X\n", first_line=10)
    assert body.references == (Reference("x", 10, 2), Reference("x", 11, 2),
                               Reference("x", 12, 4))


def test_first_line_shifts_every_line() -> None:
    body = read_body("# T\n\nx[^a]\n\n[^a]: A\n", first_line=7)
    assert body.references == (Reference("a", 9, 2),)
    assert body.definitions == (Definition("a", 11, Written("A")),)
    assert body.headings == (Heading(1, "T", 7),)


def test_a_reference_is_found_after_the_line_break_before_it() -> None:
    # The "[^x]" in code comes first in the text; the reference is on the next line.
    body = read_body("`[^x]` a\nb[^x]\n\n`[^x]`\\\nc[^x]\n\n[^x] starts\nmore [^x]\n"
                     "a[^x]\n[^x] b\n\n[^x]: X\n")
    assert body.references == (
        Reference("x", 2, 2), Reference("x", 5, 2), Reference("x", 7, 1),
        Reference("x", 8, 6), Reference("x", 9, 2), Reference("x", 10, 1))


def test_a_reference_the_line_does_not_spell_is_at_column_1() -> None:
    # A reference markdown-it finds on a line it does not say: a lazy
    # continuation line of a quote is read from the line before's map.
    body = read_body("> a\nb[^x]\n\n[^x]: X\n")
    assert [(r.label, r.line) for r in body.references] == [("x", 2)]
    assert body.references[0].column == 2
    lines = read_body("a[^x]", first_line=1)
    assert lines.references == (Reference("x", 1, 2),)


def test_a_reference_in_a_definition_and_in_a_heading() -> None:
    body = read_body("# Head[^h]\n\n[^h]: See[^n].\n[^n]: N\n")
    assert body.references == (Reference("h", 1, 7), Reference("n", 3, 10))


# Definitions ------------------------------------------------------------------

def test_definitions_keep_their_line_and_order_and_duplicates() -> None:
    body = read_body("x[^b][^a]\n\n[^b]: B\n\n[^a]: A\n    more\n[^b]: again\n")
    assert [(d.label, d.line, d.written.text) for d in body.definitions] == [
        ("b", 3, "B"), ("a", 5, "A more"), ("b", 7, "again")]


def test_a_definition_of_several_paragraphs_is_one_text() -> None:
    (definition,) = read_body("x[^a]\n\n[^a]: one\n\n    two `lit`\n\n    three\n").definitions
    assert definition.written == Written("one two lit three", (Mark("literal", 8, 11),))


def test_a_definition_in_code_is_no_definition() -> None:
    body = read_body("x[^a]\n\n```\n[^a]: in code\n```\n\n    [^a]: indented code\n")
    assert body.definitions == ()
    assert body.references == (Reference("a", 1, 2),)


def test_an_empty_definition() -> None:
    (definition,) = read_body("x[^a]\n\n[^a]:\n").definitions
    assert definition == Definition("a", 3, Written(""))


# Headings: the fallback title and the references section ----------------------

def test_headings_outside_lists_and_quotes_in_order() -> None:
    body = read_body("Title\n=====\n\nLong\nsub\n---\n\n> # Quoted\n\n1. # In list\n\n"
                     "- > ## Deeper\n\n## After *em* [l](https://x.org) `c`\n\n"
                     "[^n]: note\n\n    # Not a heading? \n\n### Last\n")
    assert body.headings == (Heading(1, "Title", 1), Heading(2, "Long\nsub", 5),
                             Heading(2, "After em l c", 14),
                             Heading(3, "Last", 20))


HEADINGS = [
    "# A  [https://x.org](https://x.org)  and [](https://y.org) [m@x.org](mailto:m@x.org) "
    "<m@y.org> ![logo *x*](l.png) `c` <b>r</b>",
    "Long\nsub\n===",
    "## [*Linked* title](https://x.org/t)",
]


@pytest.mark.parametrize("markdown", HEADINGS)
def test_a_heading_is_the_title_the_build_reads(markdown: str) -> None:
    # The build's fallback title is the first heading's astext().
    tree = publish_doctree(markdown + "\n", parser=Parser(),
                           settings_overrides={"report_level": 5, "halt_level": 5})
    (title,) = tree.findall(nodes.title)
    assert [h.text for h in read_body(markdown + "\n").headings] == [title.astext()]


def test_heading_text_keeps_what_the_author_wrote() -> None:
    (heading,) = read_body("# A  [l](https://x.org)  ![logo *x*](l.png) `c` <b>r</b>\n").headings
    assert heading == Heading(1, "A  l  logo x c <b>r</b>", 1)


def headings(*specs: tuple[int, str]) -> Body:
    return Body(headings=tuple(Heading(level, text, n) for n, (level, text) in enumerate(specs)))


TITLES = ("References", "参考资料")


def test_with_a_title_section_the_last_shallowest_heading_is_the_references() -> None:
    body = headings((2, "One"), (3, "Sub"), (2, "  references "), (3, "Sub"))
    assert body.references_heading(True, TITLES) == Heading(2, "  references ", 2)
    assert body.references_heading(True, (" REFERENCES ",)) == Heading(2, "  references ", 2)
    assert headings((2, "One"), (2, "Two")).references_heading(True, TITLES) is None
    assert headings((2, "References"), (1, "Top")).references_heading(True, TITLES) is None
    assert headings().references_heading(True, TITLES) is None
    assert headings((3, "参考资料")).references_heading(True, TITLES) == Heading(3, "参考资料", 0)


def test_under_a_body_h1_its_last_h2_is_the_references() -> None:
    body = headings((2, "Before"), (1, "Title"), (2, "One"), (3, "References"),
                    (2, "References"), (3, "Deeper"), (1, "Second"), (2, "Other"))
    assert body.references_heading(False, TITLES) == Heading(2, "References", 4)
    assert headings((1, "T"), (2, "A"), (2, "References")).references_heading(
        False, TITLES) == Heading(2, "References", 2)
    assert headings((1, "T"), (2, "References")).references_heading(
        False, TITLES) == Heading(2, "References", 1)
    assert headings((2, "References")).references_heading(False, TITLES) is None
    assert headings((1, "T"), (3, "References")).references_heading(False, TITLES) is None
    assert headings((1, "T"), (2, "References"), (2, "After")).references_heading(
        False, TITLES) is None
    assert headings((1, "References")).references_heading(False, TITLES) is None


def test_an_article_without_anything() -> None:
    assert read_body("") == Body()
    assert read_body("Just text.\n") == Body()


def test_a_reference_after_a_code_span_over_two_lines_is_on_its_own_line() -> None:
    # markdown-it gives a code span's or HTML's line break no token of its own.
    body = read_body("a `code\nspan` b\nc[^x] d\n\ne <span\nclass=x> f[^x] g[^x]\n\n[^x]: X\n")
    assert body.references == (Reference("x", 3, 2), Reference("x", 6, 11),
                               Reference("x", 6, 17))


def test_a_hard_break_in_a_heading_is_a_line_break() -> None:
    # The doctree spells it as MyST's raw markup ("a<br />\n\\\\\nb"); check's
    # fallback title and import's title read the line break itself.
    assert [h.text for h in read_body("a\\\nb\n===\n\nc  \nd\n---\n").headings] == [
        "a\nb", "c\nd"]
