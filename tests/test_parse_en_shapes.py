"""English references that the surviving mutants of ``parse_en.py``'s shapes asked for.

The shapes are ``_academic`` (the reference shapes in turn), ``_quoted_reference``,
``_period_reference``, ``_comma_reference``, ``_is_organisation``, ``parse_english``
and ``to_citation``. Each case is a footnote as an article writes it and the
fields a reader then sees in the bibliography: title, publisher, authors, date
at its precision, URL (and the language, where that is what a shape decides).
The other survivors of ``parse_en`` have their cases in
``test_parse_en_mutants.py``; the mutants left alive on purpose are listed in
docs/testing.md ("`parse_en`"). Parameter values are ASCII (mutmut runs pytest
twice in one process); the footnotes with Chinese in them are plain tests.
"""

from __future__ import annotations

import datetime

import pytest
from conftest import dated

from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import parse_citation

D = datetime.date


def cited(text: str) -> tuple[str, str, tuple[str, ...], str, str]:
    """Title, publisher, authors, date and URL, as the bibliography shows them.

    Names are compared without a full stop at their end: the shapes strip the
    one after a last initial ("Yao, A. C." gives "Yao, A. C") and keep the
    others, and these cases are not about that stop.
    """
    c = parse_citation(text)
    return c.title, c.publisher, names(c.authors), issued_text(c), c.url


def names(authors: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.removesuffix(".") for name in authors)



def left_whole(text: str) -> tuple[str, str, tuple[str, ...], str, str]:
    """What the parser gives a footnote that is no reference: its text, no fields."""
    return text.strip(), "", (), "", ""


# -- who publishes a link (_is_organisation) -----------------------------------------

AODN = "https://portal.aodn.org.au/"


@pytest.mark.parametrize("text", [
    # An acronym before the link, as a label: the site that publishes it, not its host.
    f"IMOS: [Ocean data portal]({AODN})",
    # After the link, "by" and an acronym: the acronym, without the "by".
    f"[Ocean data portal]({AODN}), by IMOS",
])
def test_an_acronym_names_the_publisher(text):
    assert cited(text) == ("Ocean data portal", "IMOS", (), "", AODN)


RAND = "https://www.rand.org/pubs/papers/P923.html"


def test_seven_words_before_a_link_are_no_organisation():
    # "Ford, L. R. (1956). Network Flow Theory" holds an organisation's word
    # ("Network"), but seven words are more than an organisation's name: the APA
    # reference is read, its journal from the link's text.
    assert cited(f"Ford, L. R. (1956). Network Flow Theory.[Operations Research, 4(1), 1-28.]"
                 f"({RAND})") == (
        "Network Flow Theory", "Operations Research", ("Ford, L. R",), "1956", RAND)


# -- the venue in the text of a trailing link (_academic) ----------------------------

YAO = "https://epubs.siam.org/doi/abs/10.1137/0214010?journalCode=smjcat"


def test_the_journal_in_a_trailing_link_is_the_publisher():
    # oiwiki-036: an APA reference whose journal, volume and pages are the link's text.
    text = ("Yao, A. C. (1985). On the expected performance of path compression algorithms."
            f"[SIAM Journal on Computing, 14(1), 129-133.]({YAO})")
    assert cited(text) == ("On the expected performance of path compression algorithms",
                           "SIAM Journal on Computing", ("Yao, A. C",), "1985", YAO)
    assert dated(text) == (D(1985, 1, 1), "year")


BBC = "https://www.bbc.com/news/world-asia-china-37502586"


@pytest.mark.parametrize("sep", [" ", ". "])
def test_the_first_url_of_a_reference_is_its_url(sep):
    # A legal citation's URL, then a link to an archived copy: the URL is the first one,
    # the document's own (the labelling rules: "with several links to one document, the
    # first").
    text = (f"Stephen McDonell, When China Began Streaming Trials Online, BBC News (30 September "
            f"2016), {BBC}{sep}[archived](https://web.archive.org/web/2016/{BBC})")
    assert cited(text) == ("When China Began Streaming Trials Online", "BBC News",
                           ("Stephen McDonell",), "2016-09-30", BBC)


@pytest.mark.parametrize("lead_in", ["See", "See also", "cf.", "Cf."])
def test_a_lead_in_before_a_reference_is_no_name(lead_in):
    assert cited(f"{lead_in} Knuth, D. (1997). The Art of Computer Programming. "
                 "Addison-Wesley.") == (
        "The Art of Computer Programming", "Addison-Wesley", ("Knuth, D",), "1997", "")


# A reference, then a Chinese sentence of its own: a note that mentions the work, which
# the reference shapes leave alone (a Chinese locator after it, "第 3 页", is dropped).
RSA = ("Rivest, R. L., Shamir, A., & Adleman, L. (1978). A method for obtaining digital "
       "signatures and public-key cryptosystems. Communications of the ACM, 21(2), 120-126. ")


def test_an_author_year_mention_in_a_chinese_sentence_is_no_reference():
    # "Smith, J. (2020) proposed this algorithm.": no title, a note.
    text = "Smith, J. (2020) 提出了这个算法。"
    assert cited(text) == left_whole(text)


def test_a_chinese_sentence_with_capitals_after_a_reference_is_a_note():
    # "... its authors later gave a new proof of RSA."
    text = RSA + "的作者后来给出了 RSA 的新证明。"
    assert cited(text) == left_whole(text)


def test_a_chinese_sentence_with_latin_words_after_a_reference_is_a_note():
    # "... its authors later published a python implementation on their blog."
    text = RSA + "的作者后来在博客上公开了 python 实现。"
    assert cited(text) == left_whole(text)


def test_a_chinese_locator_after_a_reference_is_dropped():
    assert cited(RSA + "第 3 页") == (
        "A method for obtaining digital signatures and public-key cryptosystems",
        "Communications of the ACM", ("Rivest, R. L", "Shamir, A", "Adleman, L"), "1978", "")


# -- quoted titles (_quoted_reference) -----------------------------------------------

@pytest.mark.parametrize(("text", "expected", "precision"), [
    # No space after the closing quotation mark: the month is still read.
    ('Smith, John. "Leap days."March 2021.',
     ("Leap days", "", ("Smith, John",), "2021-03", ""), "month"),
    # A linked title with the full stop inside the link: the stop is no part of the title.
    ('Smith, John. "[Leap days.](https://example.org/leap)" Journal of Time 3 (2021): 1-2.',
     ("Leap days", "Journal of Time", ("Smith, John",), "2021", "https://example.org/leap"),
     "year"),
])
def test_quoted_titles(text, expected, precision):
    assert cited(text) == expected
    assert parse_citation(text).date_precision == precision


# -- author-first references (_period_reference) -------------------------------------

def test_a_doubled_full_stop_ends_a_plain_pair_of_names_and_title():
    assert cited("Daniel J. Bernstein. Faster Square Roots. .") == (
        "Faster Square Roots", "", ("Daniel J. Bernstein",), "", "")


def test_a_year_alone_is_no_publisher_even_before_a_line_break():
    # The footnote's last full stop on a line of its own, after the year.
    text = "Edsger Wybe Dijkstra. A Discipline of Programming. 1976\n."
    assert cited(text) == ("A Discipline of Programming", "", ("Edsger Wybe Dijkstra",), "1976",
                           "")
    assert dated(text) == (D(1976, 1, 1), "year")


# -- IEEE without quotation marks (_comma_reference) ---------------------------------

def test_an_editor_is_no_author():
    # Initials first, then "(ed.)": the names are no list of authors (the labelling rules:
    # the editor of a book is not an author), so the IEEE shape does not read them as such.
    text = "J. Smith (ed.), Handbook of rate limits, Springer, Vol. 2, pp. 1-20, 2004."
    assert parse_citation(text).authors == ()


# -- the language of what the English shapes read (to_citation) ----------------------

def test_the_language_of_a_title_in_chinese_is_chinese():
    # An English sentence points to a page with a Chinese title: the reference's
    # language is its title's, whatever the sentence around it.
    c = parse_citation("See [排序](https://oi-wiki.org/basic/sort/) for the details.")
    assert (c.title, c.publisher, c.language) == ("排序", "oi-wiki.org", "zh")


# -- how long a footnote the English shapes read (parse_english) ---------------------

_SURNAMES = ("Aad", "Abbott", "Abdallah", "Abdinov", "Aben", "Abolins", "AbouZeid", "Abramowicz",
             "Abreu", "Acharya", "Adams", "Addy", "Adelman", "Adomeit", "Adragna", "Adye")
_LAST = ("Zhu", "Zhou", "Zieba", "Zimmer", "Zinonos", "Zivkovic", "Zobernig", "Zwalinski")
HIGGS = ("Observation of a new particle in the search for the Standard Model Higgs boson",
         "Physics Letters B")


def _reference_of(length: int) -> str:
    """An APA reference of ``length`` characters: a collaboration's long list of names."""
    for count in range(1, 400):
        names = ", ".join(f"{_SURNAMES[i % len(_SURNAMES)]}, {chr(65 + i % 26)}."
                          for i in range(count))
        for last in _LAST:
            text = f"{names}, & {last}, L. (2012). {HIGGS[0]}. {HIGGS[1]}, 716(1), 1-29."
            if len(text) == length:
                return text
    raise ValueError(length)


def test_a_reference_of_2000_characters_is_read():
    text = _reference_of(2000)
    c = parse_citation(text)
    assert len(text) == 2000
    assert (c.title, c.publisher, issued_text(c), c.date_precision) == (*HIGGS, "2012", "year")
    assert len(c.authors) == 154
    assert (names(c.authors)[0], names(c.authors)[-1]) == ("Aad, A", "Zimmer, L")
