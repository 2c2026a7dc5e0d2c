"""English and URL footnotes: one test per form of docs/how-citations-are-read.md."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import parse_citation
from sphinx_newsroom.citations.parse_en import archived_original, site_host, split_site


def fields(text: str) -> tuple[str, str, str, str, str]:
    c = parse_citation(text)
    return c.title, c.publisher, c.author, issued_text(c), c.url


@pytest.mark.parametrize(("text", "expected"), [
    ("[Bucket sort - Wikipedia](https://en.wikipedia.org/wiki/Bucket_sort)",
     ("Bucket sort", "Wikipedia", "", "", "https://en.wikipedia.org/wiki/Bucket_sort")),
    ("[What is RSS - Stack Overflow](https://stackoverflow.com/questions/1)",
     ("What is RSS", "Stack Overflow", "", "", "https://stackoverflow.com/questions/1")),
    ("[Alternative Python Implementations | Python.org](https://www.python.org/download/)",
     ("Alternative Python Implementations", "Python.org", "", "",
      "https://www.python.org/download/")),
    ("[Remove the register Keyword (open-std.org)](https://www.open-std.org/p0001r1.html)",
     ("Remove the register Keyword", "open-std.org", "", "", "https://www.open-std.org/p0001r1.html")),
    # A suffix that does not name the site stays in the title.
    ("[PANIC - Editorial](https://discuss.codechef.com/t/panic-editorial/80145)",
     ("PANIC - Editorial", "discuss.codechef.com", "", "",
      "https://discuss.codechef.com/t/panic-editorial/80145")),
    # No site named: the host is the publisher.
    ("[Self-Adjusting Heaps](https://epubs.siam.org/doi/10.1137/0215004)",
     ("Self-Adjusting Heaps", "epubs.siam.org", "", "", "https://epubs.siam.org/doi/10.1137/0215004")),
    # A lead-in is not a publisher.
    ("See [Term limits](https://forge.rust-lang.org/governance/council.html#term-limits).",
     ("Term limits", "forge.rust-lang.org", "", "",
      "https://forge.rust-lang.org/governance/council.html#term-limits")),
    ("参见 [Group action - Wikipedia](https://en.wikipedia.org/wiki/Group_action)．",
     ("Group action", "Wikipedia", "", "", "https://en.wikipedia.org/wiki/Group_action")),
    # A link whose text is its URL has no title.
    ("[https://en.wikipedia.org/wiki/Red–black_tree]"
     "(https://en.wikipedia.org/wiki/Red%E2%80%93black_tree)",
     ("", "en.wikipedia.org", "", "", "https://en.wikipedia.org/wiki/Red%E2%80%93black_tree")),
])
def test_link(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("https://www.open-std.org/jtc1/sc22/wg14/www/docs/n3054.pdf．",
     ("", "open-std.org", "", "", "https://www.open-std.org/jtc1/sc22/wg14/www/docs/n3054.pdf")),
    ("<https://github.com/rust-lang/team/pull/671>",
     ("", "github.com", "", "", "https://github.com/rust-lang/team/pull/671")),
    ("来源：Deepin Wiki https://wiki.deepin.org/",
     ("", "Deepin Wiki", "", "", "https://wiki.deepin.org/")),
    # Non-ASCII URLs are kept whole.
    ("https://zh.wikipedia.org/wiki/北京大学",
     ("", "zh.wikipedia.org", "", "", "https://zh.wikipedia.org/wiki/北京大学")),
])
def test_bare_url(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Chicago (journal)
    ('Hopcroft, John, and Robert Tarjan. "Efficient planarity testing." '
     "Journal of the ACM (JACM) 21, no. 4 (1974): 549-568.",
     ("Efficient planarity testing", "Journal of the ACM (JACM)",
      "Hopcroft, John, and Robert Tarjan", "1974", "")),
    # Chicago (book), publisher after the place
    ("Crandall, Richard, and Carl Pomerance. Prime numbers: a computational perspective. "
     "New York, NY: Springer New York, 2005.",
     ("Prime numbers: a computational perspective", "Springer New York",
      "Crandall, Richard, and Carl Pomerance", "2005", "")),
    # APA
    ("Vaughan, H. E. (1942). Complete sets of logical functions. "
     "Transactions of the American Mathematical Society 51: 117–32.",
     ("Complete sets of logical functions", "Transactions of the American Mathematical Society",
      "Vaughan, H. E", "1942", "")),
    # APA with a URL
    ("Doe, J. (2020). Docs as news. Example Press. https://example.com/docs-as-news",
     ("Docs as news", "Example Press", "Doe, J", "2020", "https://example.com/docs-as-news")),
    # Wikipedia's citation template
    ('Erdős, P. (1956). "On pseudoprimes and Carmichael numbers." Publ. Math. Debrecen. '
     "4 (3–4): 201–206.",
     ("On pseudoprimes and Carmichael numbers", "Publ. Math. Debrecen", "Erdős, P", "1956", "")),
    # IEEE
    ('[1] L. J. Guibas and R. Sedgewick, "A dichromatic framework for balanced trees," '
     "19th Annual Symposium on Foundations of Computer Science, 1978, pp. 8-21.",
     ("A dichromatic framework for balanced trees",
      "19th Annual Symposium on Foundations of Computer Science",
      "L. J. Guibas and R. Sedgewick", "1978", "")),
    # MLA
    ('Dinkelbach, Werner. "On nonlinear fractional programming." Management science 13.7 '
     "(1967): 492-498.",
     ("On nonlinear fractional programming", "Management science", "Dinkelbach, Werner", "1967",
      "")),
    # Author-first period form with a venue
    ("Ge Nong, Sen Zhang, and Wai Hong Chan. Linear suffix array construction by almost pure "
     "induced-sorting. In Data Compression Conference (DCC), pages 193–202. IEEE, 2009.",
     ("Linear suffix array construction by almost pure induced-sorting",
      "Data Compression Conference (DCC)", "Ge Nong, Sen Zhang, and Wai Hong Chan", "2009", "")),
    # GB/T 7714 written in English
    ("Ahuja R K, Kodialam M, Mishra A K, et al. Computational investigations of maximum flow "
     "algorithms[J]. European Journal of Operational Research, 1997, 97(3): 509-542.",
     ("Computational investigations of maximum flow algorithms",
      # "et al." ends the list of names (the gold labels, tests/citations).
      "European Journal of Operational Research", "Ahuja R K, Kodialam M, Mishra A K",
      "1997", "")),
])
def test_academic(text, expected):
    title, publisher, author, date, url = fields(text)
    assert (title, publisher, author.rstrip("."), date, url) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Doe, J. (2020, June 30). Docs as news. Example Weekly. https://example.com/a",
     ("Docs as news", "Example Weekly", "Doe, J", "2020-06-30", "https://example.com/a")),
    ("Doe, J., & Roe, R. (2019, May). Title here. Site Name. https://example.com/b",
     ("Title here", "Site Name", "Doe, J., & Roe, R", "2019-05", "https://example.com/b")),
    ('Doe, Jane. "Docs as News." Example Weekly, June 30, 2020. https://example.com/c.',
     ("Docs as News", "Example Weekly", "Doe, Jane", "2020-06-30", "https://example.com/c")),
    ("Smith, John. The Book Title. New York: Example Press, 2001.",
     ("The Book Title", "Example Press", "Smith, John", "2001", "")),
])
def test_web_and_book_references(text, expected):
    title, publisher, author, date, url = fields(text)
    assert (title, publisher, author.rstrip("."), date, url) == expected


def test_year_and_month_dates_keep_their_precision():
    year = parse_citation('Doe, Jane. "Docs as news." Example Weekly 3 (2008): 1-2.')
    assert (year.date, year.date_precision) == (datetime.date(2008, 1, 1), "year")
    month = parse_citation('Doe, Jane. "Docs as news." Example Weekly, June 2020.')
    assert (issued_text(month), month.date_precision) == ("2020-06", "month")


def test_prose_is_not_chopped_into_fields():
    c = parse_citation("The tracking issue for the issues is "
                       "[#84970](https://github.com/rust-lang/rust/issues/84970).")
    assert c.publisher == "github.com"
    c = parse_citation("Yup. https://example.com/a")
    assert c.title != "Yup" or c.publisher == "example.com"


def test_archived_copy_is_credited_to_the_original_site():
    url = "https://web.archive.org/web/20211009144446/https://min-25.hatenablog.com/entry/2018/03/19"
    assert archived_original(url) == "https://min-25.hatenablog.com/entry/2018/03/19"
    assert site_host(url) == "min-25.hatenablog.com"
    # Link text that names a blog is its publisher (the gold labels); the
    # archive's URL is kept, and the key is the original page's.
    c = parse_citation(f"[min_25 的博客]({url})")
    assert (c.publisher, c.url) == ("min_25 的博客", url)
    bare = parse_citation(url)
    assert (bare.publisher, bare.url) == ("min-25.hatenablog.com", url)
    assert citation_key(c) == citation_key(
        parse_citation("[min_25 的博客](https://min-25.hatenablog.com/entry/2018/03/19)"))


@pytest.mark.parametrize(("a", "b", "same"), [
    ("https://en.wikipedia.org/wiki/Ring_%28mathematics%29",
     "https://en.wikipedia.org/wiki/Ring_(mathematics)", True),
    ("https://www.example.com/a/?utm_source=x", "http://example.com/a", True),
    ("https://zh.wikipedia.org/zh-cn/北京", "https://zh.wikipedia.org/wiki/北京", True),
    ("https://example.com/a%2Fb", "https://example.com/a/b", False),
    ("https://example.com/post-1", "https://example.com/post-2", False),
    # One story on two outlets stays two sources.
    ("OpenAI转向TPU·华尔街见闻·许超（2025/6/30）",
     "OpenAI转向TPU·新浪财经·许超（2025/6/30）", False),
])
def test_dedupe(a, b, same):
    assert (citation_key(parse_citation(a)) == citation_key(parse_citation(b))) is same


def test_split_site_needs_a_site_name():
    assert split_site("Metadata - Material for MkDocs",
                      "https://squidfunk.github.io/mkdocs-material/x") == (
        "Metadata", "Material for MkDocs")
    assert split_site("Cats - Dogs", "https://example.com/x") == ("Cats - Dogs", "")


# -- properties ------------------------------------------------------------------------

_WORDS = st.sampled_from(["Doe", "Jane", "J.", "and", "(2020).", '"Title,"', "Title.", "In",
                          "Journal", "12,", "no.", "3", "(1991):", "1-2.", "See", "参见", "–",
                          "|", "Wikipedia", "https://example.com/a", "[Text](https://x.org/p)",
                          "et al.", ";", "2019,", "June", "pp."])


@given(st.lists(_WORDS, max_size=14).map(" ".join))
def test_written_fields_come_from_the_footnote(text):
    """Title and author are pieces of the footnote; the publisher too, or the URL's host."""
    c = parse_citation(text)
    assert c.raw == text
    for value in (c.title, c.author):
        assert value in text or value.replace(" ", "") in text.replace(" ", "")
    assert c.publisher in text or c.publisher == site_host(c.url)
    if c.date is not None and c.date_precision == "year":
        assert str(c.date.year) in text


@given(st.text(max_size=300))
def test_any_text_parses(text):
    c = parse_citation(text)
    assert c.raw == text


@pytest.mark.parametrize(("text", "title", "publisher"), [
    ("Yup. https://example.com/a", "", "example.com"),
    ("If you want to see what it looks like, see https://github.com/rust-lang/rust/issues/1.",
     "", "github.com"),
    ("Annual Report. Microsoft. https://example.com/x", "Annual Report", "Microsoft"),
])
def test_a_sentence_before_a_url_is_no_title(text, title, publisher):
    c = parse_citation(text)
    assert (c.title, c.publisher) == (title, publisher)
