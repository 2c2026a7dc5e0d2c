"""Shared fixtures: Sphinx test roots live in tests/roots/test-<name>/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ["sphinx.testing.fixtures"]

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def html(app, docname: str) -> BeautifulSoup:
    """The built page of ``docname``, parsed."""
    return BeautifulSoup((Path(app.outdir) / f"{docname}.html").read_text("utf-8"), "html.parser")


def warnings_of(app) -> list[str]:
    """Warnings of the build, one string per warning, colour codes stripped."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def has_tex() -> bool:
    return all(shutil.which(tool) for tool in ("xelatex", "latexmk", "pdftotext"))


needs_tex = pytest.mark.skipif(not has_tex(), reason="xelatex, latexmk and pdftotext needed")


@pytest.fixture
def build_copy(make_app, rootdir, tmp_path):
    """Copy a test root to a fresh folder and return a function that builds it."""

    def build(root: str, builder: str = "html", src: Path | None = None, **kwargs):
        if src is None:
            src = tmp_path / root
            if not src.exists():
                shutil.copytree(rootdir / f"test-{root}", src)
        app = make_app(builder, srcdir=src, **kwargs)
        app.build()
        return app

    return build


def html_tree(outdir: Path) -> dict[str, str]:
    """The content of every HTML page of a build, for comparison between builds.

    Only the page body is compared: the theme's navigation (previous/next
    links, the toctree sidebar) is Sphinx's own and is not refreshed on
    unchanged pages by incremental builds, with or without this extension.
    """
    pages = {}
    for path in sorted(Path(outdir).rglob("*.html")):
        if path.name in {"search.html", "genindex.html"}:
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        body = soup.select_one("div.body") or soup.body
        pages[path.relative_to(outdir).as_posix()] = str(body)
    return pages
