"""A large newsroom: no page lists every article, the PDF still holds them all."""

from __future__ import annotations

from pathlib import Path

from conftest import html, warnings_of


def test_html_pages_do_not_render_every_article(build_copy):
    app = build_copy("large")
    assert warnings_of(app) == []
    index = html(app, "index")
    assert len(index.select("ul.news-article-list > li")) == 10
    page = html(app, "articles/a05")
    sidebar = page.select_one(".sphinxsidebar")
    assert "Article 17" not in sidebar.get_text()  # navigation does not list the site
    assert "Article 17" not in index.select_one(".sphinxsidebar").get_text()


def test_pdf_holds_every_article(build_copy):
    app = build_copy("large", builder="latex")
    assert warnings_of(app) == []
    tex = (Path(app.outdir) / "large.tex").read_text("utf-8")
    assert all(f"\\chapter{{Article {i:02d}}}" in tex for i in range(1, 31))
