"""The unified bibliography in real builds: dedupe, backlinks, exports, warnings, PDF."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from conftest import REPO, ROOTS, html, html_tree, warnings_of
from test_citations import CSL_SCHEMA

from sphinx_newsroom.domain import get_domain


@pytest.fixture(scope="module")
def example(make_app_module, tmp_path_factory):
    src = tmp_path_factory.mktemp("bib") / "src"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    app = make_app_module("html", srcdir=src, freshenv=True)
    app.build()
    return app


@pytest.fixture(scope="module")
def make_app_module(test_params, monkeypatch_module=None):
    from sphinx.testing.util import SphinxTestApp
    apps = []

    def make(*args, **kwargs):
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()


@pytest.fixture(scope="module")
def test_params():
    return {"shared_result": None}


def test_seed_sources_are_parsed(example):
    sources = get_domain(example.env).articles["articles/openai-tpu"].sources
    assert [(s.number, s.cited) for s in sources] == [("1", True), ("2", False), ("3", True)]
    first = sources[0].citation
    assert (first.title, first.publisher, first.author) == (
        "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？", "华尔街见闻", "许超")
    assert (first.date, first.accessed) == (dt.date(2025, 6, 30), dt.date(2025, 7, 2))
    assert sources[1].citation.publisher == "新浪财经" and sources[1].citation.author == ""
    assert sources[2].citation.publisher == "moomoo 社区"


def test_same_source_shows_once_with_every_citing_article(example):
    page = html(example, "sources")
    bib = page.select("ol.news-bibliography")[0]
    entries = [li for li in bib.find_all("li", recursive=False) if "华尔街见闻" in li.get_text()
               and "许超" in li.get_text()]
    # Written identically in two articles and with other spacing/brackets in another;
    # the English version of one of them cites it too.
    assert len(entries) == 1
    cited_by = [unquote(a["href"]) for a in entries[0].select(".news-cited-by a")]
    assert len(cited_by) == 5
    assert "articles/en/google-tpu-external-customers.html#id6" in cited_by
    assert "articles/openai-tpu.html#id9" in cited_by
    for href in cited_by:
        doc, _, anchor = href.partition("#")
        target = html(example, doc.removesuffix(".html"))
        assert target.find(id=anchor) is not None
    # Three English articles cite one URL (two write it differently).
    shared = [li for li in bib.find_all("li", recursive=False)
              if "openai-compute-map" in li.get_text()]
    assert len(shared) == 1 and len(shared[0].select(".news-cited-by a")) == 3


def test_drafts_are_not_in_the_bibliography(example):
    text = html(example, "sources").get_text()
    # The draft is not even read: its sources cannot reach any page.
    assert "articles/datacenter-power-policy" not in get_domain(example.env).articles
    draft = (Path(example.srcdir) / "articles" / "datacenter-power-policy.md").read_text("utf-8")
    assert "draft: true" in draft
    for line in draft.splitlines():
        if line.startswith("[^"):
            title = line.split(":", 1)[1].split("·")[0].strip()
            assert title and title not in text


def test_footnotes_link_to_their_entry(example):
    page = html(example, "articles/openai-tpu")
    notes = page.select("section.news-references aside.footnote")
    links = [n.select_one("a.news-source-link") for n in notes]
    assert all(links)
    bib = html(example, "sources")
    for link in links:
        doc, _, anchor = unquote(link["href"]).partition("#")
        assert doc == "../sources.html" and bib.find(id=anchor) is not None
    # Backlinks to the citing paragraphs are intact.
    assert len(notes[0].select("a[role=doc-backlink]")) == 4


def test_exports(example):
    outdir = Path(example.outdir)
    page = html(example, "sources")
    hrefs = [a["href"] for a in page.select("a.news-export")]
    assert hrefs == ["_newsroom/sources.json", "_newsroom/sources.bib"]
    items = json.loads((outdir / "_newsroom/sources.json").read_text("utf-8"))
    jsonschema.validate(items, CSL_SCHEMA)
    entries = page.select("ol.news-bibliography")[0].find_all("li", recursive=False)
    assert len(items) == len(entries)
    bibtex = (outdir / "_newsroom/sources.bib").read_text("utf-8")
    assert bibtex.count("\n@") + bibtex.startswith("@") == len(items)
    assert "华尔街见闻" in bibtex


def test_styles(example):
    page = html(example, "sources")
    gbt = page.select("ol.news-bibliography")[1]
    assert "news-style-gbt7714" in gbt["class"]
    assert "[N/OL]" in gbt.get_text()
    # Only the first, unfiltered bibliography carries the ids footnotes link to.
    ids = [t["id"] for t in page.select("ol.news-bibliography span[id^=source-]")]
    assert len(ids) == len(set(ids)) == len(page.select("ol.news-bibliography")[0]
                                            .find_all("li", recursive=False))


def test_example_site_is_warning_free(example):
    assert warnings_of(example) == []


def test_undefined_and_colliding_sources_warn_located(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    (src / "news/c.md").write_text(
        "---\ntitle: Gamma\ndate: 2025-08-01\n---\n\nText[^1] and a typo[^nope].\n\n"
        "## References\n\n[^1]: [A different title](https://example.com/gpu-shortage)\n"
        "[^2]: Listed but not cited·Archive·（2025/5/1）\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    warnings = warnings_of(app)
    ours = [w for w in warnings if "[newsroom.citation]" in w]
    assert any("c.md:6: WARNING: footnote [^nope] is cited but never defined" in w for w in ours)
    # Said once, by us: docutils does not add its own "Unknown target name".
    assert [w for w in warnings if "nope" in w] == [
        w for w in ours if "[^nope] is cited but never defined" in w]
    typo = html(app, "news/c").select_one("span.news-undefined-citation")
    assert typo.get_text() == "[^nope]" and typo.parent.name == "p"
    collision = [w for w in ours if "share the key 'url:example.com/gpu-shortage'" in w]
    assert len(collision) == 1 and "c.md:10:" in collision[0]
    assert "A different title" in collision[0]
    assert not [w for w in warnings if "not referenced" in w]


def test_incremental_footnote_edit_matches_clean_build(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    make_app("html", srcdir=src).build()
    a = src / "news/a.md"
    a.write_text(a.read_text("utf-8").replace("Chip wars·Tech Daily", "Chip peace·Tech Daily"),
                 "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert "Chip peace" in (Path(app.outdir) / "sources.html").read_text("utf-8")
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = make_app("html", srcdir=clean_src, freshenv=True)
    clean.build()
    assert html_tree(app.outdir) == html_tree(clean.outdir)


@pytest.mark.sphinx("latex", testroot="taxonomy", freshenv=True)
def test_bibliography_in_latex(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    chapter = tex[tex.index(r"\chapter{Sources}"):]
    first = chapter[:chapter.index(r"\section{By title, APA}")]
    assert first.count(r"\item") == 3  # chip wars, the GPU shortage, the listed-only source
    assert r"\label{\detokenize{sources:source-" in first
    assert r"\hyperref[\detokenize{news/a:" in first
    # Footnotes became endnotes that link to their bibliography entry.
    assert r"\hyperref[\detokenize{sources:source-" in tex[:tex.index(r"\chapter{Sources}")]


def test_a_url_ending_in_a_balanced_bracket_is_linked_whole(make_app, tmp_path):
    """Wikipedia's disambiguated titles end in ")"; a URL in parentheses does not."""
    src = tmp_path / "src"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nproject = "Planets"\n'
                                 'html_baseurl = "https://planets.example.org/"\n',
                                 "utf-8")
    (src / "index.md").write_text("# Planets\n\n```{toctree}\nnews/planets\nsources\n```\n",
                                  "utf-8")
    (src / "sources.md").write_text("# Sources\n\n```{news-bibliography}\n```\n", "utf-8")
    (src / "news" / "planets.md").write_text(
        "---\ntitle: Planets\ndate: 2025-01-03\n---\n\nMercury[^1] and Venus[^2].\n\n"
        "## References\n\n"
        "[^1]: Mercury. Wikipedia. 2025-01-01. https://en.wikipedia.org/wiki/Mercury_(planet)\n"
        "[^2]: Venus. Wikipedia. 2025-01-02. (https://en.wikipedia.org/wiki/Venus).\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == []
    entries = html(app, "sources").select("ol.news-bibliography > li")
    hrefs = sorted(a["href"] for li in entries for a in li.select("a.news-source-url"))
    assert hrefs == ["https://en.wikipedia.org/wiki/Mercury_(planet)",
                     "https://en.wikipedia.org/wiki/Venus"]


def test_the_example_s_notes_stay_footnotes_and_its_sources_are_listed(example):
    page = html(example, "articles/hyperscaler-capex-q2")
    assert [n["id"] for n in page.select("aside.footnote.news-note")] == ["figures", "split"]
    assert [f["id"] for f in page.select("section.news-references aside.footnote")][-1] == "calls"
    listed = html(example, "sources").select_one("ol.news-bibliography").get_text(" ")
    assert "Earnings calls of Alphabet" in listed  # declared a source
    assert "capex tracker" in listed  # a document the note links to
    assert "approximate" not in listed and "our estimate" not in listed
    # The note's other link is a source already: one entry, its full spelling.
    assert listed.count("ai-capex-depreciation") == 1
    assert "the depreciation analysis" not in listed


def test_one_work_typed_with_and_without_its_publisher_is_one_entry(make_app, tmp_path):
    """keys.same_source: the pairs of tests/citations/pairs.json that one key missed."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    (src / "news/c.md").write_text(
        "---\ntitle: Gamma\ndate: 2025-08-01\n---\n\nOne[^1], two[^2], three[^3], four[^4].\n\n"
        "## References\n\n"
        "[^1]: 潘承洞，潘承彪．初等数论．北京大学出版社．\n"
        "[^2]: 闵嗣鹤，严士健．初等数论．\n"
        "[^3]: De Fraysseix, Hubert. \"Trémaux trees and planarity.\" Electronic Notes in "
        "Discrete Mathematics 31 (2008): 169-180.\n"
        "[^4]: De Fraysseix, Hubert, Patrice Ossona De Mendez, and Pierre Rosenstiehl. "
        "\"Trémaux trees and planarity.\" International Journal of Foundations of Computer "
        "Science 17, no. 05 (2006): 1017-1029.\n", "utf-8")
    (src / "news/d.md").write_text(
        "---\ntitle: Delta\ndate: 2025-08-02\n---\n\nAgain[^1].\n\n## References\n\n"
        "[^1]: 潘承洞，潘承彪．初等数论．\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    items = html(app, "sources").select_one("ol.news-bibliography").select(":scope > li")
    texts = [" ".join(li.get_text().split()) for li in items]
    pan = [t for t in texts if "潘承洞" in t]
    # One entry for the book typed twice, spelt with its publisher, cited by both articles.
    assert len(pan) == 1 and "北京大学出版社" in pan[0]
    assert "Gamma" in pan[0] and "Delta" in pan[0]
    # Another book of that title, and one paper in two venues, stay apart.
    assert len([t for t in texts if "闵嗣鹤" in t]) == 1
    assert len([t for t in texts if "Trémaux" in t]) == 2
    assert not [w for w in warnings_of(app) if "share the key" in w]
    # Delta's footnote, typed without the publisher, links to that one entry.
    link = html(app, "news/d").select_one("a.news-source-link")
    doc, _, anchor = link["href"].partition("#")
    assert doc == "../sources.html"
    entry = html(app, "sources").find(id=anchor)
    assert entry is not None and "北京大学出版社" in entry.parent.get_text()
