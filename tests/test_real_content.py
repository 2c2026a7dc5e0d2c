"""Posts as real sites write them: file-name dates, Jekyll terms, broken YAML, term spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.model.article import file_date_parts, path_date_parts
from sphinx_newsroom.model.terms import merged_spellings, term_key

POSTS = {
    # Jekyll: the date is in the name; tags and categories are space-separated strings.
    "_posts/2022-02-09-release.md": "---\ntitle: Release 1.0\ntags: rust async\n"
                                    "categories: news\n---\n\nThe release.\n",
    # Tags spelled two ways across two articles: one term, one page.
    "a.md": "---\ntitle: A\ndate: 2024-05-01\ntags: [Google TPU]\n---\n\nBody.\n",
    "b.md": "---\ntitle: B\ndate: 2024-05-02\ntags: [google-tpu]\n---\n\nBody.\n",
    # Zola, as the Rust blog writes it: TOML, the date only in the URL path.
    "zola/what-is-rust-2018.md": '+++\npath = "2018/07/27/what-is-rust-2018"\n'
                                 'title = "What is Rust 2018?"\n+++\n\nThe edition.\n',
    "zola/inside.md": '+++\npath = "inside-rust/2020/02/25/intro-rustc-self-profile"\n'
                      'title = "Intro to rustc\'s self profiler"\n+++\n\nProfiling.\n',
    # A front-matter date wins over the path's.
    "zola/dated.md": '+++\npath = "2018/07/27/dated"\ndate = 2018-08-01\n'
                     'title = "Dated"\n+++\n\nBody.\n',
    # Front matter of an article, without any date.
    "undated.md": "---\ntitle: Undated\ntags: [lost]\n---\n\nBody.\n",
    # Broken YAML, with and without a heading.
    "broken.md": '---\ntitle: "Broken: [unclosed\ndate: 2024-01-01\n---\n\nNo heading.\n',
    "broken-heading.md": "---\ntitle: x\ntags: [a\n---\n\n## Its heading\n\nBody.\n",
}


@pytest.fixture
def site(make_app, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\n'
                                 'newsroom_timezone = "Asia/Shanghai"\n', "utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\n:glob:\n\n*\n_posts/*\nzola/*\n```\n",
                                  "utf-8")
    for path, text in POSTS.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text, "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    return app


def test_a_jekyll_post_is_dated_by_its_file_name(site):
    page = html(site, "_posts/2022-02-09-release")
    assert page.select_one(".news-meta time")["datetime"] == "2022-02-09T00:00:00+08:00"
    terms = [a.get_text() for a in page.select('.news-meta a[rel="tag"]')]
    assert terms[:2] == ["rust", "async"] and "rust async" not in terms
    assert (Path(site.outdir) / "topics" / "news.html").is_file()


@pytest.mark.parametrize(("docname", "title", "stamp"), [
    ("zola/what-is-rust-2018", "What is Rust 2018?", "2018-07-27T00:00:00+08:00"),
    ("zola/inside", "Intro to rustc’s self profiler", "2020-02-25T00:00:00+08:00"),
    ("zola/dated", "Dated", "2018-08-01T00:00:00+08:00"),
])
def test_a_zola_post_is_dated_by_its_path(site, docname, title, stamp):
    page = html(site, docname)
    assert page.select_one(".news-meta time")["datetime"] == stamp
    assert [h.get_text().rstrip("¶") for h in page.select("h1")] == [title]


def test_the_path_date_source_can_be_left_out(make_app, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\n'
                                 'newsroom_date_sources = [":fields", ":filename"]\n', "utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\npost\n```\n", "utf-8")
    (src / "post.md").write_text(POSTS["zola/what-is-rust-2018.md"], "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert html(app, "post").select_one(".news-meta") is None


@pytest.mark.parametrize(("path", "parts"), [
    ("2026/03/26/1.94.1-release", (2026, 3, 26)), ("/2018/07/27/x/", (2018, 7, 27)),
    ("inside-rust/2020/02/25/intro", (2020, 2, 25)), ("2018/02/30/bad", None),
    ("2018/07/27", None), ("2018/07/27/a/b", None), ("about", None), (2018, None),
])
def test_path_dates(path, parts):
    assert path_date_parts(path) == parts


def test_spellings_with_one_slug_are_one_term_reported_once(site):
    tags = Path(site.outdir) / "tags"
    assert (tags / "google-tpu.html").is_file() and not (tags / "google-tpu-2.html").exists()
    listed = html(site, "tags/google-tpu").get_text()
    assert "A" in listed and "B" in listed
    merges = [w for w in warnings_of(site) if "one term" in w]
    assert len(merges) == 1 and "'Google TPU', 'google-tpu'" in merges[0]


def test_an_undated_article_says_why_it_is_not_one(site):
    warnings = [w for w in warnings_of(site) if "[newsroom.article]" in w]
    assert len(warnings) == 1 and "undated.md:1" in warnings[0]
    assert html(site, "undated").select_one(".news-meta") is None


def test_broken_front_matter_keeps_a_title(site):
    assert html(site, "broken").title.get_text().startswith("broken")
    assert html(site, "broken-heading").title.get_text().startswith("Its heading")
    assert not [w for w in warnings_of(site) if "doesn't have a title" in w]


@pytest.mark.parametrize(("name", "parts"), [
    ("2022-02-09-release", (2022, 2, 9)), ("_posts/2021-1-5_x", (2021, 1, 5)),
    ("2022-02-30-bad", None), ("release-2022-02-09", None), ("2022-02-09", (2022, 2, 9)),
])
def test_file_name_dates(name, parts):
    assert file_date_parts(name) == parts


def test_term_keys_fold_hyphens_not_other_punctuation():
    assert term_key("Google TPU") == term_key("google-tpu") == term_key("GOOGLE‐TPU")
    assert term_key("C++") != term_key("C#") != term_key("C")
    assert merged_spellings(["Google TPU", "google tpu"]) == []
    assert merged_spellings(["Google TPU", "google-tpu"]) == ["Google TPU", "google-tpu"]


def test_a_draft_published_before_is_removed_without_a_trace(make_app, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\n', "utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\n:glob:\n\nnews/*\n```\n", "utf-8")
    (src / "news").mkdir()
    post = src / "news" / "story.md"
    post.write_text("---\ntitle: Story headline\ndate: 2024-05-01\n---\n\nBody.\n", "utf-8")
    out = tmp_path / "out"
    make_app("html", srcdir=src, builddir=out).build()
    outdir = out / "html"
    assert (outdir / "news" / "story.html").is_file()
    post.write_text("---\ntitle: Story headline\ndate: 2024-05-01\ndraft: true\n---\n\nBody.\n",
                    "utf-8")
    again = make_app("html", srcdir=src, builddir=out)
    again.build()
    assert not (outdir / "news" / "story.html").exists()
    assert not list((outdir / "_sources").rglob("story*"))
    for page in outdir.rglob("*.*"):
        if page.suffix in {".html", ".js", ".xml", ".txt"}:
            assert "Story headline" not in page.read_text("utf-8"), page


def test_images_tex_cannot_include_become_their_words(make_app, tmp_path):
    """A missing image or a .ico would stop xelatex: the PDF shows the alt text."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\n', "utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nnews\n```\n", "utf-8")
    (src / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    (src / "news.md").write_text(
        "---\ntitle: Pictures\ndate: 2024-05-01\n---\n\n![The lost sticker](img/gone.png)\n\n"
        "Inline ![an icon](favicon.ico) here.\n", "utf-8")
    app = make_app("latex", srcdir=src)
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "sphinxincludegraphics" not in tex
    assert "\\sphinxstyleemphasis{The lost sticker}" in tex
    assert "\\sphinxstyleemphasis{an icon}" in tex
