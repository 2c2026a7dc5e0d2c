"""The ``cite-source`` role in a built site: fields written by hand win, in HTML and LaTeX."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from conftest import build_root, html, warnings_of

from sphinx_newsroom.citations.model import Citation
from sphinx_newsroom.citations.override import apply_fields, parse_fields


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = build_root(tmp_path_factory, "cite-source", "html")
    yield app
    app.cleanup()


def entry_texts(app) -> list[str]:
    return [" ".join(p.get_text().split())
            for p in html(app, "sources").select("ol.news-bibliography > li p.news-source")]


def test_written_fields_replace_the_parse(site):
    assert entry_texts(site) == [
        "Docs as news. Example Weekly. Jane Doe. 2025-06.",
        "Term limits. The Rust Project. "
        "https://forge.rust-lang.org/governance/council.html#term-limits",
        "Handbook of Applied Cryptography. A. Menezes, P. van Oorschot and S. Vanstone. 1996.",
        "Chips. example.com. https://example.com/chips",
    ]
    # The footnote shows what its author wrote, without the role.
    article = html(site, "articles/override")
    notes = " ".join(article.select_one("aside.footnote-list, .footnote-list, section.footnotes,"
                                        " div.news-references, body").get_text().split())
    assert "Interview with Jane Doe, by email" in notes
    assert "cite-source" not in notes and "publisher=" not in notes
    # "See [Term limits](…)" would be a note; the role makes it a source.
    csl = json.loads((Path(site.outdir) / "_newsroom" / "sources.json").read_text("utf-8"))
    interview = next(i for i in csl if i.get("title") == "Docs as news")
    assert interview["issued"] == {"date-parts": [[2025, 6]]}
    assert interview["author"] == [{"literal": "Jane Doe"}]


def test_a_bad_field_is_a_located_warning(site):
    src = Path(site.srcdir) / "articles" / "override.md"
    found = [w for w in warnings_of(site) if "cite-source" in w]
    assert found == [
        f"{src}:11: WARNING: cite-source: date 'June 2025' is not a date (YYYY, YYYY-MM or "
        "YYYY-MM-DD); the field is left as parsed [newsroom.citation]",
        f"{src}:11: WARNING: cite-source: 'colour' is not a field (fields: title, publisher, "
        "author, date, accessed, url, language); the field is left as parsed [newsroom.citation]",
    ]


def test_the_pdf_shows_the_written_fields(tmp_path_factory):
    app = build_root(tmp_path_factory, "cite-source", "latex")
    tex = (Path(app.outdir) / "cite.tex").read_text("utf-8")
    assert "Example Weekly" in tex and "Docs as news" in tex
    assert "cite-source" not in tex and "publisher=" not in tex
    app.cleanup()


@pytest.mark.parametrize(("text", "fields", "problems"), [
    ("title=A; publisher=B", (("title", "A"), ("publisher", "B")), []),
    (r"title=A\; B", (("title", "A; B"),), []),
    ("date=2020", (("date", "2020"),), []),
    ("date=2020-13", (), ["date '2020-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                          "no field is given"][:1]),
    ("title", (), ["'title' is not name=value"]),
    ("", (), ["no field is given"]),
    ("title=A; title=B", (("title", "A"),), ["'title' is given twice; the first holds"]),
    ("language=fr", (), ["language 'fr' is not one of zh, en, und"]),
])
def test_parse_fields(text, fields, problems):
    assert parse_fields(text) == (fields, problems)


def test_apply_fields_sets_precision_and_clears():
    parsed = Citation(raw="x", title="x", publisher="P", structured=True)
    done = apply_fields(parsed, (("date", "2020-05"), ("publisher", "")))
    assert (done.date, done.date_precision, done.publisher) == (
        datetime.date(2020, 5, 1), "month", "")
    unparsed = Citation(raw="Some words", title="Some words")
    assert apply_fields(unparsed, (("publisher", "Q"),)).title == ""
