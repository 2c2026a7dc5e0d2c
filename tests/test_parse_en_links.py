"""English link and URL footnotes that the surviving mutants of ``parse_en.py`` asked for.

The "links" group: ``split_site``, ``_lone_link``, ``_link_with_author``,
``_annotated_link``, ``_bare_url``, ``_trailing_link``, ``_outside_is_prose``,
``_pointer``, ``looks_like_prose`` and ``refine``. Each case is a footnote as
an article writes it and the fields a reader then sees in the bibliography:
title, publisher, authors, date, URL. Values and ids are ASCII (mutmut runs
pytest twice in one process; see docs/testing.md). Mutants left alive on
purpose are listed in docs/testing.md ("`parse_en`").
"""

from __future__ import annotations

import datetime

import pytest
from conftest import cited, dated

from sphinx_newsroom.citations.parse import parse_citation

D = datetime.date




def whole(text: str) -> tuple[str, str, tuple[str, ...], str, str]:
    """What a footnote the parser does not read as one source gives: its text, no fields."""
    return text.strip(), "", (), "", ""


FORGE = "https://forge.rust-lang.org/governance/council.html"
GUTENBERG = "https://www.gutenberg.org/files/1342/1342-h/1342-h.htm"
QUICKSORT = "https://academic.oup.com/comjnl/article/5/1/10/395338"
ISSUE = "https://github.com/rust-lang/rust/issues/1"
KNATIVE = "https://knative.dev/docs/serving/"
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcX"  # the video's id ends in an X


# -- the title and the site of a link's text (split_site) ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A note of the page's language before the title is neither title nor site.
    ("[(English) Bucket sort - Wikipedia](https://en.wikipedia.org/wiki/Bucket_sort)",
     ("Bucket sort", "Wikipedia", (), "", "https://en.wikipedia.org/wiki/Bucket_sort")),
    # A title that begins with an underscore (a separator of "Title_Site") is no site's
    # name, even when the rest names the host ("pytest") or looks like a domain.
    ("[_pytest](https://docs.pytest.org/en/stable/reference/reference.html)",
     ("_pytest", "docs.pytest.org", (), "",
      "https://docs.pytest.org/en/stable/reference/reference.html")),
    ("[_config.yml](https://jekyllrb.com/docs/configuration/)",
     ("_config.yml", "jekyllrb.com", (), "", "https://jekyllrb.com/docs/configuration/")),
])
def test_the_title_and_site_of_a_link_text(text, expected):
    assert cited(text) == expected


# -- a reference as a link's text (_lone_link, _pointer) -----------------------------

PRIDE = f"[Pride and Prejudice. Chapter 1]({GUTENBERG})"
#: 40 characters of link text: too short to be read as a whole reference.
PRIDE_40 = f"[Pride and Prejudice. Volume 1, Chapter 9]({GUTENBERG})"
#: 41 characters of link text: a whole APA reference.
HOARE_41 = f"[Hoare, C. (1962). Quicksort. Comput J, 5.]({QUICKSORT})"


@pytest.mark.parametrize("text", [
    # A title with a full stop inside (up to 40 characters) is not "Names. Title".
    PRIDE,
    PRIDE_40,
    f"See {PRIDE} for the opening line.",
    f"See {PRIDE_40} for the ball.",
])
def test_a_short_link_text_is_a_title(text):
    link_text = text[text.index("[") + 1:text.index("](")]
    assert cited(text) == (link_text, "gutenberg.org", (), "", GUTENBERG)


@pytest.mark.parametrize("text", [
    HOARE_41,
    f"See {HOARE_41} for the proof.",
])
def test_a_reference_of_41_characters_as_a_link_text(text):
    assert cited(text) == ("Quicksort", "Comput J", ("Hoare, C",), "1962", QUICKSORT)


@pytest.mark.parametrize(("text", "expected"), [
    # Someone's talk or keynote: no title, the speaker, the site (named, or the host).
    ("[Jenny Bryan's talk at rstudio::conf 2020]"
     "(https://www.rstudio.com/resources/rstudioconf-2020/)",
     ("", "rstudio.com", ("Jenny Bryan",), "",
      "https://www.rstudio.com/resources/rstudioconf-2020/")),
    ("[Hadley Wickham's keynote - YouTube](https://www.youtube.com/watch?v=abc)",
     ("", "YouTube", ("Hadley Wickham",), "", "https://www.youtube.com/watch?v=abc")),
    # "talk by A and B" in a sentence: the same.
    ("See the [talk by Antonio Piraino and Oli Scherer](https://www.youtube.com/watch?v=abc) "
     "for more.",
     ("", "youtube.com", ("Antonio Piraino", "Oli Scherer"), "",
      "https://www.youtube.com/watch?v=abc")),
])
def test_a_link_text_that_names_whose_document(text, expected):
    assert cited(text) == expected


def test_the_language_of_a_speakers_talk_is_that_of_the_names():
    assert parse_citation("[Jenny Bryan's talk at rstudio::conf 2020]"
                          "(https://www.rstudio.com/resources/rstudioconf-2020/)").language == "en"


# -- a site or an author before or after the link (_link_with_author) ----------------

@pytest.mark.parametrize(("text", "expected"), [
    # An organisation before the link, after a colon or with a locator after it.
    ("Mozilla Developer Network: [window.setTimeout]"
     "(https://developer.mozilla.org/en-US/docs/Web/API/setTimeout)",
     ("window.setTimeout", "Mozilla Developer Network", (), "",
      "https://developer.mozilla.org/en-US/docs/Web/API/setTimeout")),
    (f"Rust Project, [Term limits]({FORGE}). Chapter 3.",
     ("Term limits", "Rust Project", (), "", FORGE)),
    # A link text that says nothing: no title, the organisation still publishes it.
    ("Mozilla Developer Network, [here](https://developer.mozilla.org/en-US/docs/Web/API/"
     "setTimeout)",
     ("", "Mozilla Developer Network", (), "",
      "https://developer.mozilla.org/en-US/docs/Web/API/setTimeout")),
])
def test_an_organisation_before_the_link(text, expected):
    assert cited(text) == expected


def test_the_language_of_a_named_publisher_without_a_title():
    # The publisher is named (in English) though the link text gives no title.
    assert parse_citation("Mozilla Developer Network, [here](https://developer.mozilla.org/"
                          "en-US/docs/Web/API/setTimeout)").language == "en"


def test_an_author_and_year_after_the_link_is_dated_its_first_day():
    assert dated("[Purely Functional Data Structures](https://www.cs.cmu.edu/~rwh/students/"
                 "okasaki.pdf), Chris Okasaki (1998)") == (D(1998, 1, 1), "year")


# -- a note after the link (_annotated_link) -----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # The note writes the link's URL out again (a reference list's habit), with a stray
    # second full stop, or with an X at its end that is the URL's own.
    (f"[Knative Serving]({KNATIVE}): {KNATIVE}",
     ("Knative Serving", "knative.dev", (), "", KNATIVE)),
    (f"[Knative Serving]({KNATIVE}): {KNATIVE}..",
     ("Knative Serving", "knative.dev", (), "", KNATIVE)),
    (f"[Rust in Production]({VIDEO}): {VIDEO}",
     ("Rust in Production", "youtube.com", (), "", VIDEO)),
])
def test_a_note_that_repeats_the_url(text, expected):
    assert cited(text) == expected


def test_a_note_that_names_another_document_is_no_annotation():
    # Two documents (the page and its sources): not one source, the text stays whole.
    text = (f"[Knative Serving]({KNATIVE}): mirror at https://github.com/knative/docs, "
            "published 2020-01-02")
    assert cited(text) == whole(text)


# -- a bare URL with a label (_bare_url) ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A lead-in (in capitals too), then the site's name (up to four words), then the URL.
    ("Source: Deepin Wiki https://wiki.deepin.org/wiki/Deepin",
     ("", "Deepin Wiki", (), "", "https://wiki.deepin.org/wiki/Deepin")),
    ("Via: The Old New Thing https://devblogs.microsoft.com/oldnewthing/20040101-00/?p=1",
     ("", "The Old New Thing", (), "",
      "https://devblogs.microsoft.com/oldnewthing/20040101-00/?p=1")),
    # Five words are a sentence, not a site's name: the host is the publisher.
    ("Source: Copied from a mailing list "
     "https://mail.python.org/pipermail/python-dev/2000-July/005609.html",
     ("", "mail.python.org", (), "",
      "https://mail.python.org/pipermail/python-dev/2000-July/005609.html")),
])
def test_a_labelled_url(text, expected):
    assert cited(text) == expected


# -- a reference followed by its URL (_trailing_link) --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "HTTP" in the title is no URL before the trailing one.
    ("Grigorik, I. (2013). High Performance Browser Networking: HTTP/2. O'Reilly Media. "
     "https://hpbn.co/http2/",
     ("High Performance Browser Networking: HTTP/2", "O'Reilly Media", ("Grigorik, I",), "2013",
      "https://hpbn.co/http2/")),
    # A URL that ends in an X keeps it.
    (f"Doe, J. (2020, May 5). Sorting in practice. YouTube. {VIDEO}",
     ("Sorting in practice", "YouTube", ("Doe, J",), "2020-05-05", VIDEO)),
])
def test_a_reference_and_its_url(text, expected):
    assert cited(text) == expected


# -- a sentence that points to one link (_outside_is_prose, _pointer) ----------------

@pytest.mark.parametrize(("text", "expected"), [
    # Two words and a cue ("details") make a pointer: the link text describes, no title.
    (f"Further details are in [the stabilization report]({ISSUE}).",
     ("", "github.com", (), "", ISSUE)),
    # A cue written against the link ("see[...]") is still a cue.
    (f"Please see[the stabilization report]({ISSUE}) for the reasons.",
     ("", "github.com", (), "", ISSUE)),
    # A quotation before the cue is no field of it.
    ('"A foolish consistency is the hobgoblin of little minds." Quoted from '
     "[the style guide](https://peps.python.org/pep-0008/).",
     ("", "peps.python.org", (), "", "https://peps.python.org/pep-0008/")),
    # A title in sentence case before a URL, with a cue word ("read"): a title, no pointer.
    ("How to read a paper https://web.stanford.edu/class/ee384m/Handouts/HowtoReadPaper.pdf",
     ("How to read a paper", "web.stanford.edu", (), "",
      "https://web.stanford.edu/class/ee384m/Handouts/HowtoReadPaper.pdf")),
])
def test_a_sentence_that_points_to_its_link(text, expected):
    assert cited(text) == expected


def test_a_sentence_without_a_cue_is_a_note():
    # Words but no pointing word: prose that links on the way (tests/citations/README.md).
    text = "Currently, it has over 70 [members](https://foundation.rust-lang.org/members/)."
    assert cited(text) == whole(text)


def test_a_chinese_link_text_that_describes_the_document_gives_no_title():
    # "this page", "that document", "that article", "this article".
    for link_text in ("此页面", "该文档", "那篇文章", "本文"):
        text = f"See [{link_text}](https://example.org/a) for details."
        assert cited(text) == ("", "example.org", (), "", "https://example.org/a"), link_text


# -- what the general shapes leave behind (refine, looks_like_prose) -----------------

@pytest.mark.parametrize(("text", "expected"), [
    # A capitalised lead-in is no publisher.
    (f"Source: [Term limits]({FORGE}), 2020-01-02",
     ("Term limits", "forge.rust-lang.org", (), "2020-01-02", FORGE)),
    # Half a sentence is no publisher, with no URL to credit instead.
    ('"Term limits", as the council wrote, 2020-01-02',
     ("Term limits", "", (), "2020-01-02", "")),
    # Lowercase words with a year name a proceedings: it stays.
    ('"Fast sorting", Proceedings of the 2019 workshop on algorithms, 2019-06-01',
     ("Fast sorting", "Proceedings of the 2019 workshop on algorithms", (), "2019-06-01", "")),
])
def test_a_publisher_that_is_a_lead_in_or_half_a_sentence(text, expected):
    assert cited(text) == expected
