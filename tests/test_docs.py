"""The documentation site builds cleanly with the extension and documents all of it."""

from __future__ import annotations

import shutil

from conftest import REPO, html, warnings_of

from sphinx_newsroom.config import OPTIONS
from sphinx_newsroom.warnings_ import NewsroomWarning


def test_docs_build_cleanly_and_document_everything(make_app, tmp_path):
    src = tmp_path / "docs"
    shutil.copytree(REPO / "docs", src, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=src)
    app.build()

    assert warnings_of(app) == []

    configuration = html(app, "configuration").select_one("div.body").get_text()
    missing = [option.name for option in OPTIONS if option.name not in configuration]
    assert missing == [], f"config values not documented: {missing}"

    warnings_page = html(app, "warnings").select_one("div.body").get_text()
    undocumented = [kind.value for kind in NewsroomWarning
                    if f"newsroom.{kind.value}" not in warnings_page]
    assert undocumented == [], f"warning subtypes not documented: {undocumented}"

    panel = html(app, "example-article").select_one(".news-meta")
    assert panel is not None
    assert panel.select_one(".news-meta-date time")["datetime"] == "2025-07-02T15:40:04+08:00"
    assert panel.select("a.news-term[rel~=tag]")


def test_code_is_lint_clean():
    """ruff (configured in pyproject.toml) finds nothing in the package and the tests."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "ruff", "check", "sphinx_newsroom", "tests",
                             "tools"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_code_is_type_clean():
    """mypy (configured in pyproject.toml) finds nothing in the package."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mypy", "sphinx_newsroom"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
