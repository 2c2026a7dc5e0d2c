"""``sphinx-newsroom import``: Hugo, Jekyll and ABlog sites become a newsroom that builds.

The sites in tests/import-sites/ are of this project's making, each with what
real sites hold: page bundles, TOML and YAML, shortcodes and Liquid, CRLF line
ends, odd dates, non-ASCII paths and a file that cannot be converted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import warnings_of

from sphinx_newsroom.cli.parser import main
from sphinx_newsroom.model.frontmatter import read_front_matter

SITES = Path(__file__).parent / "import-sites"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def page(outdir: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def imported(tmp_path: Path, tool: str, capsys) -> tuple[Path, int, str]:
    dest = tmp_path / f"{tool}-site"
    code = main(["import", tool, str(SITES / tool), str(dest)])
    return dest, code, capsys.readouterr().out


def build(make_app, srcdir: Path):
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app, Path(app.outdir)


def front(path: Path) -> dict:
    return read_front_matter(path.read_text("utf-8")).data


def test_a_hugo_site_imports_and_builds_cleanly(tmp_path, capsys, make_app):
    dest, code, out = imported(tmp_path, "hugo", capsys)
    # One file cannot be converted (its front matter is broken): said, with its line.
    assert code == 1
    assert "content/posts/broken.md: not imported: 3: front matter is not valid YAML" in out
    assert ("content/posts/theme-shortcode.md:8: shortcode 'tweet-card' is not understood"
            in out)
    assert "imported 5 articles and 1 page from Hugo" in out
    written = tree(dest)
    assert "posts/broken.md" not in written and "posts/old.html" not in written
    # A page bundle keeps its images beside its article; a static image is copied.
    assert {"posts/bundle-post/index.md", "posts/bundle-post/cover.png",
            "posts/bundle-post/chart.png", "images/banner.png", "conf.py", "index.md",
            "posts/2022/中文文章.md", "posts/notes.md"} <= set(written)
    toml = front(dest / "posts/2021-03-04-toml-post.md")
    assert toml["date"].isoformat() == "2021-03-04T09:30:00+08:00"  # the site's timeZone
    assert toml["main_topics"] == ["Tools"] and toml["summary"] == "The lede, before the fold."
    # A theme's key is kept as written (nothing is lost), and said.
    assert toml["weight"] == 2
    assert ("content/posts/2021-03-04-toml-post.md:8: front-matter keys kept as written, "
            "with no meaning to the newsroom: weight") in out
    assert front(dest / "posts/2022/中文文章.md")["date"].isoformat() == "2022-01-05"
    assert front(dest / "posts/bundle-post/index.md")["featured_image"] == "cover.png"
    assert json.loads((dest / "redirects.json").read_text()) == {
        "2021/03/toml-post/index": "/posts/2021-03-04-toml-post.html",
        "old/toml": "/posts/2021-03-04-toml-post.html"}

    app, outdir = build(make_app, dest)
    assert warnings_of(app) == []
    bundle = page(outdir, "posts/bundle-post/index")
    assert bundle.select_one("h1").get_text(strip=True).rstrip("¶") == \
        "A page bundle, images beside it"
    assert bundle.select_one(".news-meta time")["datetime"] == "2021-04-01T08:00:00+08:00"
    assert bundle.select(".news-bibliography, .news-references")
    chinese = page(outdir, "posts/2022/中文文章")
    # Tags, then the Hugo taxonomy "series", kept as a taxonomy of its own.
    assert [a.get_text() for a in chinese.select("a.news-term")] == ["AI", "芯片", "芯片观察"]
    assert (outdir / "series").is_dir()  # Hugo's own taxonomy, kept
    toml_page = page(outdir, "posts/2021-03-04-toml-post")
    assert toml_page.select_one("figure img")["src"].endswith("banner.png")
    assert toml_page.select_one("iframe[src*='youtube']") is not None
    assert "{{" not in toml_page.get_text()
    notes = page(outdir, "posts/notes")
    assert notes.select_one(".admonition.warning") is not None
    assert "The note's text, from Pandoc." in notes.select_one("aside.footnote, "
                                                                ".footnote").get_text()
    redirect = (outdir / "2021/03/toml-post/index.html").read_text()
    assert "../../../posts/2021-03-04-toml-post.html" in redirect


def test_a_jekyll_site_imports_and_builds_cleanly(tmp_path, capsys, make_app):
    dest, code, out = imported(tmp_path, "jekyll", capsys)
    assert code == 1
    assert "_posts/2023-04-04-latin1.md: not imported: not UTF-8 (byte 33)" in out
    assert "_posts/2019-07-04-liquid-and-kramdown.markdown:23: Liquid tag {% include %}" in out
    assert "about.md" not in tree(dest)
    kramdown = front(dest / "posts/2019-07-04-liquid-and-kramdown.md")
    assert kramdown["date"].isoformat() == "2019-07-04"  # from the file name
    assert kramdown["tags"] == ["release", "jekyll"]  # Jekyll's space-separated tags
    assert kramdown["summary"] == "The excerpt, before the separator."
    odd = front(dest / "posts/2020-01-31-odd-date.md")
    assert odd["date"].isoformat() == "2020-01-31T09:05:00-05:00"
    assert odd["authors"] == ["Ann Lee", "Bo Chen"]
    assert front(dest / "drafts/work-in-progress.md")["draft"] is True
    assert front(dest / "news/posts/2023-03-03-in-a-category.md")["main_topics"] == ["news"]
    assert (dest / "assets/img/launch.png").is_file()

    app, outdir = build(make_app, dest)
    assert warnings_of(app) == []
    post = page(outdir, "posts/2019-07-04-liquid-and-kramdown")
    assert post.select_one("img")["src"].endswith("launch.png")
    assert post.select_one("a[href$='2020-01-31-odd-date.html']") is not None
    assert post.select_one("div.highlight-ruby") is not None
    # {% raw %} stays literal through the import and the build.
    assert "{{ this stays literal }}" in page(outdir, "posts/2020-01-31-odd-date").get_text()
    assert page(outdir, "posts/2022-02-02-café-ünïcode").select_one("h1") is not None
    assert not (outdir / "drafts/work-in-progress.html").exists()
    assert (outdir / "2019/07/04/old-name.html").is_file()


def test_an_ablog_project_imports_and_builds_cleanly(tmp_path, capsys, make_app):
    dest, code, out = imported(tmp_path, "ablog", capsys)
    assert code == 0, out
    release = front(dest / "posts/2019/release.md")
    assert release["title"] == "Version 1.0 Released"
    assert release["date"].isoformat() == "2019-06-01"  # "June 01, 2019"
    assert release["authors"] == ["Ann Lee"]  # blog_authors' full name
    assert release["tags"] == ["release", "python"] and release["main_topics"] == ["Release"]
    assert release["location"] == ["World"] and release["language"] == "en"
    assert release["summary"] == "The first stable release."
    assert release["updates"][0]["text"] == "A typo in the announcement was fixed."
    markdown = front(dest / "posts/2020/markdown-post.md")
    assert markdown["date"].isoformat() == "2020-10-10"  # "Oct 10, 2020"
    assert markdown["title"] == "Posts in Markdown" and "blogpost" not in markdown
    assert front(dest / "posts/2020/directive-post.md")["tags"] == ["holidays"]
    assert front(dest / "posts/2020/odd.md")["draft"] is True  # ABlog: no date, a draft
    assert "about.md" not in tree(dest)

    app, outdir = build(make_app, dest)
    assert warnings_of(app) == []
    post = page(outdir, "posts/2019/release")
    # ABlog's update directive became an entry of updates: the dated notice shows it.
    notice = post.select_one(".news-corrections .news-update")
    assert notice.get_text().endswith("A typo in the announcement was fixed.")
    assert post.select_one("p:not(.news-notice) > strong").get_text() == "version 1.0"
    assert post.select_one("a[href='https://example.org/changelog']") is not None
    assert [h.get_text(strip=True).rstrip("¶") for h in post.select("h2")][:1] == ["Highlights"]
    assert (outdir / "locations").is_dir()
    assert (outdir / "blog/version-1.html").is_file()


@pytest.mark.parametrize("tool", ["hugo", "jekyll", "ablog"])
def test_a_second_import_changes_nothing(tmp_path, capsys, tool):
    dest, _, _ = imported(tmp_path, tool, capsys)
    before = {p: p.stat().st_mtime_ns for p in dest.rglob("*") if p.is_file()}
    contents = tree(dest)
    main(["import", tool, str(SITES / tool), str(dest)])
    out = capsys.readouterr().out
    assert tree(dest) == contents
    assert {p: p.stat().st_mtime_ns for p in dest.rglob("*") if p.is_file()} == before
    summary = next(line for line in out.splitlines() if line.startswith("imported "))
    assert summary.endswith(" unchanged") and " written" not in summary, summary


def test_dry_run_writes_nothing(tmp_path, capsys):
    dest = tmp_path / "dry"
    code = main(["import", "hugo", str(SITES / "hugo"), str(dest), "--dry-run"])
    assert code == 1  # the broken file is still reported
    assert not dest.exists()
    assert "would import 5 articles" in capsys.readouterr().out


def test_a_file_that_differs_is_kept_without_force(tmp_path, capsys):
    dest, _, _ = imported(tmp_path, "ablog", capsys)
    edited = dest / "posts/2019/release.md"
    edited.write_text(edited.read_text() + "\nAn edit made after the import.\n")
    mine = edited.read_bytes()
    assert main(["import", "ablog", str(SITES / "ablog"), str(dest)]) == 1
    assert "posts/2019/release.md: differs from what the import writes; kept" in \
        capsys.readouterr().out
    assert edited.read_bytes() == mine
    assert main(["import", "ablog", str(SITES / "ablog"), str(dest), "--force"]) == 0
    assert b"An edit made after the import." not in edited.read_bytes()


def test_into_a_folder_of_an_existing_project_nothing_is_written_outside(tmp_path, capsys,
                                                                         make_app):
    project = tmp_path / "project"
    project.mkdir()
    (project / "conf.py").write_text(
        'extensions = ["sphinx_newsroom", "sphinx_reredirects"]\nexclude_patterns = ["_build"]\n'
        'html_baseurl = "https://example.org/"\n'
        "import json, pathlib\n"
        'moved = pathlib.Path(__file__).parent / "news/redirects.json"\n'
        "redirects = json.loads(moved.read_text()) if moved.is_file() else {}\n")
    (project / "index.md").write_text("# Home\n\n```{toctree}\nnews/index\n```\n")
    outside = tree(project)
    assert main(["import", "jekyll", str(SITES / "jekyll"), str(project / "news")]) == 1
    out = capsys.readouterr().out
    assert {k: v for k, v in tree(project).items() if not k.startswith("news/")} == outside
    assert "add news/index to a toctree of the project" in out
    post = (project / "news/posts/2019-07-04-liquid-and-kramdown.md").read_text()
    assert "](/news/assets/img/launch.png)" in post  # a site-absolute path, under DEST
    app, outdir = build(make_app, project)
    assert warnings_of(app) == []
    assert page(outdir, "news/posts/2019-07-04-liquid-and-kramdown").select_one(
        "img")["src"].endswith("launch.png")
    assert "../../../news/posts/2019-07-04-liquid-and-kramdown.html" in (
        outdir / "2019/07/04/old-name.html").read_text()


def test_usage_errors(tmp_path, capsys):
    assert main(["import", "hugo", str(tmp_path / "absent"), str(tmp_path / "d")]) == 2
    copy = tmp_path / "site"
    shutil.copytree(SITES / "hugo", copy)
    assert main(["import", "hugo", str(copy), str(copy / "inside")]) == 2
    assert "inside" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "hugo", str(empty), str(tmp_path / "d")]) == 1
    assert "no Hugo posts found" in capsys.readouterr().err
    assert main(["import", "wordpress", "a", "b"]) == 2
