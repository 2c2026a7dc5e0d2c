"""Hugo, Jekyll and R Markdown articles built: what a reader sees in HTML, text and LaTeX."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import html, warnings_of


@pytest.fixture
def src(rootdir, tmp_path) -> Path:
    path = tmp_path / "src"
    shutil.copytree(rootdir / "test-compat", path)
    return path


def build(make_app, src: Path, builder: str = "html", **confoverrides):
    app = make_app(builder, srcdir=src, confoverrides=confoverrides)
    app.build()
    return app


def test_hugo_article_in_html(make_app, src):
    app = build(make_app, src)
    page = html(app, "posts/hugo")
    body = page.select_one("div.body")
    figure = body.select_one("figure")
    assert figure.img["alt"] == "A grey cat"
    assert figure.a["href"] == "https://example.org/cat"
    assert figure.figcaption.get_text(" ", strip=True).startswith("Steve Francia A cat")
    links = [a["href"] for a in body.select("p a.reference.internal")]
    assert links == ["other.html", "other.html"]
    frames = [f["src"] for f in body.select("div.news-embed iframe")]
    assert frames == ["https://www.youtube-nocookie.com/embed/0RKpf3rK57I",
                      "https://player.vimeo.com/video/55073825?dnt=1"]
    assert body.select_one("div.highlight-go .hll").get_text().startswith("2import")
    assert body.find("em", string="Markdown")
    text = body.get_text()
    assert "{{< youtube id >}}" in text and "{{< gist spf13 7896402 >}}" in text
    assert "more-->" not in text and "{{%" not in text and "{{< figure" not in text
    assert page.select_one(".news-meta-summary").get_text(" ", strip=True) == \
        "Summary The text before the divider is the summary, in Paris."
    assert body.find("a", href="https://twitter.com/SanDiegoZoo/status/1453110110599868418")
    warnings = warnings_of(app)
    assert len(warnings) == 2, warnings
    assert "hugo.md:24: WARNING: shortcode 'notice' is not understood" in warnings[0]
    assert "[newsroom.shortcode]" in warnings[0]
    assert "jekyll.md:22: WARNING: Liquid tag {% include %}" in warnings[1]


def test_jekyll_article_in_html(make_app, src):
    app = build(make_app, src)
    page = html(app, "posts/jekyll")
    body = page.select_one("div.body")
    assert body.select("div.highlight-ruby .linenos")
    assert "Liquid shown as {{ page.title }}." in body.get_text()
    assert [a["href"] for a in body.select("p a.reference.internal")] == ["other.html"] * 2
    assert body.find("img", alt="logo")["src"] == "../_images/cat.png"
    assert "{:" not in body.get_text() and "end-excerpt" not in body.get_text()
    assert "{% assign x = 1 %}{{ x }}" in body.select_one("div.highlight-liquid").get_text()
    assert page.select_one(".news-meta-summary").get_text(" ", strip=True) == \
        "Summary Jekyll's excerpt ends here."


def test_r_markdown_article_in_html(make_app, src):
    app = build(make_app, src)
    body = html(app, "posts/rmd").select_one("div.body")
    assert body.select_one("aside.footnote").get_text(" ", strip=True).endswith(
        "An inline note, with emphasis .")
    assert body.select_one("div.admonition.note").get_text(" ", strip=True) == \
        "Note A Pandoc note."
    assert body.select_one("div.sidebar.container").get_text(strip=True) == "Aside text."
    assert body.find("h2").get_text(strip=True).startswith("Methods")
    assert body.find(id="methods") and body.find("a", href="#methods")
    assert "library(secret)" not in body.get_text()
    assert body.select_one("div.highlight-r").get_text().strip() == "plot(cars)"


def test_videos_are_links_with_their_title_in_text_and_latex(make_app, src):
    text = (Path(build(make_app, src, "text").outdir) / "posts" / "hugo.txt").read_text("utf-8")
    assert "A New Hugo Site in Under Two Minutes" in text and "iframe" not in text
    app = build(make_app, src, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\sphinxhref{https://www.youtube.com/watch?v=0RKpf3rK57I}" \
        r"{A New Hugo Site in Under Two Minutes}" in tex
    assert r"\sphinxhref{https://vimeo.com/55073825}{Vimeo video}" in tex
    assert "iframe" not in tex


def test_newsroom_shortcodes_off_leaves_the_text_as_written(make_app, src):
    app = build(make_app, src, newsroom_shortcodes=False)
    body = html(app, "posts/hugo").select_one("div.body")
    assert "{{< tweet" in body.get_text() and not body.select("iframe")
    assert not [w for w in warnings_of(app) if "newsroom.shortcode" in w]


def test_newsroom_shortcodes_takes_a_list_of_families(make_app, src):
    app = build(make_app, src, newsroom_shortcodes=["pandoc"])
    assert "{{< tweet" in html(app, "posts/hugo").get_text()
    assert html(app, "posts/rmd").select_one("div.admonition.note")


def test_an_invalid_newsroom_shortcodes_value_warns(make_app, src):
    app = build(make_app, src, newsroom_shortcodes=["wordpress"])
    assert any("newsroom_shortcodes = ['wordpress'] is not" in w for w in warnings_of(app))
