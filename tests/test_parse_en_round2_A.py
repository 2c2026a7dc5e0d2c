"""English footnotes that the second English round's surviving mutants asked for (group A).

The functions are ``_is_organisation``, ``_names_then_year``, ``_period_fields``,
``_period_reference`` and ``_quoted_reference`` of ``parse_en.py``. Each case is a
footnote as an article writes it and what a reader then sees in the bibliography:
title, publisher, authors, the year shown, the date and its precision, the URL.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import parse_citation

D = datetime.date
#: title, publisher, authors, the year shown, date, precision, URL.
Seen = tuple[Any, ...]


def seen(text: str) -> Seen:
    c = parse_citation(text)
    return (c.title, c.publisher, c.authors, issued_text(c), c.date, c.date_precision, c.url)


def unread(text: str) -> Seen:
    """What a footnote the English shapes leave alone shows: itself as its title."""
    return (text, "", (), "", None, "day", "")


# -- an organisation's name: up to six words (_is_organisation) ----------------------

OAIC = "https://www.oaic.gov.au/privacy/australian-privacy-principles"


@pytest.mark.parametrize(("text", "expected"), [
    # Six words with an organisation's word ("Office") name the publisher, in APA's
    # place of the authors and before a link.
    ("Office of the Australian Information Commissioner (2020). Australian community "
     "attitudes to privacy survey 2020.",
     ("Australian community attitudes to privacy survey 2020",
      "Office of the Australian Information Commissioner", (), "2020", D(2020, 1, 1), "year",
      "")),
    ("Office of the Australian Information Commissioner, [Australian Privacy Principles]"
     f"({OAIC})",
     ("Australian Privacy Principles", "Office of the Australian Information Commissioner",
      (), "", None, "day", OAIC)),
    # Seven words after a link, without "by", are a sentence, not who published it:
    # the link's site is credited.
    ("[Release checklist](https://wiki.example.org/release), Notes from the weekly "
     "Project Team meeting",
     ("Release checklist", "wiki.example.org", (), "", None, "day",
      "https://wiki.example.org/release")),
])
def test_an_organisation_has_six_words_at_most(text: str, expected: Seen) -> None:
    assert seen(text) == expected


# -- names, then the year (_names_then_year, _period_reference) ----------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A name that begins with X keeps it ("Xu").
    ("Xu, L., Ma, S., 2010. Odour coding in the honeybee brain. Chemical Senses.",
     ("Odour coding in the honeybee brain", "Chemical Senses", ("Xu, L.", "Ma, S"), "2010",
      D(2010, 1, 1), "year", "")),
    # A given name written out keeps its last letter: only a full stop goes.
    ("Sorensen, Carsten, 2010. Digital platforms and mobile work. Information Systems "
     "Journal.",
     ("Digital platforms and mobile work", "Information Systems Journal",
      ("Sorensen, Carsten",), "2010", D(2010, 1, 1), "year", "")),
    # No space between the last initial and the year ("V.2007."): the names end there,
    # and the year is the date.
    ("Braa, J., Shaw, V.2007. Developing health information systems. Health Policy and "
     "Planning.",
     ("Developing health information systems", "Health Policy and Planning",
      ("Braa, J.", "Shaw, V"), "2007", D(2007, 1, 1), "year", "")),
])
def test_names_then_the_year(text: str, expected: Seen) -> None:
    assert seen(text) == expected


def test_words_before_a_year_with_no_initial_or_list_are_no_authors() -> None:
    # "Annual Report" has no initial, comma or "and": no person wrote it.
    text = "Annual Report 2019. Our year in review. Mozilla Foundation."
    assert parse_citation(text).authors == ()


def test_two_names_in_apa_form_and_no_year_are_a_reference() -> None:
    # "Zizka, A., Edler, D.": four parts between commas, the names end at an initial.
    assert seen("Zizka, A., Edler, D. Title of a methods paper. Methods in Ecology.") == (
        "Title of a methods paper", "Methods in Ecology", ("Zizka, A.", "Edler, D"), "",
        None, "day", "")


# -- a title that is a link (_period_fields, _quoted_reference) ----------------------

APPLE = "https://en.wikipedia.org/wiki/Apple_Inc."


@pytest.mark.parametrize(("text", "expected"), [
    # The link's URL is the page's, with the full stop it ends in ("Apple_Inc."), not the
    # URL written in the text with its sentence punctuation trimmed.
    (f"Isaacson, Walter. 2011. [History of Apple]({APPLE}). Wikipedia.",
     ("History of Apple", "Wikipedia", ("Isaacson, Walter",), "2011", D(2011, 1, 1), "year",
      APPLE)),
    (f'Isaacson, Walter. 2011. "[History of Apple]({APPLE})." Wikipedia.',
     ("History of Apple", "Wikipedia", ("Isaacson, Walter",), "2011", D(2011, 1, 1), "year",
      APPLE)),
    # An organisation in the authors' place publishes it.
    (f'Wikipedia. 2011. "[History of Apple]({APPLE})." Wikipedia.',
     ("History of Apple", "Wikipedia", (), "2011", D(2011, 1, 1), "year", APPLE)),
])
def test_a_linked_title_keeps_its_url(text: str, expected: Seen) -> None:
    assert seen(text) == expected


# -- Chicago's quoted title (_quoted_reference) -------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A title that ends in X keeps it.
    ('Wikipedia. 2021. "SpaceX." Wikipedia.',
     ("SpaceX", "Wikipedia", (), "2021", D(2021, 1, 1), "year", "")),
    # A link's text ending in a full stop: the stop is the sentence's, not the title's.
    ('Wikipedia. 2021. "[Getting started.](https://en.wikipedia.org/wiki/Help:Getting_started)"'
     " Wikipedia.",
     ("Getting started", "Wikipedia", (), "2021", D(2021, 1, 1), "year",
      "https://en.wikipedia.org/wiki/Help:Getting_started")),
])
def test_a_quoted_title(text: str, expected: Seen) -> None:
    assert seen(text) == expected


@pytest.mark.parametrize("text", [
    # A sentence before a year in brackets is no author ...
    'Read the whole thread (2019). "Release notes for version 2." Example Blog.',
    # ... and one word alone is an author only with the year after it.
    'Jefferson "The ordinance of freedom." Monticello Papers, 2017.',
])
def test_words_before_a_quoted_title_that_name_no_author(text: str) -> None:
    assert parse_citation(text).authors == ()
