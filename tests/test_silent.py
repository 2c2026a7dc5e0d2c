"""Silent when unused: a project with zero articles builds as it did without the extension."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import html_tree, warnings_of

ARTICLE = """---
title: The only article
date: 2025-07-02T09:00:00+08:00
tags: [launch]
---

Body.
"""


def outputs(outdir: Path) -> set[str]:
    return {p.relative_to(outdir).as_posix() for p in outdir.rglob("*")
            if p.is_file() and ".doctrees" not in p.parts}


def test_the_pdf_of_a_project_without_articles_has_no_newsroom_in_it(make_app, rootdir):
    app = make_app("latex", srcdir=rootdir / "test-zero")
    app.build()
    assert warnings_of(app) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "newsroom" not in tex
    assert not (Path(app.outdir) / "sphinxnewsroom.sty").exists()


def test_an_article_brings_the_style_file(make_app, rootdir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-zero", src)
    (src / "news.md").write_text(ARTICLE, "utf-8")
    app = make_app("latex", srcdir=src)
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "\\usepackage{sphinxnewsroom}" in tex and "\\sphinxnewsroomindexterm" in tex
    assert (Path(app.outdir) / "sphinxnewsroom.sty").is_file()


def test_removing_the_last_article_removes_what_it_brought(make_app, rootdir, tmp_path):
    """Incremental equals clean: no archive, term page, overview or feed stays behind."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-zero", src)
    (src / "news.md").write_text(ARTICLE, "utf-8")
    out = tmp_path / "out"
    first = make_app("html", srcdir=src, builddir=out)
    first.build()
    written = outputs(Path(first.outdir))
    assert {"archive.html", "tags/launch.html", "tags/index.html", "atom.xml"} <= written
    (src / "news.md").unlink()
    again = make_app("html", srcdir=src, builddir=out)
    again.build()
    clean = make_app("html", srcdir=src, builddir=tmp_path / "clean")
    clean.build()
    for app in (again, clean):
        # (Sphinx repeats "node class already registered" for a second app in one test.)
        assert [w for w in warnings_of(app) if "already registered" not in w] == []
    # Sphinx itself keeps a removed page's file and old static files; nothing else stays.
    def pages(outdir: Path) -> set[str]:
        return {p for p in outputs(outdir) if not p.startswith("_static/")}

    left = pages(Path(again.outdir)) - {"news.html", "_sources/news.md.txt"}
    assert left == pages(Path(clean.outdir))
    assert html_tree(Path(again.outdir)).keys() >= html_tree(Path(clean.outdir)).keys()
    page = (Path(clean.outdir) / "index.html").read_text("utf-8")
    assert "atom.xml" not in page and "newsroom.css" not in page
