"""Bibliography files read as references (BibTeX with pybtex, CSL-JSON), and the
author–year labels their citations show."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_newsroom.citations.author_year import author_label, year_labels
from sphinx_newsroom.citations.bibfile import Reference, read_bibtex, read_csl_json
from sphinx_newsroom.citations.model import Citation

BIBTEX = r"""
@string{jss = "Journal of Statistical Software"}
@string{ny = {New York}}
@article{wickham2014,
  title = {Tidy {Data}},
  author = {Wickham, Hadley and van der Berg, J. and Erd{\H o}s, Paul and {R Core Team}},
  journal = jss, year = 2014, month = sep, volume = {59},
  doi = {https://doi.org/10.18637/jss.v059.i10}, url = {https://www.jstatsoft.org/v59/i10/}
}
@book{xie2015,
  title = "Dynamic Documents with {R} and \textit{knitr}",
  author = {Yihui Xie}, publisher = {Chapman and Hall/CRC},
  address = ny # " City", year = {2015}
}
@online{web2021, title = {100% sure}, url = {https://example.org/a\_b}, date = {2021-03-04},
  urldate = {2021-05-06}, langid = {chinese}}
@misc{bad, title = {Bad}, url = {javascript:alert(1)}, year = {2019}, month = {13}}
@misc{impossible, title = {Never}, date = {2019-02-30}}
@misc{broken, title = {Unclosed
"""


def test_bibtex_entries_become_citations():
    found = read_bibtex(BIBTEX)
    tidy = found.references["wickham2014"]
    assert tidy.citation == Citation(
        raw="[@wickham2014]", title="Tidy Data", publisher="Journal of Statistical Software",
        author="Hadley Wickham and J. van der Berg and Paul Erdős and R Core Team",
        date=dt.date(2014, 9, 1), url="https://doi.org/10.18637/jss.v059.i10", language="en",
        structured=True, date_precision="month")
    assert tidy.names == ("Wickham", "van der Berg", "Erdős", "R Core Team")
    assert tidy.year == "2014"
    book = found.references["xie2015"].citation
    assert book.title == "Dynamic Documents with R and knitr"
    assert book.publisher == "Chapman and Hall/CRC"
    assert (book.date, book.date_precision) == (dt.date(2015, 1, 1), "year")
    web = found.references["web2021"].citation
    assert (web.title, web.url, web.language) == ("100% sure", "https://example.org/a_b", "zh")
    assert (web.date, web.accessed, web.date_precision) == \
        (dt.date(2021, 3, 4), dt.date(2021, 5, 6), "day")


def test_bibtex_problems_are_located_and_cost_no_other_entry():
    found = read_bibtex(BIBTEX)
    assert [(p.line, p.message) for p in found.problems] == \
        [(19, "syntax error: premature end of file")]
    bad = found.references["bad"]
    assert bad.citation.url == "" and bad.citation.date_precision == "year"
    assert bad.problems == ("its URL 'javascript:alert(1)' is not http(s); not linked",)
    assert found.references["impossible"].problems == (
        "its date '2019-02-30' is not a date; shown undated",)
    assert read_bibtex("@misc{a, title={A}}\n@misc{a, title={B}}").problems[0].message == \
        "repeated bibliography entry: a"


CSL = """[
  {"id": "garcia2016", "type": "article-journal", "title": "A CSL item",
   "container-title": ["Journal of Examples"],
   "author": [{"family": "García", "given": "Ana", "non-dropping-particle": "de"},
              {"literal": "The Example Collective"}],
   "issued": {"date-parts": [["2016", 5]]}, "DOI": "10.1/x"},
  {"id": 7, "title": "Numbered", "editor": {"family": "Ed"}, "issued": {"raw": "2001"}},
  {"title": "No id"}, "not an object", {"id": "garcia2016", "title": "Again"}
]"""


def test_csl_json_items_become_citations():
    found = read_csl_json(CSL)
    item = found.references["garcia2016"]
    assert (item.citation.title, item.citation.publisher, item.citation.url) == \
        ("A CSL item", "Journal of Examples", "https://doi.org/10.1/x")
    assert item.citation.author == "Ana de García and The Example Collective"
    assert item.names == ("de García", "The Example Collective")
    assert (item.citation.date, item.citation.date_precision) == (dt.date(2016, 5, 1), "month")
    numbered = found.references["7"]
    assert numbered.names == ("Ed",) and numbered.year == "2001"
    assert [p.message for p in found.problems] == [
        "item 3 has no id", "item 4 is not an object",
        "item 5: id 'garcia2016' is repeated; the first item keeps it"]


@pytest.mark.parametrize(("text", "message"), [
    ("[{", "not readable as JSON: Expecting property name enclosed in double quotes"),
    ('{"id": "a"}', "CSL-JSON must be a list of items, not dict"),
])
def test_broken_csl_json(text, message):
    assert [p.message for p in read_csl_json(text).problems] == [message]


def reference(key: str, *names: str, year: str = "2020", title: str = "") -> Reference:
    return Reference(key, Citation(raw="", title=title), names, year)


def test_author_labels():
    assert author_label(reference("a", "Smith")) == "Smith"
    assert author_label(reference("a", "Smith", "Jones")) == "Smith and Jones"
    assert author_label(reference("a", "Lee", "Kim", "Park")) == "Lee, Kim, and Park"
    assert author_label(reference("a", "A", "B", "C", "D")) == "A et al."
    assert author_label(reference("a", title="A Work With No Author")) == "“A Work With No”"
    assert author_label(reference("key")) == "key"


def test_years_tell_one_authors_works_apart():
    refs = [reference("x", "Smith"), reference("y", "Jones"), reference("z", "Smith"),
            reference("u", "Doe", year=""), reference("v", "Doe", year="")]
    assert year_labels(refs) == {"x": "2020a", "y": "2020", "z": "2020b", "u": "n.d.-a",
                                 "v": "n.d.-b"}
