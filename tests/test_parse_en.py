"""English and URL footnotes: one test per form of docs/how-citations-are-read.md."""

from __future__ import annotations

import datetime

import pytest
from conftest import cited
from hypothesis import given
from hypothesis import strategies as st

from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.model import Citation, issued_text
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


# -- forms added with the pointer rule (real footnotes of tests/citations/gold.json) ----------

@pytest.mark.parametrize(("text", "expected"), [
    # A sentence that points to its one link: the link's document (rustblog-056, -001).
    ("See the [QNX target documentation](https://doc.rust-lang.org/beta/rustc/platform-support/"
     "nto-qnx.html) for current status.",
     ("QNX target documentation", "doc.rust-lang.org", "", "",
      "https://doc.rust-lang.org/beta/rustc/platform-support/nto-qnx.html")),
    ("The [1.52.1 release notes](https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html) contain "
     "a more detailed description of these events.",
     ("1.52.1 release notes", "blog.rust-lang.org", "", "",
      "https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html")),
    # A link text that describes the document titles nothing (rustblog-006, -026, -054).
    ("List of stabilized ABIs can be found in [the stabilization report](https://github.com/"
     "rust-lang/rust/issues/74990#issuecomment-1363473645)",
     ("", "github.com", "", "",
      "https://github.com/rust-lang/rust/issues/74990#issuecomment-1363473645")),
    ("Source code for generating the table rows is at this [gist](https://gist.github.com/"
     "pnkfelix/dc4b6875dd31fbf4e0864d8b7dba8dc6)",
     ("", "gist.github.com", "", "",
      "https://gist.github.com/pnkfelix/dc4b6875dd31fbf4e0864d8b7dba8dc6")),
    ("If you're curious about how rigor scales with cost in ISO 26262, [this Feabhas guide]"
     "(https://www.feabhas.com/guide.pdf) gives a good high-level overview.",
     ("", "feabhas.com", "", "", "https://www.feabhas.com/guide.pdf")),
    # A possessive before the link names its author (rustblog-045).
    ("Much of this is adapted from jyn's excellent blog post [Why is Rust's build system uniquely "
     "hard to use?](https://jyn.dev/bootstrapping-rust-in-2023/).",
     ("Why is Rust's build system uniquely hard to use?", "jyn.dev", "jyn", "",
      "https://jyn.dev/bootstrapping-rust-in-2023/")),
    # "Quote from <url>: "…"": the quotation is no title (rustblog-032).
    ('Quote from https://yaah.dev/getting-involved: "What happened at the Google meetup you '
     'ask?"', ("", "yaah.dev", "", "", "https://yaah.dev/getting-involved")),
    # Chinese pointers (oiwiki-052, -289).
    ("[这篇博文](https://www.cnblogs.com/zhenbianshu/p/8185345.html) 提供了详细的描述．",
     ("", "cnblogs.com", "", "", "https://www.cnblogs.com/zhenbianshu/p/8185345.html")),
    ("源代码托管于 [Github](https://github.com/royqh1979/Dev-Cpp)",
     ("", "Github", "", "", "https://github.com/royqh1979/Dev-Cpp")),
    # An APA reference as the link text of a Chinese sentence (oiwiki-140).
    ("比如，[Hansen, T., & Mullen, G. L. (1992). Primitive polynomials over finite fields. "
     "Mathematics of computation, 59(200), 639-643](https://www.ams.org/x.pdf) "
     "的附录就提供了这样的列表．",
     ("Primitive polynomials over finite fields", "Mathematics of computation",
      "Hansen, T., & Mullen, G. L", "1992", "https://www.ams.org/x.pdf")),
])
def test_a_sentence_pointing_to_one_link(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The link text is the site's name, on a page of that site (rustblog-035, oiwiki-040).
    ("See the docs on the [Forge](https://forge.rust-lang.org/triagebot/range-diff.html).",
     ("", "Forge", "", "", "https://forge.rust-lang.org/triagebot/range-diff.html")),
    ("表格来自于 [Wikipedia](https://en.wikipedia.org/wiki/Priority_queue#Summary_of_running_times)",
     ("", "Wikipedia", "", "", "https://en.wikipedia.org/wiki/Priority_queue#Summary_of_running_times")),
    # On the home page the name titles the page (oiwiki-310).
    ("[TortoiseGit](https://tortoisegit.org/)", ("TortoiseGit", "tortoisegit.org", "", "",
                                                 "https://tortoisegit.org/")),
    # "talk by A and B": no title, two authors (rustblog-017).
    ("See related [talk by Antonio Piraino and Oli Scherer](https://youtu.be/LrcTWBYJAyg).",
     ("", "youtu.be", "Antonio Piraino and Oli Scherer", "", "https://youtu.be/LrcTWBYJAyg")),
    # Names, then the title, in the link text (oiwiki-253).
    ("[Anna Gambin and Adam Malinowski, Randomized Meldable Priority Queues](https://www."
     "researchgate.net/publication/2801527)",
     ("Randomized Meldable Priority Queues", "researchgate.net", "Anna Gambin and Adam Malinowski",
      "", "https://www.researchgate.net/publication/2801527")),
    # Title, author, date and site in the link text (oiwiki-322).
    ("[Run Bash on Ubuntu on Windows, Mike Harsh, 2016-05-30, Windows Blog](https://blogs.windows"
     ".com/buildingapps/2016/03/30/run-bash-on-ubuntu-on-windows/)",
     ("Run Bash on Ubuntu on Windows", "Windows Blog", "Mike Harsh", "2016-05-30",
      "https://blogs.windows.com/buildingapps/2016/03/30/run-bash-on-ubuntu-on-windows/")),
    # A language note before the title is no part of it (oiwiki-002).
    ("[（英文）Bucket sort - Wikipedia](https://en.wikipedia.org/wiki/Bucket_sort)",
     ("Bucket sort", "Wikipedia", "", "", "https://en.wikipedia.org/wiki/Bucket_sort")),
])
def test_link_texts_that_carry_fields(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # IEEE without quotation marks; the venue holds a comma (oiwiki-223).
    ("S. Müller, On the computation of square roots in finite fields, Design, Codes and "
     "Cryptography, Vol.31, pp. 301-312, 2004.",
     ("On the computation of square roots in finite fields", "Design, Codes and Cryptography",
      "S. Müller", "2004", "")),
    # APA with a Chinese lead-in and locator; "J.S." is a name (oiwiki-148).
    ("参见 Milne, J.S. (2021) Group Theory 第 25 页．",
     ("Group Theory", "", "Milne, J.S", "2021", "")),
    # English GB/T 7714 conference paper: the container follows "[C]//" (oiwiki-068).
    ("Cherkassky B V, Goldberg A V. On implementing push-relabel method for the maximum flow "
     "problem[C]//International Conference on Integer Programming and Combinatorial Optimization. "
     "Springer, Berlin, Heidelberg, 1995: 157-171.",
     ("On implementing push-relabel method for the maximum flow problem",
      "International Conference on Integer Programming and Combinatorial Optimization",
      "Cherkassky B V, Goldberg A V", "1995", "")),
    # A reference with "Available at" and a URL credits the URL's site (oiwiki-225).
    ("Alin Bostan, Ryuhei Mori. A Simple and Fast Algorithm for Computing the N-th Term of a "
     "Linearly Recurrent Sequence. Available at https://arxiv.org/abs/2008.08822.",
     ("A Simple and Fast Algorithm for Computing the N-th Term of a Linearly Recurrent Sequence",
      "arxiv.org", "Alin Bostan, Ryuhei Mori", "", "https://arxiv.org/abs/2008.08822")),
])
def test_more_academic_forms(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("author", "names"), [
    # Chicago: the first name inverted, then "and" (oiwiki-079, -267).
    ("De Fraysseix, Hubert, Patrice Ossona De Mendez, and Pierre Rosenstiehl",
     ["De Fraysseix, Hubert", "Patrice Ossona De Mendez", "Pierre Rosenstiehl"]),
    ("Knuth, Donald E., James H. Morris, Jr, and Vaughan R. Pratt",
     ["Knuth, Donald E.", "James H. Morris, Jr", "Vaughan R. Pratt"]),
    # APA: family name, initials (oiwiki-158).
    ("Cameron, P. J., Solomon, R., & Turull, A.", ["Cameron, P. J.", "Solomon, R.", "Turull, A."]),
    # GB/T 7714 (oiwiki-068), IEEE, one inverted name, Chinese lists.
    ("Cherkassky B V, Goldberg A V, et al", ["Cherkassky B V", "Goldberg A V"]),
    ("Thomas H. Cormen, Charles E. Leiserson", ["Thomas H. Cormen", "Charles E. Leiserson"]),
    ("Cormen, Thomas H.", ["Cormen, Thomas H."]),
    ("PINCH, Richard GE", ["PINCH, Richard GE"]),
    ("田文成、周禄新", ["田文成", "周禄新"]),
    ("张三, 李四等", ["张三", "李四"]),
])
def test_author_lists_are_read_name_by_name(author, names):
    assert list(Citation(raw=author, author=author).authors) == names


@pytest.mark.parametrize(("text", "expected"), [
    # Who wrote the linked page, after it: the authors; the site stays the publisher.
    ("[Tough Cookies](https://scotthelme.co.uk/tough-cookies/), Scott Helme",
     ("Tough Cookies", "scotthelme.co.uk", "Scott Helme", "", "https://scotthelme.co.uk/tough-cookies/")),
    # "by" a site: its publisher, no author.
    ("[HTTP cookies](https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies), by MDN",
     ("HTTP cookies", "MDN", "", "", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies")),
    # An organisation before the link that names its site: the publisher.
    ("Mozilla Developer Network, [window.setTimeout](https://developer.mozilla.org/en-US/docs/Web/API/window.setTimeout)",
     ("window.setTimeout", "Mozilla Developer Network", "", "",
      "https://developer.mozilla.org/en-US/docs/Web/API/window.setTimeout")),
    # A person before it stays the author.
    ("Mikito Takada, [7. Control flow, Mixu's Node book](http://book.mixu.net/node/ch7.html)",
     ("7. Control flow", "Mixu's Node book", "Mikito Takada", "", "http://book.mixu.net/node/ch7.html")),
    # Words after the link that are neither names nor the site are no credit.
    ("[Tough Cookies](https://scotthelme.co.uk/tough-cookies/), see below",
     ("Tough Cookies", "scotthelme.co.uk", "", "", "https://scotthelme.co.uk/tough-cookies/")),
])
def test_credits_around_a_link(text, expected):
    assert fields(text) == expected


def test_a_site_after_a_comma_in_a_link_text_needs_to_name_the_site():
    assert split_site("Title, Mixu's Node book", "http://book.mixu.net/x") == (
        "Title", "Mixu's Node book")
    assert split_site("Sorting, Searching", "http://book.mixu.net/x") == ("Sorting, Searching", "")



@pytest.mark.parametrize(("text", "expected"), [
    # Chicago author-date: the year between the names and the title.
    ("Wickham, Hadley. 2016. “Programming with Ggplot2.” In Ggplot2: Elegant Graphics for "
     "Data Analysis, 241–53. Cham: Springer International Publishing.",
     ("Programming with Ggplot2", "Ggplot2: Elegant Graphics for Data Analysis",
      ("Wickham, Hadley",), "2016", "")),
    ("Doe, Jane, and John Roe. 2011. The Book of Things. Boston, MA: Some Press.",
     ("The Book of Things", "Some Press", ("Doe, Jane", "John Roe"), "2011", "")),
    # Names that end in an initial, and a URL after the reference.
    ("Roe, J. P., Doe, A. 2009. A study of things: the case of stuff. Journal of Things, "
     "20(4), 547-564. https://doi.org/10.1287/x.1",
     ("A study of things: the case of stuff", "Journal of Things", ("Roe, J. P.", "Doe, A"),
      "2009", "https://doi.org/10.1287/x.1")),
    # Bluebook and the legal manuals: names first-name first, then commas.
    ("Charles A. Reich, The New Property, 73 Yale Law Journal 733, 737-738 (1964).",
     ("The New Property", "Yale Law Journal", ("Charles A. Reich",), "1964", "")),
    ("Stephen McDonell, When China Began Streaming Trials Online, BBC News (30 September 2016), "
     "https://www.bbc.com/news/blogs-china-blog-37515399.",
     ("When China Began Streaming Trials Online", "BBC News", ("Stephen McDonell",),
      "2016-09-30", "https://www.bbc.com/news/blogs-china-blog-37515399")),
    ("Peter Brooks, Troubling Confessions: Speaking Guilt in Law and Literature, Chicago: "
     "University of Chicago Press, 2000.",
     ("Troubling Confessions: Speaking Guilt in Law and Literature", "University of Chicago Press",
      ("Peter Brooks",), "2000", "")),
])
def test_author_date_and_legal_references(text, expected):
    assert cited(text) == expected


def test_a_sentence_with_commas_and_a_year_is_no_legal_reference():
    text = "Thanks, see the notes, which follow (2016)."
    assert parse_citation(text).title == text


@pytest.mark.parametrize(("text", "expected"), [
    # A reference list's label before the link describes it; the link gives the fields.
    ("knative 官方文档：[GitHub - knative/docs: Documentation for users of Knative components]"
     "(https://github.com/knative/docs)",
     ("knative/docs: Documentation for users of Knative components", "GitHub", (), "",
      "https://github.com/knative/docs")),
    # A note after it, too; a publication date the note gives is the document's.
    ("[Traffic Director & Envoy-Based L7 ILB](https://www.youtube.com/watch?v=FUITCYMCEhU): "
     "Google 在 Cloud Next ‘19 大会上的主题演讲，发表时间 2019-04-10"
     "（本文的很多图片摘录自这个演讲的ppt）",
     ("Traffic Director & Envoy-Based L7 ILB", "youtube.com", (), "2019-04-10",
      "https://www.youtube.com/watch?v=FUITCYMCEhU")),
    ("[community/resource-qos.md at master · kubernetes/community · GitHub]"
     "(https://github.com/kubernetes/community/blob/master/resource-qos.md)：QoS 设计文档",
     ("community/resource-qos.md at master · kubernetes/community", "GitHub", (), "",
      "https://github.com/kubernetes/community/blob/master/resource-qos.md")),
])
def test_annotated_links_of_reference_lists(text, expected):
    assert cited(text) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # A site named by its domain after the title, though the copy lives elsewhere.
    ("[The obstacles to put Istio into production - kubernetes.io]"
     "(https://zhaohuabing.com/post/2018-12-27-istio/)",
     ("The obstacles to put Istio into production", "kubernetes.io", (), "",
      "https://zhaohuabing.com/post/2018-12-27-istio/")),
    # An organisation that names the site before a colon.
    ("[Google Cloud Platform Blog: Bringing the best of serverless to you]"
     "(https://cloudplatform.googleblog.com/2018/07/serverless.html)",
     ("Bringing the best of serverless to you", "Google Cloud Platform Blog", (), "",
      "https://cloudplatform.googleblog.com/2018/07/serverless.html")),
    # A title with a colon stays whole.
    ("[Rust: A Language for Systems](https://www.rust-lang.org/talk)",
     ("Rust: A Language for Systems", "rust-lang.org", (), "", "https://www.rust-lang.org/talk")),
    # Someone's keynote: the author, and no title.
    ("If you haven't heard of it yet, watch [Hannes Mühleisen's keynote at posit::conf(2024)]"
     "(https://www.youtube.com/watch?v=GELhdezYmP0).",
     ("", "youtube.com", ("Hannes Mühleisen",), "", "https://www.youtube.com/watch?v=GELhdezYmP0")),
])
def test_sites_and_owners_in_link_texts(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(("text", "title"), [
    # The link text names the package the sentence points to.
    ("See the [tidyclust](https://tidyclust.tidymodels.org) package for unsupervised learning!",
     "tidyclust"),
    # A lowercase description is still no title.
    ("See the [release notes](https://blog.rust-lang.org/x) for details.", ""),
])
def test_a_named_package_is_a_title(text, title):
    assert parse_citation(text).title == title


# -- reference lists written as footnotes (issue 16, the forms fresh2 showed) --------

@pytest.mark.parametrize(("text", "expected"), [
    # HTML italics around the venue are no part of it.
    ("Doe, J., Roe, R. 2011. Ledgers of the sea. <i>Journal of Tides</i>, 3(2), 10-20. "
     "https://doi.org/10.1000/tides.3",
     ("Ledgers of the sea", "Journal of Tides", "Doe, J., Roe, R", "2011",
      "https://doi.org/10.1000/tides.3")),
    ("Doe, J. (2012). Salt and iron. <em>Annals of Rust</em>, 4(1), 1-9.",
     ("Salt and iron", "Annals of Rust", "Doe, J", "2012", "")),
    # Italics after the year are a book's title, whatever full stops they hold; the
    # imprint follows, and an ISBN is none of it.
    ("Doe, J. L. 2013. <i>Tides of the north: A history. Second part.</i> Harbour Press, "
     "Bergen, NO. ISBN: 9780262250863",
     ("Tides of the north: A history. Second part", "Harbour Press", "Doe, J. L", "2013", "")),
    ("Roe, R. P. (2014). <i>The long interview</i>. Springfield, IL: Lantern Press. "
     "ISBN: 0030444969",
     ("The long interview", "Lantern Press", "Roe, R. P", "2014", "")),
    # Chicago author-date: an organisation before the year is the publisher; one name
    # alone is an author; "Accessed March 14" without its year is no accessed date.
    ("Wikipedia. 2019a. \u201cTide Tables.\u201d Accessed May 2. "
     "https://en.wikipedia.org/wiki/Tide_table.",
     ("Tide Tables", "Wikipedia", "", "2019", "https://en.wikipedia.org/wiki/Tide_table")),
    ("Harbour Foundation. 2019. \u201cTide Formats.\u201d Accessed May 2. "
     "https://tides.example.org/formats.html.",
     ("Tide Formats", "Harbour Foundation", "", "2019",
      "https://tides.example.org/formats.html")),
    ("Harbourmaster. 2016. \u201cOver 200 Tides Logged!\u201d "
     "https://blog.example.org/2016/tides/.",
     ("Over 200 Tides Logged!", "blog.example.org", "Harbourmaster", "2016",
      "https://blog.example.org/2016/tides/")),
    # A person whose family name is an organisation's word is still a person.
    ("Press, William H. 2007. \u201cNumerical Tides.\u201d Journal of Tides 3 (1): 1\u20139.",
     ("Numerical Tides", "Journal of Tides", "Press, William H", "2007", "")),
    ("Press, W. H. (2007). Numerical tides. Journal of Tides, 3(1), 1-9.",
     ("Numerical tides", "Journal of Tides", "Press, W. H", "2007", "")),
    # The year after the names is the date, whatever month a name begins with.
    ("Mayer, Julia. 2018. \u201cTides.\u201d Accessed March 14. https://tides.example.org/.",
     ("Tides", "tides.example.org", "Mayer, Julia", "2018", "https://tides.example.org/")),
    # APA with an organisation's acronym in the author's place.
    ("NOAA (2018) Tide gauges - Delayed mode data, https://data.example.org/tides",
     ("Tide gauges - Delayed mode data", "NOAA", "", "2018", "https://data.example.org/tides")),
    # Names that begin with a lowercase particle begin a reference all the same.
    ("van Dam, Jan, and Ana K. Roe. 2013. \u201cTides of the North.\u201d Journal of Tides "
     "19 (12): 3822\u201334. https://doi.org/10.1000/tides.19.",
     ("Tides of the North", "Journal of Tides", "van Dam, Jan, and Ana K. Roe", "2013",
      "https://doi.org/10.1000/tides.19")),
    # A software or data version is no venue.
    ("Roe, Ana. 2019. \u201ctides: Tide Tables from R\u201d. R package version 1.1.1, "
     "https://docs.example.org/tides/.",
     ("tides: Tide Tables from R", "docs.example.org", "Roe, Ana", "2019",
      "https://docs.example.org/tides/")),
    ("Roe, Ana, and Jan van Dam. 2018. \u201cTide Methodology\u201d, Data Version 8.0.1. "
     "NOAA. https://tides.example.org/method.pdf.",
     ("Tide Methodology", "NOAA", "Roe, Ana, and Jan van Dam", "2018",
      "https://tides.example.org/method.pdf")),
    # Elsevier's names end in a comma before the year; some lists leave out the full
    # stop after the year; APA elides the middle names with "...".
    ("Doe, J.L., Roe, R., Ma, S., 2010. Mapping the tides: A common model. Mar. Sci. 35, "
     "551\u2013563. https://doi.org/10.1000/ms.35",
     ("Mapping the tides: A common model", "Mar. Sci.", "Doe, J.L., Roe, R., Ma, S", "2010",
      "https://doi.org/10.1000/ms.35")),
    ("Doe, J., Roe, R., Ma, S. 2010 Tidal infrastructures: The missing agenda. Journal of "
     "Tides, 21(4), 748-759.",
     ("Tidal infrastructures: The missing agenda", "Journal of Tides", "Doe, J., Roe, R., Ma, S",
      "2010", "")),
    ("Doe, J., Roe, R. T., ... & Ma, S. (2014). Best practices for tides. Tide Biology, 12(1), "
     "e1001745.",
     ("Best practices for tides", "Tide Biology", "Doe, J., Roe, R. T., ... & Ma, S", "2014", "")),
    # What a reference is cited for ("Figure 5.") is no part of it; Vancouver's names.
    ("Figure 2. Doe JL, Roe R, Ma S. (2014). Mapping the tides. Tides, 8(3), e04395. "
     "https://doi.org/10.1000/tides.8",
     ("Mapping the tides", "Tides", "Doe JL, Roe R, Ma S", "2014",
      "https://doi.org/10.1000/tides.8")),
    # APA's names alone make a reference without a year.
    ("Doe, J., Roe, R., ... & Ma, S. TideCleaner: Standardized cleaning of tide records. "
     "Methods in Tides. https://doi.org/10.1000/tc.1",
     ("TideCleaner: Standardized cleaning of tide records", "Methods in Tides",
      "Doe, J., Roe, R., ... & Ma, S", "", "https://doi.org/10.1000/tc.1")),
    # A participle that only says where is a lead-in, no publisher.
    ("Noted [here](https://forum.example.org/t/derive/6).",
     ("", "forum.example.org", "", "", "https://forum.example.org/t/derive/6")),
])
def test_reference_list_items(text, expected):
    assert fields(text) == expected


def test_elided_names_are_no_name():
    assert parse_citation("Doe, J., Roe, R. T., ... & Ma, S. (2014). Best practices for tides. "
                          "Tide Biology, 12(1), e1001745.").authors == ("Doe, J.", "Roe, R. T.",
                                                                         "Ma, S")


@pytest.mark.timing
@pytest.mark.parametrize("text", [
    " " * 1990, "Roe, J. " * 240 + "2009. <i>T", "a: " * 660 + "[a](https://x.org/)",
    "[a](https://x.org/), " + "Ab " * 600,
    "Ab Cd, " * 280 + "(2016)", "Roe, J. " * 240 + "2009. T.", "A's talk " * 220,
    "Ab, " + "Cd " * 600 + ", (" * 100, "Roe, J., " * 220 + "x. T",
    "Ab, C. 2019. \u201cT\u201d." + " " * 1900 + "x",
])
def test_the_english_shapes_are_fast_on_hostile_input(text: str) -> None:
    import time

    start = time.process_time()
    parse_citation(text)
    assert time.process_time() - start < 0.5
