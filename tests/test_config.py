"""Every ``newsroom_*`` option: what Sphinx knows, what a bad value does, what a change costs."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOTS, html, warnings_of

from sphinx_newsroom import clock
from sphinx_newsroom.config import OPTIONS

BY_NAME = {option.name: option for option in OPTIONS}
ATOM = "{http://www.w3.org/2005/Atom}"

#: A value each option refuses, as a project would write it in conf.py.
INVALID: dict[str, object] = {
    "newsroom_article_patterns": "news/*",
    "newsroom_fields": {"headline": ["title"]},
    "newsroom_taxonomies": {"tags": []},
    "newsroom_term_aliases": {"AI": " "},
    "newsroom_show_drafts": "yes",
    "newsroom_timezone": "Nowhere/City",
    "newsroom_auto_meta": 1,
    "newsroom_references_titles": ["References", 7],
    "newsroom_site_url": ["https://news.example.org/"],
    "newsroom_citation_style": "mla",
    "newsroom_footnotes": "all",
    "newsroom_feeds": "no",
    "newsroom_term_feeds": None,
    "newsroom_feed_length": 0,
    "newsroom_publisher": {"name": "Example News", "email": "desk@example.org"},
    "newsroom_social_meta": "off",
    "newsroom_related": -1,
    "newsroom_raw_html": "True",
    "newsroom_words_per_minute": 0,
    "newsroom_cjk_chars_per_minute": 2.5,
    "newsroom_date_sources": [":fields", ":mtime"],
    "newsroom_math": "on",
    "newsroom_shortcodes": ["hugo", "wordpress"],
    "newsroom_websub_hub": "hub.example.org",
    "newsroom_sitemap": "yes",
    "newsroom_news_sitemap": 1,
    "newsroom_publication_name": None,
    "newsroom_authors": ["authors.yml"],
    "newsroom_author_pages": "no",
    "newsroom_page_size": -5,
    "newsroom_hreflang_default": "english language",
}

#: For each "html" option, another valid value than test-feeds' (its output differs).
HTML_CHANGES: dict[str, object] = {
    "newsroom_site_url": "https://other.example/news/",
    "newsroom_feeds": False,
    "newsroom_term_feeds": False,
    "newsroom_feed_length": 1,
    "newsroom_publisher": {"name": "Other Desk"},
    "newsroom_social_meta": False,
    "newsroom_related": 0,
    "newsroom_page_size": 1,
    "newsroom_websub_hub": "https://hub.example.org/",
    "newsroom_sitemap": False,
    "newsroom_news_sitemap": False,
    "newsroom_publication_name": "The Other Paper",
    "newsroom_authors": {"Li Lei": {"name": "Lei Li", "sameAs": "https://lilei.example.org/"}},
    "newsroom_author_pages": False,
}


def project(tmp_path: Path, root: str = "feeds", conf: str = "") -> Path:
    """A copy of a test root, with ``conf`` appended to its conf.py."""
    src = tmp_path / f"{root}-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(ROOTS / f"test-{root}", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf_py:
        conf_py.write(f"\n{conf}\n")
    return src


def build(make_app, src: Path, **overrides):
    """Build ``src`` (in its own ``_build``); return the app and the docs it read."""
    app = make_app("html", srcdir=src, confoverrides=overrides)
    read: list[str] = []
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    app.build()
    return app, read


def written_docs(app) -> set[str]:
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


def atom_titles(app, path: str = "atom.xml") -> list[str]:
    feed = ET.parse(Path(app.outdir) / path).getroot()
    return [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every file a build wrote, but Sphinx's own bookkeeping."""
    return {p.relative_to(outdir).as_posix(): p.read_bytes()
            for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name not in {".buildinfo", ".buildinfo.bak"}}


# --- What Sphinx is told ------------------------------------------------------


def test_sphinx_knows_each_options_rebuild_types_and_help(make_app, tmp_path):
    app = make_app("html", srcdir=project(tmp_path))
    for rebuild in ("env", "html"):
        registered = {c.name for c in app.config.filter({rebuild})
                      if c.name.startswith("newsroom_")}
        assert registered == {o.name for o in OPTIONS if o.rebuild == rebuild}
    for option in OPTIONS:
        # Sphinx keeps the help only in its (private) option records.
        assert app.config._options[option.name].description == option.help, option.name


def test_values_of_every_declared_type_are_accepted_quietly(make_app, tmp_path):
    """A tuple where the default is a list is fine, for us and for Sphinx's type check."""
    conf = ('newsroom_article_patterns = ("news/*",)\n'
            'newsroom_references_titles = ("References",)')
    app = make_app("html", srcdir=project(tmp_path, conf=conf))
    assert warnings_of(app) == []
    assert app.config.newsroom_article_patterns == ("news/*",)


# --- Bad values ---------------------------------------------------------------


def test_every_option_has_an_invalid_value_test():
    assert sorted(INVALID) == sorted(BY_NAME)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_value_warns_and_uses_the_default(make_app, tmp_path, name):
    option, value = BY_NAME[name], INVALID[name]
    assert not option.check(value)
    app = make_app("html", srcdir=project(tmp_path, conf=f"{name} = {value!r}"))
    # One warning, ours: Sphinx's own type check sees the default, not the bad value.
    assert warnings_of(app) == [
        f"WARNING: {name} = {value!r} is not {option.expected}; using the default "
        f"{option.default!r} [newsroom.config]"
    ]
    assert app.config[name] == option.default


def test_a_build_with_a_bad_value_goes_on(make_app, tmp_path):
    app, _ = build(make_app, project(tmp_path, conf="newsroom_feed_length = 'ten'"))
    assert len(warnings_of(app)) == 1
    assert len(atom_titles(app)) == 4  # the default length holds every dated public article


# --- What a change rebuilds ---------------------------------------------------


def test_every_html_option_has_a_rebuild_test():
    assert sorted(HTML_CHANGES) == sorted(o.name for o in OPTIONS if o.rebuild == "html")


def test_an_html_option_rewrites_pages_and_feeds_without_reading(make_app, tmp_path):
    src = project(tmp_path)
    first, read = build(make_app, src)
    assert len(read) == len(first.env.found_docs)
    assert len(atom_titles(first)) == 4
    assert (Path(first.outdir) / "tags/chips.atom.xml").is_file()
    assert len(html(first, "tags/chips").select("link[rel=alternate]")) == 6

    second, read = build(make_app, src, newsroom_feed_length=1, newsroom_term_feeds=False)
    assert read == []
    assert "0 added, 0 changed, 0 removed" in second.status.getvalue()
    assert written_docs(second) == set(second.env.found_docs)
    assert atom_titles(second) == ["Cloud prices fall"]
    assert not (Path(second.outdir) / "tags/chips.atom.xml").exists()
    # The term page (not a document: the extension writes it) lost its term feeds too.
    assert len(html(second, "tags/chips").select("link[rel=alternate]")) == 3

    term_page = Path(second.outdir) / "tags/chips.html"
    written = term_page.stat().st_mtime_ns
    time.sleep(0.01)  # a rewrite would give the file a later time
    third, read = build(make_app, src, newsroom_feed_length=1, newsroom_term_feeds=False)
    assert read == [] and written_docs(third) == set()
    assert term_page.stat().st_mtime_ns == written


@pytest.mark.parametrize("name", sorted(HTML_CHANGES))
def test_an_html_option_changed_gives_what_a_clean_build_gives(make_app, tmp_path, name,
                                                               monkeypatch):
    # The day after test-feeds' newest articles: the news sitemap holds them.
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2025, 4, 11, tzinfo=dt.UTC))
    src = project(tmp_path)
    before = outputs(Path(build(make_app, src)[0].outdir))
    incremental, read = build(make_app, src, **{name: HTML_CHANGES[name]})
    assert read == []
    clean, _ = build(make_app, project(tmp_path), **{name: HTML_CHANGES[name]})
    got, expected = outputs(Path(incremental.outdir)), outputs(Path(clean.outdir))
    assert got.keys() == expected.keys()
    assert [f for f in expected if got[f] != expected[f]] == []
    assert before != expected  # the change shows


def test_an_env_option_reads_every_document_again(make_app, tmp_path):
    src = project(tmp_path)
    first, _ = build(make_app, src)
    time = html(first, "news/chips").select_one(".news-meta-date time")
    assert time["datetime"] == "2025-03-01T09:30:00+08:00"

    second, read = build(make_app, src, newsroom_timezone="UTC")
    assert sorted(read) == sorted(first.env.found_docs)
    time = html(second, "news/chips").select_one(".news-meta-date time")
    assert time["datetime"] == "2025-03-01T09:30:00+00:00"
