"""Unit tests of model/ that the mutation run after the merges asked for.

Each pins a result a reader or a ``sphinx-newsroom check`` user sees: which
pages are articles, which are kept out of search engines, how a summary's
math is split, how display math is laid out. Pure: no Sphinx build (the
mutation run, docs/testing.md, runs them per mutant).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
from sphinx_newsroom.model.article import is_article, is_noindex, normalise, path_date_parts
from sphinx_newsroom.model.frontmatter import Problem, read_front_matter
from sphinx_newsroom.model.math_spans import convert_math, read_math, split_math
from sphinx_newsroom.warnings_ import NewsroomWarning


def fm_of(yaml_text: str):
    return read_front_matter(f"---\n{yaml_text}\n---\nbody")


# article: the Zola path date source, robots ---------------------------------------

@pytest.mark.parametrize(("path", "parts"), [
    ("2018/07/27/slug", (2018, 7, 27)),
    ("inside-rust/2018/07/27/slug/", (2018, 7, 27)),
    ("/2018/7/2/s", (2018, 7, 2)),
    ("  2018/07/27/s  ", (2018, 7, 27)),
    ("2018/02/30/s", None),      # no such day
    ("2018/13/01/s", None),
    ("x2018/07/27/s", None),     # the year starts a part
    ("2018/07/27/", None),       # the slug is needed
    ("2018/07/27/a/b", None),    # and is the last part
    (None, None),
    (20180727, None),
])
def test_a_zola_path_dates_a_page(path, parts) -> None:
    assert path_date_parts(path) == parts


def test_the_path_date_source_makes_an_article() -> None:
    dated = fm_of("title: T\npath: 2018/07/27/slug")
    assert is_article(dated, DEFAULT_FIELDS, (":path",))
    assert not is_article(dated, DEFAULT_FIELDS, (":fields",))
    assert not is_article(dated, DEFAULT_FIELDS, (":filename",), "about")
    assert is_article(dated, DEFAULT_FIELDS, (":fields", ":path"))
    assert not is_article(fm_of("title: T\npath: about/"), DEFAULT_FIELDS, (":path",))
    assert not is_article(fm_of("title: T"), DEFAULT_FIELDS, (":path",))


def test_a_key_spelt_like_a_special_source_is_no_date() -> None:
    # ":path" and ":filename" name where the date is, never a key of that name.
    odd = fm_of('title: T\n":path": 2018-07-27\n":filename": 2018-07-27')
    assert not is_article(odd, DEFAULT_FIELDS, (":path", ":filename"), "about")


@pytest.mark.parametrize(("robots", "noindex"), [
    ("noindex", True), ("NOINDEX, follow", True), (" none ", True),
    ("nofollow,noindex", True), ("nofollow", False), ("index", False), ("", False),
    ("noindexing", False),
])
def test_robots_that_keep_a_page_out_of_search_engines(robots: str, noindex: bool) -> None:
    assert is_noindex(robots) is noindex


# math_spans: a summary's math (split_math), as lists and feeds show it -----------

@pytest.mark.parametrize(("text", "pieces"), [
    ("", []),
    ("plain", [("plain", False)]),
    ("Euler $e^{i\\pi}$ and $5 prices",
     [("Euler ", False), ("e^{i\\pi}", True), (" and $5 prices", False)]),
    ("$$x^2$$", [("x^2", True)]),
    ("$a$$b$", [("a", True), ("b", True)]),
    ("line\n$$\nx\n$$\nend", [("line\n", False), ("\nx\n", True), ("\nend", False)]),
    ("\\(x\\) then \\[y\\]", [("x", True), (" then ", False), ("y", True)]),
    ("$x = `r a$b`$ and", [("x =", True), (" `r a$b` and", False)]),
    ("a\x00b $x$", [("ab ", False), ("x", True)]),   # the marker cannot be forged
    ("$1$ $2$ $3$ $4$ $5$ $6$ $7$ $8$ $9$ $10$ $11$",
     [p for n in range(1, 12) for p in ((str(n), True), (" ", False))][:-1]),
])
def test_a_summarys_math_is_split_from_its_text(text: str, pieces) -> None:
    assert split_math(text) == pieces


# math_spans: which displays stand on their own lines, knitr's code in math -----

@pytest.mark.parametrize(("text", "displays"), [
    ("a\nb\n$$x$$\nc\nd", ("x",)),   # its own line, lines above and below
    ("a\nb $$x$$\nc", ()),           # text before it on its line
    ("b$$x$$\nc", ()),
    ("a\n$$x$$ b", ()),              # text after it, at the end
    ("a\n$$x$$ b\nc", ()),           # text after it, lines below
])
def test_a_display_is_listed_only_on_lines_of_its_own(text: str, displays) -> None:
    assert read_math(text, 0).displays == displays


@pytest.mark.parametrize("text", ["$ x$ stays text", "$a$1b stays text", "ends with $",
                                  "$x\n$ y"])
def test_prices_and_spaced_dollars_stay_text(text: str) -> None:
    assert convert_math(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # A block takes the blank lines it needs after it, and no more.
    ("$$x$$\n\nb", "```{math} x\n```\nb"),
    ("$$x\ny$$\n\n\nb", "```{math}\nx\ny\n```\nb"),
    ("$$x\ny$$\n\n\n\nb", "```{math}\nx\ny\n```\n\nb"),
    ("$$x\ny$$\n\nb", "{math}`x\ny`\n\nb"),   # one blank line short: inline
])
def test_a_display_takes_the_blank_lines_after_it_that_it_needs(text: str, expected: str
                                                                 ) -> None:
    assert convert_math(text) == expected


def test_math_on_the_first_line_is_converted() -> None:
    assert read_math("$x$ first").text == "{math}`x` first"


@pytest.mark.parametrize(("text", "expected"), [
    # The closer inside knitr's code closes nothing; the next one does.
    ("$$N=`r f(a$$b)`.$$ and $$y$$", "{math}`N=` `r f(a$$b)` {math}`.` and {math}`y`"),
    ("$$a `r x` b `r y$$z` c$$", "{math}`a` `r x` {math}`b` `r y$$z` {math}`c`"),
    ("$$a$$ `r b`", "{math}`a` `r b`"),   # knitr's code after the math
    ("$$a`r b`$$", "{math}`a` `r b`"),
    ("$a `r x` b `r y` c$", "{math}`a` `r x` {math}`b` `r y` {math}`c`"),
])
def test_knitr_code_inside_math(text: str, expected: str) -> None:
    assert convert_math(text) == expected


# article: the fields check and the build warn about, word for word -------------

def normalised(body: str, date_sources=(":fields",), docname: str = "x"):
    text = f"---\ntitle: T\n{body}\n---\n\nBody.\n"
    return normalise(read_front_matter(text), DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC,
                     None, date_sources, docname)


@pytest.mark.parametrize(("body", "footnotes"), [
    ("footnotes: Sources", "sources"), ("footnotes: notes", "notes"),
    ("footnotes: AUTO", "auto"), ('footnotes: ""', ""), ("", ""),
])
def test_the_footnotes_field_names_a_mode(body: str, footnotes: str) -> None:
    fields, problems = normalised(body)
    assert (fields.footnotes, problems) == (footnotes, [])


@pytest.mark.parametrize(("body", "message"), [
    ("footnotes: Bogus",
     "'footnotes': 'bogus' is not one of auto, sources, notes; using newsroom_footnotes"),
    ("access: premium",
     "'access': 'premium' is not one of 'free', 'subscriber'; the article is read as free"),
    ("canonical_url: /x", "'canonical_url': '/x' is not an absolute http(s) URL; ignored"),
])
def test_a_wrong_field_is_reported_at_its_line_and_ignored(body: str, message: str) -> None:
    fields, problems = normalised(f"date: 2025-06-01\n{body}")
    assert problems == [Problem(NewsroomWarning.FIELD, message, 4)]
    assert (fields.footnotes, fields.access, fields.canonical_url) == ("", "", "")


def test_robots_written_as_a_list_keep_their_words() -> None:
    fields, problems = normalised("date: 2025-06-01\nrobots: [NoIndex, 5, 'nofollow, noindex']")
    assert (fields.robots, problems) == ("noindex, nofollow", [])


def test_a_zola_path_dates_the_article() -> None:
    fields, _ = normalised("path: 2018/07/27/s", (":path",))
    assert fields.date == dt.datetime(2018, 7, 27, tzinfo=dt.UTC)
    fields, _ = normalised("path: 2018/07/27/s", (":filename", ":path"), "2019-01-02-x")
    assert fields.date == dt.datetime(2019, 1, 2, tzinfo=dt.UTC)
    fields, _ = normalised("path: 2018/07/27/s", (":filename", ":path"), "about")
    assert fields.date == dt.datetime(2018, 7, 27, tzinfo=dt.UTC)
    fields, _ = normalised("path: 2018/07/27/s", (":fields",))
    assert fields.date is None
