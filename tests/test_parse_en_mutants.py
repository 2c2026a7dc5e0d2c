"""English footnotes that the surviving mutants of ``parse_en.py`` asked for.

Each case is a footnote as an article writes it and the fields a reader then
sees in the bibliography: title, publisher, authors, date, URL. Mutants left
alive on purpose are listed in docs/testing.md ("`parse_en`").
"""

from __future__ import annotations

import datetime

import pytest
from conftest import cited, dated

from sphinx_newsroom.citations.parse import parse_citation

D = datetime.date




# -- the site named in a link's text (_names_site) ----------------------------------

MDN = "https://developer.mozilla.org/en-US/docs/Web/"


@pytest.mark.parametrize(("text", "expected"), [
    # Known sites that share no letters with their host: "MDN Web Docs", and "MDN Docs"
    # (a known site with " Docs" after it), however the words are spaced.
    (f"[setTimeout() global function - MDN Web Docs]({MDN}API/setTimeout)",
     ("setTimeout() global function", "MDN Web Docs", (), "", f"{MDN}API/setTimeout")),
    (f"[Array.prototype.map() - MDN Docs]({MDN}JavaScript/map)",
     ("Array.prototype.map()", "MDN Docs", (), "", f"{MDN}JavaScript/map")),
    (f"[Array.prototype.map() - MDN  Docs]({MDN}JavaScript/map)",
     ("Array.prototype.map()", "MDN  Docs", (), "", f"{MDN}JavaScript/map")),
    # Three letters are enough to name a site ("npm" of npmjs.com)...
    ("[lodash - npm](https://www.npmjs.com/package/lodash)",
     ("lodash", "npm", (), "", "https://www.npmjs.com/package/lodash")),
    # ... one is not: "C" is the language of the page, not programiz.com.
    ("[Hello World - C](https://www.programiz.com/c-programming/examples/print-sentence)",
     ("Hello World - C", "programiz.com", (), "",
      "https://www.programiz.com/c-programming/examples/print-sentence")),
    # A site's name of five words names it; six words after a dash are the title's.
    ("[Structuring Your Project - The Hitchhiker's Guide to Python]"
     "(https://docs.python-guide.org/writing/structure/)",
     ("Structuring Your Project", "The Hitchhiker's Guide to Python", (), "",
      "https://docs.python-guide.org/writing/structure/")),
    ("[Rust 2024 - A year of Rust async work](https://blog.rust-lang.org/2024/01/01/async.html)",
     ("Rust 2024 - A year of Rust async work", "blog.rust-lang.org", (), "",
      "https://blog.rust-lang.org/2024/01/01/async.html")),
    # A host label of three letters ("cmu") names the site.
    ("[15-213 - CMU Computer Science](https://www.cs.cmu.edu/~213/)",
     ("15-213", "CMU Computer Science", (), "", "https://www.cs.cmu.edu/~213/")),
])
def test_a_site_named_after_a_dash(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "host"), [
    # A word that holds a top-level domain or "www" names no site of it.
    ("[Issue #12 - Comments](https://github.com/rust-lang/rust/issues/12)", "github.com"),
    ("[Chapter 3 - Organizing code](https://doc.rust-lang.org/book/ch07-00.html)",
     "doc.rust-lang.org"),
    ("[Ping - Network tools](https://www.speedguide.net/ping.php)", "speedguide.net"),
    ("[Syllabus - Educational resources](https://ocw.mit.edu/courses/6-006/)", "ocw.mit.edu"),
    ("[Climate data - Government reports](https://www.ncdc.noaa.gov/cdo-web/)", "ncdc.noaa.gov"),
    # "www" inside a host ("www-cs-faculty"): no more a name than a leading "www.".
    ("[Preprints - WWW archive](https://www-cs-faculty.stanford.edu/~knuth/preprints.html)",
     "www-cs-faculty.stanford.edu"),
])
def test_a_suffix_that_only_holds_a_domain_word_stays_in_the_title(text, host):
    title, publisher, *_ = cited(text)
    assert (title, publisher) == (text[1:text.index("](")], host)


@pytest.mark.parametrize(("text", "title", "site"), [
    # GitHub and GitLab pages: the site is the project, the first folder of the path.
    ("[Options - knitr](https://yihui.github.io/knitr/options/)", "Options", "knitr"),
    ("[Options - Yihui Xie](https://yihui.github.io/knitr/options/)", "Options", "Yihui Xie"),
    ("[Modules - OCaml Tutorial](https://mjambon.gitlab.io/ocaml-tutorial/modules.html)",
     "Modules", "OCaml Tutorial"),
    ("[Building a semantic CLI - cli](https://r-lib.github.io/cli/articles/semantic-cli.html)",
     "Building a semantic CLI", "cli"),
])
def test_a_project_page_is_named_by_its_project(text, title, site):
    assert cited(text)[:2] == (title, site)


# -- the title and the site of a link's text (split_site, _link_title) ---------------

@pytest.mark.parametrize(("text", "title", "site"), [
    # A one-letter title before the site's name in brackets or after a dash.
    ("[C (cppreference.com)](https://en.cppreference.com/w/c)", "C", "cppreference.com"),
    ("[C - Wikipedia](https://en.wikipedia.org/wiki/C_(programming_language))", "C", "Wikipedia"),
    # A domain after the dash, on a mirror of its pages.
    ("[C - en.cppreference.com](https://www.apiref.com/cpp/c.htm)", "C", "en.cppreference.com"),
    # A bracket that is the whole text is the title, not a site.
    ("[(PDF)](https://pdfs.semanticscholar.org/abcd.pdf)", "(PDF)", "pdfs.semanticscholar.org"),
    # A blog of two words before a colon is the site.
    ("[Rust Blog: Announcing Rust 1.80](https://blog.rust-lang.org/2024/07/25/Rust-1.80.0.html)",
     "Announcing Rust 1.80", "Rust Blog"),
    # The site after the last comma; the commas before it are the title's.
    ("[8. Sorting, searching, Mixu's Node book](http://book.mixu.net/node/ch8.html)",
     "8. Sorting, searching", "Mixu's Node book"),
    # Link texts that say nothing, or give a URL: no title.
    ("See [here](https://doc.rust-lang.org/book/).", "", "doc.rust-lang.org"),
    ("[https://github.com/rust-lang/rust](https://github.com/rust-lang/rust/issues/1)", "",
     "github.com"),
    # The site's own name, or a label of its host, is the publisher alone.
    ("[Python.org](https://www.python.org/)", "", "Python.org"),
    ("[MDN Web Docs](https://developer.mozilla.org/en-US/docs/Web)", "", "MDN Web Docs"),
    ("[Mozilla](https://developer.mozilla.org/en-US/docs/Web)", "", "Mozilla"),
    ("[CMU](https://www.cs.cmu.edu/~213/)", "", "CMU"),
])
def test_title_and_site_of_a_link_text(text, title, site):
    assert cited(text)[:2] == (title, site)


# -- the venue of a reference (_venue) -----------------------------------------------

@pytest.mark.parametrize("text", [
    # Its end: a bracketed year, a comma, a volume, a colon and pages, a full stop;
    # a venue that begins with an X keeps it ("XRDS").
    'Smith, Jane. "Learning in the open." XRDS (2013): 10-12.',
    'Smith, Jane. "Learning in the open." XRDS, 20(1): 10-12, 2013.',
    'Smith, Jane. "Learning in the open." XRDS 20, no. 1 (2013): 10-12.',
    'Smith, Jane. "Learning in the open." XRDS: 20, 2013.',
    'Smith, Jane. "Learning in the open." XRDS. ACM, 2013.',
    'Smith, Jane (2013). "Learning in the open." XRDS',
])
def test_a_venue_ends_at_its_locators(text):
    assert cited(text)[:4] == ("Learning in the open", "XRDS", ("Smith, Jane",), "2013")


@pytest.mark.parametrize(("text", "venue"), [
    # A bracket inside the venue keeps its commas.
    ('Smith, Jane. "Learning in the open." Crossroads (XRDS, ACM) 20, no. 1 (2013): 10-12.',
     "Crossroads (XRDS, ACM)"),
    # The year in brackets right after the journal (oiwiki-081's journal, no volume).
    ('Elliott, P. D. T. A., and L. Murata. "The least primitive root mod 2p2." '
     "Mathematika (1998): 371-379.", "Mathematika"),
    # "Vol." in capitals ends it too.
    ('S. Miller, "On square roots," Journal of Cryptology Vol. 31, pp. 1-2, 2004.',
     "Journal of Cryptology"),
    # A colon before the pages.
    ("Vaughan, H. E. (1942). Complete sets of logical functions. Transactions of the "
     "American Mathematical Society: 117-32.", "Transactions of the American Mathematical Society"),
])
def test_the_venue_of_a_reference(text, venue):
    assert parse_citation(text).publisher == venue


# -- dates of references (_year, _apa_date) ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A volume that looks like a year (LNCS 1768) is not the date in brackets.
    ('Smith, John. "Title of it." Lecture Notes in Computer Science 1768 (2000): 1-10.',
     (D(2000, 1, 1), "year")),
    # APA: a year alone, a month, and a day that is no day of its month.
    ("Smith, J. (2021). Leap days and calendars. Journal of Time, 3(1), 1-2.",
     (D(2021, 1, 1), "year")),
    ("Smith, J. (2021, March). Leap days and calendars. Journal of Time, 3(1), 1-2.",
     (D(2021, 3, 1), "month")),
    ("Smith, J. (2021, February 30). Leap days and calendars. Journal of Time, 3(1), 1-2.",
     (D(2021, 2, 1), "month")),
    # Chicago's "(March 2021)".
    ('Smith, John. "Leap days." Journal of Time 3, no. 1 (March 2021): 1-2.',
     (D(2021, 3, 1), "month")),
])
def test_the_date_of_a_reference(text, expected):
    assert dated(text) == expected


# -- names (_is_authors, _is_organisation, _fields_in_link_text) ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    # A family name that begins with an X, and names without a space after the comma.
    ('Xu, Wei. "Learning to rank." Journal of Search 3, no. 1 (2020): 1-2.',
     ("Learning to rank", "Journal of Search", ("Xu, Wei",), "2020", "")),
    ("Knuth,D. (1997). The Art of Computer Programming. Addison-Wesley.",
     ("The Art of Computer Programming", "Addison-Wesley", ("Knuth, D",), "1997", "")),
    # A known site, and an acronym, credited before or after the link: the publisher.
    ("Stack Overflow, [What is RSS](https://stackoverflow.com/questions/7880784)",
     ("What is RSS", "Stack Overflow", (), "", "https://stackoverflow.com/questions/7880784")),
    ("[Ocean data portal](https://portal.aodn.org.au/), IMOS",
     ("Ocean data portal", "IMOS", (), "", "https://portal.aodn.org.au/")),
    # An organisation of six words.
    ("[Guide to SI units](https://www.nist.gov/pml/special-publication-811), by National "
     "Institute of Standards and Technology",
     ("Guide to SI units", "National Institute of Standards and Technology", (), "",
      "https://www.nist.gov/pml/special-publication-811")),
])
def test_names_of_people_and_of_organisations(text, expected):
    assert cited(text) == expected


BASH = "https://blogs.windows.com/buildingapps/2016/03/30/run-bash/"


@pytest.mark.parametrize(("text", "expected"), [
    # Names and a title; a title in lower case (a file's name) too.
    ("[Anna Gambin and Adam Malinowski, Randomized meldable priority queues]"
     "(https://www.researchgate.net/publication/2801527)",
     ("Randomized meldable priority queues", "researchgate.net",
      ("Anna Gambin", "Adam Malinowski"), "", "https://www.researchgate.net/publication/2801527")),
    ("[Donald Knuth and Michael Plass, breaking paragraphs into lines](https://example.org/x)",
     ("breaking paragraphs into lines", "example.org", ("Donald Knuth", "Michael Plass"), "",
      "https://example.org/x")),
    # One comma and no "and": a title and its site, not names.
    ("[7. Control flow, Mixu's Node book](http://book.mixu.net/node/ch7.html)",
     ("7. Control flow", "Mixu's Node book", (), "", "http://book.mixu.net/node/ch7.html")),
    # Title, names, date; with no site the host is the publisher.
    (f"[Run Bash on Ubuntu on Windows, Mike Harsh, 2016-05-30]({BASH})",
     ("Run Bash on Ubuntu on Windows", "blogs.windows.com", ("Mike Harsh",), "2016-05-30", BASH)),
    # Five parts, no date third, a date first: none of these shapes.
    (f"[Run Bash on Ubuntu on Windows, Mike Harsh, 2016-05-30, Windows Blog, Microsoft]({BASH})",
     ("Run Bash on Ubuntu on Windows, Mike Harsh, 2016-05-30, Windows Blog, Microsoft",
      "blogs.windows.com", (), "", BASH)),
    (f"[Run Bash on Ubuntu on Windows, Mike Harsh, Windows Blog]({BASH})",
     ("Run Bash on Ubuntu on Windows, Mike Harsh", "Windows Blog", (), "", BASH)),
    (f"[2016-05-30, Mike Harsh, Run Bash on Ubuntu on Windows]({BASH})",
     ("2016-05-30, Mike Harsh, Run Bash on Ubuntu on Windows", "blogs.windows.com", (), "",
      BASH)),
])
def test_link_texts_that_are_short_references(text, expected):
    assert cited(text) == expected


# -- a sentence around one link (_outside_is_prose) ----------------------------------

@pytest.mark.parametrize(("text", "title"), [
    ("Details are given in [Term limits](https://forge.rust-lang.org/governance/council.html).",
     "Term limits"),
    ("[Rust 1.52.1](https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html) was a point "
     "release for incremental compilation.", "Rust 1.52.1"),
])
def test_a_sentence_around_a_link(text, title):
    assert parse_citation(text).title == title


# -- archived copies and hosts (archived_original, site_host) ------------------------

@pytest.mark.parametrize(("text", "site"), [
    # arquivo.pt's copies are credited to the page they copy, as the Wayback Machine's.
    ("[Ano novo](https://arquivo.pt/wayback/20190101000000/https://www.publico.pt/2018/12/31/x)",
     "publico.pt"),
    # An archived address written without its scheme, or with it in capitals.
    ("[Example page](https://web.archive.org/web/2019/www.example.com/x)", "example.com"),
    ("[Old page](https://web.archive.org/web/2019/HTTP://Example.com/x)", "Example.com"),
    ("[Old page](HTTPS://www.Example.com/x)", "Example.com"),
])
def test_the_site_credited_for_a_link(text, site):
    assert parse_citation(text).publisher == site


# -- legal references (_legal_reference) ---------------------------------------------

MCDONELL = "Stephen McDonell, When China Began Streaming Trials Online"


@pytest.mark.parametrize(("text", "expected"), [
    # A comma before the bracketed date; an outlet that begins with an X.
    (f"{MCDONELL}, BBC News, (30 September 2016).",
     ("When China Began Streaming Trials Online", "BBC News", ("Stephen McDonell",),
      "2016-09-30", "")),
    (f"{MCDONELL}, Xinhua (30 September 2016).",
     ("When China Began Streaming Trials Online", "Xinhua", ("Stephen McDonell",),
      "2016-09-30", "")),
    # A venue with a number that is no journal's volume: not this shape, the text stays.
    ("Jane Doe, The State of Things, Report No. 5 (2016).",
     ("Jane Doe, The State of Things, Report No. 5 (2016).", "", (), "", "")),
])
def test_legal_references(text, expected):
    assert cited(text) == expected


def test_a_legal_reference_of_a_year_is_dated_its_first_day():
    assert dated("Charles A. Reich, The New Property, 73 Yale Law Journal 733, 737-738 (1964).") \
        == (D(1964, 1, 1), "year")


def test_a_link_text_with_a_date_is_dated_that_day():
    assert dated(f"[Run Bash on Ubuntu on Windows, Mike Harsh, 2016-05-30]({BASH})") == (
        D(2016, 5, 30), "day")


def test_a_book_of_the_legal_manuals_is_dated_its_year():
    assert dated("Peter Brooks, Troubling Confessions: Speaking Guilt in Law and Literature, "
                 "Chicago: University of Chicago Press, 2000.") == (D(2000, 1, 1), "year")


def test_a_legal_book_without_its_year_stays_whole():
    text = "Peter Brooks, Troubling Confessions, Chicago: University of Chicago Press."
    assert cited(text) == (text, "", (), "", "")


def test_an_ieee_venue_that_begins_with_an_x():
    assert cited("S. Miller, On the computation of square roots in finite fields, XRDS, Vol.31, "
                 "pp. 301-312, 2004.") == (
        "On the computation of square roots in finite fields", "XRDS", ("S. Miller",), "2004", "")


def test_an_ieee_reference_is_dated_its_year():
    assert dated("S. Miller, On the computation of square roots in finite fields, XRDS, Vol.31, "
                 "pp. 301-312, 2004.") == (D(2004, 1, 1), "year")


@pytest.mark.parametrize(("text", "expected"), [
    # Three names without an initial, then a year later on: the names of a book.
    ("Edsger Wybe Dijkstra. A Discipline of Programming. Prentice Hall, 1976.",
     ("A Discipline of Programming", "Prentice Hall", ("Edsger Wybe Dijkstra",), "1976", "")),
    # Four capitalised words are a title, not names: the shape does not read it.
    ("The Art Of Programming. MIT Press, 1985.",
     ("The Art Of Programming. MIT Press, 1985.", "", (), "", "")),
    # Names that begin with an X.
    ("Xu Wei, Li Jun. Learning to rank. Journal of Search, 2020.",
     ("Learning to rank", "Journal of Search", ("Xu Wei", "Li Jun"), "2020", "")),
])
def test_names_then_a_full_stop(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A title that asks, and one whose full stop has no space after it.
    ("Gonzalo Navarro and Eliana Providel. Is rank fast? In Proc. 11th International Symposium "
     "on Experimental Algorithms (SEA), pages 295-306, 2012.",
     ("Is rank fast?", "Proc. 11th International Symposium on Experimental Algorithms (SEA)",
      ("Gonzalo Navarro", "Eliana Providel"), "2012", "")),
    ("Ge Nong, Sen Zhang, and Wai Hong Chan. Linear suffix arrays.In Data Compression "
     "Conference (DCC), pages 193-202. IEEE, 2009.",
     ("Linear suffix arrays", "Data Compression Conference (DCC)",
      ("Ge Nong", "Sen Zhang", "Wai Hong Chan"), "2009", "")),
])
def test_where_a_title_ends(text, expected):
    assert cited(text) == expected


def test_chicago_author_date_is_dated_its_year():
    assert dated("Doe, Jane, and John Roe. 2011. The Book of Things. Boston, MA: Some Press.") \
        == (D(2011, 1, 1), "year")


# -- what the general shapes leave behind (refine, looks_like_prose) -----------------

FORGE = "https://forge.rust-lang.org/governance/council.html"


@pytest.mark.parametrize(("text", "expected"), [
    # A lead-in before the link is no publisher: the site is.
    (f"See also, [Term limits]({FORGE}) 2020",
     ("Term limits", "forge.rust-lang.org", (), "", FORGE)),
    # Nor is a number.
    (f"12345, [Term limits]({FORGE}), 2020-01-02",
     ("Term limits", "forge.rust-lang.org", (), "2020-01-02", FORGE)),
    # The site's name in the link text leaves a publisher before the link alone.
    (f"Rust Project, [Term limits - Rust Forge]({FORGE}), 2020-01-02",
     ("Term limits", "Rust Project", (), "2020-01-02", FORGE)),
    (f"[Term limits - Rust Forge]({FORGE}), accessed 2020-01-02",
     ("Term limits", "Rust Forge", (), "", FORGE)),
])
def test_what_the_general_shapes_leave_is_corrected(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # APA with commas after the year (oiwiki-174, its dash in ASCII).
    ("Brent, R. P. (1980), An improved Monte Carlo factorization algorithm, BIT Numerical "
     "Mathematics, 20(2): 176-184, doi:10.1007/BF01933190",
     ("An improved Monte Carlo factorization algorithm", "BIT Numerical Mathematics",
      ("Brent, R. P",), "1980", "")),
    # A title and names that begin with an X.
    ("Xu, W. (2020). XML retrieval. Journal of Search, 3(1), 1-2.",
     ("XML retrieval", "Journal of Search", ("Xu, W",), "2020", "")),
    ("Xu Wei, Li Jun. XML retrieval. Journal of Search, 2020.",
     ("XML retrieval", "Journal of Search", ("Xu Wei", "Li Jun"), "2020", "")),
    # A title's full stop with no space after it (oiwiki-159).
    ("Vaughan, H. E. (1942). Complete sets of logical functions.Transactions of the American "
     "Mathematical Society 51: 117-32.",
     ("Complete sets of logical functions", "Transactions of the American Mathematical Society",
      ("Vaughan, H. E",), "1942", "")),
    # Pages where the venue would be: no venue.
    ("Ge Nong, Sen Zhang. Linear suffix arrays. Pages 193-202, 2009.",
     ("Linear suffix arrays", "", ("Ge Nong", "Sen Zhang"), "2009", "")),
    # A linked title keeps its URL; the site is the publisher.
    ("Alin Bostan, Ryuhei Mori. [A Simple and Fast Algorithm](https://arxiv.org/abs/2008.08822)."
     " 2020.",
     ("A Simple and Fast Algorithm", "arxiv.org", ("Alin Bostan", "Ryuhei Mori"), "2020",
      "https://arxiv.org/abs/2008.08822")),
    # Without a year, only names and a title make a reference: more is left whole.
    ("Daniel J. Bernstein. Faster Square Roots. Unpublished notes.",
     ("Daniel J. Bernstein. Faster Square Roots. Unpublished notes.", "", (), "", "")),
])
def test_apa_and_period_references(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # An APA title that asks keeps its question mark.
    ("Smith, J. (2020). Is rank fast? Journal of Search, 3(1), 1-2.",
     ("Is rank fast?", "Journal of Search", ("Smith, J",), "2020", "")),
    # Pages where the venue would be, capitalised: no venue.
    ("Smith, J. (2020). Leap days and calendars. Pages 12-20.",
     ("Leap days and calendars", "", ("Smith, J",), "2020", "")),
    # The edition after a book's title is not part of it.
    ("Cormen, T. H. (2009). Introduction to Algorithms (3rd ed.). MIT Press.",
     ("Introduction to Algorithms", "MIT Press", ("Cormen, T. H",), "2009", "")),
])
def test_apa_titles(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A note of the language after the title is no venue (oiwiki-186, its dash in ASCII).
    ('Wang Y. "On the least primitive root of a prime." (in Chinese). Acta Math Sinica, 1959, '
     "4: 432-441.",
     ("On the least primitive root of a prime", "Acta Math Sinica", ("Wang Y",), "1959", "")),
    # A date right after the title: no venue.
    ('Smith, John. "Leap days." March 2021.', ("Leap days", "", ("Smith, John",), "2021-03", "")),
    # A quoted title that begins with an X.
    ('Smith, Jane. "XML in the open." XRDS (2013): 10-12.',
     ("XML in the open", "XRDS", ("Smith, Jane",), "2013", "")),
    # "Available From:" before a trailing URL, in any case.
    ("Alin Bostan, Ryuhei Mori. A Simple and Fast Algorithm. Available From: "
     "https://arxiv.org/abs/2008.08822.",
     ("A Simple and Fast Algorithm", "arxiv.org", ("Alin Bostan", "Ryuhei Mori"), "",
      "https://arxiv.org/abs/2008.08822")),
])
def test_quoted_titles_and_trailing_urls(text, expected):
    assert cited(text) == expected


def _sentence_of(length: int) -> str:
    """A sentence of ``length`` characters that points to one link."""
    text = (f"The council is described in [Term limits]({FORGE}), which explains how long "
            "members serve")
    text += " and" * ((length - len(text) - 1) // 4)
    return text + " " * (length - 1 - len(text)) + "."


def test_a_sentence_points_to_its_one_link_up_to_600_characters():
    assert parse_citation(_sentence_of(600)).title == "Term limits"
    assert parse_citation(_sentence_of(601)).title == _sentence_of(601)


def test_a_sentence_with_two_links_points_to_neither():
    text = ("See [Term limits](https://forge.rust-lang.org/x) and "
            "[Council](https://forge.rust-lang.org/y) for details.")
    assert cited(text) == (text, "", (), "", "")


# -- faults the mutation run of 1 December found (issue 16) ---------------------------

def test_an_abbreviated_venue_keeps_its_last_full_stop_before_a_locator():
    """``Ann. Math. Vol. 141``: the venue as written, like the corpus's ``Sci. Rep.``."""
    text = ("Wiles, A. (1995). Modular elliptic curves and Fermat's Last Theorem. Ann. Math. "
            "Vol. 141, pp. 443-551.")
    assert cited(text) == ("Modular elliptic curves and Fermat's Last Theorem", "Ann. Math.",
                           ("Wiles, A",), "1995", "")
    # A venue of one word is no abbreviation: its full stop ends the sentence.
    assert parse_citation("Smith, J. (2021). Leap days. Time. Vol. 3, pp. 1-2.").publisher \
        == "Time"


def test_a_url_is_never_the_publisher_the_first_url_is_the_link():
    """A reference that ends in two URLs: the first is its link, its site the publisher."""
    text = "Smith, J. (2020). Title of it. https://a.org/x. Mirror: https://b.org/y"
    assert cited(text) == ("Title of it", "a.org", ("Smith, J",), "2020", "https://a.org/x")


def test_a_reference_in_the_gbt_shape_with_an_apa_year_reads_the_year():
    """``Cherkassky, B. V. (1995). Title[C]. Springer.``: the year is no part of the name."""
    text = "Cherkassky, B. V. (1995). On implementing push-relabel method[C]. Springer."
    citation = parse_citation(text)
    assert cited(text) == ("On implementing push-relabel method", "Springer",
                           ("Cherkassky, B. V",), "1995", "")
    assert (citation.date_precision, citation.type) == ("year", "C")


# -- two faults the link shapes' mutants showed ----------------------------------------


def test_a_known_site_before_a_separator_and_nothing_else_is_the_site() -> None:
    """``[MDN |](…)`` names the site and no title (it kept ``MDN |`` as the title)."""
    assert cited(f"[MDN |]({MDN}API)") == ("", "MDN", (), "", f"{MDN}API")
    assert cited(f"[MDN | setTimeout]({MDN}API)") == ("setTimeout", "MDN", (), "", f"{MDN}API")


@pytest.mark.parametrize("text", [
    "[Knuth, D. (1997). The Art of Computer Programming.](https://example.org/taocp)",
    "See [Knuth, D. (1997). The Art of Computer Programming.](https://example.org/taocp) "
    "for the proof.",
])
def test_a_whole_reference_as_a_link_text_is_credited_to_its_site(text: str) -> None:
    """With no venue written, the publisher is the URL's host, as for every link."""
    assert cited(text) == ("The Art of Computer Programming", "example.org", ("Knuth, D",),
                           "1997", "https://example.org/taocp")


def test_a_reference_before_a_linked_venue_is_no_organisation() -> None:
    """``Network`` in a short reference's title does not make the names and year a publisher."""
    text = ("Ahuja, R. (1993). Network flows.[SIAM Journal on Computing, 14(1), 129-133.]"
            "(https://example.org/x)")
    assert cited(text) == ("Network flows", "SIAM Journal on Computing", ("Ahuja, R",), "1993",
                           "https://example.org/x")


def test_a_long_organisation_after_by_is_the_publisher() -> None:
    """``by`` is no part of the credit, however many words the organisation's name has."""
    text = ("[Guide to SI units](https://physics.nist.gov/si), "
            "by The National Institute of Standards and Technology")
    assert cited(text) == ("Guide to SI units",
                           "The National Institute of Standards and Technology", (), "",
                           "https://physics.nist.gov/si")
