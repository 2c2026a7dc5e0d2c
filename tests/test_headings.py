"""Headings are lifted as CommonMark reads them: only real headings, never a list item.

An article's ``###`` sections are lifted so the shallowest is H1 (see
``model/headings.py``).  A line of ``---`` or ``===`` is a setext underline only
under a plain paragraph; under a list item, a quote or an indented code block it
is a thematic break or text, and inside a fenced block it is code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.model.headings import lift_headings

FRONT = "---\ntitle: T\ndate: 2025-01-01\n---\n"


def body(text: str, extensions: tuple[str, ...] = ()) -> list[str]:
    lifted, _ = (lift_headings(FRONT + text, 4, extensions=extensions) if extensions
                 else lift_headings(FRONT + text, 4))
    assert lifted.count("\n") == (FRONT + text).count("\n")
    return lifted.split("\n")[4:]


@pytest.mark.parametrize("text", [
    "### A\n\n- item\n---\n\ntext\n",  # a thematic break after a list item
    "### A\n\n* item\n  ---\n",  # a thematic break inside the list item
    "### A\n\n1. one\n   ===\n",  # "===" inside a list item is text of its paragraph
    "### A\n\n    code\n---\n",  # an indented code block is not a heading's content
    "### A\n\n> quote\n---\n",  # a quote is not a heading's content either
    "### A\n\n```\ncode\n---\n===\n```\n",  # a fenced block is code
    "### A\n\n~~~~\n```\n---\n~~~~\n",  # a shorter fence of another kind does not close it
    "### A\n\n<div>\nhtml\n---\n</div>\n",  # an HTML block runs to its blank line
    "### A\n\n| a | b |\n|---|---|\n| c | d |\n",  # a table's delimiter row
    "### A\n\n- item\n\n  ## nested\n",  # a heading inside a list item is no section
])
def test_only_real_headings_are_lifted(text):
    lines = body(text)
    assert lines[0] == "# A"
    assert lines[1:] == text.split("\n")[1:]


def test_a_colon_fence_is_code_only_when_myst_reads_it_so():
    # A directive's content is no section of the article, as in a backtick fence.
    text = "### A\n\n:::{note}\n### inside\n:::\n"
    assert body(text, ("colon_fence",)) == ["# A", *text.split("\n")[1:]]
    # Without the extension, ":::" is a paragraph and "### inside" a heading.
    assert body(text)[:4] == ["# A", "", ":::{note}", "# inside"]


def test_a_math_block_is_not_scanned_for_headings():
    text = "### A\n\n$$\nx\n---\n$$\n"
    assert body(text, ("dollarmath",)) == ["# A", *text.split("\n")[1:]]


def test_a_setext_heading_of_several_lines_keeps_them_all():
    # A paragraph's lazy lines are part of the setext heading's content: the
    # whole paragraph is the H1, not just its last line.
    assert body("Intro\n\nFirst line\nsecond line\n---\n\n#### B\n") == [
        "Intro", "", "First line", "second line", "===", "", "### B", ""]


def test_the_list_item_stays_an_h1_free_body():
    # Before: "- item\n---" counted as an H1, so nothing was lifted and no title made.
    lifted, needs_title = lift_headings("### A\n\n- item\n===\n", 0)
    assert needs_title
    assert lifted.split("\n")[0] == "# A"


# -- with a front-matter title ------------------------------------------------------------


def titled(text: str, title: str = "The Real Title", refs: tuple[str, ...] = ()) -> list[str]:
    lifted, needs_title = lift_headings(FRONT + text, 4, refs, title=title)
    assert needs_title  # the front-matter title always makes the title section
    assert lifted.count("\n") == (FRONT + text).count("\n")
    return lifted.split("\n")[4:]


def test_body_h1s_nest_under_the_title_keeping_their_levels():
    assert titled("Intro\n\n# One\n\n## One.a\n\n# Two\n") == [
        "Intro", "", "# One", "", "## One.a", "", "# Two", ""]
    # Sections of ### only are lifted so the shallowest is a section of the title.
    assert titled("### One\n\n#### One.a\n") == ["# One", "", "## One.a", ""]


@pytest.mark.parametrize("text", [
    "# The Real Title\n\nBody.\n",
    "## the  real *title*\n\nBody.\n",  # case, spacing and emphasis aside
    "The Real\nTitle\n=====\n\nBody.\n",  # a setext heading of two lines
])
def test_a_first_heading_repeating_the_title_is_dropped_leaving_blank_lines(text):
    lines = titled(text)
    n = text.split("\n").index("Body.")
    assert lines[:n] == [""] * n
    assert lines[n:] == ["Body.", ""]


@pytest.mark.parametrize(("heading", "title"), [
    ("## _The Real Title_", "The Real Title"),  # emphasis with underscores
    ("## snake_case names", "Snake case names"),
    ("## `Rust` in 2025", "Rust in 2025"),  # a code span
    ("## **Bold**  move", "bold move"),
])
def test_emphasis_code_marks_and_underscores_do_not_hide_a_repeated_title(heading, title):
    assert titled(f"{heading}\n\nBody.\n", title) == ["", "", "Body.", ""]


@pytest.mark.parametrize("heading", [
    "# The Real Title", "The Real Title\n=====", "## The Real Title"])
def test_a_repeated_title_right_after_the_front_matter_leaves_the_front_matter_whole(heading):
    text = FRONT + heading + "\n\nBody.\n"
    lifted, _ = lift_headings(text, 4, title="The Real Title")
    lines = lifted.split("\n")
    assert lines[:4] == FRONT.split("\n")[:4]
    assert lines[4:] == [""] * (heading.count("\n") + 2) + ["Body.", ""]


def test_only_the_first_heading_is_dropped_and_only_when_it_repeats_the_title():
    # A later heading of the same words is a section, kept.
    assert titled("# Other\n\n# The Real Title\n") == ["# Other", "", "# The Real Title", ""]
    assert titled("# Another Title\n\nBody.\n") == ["# Another Title", "", "Body.", ""]
    # Only the repeated heading's own lines are blanked; its sections stay, lifted.
    assert titled("Lede.\n\n# The Real Title\n\n### Part\n") == [
        "Lede.", "", "", "", "# Part", ""]


def test_a_repeated_setext_title_blanks_its_content_lines_only():
    text = "Lede.\n\nThe Real Title\n---\n\n### Part\n"
    assert titled(text) == ["Lede.", "", "", "", "", "# Part", ""]


def test_without_a_title_an_h1_body_is_left_as_written():
    text = FRONT + "# One\n\n### Deep\n"
    assert lift_headings(text, 4) == (text, False)


def test_a_body_without_headings_needs_a_title_and_is_unchanged():
    text = FRONT + "Just text.\n"
    assert lift_headings(text, 4) == (text, True)
    assert lift_headings(text, 4, title="T") == (text, True)


def test_a_references_heading_is_levelled_with_the_shallowest_section():
    assert titled("### One\n\n#### One.a\n\n## 引用\n", refs=("引用",)) == [
        "# One", "", "## One.a", "", "# 引用", ""]
    # Without the references titles the "##" is the shallowest: nothing moves up past it.
    assert titled("### One\n\n## 引用\n") == ["## One", "", "# 引用", ""]
    # A body of nothing but a references heading: it becomes a section.
    assert titled("## References\n", refs=("references",)) == ["# References", ""]


def test_setext_underlines_are_redrawn_at_their_new_level():
    # "---" is H2; lifted to H1 it is drawn with "=", its length and its tail kept.
    assert titled("Part\n---  \n") == ["Part", "===  ", ""]
    # Under an H1 section ("=" stays "=") an H2 stays drawn with "-".
    assert titled("One\n===\n\nTwo\n---\n") == ["One", "===", "", "Two", "---", ""]


ARTICLE = """---
title: Lists and rules
date: 2025-03-01
---

Lede.

### First section

- item one
---

    indented code
---

```
fenced
---
===
```

### Second section

Text.
"""


def test_list_items_and_rules_stay_what_they_are_in_the_built_page(make_app, tmp_path):
    src = tmp_path / "src"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nproject = "H"\n', "utf-8")
    (src / "index.md").write_text("# H\n\n```{toctree}\nnews/lists\n```\n", "utf-8")
    (src / "news" / "lists.md").write_text(ARTICLE, "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert [w for w in warnings_of(app) if "lists" in w] == []
    page = html(app, "news/lists")
    article = page.select_one("section")
    assert article.find("h1").get_text(strip=True).rstrip("¶#") == "Lists and rules"
    sections = [s.find(["h2"]).get_text(strip=True).rstrip("¶#")
                for s in article.find_all("section", recursive=False)]
    assert sections == ["First section", "Second section"]
    first = article.find_all("section", recursive=False)[0]
    assert first.select_one("ul > li").get_text(strip=True) == "item one"
    assert len(first.find_all("hr")) == 2
    assert "indented code" in first.select("pre")[0].get_text()
    assert first.select("pre")[1].get_text() == "fenced\n---\n===\n"
    # No heading anywhere carries a list item's or a code block's text.
    headings = [h.get_text(strip=True) for h in page.select("h1, h2, h3, h4, h5, h6")]
    assert not any("item" in h or "code" in h or "fenced" in h for h in headings)
    assert Path(app.outdir, "news", "lists.html").is_file()
