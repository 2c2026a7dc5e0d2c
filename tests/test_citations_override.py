"""The ``cite-source`` role's fields, as the bibliography shows them (pure, no build).

What the mutation run of ``citations/override.py`` asked for: the date a
reader sees at the precision written, an accessed date, values holding ``=``,
the messages a build warns with, and which parsed fields survive an override.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_newsroom.citations.export import to_csl_json
from sphinx_newsroom.citations.model import Citation, issued_text
from sphinx_newsroom.citations.override import FIELDS, apply_fields, parse_fields

PARSED = Citation(raw="Docs as news · Example Weekly", title="Docs as news",
                  publisher="Example Weekly", date=dt.date(2019, 3, 4),
                  accessed=dt.date(2024, 1, 2), structured=True)


@pytest.mark.parametrize(("written", "date", "precision", "issued"), [
    ("2020", dt.date(2020, 1, 1), "year", "2020"),
    ("2020-05", dt.date(2020, 5, 1), "month", "2020-05"),
    ("2020-5-7", dt.date(2020, 5, 7), "day", "2020-05-07"),
])
def test_a_written_date_is_shown_as_precise_as_written(
        written: str, date: dt.date, precision: str, issued: str) -> None:
    fields, problems = parse_fields(f"date={written}")
    assert problems == []
    citation = apply_fields(PARSED, fields)
    assert (citation.date, citation.date_precision, issued_text(citation)) == (
        date, precision, issued)


def test_an_empty_date_or_accessed_clears_the_parsed_one() -> None:
    fields, problems = parse_fields("date=; accessed=")
    assert problems == []
    citation = apply_fields(PARSED, fields)
    assert (citation.date, citation.date_precision, citation.accessed) == (None, "day", None)
    assert issued_text(citation) == ""


def test_a_written_accessed_date_replaces_the_parsed_one() -> None:
    fields, _ = parse_fields("accessed=2025-07-02")
    citation = apply_fields(PARSED, fields)
    assert citation.accessed == dt.date(2025, 7, 2)
    assert citation.date == dt.date(2019, 3, 4)
    (item,) = to_csl_json([("k", citation)])
    assert item["accessed"] == {"date-parts": [[2025, 7, 2]]}


@pytest.mark.parametrize(("name", "value"), [("accessed", "2025-13"), ("date", "2025-02-30"),
                                             ("accessed", "last week")])
def test_a_date_that_is_no_date_is_a_problem_and_left_out(name: str, value: str) -> None:
    assert parse_fields(f"title=T; {name}={value}") == (
        (("title", "T"),), [f"{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"])


def test_a_value_may_hold_an_equals_sign() -> None:
    fields, problems = parse_fields("url=https://example.com/read?id=7&page=2")
    assert (fields, problems) == ((("url", "https://example.com/read?id=7&page=2"),), [])


def test_an_empty_piece_between_fields_is_skipped() -> None:
    assert parse_fields("title=A; ; publisher=B;") == (
        (("title", "A"), ("publisher", "B")), [])


def test_an_unknown_field_s_message_lists_the_fields() -> None:
    assert parse_fields("titel=A") == ((), [
        "'titel' is not a field (fields: title, publisher, author, date, accessed, url, "
        "language)"])
    assert len(FIELDS) == 7


def test_an_override_makes_the_citation_structured() -> None:
    """An unparsed footnote given fields is shown as fields, not as its whole text."""
    unparsed = Citation(raw="Some words about a talk", title="Some words about a talk")
    citation = apply_fields(unparsed, (("title", "The talk"), ("publisher", "PyCon")))
    assert citation.structured
    assert (citation.title, citation.publisher) == ("The talk", "PyCon")


def test_a_parsed_title_is_kept_when_only_other_fields_are_written() -> None:
    citation = apply_fields(PARSED, (("publisher", "Example Daily"),))
    assert (citation.title, citation.publisher, citation.date) == (
        "Docs as news", "Example Daily", dt.date(2019, 3, 4))
