"""The daily-build recipe (tools/daily_build.sh, docs/daily-builds.md) builds incrementally
on a machine that keeps nothing but its cache, and publishes an article whose embargo
ended between two runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tools" / "daily_build.sh"

# sphinx-build with the extension's clock set from FROZEN_NOW: the recipe's build runs in a
# process of its own, so the test freezes the clock there.
FROZEN_SPHINX_BUILD = """\
import datetime as dt, os, sys
from sphinx_newsroom import clock
clock.now = lambda: dt.datetime.fromisoformat(os.environ["FROZEN_NOW"])
from sphinx.cmd.build import main
sys.exit(main(sys.argv[1:]))
"""

ARTICLE = """---
title: {title}
date: {date}
tags: [Chips]
---

{title} body.
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("sh") is None,
                                reason="the recipe needs git and a POSIX shell")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org",
                    "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True,
                   capture_output=True)


def daily_build(tmp_path: Path, src: Path, now: str) -> set[str]:
    """Run the recipe as a cron job or a CI step would; the documents Sphinx read."""
    wrapper = tmp_path / "frozen_sphinx_build.py"
    wrapper.write_text(FROZEN_SPHINX_BUILD, "utf-8")
    env = dict(os.environ, PYTHON=sys.executable, FROZEN_NOW=now,
               SPHINXBUILD=f"{sys.executable} {wrapper}",
               PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(["sh", str(SCRIPT), str(src), str(tmp_path / "build"),
                             str(tmp_path / "cache")], env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    # (Sphinx writes in colour where CI is set: the codes are not part of a name.)
    out = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", result.stdout)
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", out))


def fresh_checkout(src: Path) -> None:
    """A CI runner's checkout: no build folder, every file as new as the checkout."""
    for path in src.rglob("*"):
        if path.is_file():
            path.touch()


def test_the_second_daily_run_is_incremental_and_publishes_the_embargoed(tmp_path):
    src = tmp_path / "site"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["sphinx_newsroom"]\nproject = "Daily"\nhtml_theme = "basic"\n'
        'newsroom_timezone = "UTC"\nhtml_baseurl = "https://daily.example.org/"\n', "utf-8")
    (src / "index.md").write_text(
        "# Daily\n\n```{toctree}\n:glob:\n\nnews/*\n```\n\n```{article-list}\n```\n", "utf-8")
    for i in range(1, 6):
        (src / "news" / f"a{i}.md").write_text(
            ARTICLE.format(title=f"Story {i}", date=f"2025-05-{10 + i}T08:00:00Z"), "utf-8")
    (src / "news" / "later.md").write_text(
        ARTICLE.format(title="Embargoed story", date="2025-06-02T12:00:00Z"), "utf-8")
    git(src, "init")
    git(src, "add", ".")
    git(src, "commit", "-m", "the newsroom")

    read = daily_build(tmp_path, src, "2025-06-01T00:00:00+00:00")
    html = tmp_path / "build" / "html"
    assert read == {"index", "news/a1", "news/a2", "news/a3", "news/a4", "news/a5"}
    assert not (html / "news" / "later.html").exists()
    assert "Embargoed story" not in (html / "index.html").read_text("utf-8")

    # The next day, on a new runner: the build folder comes from the cache only.
    shutil.rmtree(tmp_path / "build")
    fresh_checkout(src)
    read = daily_build(tmp_path, src, "2025-06-03T00:00:00+00:00")
    # Nothing else is read again (Sphinx re-reads a glob toctree when a document is added).
    assert read == {"news/later", "index"}
    assert (html / "news" / "later.html").is_file()
    assert "Embargoed story" in (html / "index.html").read_text("utf-8")
    assert "Embargoed story" in (html / "tags" / "chips.html").read_text("utf-8")

    # An edit committed since: that article is read again, and only it.
    story = src / "news" / "a3.md"
    story.write_text(story.read_text("utf-8").replace("Story 3 body.", "Story 3, revised."),
                     "utf-8")
    git(src, "commit", "-am", "revise story 3")
    shutil.rmtree(tmp_path / "build")
    fresh_checkout(src)
    read = daily_build(tmp_path, src, "2025-06-04T00:00:00+00:00")
    assert read == {"news/a3"}
    assert "Story 3, revised." in (html / "news" / "a3.html").read_text("utf-8")


def test_an_upgrade_starts_afresh(tmp_path):
    """The cache key holds the versions: a build made with others is not restored."""
    src = tmp_path / "site"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nproject = "Daily"\n'
                                 'html_baseurl = "https://daily.example.org/"\n',
                                 "utf-8")
    (src / "index.md").write_text("# Daily\n\nText.\n", "utf-8")
    assert daily_build(tmp_path, src, "2025-06-01T00:00:00+00:00") == {"index"}
    (tmp_path / "build" / ".build-key").write_text("py3.0-sphinx1.0-newsroom0.1\n", "utf-8")
    assert daily_build(tmp_path, src, "2025-06-01T00:00:00+00:00") == {"index"}
    assert daily_build(tmp_path, src, "2025-06-01T00:00:00+00:00") == set()
