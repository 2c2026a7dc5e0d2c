"""Issue 14: adding ``"sphinx_newsroom"`` to a real project leaves its documentation untouched.

The hosts are real documentation projects, reduced (``tests/hosts/``, see its
``MANIFEST.md``): a MyST-NB project, an ABlog project, a project with
sphinx-sitemap and sphinxext-opengraph, and a plain reStructuredText project.
Each is copied to a temporary folder and built to HTML without the extension
and with it (appended to ``extensions``, and prepended too where the order of
extensions matters), first as it is (zero articles: nothing may change), then
with two articles added (the articles work; the host's pages still do not
change).
"""

from __future__ import annotations

import dataclasses as dc
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import html_tree

HOSTS = Path(__file__).parent / "hosts"

#: The one file the extension may add to a host with no articles.
ASSET = "_static/newsroom.css"
#: The notice the extension gives when it cannot write feeds.
FEEDS_NOTICE = "feeds are not written"


@dc.dataclass(frozen=True)
class Host:
    name: str
    index: str  # the root document's file, in the source folder
    orders: tuple[str, ...]  # where "sphinx_newsroom" goes in extensions
    markdown_suffix: bool = True  # does the host's own source_suffix read .md?

    @property
    def rst(self) -> bool:
        return self.index.endswith(".rst")


MYST_NB = Host("myst-nb", "index.md", ("append", "prepend"))
ABLOG = Host("ablog", "index.md", ("append", "prepend"))
SITEMAP = Host("sitemap-opengraph", "index.rst", ("append", "prepend"), markdown_suffix=False)
ALABASTER = Host("alabaster", "index.rst", ("append",))
ALL_HOSTS = (MYST_NB, ABLOG, SITEMAP, ALABASTER)
BY_NAME = {host.name: host for host in ALL_HOSTS}

#: (host, order) for every build with the extension.
VARIANTS = [pytest.param(host.name, order, id=f"{host.name}-{order}")
            for host in ALL_HOSTS for order in host.orders]


def variants_of(*hosts: Host) -> list:
    return [pytest.param(host.name, order, id=f"{host.name}-{order}")
            for host in hosts for order in host.orders]


# -- the articles the tests add ------------------------------------------------

FIRST = {
    "path": "news/2025-07-01-first.md",
    "docname": "news/2025-07-01-first",
    "title": "Hosting the newsroom in a project",
    "date": "2025-07-01T09:30:00+08:00",
    "summary": "The first article written into a host project's own documentation.",
}
SECOND = {
    "path": "news/second.md",
    "docname": "news/second",
    "title": "A second report from the host",
    "date": "2025-07-02T15:40:04+00:00",
    "summary": "The second article, filed a day later under the same tags.",
}
#: The opengraph host also gets an article with no summary: its lede is the description.
NO_SUMMARY = {
    "path": "news/no-summary.md",
    "docname": "news/no-summary",
    "title": "An article without a summary",
    "date": "2025-07-03T08:00:00+00:00",
    "lede": "This lede is the first paragraph of an article that has no summary.",
}
#: The MyST-NB host also gets a notebook article, its front matter in the notebook metadata.
NOTEBOOK = {
    "path": "news/notebook.ipynb",
    "docname": "news/notebook",
    "title": "A notebook filed as an article",
    "date": "2025-07-04T12:00:00+00:00",
    "summary": "A Jupyter notebook whose metadata holds its front matter.",
}


def markdown_article(article: dict[str, str], tags: str = "[hosting, sphinx]") -> str:
    summary = f'summary: "{article["summary"]}"\n' if "summary" in article else ""
    lede = article.get("lede", f"The lede of {article['title'].lower()}, which says what "
                               "happened and where.")
    return (
        "---\n"
        f'title: "{article["title"]}"\n'
        f"date: {article['date']}\n"
        f"tags: {tags}\n"
        f"{summary}"
        "---\n\n"
        f"{lede}[^1]\n\n"
        "A second paragraph, with more of the story.\n\n"
        "## References\n\n"
        "[^1]: Some title · Publisher · Author (2025/6/30)\n"
    )


def notebook_article(article: dict[str, str]) -> str:
    """A notebook with its front matter as MyST-NB reads it: top-level notebook metadata.

    MyST-NB (``myst_nb/sphinx_.py``, ``SphinxNbRenderer.render_nb_initialise``)
    keeps ``kernelspec``, ``language_info`` (and ``source_map``, ``widgets``)
    for itself and passes every other top-level metadata key to the front-matter
    renderer.
    """
    notebook = {
        "cells": [
            {"cell_type": "markdown", "id": "lede", "metadata": {},
             "source": ["The lede of the notebook article, in its first markdown cell.[^1]"]},
            {"cell_type": "code", "execution_count": 1, "id": "code", "metadata": {},
             "outputs": [{"name": "stdout", "output_type": "stream", "text": ["42\n"]}],
             "source": ["print(6 * 7)"]},
            {"cell_type": "markdown", "id": "refs", "metadata": {},
             "source": ["## References\n", "\n",
                        "[^1]: Some title · Publisher · Author (2025/6/30)"]},
        ],
        "metadata": {
            "title": article["title"],
            "date": article["date"],
            "tags": ["hosting", "notebooks"],
            "summary": article["summary"],
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def articles_of(host: Host) -> list[dict[str, str]]:
    extra = {MYST_NB.name: [NOTEBOOK], SITEMAP.name: [NO_SUMMARY]}.get(host.name, [])
    return [FIRST, SECOND, *extra]


def news_toctree(host: Host, docnames: list[str]) -> str:
    if host.rst:
        entries = "".join(f"   {name}\n" for name in docnames)
        return f"\n\n.. toctree::\n   :caption: News\n\n{entries}"
    entries = "".join(f"{name}\n" for name in docnames)
    return f"\n\n```{{toctree}}\n:caption: News\n\n{entries}```\n"


def add_articles(host: Host, src: Path) -> None:
    articles = articles_of(host)
    for article in articles:
        path = src / article["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".ipynb":
            text = notebook_article(article)
        elif article is NO_SUMMARY:
            text = markdown_article(article, tags="[lede]")
        else:
            text = markdown_article(article)
        path.write_text(text, "utf-8")
    index = src / host.index
    index.write_text(index.read_text("utf-8") + news_toctree(host, [a["docname"]
                                                                    for a in articles]),
                     "utf-8")
    if not host.markdown_suffix:
        # What a project whose source_suffix names only .rst does to write Markdown articles.
        with (src / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write('\nsource_suffix = {".rst": "restructuredtext", ".md": "markdown"}\n')


# -- building, once per (host, order, articles) per module ----------------------


@dc.dataclass
class Build:
    src: Path
    outdir: Path | None = None
    warnings: list[str] = dc.field(default_factory=list)
    config: dict[str, str] = dc.field(default_factory=dict)  # name -> repr(value)
    error: str | None = None

    def ok(self) -> Build:
        assert self.error is None, f"the build crashed:\n{self.error}"
        return self

    def files(self) -> set[str]:
        return {p.relative_to(self.outdir).as_posix()
                for p in self.outdir.rglob("*") if p.is_file() and ".doctrees" not in p.parts}

    def page(self, docname: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")

    def bodies(self) -> dict[str, str]:
        # MyST's amsmath gives each equation a random uuid4 id, different on every build.
        return {page: UUID.sub("<uuid>", body) for page, body in html_tree(self.outdir).items()}


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def host_settings(src: Path) -> dict[str, Any]:
    """The names the host's conf.py sets, as Sphinx reads them."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    return dict(Config.read(src, overrides={}, tags=Tags())._raw_config)


#: Each build runs in a fresh interpreter: MyST-NB, ABlog and themes keep
#: process-wide state (ABlog's shared ``Blog``, mutated config defaults) that
#: would otherwise leak from one host's build into the next, and into the
#: rest of the test session. ``Sphinx`` itself, as ``sphinx-build`` runs it
#: (``SphinxTestApp`` would swap the alabaster theme for ``basic``).
CHILD = r"""
import json, re, sys, traceback
from io import StringIO
from pathlib import Path
from sphinx.application import Sphinx

src, result = Path(sys.argv[1]), Path(sys.argv[2])
out = {"outdir": None, "warnings": [], "config": {}, "error": None}
warning = StringIO()
try:
    app = Sphinx(src, src, src / "_build/html", src / "_build/doctrees", "html",
                 status=StringIO(), warning=warning, freshenv=True)
    app.build()
    out["outdir"] = str(app.outdir)
    names = [n for n in app.config._raw_config if n in app.config and n != "extensions"]
    out["config"] = {n: repr(app.config[n]) for n in names}
except BaseException:
    out["error"] = traceback.format_exc()
finally:
    text = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())
    out["warnings"] = [line.replace(str(src), "<src>") for line in text.splitlines()
                       if "WARNING" in line or "ERROR" in line or "CRITICAL" in line]
    result.write_text(json.dumps(out), "utf-8")
"""


def _build(src: Path) -> Build:
    result = src.parent / "build-result.json"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run([sys.executable, "-c", CHILD, str(src), str(result)],
                         capture_output=True, text=True, env=env, timeout=600)
    if not result.exists():
        return Build(src, error=f"the build process died ({run.returncode}):\n{run.stderr}")
    out = json.loads(result.read_text("utf-8"))
    return Build(src, outdir=Path(out["outdir"]) if out["outdir"] else None,
                 warnings=out["warnings"], config=out["config"], error=out["error"])


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    cache: dict[tuple[str, str, bool], Build] = {}

    def get(name: str, order: str = "none", articles: bool = False) -> Build:
        key = (name, order, articles)
        if key not in cache:
            host = BY_NAME[name]
            root = tmp_path_factory.mktemp(f"{name}-{order}-{'news' if articles else 'bare'}")
            shutil.copytree(HOSTS / name, root / name)
            src = root / name / "docs"
            if articles:
                add_articles(host, src)
            if order in ("append", "prepend"):
                line = {"append": 'extensions.append("sphinx_newsroom")',
                        "prepend": 'extensions.insert(0, "sphinx_newsroom")'}[order]
                with (src / "conf.py").open("a", encoding="utf-8") as conf:
                    conf.write(f"\n{line}\n")
            cache[key] = _build(src)
        return cache[key]

    return get


def new_warnings(before: Build, after: Build) -> list[str]:
    known = set(before.warnings)
    return [line for line in after.warnings if line not in known]


def without_news_toctree(body: str) -> str:
    """A page body without the toctree the tests add (the one naming news/ pages)."""
    soup = BeautifulSoup(body, "html.parser")
    for wrapper in soup.select("div.toctree-wrapper"):
        if any("news/" in a.get("href", "") for a in wrapper.select("a")):
            after = wrapper.next_sibling
            if isinstance(after, str) and not after.strip():
                after.extract()  # the newline the directive added with it
            wrapper.decompose()
    return str(soup)


def changed_bodies(before: dict[str, str], after: dict[str, str],
                   index: str | None = None) -> list[str]:
    changed = []
    for page, body in before.items():
        other = after.get(page)
        if other is None:
            continue  # reported by the missing-page test
        if page == index:
            body, other = without_news_toctree(body), without_news_toctree(other)
        if body != other:
            changed.append(page)
    return changed


def diff_hint(before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[:40])


# -- zero articles: nothing changes ---------------------------------------------


@pytest.mark.parametrize("name", [host.name for host in ALL_HOSTS])
def test_host_builds_without_extension(builds, name):
    """The corpus itself builds (the reference every other test compares with)."""
    build = builds(name).ok()
    assert (build.outdir / "index.html").exists()


@pytest.mark.parametrize("name", [host.name for host in ALL_HOSTS])
def test_corpus_is_reproducible(builds, name):
    """Two builds without the extension agree: every difference below is the extension's."""
    first, again = builds(name).ok(), builds(name, "again").ok()
    assert first.warnings == again.warnings
    assert first.files() == again.files()
    assert changed_bodies(first.bodies(), again.bodies()) == []


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_builds_with_extension(builds, name, order):
    builds(name, order).ok()


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_no_new_warning(builds, name, order):
    before, after = builds(name).ok(), builds(name, order).ok()
    new = new_warnings(before, after)
    assert new == [], "new warnings:\n" + "\n".join(new)


@pytest.mark.parametrize(("name", "order"), variants_of(MYST_NB, ABLOG, ALABASTER))
def test_no_feeds_notice_without_baseurl(builds, name, order):
    """A host with no html_baseurl and no articles hears nothing about feeds (``-W`` safe)."""
    after = builds(name, order).ok()
    assert "html_baseurl" not in host_settings(after.src)
    notices = [line for line in after.warnings if FEEDS_NOTICE in line]
    assert notices == [], "\n".join(notices)


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_strict_build(builds, name, order):
    """What ``-W`` asks of the extension: no warning, and no error, of its own."""
    before, after = builds(name).ok(), builds(name, order).ok()
    ours = [line for line in new_warnings(before, after) if "newsroom" in line]
    assert ours == [], "the extension's own warnings on a host with no articles:\n" + \
        "\n".join(ours)


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_page_bodies_unchanged(builds, name, order):
    before, after = builds(name).ok(), builds(name, order).ok()
    old, new = before.bodies(), after.bodies()
    changed = changed_bodies(old, new)
    hint = diff_hint(old[changed[0]], new[changed[0]]) if changed else ""
    assert changed == [], f"page bodies changed by the extension: {changed}; first diff:\n{hint}"


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_no_page_missing(builds, name, order):
    before, after = builds(name).ok(), builds(name, order).ok()
    missing = sorted(before.files() - after.files())
    assert missing == [], f"{len(missing)} files not written with the extension: {missing}"


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_config_not_overridden(builds, name, order):
    before, after = builds(name).ok(), builds(name, order).ok()
    changed = {name: (before.config[name], after.config.get(name))
               for name in before.config if before.config[name] != after.config.get(name)}
    assert changed == {}, "config values the host sets, (without, with) the extension"


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_no_extra_files(builds, name, order):
    """With zero articles the extension adds its stylesheet and nothing else."""
    before, after = builds(name).ok(), builds(name, order).ok()
    extra = sorted(after.files() - before.files() - {ASSET})
    assert extra == [], f"{len(extra)} files written beyond {ASSET}: {extra}"


# -- two articles added: they work, and the host's pages still do not change -----


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_articles_build(builds, name, order):
    builds(name, order, articles=True).ok()


@pytest.mark.parametrize("article", [FIRST, SECOND], ids=["first", "second"])
@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_article_page(builds, name, order, article):
    build = builds(name, order, articles=True).ok()
    path = build.outdir / f"{article['docname']}.html"
    assert path.exists(), f"{article['docname']} was not written"
    page = build.page(article["docname"])
    panel = page.select_one(".news-meta")
    assert panel is not None, "no .news-meta panel on the article"
    time = panel.select_one("time[datetime]")
    assert time is not None, "no <time datetime> in the panel"
    assert time["datetime"].startswith(article["date"][:10])
    assert page.title.get_text().startswith(article["title"])


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_term_page_lists_articles(builds, name, order):
    build = builds(name, order, articles=True).ok()
    path = build.outdir / "tags/hosting.html"
    assert path.exists(), "tags/hosting.html was not written"
    links = {(path.parent / a["href"].split("#")[0]).resolve()
             for a in build.page("tags/hosting").select("a[href]")
             if not a["href"].startswith(("http:", "https:", "#"))}
    for article in (FIRST, SECOND):
        assert (build.outdir / f"{article['docname']}.html").resolve() in links, article["docname"]


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_host_pages_unchanged_with_articles(builds, name, order):
    host = BY_NAME[name]
    before, after = builds(name).ok(), builds(name, order, articles=True).ok()
    old, new = before.bodies(), after.bodies()
    missing = sorted(set(old) - set(new))
    assert missing == [], f"host pages not written once articles were added: {missing}"
    changed = changed_bodies(old, new, index=Path(host.index).with_suffix(".html").name)
    hint = diff_hint(old[changed[0]], new[changed[0]]) if changed else ""
    assert changed == [], f"host page bodies changed: {changed}; first diff:\n{hint}"


@pytest.mark.parametrize(("name", "order"), VARIANTS)
def test_articles_add_no_warning(builds, name, order):
    """Well-formed articles build cleanly (the feeds notice aside, for hosts with no URL)."""
    before, after = builds(name).ok(), builds(name, order, articles=True).ok()
    new = [line for line in new_warnings(before, after) if FEEDS_NOTICE not in line]
    assert new == [], "new warnings:\n" + "\n".join(new)


# -- ABlog: its posts stay its posts ---------------------------------------------

ABLOG_POSTS = ["examples/blog/post1", "examples/blog/post2", "examples/blog/post3"]
ABLOG_PAGES = ["examples/blog/index.html", "examples/blog/index/archive.html",
               "examples/blog/index/tag/one.html", "examples/blog/index/category/manual.html",
               "examples/blog/index/author/pydata.html", "user_guide/ablog.html"]


@pytest.mark.parametrize("articles", [False, True], ids=["bare", "news"])
@pytest.mark.parametrize(("name", "order"), variants_of(ABLOG))
def test_ablog_posts_are_not_articles(builds, name, order, articles):
    build = builds(name, order, articles=articles).ok()
    panels = [post for post in ABLOG_POSTS if build.page(post).select_one(".news-meta")]
    assert panels == [], f"ABlog posts made into newsroom articles: {panels}"
    ours = [line for line in build.warnings
            if "examples/blog/" in line and "newsroom" in line]
    assert ours == [], "the extension read ABlog's posts as articles:\n" + "\n".join(ours)


@pytest.mark.parametrize("articles", [False, True], ids=["bare", "news"])
@pytest.mark.parametrize(("name", "order"), variants_of(ABLOG))
def test_ablog_pages_unchanged(builds, name, order, articles):
    before, after = builds(name).ok(), builds(name, order, articles=articles).ok()
    old, new = before.bodies(), after.bodies()
    for page in ABLOG_PAGES:
        assert page in old, f"corpus: ABlog wrote no {page}"
        assert page in new, f"ABlog's {page} is missing with the extension"
        assert old[page] == new[page], f"{page} changed:\n{diff_hint(old[page], new[page])}"
    listed = {a["href"] for a in BeautifulSoup(new["user_guide/ablog.html"], "html.parser")
              .select(".postlist a[href]")}
    for post in ABLOG_POSTS:
        assert any(href.endswith(f"{post.rsplit('/', 1)[1]}.html") for href in listed), post


# -- MyST-NB: a notebook article -------------------------------------------------


@pytest.mark.parametrize(("name", "order"), variants_of(MYST_NB))
def test_notebook_article_has_panel(builds, name, order):
    build = builds(name, order, articles=True).ok()
    assert (build.outdir / f"{NOTEBOOK['docname']}.html").exists()
    page = build.page(NOTEBOOK["docname"])
    panel = page.select_one(".news-meta")
    assert panel is not None, "the notebook article has no .news-meta panel"
    assert panel.select_one("time[datetime]")["datetime"].startswith(NOTEBOOK["date"][:10])
    assert page.title.get_text().startswith(NOTEBOOK["title"])
    assert "42" in page.select_one("div.body").get_text(), "the stored output was not rendered"


@pytest.mark.parametrize(("name", "order"), variants_of(MYST_NB))
def test_notebook_stays_a_notebook(builds, name, order):
    """The host's own notebook (with outputs) renders as without the extension."""
    before, after = builds(name).ok(), builds(name, order).ok()
    page = "render/orphaned_nb.html"
    old, new = before.bodies(), after.bodies()
    assert page in old and page in new
    assert old[page] == new[page]


# -- sphinxext-opengraph and sphinx-sitemap ---------------------------------------


def og_descriptions(page: BeautifulSoup) -> list[str]:
    return [meta["content"] for meta in page.select('meta[property="og:description"]')]


@pytest.mark.parametrize(("name", "order"), variants_of(SITEMAP))
def test_og_description_is_summary(builds, name, order):
    build = builds(name, order, articles=True).ok()
    for article in (FIRST, SECOND):
        found = og_descriptions(build.page(article["docname"]))
        assert found == [article["summary"]], article["docname"]


@pytest.mark.parametrize(("name", "order"), variants_of(SITEMAP))
def test_og_description_falls_back_to_lede(builds, name, order):
    build = builds(name, order, articles=True).ok()
    found = og_descriptions(build.page(NO_SUMMARY["docname"]))
    assert len(found) == 1, f"one og:description, not {found}"
    assert found[0].startswith(NO_SUMMARY["lede"]), found[0]
    assert "min read" not in found[0] and "2025" not in found[0]


@pytest.mark.parametrize(("name", "order"), variants_of(SITEMAP))
def test_host_og_tags_unchanged(builds, name, order):
    """The host's own pages keep the Open Graph tags sphinxext-opengraph gave them."""
    before, after = builds(name).ok(), builds(name, order).ok()
    for page in ("index", "getting-started", "configuration-values"):
        old = [str(m) for m in before.page(page).select('meta[property^="og:"]')]
        new = [str(m) for m in after.page(page).select('meta[property^="og:"]')]
        assert old and new == old, page


def sitemap_urls(build: Build) -> list[str]:
    soup = BeautifulSoup((build.outdir / "sitemap.xml").read_text("utf-8"), "html.parser")
    return [loc.get_text().strip() for loc in soup.find_all("loc")]


@pytest.mark.parametrize(("name", "order"), variants_of(SITEMAP))
def test_sitemap_lists_articles_once(builds, name, order):
    build = builds(name, order, articles=True).ok()
    counts = Counter(sitemap_urls(build))
    for article in articles_of(SITEMAP):
        found = {url: n for url, n in counts.items()
                 if url.endswith(f"/{article['docname']}.html")}
        assert list(found.values()) == [1], (article["docname"], found)


@pytest.mark.parametrize("articles", [False, True], ids=["bare", "news"])
@pytest.mark.parametrize(("name", "order"), variants_of(SITEMAP))
def test_sitemap_keeps_host_pages(builds, name, order, articles):
    before, after = builds(name).ok(), builds(name, order, articles=articles).ok()
    old, new = sitemap_urls(before), Counter(sitemap_urls(after))
    assert old, "corpus: sphinx-sitemap wrote an empty sitemap"
    lost = [url for url in old if new[url] != 1]
    assert lost == [], f"host pages not listed exactly once: {lost}"
    if not articles:
        added = sorted(set(new) - set(old))
        assert added == [], f"pages added to the sitemap of a host with no articles: {added}"
