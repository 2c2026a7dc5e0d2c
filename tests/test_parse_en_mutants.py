"""English footnotes that the surviving mutants of ``parse_en.py`` asked for.

Each case is a footnote as an article writes it and the fields a reader then
sees in the bibliography: title, publisher, authors, date, URL. Mutants left
alive on purpose are listed in docs/testing.md ("`parse_en`").
"""

from __future__ import annotations

import datetime

import pytest

from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import parse_citation

D = datetime.date


def cited(text: str) -> tuple[str, str, tuple[str, ...], str, str]:
    c = parse_citation(text)
    return c.title, c.publisher, c.authors, issued_text(c), c.url


def dated(text: str) -> tuple[datetime.date | None, str]:
    c = parse_citation(text)
    return c.date, c.date_precision


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
