"""Dedupe keys and BibTeX types the mutation run found unchecked (pure, no build).

Two footnotes share a bibliography entry exactly when their keys are equal;
the BibTeX export names the container by the entry's type.
"""

from __future__ import annotations

import pytest

from sphinx_newsroom.citations.export import to_bibtex
from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.model import Citation


def test_an_unparsed_footnote_naming_one_address_is_that_document() -> None:
    raw = "See https://example.com/a for the figures"
    assert citation_key(Citation(raw=raw, title=raw)) == "url:example.com/a"
    two = "https://example.com/a and https://example.com/b"
    assert citation_key(Citation(raw=two, title=two)).startswith("raw:")


def test_two_books_of_one_title_by_different_authors_are_two_sources() -> None:
    first = Citation(raw="a", title="初等数论", author="潘承洞、潘承彪", structured=True)
    other = Citation(raw="b", title="初等数论", author="闵嗣鹤、严士健", structured=True)
    assert citation_key(first) == "tp:初等数论::::潘承洞潘承彪"
    assert citation_key(first) != citation_key(other)


@pytest.mark.parametrize(("url", "key"), [
    ("https://example.com/a%3Ab", "url:example.com/a%3Ab"),
    ("https://example.com/%7Euser/%41", "url:example.com/~user/A"),
])
def test_only_escapes_of_unreserved_characters_are_decoded_in_a_key(url: str, key: str) -> None:
    assert citation_key(Citation(raw=url, url=url, structured=True)) == key


@pytest.mark.parametrize(("code", "entry", "field"), [
    ("C", "inproceedings", "booktitle"), ("D", "thesis", "institution"),
    ("R", "report", "institution"), ("EB/OL", "online", "publisher"), ("J", "article", "journal"),
    ("M", "book", "publisher"),
])
def test_the_container_field_follows_the_gbt7714_type(code: str, entry: str, field: str) -> None:
    citation = Citation(raw="x", title="T", publisher="P", type=code, structured=True)
    expected = f"@{entry}{{k,\n  title = {{T}},\n  {field} = {{P}}\n}}\n"
    assert to_bibtex([("k", citation)]) == expected
