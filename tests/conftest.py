"""Shared fixtures: Sphinx test roots live in tests/roots/test-<name>/."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

pytest_plugins = ["sphinx.testing.fixtures"]

#: `make mutation` runs the unit tests once per mutant, through mutmut's
#: trampolines: no deadline (every call is slower there), the same examples
#: every run (so a score is reproducible) and no example database.
settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
#: ... and at most this many examples per property, even where a test asks for
#: more: a mutant a property catches at all it almost always catches early.
MUTATION_EXAMPLES = 40


#: Fixtures that build a Sphinx project: a test that reaches one is not a unit
#: test, and the mutation run leaves it out (one build per mutant is minutes).
BUILD_FIXTURES = frozenset({"app", "make_app", "tmp_path_factory", "example_pdf"})


def pytest_collection_modifyitems(config, items):
    if settings.get_current_profile_name() != "mutation":
        return
    builds = [item for item in items
              if BUILD_FIXTURES.intersection(getattr(item, "fixturenames", ()))]
    if builds:
        config.hook.pytest_deselected(items=builds)
        items[:] = [item for item in items if item not in set(builds)]
    for item in items:
        test = getattr(item, "obj", None)
        chosen = getattr(test, "_hypothesis_internal_use_settings", None)
        if chosen is not None and chosen.max_examples > MUTATION_EXAMPLES:
            test._hypothesis_internal_use_settings = settings(
                chosen, max_examples=MUTATION_EXAMPLES)



@pytest.fixture(autouse=True)
def _fresh_memos():
    """No memoised answer (``model.memo``) passes from one test to the next: a
    mutation run forks each mutant's tests from a process that already ran
    them unmutated, whose answers would hide the mutant."""
    from sphinx_newsroom.model.memo import forget_all

    forget_all()
    yield


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


TEX_TOOLS = ("xelatex", "latexmk", "pdftotext", "pdffonts", "fc-list")
BROWSER_TOOLS = ("chromium", "chromedriver")
#: epubcheck (Debian package epubcheck): a Java program, run as ``java -jar``.
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
EPUB_TOOLS = ("java",)


def missing(tools: tuple[str, ...]) -> list[str]:
    return [tool for tool in tools if shutil.which(tool) is None]


def has_tex() -> bool:
    return not missing(TEX_TOOLS)


def _skip_reason(tools: tuple[str, ...]) -> str:
    return (f"not installed: {', '.join(missing(tools))} "
            "(the Debian packages are listed in .ci/debian-packages.txt)")


#: A PDF test; skipped, saying which tool is absent, where TeX is not installed.
needs_tex = pytest.mark.skipif(not has_tex(), reason=_skip_reason(TEX_TOOLS))
#: A browser test; skipped, saying which tool is absent, where Chromium is not installed.
needs_browser = pytest.mark.skipif(bool(missing(BROWSER_TOOLS)), reason=_skip_reason(BROWSER_TOOLS))

#: An EPUB validation; skipped, saying what is absent, where epubcheck is not installed.
_EPUB_ABSENT = [*missing(EPUB_TOOLS), *([] if EPUBCHECK_JAR.is_file() else [str(EPUBCHECK_JAR)])]
needs_epubcheck = pytest.mark.skipif(
    bool(_EPUB_ABSENT), reason=f"not installed: {', '.join(_EPUB_ABSENT)} (Debian package "
                               "epubcheck; the packages are listed in .ci/debian-packages.txt)")

#: NEWSROOM_REQUIRE_TOOLS=tex,browser,epub (set by .ci/run): a skipped PDF,
#: browser or EPUB-validation test fails.
REQUIRED = {name.strip() for name in os.environ.get("NEWSROOM_REQUIRE_TOOLS", "").split(",")
            if name.strip()}
MARKERS = {"tex": "pdf", "browser": "browser", "epub": "epubcheck"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    required = [MARKERS[name] for name in REQUIRED if name in MARKERS]
    # (An expected failure is reported as skipped too: it ran, so it stands.)
    if (report.skipped and not hasattr(report, "wasxfail")
            and any(item.get_closest_marker(m) for m in required)):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (f"NEWSROOM_REQUIRE_TOOLS={','.join(sorted(REQUIRED))} asks for this "
                           f"test to run, and it was skipped: {reason}")


def run_latexmk(outdir: Path, texfile: str) -> subprocess.CompletedProcess:
    """Compile as Sphinx's Makefile would, recording every file TeX opens (``.fls``)."""
    return subprocess.run(
        ["latexmk", "-pdfxe", "-recorder", "-interaction=nonstopmode", "-halt-on-error", texfile],
        cwd=outdir, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory) -> tuple[Path, list[str]]:
    """The example site built to LaTeX and compiled once: (output folder, build warnings)."""
    from sphinx.testing.util import SphinxTestApp

    if not has_tex():
        pytest.skip(_skip_reason(TEX_TOOLS))
    src = tmp_path_factory.mktemp("example-pdf") / "src"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp("latex", srcdir=src, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
        warnings = warnings_of(app)
        outdir = Path(app.outdir)
    finally:
        app.cleanup()
    run = run_latexmk(outdir, "compute-watch.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    return outdir, warnings


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


def build_root(tmp_path_factory, root: str, builder: str, **overrides):
    """A copy of test root ``root`` built fresh with ``builder``: for module-scoped fixtures."""
    src = tmp_path_factory.mktemp(f"{root}-{builder}") / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    return built(builder, src, confoverrides=overrides)


def built(builder: str, srcdir: Path, **kwargs):
    """The project in ``srcdir`` built once, fresh, by a test app of its own (for
    module-scoped fixtures); its status and warnings are kept in memory."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, freshenv=True, status=StringIO(),
                        warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


#: An overfull line wider than this (in points) is one a reader sees.
OVERFULL_LIMIT = 10.0


def tex_log_problems(log: str) -> list[str]:
    """The lines of a TeX log that show on the page: glyphs missing, lines too wide."""
    problems = [line for line in log.splitlines() if "Missing character" in line]
    for match in re.finditer(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)[^\n]*", log):
        if float(match.group(1)) > OVERFULL_LIMIT:
            problems.append(match.group(0))
    return problems


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def label_pages(aux: str) -> dict[str, int]:
    """Every label of a LaTeX ``.aux`` file and the page it is on."""
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"\\newlabel\{([^}]*)\}\{\{[^}]*\}\{(\d+)\}", aux)}


def book_index_of(tex: str, title: str) -> list[tuple[str, list[str]]]:
    """The index ``title`` as the LaTeX file writes it: (term, its articles' labels)."""
    body = tex[tex.index(f"\\renewcommand{{\\indexname}}{{{title}}}"):]
    body = body[:body.index("\\end{sphinxtheindex}")]
    entries: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        term = re.match(r"\\item\\relax\\sphinxnewsroomindexterm\{\\detokenize\{[^}]*\}\}\{(.*)\}$",
                        line)
        article = re.search(r"\\sphinxnewsroomindexarticle\{\\detokenize\{([^}]*)\}\}", line)
        if term:
            entries.append((term.group(1), []))
        elif article:
            entries[-1][1].append(article.group(1))
    return entries


def index_text(pdf: Path, title: str, next_title: str | None) -> str:
    """The text of the index ``title`` of a PDF, column by column.

    (``pdftotext`` alone may interleave the lines of two columns: each page is
    read as its left half, then its right half.)
    """
    sheets = pdf_text(pdf).split("\f")
    first = _index_sheet(sheets, title)
    # (pdftotext ends every page with a form feed, the last one too)
    end = _index_sheet(sheets, next_title) if next_title else len(sheets) - 1
    info = subprocess.run(["pdfinfo", "-f", str(first + 1), "-l", str(first + 1), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    size = re.search(r"size:\s+([\d.]+) x ([\d.]+)", info)
    assert size is not None, info
    width, height = float(size.group(1)), float(size.group(2))
    halves = []
    for page in range(first + 1, end + 1):
        for x in (0, width / 2):
            halves.append(pdf_text(pdf, "-f", str(page), "-l", str(page), "-x", str(int(x)),
                                   "-y", "0", "-W", str(int(width / 2)), "-H", str(int(height))))
    return "\n".join(halves)


def _index_sheet(sheets: list[str], title: str) -> int:
    """The page (0-based) where the index ``title`` begins: its title, then a letter
    heading (not the table of contents, nor a running head)."""
    for number, sheet in enumerate(sheets):
        lines = [line.strip() for line in sheet.splitlines() if line.strip()]
        if title in lines[:2]:
            after = lines[lines.index(title) + 1:][:1]
            if after and len(after[0]) <= 3 and not after[0].isdigit():
                return number
    raise AssertionError(f"no index {title!r} in the text")


def read_back_index(text: str, terms: list[str]) -> dict[str, list[list[int]]]:
    """Each term's lines in an index's text: term -> the page numbers after each line
    that is the term alone (one list per such line)."""
    names = {"".join(t.split()): t for t in terms}
    found: dict[str, list[list[int]]] = {t: [] for t in terms}
    current: list[int] | None = None
    chunk: list[str] = []

    def close() -> None:
        if current is not None:
            current.extend(int(n) for n in re.findall(r",\s*(\d+)(?!\S)", "\n".join(chunk)))

    for line in text.splitlines():
        key = "".join(line.split())
        if key in names:
            close()
            current, chunk = [], []
            found[names[key]].append(current)
        elif len(key) > 3 or not key.isalpha():  # (not a letter heading)
            chunk.append(line)
    close()
    return found


def save_pages(pdf: Path, folder: Path, pages: dict[str, int]) -> list[Path]:
    """Pages of ``pdf`` as PNG images (60 dpi) for a reader of the test run to look at."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, page in pages.items():
        stem = folder / name
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True)
        saved.append(stem.with_suffix(".png"))
    return saved


# -- what a bibliography entry shows of a parsed footnote (the parser's tests) -------


def cited(text: str) -> tuple[str, str, tuple[str, ...], str, str]:
    """Title, publisher, authors, date as shown, URL: a parsed footnote's entry."""
    from sphinx_newsroom.citations.model import issued_text
    from sphinx_newsroom.citations.parse import parse_citation

    c = parse_citation(text)
    return c.title, c.publisher, c.authors, issued_text(c), c.url


def dated(text: str) -> tuple[datetime.date | None, str]:
    """A parsed footnote's date and the precision it is written at."""
    from sphinx_newsroom.citations.parse import parse_citation

    c = parse_citation(text)
    return c.date, c.date_precision
