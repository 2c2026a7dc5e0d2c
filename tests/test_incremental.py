"""Incremental and parallel builds give exactly what a clean serial build gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, html_tree

NEW_ARTICLE = """---
title: Epsilon new
date: 2025-09-01
tags: [Chips, NewTag]
topics: [Cloud]
---

Epsilon body.
"""


def written_docs(app) -> set[str]:
    """Docnames whose page this build wrote (from Sphinx's status output)."""
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


@pytest.fixture
def workspace(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    return src


def clean_build(make_app, src: Path, tmp_path: Path, parallel: int = 0):
    """Build a copy of ``src`` from scratch."""
    copy = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=copy, freshenv=True, parallel=parallel)
    app.build()
    return app


def incremental(make_app, src: Path):
    app = make_app("html", srcdir=src)
    app.build()
    return app


def assert_same(make_app, src, tmp_path, app, removed: str = ""):
    expected = html_tree(clean_build(make_app, src, tmp_path).outdir)
    got = html_tree(app.outdir)
    # Sphinx leaves the page of a deleted document in place; everything else must match.
    got.pop(removed, None)
    assert got.keys() == expected.keys()
    for page in expected:
        assert got[page] == expected[page], page


def test_parallel_equals_serial(make_app, workspace, tmp_path):
    serial = clean_build(make_app, workspace, tmp_path)
    parallel = clean_build(make_app, workspace, tmp_path, parallel=2)
    assert html_tree(parallel.outdir) == html_tree(serial.outdir)
    assert (Path(parallel.outdir) / "tags/chips.html").is_file()


def test_incremental_edits(make_app, workspace, tmp_path):
    incremental(make_app, workspace)
    index = workspace / "index.md"

    # Add an article.
    (workspace / "news/e.md").write_text(NEW_ARTICLE, "utf-8")
    index.write_text(index.read_text("utf-8").replace("news/d\n", "news/d\nnews/e\n"), "utf-8")
    app = incremental(make_app, workspace)
    assert "lists" in written_docs(app)
    assert_same(make_app, workspace, tmp_path, app)
    assert (Path(app.outdir) / "tags/newtag.html").is_file()

    # Change an article's tags.
    b = workspace / "news/b.md"
    retagged = b.read_text("utf-8").replace("tags: [chips, 云计算, ＡＩ]", "tags: [云计算]")
    b.write_text(retagged, "utf-8")
    app = incremental(make_app, workspace)
    assert {"news/b", "lists"} <= written_docs(app)
    assert_same(make_app, workspace, tmp_path, app)

    # Change only an article's body: only that page is rewritten (and the doc
    # whose toctree holds it, which plain Sphinx rewrites too) - no list, no term page.
    a = workspace / "news/a.md"
    a.write_text(a.read_text("utf-8").replace("Alpha body.", "Alpha body, revised."), "utf-8")
    before = {p: p.stat().st_mtime_ns for p in Path(app.outdir).rglob("*.html")}
    app = incremental(make_app, workspace)
    assert written_docs(app) == {"news/a", "index"}
    changed = {p.relative_to(app.outdir).as_posix() for p in Path(app.outdir).rglob("*.html")
               if p.stat().st_mtime_ns != before.get(p)}
    # Sphinx rewrites its generated indices (general and domain ones) on every build.
    generated = {"search.html", "genindex.html", "newsroom-tags.html", "newsroom-topics.html"}
    assert changed - generated == {"news/a.html", "index.html"}
    assert_same(make_app, workspace, tmp_path, app)

    # Delete an article.
    (workspace / "news/c.md").unlink()
    index.write_text(index.read_text("utf-8").replace("news/c\n", ""), "utf-8")
    app = incremental(make_app, workspace)
    assert "lists" in written_docs(app)
    assert_same(make_app, workspace, tmp_path, app, removed="news/c.html")
    assert not (Path(app.outdir) / "tags/算力.html").exists()
    assert "Gamma" not in (Path(app.outdir) / "tags/chips.html").read_text("utf-8")


def test_no_op_rebuild_writes_nothing(make_app, workspace, tmp_path):
    incremental(make_app, workspace)
    app = incremental(make_app, workspace)
    assert written_docs(app) == set()


def generated_pages(outdir: Path) -> dict[str, str]:
    """Every page the extension generates (term pages, overviews, the archive), whole.

    Asset checksums (``?v=``) are left out: Sphinx takes them from the files of the
    previous build on every page it writes before copying the new theme's files.
    """
    paths = [*Path(outdir).glob("tags/*.html"), *Path(outdir).glob("topics/*.html"),
             Path(outdir) / "archive.html"]
    return {p.relative_to(outdir).as_posix(): re.sub(r"\?v=[0-9a-f]+", "", p.read_text("utf-8"))
            for p in sorted(paths)}


def test_theme_change_rewrites_generated_pages(make_app, workspace, tmp_path):
    incremental(make_app, workspace)
    app = make_app("html", srcdir=workspace, confoverrides={"html_theme": "classic"})
    app.build()
    expected = clean_build_with(make_app, workspace, tmp_path, {"html_theme": "classic"})
    got = generated_pages(app.outdir)
    assert "tags/chips.html" in got and "archive.html" in got
    for page, text in got.items():
        assert "_static/classic.css" in text, page  # the new theme, not the old one
    clean = generated_pages(expected.outdir)
    assert got.keys() == clean.keys()
    for page in clean:
        assert got[page].splitlines() == clean[page].splitlines(), page
    assert html_tree(app.outdir) == html_tree(expected.outdir)


def test_template_change_rewrites_generated_pages(make_app, workspace, tmp_path):
    templates = workspace / "_templates"
    templates.mkdir()
    page = templates / "page.html"
    frame = ('{%% extends "!page.html" %%}{%% block body %%}<p class="%s"></p>'
             "{{ super() }}{%% endblock %%}")
    page.write_text(frame % "old-frame", "utf-8")
    overrides = {"templates_path": ["_templates"]}
    make_app("html", srcdir=workspace, confoverrides=overrides).build()
    page.write_text(frame % "new-frame", "utf-8")  # the settings stay; the template changes
    app = make_app("html", srcdir=workspace, confoverrides=overrides)
    app.build()
    for name, text in generated_pages(app.outdir).items():
        assert 'class="new-frame"' in text, name


def clean_build_with(make_app, src: Path, tmp_path: Path, overrides: dict):
    copy = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=copy, freshenv=True, confoverrides=overrides)
    app.build()
    return app


@pytest.fixture
def bylines(tmp_path):
    src = tmp_path / "bylines"
    shutil.copytree(ROOTS / "test-authors", src)
    return src


def test_author_and_correction_edits(make_app, bylines, tmp_path):
    """Authors file, bylines and corrections edited: incremental builds equal clean ones."""
    incremental(make_app, bylines)
    authors = bylines / "authors.yml"

    # The authors file alone changes: bylines, author pages and metadata follow.
    authors.write_text(authors.read_text("utf-8").replace("name: John Roe", "name: Jon Roe"),
                       "utf-8")
    app = incremental(make_app, bylines)
    assert "Jon Roe" in (Path(app.outdir) / "news/chips.html").read_text("utf-8")
    assert "Jon Roe" in (Path(app.outdir) / "authors/jroe.html").read_text("utf-8")
    assert_same(make_app, bylines, tmp_path, app)

    # An article changes its author: the old author's page goes, a new one comes.
    markets = bylines / "news/markets.md"
    markets.write_text(markets.read_text("utf-8").replace("Wei Zhang", "Ann Lee"), "utf-8")
    app = incremental(make_app, bylines)
    assert not (Path(app.outdir) / "authors/wei-zhang.html").exists()
    assert (Path(app.outdir) / "authors/ann-lee.html").is_file()
    assert_same(make_app, bylines, tmp_path, app)

    # A correction is added: the notice, the corrections page and the feeds follow.
    power = bylines / "news/power.md"
    power.write_text(power.read_text("utf-8").replace(
        "tags: [Power]", "tags: [Power]\ncorrections:\n  - date: 2025-06-09\n"
        "    text: Prices were in euros."), "utf-8")
    app = incremental(make_app, bylines)
    assert "Prices were in euros." in (Path(app.outdir) / "corrections.html").read_text("utf-8")
    assert "2025-06-09" in (Path(app.outdir) / "atom.xml").read_text("utf-8")
    assert_same(make_app, bylines, tmp_path, app)

    # A draft becomes public: its author gets a page, its correction is listed.
    draft = bylines / "news/draft.md"
    draft.write_text(draft.read_text("utf-8").replace("draft: true", "draft: false"), "utf-8")
    app = incremental(make_app, bylines)
    assert (Path(app.outdir) / "authors/secret-writer.html").is_file()
    assert "A draft" in (Path(app.outdir) / "corrections.html").read_text("utf-8")
    assert_same(make_app, bylines, tmp_path, app)


def test_author_pages_in_parallel_equal_serial(make_app, bylines, tmp_path):
    serial = clean_build(make_app, bylines, tmp_path)
    parallel = clean_build(make_app, bylines, tmp_path, parallel=2)
    assert html_tree(parallel.outdir) == html_tree(serial.outdir)
    for name in ("atom.xml", "feed.json", "sitemap.xml", "authors/jane-doe.feed.json"):
        assert (Path(parallel.outdir) / name).read_bytes() == \
            (Path(serial.outdir) / name).read_bytes(), name
# --- an edit writes what changed, no more (issue 20) -------------------------------------

# Sphinx rewrites its own generated pages on every build, edit or none.
EVERY_BUILD = {"search.html", "genindex.html", "newsroom-tags.html", "newsroom-topics.html"}


def paged_site(root: Path, related: int = 0) -> Path:
    """Nine articles on one busy tag (five pages of two), each with a tag of its own.

    ``n1`` is the newest: the busy tag's page 1 and the archive's page 1 show it.
    With ``related``, ``n6`` also carries ``Own5``: ``n5`` and ``n6`` are related (a
    tag on every article counts for nothing).
    """
    (root / "news").mkdir(parents=True)
    (root / "conf.py").write_text(
        'extensions = ["sphinx_newsroom"]\nproject = "Paged"\nhtml_theme = "basic"\n'
        f'newsroom_timezone = "UTC"\nnewsroom_page_size = 2\nnewsroom_related = {related}\n',
        "utf-8")
    (root / "index.md").write_text("# Paged\n\n```{toctree}\n:glob:\n\nnews/*\n```\n", "utf-8")
    for i in range(1, 10):
        write_paged(root, i, ["Busy", f"Own{i}"] + (["Own5"] if related and i == 6 else []))
    return root


def write_paged(root: Path, i: int, tags: list[str], summary: str = "") -> None:
    (root / "news" / f"n{i}.md").write_text(
        f"---\ntitle: Story {i}\ndate: 2025-06-{20 - i:02d}\ntags: {tags}\n"
        f"topics: [Markets]\nsummary: {summary or f'About story {i}.'}\n---\n\nBody {i}.\n",
        "utf-8")


def pages_written(make_app, src: Path):
    """Build ``src`` again; the HTML files the build wrote, beyond Sphinx's every-build ones."""
    outdir = src / "_build" / "html"
    before = {p: p.stat().st_mtime_ns for p in outdir.rglob("*.html")}
    app = incremental(make_app, src)
    after = {p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html")
             if p.stat().st_mtime_ns != before.get(p)}
    return after - EVERY_BUILD, app


def test_a_tag_edit_writes_only_the_pages_it_changes(make_app, tmp_path):
    src = paged_site(tmp_path / "site")
    incremental(make_app, src)
    # n3 is the third newest: page 2 of the busy tag, the topic and the archive.
    write_paged(src, 3, ["Busy", "Fresh"])
    written, app = pages_written(make_app, src)
    assert written == {
        "news/n3.html", "index.html",  # what plain Sphinx writes: the article, its toctree
        "tags/fresh.html", "tags/index.html",  # the tag added, the overview's counts
        # The busy tag and the topic list n3 with its tags: the page showing it only.
        "tags/busy/page/2.html", "topics/markets/page/2.html",
    }
    assert not (Path(app.outdir) / "tags/own3.html").exists()  # the tag removed
    # The archive lists titles and dates: none changed, so none of its pages is written.
    assert_same(make_app, src, tmp_path, app)


def test_a_summary_edit_writes_the_pages_that_show_summaries(make_app, tmp_path):
    src = paged_site(tmp_path / "site", related=3)
    incremental(make_app, src)
    write_paged(src, 5, ["Busy", "Own5"], summary="A new summary of story five.")
    written, app = pages_written(make_app, src)
    # Term pages show the summary (the page holding n5 of each of its terms); the
    # archive and the related lists (n6's shows n5) show only titles, so they stand.
    assert written == {"news/n5.html", "index.html", "tags/busy/page/3.html",
                       "tags/own5.html", "topics/markets/page/3.html"}
    assert_same(make_app, src, tmp_path, app)


def test_a_title_edit_rewrites_the_archive_page_and_related_lists_showing_it(make_app, tmp_path):
    src = paged_site(tmp_path / "site", related=3)
    incremental(make_app, src)
    text = (src / "news/n5.md").read_text("utf-8").replace("Story 5", "Story five")
    (src / "news/n5.md").write_text(text, "utf-8")
    written, app = pages_written(make_app, src)
    assert {"archive/page/3.html", "tags/busy/page/3.html"} <= written
    assert not {"archive.html", "archive/page/2.html", "tags/busy.html"} & written
    # n6's related articles show n5's title; no other article's do.
    assert {p for p in written if p.startswith("news/")} == {"news/n5.html", "news/n6.html"}
    assert "Story five" in (Path(app.outdir) / "news/n6.html").read_text("utf-8")
    assert_same(make_app, src, tmp_path, app)


def test_a_body_edit_above_a_footnote_writes_what_plain_sphinx_writes(make_app, tmp_path):
    """A paragraph added above a footnote moves the footnote's line, which only
    locates warnings: no term page, archive page or bibliography is rewritten."""
    src = paged_site(tmp_path / "site")
    story = src / "news" / "n4.md"
    story.write_text(story.read_text("utf-8") + "\nA claim.[^1]\n\n[^1]: Report · Agency "
                     "· Ann Lee（2025/6/1）\n", "utf-8")
    (src / "sources.md").write_text("# Sources\n\n```{news-bibliography}\n```\n", "utf-8")
    (src / "index.md").write_text((src / "index.md").read_text("utf-8") + "\n```{toctree}\n"
                                  "sources\n```\n", "utf-8")
    incremental(make_app, src)
    story.write_text(story.read_text("utf-8").replace("Body 4.", "Body 4.\n\nA new paragraph."),
                     "utf-8")
    written, app = pages_written(make_app, src)
    assert written == {"news/n4.html", "index.html"}
    assert_same(make_app, src, tmp_path, app)
