"""Which footnotes go to the bibliography, and the reason the build log gives (pure).

Pins of ``citations.notes.classify`` that the mutation run asked for: the
evidence a footnote that is no parsed reference still gives (a DOI, a year
in brackets), links whose scheme is in capitals, and markup that prose is
not measured on.
"""

from __future__ import annotations

import pytest

from sphinx_newsroom.citations.model import Mark, Written
from sphinx_newsroom.citations.notes import classify, linked_documents


def link(before: str, text: str, target: str, after: str = "") -> Written:
    """``before[text](target)after`` with the marks MyST gives it."""
    raw = f"{before}[{text}]({target}){after}"
    start = len(before) + 1
    end = start + len(text)
    return Written(raw, (Mark("syntax", start - 1, start), Mark("link", start, end, target),
                         Mark("syntax", end, end + len(target) + 3)))


@pytest.mark.parametrize(("written", "kind", "reason"), [
    (Written("Knuth, D. E. doi:10.1137/0206024"), "source", "it has a DOI"),
    (Written("Knuth, D. E. Fast Pattern Matching (1977)"), "source", "it has a year in brackets"),
    (link("", "Fast Pattern Matching", "HTTPS://EXAMPLE.COM/KMP"), "source", "it is a link alone"),
])
def test_the_evidence_of_a_source_is_the_reason_logged(written: Written, kind: str,
                                                       reason: str) -> None:
    assert tuple(classify(written)) == (kind, reason)


def test_a_link_written_with_a_capital_scheme_is_a_document_of_a_note() -> None:
    written = link("We compared our figures with ", "the survey", "HTTPS://EXAMPLE.COM/survey",
                   " and found them close.")
    assert classify(written).kind == "links"
    (document,) = linked_documents(written)
    assert (document.title, document.url) == ("the survey", "HTTPS://EXAMPLE.COM/survey")


@pytest.mark.parametrize("kind", ["literal", "emphasis", "strong"])
def test_words_in_code_or_emphasis_are_not_sentences(kind: str) -> None:
    """``Knuth (1977), *fast pattern matching in strings*`` reads as fields."""
    text = "Knuth (1977), fast pattern matching in strings"
    start, end = text.index("fast"), len(text)
    plain = classify(Written(text))
    marked = classify(Written(text, (Mark(kind, start, end),)))
    assert plain.kind == "note"
    assert marked.kind == "source"
