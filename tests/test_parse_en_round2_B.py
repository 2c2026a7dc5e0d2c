"""English footnotes that the mutants surviving the second English round asked for (B).

The functions that round changed: the APA shape, the italic-title shape, a
credit after a link and the venue. Each case is a footnote as an article
writes it and the fields a reader then sees in the bibliography: title,
publisher, authors, date, URL. The mutants left alive on purpose are listed
in docs/testing.md ("`parse_en`").
"""

from __future__ import annotations

import datetime

import pytest
from conftest import cited, dated

D = datetime.date




# -- the APA shape (_apa_reference) --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A space before the comma after the year: still the comma style, the title
    # ends at the next comma and the journal follows.
    ("Hansen, T., & Mullen, G. L. (1992) , Primitive polynomials over finite fields, "
     "Mathematics of Computation, 59(200), 639-643.",
     ("Primitive polynomials over finite fields", "Mathematics of Computation",
      ("Hansen, T.", "Mullen, G. L"), "1992", "")),
    # A title's own question or exclamation mark written against the journal's name:
    # the mark stays with the title, the journal keeps its first letter.
    ("Fortnow, L. (2009). The status of the P versus NP problem?Communications of the ACM, "
     "52(9), 78-86.",
     ("The status of the P versus NP problem?", "Communications of the ACM",
      ("Fortnow, L",), "2009", "")),
    ("Fortnow, L. (2009). Is P equal to NP!Communications of the ACM, 52(9), 78-86.",
     ("Is P equal to NP!", "Communications of the ACM", ("Fortnow, L",), "2009", "")),
    # An organisation in the author's place publishes a title that begins with X.
    ("IMOS (2018). XBT data from ships of opportunity.",
     ("XBT data from ships of opportunity", "IMOS", (), "2018", "")),
])
def test_apa_reference_fields(text, expected):
    assert cited(text) == expected


# -- a title in HTML italics (_italic_title_reference) --------------------------------

BORGMAN = ("Scholarship in the digital age", "MIT Press", ("Borgman, C. L",), "2010", "")


@pytest.mark.parametrize(("text", "expected"), [
    ("Borgman, C. L. 2010. <i>Scholarship in the digital age.</i> MIT Press, Cambridge, MA.",
     BORGMAN),
    # A comma after the names: the same author as without it.
    ("Borgman, C. L., 2010. <i>Scholarship in the digital age.</i> MIT Press, Cambridge, MA.",
     BORGMAN),
    # Names and titles that begin with X keep it.
    ("Xu, J. 2010. <i>Scholarship in the digital age.</i> MIT Press, Cambridge, MA.",
     ("Scholarship in the digital age", "MIT Press", ("Xu, J",), "2010", "")),
    ("Borgman, C. L. 2010. <i>XML in the digital age.</i> MIT Press, Cambridge, MA.",
     ("XML in the digital age", "MIT Press", ("Borgman, C. L",), "2010", "")),
])
def test_italic_title_reference_fields(text, expected):
    assert cited(text) == expected


def test_italic_title_reference_is_dated_by_its_year():
    # Its year alone: 1 January, so it sorts with the other entries of that year.
    assert dated("Spradley, J. P. (2016). <i>The ethnographic interview</i>. "
                 "Longegrove, IL: Waveland Press.") == (D(2016, 1, 1), "year")


# -- a credit after a link (_link_with_credit) ---------------------------------------

HELME = "https://scotthelme.co.uk/content-security-policy-an-introduction/"
DOE = "https://www.energy.gov/science/articles/exascale-computing"


@pytest.mark.parametrize(("text", "expected"), [
    # A person after "by" is the author; the site publishes.
    (f"[Content Security Policy - An Introduction]({HELME}), by Scott Helme",
     ("Content Security Policy - An Introduction", "scotthelme.co.uk", ("Scott Helme",), "",
      HELME)),
    # An organisation's name of ten words after "by" publishes it.
    (f"[Exascale Computing]({DOE}), by The Office of Science of the US Department of Energy",
     ("Exascale Computing", "The Office of Science of the US Department of Energy", (), "",
      DOE)),
])
def test_a_credit_after_a_link(text, expected):
    assert cited(text) == expected


# -- the venue (_venue) ---------------------------------------------------------------

def test_a_one_letter_journal_glued_to_its_issue():
    # MDPI's journal "C" (carbon research), its issue written against its name.
    assert cited("Kim, H., & Lee, S. (2019). Activated carbon from biomass. C(2), 20-31.") == (
        "Activated carbon from biomass", "C", ("Kim, H.", "Lee, S"), "2019", "")


# -- a sentence that points to a URL (_pointer) --------------------------------------

@pytest.mark.parametrize("quote", ['"{}"', "\u201c{}\u201d"])
def test_a_pointer_word_inside_a_quoted_title_points_to_nothing(quote):
    # "Source" in the quoted title is the title's word, not a cue to the URL: the
    # reference keeps its author and title.
    text = f"Bruce Perens, {quote.format('The Open Source Definition')}, https://opensource.org/osd"
    assert cited(text) == ("The Open Source Definition", "opensource.org", ("Bruce Perens",), "",
                           "https://opensource.org/osd")


@pytest.mark.parametrize("text", [
    "Smith, J. (2004). Generics in C#. Dr. Dobbs Journal\u00a0(3), 10-14.",
    "Smith, J. (2004). Generics in C#. Dr. Dobbs Journal\u00a0, 3(2), 10-14.",
    "Smith, J. (2004). Generics in C#. Dr. Dobbs Journal\u00a0.",
], ids=["before-issue", "before-comma", "before-full-stop"])
def test_a_no_break_space_at_a_venues_edge_is_no_part_of_it(text):
    # Text copied from a web page keeps its no-break spaces: the journal is the same.
    assert cited(text) == ("Generics in C#", "Dr. Dobbs Journal", ("Smith, J",), "2004", "")
