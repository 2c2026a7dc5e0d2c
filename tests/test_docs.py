"""The documentation site builds cleanly with the extension and documents all of it."""

from __future__ import annotations

import shutil

from conftest import REPO, html, warnings_of

from sphinx_newsroom.cli.parser import build_parser
from sphinx_newsroom.config import OPTIONS
from sphinx_newsroom.warnings_ import NewsroomWarning


def test_docs_build_cleanly_and_document_everything(make_app, tmp_path):
    src = tmp_path / "docs"
    shutil.copytree(REPO / "docs", src, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=src)
    app.build()

    assert warnings_of(app) == []

    configuration = html(app, "configuration").select_one("div.body")
    # The table and each option's section are rendered from the options table.
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in configuration.select("table.newsroom-options tbody tr")]
    assert [row[0] for row in rows] == [option.name for option in OPTIONS]
    assert [row[3] for row in rows] == [option.rebuild for option in OPTIONS]
    assert rows[0][2] == "['**']" and rows[0][1] == "list or tuple"
    sections = {block.find_parent("section").h2.get_text(strip=True).rstrip("¶"): block
                for block in configuration.select("div.newsroom-option")}
    assert list(sections) == [option.name for option in OPTIONS], "an option has no section"
    feed_length = sections["newsroom_feed_length"].get_text(" ", strip=True)
    assert "int: a positive integer" in feed_length and "20" in feed_length
    assert "html : every HTML page is written again" in feed_length
    assert "'date': ['date', 'publishDate'" in sections["newsroom_fields"].get_text()

    warnings_page = html(app, "warnings").select_one("div.body").get_text()
    undocumented = [kind.value for kind in NewsroomWarning
                    if f"newsroom.{kind.value}" not in warnings_page]
    assert undocumented == [], f"warning subtypes not documented: {undocumented}"

    # The command-line reference is rendered from the command's own parser
    # (docs/conf.py put docs/_ext on the path).
    from newsroom_cli import commands as cli_commands

    reference = html(app, "command-line").select_one("div.body")
    sections = {" ".join(section.find(["h2", "h3"]).get_text().split()).rstrip("¶"): section
                for section in reference.select("section.newsroom-cli")}
    assert list(sections) == [" ".join(("sphinx-newsroom", *path))
                              for path, _ in cli_commands(build_parser())]
    for path, parser in cli_commands(build_parser()):
        text = sections[" ".join(("sphinx-newsroom", *path))].get_text(" ")
        options = [o for a in parser._actions for o in a.option_strings
                   if o not in ("-h", "--help")]
        assert [o for o in options if o not in text] == [], path
    assert "--format FORMAT" in sections["sphinx-newsroom check"].get_text()
    assert "one of: text, json, github" in sections["sphinx-newsroom check"].get_text()

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
