"""Unit tests of citations/ that the surviving mutants of `make mutation` asked for.

Each pins something a reader sees: a rendered bibliography entry, a field of
an export, a merge of two citations of one source, a URL. Mutants left alive
on purpose are listed in docs/testing.md ("Equivalent mutants").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from sphinx_newsroom.citations.author_year import _letters
from sphinx_newsroom.citations.bibfile import read_bibtex, read_csl_json
from sphinx_newsroom.citations.bibliography import collect
from sphinx_newsroom.citations.export import to_bibtex
from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.markup import Piece, field_pieces, pieces, shown
from sphinx_newsroom.citations.model import Citation, Mark, Segment, Written
from sphinx_newsroom.citations.notes import Kind, linked_documents, read_footnote
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


# -- bibliography files: every field a .bib or CSL-JSON entry gives is shown ----------

def _bib(entry: str) -> Citation:
    return read_bibtex(entry).references["k"].citation


def test_bibtex_editors_stand_in_for_missing_authors_with_lineage_and_particles() -> None:
    found = read_bibtex("@book{k, title={T}, editor={van Rossum, Jr., Guido Von and Ada Lovelace},"
                        " year=1999}").references["k"]
    assert found.citation.author == "Guido Von van Rossum, Jr. and Ada Lovelace"
    assert found.names == ("van Rossum", "Lovelace")
    assert found.year == "1999"


@pytest.mark.parametrize(("fields", "date", "precision"), [
    ("year = 2014, month = sep, day = 30", D(2014, 9, 30), "day"),
    ("year = 2014, month = {Sept.}, day = {7}", D(2014, 9, 7), "day"),
    ("year = 2014, month = {12}", D(2014, 12, 1), "month"),
    ("year = 2014, month = {1}", D(2014, 1, 1), "month"),
    ("year = 2014, month = {13}", D(2014, 1, 1), "year"),
    ("year = 2014, month = {0}", D(2014, 1, 1), "year"),
    ("year = 2014, month = {ju}", D(2014, 1, 1), "year"),
    ("year = 2014, day = {5}", D(2014, 1, 1), "year"),
    ("year = {c. 2014}", D(2014, 1, 1), "year"),
])
def test_bibtex_dates_are_as_precise_as_the_fields(fields: str, date: D, precision: str) -> None:
    citation = _bib(f"@misc{{k, title={{T}}, {fields}}}")
    assert (citation.date, citation.date_precision) == (date, precision)


def test_bibtex_a_year_that_is_no_date_is_a_problem_and_undated() -> None:
    found = read_bibtex("@misc{k, title={T}, year={forthcoming}}").references["k"]
    assert found.citation.date is None and found.year == "forthcoming"
    found = read_bibtex("@misc{k, title={T}, date={2019-02-30}}").references["k"]
    assert found.problems == ("its date '2019-02-30' is not a date; shown undated",)


@pytest.mark.parametrize(("fields", "url"), [
    ("eprinttype={arXiv}, eprint={ 2101.00001 }", "https://arxiv.org/abs/2101.00001"),
    ("eprinttype={arxiv}, eprint={2101.00001}, url={https://x.org/{a}}", "https://x.org/a"),
    ("eprinttype={hal}, eprint={hal-01}", ""),
    ("eprint={2101.00001}", ""),
])
def test_bibtex_links_an_arxiv_eprint_when_there_is_no_url(fields: str, url: str) -> None:
    assert _bib(f"@misc{{k, title={{T}}, {fields}}}").url == url


@pytest.mark.parametrize(("fields", "language"), [
    ("langid={english}", "en"), ("language={Chinese}", "zh"), ("langid={en-US}", "en"),
    ("langid={zh_CN}", "zh"), ("title={北京}", "zh"), ("journal={人民日报}", "zh"),
    ("author={张三}", "zh"), ("title={Peking}", "en"),
])
def test_bibtex_language_as_declared_else_from_the_script(fields: str, language: str) -> None:
    assert _bib(f"@misc{{k, {fields}}}").language == language


def test_bibtex_an_entry_without_title_or_link_is_unstructured() -> None:
    assert not _bib("@misc{k, journal={J}, year=2020}").structured
    assert _bib("@misc{k, url={https://example.com/a}}").structured
    assert _bib("@misc{k, title={T}, journal={J}}").publisher == "J"
    assert _bib("@misc{k, title={T}}").publisher == ""


def test_bibtex_syntax_errors_are_problems_with_their_line() -> None:
    found = read_bibtex("@misc{k, title={T}}\n@misc{broken, title = {Unclosed\n")
    assert "k" in found.references
    assert found.problems and all(p.line is None or p.line >= 1 for p in found.problems)
    assert all(" in line " not in p.message for p in found.problems)


def _csl(**item: object) -> Citation:
    return read_csl_json(json.dumps([{"id": "k", **item}])).references["k"].citation


@pytest.mark.parametrize(("name", "shown", "family"), [
    ({"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
     "Ludwig van Beethoven", "van Beethoven"),
    ({"family": "Gogh", "given": "Vincent", "dropping-particle": "van"},
     "Vincent van Gogh", "Gogh"),
    ({"family": "King", "given": "Martin Luther", "suffix": "Jr."},
     "Martin Luther King, Jr.", "King"),
    ({"given": "Plato"}, "Plato", "Plato"),
    ({"literal": "World Health Organization"}, "World Health Organization",
     "World Health Organization"),
])
def test_csl_names_keep_particles_and_suffixes(name: dict[str, str], shown: str,
                                               family: str) -> None:
    found = read_csl_json(json.dumps([{"id": "k", "title": "T", "editor": [name]}]))
    reference = found.references["k"]
    assert (reference.citation.author, reference.names) == (shown, (family,))


@pytest.mark.parametrize(("issued", "date", "precision", "year"), [
    ({"date-parts": [[2014, 9, 30]]}, D(2014, 9, 30), "day", "2014"),
    ({"date-parts": [["2014", "9"]]}, D(2014, 9, 1), "month", "2014"),
    ({"date-parts": [[2014]]}, D(2014, 1, 1), "year", "2014"),
    ({"date-parts": [[2014, 9, 30, 4]]}, D(2014, 9, 30), "day", "2014"),
    ({"date-parts": [[2014, True]]}, D(2014, 1, 1), "year", "2014"),
    ({"raw": "2014-09"}, D(2014, 9, 1), "month", "2014"),
    ({"literal": "2014-09-30"}, D(2014, 9, 30), "day", "2014"),
    ({"literal": "Spring 2014"}, None, "day", "Spring 2014"),
    ({"raw": "forthcoming"}, None, "day", "forthcoming"),
    ("2014-09-30", D(2014, 9, 30), "day", "2014"),
])
def test_csl_dates_as_precise_as_the_item(issued: object, date: D | None, precision: str,
                                          year: str) -> None:
    reference = read_csl_json(json.dumps([{"id": "k", "title": "T", "issued": issued}])
                              ).references["k"]
    assert (reference.citation.date, reference.citation.date_precision) == (date, precision)
    assert reference.year == year


def test_csl_fields_become_the_citation_s() -> None:
    citation = _csl(title="T", publisher="Pub", accessed={"date-parts": [[2024, 6, 1]]},
                    URL="https://example.com/a", language="zh-CN")
    assert (citation.publisher, citation.accessed, citation.url, citation.language) == (
        "Pub", D(2024, 6, 1), "https://example.com/a", "zh")
    assert citation.raw == "[@k]" and citation.structured
    assert _csl(title="北京").language == "zh"
    assert _csl(title="T", publisher="人民日报").language == "zh"
    assert _csl(title="T", author=[{"literal": "张三"}]).language == "zh"
    assert _csl(title="T", **{"container-title": ["A", "B"]}).publisher == "A"
    assert _csl(title=2024).title == "2024"
    assert _csl(title=True).title == ""
    assert not _csl(publisher="P").structured


def test_csl_unreadable_json_is_a_problem_with_its_line() -> None:
    found = read_csl_json('[\n{"id": "k",\n')
    assert found.references == {}
    (problem,) = found.problems
    assert problem.message.startswith("not readable as JSON: Expecting")
    assert problem.line == 3
    found = read_csl_json('[{"id": "k"}, {"id": "  "}, {"id": true}, {"id": 7}]')
    assert list(found.references) == ["k", "7"]
    assert [p.message for p in found.problems] == ["item 2 has no id", "item 3 has no id"]


# -- notes: the documents a note links to, and why a footnote was read so ---------------


def test_a_linked_document_keeps_the_markup_inside_its_link_only() -> None:
    raw, marks = link("See *the* ", "*Rust* book", RUST, " and **more**.")
    start = raw.index("[")
    inner = raw.index("*Rust*")
    marks = (Mark("emphasis", 4, 9), *marks, Mark("emphasis", inner, inner + 6),
             Mark("strong", raw.index("**more"), len(raw) - 1))
    (document,) = linked_documents(Written(raw, marks))
    assert document.raw == raw[start:raw.index(" and")]
    assert document.marks == (
        Mark("syntax", 0, 1), Mark("link", 1, 12, RUST),
        Mark("syntax", 12, 12 + len(RUST) + 3), Mark("emphasis", 1, 7))


@pytest.mark.parametrize(("text", "language"), [
    ("the Rust book", "en"), ("Rust 程序设计语言", "zh"), ("这里", "und"), ("here", "und"),
    (RUST, "und"),
])
def test_a_linked_document_s_language_is_its_title_s(text: str, language: str) -> None:
    raw, marks = link("See ", text, RUST, " for the details we skip.")
    (document,) = linked_documents(Written(raw, marks))
    assert document.language == language


@pytest.mark.parametrize(("declared", "mode", "kind", "reason"), [
    ("note", "sources", "note", "declared with the footnote-kind role"),
    ("source", "auto", "source", "declared with the footnote-kind role"),
    (None, "sources", "source", "the article's footnotes are all sources"),
    (None, "notes", "note", "the article's footnotes are all notes"),
    ("links", "notes", "links", "declared with the footnote-kind role"),
])
def test_the_build_log_says_why_a_footnote_was_read_so(
        declared: Kind | None, mode: str, kind: str, reason: str) -> None:
    raw, marks = link("We cite ", "the book", RUST, ".")
    reading = read_footnote(Written(raw, marks), declared, mode)
    assert (reading.kind, reading.reason) == (kind, reason)
