"""Pandoc citations ``[@key]`` resolved through a front-matter ``bibliography:``.

The citation syntax first (``compat/citations``), then the test root
``test-pandoc`` built to HTML, plain text, LaTeX and a PDF: what a reader
sees, and the warnings an author gets. The files themselves: test_bibfile.py.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from conftest import ROOTS, html, html_tree, needs_tex, run_latexmk, warnings_of
from test_incremental import clean_build, written_docs

from sphinx_newsroom.compat.citations import cited_keys, convert_citations
from sphinx_newsroom.compat.context import Context, Report

# -- the syntax ---------------------------------------------------------------------------

KEYS = frozenset({"smith2020", "doe99", "Pearl:2012", "Foo_bar.baz", "https://x.org/b?c=d",
                  "a", "b"})


def converted(text: str, keys: frozenset[str] = KEYS) -> tuple[str, list[str]]:
    report = Report()
    out = convert_citations(text, report, Context(citation_keys=keys, first_line=10))
    return out, [f"{p.line}: {p.message}" for p in report.problems]


@pytest.mark.parametrize(("written", "expected"), [
    ("[@smith2020].", "({pandoc-cite}`@smith2020`)."),
    ("[@smith2020, p. 33]", "({pandoc-cite}`@smith2020`, p. 33)"),
    # A bare locator gets its comma, a bare suffix does not (Pandoc's rule).
    ("[@smith2020 p. 33]", "({pandoc-cite}`@smith2020`, p. 33)"),
    ("[@smith2020 33]", "({pandoc-cite}`@smith2020`, 33)"),
    ("[@smith2020 and passim]", "({pandoc-cite}`@smith2020` and passim)"),
    ("[see @doe99, pp. 33-35 and *passim*; @smith2020, chap. 1]",
     "(see {pandoc-cite}`@doe99`, pp. 33-35 and *passim*; {pandoc-cite}`@smith2020`, chap. 1)"),
    ("[-@smith2020]", "({pandoc-cite}`-@smith2020`)"),
    ("@smith2020 says", "{pandoc-cite}`+@smith2020` ({pandoc-cite}`-@smith2020`) says"),
    ("@smith2020 [p. 33] says",
     "{pandoc-cite}`+@smith2020` ({pandoc-cite}`-@smith2020`, p. 33) says"),
    ("@doe99 [-@smith2020 p. 30; see also @a] says",
     "{pandoc-cite}`+@doe99` ({pandoc-cite}`-@doe99`; {pandoc-cite}`-@smith2020`, p. 30; "
     "see also {pandoc-cite}`@a`) says"),
    # Trailing punctuation is no part of a key; braces allow any key.
    ("@Foo_bar.baz.", "{pandoc-cite}`+@Foo_bar.baz` ({pandoc-cite}`-@Foo_bar.baz`)."),
    ("(@Pearl:2012 shows)", "({pandoc-cite}`+@Pearl:2012` ({pandoc-cite}`-@Pearl:2012`) shows)"),
    ("[@{https://x.org/b?c=d}, p. 3]", "({pandoc-cite}`@https://x.org/b?c=d`, p. 3)"),
    # Line breaks are kept: later warnings keep their lines.
    ("[@a;\n @b]", "({pandoc-cite}`@a`;\n {pandoc-cite}`@b`)"),
    # A bracket that is no citation group: its in-text citations still count.
    ("[see @a; and others]", "[see {pandoc-cite}`+@a` ({pandoc-cite}`-@a`); and others]"),
])
def test_citations_become_the_role(written, expected):
    assert converted(written) == (expected, [])


@pytest.mark.parametrize("written", [
    "mail me@example.com", "follow @rstudio", "[link @a](https://x.org/@a)",
    "![Figure 2 from @a](fig.png)", "<https://x.org/@a>", "<span title='@a'>x</span>",
    "https://twitter.com/@a", r"text \@a", "[@a](https://x.org)", "[@a][ref]",
    "[@a]{.class}", "see[@a]x@a",
])
def test_what_is_no_citation_is_left_alone(written):
    assert converted(written)[0] == written.replace("see[@a]", "see({pandoc-cite}`@a`)")


def test_nothing_is_converted_without_a_bibliography():
    assert converted("[@smith2020] @smith2020", frozenset()) == ("[@smith2020] @smith2020", [])


def test_a_group_with_an_unknown_key_is_left_as_written_with_a_warning():
    text, problems = converted("One.\nTwo [see @smith2020; @nobody, p. 3] and [@gone].")
    assert text == "One.\nTwo [see @smith2020; @nobody, p. 3] and [@gone]."
    assert problems == [
        "11: citation key 'nobody' is in none of the article's bibliography files; the "
        "citation is shown as written",
        "11: citation key 'gone' is in none of the article's bibliography files; the "
        "citation is shown as written"]
    # An in-text @word that is no key is a handle: no warning.
    assert converted("@nobody says")[1] == []


def test_nocite_keys():
    assert cited_keys("@a, @b; @{x.y.}") == ["a", "b", "x.y."]
    assert cited_keys("@*") == ["*"]
    assert cited_keys("me@example.com @a") == ["a"]


# -- the test root, built ------------------------------------------------------------------

OUTSIDE = "@article{outside, title = {Read From Outside}, year = {2000}}\n"


def build(tmp_path_factory, builder: str, parallel: int = 0):
    """``test-pandoc`` built fresh, with a bibliography file just outside its source folder."""
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp(f"pandoc-{builder}") / "site" / "src"
    shutil.copytree(ROOTS / "test-pandoc", src)
    (src / "posts" / "../../../outside.bib").resolve().write_text(OUTSIDE, "utf-8")
    app = SphinxTestApp(builder, srcdir=src, freshenv=True, parallel=parallel,
                        status=StringIO(), warning=StringIO())
    app.build()
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory, "html")


def warnings_about(app, text: str) -> list[str]:
    """The build's warnings that mention ``text``, their paths from ``posts/`` on."""
    return [re.sub(r"^.*?/src/posts/", "", w) for w in warnings_of(app) if text in w]


def body(app, docname: str):
    return html(app, docname).select_one("div.body")


def markers(page) -> list[tuple[str, str]]:
    return [(a.get_text(), a.get("href", "")) for a in page.select(".news-citation")]


def paragraph_with(page, text: str) -> str:
    found = [" ".join(p.get_text().split()) for p in page.find_all("p") if text in p.get_text()]
    assert found, text
    return found[0]


def test_each_citation_is_an_author_year_link_to_its_entry(site):
    page = body(site, "posts/cites")
    assert markers(page)[:4] == [("Smith 2020a", "#ref-smith2020"),
                                 ("Smith 2020a", "#ref-smith2020"),
                                 ("Smith 2020b", "#ref-smith2020b"),
                                 ("Doe and Roe 2019", "#ref-doe2019")]
    assert paragraph_with(page, "tidy their data") == (
        "Newsrooms tidy their data (Smith 2020a). The method is older (Smith 2020a, p. 33), "
        "and the follow-up says more (Smith 2020b). Two schools disagree (see Doe and Roe "
        "2019; Lee, Kim, and Park 2018, ch. 2) and a third joins (Erdős et al. 2017, 12).")
    assert paragraph_with(page, "wrote the language") == (
        "R Core Team (2021) wrote the language, and Doe and Roe (2019, pp. 4-5) use it. Smith "
        "agrees (2020a). A CSL-JSON source speaks too (de García 2016).")
    # The locator is shown at the citation, outside the link and the entry.
    assert ("Smith 2020a, p. 33", "#ref-smith2020") not in markers(page)
    assert "p. 33" not in page.select_one("#ref-smith2020").get_text()


def test_unknown_keys_stay_as_written_with_a_located_warning(site):
    page = body(site, "posts/cites")
    assert paragraph_with(page, "missing").startswith(
        "This one is missing [@missing], and so is this [@smith2020; @nobody].")
    warnings = [w for w in warnings_of(site) if "cites.md" in w]
    assert len(warnings) == 3, warnings
    assert "cites.md:17: WARNING: citation key 'missing' is in none of the article's " \
        "bibliography files" in warnings[1]
    assert "cites.md:17: WARNING: citation key 'nobody'" in warnings[2]
    assert all(w.endswith("[newsroom.citation]") for w in warnings)
    assert "cites.md:5: WARNING: bibliography ../more.json: item 2 has no id" in warnings[0]


def test_prose_code_and_links_are_no_citations(site):
    page = body(site, "posts/cites")
    assert "Write to me@example.com or to @rstudio;" in paragraph_with(page, "Write to")
    link = page.find("a", string="the @team2021 site")
    assert link["href"] == "https://example.com/@team2021"
    assert page.find("code", string="[@smith2020]") is not None
    assert "[@doe2019] @team2021" in page.select_one("pre").get_text()


def test_entries_join_the_references_after_the_footnotes(site):
    page = body(site, "posts/cites")
    references = page.select_one("section.news-references")
    entries = [(a["id"], " ".join(a.select_one("span.label").get_text().split()),
                " ".join(a.p.get_text().split()).removesuffix(" (in the bibliography)"))
               for a in references.select("aside.footnote")]
    assert entries == [
        ("wire", "[1]", "Rita Reporter, “Chips are down,” Example Wire, June 30, 2025. "
                        "https://example.com/wire/chips-are-down"),
        ("ref-smith2020", "[2]", "Tidy Newsrooms. Journal of Statistical Software. Jane Smith. "
                                 "2020. https://doi.org/10.1234/tidy.2020"),
        ("ref-smith2020b", "[3]", "More Tidy Newsrooms. Journal of Statistical Software. Jane "
                                  "Smith. 2020-09."),
        ("ref-doe2019", "[4]", "Citations in Practice. Example Press. John Doe and Richard Roe. "
                               "2019-03."),
        ("ref-lee2018", "[5]", "Three Authors, One Chapter. The Book of Chapters. Ann Lee and "
                               "Bo Kim and Chan Park. 2018."),
        ("ref-many2017", "[6]", "The Four-Author Problem. Journal of Collaboration. Paul Erdős "
                                "and Ayşe Öztürk and Jan van der Berg and Thi Nguyen. 2017."),
        ("ref-team2021", "[7]", "R: A Language and Environment. R Foundation. R Core Team. "
                                "2021. https://www.r-project.org/"),
        ("ref-csl2016", "[8]", "A CSL-JSON item. Journal of Examples. Ana de García. 2016-05. "
                               "https://example.org/csl2016"),
    ]
    # Each entry links back to its citations, and to the unified bibliography.
    backlinks = [a["href"] for a in references.select("#ref-smith2020 a[role=doc-backlink]")]
    assert len(backlinks) == 3
    assert all(page.find(id=href[1:]).get_text() in ("Smith 2020a", "2020a")
               for href in backlinks)
    assert references.select_one("#ref-smith2020 a.news-source-link")["href"].startswith(
        "../sources.html#source-")


def test_a_work_a_footnote_names_too_is_one_source(site):
    page = body(site, "posts/cites")
    assert ("Reporter 2025", "#wire") in markers(page)
    assert page.find(id="ref-wire2025") is None
    sources = html(site, "sources").select("ol.news-bibliography > li")
    chips = [li for li in sources if "Chips are down" in li.get_text()]
    assert len(chips) == 1
    assert [a["href"] for a in chips[0].select("p.news-cited-by a")] == ["posts/cites.html#wire"]


def test_entries_join_the_unified_bibliography(site):
    sources = html(site, "sources").select("ol.news-bibliography > li")
    tidy = next(li for li in sources if "Tidy Newsrooms" in li.get_text())
    assert " ".join(tidy.p.get_text().split()) == (
        "Tidy Newsrooms. Journal of Statistical Software. Jane Smith. 2020. "
        "https://doi.org/10.1234/tidy.2020")
    # An article that lists no entries is linked at its citation.
    marker = body(site, "posts/suppressed").select_one(".news-citation")["id"]
    assert [(a.get_text(), a["href"]) for a in tidy.select("p.news-cited-by a")] == [
        ("Every form of citation", "posts/cites.html#ref-smith2020"),
        ("A suppressed bibliography", f"posts/suppressed.html#{marker}")]
    # Year-only dates stay year-only in the downloads too.
    exported = (Path(site.outdir) / "_newsroom/sources.bib").read_text("utf-8")
    assert "title = {Tidy Newsrooms}" in exported and "date = {2020}," in exported


def test_a_new_references_section_and_nocite(site):
    page = body(site, "posts/no-section")
    section = page.select_one("section.news-references")
    assert section.h2.get_text().rstrip("¶") == "Works cited"
    ids = [a["id"] for a in section.select("aside.footnote")]
    assert ids == ["ref-doe2019", "ref-unsafe2024", "ref-lee2018"]
    # Listed by nocite: an entry no citation links to.
    assert section.select_one("#ref-lee2018 a[role=doc-backlink]") is None
    assert page.find("a", href="#ref-lee2018") is None


def test_nothing_unescaped_reaches_the_page(site):
    page = html(site, "posts/no-section")
    assert page.select("div.body script") == []
    entry = page.select_one("#ref-unsafe2024")
    assert "<script>alert(“x”)</script> Markup in a title" in entry.get_text()
    assert not [a for a in page.find_all("a", href=True) if "javascript" in a["href"]]
    warnings = warnings_about(site, "no-section.md")
    # Said by the article citing the entry, not by every article of the file.
    assert warnings == ["no-section.md:9: WARNING: bibliography entry 'unsafe2024': its URL "
                        "'javascript:alert(1)' is not http(s); not linked [newsroom.citation]"]


def test_bibliography_files_that_cannot_be_read(site):
    warnings = warnings_about(site, "problems.md")
    assert warnings == [
        "problems.md:4: WARNING: bibliography ../broken.bib:9: syntax error: premature end "
        "of file [newsroom.citation]",
        "problems.md:4: WARNING: bibliography 'missing.bib' not found [newsroom.citation]",
        "problems.md:4: WARNING: bibliography '../../../outside.bib' is outside the source "
        "folder; not read [newsroom.citation]",
        "problems.md:4: WARNING: bibliography 'https://example.com/refs.bib' is a URL; not "
        "fetched: name a file in the source folder [newsroom.citation]",
        "problems.md:4: WARNING: bibliography '../refs.ris' is neither BibTeX (.bib) nor "
        "CSL-JSON (.json); not read [newsroom.citation]",
        "problems.md:15: WARNING: citation key 'outside' is in none of the article's "
        "bibliography files; the citation is shown as written [newsroom.citation]",
        "problems.md:11: WARNING: nocite key 'absent' is in none of the article's "
        "bibliography files [newsroom.citation]",
        "problems.md:10: WARNING: csl: the style file is not applied: citations are shown "
        "author–year, Pandoc's default, and entries in newsroom_citation_style, like every "
        "source of the site [newsroom.citation]",
    ]
    page = body(site, "posts/problems")
    assert paragraph_with(page, "readable entry") == (
        "The readable entry is cited (Fine 2010); the file outside the source folder is not "
        "read [@outside].")
    assert "Read From Outside" not in html(site, "sources").get_text()


def test_a_suppressed_bibliography_lists_nothing_in_the_article(site):
    page = body(site, "posts/suppressed")
    assert paragraph_with(page, "Cited").startswith("Cited but not listed here (Smith 2020).")
    assert page.select_one("section.news-references") is None
    marker = page.select_one(".news-citation")
    assert marker.name == "span" and marker["id"] and marker.get_text() == "Smith 2020"


def test_a_collision_names_the_citation_as_written(site):
    collisions = warnings_about(site, "share the key")
    assert collisions == [
        "suppressed.md:11: WARNING: footnote [^r] and [@team2021] of posts/cites share the key "
        "'url:r-project.org' but differ: 'The R Project' vs 'R: A Language and Environment' "
        "[newsroom.citation]"]


def test_an_article_without_bibliography_is_left_alone(site):
    page = body(site, "posts/plain")
    assert "Without a bibliography [@smith2020] is someone else" in page.get_text()
    assert not [w for w in warnings_of(site) if "plain.md" in w]


@pytest.fixture(scope="module")
def text_site(tmp_path_factory):
    return build(tmp_path_factory, "text")


def test_plain_text_shows_the_citations_and_entries(text_site):
    text = (Path(text_site.outdir) / "posts/cites.txt").read_text("utf-8")
    flat = " ".join(text.split())
    assert "(see Doe and Roe 2019; Lee, Kim, and Park 2018, ch. 2)" in flat
    assert "R Core Team (2021) wrote the language" in flat
    assert "[2] *Tidy Newsrooms*. Journal of Statistical Software. Jane Smith. 2020." in flat


@pytest.fixture(scope="module")
def latex_site(tmp_path_factory):
    return build(tmp_path_factory, "latex")


def test_latex_links_each_citation_to_its_endnote(latex_site):
    tex = (Path(latex_site.outdir) / "pandoc.tex").read_text("utf-8")
    assert r"(\phantomsection\label{\detokenize{posts/cites:id2}}{\hyperref[" \
        r"\detokenize{posts/cites:ref-smith2020}]{\sphinxcrossref{Smith 2020a}}}). " in tex
    assert r"\phantomsection\label{\detokenize{posts/cites:ref-smith2020}}" \
        r"\sphinxstylestrong{{[}2{]}} \sphinxstyleemphasis{Tidy Newsrooms}. Journal of " \
        r"Statistical Software. Jane Smith. 2020." in tex
    assert r"\section{Works cited}" in tex


@pytest.mark.pdf
@needs_tex
def test_the_pdf_shows_citations_and_entries(latex_site):
    outdir = Path(latex_site.outdir)
    run = run_latexmk(outdir, "pandoc.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(outdir / "pandoc.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Newsrooms tidy their data (Smith 2020a). The method is older (Smith 2020a, p. 33)" \
        in flat
    assert "(Erdős et al. 2017, 12)" in flat
    assert "[2] Tidy Newsrooms. Journal of Statistical Software. Jane Smith. 2020." in flat


def newsroom_warnings(app) -> list[str]:
    return sorted(re.sub(r"^.*/src/", "", w) for w in warnings_of(app) if "[newsroom." in w)


def test_parallel_equals_serial(tmp_path_factory, site):
    parallel = build(tmp_path_factory, "html", parallel=2)
    assert html_tree(parallel.outdir) == html_tree(site.outdir)
    assert newsroom_warnings(parallel) == newsroom_warnings(site)


def test_editing_the_bib_file_rereads_the_articles_that_use_it(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-pandoc", src)
    make_app("html", srcdir=src).build()
    bib = src / "refs.bib"
    bib.write_text(bib.read_text("utf-8").replace("title   = {Tidy {Newsrooms}}",
                                                  "title   = {Tidier Newsrooms}"), "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert {"posts/cites", "posts/no-section", "posts/suppressed"} <= written_docs(app)
    page = body(app, "posts/cites")
    assert "Tidier Newsrooms" in page.select_one("#ref-smith2020").get_text()
    expected = html_tree(clean_build(make_app, src, tmp_path).outdir)
    assert html_tree(app.outdir) == expected

