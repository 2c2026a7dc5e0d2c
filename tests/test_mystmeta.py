"""Articles' front matter skips MyST's second and third YAML read: same result.

``env_metadata`` derives the ``env.metadata`` MyST and docutils would, and
the block is blanked before MyST sees it.  Each site here is built with that
shortcut and without it (MyST reading the front matter, as for any page):
the metadata of every document and every page written must be the same.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import sphinx_newsroom.read.source as reader
from sphinx_newsroom.model.frontmatter import read_front_matter
from sphinx_newsroom.read.mystmeta import env_metadata

REPO = Path(__file__).resolve().parent.parent

#: Front matter that the shortcut must either reproduce or leave to MyST.
EDGE_CASES = '''---
title: "Edge: cases"
date: 2025-07-02T15:40:04+08:00
Date: July 2, 2025
author: Jane Roe
authors: [Jane Roe, John Doe]
organization: ACME_corp
version: 1.0
status: "*draft*"
copyright: (c) 2025 ACME
contact: jane@example.com
tocdepth: "2"
nothing:
number: 3.5
nested: {a: [1, 2, {b: null}], c: "中文"}
tags: [Chips, "AI芯片"]
summary: "A summary -- with dashes... and (tm)."
events: [{on: 2025-01-01, what: launch}]
---

Body.
'''

#: Varied front matter the shortcut itself answers (no field MyST must see).
VARIED = """---
title: Varied values
date: 2025-07-03
tags: [Chips, "AI芯片", 2025]
标题: 中文的值 ✓
Reading Time: 3
negative: -12
exponent: 1.5e3
yes_no: yes
empty_list: []
empty_map: {}
nested: {a: {b: [1, 2.5, null, true]}, c: "中文"}
day: 2025-07-02
block: |
  two
  lines
emphasis: "*not* markdown here"
---

Body.
"""


def pages(outdir: Path) -> dict[str, str]:
    return {p.relative_to(outdir).as_posix(): p.read_text("utf-8")
            for p in sorted(outdir.rglob("*.html"))} | {
        "searchindex.js": (outdir / "searchindex.js").read_text("utf-8")}


def site(tmp_path: Path, rootdir: Path, name: str, extra_conf: str, tag: str) -> Path:
    src = tmp_path / f"{name}-{tag}"
    origin = REPO / "example_site" if name == "example_site" else rootdir / f"test-{name}"
    shutil.copytree(origin, src, ignore=shutil.ignore_patterns("_build"))
    if name == "taxonomy":
        (src / "news" / "edge.md").write_text(EDGE_CASES, encoding="utf-8")
        (src / "news" / "varied.md").write_text(VARIED, encoding="utf-8")
        (src / "news" / "myst-keys.md").write_text(
            "---\ntitle: Own settings\ndate: 2025-01-02\nhtml_meta:\n  keywords: chips\n"
            "myst:\n  enable_extensions: [deflist]\n---\n\nTerm\n: Definition\n",
            encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + extra_conf + "\n")
    return src


@pytest.mark.parametrize(("name", "extra_conf"), [
    ("taxonomy", 'language = "en"'),      # date, author, ... are bibliographic fields
    ("taxonomy", 'language = "de"'),      # ... under their German names, "date" is not
    ("taxonomy", 'language = "fr"'),
    ("taxonomy", 'language = "zh_CN"'),
    ("taxonomy", 'language = "ja"'),
    ("taxonomy", "myst_title_to_header = True"),  # MyST reads every front matter itself
    ("seed", ""),
    ("frontmatter", ""),
    ("example_site", ""),
])
def test_same_metadata_and_pages_as_myst(make_app, rootdir, tmp_path, monkeypatch,
                                          name, extra_conf):
    built = build_both_ways(make_app, rootdir, tmp_path, monkeypatch, name, extra_conf)
    (fast_md, fast_pages, fast_warnings), (myst_md, myst_pages, myst_warnings) = (
        built[True], built[False])
    assert fast_md == myst_md
    assert fast_pages.keys() == myst_pages.keys()
    for page in fast_pages:
        assert fast_pages[page] == myst_pages[page], page
    # (Sphinx warns about re-registered node classes when one process sets up
    # two apps: only the warnings about documents are compared.)
    assert documents_warnings(fast_warnings, f"{name}-True") == documents_warnings(
        myst_warnings, f"{name}-False")


def test_the_comparison_notices_when_myst_writes_front_matter_differently(
        make_app, rootdir, tmp_path, monkeypatch):
    """Should MyST change how it renders front matter (here: lists as comma-separated
    text instead of JSON), the comparison above must fail: this is that change."""
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer

    original = DocutilsRenderer.dict_to_fm_field_list

    def changed(self, data, language_code, line=0):
        data = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in data.items()}
        return original(self, data, language_code, line)

    monkeypatch.setattr(DocutilsRenderer, "dict_to_fm_field_list", changed)
    built = build_both_ways(make_app, rootdir, tmp_path, monkeypatch, "taxonomy",
                            'language = "en"')
    fast, myst = built[True][0]["news/varied"], built[False][0]["news/varied"]
    assert fast["tags"] == '["Chips", "AI\\u82af\\u7247", 2025]'
    assert myst["tags"] == "Chips, AI芯片, 2025"


def build_both_ways(make_app, rootdir, tmp_path, monkeypatch, name, extra_conf):
    """{shortcut taken: (env.metadata, pages, warnings)} of one site built both ways."""
    built = {}
    for shortcut in (True, False):
        with monkeypatch.context() as patch:
            if not shortcut:
                patch.setattr(reader, "env_metadata", lambda *args: None)
            src = site(tmp_path, rootdir, name, extra_conf, str(shortcut))
            app = make_app("html", srcdir=src, freshenv=True)
            app.build()
            metadata = {doc: dict(md) for doc, md in app.env.metadata.items()}
            built[shortcut] = metadata, pages(Path(app.outdir)), app._warning.getvalue()
    return built


def documents_warnings(text: str, folder: str) -> list[str]:
    return sorted(line.split(folder, 1)[1] for line in text.splitlines() if folder in line)


def test_the_shortcut_is_taken_for_articles():
    """(Else the test above compares MyST with itself.)"""
    data = {"title": "OpenAI转向TPU", "date": dt.datetime(2025, 7, 2, 15, 40, 4,
                                                          tzinfo=dt.timezone(dt.timedelta(hours=8))),
            "draft": False, "tags": ["OpenAI", "AI芯片"], "summary": "A (summary)."}
    expected = {"title": "OpenAI转向TPU", "date": "2025-07-02 15:40:04+08:00",
                "draft": "False", "tags": '["OpenAI", "AI\\u82af\\u7247"]',
                "summary": "A (summary)."}
    assert env_metadata(data, "zh_CN", False) == expected
    assert env_metadata(data, "en", False) == expected
    assert env_metadata(data, "en", True) is None  # myst_title_to_header
    varied = read_front_matter(VARIED)
    for language in ("en", "de", "fr", "zh_CN", "ja"):
        assert env_metadata(varied.data, language, False) is not None, language
    assert env_metadata({**data, "myst": {}}, "en", False) is None
    assert env_metadata({**data, "authors": ["A", "B"]}, "en", False) is None
    assert env_metadata({**data, "authors": ["A", "B"]}, "zh_CN", False) is not None
    assert env_metadata({**data, "date": "*soon*"}, "en", False) is None
    assert env_metadata({**data, "date": "*soon*"}, "zh_CN", False)["date"] == "*soon*"
