"""Unit tests of citations/ that the surviving mutants of `make mutation` asked for.

Each pins something a reader sees: a rendered bibliography entry, a field of
an export, a merge of two citations of one source, a URL. Mutants left alive
on purpose are listed in docs/testing.md ("Equivalent mutants").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sphinx_newsroom.citations.author_year import _letters
from sphinx_newsroom.citations.bibliography import collect
from sphinx_newsroom.citations.export import to_bibtex
from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.markup import Piece, field_pieces, pieces, shown
from sphinx_newsroom.citations.model import Citation, Mark, Segment
from sphinx_newsroom.citations.parse import parse_citation
from sphinx_newsroom.citations.styles import STYLES, format_citation
from sphinx_newsroom.citations.urls import readable_url
from sphinx_newsroom.model.article import Article, Source

D = dt.date
RUST = "https://doc.rust-lang.org/book/"


def link(before: str, text: str, target: str, after: str = "") -> tuple[str, tuple[Mark, ...]]:
    """``before[text](target)after`` and the marks MyST gives it."""
    raw = f"{before}[{text}]({target}){after}"
    start = len(before) + 1
    end = start + len(text)
    return raw, (Mark("syntax", start - 1, start), Mark("link", start, end, target),
                 Mark("syntax", end, end + len(target) + 3))


# -- styles: every part keeps its kind and the footnote's markup ------------------------

#: A citation whose every field carries markup: the author is emphasised, the
#: publisher is a link to the site's home page, the title has code in it.
_RAW = "The cargo book · [Rust Project](https://www.rust-lang.org/) · Steve Klabnik"
_AT = _RAW.index
_MARKED = Citation(
    _RAW, title="The cargo book", publisher="Rust Project", author="Steve Klabnik",
    date=D(2024, 5, 2), url=RUST, structured=True,
    marks=(Mark("literal", 4, 9), Mark("syntax", _AT("["), _AT("[") + 1),
           Mark("link", _AT("Rust"), _AT("]"), "https://www.rust-lang.org/"),
           Mark("syntax", _AT("]"), _AT(") ") + 1),
           Mark("emphasis", _AT("Steve"), len(_RAW))),
)


@pytest.mark.parametrize("style", STYLES)
def test_every_segment_is_text_title_or_url(style: str) -> None:
    """Writers style segments by kind: a part rendered with another kind is lost."""
    for citation in (_MARKED, dataclasses.replace(_MARKED, title=""),
                     dataclasses.replace(_MARKED, url="", accessed=D(2024, 6, 1)),
                     parse_citation("OpenAI转向TPU·华尔街见闻·许超（2025/6/30）·检索日期2025/7/2")):
        segments = format_citation(citation, style)
        assert {s.kind for s in segments} <= {"text", "title", "url"}
        assert all(s.kind == "text" for s in segments
                   if citation.title not in s.text and s.kind != "url"
                   and s.text not in citation.title)


@pytest.mark.parametrize("style", STYLES)
def test_the_author_s_and_publisher_s_markup_is_shown_in_every_style(style: str) -> None:
    marked = {(s.text, s.inline, s.link) for s in format_citation(_MARKED, style)
              if s.inline or s.link}
    assert ("Steve Klabnik", ("emphasis",), "") in marked
    assert ("Rust Project", (), "https://www.rust-lang.org/") in marked
    assert ("cargo", ("literal",), "") in marked


@pytest.mark.parametrize("style", STYLES)
def test_a_publisher_in_the_title_s_place_keeps_its_link(style: str) -> None:
    untitled = dataclasses.replace(_MARKED, title="")
    segments = format_citation(untitled, style)
    assert Segment("text", "Rust Project", (), "https://www.rust-lang.org/") in segments


@pytest.mark.parametrize(("publisher", "date", "accessed", "where"), [
    ("Rust Project", D(2024, 5, 2), D(2024, 6, 1), "Rust Project, 2024-05-02[2024-06-01]."),
    ("Rust Project", None, D(2024, 6, 1), "Rust Project[2024-06-01]."),
    ("Rust Project", None, None, "Rust Project."),
    ("", D(2024, 5, 2), None, "2024-05-02."),
    ("", None, D(2024, 6, 1), "[2024-06-01]."),
])
def test_gbt7714_publisher_date_and_accessed_read_as_one_sentence(
        publisher: str, date: D | None, accessed: D | None, where: str) -> None:
    citation = Citation("x", title="Title", publisher=publisher, date=date, accessed=accessed,
                        structured=True)
    text = "".join(s.text for s in format_citation(citation, "gbt7714"))
    assert text.endswith("]. " + where)


def test_gbt7714_keeps_the_whole_marked_title_before_its_type_code() -> None:
    text = "".join(s.text for s in format_citation(_MARKED, "gbt7714"))
    assert text.startswith("Steve Klabnik. The cargo book[N/OL]. Rust Project, 2024-05-02.")


# -- export ---------------------------------------------------------------------------


def test_bibtex_joins_authors_with_a_lowercase_and() -> None:
    citation = parse_citation("Claude Shannon and Warren Weaver, \"A Theory,\" Bell Labs, 1949.")
    citation = dataclasses.replace(citation, author="Claude Shannon and Warren Weaver")
    assert "author = {{Claude Shannon} and {Warren Weaver}}" in to_bibtex([("k", citation)])


@pytest.mark.parametrize("item_id", ["Smith2020", "zhang-2025_a", "A"])
def test_bibtex_keeps_a_key_of_ascii_letters_digits_dash_underscore(item_id: str) -> None:
    assert to_bibtex([(item_id, Citation("x", title="x", structured=True))]).startswith(
        f"@misc{{{item_id},")


# -- keys: one source, one entry -----------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("https://xn--fiqs8s.cn/news/1", "https://中国.cn/news/1"),
    ("https://www.XN--55QX5D.cn/a", "https://公司.cn/a"),
    ("https://xn--bcher-kva.example/buch", "https://bücher.example/buch/"),
])
def test_an_idna_host_and_its_unicode_spelling_are_one_source(a: str, b: str) -> None:
    key = citation_key(Citation(a, url=a, structured=True))
    assert key == citation_key(Citation(b, url=b, structured=True))
    assert "xn--" not in key


def test_a_path_ending_in_x_is_not_trimmed() -> None:
    one, other = "https://en.wikipedia.org/wiki/Malcolm_X", "https://en.wikipedia.org/wiki/Malcolm_"
    assert citation_key(Citation(one, url=one)) != citation_key(Citation(other, url=other))
    assert citation_key(Citation(one, url=one)).endswith("/wiki/Malcolm_X")


# -- bibliography: a note's link never collides -------------------------------------


def _article(docname: str, day: int, *sources: Source) -> Article:
    return Article(docname, docname, date=dt.datetime(2025, 1, day), sources=sources)


@pytest.mark.parametrize("whole", [(True, False), (False, True), (False, False)])
def test_a_document_a_note_links_to_never_collides(whole: tuple[bool, bool]) -> None:
    url = "https://example.com/report"
    one = Citation("Annual report", title="Annual report", url=url, structured=True)
    other = Citation("here", title="the full report", url=url, structured=True)
    a = _article("a", 1, Source("1", "1", "fn-1", 1, one, whole=whole[0]))
    b = _article("b", 2, Source("1", "1", "fn-1", 1, other, whole=whole[1]))
    entries, collisions = collect([a, b])
    assert len(entries) == 1
    assert collisions == []


# -- markup --------------------------------------------------------------------------


def test_a_field_inside_a_link_keeps_the_link() -> None:
    raw, marks = link("", "The Rust Book", "https://rust-lang.org/learn", ". Rust Book.")
    citation = Citation(raw, title="Rust Book", marks=marks, structured=True)
    # The first occurrence is inside the link: the field links there.
    assert field_pieces(citation, "Rust Book") == [
        Piece("Rust Book", (), "https://rust-lang.org/learn")]
    assert field_pieces(citation, "The Rust Book") == [
        Piece("The Rust Book", (), "https://rust-lang.org/learn")]


@pytest.mark.parametrize(("before", "after"), [("", " and more"), ("See ", ""), ("See ", ".")])
def test_a_field_holding_a_whole_link_shows_its_text_linked(before: str, after: str) -> None:
    raw, marks = link(before, "Rust", "https://rust-lang.org/learn", after)
    citation = Citation(raw, marks=marks, structured=True)
    assert field_pieces(citation, raw) == [
        p for p in (Piece(before), Piece("Rust", (), "https://rust-lang.org/learn"), Piece(after))
        if p.text]


def test_a_link_to_the_citation_s_own_url_is_plain_and_one_run() -> None:
    raw, marks = link("", "Title", RUST, " rest")
    citation = Citation(raw, title=raw, url=RUST, marks=marks, structured=True)
    assert field_pieces(citation, raw) == [Piece("Title rest")]
    assert shown(raw, marks) == "Title rest"
    assert pieces(raw, marks) == [Piece("Title", (), RUST), Piece(" rest")]


def test_runs_of_one_style_are_one_piece_and_marks_outside_are_ignored() -> None:
    text = "ab cd ef"
    marks = [Mark("emphasis", 0, 2), Mark("emphasis", 2, 5), Mark("strong", 6, 8),
             Mark("literal", 5, 5)]
    assert pieces(text, marks, 0, 5) == [Piece("ab cd", ("emphasis",))]
    assert pieces(text, marks, 5) == [Piece(" "), Piece("ef", ("strong",))]
    assert pieces(text, marks, 2, 5) == [Piece(" cd", ("emphasis",))]
    assert pieces(text, marks, 0, 2) == [Piece("ab", ("emphasis",))]
    assert pieces(text, marks) == [Piece("ab cd", ("emphasis",)), Piece(" "),
                                   Piece("ef", ("strong",))]


def test_the_innermost_of_nested_links_wins() -> None:
    text = "outer inner"
    marks = [Mark("link", 0, 11, "https://a.example/"), Mark("link", 6, 11, "https://b.example/")]
    assert pieces(text, marks) == [Piece("outer ", (), "https://a.example/"),
                                   Piece("inner", (), "https://b.example/")]


# -- URLs ----------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "readable"), [
    ("https://example.com/a%E2%80%94b", "https://example.com/a—b"),
    ("https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC%2F", "https://zh.wikipedia.org/wiki/北京%2F"),
    ("https://example.com/%FF%FEx", "https://example.com/%FF%FEx"),
    ("https://example.com/%E5%8C", "https://example.com/%E5%8C"),
    # A run that does not decode whole is kept as written.
    ("https://example.com/%C3%A9%E5%8C", "https://example.com/%C3%A9%E5%8C"),
])
def test_only_escapes_of_non_ascii_utf_8_are_decoded(url: str, readable: str) -> None:
    assert readable_url(url) == readable


# -- author-year labels ---------------------------------------------------------------


def test_year_suffixes_run_past_z_as_citeproc_does() -> None:
    assert [_letters(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "z", "aa", "ab", "az", "ba", "zz", "aaa"]
