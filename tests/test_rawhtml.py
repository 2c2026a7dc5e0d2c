"""Raw HTML in articles: sanitized by nh3, common elements as real nodes, one warning.

The site ``tests/roots/test-rawhtml`` holds real-post snippets (``news/real``),
hostile strings (``news/hostile``) and harmless HTML (``news/clean``); it is
built once per builder and read as a reader would see it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, html, warnings_of
from hypothesis import given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_newsroom.model.html_policy import (
    is_embed,
    parse_sanitized,
    removed_by_policy,
    sanitize,
    url_scheme,
)


def _build(tmp_path_factory, builder: str, **overrides) -> SphinxTestApp:
    return build_root(tmp_path_factory, "rawhtml", builder, **overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = _build(tmp_path_factory, "html")
    yield app
    app.cleanup()


@pytest.fixture(scope="module")
def latex(tmp_path_factory):
    app = _build(tmp_path_factory, "latex")
    yield app, (Path(app.outdir) / "rawhtml.tex").read_text("utf-8")
    app.cleanup()


@pytest.fixture(scope="module")
def text(tmp_path_factory):
    app = _build(tmp_path_factory, "text")
    yield app
    app.cleanup()


def _body(app, docname: str) -> BeautifulSoup:
    page = html(app, docname)
    return page.find("section")


def _assert_harmless(tree: BeautifulSoup) -> None:
    assert tree.find_all(["script", "style", "svg"]) == []
    for tag in tree.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag.name, name)
            values = value if isinstance(value, list) else [value]
            assert not any(url_scheme(v) in ("javascript", "vbscript", "data") for v in values)
    for frame in tree.find_all("iframe"):  # an embed, or a frame without an address
        assert is_embed(frame.get("src", "https://www.youtube.com/embed/x")) and frame["sandbox"]


# -- HTML -------------------------------------------------------------------


def test_hostile_html_is_removed(site):
    body = _body(site, "news/hostile")
    _assert_harmless(body)
    assert body.find("iframe") is None
    page = (Path(site.outdir) / "news/hostile.html").read_text("utf-8")
    assert "alert(" not in page and "evil.example" not in page
    assert "position" not in str(body) and "display:none" not in str(body)


def test_hostile_html_keeps_its_text(site):
    text = " ".join(_body(site, "news/hostile").get_text().split())
    for words in ("An image in text.", "bad link", "loud", "hidden", "Clickable text survives."):
        assert words in text
    links = [a for a in _body(site, "news/hostile").find_all("a") if a.get_text() == "bad link"]
    assert links and not links[0].get("href")


def test_a_forged_placeholder_moves_no_node(site):
    body = _body(site, "news/hostile")
    assert "Forged slot." in body.get_text() and not body.find("newsroom-slot")


def test_one_located_warning_per_article(site):
    html_warnings = [w for w in warnings_of(site) if "[newsroom.html]" in w]
    assert len(html_warnings) == 1, html_warnings
    warning = html_warnings[0]
    assert "news/hostile.md:6:" in warning
    for removed in ("onerror", "javascript: URL", "<script>", "<style>", "<iframe>",
                    "onclick", "<svg>"):
        assert removed in warning
    assert "<circle>" not in warning  # inside the removed <svg>: one name is enough


def test_real_post_html_is_kept(site):
    body = _body(site, "news/real")
    _assert_harmless(body)
    red = body.find("span", style="color:red")
    assert red is not None and red.get_text() == "red"
    centered = body.find("div", align="center")
    assert centered is not None and centered.find("img", alt="A chart")
    assert "First line" in str(body) and body.find("br") is not None
    figure = body.find("figure")
    assert figure.find("img", alt="Demo") and "The demo, as captioned." in figure.figcaption.text
    link = body.find("a", string="the report")
    assert link["href"] == "https://example.org/report" and link["title"] == "The report"
    assert body.find("details").summary.get_text() == "Methodology"
    assert body.find("details").find("strong").get_text() == "twelve"
    assert [c.get_text() for c in body.find("table").find_all("td")] == ["Alpha", "91"]
    frame = body.find("iframe")
    assert frame["src"] == "https://www.youtube.com/embed/dQw4w9WgXcQ"
    assert "allow-scripts" in frame["sandbox"]
    assert body.find("kbd").get_text() == "Ctrl"
    assert body.find("sub").get_text() == "2" and body.find("sup").get_text() == "2"


def test_images_are_copied_as_sphinx_images(site):
    assert (Path(site.outdir) / "_images" / "chart.png").is_file()
    for img in _body(site, "news/real").find_all("img"):
        assert img["src"] == "../_images/chart.png"


def test_comments_never_show(site):
    page = (Path(site.outdir) / "news/real.html").read_text("utf-8")
    assert "editor's note" not in page and "editor&#x27;s note" not in page


def test_sources_stay_text(site):
    references = _body(site, "news/real").find("section", class_="news-references")
    assert "<b>Pub</b>" in references.get_text()


def test_harmless_html_warns_nothing(site):
    assert not [w for w in warnings_of(site) if "clean.md" in w or "real.md" in w]
    assert _body(site, "news/clean").find("span", class_="note").get_text() == "harmless"


def test_pages_that_are_not_articles_are_left_alone(site):
    assert html(site, "index").find("span", class_="host") is not None


def test_trusted_html_passes_as_written(tmp_path_factory):
    app = _build(tmp_path_factory, "html", newsroom_raw_html=True)
    try:
        page = (Path(app.outdir) / "news/hostile.html").read_text("utf-8")
        assert '<script>alert("script")</script>' in page
        assert not [w for w in warnings_of(app) if "[newsroom.html]" in w]
    finally:
        app.cleanup()


# -- LaTeX and text -----------------------------------------------------------


def _chapter(tex: str, title: str) -> str:
    start = tex.index(f"\\chapter{{{title}}}")
    end = tex.find("\\chapter{", start + 1)
    return tex[start:end if end > 0 else None]


def test_latex_shows_images_links_and_text(latex):
    _, tex = latex
    real = _chapter(tex, "Real posts’ HTML")
    assert real.count("\\sphinxincludegraphics") == 2
    assert "\\sphinxincludegraphics[width=300\\sphinxpxdimen]{{chart}.png}" in real
    assert "\\caption{The demo, as captioned.}" in real and "\\begin{figure}" in real
    assert "\\sphinxhref{https://example.org/report}{the report}" in real
    assert "First line\\leavevmode\\newline{}" in real
    for words in ("The price is red today", "Methodology", "twelve", "Model Score Alpha 91",
                  "Press Ctrl and H"):
        assert words in real, words
    assert "<span" not in real and "<div" not in real and "iframe" not in real


def test_latex_has_no_hostile_code(latex):
    _, tex = latex
    hostile = _chapter(tex, "Hostile HTML")
    assert "alert" not in hostile and "script" not in hostile
    assert "Clickable text survives." in hostile


def test_text_output_keeps_the_words(text):
    out = (Path(text.outdir) / "news" / "real.txt").read_text("utf-8")
    flat = " ".join(out.split())
    for words in ("The price is red today", "the report", "Methodology", "Alpha 91",
                  "The demo, as captioned.", "First line second line"):
        assert words in flat, words
    assert "<" not in out.split("References")[0]


# -- the policy, without Sphinx ---------------------------------------------------

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" \x01javascript:alert(1)">x</a>',
    "<ScRiPt>alert(1)</sCrIpT>",
    "<style>*{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<img src="data:text/html;base64,PHNjcmlwdD4=">',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=q></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("fragment", HOSTILE)
def test_hostile_fragments_are_harmless_and_reported(fragment):
    clean = sanitize(fragment)
    _assert_harmless(BeautifulSoup(clean, "html.parser"))
    assert "alert" not in clean.replace("x</a>", "") or "<" not in clean
    assert removed_by_policy(fragment), fragment


@pytest.mark.parametrize("src", [
    "https://www.youtube.com/embed/dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30",
    "https://player.vimeo.com/video/76979871",
])
def test_video_embeds_are_kept_sandboxed(src):
    clean = BeautifulSoup(sanitize(f'<iframe src="{src}"></iframe>'), "html.parser")
    assert clean.iframe["src"] == src and "allow-scripts" in clean.iframe["sandbox"]
    assert removed_by_policy(f'<iframe src="{src}"></iframe>') == []


@pytest.mark.parametrize("fragment", [
    '<span style="color:red">red</span>', '<div align="center"><img src="a.png"></div>',
    "<br>", "<figure><img src=a.png><figcaption>c</figcaption></figure>",
    '<a href="https://example.org" title="t">x</a>', '<a name="top"></a>',
    "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<details><summary>s</summary>d</details>", "<kbd>K</kbd><mark>m</mark><small>s</small>",
    "<!-- note -->",
])
def test_what_posts_use_is_not_reported(fragment):
    assert removed_by_policy(fragment) == []


def test_comments_are_dropped():
    assert sanitize("a<!-- b -->c") == "ac"


def test_sanitized_html_parses_back_to_the_same_html():
    fragment = sanitize('<p class="x">a &amp; <b>b</b><br><img src="i.png" alt="&quot;"></p>')
    assert "".join(e if isinstance(e, str) else e.html() for e in parse_sanitized(fragment)) \
        .replace("<br>", "<br>") == fragment


@given(st.lists(st.sampled_from([
    "<", ">", "/", "=", '"', "'", " ", "a", "img", "script", "svg", "iframe", "on", "onerror",
    "href", "src", "javascript:", "&#x09;", "&#106;", "alert(1)", "style", "<!--", "-->",
]), max_size=40))
def test_no_generated_fragment_gets_code_through(parts):
    clean = sanitize("".join(parts))
    _assert_harmless(BeautifulSoup(clean, "html.parser"))
    assert not re.search(r"<\s*script", clean, re.IGNORECASE)
