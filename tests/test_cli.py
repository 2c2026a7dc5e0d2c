"""The ``sphinx-newsroom`` command: help, exit codes, ``new`` and ``preview``."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, html, warnings_of

from sphinx_newsroom.cli import preview
from sphinx_newsroom.cli.console import Console
from sphinx_newsroom.cli.parser import main
from sphinx_newsroom.model.frontmatter import read_front_matter
from sphinx_newsroom.model.terms import file_slug

SUBCOMMANDS = [["new"], ["check"], ["import"], ["import", "hugo"], ["import", "jekyll"],
               ["import", "ablog"], ["preview"]]


def run_module(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """``python -m sphinx_newsroom``, importing this checkout's package."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "sphinx_newsroom", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help(command, capsys):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: sphinx-newsroom {' '.join(command)}")
    assert "--quiet" in out or command == ["import"]


def test_the_program_runs_as_python_dash_m():
    result = run_module("--help")
    assert result.returncode == 0
    assert "new" in result.stdout and "Exit codes: 0" in result.stdout
    assert run_module().returncode == 2
    result = run_module("nonsense")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_help_needs_no_sphinx():
    """``--help`` is instant: the parser imports no subcommand, hence no Sphinx."""
    script = ("import sys; from sphinx_newsroom.cli.parser import build_parser; "
              "build_parser(); print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('sphinx', 'docutils', 'tqdm', 'yaml')))")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("title", "slug"), [
    ("英伟达发布新芯片：H200", "ying-wei-da-fa-bu-xin-xin-pian-h200"),
    ("とうきょうへ行った", "toukyouhe-xing-tta"),
    ("한국어 뉴스", "hangukeo-nyuseu"),
    ("Éclair über alles!", "eclair-uber-alles"),
    ("!!!", "article-9a7b006d"),
    ("CON", "con-article"),
])
def test_file_names_are_ascii_and_never_empty(title, slug):
    assert file_slug(title) == slug


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    src = tmp_path / "site"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    monkeypatch.chdir(src)
    return src


def test_new_writes_a_complete_article_that_builds(site, capsys, make_app):
    code = main(["new", "英伟达发布新芯片：H200", "--tags", "AI, 芯片", "--tags", "GPU",
                 "--topics", "算力", "--author", "李明", "--date", "2025-07-20 09:30"])
    assert code == 0
    path = capsys.readouterr().out.strip()
    assert path == "articles/ying-wei-da-fa-bu-xin-xin-pian-h200.md"
    text = (site / path).read_text("utf-8")
    data = read_front_matter(text).data
    assert data["title"] == "英伟达发布新芯片：H200"
    # The example site's newsroom_timezone is Asia/Shanghai.
    assert data["date"].isoformat() == "2025-07-20T09:30:00+08:00"
    assert data["tags"] == ["AI", "芯片", "GPU"] and data["main_topics"] == ["算力"]
    assert data["authors"] == ["李明"] and data["draft"] is False
    assert {"summary", "featured_image"} <= set(data)
    assert text.rstrip().endswith("## 引用")  # the site is Chinese: its references heading

    app = make_app("html", srcdir=site, freshenv=True)
    app.build()
    # The example site lists its articles by name: the new one is in no toctree yet.
    assert [w.split(": WARNING: ", 1)[1] for w in warnings_of(app)] == [
        "document isn't included in any toctree [toc.not_included]"]
    article = html(app, "articles/ying-wei-da-fa-bu-xin-xin-pian-h200")
    assert article.select_one("h1").get_text(strip=True).rstrip("¶") == "英伟达发布新芯片：H200"
    assert article.select_one(".news-meta time")["datetime"] == "2025-07-20T09:30:00+08:00"


def test_new_dates_now_in_the_sites_zone_and_never_overwrites(site, capsys):
    assert main(["new", "Chips", "--dir", "briefs"]) == 0
    path = site / capsys.readouterr().out.strip()
    date = read_front_matter(path.read_text("utf-8")).data["date"]
    assert date.utcoffset().total_seconds() == 8 * 3600
    assert path.read_text("utf-8").rstrip().endswith("## 引用")
    before = path.read_bytes()
    assert main(["new", "Chips", "--dir", "briefs"]) == 1
    assert "exists: not overwritten" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_new_usage_errors(site, capsys):
    assert main(["new", "x", "--date", "someday"]) == 2
    assert "--date: 'someday' is not a date" in capsys.readouterr().err
    assert main(["new", "x", "--dir", "../outside"]) == 2
    assert main(["new", "  "]) == 2
    assert not (site.parent / "outside").exists()


def test_new_in_an_english_project(tmp_path, capsys):
    (tmp_path / "conf.py").write_text('newsroom_timezone = "America/New_York"\n')
    assert main(["new", "Hello", "--project", str(tmp_path), "--date", "2025-01-02"]) == 0
    text = (tmp_path / "articles/hello.md").read_text("utf-8")
    assert "date: 2025-01-02T00:00:00-05:00" in text and text.rstrip().endswith("## References")


def test_preview_without_sphinx_autobuild_says_how_to_get_it(site, capsys, monkeypatch):
    real = preview.importlib.util.find_spec
    monkeypatch.setattr(preview.importlib.util, "find_spec",
                        lambda name, *a: None if name == "sphinx_autobuild" else real(name, *a))
    assert main(["preview"]) == 1
    assert "pip install sphinx-autobuild" in capsys.readouterr().err


def test_preview_refuses_the_production_folder(site, capsys):
    assert main(["preview", "--out", "_build/html"]) == 2
    assert "where the site itself is built" in capsys.readouterr().err
    assert main(["preview", "--port", "70000"]) == 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_preview_serves_drafts_on_loopback_and_rebuilds(site):
    pytest.importorskip("sphinx_autobuild")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "sphinx_newsroom", "preview", "--port",
                               str(port)], cwd=site, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/articles/datacenter-power-policy.html"
        deadline = time.monotonic() + 240
        page = None
        while page is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(1)
            page = _get(url)
        assert page is not None, "the preview did not come up"
        assert "news-meta" in page  # the draft is built, with its panel
        assert (site / "_build/preview/articles/datacenter-power-policy.html").is_file()
        assert not (site / "_build/html").exists()
        article = site / "articles/datacenter-power-policy.md"
        article.write_text(article.read_text("utf-8") + "\nA line added while previewing.\n",
                           "utf-8")
        while time.monotonic() < deadline and "A line added while previewing." not in (
                _get(url) or ""):
            time.sleep(1)
        assert "A line added while previewing." in (_get(url) or "")
    finally:
        server.terminate()
        server.wait(timeout=30)
    # Stopping the preview stops its server: nothing is left serving on the port.
    deadline = time.monotonic() + 30
    while _get(url) is not None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _get(url) is None, "sphinx-autobuild still serves after the preview stopped"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_drawn_on_a_terminal_only():
    terminal, pipe = _Terminal(), io.StringIO()
    assert list(Console(err=terminal).progress(range(30), 30, "importing")) == list(range(30))
    # Drawn (and cleared at the end: the bar leaves no line behind).
    assert "importing:" in terminal.getvalue() and "/30 " in terminal.getvalue()
    assert list(Console(err=pipe).progress(range(30), 30, "importing")) == list(range(30))
    assert list(Console(quiet=1, err=_Terminal()).progress(range(30), 30, "x")) == list(
        range(30))
    assert pipe.getvalue() == ""
