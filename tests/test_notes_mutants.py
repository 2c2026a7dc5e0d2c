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


def marked(kind: str, text: str, *words: str) -> Written:
    """``text`` with each of ``words`` marked as ``kind`` (code, emphasis)."""
    return Written(text, tuple(Mark(kind, text.index(w), text.index(w) + len(w)) for w in words))


URL = "https://example.org/report"
ZH_REFERENCE = "it is a Chinese reference (GB/T 7714, 作者．题名．, 《》, 参见…)"


@pytest.mark.parametrize(("written", "verdict"), [
    # A quotation that runs on into the sentence, after no word: prose, though dated.
    (Written('Kay (1993), "The Early History of Smalltalk" argues'),
     ("note", "a link or quotation runs into a sentence")),
    # Raw HTML tags are not words, and do not hide the words they wrap.
    (Written("Knuth (1977), <i>notes on fast matching</i>"),
     ("note", "it has sentences (notes fast matching …)")),
    # The Chinese lead-in is dropped before a link that titles its document ...
    (link("参见：", "报道", URL), ("source", "it is a link alone")),
    # ... and kept before one that only describes it (这, 此, 该, 那, 本).
    *((link("参见：", text, URL), ("source", "it points to one document"))
      for text in ("这篇报道", "此报道", "该报道", "那篇文章", "本文")),
    (Written("张三．城市交通研究．北京：科学出版社，2020．"), ("source", ZH_REFERENCE)),
    # The DOI is in the link's target only.
    (link("Knuth, Morris, Pratt, ", "SIAM J. Comput.", "https://doi.org/10.1137/0206024", ", 6(2)"),
     ("source", "it has a DOI")),
    # An academic reference: names, a title, a year, and a container that is a phrase.
    (Written("Smith, J. (2020). A study of things. Manuscript submitted for publication."),
     ("source", "it has a title and a publisher or author, and a date or URL")),
    # Dated to the day, the phrase is a publisher's name, and no name has three words in lowercase.
    (Written("Smith, J. (2020, May 1). A study of things. Office for budget review."),
     ("note", "it has sentences (study things for …)")),
    (Written("Smith, J. “A study of things.” Office for budget Review, May 1, 2020."),
     ("note", "it has no date, URL or publisher")),
    # An accessed date is an anchor, without a date or URL.
    (Written("The Rust Programming Language. Rust Foundation. Accessed 2024-05-01."),
     ("source", "it has a title and a publisher or author, and a date or URL")),
    # Code in the title does not make the publisher code; a publisher in code is no name.
    (marked("literal", "The grep manual. GNU Project, 2020-01-01. https://www.gnu.org/software/grep/",
            "grep"), ("source", "it has a title and a publisher or author, and a date or URL")),
    (marked("literal", "The grep manual. GNU Project, 2020-01-01.", "GNU Project"),
     ("note", "it has no date, URL or publisher")),
    (marked("emphasis", "The grep manual. GNU Project, 2020-01-01. https://www.gnu.org/software/grep/",
            "GNU Project"), ("source", "it is a link alone")),
    # Raw HTML around a publisher: its tags are not words, its two lowercase words are.
    (Written("Smith, J. “A study of things.” <b>budget office</b>, May 1, 2020."),
     ("note", "it has no date, URL or publisher")),
    # "on-" is the reference word "on" (as in "on- and offline"): two words, no sentence.
    (Written("Knuth (1977), on- and offline copies"), ("source", "it has a year in brackets")),
])
def test_the_verdict_and_its_reason(written: Written, verdict: tuple[str, str]) -> None:
    assert tuple(classify(written)) == verdict


def test_a_link_to_a_page_of_this_site_is_no_source() -> None:
    assert classify(link("", "Style guide", "/guide/style")).kind == "note"


@pytest.mark.parametrize("written", [
    link("See ", "the docs", "https://a.example/docs", " and https://b.example/page for details."),
    # Code right before or after the URL, with nothing between (Chinese has no spaces).
    marked("literal", "我们用 curlhttps://b.example/page 下载", "curl"),
    marked("literal", "我们读了 https://b.example/page<br> 一节", "<br>"),
])
def test_a_bare_url_beside_a_link_or_code_is_a_document_too(written: Written) -> None:
    urls = {document.url for document in linked_documents(written)}
    assert "https://b.example/page" in urls


@pytest.mark.parametrize(("target", "document"), [
    ("HTTPS://GITHUB.COM/octocat", False),
    ("https://x.com/jack?ref_url=https://example.org/", False),
    ("https://x.com/X", False),
    ("https://www-cs-faculty.stanford.edu/~knuth/", False),
    ("https://weibo.com/login.php", True),
    ("HTTPS://EXAMPLE.COM/", False),
    ("https://example.com/?lang=en", False),
    ("https://example.org/X", True),
])
def test_profiles_and_home_pages_are_no_documents(target: str, document: bool) -> None:
    """Linked on the way in a note, a person's page or a site's home page is not listed."""
    written = link("We thank ", "them", target, " for the figures.")
    assert [d.url for d in linked_documents(written)] == ([target] if document else [])


@pytest.mark.parametrize(("after", "kind"), [
    # One sentence up to 100 characters after the link points to it; a longer one says more.
    (" for " + "x" * 95, "source"),
    (" for " + "x" * 96, "links"),
    # A quotation, then words on the next line: more than one sentence.
    (' for "details"\nabout it', "links"),
    (" for details. Part X.", "links"),
    ("中的说明。。", "source"),
])
def test_a_pointer_is_one_short_sentence(after: str, kind: str) -> None:
    lead = "详见" if after.startswith("中") else "See "
    assert classify(link(lead, "the report", URL, after)).kind == kind


def test_a_pointer_that_speaks_for_its_authors_is_a_note() -> None:
    written = link("Our code is available at ", "the repository", "https://example.org/repo", ".")
    assert classify(written) == (
        "links", "it speaks in the first or second person; it links to documents")


def test_a_quotation_from_a_linked_page_cites_it() -> None:
    text = 'Quoted from: https://example.org/post: "We ship *today*."'
    written = Written(text, (Mark("emphasis", text.index("today"), text.index("today") + 5),))
    assert classify(written) == ("source", "it points to one document")


def test_a_quotation_right_after_the_link_it_is_quoted_from() -> None:
    text = 'Quote from [the post](https://example.org/post)"We ship *today*."'
    marks = (Mark("syntax", 11, 12), Mark("link", 12, 20, "https://example.org/post"),
             Mark("syntax", 20, 47), Mark("emphasis", text.index("today"), text.index("today") + 5))
    assert classify(Written(text, marks)) == ("source", "it points to one document")


def test_a_publisher_named_in_code_elsewhere_is_still_a_name() -> None:
    """The title quotes the publisher's name as code; the publisher itself is plain text.

    The code check looked at the name's first occurrence only (the title's),
    so this footnote lost its title and publisher ("it has a link among its
    fields"); the name is code only where every occurrence is.
    """
    text = "GNU Project manual. GNU Project, 2020-01-01. https://www.gnu.org/manual/"
    assert classify(marked("literal", text, "GNU Project")) == (
        "source", "it has a title and a publisher or author, and a date or URL")


@pytest.mark.parametrize(("in_code", "verdict"), [
    ((0, 2), ("source", "it has a title and a publisher or author, and a date or URL")),
    ((0, 1, 2), ("source", "it has a link among its fields")),
])
def test_a_name_written_three_times_is_code_only_if_each_time_is(
        in_code: tuple[int, ...], verdict: tuple[str, str]) -> None:
    text = "“Rust Team notes, Rust Team style.” Rust Team, 2024-01-01. https://example.org/book"
    starts = [1, 18, 36]
    assert [text.find("Rust Team", at) for at in starts] == starts
    written = Written(text, tuple(Mark("literal", starts[i], starts[i] + 9) for i in in_code))
    assert tuple(classify(written)) == verdict


@pytest.mark.parametrize("before", ["You can see the log of the nightly ", "You can find the "])
def test_you_can_see_or_find_a_link_points_to_it(before: str) -> None:
    """The reader is told where to look: the linked document is the footnote's source."""
    assert classify(link(before, "builds here", "https://ci.example.org/builds/")).kind == \
        "source"


@pytest.mark.parametrize(("before", "after"), [
    ("Noted ", "."), ("Found ", " or as a data frame in the package"), ("Discussed in ", "."),
])
def test_a_participle_that_only_says_where_points_to_its_link(before: str, after: str) -> None:
    assert classify(link(before, "here", "https://forum.example.org/t/1", after)).kind == \
        "source"
    # Followed by a claim instead of a link, or with the sentence going on after the link
    # ("found a bug in …"), it is a note's word.
    assert classify(link("Found that ", "the parser", "https://example.org/p",
                         " was slow on long input, and rewrote it.")).kind == "links"
    assert classify(link("Found ", "a bug", "https://example.org/issues/1",
                         " in the parser and fixed it.")).kind == "links"


@pytest.mark.parametrize("text", [
    pytest.param("Roser, M. (2024). About Our World in Data. Our World in Data. "
                 "https://ourworldindata.org/about", id="title-names-the-publisher"),
    pytest.param('Hannah Ritchie, "Why Our World in Data exists," Our World in Data, '
                 "June 30, 2024. https://ourworldindata.org/about", id="quotation-names-it"),
    # No space after the quotation: the publisher touches it, and is still apart.
    pytest.param('Hannah Ritchie, "Why it matters,"Our World in Data, June 30, 2024. '
                 "https://ourworldindata.org/about", id="quotation-touches-it"),
])
def test_a_publisher_named_in_the_title_is_hidden_where_it_stands(text: str) -> None:
    """The title names the publisher, whose own name ("Our …") reads as the first person.

    The publisher was hidden at its first occurrence, inside the title (or
    the quotation that holds it), where nothing was left to hide; its own
    place stayed, and the reference was logged as a note that "speaks in the
    first or second person", its link listed as a document of the note. A
    field is hidden where it is written apart.
    """
    assert classify(Written(text)) == (
        "source", "it has a title and a publisher or author, and a date or URL")
