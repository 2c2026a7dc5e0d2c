"""BibTeX and CSL-JSON entries as an article's bibliography shows them (pure, no build).

The survivors of the mutation run over ``citations/bibfile.py`` asked for
these: the LaTeX a title may hold, control characters, short month names,
the year an author–year label shows, and the problems a build warns with.
"""

from __future__ import annotations

import datetime as dt
import json

from sphinx_newsroom.citations.bibfile import ReferenceFile, merged, read_bibtex, read_csl_json
from sphinx_newsroom.warnings_ import NewsroomWarning


def _bib(fields: str) -> ReferenceFile:
    return read_bibtex(f"@misc{{k, title={{T}}, {fields}}}")


def _csl(**item: object) -> ReferenceFile:
    return read_csl_json(json.dumps([{"id": "k", "title": "T", **item}]))


def test_an_ampersand_in_a_title_is_kept() -> None:
    for title in ("R&D at Example Labs", "Xeon & EPYC"):
        found = read_bibtex(f"@misc{{k, title={{{title}}}}}").references["k"]
        assert found.citation.title == title


def test_latex_the_converter_cannot_read_loses_only_its_markup() -> None:
    found = read_bibtex(r"@misc{k, title={Read \href{https://example.org}}}").references["k"]
    assert found.citation.title == "Read https://example.org"


def test_control_characters_are_dropped_from_a_field() -> None:
    assert _csl(title="Bell\x07 and tab\there").references["k"].citation.title == \
        "Bell and tab here"


def test_a_long_unsafe_url_is_quoted_to_sixty_characters_in_the_problem() -> None:
    url = "javascript:" + "a" * 80
    reference = _bib(f"url={{{url}}}").references["k"]
    assert reference.citation.url == ""
    assert reference.problems == (f"its URL {url[:60]!r} is not http(s); not linked",)


def test_a_csl_item_s_unsafe_url_is_a_problem_of_the_item() -> None:
    reference = _csl(URL="javascript:alert(1)").references["k"]
    assert reference.citation.url == ""
    assert reference.problems == ("its URL 'javascript:alert(1)' is not http(s); not linked",)


def test_three_letter_months_are_read() -> None:
    for month, number in (("may", 5), ("{Jun}", 6), ("{Dec.}", 12)):
        citation = _bib(f"year=2014, month={month}").references["k"].citation
        assert (citation.date, citation.date_precision) == (dt.date(2014, number, 1), "month")


def test_two_lineage_names_are_both_shown() -> None:
    found = read_bibtex("@misc{k, title={T}, author={Ford, Jr. III, Henry}}").references["k"]
    assert found.citation.author == "Henry Ford, Jr. III"


def test_a_day_the_month_does_not_have_is_a_problem_and_undated() -> None:
    reference = _bib("year=2014, month=feb, day=30").references["k"]
    assert reference.citation.date is None
    assert reference.problems == ("its date '2014' is not a date; shown undated",)
    assert reference.year == "2014"


def test_a_biblatex_date_gives_the_year_of_author_year_labels() -> None:
    reference = _bib("date={2019-02-03}").references["k"]
    assert (reference.year, reference.key) == ("2019", "k")


def test_year_zero_is_no_date() -> None:
    assert _csl(issued={"raw": "0000-05"}).references["k"].citation.date is None


def test_empty_csl_date_parts_are_undated() -> None:
    found = read_csl_json(json.dumps([
        {"id": "a", "title": "T", "issued": {"date-parts": []}},
        {"id": "b", "title": "T", "issued": {"date-parts": [[]]}},
    ]))
    assert [(r.citation.date, r.year) for r in found.references.values()] == [
        (None, ""), (None, "")]


def test_a_csl_date_written_as_text_that_is_no_date_gives_no_year() -> None:
    reference = _csl(issued="forthcoming").references["k"]
    assert (reference.citation.date, reference.year, reference.key) == (None, "", "k")


def test_a_csl_item_with_a_title_and_no_link_is_structured() -> None:
    assert _csl().references["k"].citation.structured


def test_json_that_python_cannot_read_as_numbers_is_a_problem() -> None:
    found = read_csl_json("[" + "1" * 5000 + "]")
    assert found.references == {}
    (problem,) = found.problems
    assert problem.message.startswith("not readable as JSON: Exceeds the limit")
    assert (problem.line, problem.subtype) == (None, NewsroomWarning.CITATION)


def test_a_csl_file_that_is_not_a_list_has_no_entries() -> None:
    found = read_csl_json('{"id": "k"}')
    assert found.references == {}
    assert [p.message for p in found.problems] == ["CSL-JSON must be a list of items, not dict"]


def test_items_after_a_repeated_id_are_read() -> None:
    found = read_csl_json('[{"id": "a"}, {"id": "a"}, {"id": "b"}]')
    assert list(found.references) == ["a", "b"]


def test_a_bibtex_syntax_error_is_a_citation_warning() -> None:
    (problem,) = read_bibtex("@misc{k, title={T}").problems
    assert problem.subtype == NewsroomWarning.CITATION


def test_the_first_file_that_has_a_key_keeps_it() -> None:
    first = read_csl_json('[{"id": "a", "title": "First"}]')
    second = read_csl_json('[{"id": "a", "title": "Second"}, {"id": "b", "title": "B"}]')
    both = merged([first, second])
    assert {key: ref.citation.title for key, ref in both.items()} == {"a": "First", "b": "B"}


def test_latex_the_converter_cannot_read_loses_its_capitalised_macros_too() -> None:
    found = read_bibtex(r"@misc{k, title={{\Large Read} \href{https://example.org}}}").references["k"]
    assert found.citation.title == "Read https://example.org"


def test_broken_bibtex_gives_problems_and_keeps_what_it_can() -> None:
    """pybtex reports each of these; none stops the file from being read."""
    cases = {
        "@misc{a, title={T}": ("syntax error: premature end of file", 1),
        "@misc{a, title={T}}\n@misc{a, title={U}}": ("repeated bibliography entry: a", None),
        "@misc{a, title={T}, title={U}}": ("entry with key a has a duplicate title field", None),
        "@misc{a, title=nomacro}": ("undefined string: nomacro", 1),
        "@misc{a title}": ("syntax error: '=' expected", 1),
    }
    for text, (message, line) in cases.items():
        found = read_bibtex(text)
        assert list(found.references) == ["a"]
        assert [(p.message, p.line, p.subtype) for p in found.problems] == [
            (message, line, NewsroomWarning.CITATION)]
