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
