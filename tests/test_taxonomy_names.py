"""Taxonomy names become folders, CSS classes and LaTeX index names: only safe slugs.

A name with a space or ``\\ # %`` broke the PDF's preamble. Such a name is
refused at ``config-inited`` (a ``newsroom.config`` warning naming it) and the
other taxonomies are kept; what the names do reach is escaped where written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from conftest import html, needs_tex, run_latexmk, warnings_of

BAD_NAMES = ["R&D lab", "a#b", "50%", "back\\slash", "{brace}", "日本"]
ARTICLE = """---
title: Names
date: 2025-05-01
tags: [Chips]
press_agencies: [Reuters]
rd: [Lasers]
---

Body.
"""


def write_site(src: Path, conf: str) -> Path:
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nproject = "Names"\n'
                                 'html_baseurl = "https://names.example.org/"\n' + conf, "utf-8")
    (src / "index.md").write_text("# Names\n\n```{toctree}\nnews/a\n```\n", "utf-8")
    (src / "news" / "a.md").write_text(ARTICLE, "utf-8")
    return src


def taxonomies_conf() -> str:
    names = {name: ["rd"] for name in BAD_NAMES}
    names |= {"tags": ["tags"], "press_agencies": ["press_agencies"]}
    return f"newsroom_taxonomies = {names!r}\n"


def test_unsafe_taxonomy_names_are_refused_by_name_and_the_others_kept(make_app, tmp_path):
    app = make_app("html", srcdir=write_site(tmp_path / "src", taxonomies_conf()))
    app.build()
    warnings = [w for w in warnings_of(app) if "[newsroom.config]" in w]
    for name in BAD_NAMES:
        said = [w for w in warnings if f"taxonomy name {name!r}" in w]
        assert len(said) == 1, (name, warnings)
        assert "conf.py" in said[0] and "letters, digits, '-' and '_'" in said[0]
    assert list(app.config.newsroom_taxonomies) == ["tags", "press_agencies"]
    panel = html(app, "news/a").select_one(".news-meta")
    assert [a.get_text() for a in panel.select("a.news-term")] == ["Chips", "Reuters"]
    assert (Path(app.outdir) / "press_agencies" / "reuters.html").is_file()
    assert not any(p.name.startswith(("R&D", "a#b", "50%")) for p in Path(app.outdir).iterdir())


@needs_tex
@pytest.mark.pdf
def test_the_pdf_compiles_with_unsafe_names_refused_and_underscored_names_indexed(
        make_app, tmp_path):
    conf = taxonomies_conf() + 'latex_engine = "xelatex"\n'
    app = make_app("latex", srcdir=write_site(tmp_path / "src", conf))
    app.build()
    outdir = Path(app.outdir)
    tex = (outdir / "names.tex").read_text("utf-8")
    assert "R&D" not in tex and "a#b" not in tex and "50%" not in tex
    assert "\\renewcommand{\\indexname}{Press agencies index}" in tex
    run = run_latexmk(outdir, "names.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    text = subprocess.run(["pdftotext", str(outdir / "names.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Press agencies index" in text and "Reuters" in text


def test_a_label_with_markup_characters_is_shown_as_text(make_app, tmp_path):
    """A translator's catalog may name "Tags" anything: the compact panel label escapes it."""
    catalog = Catalog(locale="fr", domain="sphinx_newsroom")
    catalog.add("Tags", "R&D <lab>")
    mo = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "sphinx_newsroom.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as out:
        write_mo(out, catalog)
    locale = str(tmp_path / "locale")
    conf = ('language = "fr"\n'
            f'def setup(app):\n    app.add_message_catalog("sphinx_newsroom", {locale!r})\n')
    src = write_site(tmp_path / "src", conf)
    (src / "news" / "a.md").write_text(ARTICLE.replace("[Chips]", '["R&D <lab>"]'), "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    raw = (Path(app.outdir) / "news" / "a.html").read_text("utf-8")
    page = html(app, "news/a")
    labels = [s.get_text() for s in page.select(".news-meta-field > span.news-meta-label")]
    assert "R&D <lab>" in labels
    assert page.select_one(".news-meta-tags a.news-term").get_text() == "R&D <lab>"
    assert "<lab>" not in raw
    assert raw.count("R&amp;D &lt;lab&gt;") >= 2  # the label and the term
