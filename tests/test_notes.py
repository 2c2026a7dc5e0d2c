"""Notes are not sources, in a built site: pages, bibliography, exports and the PDF.

The root ``test-notes`` holds real footnotes (tests/corpus and the corpus
repositories): sources, explanatory notes, notes that link to documents,
footnotes declared with ``footnote-kind``, an article whose front matter
makes every footnote a source, and Chinese sources whose URLs share an
ASCII prefix.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOTS, build_root, html, html_tree, needs_tex, run_latexmk, warnings_of


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = build_root(tmp_path_factory, "notes", "html")
    yield app
    app.cleanup()


@pytest.fixture(scope="module")
def latex(tmp_path_factory):
    app = build_root(tmp_path_factory, "notes", "latex")
    yield app, (Path(app.outdir) / "notes.tex").read_text("utf-8")
    app.cleanup()


def entries(app) -> list:
    return html(app, "sources").select("ol.news-bibliography > li")


def entry_texts(app) -> list[str]:
    return [" ".join(li.select_one("p.news-source").get_text().split()) for li in entries(app)]


def test_notes_stay_footnotes_before_the_references_section(site):
    page = html(site, "articles/mixed")
    references = page.select_one("section.news-references")
    # "The data used in this post are available [here](…)." points to one document: a source.
    assert [f["id"] for f in references.select("aside.footnote")] == [
        "force11", "nystrom", "data", "meeker", "listed"]
    notes = page.select("aside.footnote.news-note")
    assert [n.select_one(".label").get_text().strip("[]") for n in notes] == [
        "2", "5", "6", "7", "8", "10"]
    assert not references.select("aside.news-note")
    # The notes follow the text, ahead of the references heading.
    assert all(n.find_next("section") is references for n in notes)
    assert all(not n.select(".news-source-backlink") for n in notes)
    assert all(f.select(".news-source-backlink") for f in references.select("aside.footnote"))
    # Their Markdown renders in the footnote, as MyST wrote it.
    depends = page.select_one("aside#depends")
    assert depends.em.get_text() == "may"
    assert depends.select_one("a.reference.external code").get_text() == "Depends"
    # The role that declared a footnote leaves no trace in its text.
    assert page.select_one("aside#talk p").get_text().startswith("See related talk")
    assert "footnote-kind" not in page.get_text()


def test_the_bibliography_lists_sources_and_the_documents_notes_link_to(site):
    texts = entry_texts(site)
    assert texts == [
        # An APA-like reference, read into its fields; its DOI link is its URL.
        "Software Citation Principles. PeerJ Computer Science. Smith AM, Katz DS, Niemeyer KE, "
        "FORCE11 Software Citation Working Group. 2016. https://doi.org/10.7717/peerj-cs.86",
        # No site named: the URL's host is credited.
        "What Color is Your Function? journal.stuffwithstuff.com. R. Nystrom. 2015-02-01. "
        "https://journal.stuffwithstuff.com/2015/02/01/what-color-is-your-function/ "
        "(accessed 2022-04-06).",
        "github.com. https://github.com/bldavies/eolc-bill/",
        "this Numberphile video. youtube.com. "
        "https://www.youtube.com/watch?v=6_yU9eJ0NxA&t=28m7s",
        "tidyverse package Depends field. github.com. https://github.com/tidyverse/tidyverse/"
        "blob/aeabcde8c6ae435f16b5173682d5667d292829fb/DESCRIPTION#LL17-L18",
        "Term used in Heather J. Meeker's The Open Source Alternative: Understanding Risks and "
        "Leveraging Opportunities, 2008.",
        "github.com. https://github.com/rust-lang/team/pull/671",
        "github.com. https://github.com/llvm/llvm-project/issues/20283",
        "bugs.llvm.org. https://bugs.llvm.org/show_bug.cgi?id=50198",
        "北京. 维基百科. https://zh.wikipedia.org/wiki/北京 (检索日期 2025-07-02).",
        "北京市. 维基百科. https://zh.wikipedia.org/wiki/北京市 (检索日期 2025-07-02).",
        "北京大学. 维基百科. https://zh.wikipedia.org/wiki/北京大学 (检索日期 2025-07-02).",
        "Thanks to Bing Liu for pointing this out.",
        "The <b> & &amp; entities of HTML. Example Weekly. 2025-07-01.",
    ]
    # No note, and no home page or profile a note links to, is a source.
    page = html(site, "sources").select_one("ol.news-bibliography")
    for note in ("This overlap", "Google Analytics", "Grant Sanderson", "See related"):
        assert note not in page.get_text()
    hrefs = {a["href"] for a in page.select("a.reference.external")}
    assert not {h for h in hrefs if "3blue1brown" in h or "twitter.com" in h or "youtu.be" in h}
    # A linked document is cited by the note that links to it.
    video = entries(site)[3].select_one("p.news-cited-by a")
    assert video["href"] == "articles/mixed.html#numberphile"


def test_markdown_in_a_footnote_renders_in_its_entry_escaped(site):
    force11, _nystrom, _data, _video, depends = entries(site)[:5]
    source = force11.select_one("p.news-source")
    # The footnote's own emphasis of the journal is kept in its field.
    assert "PeerJ Computer Science" in [em.get_text() for em in source.select("em")]
    assert source.a["href"] == "https://doi.org/10.7717/peerj-cs.86"
    assert "](" not in source.get_text() and "_PeerJ" not in source.get_text()
    assert [c.get_text() for c in depends.select("p.news-source em code")] == ["Depends"]
    markup = entries(site)[-1].select_one("p.news-source")
    assert [c.get_text() for c in markup.select("code")] == ["<b>", "&amp;"]
    assert markup.select("em")[-1].get_text() == "HTML" and not markup.select("b")
    raw = (Path(site.outdir) / "sources.html").read_text("utf-8")
    assert "&lt;b&gt;" in raw and "&amp;amp;" in raw


def test_urls_with_chinese_characters_are_kept_whole(site):
    beijing = entries(site)[9:12]
    links = [li.select_one("a.news-source-url") for li in beijing]
    assert [a.get_text() for a in links] == [
        "https://zh.wikipedia.org/wiki/北京", "https://zh.wikipedia.org/wiki/北京市",
        "https://zh.wikipedia.org/wiki/北京大学"]
    assert [a["href"] for a in links] == [
        "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC",
        "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC%E5%B8%82",
        "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6"]
    # Footnote 4 spells the first URL percent-encoded: the same source, linked to it.
    article = html(site, "articles/beijing")
    backlinks = [a["href"].split("#")[1] for a in article.select("a.news-source-link")]
    assert len(backlinks) == 4 and backlinks[3] == backlinks[0] != backlinks[1]


def test_notes_are_in_no_export(site):
    folder = Path(site.outdir) / "_newsroom"
    csl = json.loads((folder / "sources.json").read_text("utf-8"))
    assert len(csl) == len(entries(site)) == 14
    assert not [i for i in csl if "overlap" in i.get("title", "") or "Grant" in i.get("title", "")]
    video = next(i for i in csl if i.get("title") == "this Numberphile video")
    assert (video["container-title"], video["URL"]) == (
        "youtube.com", "https://www.youtube.com/watch?v=6_yU9eJ0NxA&t=28m7s")
    urls = [item.get("URL") for item in csl]
    assert "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC%E5%B8%82" in urls
    force11 = next(i for i in csl if i.get("title", "") == "Software Citation Principles")
    assert force11["container-title"] == "PeerJ Computer Science"
    assert force11["URL"] == "https://doi.org/10.7717/peerj-cs.86"
    bibtex = (folder / "sources.bib").read_text("utf-8")
    assert "overlap" not in bibtex and "url = {https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC}" \
        in bibtex


def test_only_an_uncited_note_is_reported_as_not_referenced(site):
    """Sources listed but never cited need no citation, with or without a references heading."""
    assert warnings_of(site) == [
        f"{Path(site.srcdir) / 'articles/no-heading.md'}:11: WARNING: Footnote [#] is not "
        "referenced. [ref.footnote]"]


def test_the_site_can_make_every_footnote_a_note(tmp_path_factory):
    app = build_root(tmp_path_factory, "notes", "html", newsroom_footnotes="notes")
    app.cleanup()
    # A declared source stays one; an article whose front matter says "sources" too.
    assert entry_texts(app) == [
        "Term used in Heather J. Meeker's The Open Source Alternative: Understanding Risks and "
        "Leveraging Opportunities, 2008.",
        "Thanks to Bing Liu for pointing this out.",
        "The <b> & &amp; entities of HTML. Example Weekly. 2025-07-01."]
    # Every other footnote is a note: listed but uncited ones are now "not referenced".
    assert len([w for w in warnings_of(app) if "is not referenced" in w]) == 2


def test_bad_declarations_are_located_warnings(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    (src / "articles" / "bad.md").write_text(
        "---\ntitle: Bad\ndate: 2025-07-05\nfootnotes: maybe\n---\n\n"
        "Body {footnote-kind}`source` text[^1].\n\n"
        "[^1]: {footnote-kind}`sauce` <https://example.com/a>\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    ours = [w for w in warnings_of(app) if "bad.md" in w]
    assert ours == [
        f"{src / 'articles/bad.md'}:9: WARNING: footnote-kind 'sauce' is not one of source, "
        "links, note; the footnote is read as if undeclared [newsroom.citation]",
        f"{src / 'articles/bad.md'}:7: WARNING: footnote-kind `source` is only meaningful "
        "inside a footnote [newsroom.citation]",
        f"{src / 'articles/bad.md'}:4: WARNING: 'footnotes': 'maybe' is not one of auto, "
        "sources, notes; using newsroom_footnotes [newsroom.field]",
    ]
    # The build goes on: the undeclared footnote is read as usual (a link alone: a source).
    assert "github.com" not in entry_texts(app)[-1]
    assert "example.com. https://example.com/a" in entry_texts(app)


def test_parallel_and_incremental_builds_match_a_clean_serial_one(make_app, tmp_path):
    def clean(name: str, parallel: int = 0):
        copy = tmp_path / name
        shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
        app = make_app("html", srcdir=copy, freshenv=True, parallel=parallel)
        app.build()
        return html_tree(app.outdir)

    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    serial = clean("serial")
    assert clean("parallel", parallel=2) == serial
    make_app("html", srcdir=src).build()
    # A note becomes a source: the bibliography, the article and its exports follow.
    mixed = src / "articles" / "mixed.md"
    mixed.write_text(mixed.read_text("utf-8").replace(
        "[^overlap]: This", "[^overlap]: {footnote-kind}`source` This"), "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert html_tree(app.outdir) == clean("after")
    assert "This overlap in preferences" in " ".join(entry_texts(app))


# -- the PDF ---------------------------------------------------------------------------


def test_notes_are_page_footnotes_and_sources_endnotes_in_latex(latex):
    _, tex = latex
    mixed = tex[tex.index(r"\chapter{Notes beside sources}"):tex.index(r"\chapter{Sources}")]
    references = mixed[mixed.index(r"\section{References}"):]
    for note in ("This overlap in preferences", "this Numberphile video", "Numbers from Google"):
        before = mixed[:mixed.index(note)]
        # Inside a footnote environment: it opened after the last one closed.
        assert before.rindex(r"\begin{footnote}") > before.rfind(r"\end{footnote}")
        assert note not in references
    for source in ("Software Citation Principles", "What Color is Your Function",
                   "Term used in Heather", "rust-lang/team/pull/671"):
        assert source in references
    bibliography = tex[tex.index(r"\chapter{Sources}"):]
    assert r"\sphinxstyleemphasis{PeerJ Computer Science}" in bibliography
    assert (r"\sphinxstyleemphasis{\sphinxcode{\sphinxupquote{<b>}}}\sphinxstyleemphasis{ \& }"
            r"\sphinxstyleemphasis{\sphinxcode{\sphinxupquote{\&amp;}}}") in bibliography
    assert "This overlap" not in bibliography and "Grant Sanderson" not in bibliography
    assert (r"\sphinxhref{https://zh.wikipedia.org/wiki/\%E5\%8C\%97\%E4\%BA\%AC\%E5\%B8\%82}"
            r"{https://zh.wikipedia.org/wiki/北京市}") in bibliography


@needs_tex
@pytest.mark.pdf
def test_the_pdf_compiles_with_notes_and_readable_urls(latex):
    app, _ = latex
    outdir = Path(app.outdir)
    run = run_latexmk(outdir, "notes.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    # Every "Cited by" reaches its footnote: page footnotes carry an anchor.
    assert "undefined references" not in (outdir / "notes.log").read_text("utf-8", "replace")
    text = subprocess.run(["pdftotext", "-layout", "notes.pdf", "-"], cwd=outdir,
                          capture_output=True, text=True, check=True).stdout
    # The bibliography is the chapter of the first "Cited by".
    sources = text[text.rindex("CHAPTER", 0, text.index("Cited by")):]
    assert "https://zh.wikipedia.org/wiki/北京大学" in " ".join(sources.split())
    assert "This overlap in preferences" in text and "This overlap" not in sources
    assert "PeerJ Computer Science" in sources and "Numberphile video" in sources
    # Footnotes never cited, which LaTeX would drop, stand where they are written.
    article = text[:text.index("Cited by")]
    assert "[3] https://bugs.llvm.org/show_bug.cgi?id=50198" in article
    assert "[4] For reference, the original email went out to approximately 300 people." in article

