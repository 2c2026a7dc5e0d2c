"""Drafts and embargo, the archive, related articles."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from conftest import html

from sphinx_newsroom.domain import get_domain
from sphinx_newsroom.model.article import Article
from sphinx_newsroom.model.related import common_cap, related_articles


@pytest.fixture
def site(build_copy, rootdir):
    src_root = rootdir / "test-taxonomy"
    app = build_copy("taxonomy")
    assert src_root.is_dir()
    return app


def article(name: str, day: int, tags: tuple[str, ...]) -> Article:
    return Article(docname=name, title=name, date=dt.datetime(2025, 1, day, tzinfo=dt.UTC),
                   terms=(("tags", tags),))


def test_related_prefers_rare_shared_terms_then_newer():
    articles = [
        article("a", 1, ("common", "rare")),
        article("b", 2, ("common", "rare")),
        article("c", 3, ("common",)),
        article("d", 4, ("common",)),
        article("e", 5, ("other",)),
    ]
    related = related_articles(articles, ["tags"], 3)
    assert related["a"] == ("b", "d", "c")  # b shares the rare term; d is newer than c
    assert related["c"] == ("d", "b", "a")
    assert "e" not in related  # nothing shared, nothing shown
    assert related_articles(articles, ["tags"], 0) == {}


def test_related_is_deterministic_and_bounded():
    rng = random.Random(7)
    tags = [f"t{i}" for i in range(60)]
    articles = [article(f"doc{i:04d}", 1 + i % 28,
                        tuple(rng.sample(tags, 4))) for i in range(400)]
    first = related_articles(articles, ["tags"], 5)
    shuffled = articles[:]
    rng.shuffle(shuffled)
    assert related_articles(shuffled, ["tags"], 5) == first
    assert all(len(v) <= 5 and k not in v for k, v in first.items())
    assert common_cap(400) == 80 and common_cap(5000) == 282


def test_related_rendered_under_articles(site):
    page = html(site, "news/a")
    block = page.select_one(".news-related")
    titles = [a.get_text() for a in block.select("a")]
    assert titles == ["Gamma 算力", "Beta cloud", "Delta undated opt-in"][: len(titles)]
    assert titles[0] == "Gamma 算力"  # shares Chips, Nvidia and Hardware with Alpha
    assert "Secret draft headline" not in titles


def test_related_can_be_turned_off(build_copy):
    app = build_copy("taxonomy", confoverrides={"newsroom_related": 0})
    assert html(app, "news/a").select(".news-related") == []


def test_archive_page_and_directive(site, build_copy):
    page = html(site, "archive")
    years = page.select("div.body .news-archive-year")
    assert [y.p.strong.get_text() for y in years] == ["2025"] and years[0]["id"] == "y2025"
    months = page.select("div.body .news-archive-month")
    assert [m.p.get_text() for m in months] == ["August 2025", "July 2025", "June 2025",
                                                "May 2025"]
    assert months[0]["id"] == "y2025-08"  # archive.html#y2025-08 jumps to August
    assert "Delta undated opt-in" not in page.get_text()  # undated: not in the archive
    assert "Secret draft headline" not in page.get_text()


def test_a_production_build_writes_no_draft_or_embargoed_page(site):
    outdir = Path(site.outdir)
    for docname in ("news/secret-draft", "news/future"):
        assert not (outdir / f"{docname}.html").exists()
        assert not list((outdir / "_sources").glob(f"{docname}.*"))
        assert docname not in site.env.all_docs
    assert "Secret draft headline" not in (outdir / "index.html").read_text("utf-8")


def test_draft_banner_and_noindex(build_copy):
    """newsroom_show_drafts builds every article for review, bannered and unindexed."""
    site = build_copy("taxonomy", confoverrides={"newsroom_show_drafts": True})
    draft = html(site, "news/secret-draft")
    assert draft.select_one(".news-draft-banner .admonition-title").get_text() == "Draft"
    assert draft.select_one('meta[name=robots]')["content"] == "noindex, nofollow"
    future = html(site, "news/future")
    assert "embargoed until January 1, 2999" in future.select_one(".news-draft-banner").get_text()
    assert html(site, "news/a").select(".news-draft-banner") == []
    assert html(site, "news/a").select('meta[name=robots]') == []
    assert get_domain(site.env).articles["news/secret-draft"].draft


def test_archive_directive_in_latex(build_copy, tmp_path):
    app = build_copy("taxonomy", builder="latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "Secret draft headline" not in tex.split(r"\chapter{Lists}")[-1]


def test_an_ended_embargo_publishes_on_an_incremental_build(make_app, tmp_path, monkeypatch):
    import shutil

    from conftest import ROOTS

    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    (src / "news/soon.md").write_text(
        "---\ntitle: Soon headline\ndate: 2030-01-01\norphan: true\ntags: [chips]\n---\n\nx\n",
        "utf-8")
    make_app("html", srcdir=src).build()
    assert "Soon headline" not in (Path(src) / "_build/html/lists.html").read_text("utf-8")

    from sphinx_newsroom import clock

    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2030, 1, 2, tzinfo=dt.UTC))
    app = make_app("html", srcdir=src)
    app.build()
    outdir = Path(app.outdir)
    assert "Soon headline" in (outdir / "lists.html").read_text("utf-8")
    assert "Soon headline" in (outdir / "tags/chips.html").read_text("utf-8")
    assert "Soon headline" in (outdir / "archive.html").read_text("utf-8")
    page = html(app, "news/soon")
    assert page.select(".news-draft-banner") == [] and page.select("meta[name=robots]") == []
