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
