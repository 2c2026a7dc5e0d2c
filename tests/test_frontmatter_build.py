"""Bad and unusual front matter in a real build: located warnings, nothing lost."""

from __future__ import annotations

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.domain import get_domain


@pytest.fixture
def built(make_app, rootdir, tmp_path):
    import shutil
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-frontmatter", src)
    app = make_app("html", srcdir=src)
    app.build()
    return app


@pytest.fixture
def reviewed(make_app, rootdir, tmp_path):
    """The same root as a preview build: drafts (broken-types is one: draft: maybe) are read."""
    import shutil
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-frontmatter", src)
    app = make_app("html", srcdir=src, confoverrides={"newsroom_show_drafts": True})
    app.build()
    return app


@pytest.mark.parametrize("build", ["built", "reviewed"])
def test_every_problem_is_a_located_newsroom_warning(build, request):
    """The front matter's problems are told whether the draft is read (preview) or not."""
    reviewing = build == "reviewed"
    warnings = warnings_of(request.getfixturevalue(build))
    located = {}
    for w in warnings:
        if "[newsroom." in w:
            path, _, rest = w.partition(": WARNING: ")
            located.setdefault(path.rsplit("/", 1)[-1], []).append(rest)
    broken = located.pop("broken-types.md:2")
    assert any("'title': expected text, got list" in m for m in broken)
    assert located["broken-types.md:3"][0].startswith("'date': 'yesterday' is not a date")
    assert "'lastmod': '2025-02-30' is not a valid date" in located["broken-types.md:4"][0]
    assert "'maybe' is neither true nor false" in located["broken-types.md:5"][0]
    assert "'summary': expected text, got dict" in located["broken-types.md:6"][0]
    assert "an author must be text" in located["broken-types.md:7"][0]
    assert len(located["broken-types.md:8"]) == 2  # a nested value and an empty entry
    if reviewing:  # read: its image and title are looked at too
        assert "featured image '/missing/picture.png' not found" in \
            located["broken-types.md:9"][0]
        assert "has no title; using its first heading: 'Only heading'" in broken[-1]
    else:
        assert "broken-types.md:9" not in located
    assert "has no title; using its file name: 'no-title'" in located["no-title.md:1"][0]
    assert "front matter is not valid YAML" in located["bad-yaml.md:3"][0]
    assert all(w.endswith(("]", "]\x1b[39;49;00m")) for w in warnings)


def test_the_build_goes_on_and_every_page_is_published(built):
    for doc in ["typed", "no-title", "heading-title", "own-h1", "bad-yaml",
                "not-article", "opted-in", "toml"]:
        assert html(built, f"articles/{doc}").select_one("div.body")
    # draft: maybe is taken as a draft, so nothing is published by mistake.
    assert not (built.outdir / "articles" / "broken-types.html").exists()
    assert "Body survives." in html(built, "articles/bad-yaml").get_text()


def test_typed_article(built):
    article = get_domain(built.env).articles["articles/typed"]
    assert article.title == "A typed article"
    assert article.date.isoformat() == "2025-07-02T09:30:00+08:00"
    assert article.updated.isoformat() == "2025-07-03T10:00:00+08:00"
    assert article.draft is False
    assert article.authors == ("Ada Lovelace", "Grace Hopper")
    assert article.terms_of("tags") == ("AI", "Cloud computing")
    assert article.terms_of("topics") == ("Chips", "Cloud")
    panel = html(built, "articles/typed").select_one(".news-meta")
    assert panel.select_one(".news-meta-date time").get_text() == "July 2, 2025"
    assert panel.select_one(".news-meta-updated time")["datetime"] == "2025-07-03T10:00:00+08:00"
    # What a reader sees (each name is a link to the author's page).
    assert " ".join(panel.select_one(".news-meta-authors").get_text().split()) == \
        "By Ada Lovelace, Grace Hopper"
    assert panel.select_one(".news-meta-reading-time").get_text(" ", strip=True) == \
        "Reading time 1 min read"


def test_titles_and_fallbacks(built):
    articles = get_domain(built.env).articles
    assert articles["articles/heading-title"].title == "From the first heading"
    assert articles["articles/no-title"].title == "no-title"
    assert built.env.titles["articles/no-title"].astext() == "no-title"
    # The front-matter title is the title, always: the body's own H1 is a section
    # under it, and the page, lists and feeds agree.
    assert built.env.titles["articles/own-h1"].astext() == "Front-matter title"
    assert articles["articles/own-h1"].title == "Front-matter title"
    page = html(built, "articles/own-h1")
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("div.body h1")] == [
        "Front-matter title"]
    assert page.select_one("div.body h2").get_text(strip=True).rstrip("¶") == \
        "The body\u2019s own title"


def test_which_docs_are_articles(built):
    articles = get_domain(built.env).articles
    assert "articles/not-article" not in articles and "index" not in articles
    assert "articles/opted-in" in articles and articles["articles/opted-in"].date is None
    assert "articles/bad-yaml" not in articles


def test_toml_front_matter_is_read_and_not_printed(built):
    article = get_domain(built.env).articles["articles/toml"]
    assert article.title == "TOML front matter" and article.terms_of("tags") == ("toml",)
    assert article.date.isoformat() == "2025-03-04T05:06:07+02:00"
    text = html(built, "articles/toml").select_one("div.body").get_text()
    assert "+++" not in text and 'title = "TOML' not in text


def test_broken_article_falls_back_safely(reviewed):
    article = get_domain(reviewed.env).articles["articles/broken-types"]
    assert article.draft is True and article.date is None and article.image == ""
    assert article.terms_of("tags") == ("ok",)
    assert html(reviewed, "articles/broken-types").select("img") == []
