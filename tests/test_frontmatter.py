"""Reading the front matter block: its data, the line of every key, its problems.

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it.
"""

from __future__ import annotations

import pytest

from sphinx_newsroom.model.frontmatter import read_front_matter


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("---\n\ntitle: T\ndate: 2025-01-01\n---\n", {"title": 3, "date": 4}),
        ("---\n\n\n  title: T\n  date: 2025-01-01\n---\n", {"title": 4, "date": 5}),
        ('+++\n\ntitle = "T"\ndate = 2025-01-01\n+++\n', {"title": 3, "date": 4}),
    ],
)
def test_blank_lines_after_the_opening_delimiter_keep_every_line_number(text, lines):
    fm = read_front_matter(text)
    assert fm.lines == lines
    assert fm.span == text.count("\n")


def test_a_yaml_error_after_blank_lines_points_at_its_own_line():
    fm = read_front_matter("---\n\n\na: b: c\n---\n")
    assert [problem.line for problem in fm.problems] == [4]
