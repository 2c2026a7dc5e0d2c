"""The PDF reads like a book: its opening page, its lists, its indexes, its characters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import book_index_of, warnings_of

from sphinx_newsroom.indices import term_label
from sphinx_newsroom.latex import symbols

HOME = """# Home

Opening words.

```{toctree}
news/a
news/b
news/c
news/d
lists
```

Words after the table of contents.

## Latest

```{article-list}
:format: cards
```

## Tags

```{tag-index}
```

(about-us)=
## About

Kept: a section with words of its own.
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory, rootdir):
    """The taxonomy root with a home page like a newsroom's, written to LaTeX."""
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("book") / "src"
    shutil.copytree(rootdir / "test-taxonomy", src)
    (src / "index.md").write_text(HOME, "utf-8")
    app = SphinxTestApp("latex", srcdir=src, freshenv=True, status=StringIO(),
                        warning=StringIO())
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    yield app, tex
    app.cleanup()


def body(tex: str) -> str:
    return tex[tex.index("\\begin{document}"):]


def test_the_home_pages_lists_are_left_out_and_no_chapter_follows_the_last(book):
    _app, tex = book
    text = body(tex)
    assert "\\chapter{Latest}" not in text and "\\chapter{Tags}" not in text
    # A section with words of its own stays where its author put it.
    assert "\\chapter{About}" in text
    assert text.index("\\chapter{About}") < text.index("{index:about-us}")
    # The text after the toctree is set with the opening words, before chapter one.
    first = text.index("\\chapter{")
    assert text.index("Opening words.") < text.index("Words after the table") < first


def test_lists_elsewhere_are_compact_with_pages(book):
    _app, tex = book
    lists = tex[tex.index("\\chapter{Lists}"):tex.index("\\chapter{About}")]
    # An article is listed by its title, date and page; its summary opens its chapter.
    assert "\\sphinxnewsroompageref{\\detokenize{news/c:gamma}}" in lists
    assert "The gamma story" not in lists
    # The terms of each taxonomy are set apart from the next taxonomy's.
    assert "{算力}\\DUrole{news-sep}{ · }\\sphinxnewsroomterm{\\detokenize{newsroom-topics-" \
        in lists
    # Term lists, cloud or A-Z, are two columns of terms with counts and index pages.
    assert lists.count("\\begin{sphinxuseclass}{news-columns}") == 3
    chips = term_label("tags", "chips")
    assert f"\\sphinxnewsroompageref{{\\detokenize{{{chips}}}}}" in lists
    assert "news-cloud" not in lists


def test_each_term_once_with_its_articles_in_book_order(book):
    app, tex = book
    entries = dict(book_index_of(tex, "Tag index"))
    assert entries["Chips"] == ["news/a:alpha-chips", "news/b:beta-cloud", "news/c:gamma"]
    # Terms only drafts carry, and drafts themselves, are in no index.
    assert "draftonlytag" not in entries and "Secret draft" not in tex
    assert "\\chapter{Tag index}" not in tex  # (Sphinx's own theindex, not a chapter)
    assert tex.index("\\renewcommand{\\indexname}{Tag index}") > tex.index("\\chapter{About}")
    # (Pages outside the book's toctree are Sphinx's to report; pdflatex and CJK ours.)
    assert [w for w in warnings_of(app)
            if "toc.not_included" not in w and "newsroom.config" not in w] == []


def test_term_links_reach_the_terms_own_entry(book):
    _app, tex = book
    label = term_label("tags", "chips")
    assert f"\\sphinxnewsroomterm{{\\detokenize{{{label}}}}}{{CHIPS}}" in tex
    assert f"\\sphinxnewsroomindexterm{{\\detokenize{{{label}}}}}{{Chips}}" in tex


def test_no_index_where_latex_domain_indices_says_none(make_app, rootdir):
    app = make_app("latex", srcdir=rootdir / "test-taxonomy", freshenv=True,
                   confoverrides={"latex_domain_indices": ["newsroom-topics"]})
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "{Topic index}" in tex and "{Tag index}" not in tex
    # A term without an entry is not a link.
    assert "\\sphinxnewsroomterm{\\detokenize{newsroom-tags-" not in tex


def test_texinfo_keeps_its_index_of_every_term_and_article(make_app, rootdir):
    app = make_app("texinfo", srcdir=rootdir / "test-taxonomy", freshenv=True)
    app.build()
    texi = next(Path(app.outdir).glob("*.texi")).read_text("utf-8")
    assert "Tag index" in texi and "Chips" in texi


TWEMOJI = frozenset({"1f680", "2764", "1f1e8-1f1f3", "1f468-200d-1f469-200d-1f467", "a9"})


@pytest.mark.parametrize(("text", "pieces"), [
    ("go 🚀!", [("text", "go "), ("emoji", "1f680"), ("text", "!")]),
    # A flag is two code points, a family three people joined: one image each.
    ("🇨🇳", [("emoji", "1f1e8-1f1f3")]),
    ("👨\u200d👩\u200d👧", [("emoji", "1f468-200d-1f469-200d-1f467")]),
    # The heart is an emoji with its selector, and without it (its block is emoji).
    ("❤\ufe0f❤", [("emoji", "2764"), ("emoji", "2764")]),
    # The copyright sign is text, unless asked to be an emoji.
    ("© 2025", [("text", "© 2025")]),
    ("©\ufe0f", [("emoji", "a9")]),
    # Invisible characters are dropped.
    ("tokens/\u200bsecond\ufeff\u2060", [("text", "tokens/second")]),
])
def test_emoji_and_invisible_characters(text, pieces):
    assert symbols.split_symbols(text, TWEMOJI) == pieces


def test_an_emoji_without_an_image_is_its_name():
    assert symbols.split_symbols("🦊 fox", frozenset()) == [
        ("name", "[fox face]"), ("text", " fox")]
    assert symbols.names_only("a 🚀", TWEMOJI) == "a [rocket]"


def test_the_twemoji_names_are_read_from_the_installed_package():
    names = symbols.twemoji_names()
    if not names:
        pytest.skip("twemojis.sty is not installed (texlive-pictures)")
    assert {"1f600", "1f680", "1f1e8-1f1f3"} <= names
