"""``sphinx-newsroom check``: every planted problem at its line, as the build reports it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, ROOTS, warnings_of

from sphinx_newsroom.cli.parser import main

#: (file, line, subtype, severity) of every problem planted in tests/roots/test-check.
PLANTED = [
    ("articles/bad-date.md", 3, "newsroom.date", "error"),
    ("articles/broken.md", 3, "newsroom.frontmatter", "error"),
    # A cite-source field that is no field, and a date that is no date.
    ("articles/cite.md", 9, "newsroom.citation", "error"),
    ("articles/cite.md", 9, "newsroom.citation", "error"),
    ("articles/crlf.md", 4, "newsroom.date", "error"),
    ("articles/crlf.md", 7, "newsroom.citation", "error"),
    ("articles/draft.md", 4, "newsroom.draft", "note"),
    ("articles/embargo.md", 3, "newsroom.draft", "note"),
    ("articles/footnotes.md", 7, "newsroom.citation", "error"),
    ("articles/footnotes.md", 12, "ref.footnote", "error"),
    ("articles/image.md", 4, "newsroom.image", "error"),
    ("articles/image.md", 5, "newsroom.term", "error"),
    ("articles/no-date.md", 1, "newsroom.article", "error"),
    # An uncited note is "not referenced" (also one that links to a document);
    # a source, read or declared so, is listed without being cited.
    ("articles/notes.md", 8, "ref.footnote", "error"),
    ("articles/notes.md", 11, "ref.footnote", "error"),
    ("articles/other-source.md", 11, "newsroom.citation", "error"),
    ("articles/rawhtml.md", 8, "newsroom.html", "error"),
    ("articles/shortcode.md", 8, "newsroom.shortcode", "error"),
    ("articles/sources.md", 4, "newsroom.term", "warning"),
    ("articles/sources.md", 12, "newsroom.citation", "note"),
    ("articles/types.md", 2, "newsroom.field", "error"),
    ("articles/types.md", 2, "newsroom.title", "error"),
    ("articles/types.md", 4, "newsroom.term", "error"),
    ("articles/typo.md", 4, "newsroom.field", "warning"),
    ("articles/typo.md", 5, "newsroom.field", "warning"),
    ("articles/typo.md", 6, "newsroom.field", "warning"),
    ("articles/undecided.md", 4, "newsroom.draft", "error"),
    ("articles/undecided.md", 4, "newsroom.draft", "note"),
]


@pytest.fixture
def planted(tmp_path, monkeypatch) -> Path:
    src = tmp_path / "check"
    shutil.copytree(ROOTS / "test-check", src)
    monkeypatch.chdir(src)
    return src


def check_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_check_finds_every_planted_problem_at_its_line(planted, capsys):
    code, report = check_json(capsys)
    assert code == 1
    found = [(p["path"], p["line"], p["subtype"], p["severity"]) for p in report["problems"]]
    assert sorted(found) == sorted(PLANTED)
    by_place = {(p["path"], p["line"], p["subtype"]): p for p in report["problems"]}
    assert by_place[("articles/typo.md", 4, "newsroom.field")]["message"] == (
        "unknown front-matter key 'tgas'; did you mean 'tags'?")
    assert "did you mean 'summary'" in by_place[("articles/typo.md", 5, "newsroom.field")][
        "message"]
    # The column of a footnote reference is where it is written.
    assert by_place[("articles/footnotes.md", 7, "newsroom.citation")]["column"] == 27
    assert "2999-01-01T08:00:00+08:00" in by_place[("articles/embargo.md", 3,
                                                    "newsroom.draft")]["message"]
    assert report["errors"] == 20 and report["articles"] == 15


def test_check_and_the_build_report_the_same_errors(planted, capsys, make_app):
    """Every build warning is a check error at the same place, and no check error is not."""
    _, report = check_json(capsys)
    errors = {(p["path"], p["line"], p["subtype"], p["message"])
              for p in report["problems"] if p["severity"] == "error"}
    app = make_app("html", srcdir=planted)
    app.build()
    warned = set()
    for line in warnings_of(app):
        match = re.match(r"(.+?\.md)(?::(\d+))?: WARNING: (.*) \[([\w.]+)\]$", line)
        assert match, line
        path = Path(match[1]).relative_to(planted).as_posix()
        warned.add((path, int(match[2] or 0), match[4], match[3]))
    # A warning the build gives without a line (a term's) is given at the term's key.
    unlined = {w for w in warned if w[1] == 0}
    assert {(p, s, m) for p, _, s, m in unlined} <= {(p, s, m) for p, _, s, m in errors}
    lined = warned - unlined
    assert lined == {e for e in errors if (e[0], e[2], e[3]) not in
                     {(p, s, m) for p, _, s, m in unlined}}


def test_text_output_is_file_line_col_subtype_message(planted, capsys):
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "articles/bad-date.md:3:1: newsroom.date: 'date': '2025-13-45' is not a valid date: " \
           "month must be in 1..12; ignored" in lines
    assert "articles/typo.md:4:1: newsroom.field: warning: unknown front-matter key 'tgas'; " \
           "did you mean 'tags'?" in lines
    assert lines[-1] == "15 articles in 18 documents: 20 errors, 4 warnings, 4 notes"


def test_quiet_prints_errors_only(planted, capsys):
    assert main(["check", "-q"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 20 and not any(": warning: " in line or ": note: " in line
                                   for line in lines)


def test_github_format_is_workflow_annotations(planted, capsys):
    assert main(["check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert ("::error file=articles/bad-date.md,line=3,col=1,title=newsroom.date::'date': "
            "'2025-13-45' is not a valid date: month must be in 1..12; ignored") in lines
    assert any(line.startswith("::warning file=articles/typo.md,line=4,") for line in lines)
    assert any(line.startswith("::notice file=articles/draft.md,line=4,") for line in lines)


def test_a_clean_tree_exits_0_and_the_example_site_and_docs_are_clean(capsys):
    for folder in ("example_site", "docs"):
        code, report = check_json(capsys, str(REPO / folder))
        assert code == 0, report
        assert [p for p in report["problems"] if p["severity"] != "note"] == [], folder
        assert report["articles"] >= 4


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "absent")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) == 2
    assert "no conf.py here" in capsys.readouterr().err
    assert main(["check", "--format", "xml"]) == 2


def test_python_dash_m_runs_check(planted):
    """The console script's entry point, as a program: the worktree's package on the path."""
    result = subprocess.run([sys.executable, "-m", "sphinx_newsroom", "check", str(planted)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1, result.stderr
    assert f"{planted}/articles/bad-date.md:3:1: newsroom.date:" in result.stdout


def test_pandoc_citation_keys_are_known(planted, capsys):
    """The keys read/bibliography_files.py reads, check knows (citations/pandoc_keys.py)."""
    (planted / "articles" / "pandoc.md").write_text(
        "---\ntitle: Pandoc keys\ndate: 2025-07-01\nbibliography: refs.json\n"
        "reference-section-title: Works cited\nnocite: '@*'\nsuppress-bibliography: false\n"
        "link-citations: true\ncsl: style.csl\n---\n\nText.\n", "utf-8")
    (planted / "refs.json").write_text("[]", "utf-8")
    _, report = check_json(capsys)
    assert not [p for p in report["problems"] if p["path"] == "articles/pandoc.md"
                and "unknown front-matter key" in p["message"]]
