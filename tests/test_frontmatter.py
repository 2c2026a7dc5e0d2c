"""Reading the front matter block: its data, the line of every key, its problems.

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it.
"""

from __future__ import annotations

import pytest
import yaml

from sphinx_newsroom.model.frontmatter import (
    EMPTY,
    MAX_BYTES,
    MAX_NODES,
    Problem,
    RawFrontMatter,
    read_front_matter,
)
from sphinx_newsroom.warnings_ import NewsroomWarning

FRONTMATTER = NewsroomWarning.FRONTMATTER


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


@pytest.mark.parametrize("end", ["", "\n", "\n\n", "\n   \n", "  \n \t\n"])
def test_an_error_at_the_end_of_the_block_points_at_its_last_line_of_text(end):
    fm = read_front_matter(f'---\ntitle: T\nsummary: "never closed{end}\n---\nbody')
    assert [problem.line for problem in fm.problems] == [3]


# Where the block is ----------------------------------------------------------

def test_a_byte_order_mark_before_the_front_matter_is_ignored():
    fm = read_front_matter("\ufeff---\ntitle: T\n---\nbody")
    assert fm == RawFrontMatter({"title": "T"}, {"title": 2}, "yaml", 3)


def test_blank_lines_before_the_front_matter_move_every_line_and_problem():
    assert read_front_matter("\n \n---\ntitle: T\n---\n") == RawFrontMatter(
        {"title": "T"}, {"title": 4}, "yaml", 5)
    broken = read_front_matter("\n\n+++\ntitle = \n+++\n")
    assert (broken.kind, broken.span) == ("toml", 5)
    assert [(p.subtype, p.line) for p in broken.problems] == [(FRONTMATTER, 3)]


def test_blank_lines_before_no_front_matter_are_no_front_matter():
    assert read_front_matter("\n\n# Title\n\n---\n\ntext\n\n---\n") == EMPTY


def test_an_absent_key_is_located_at_the_opening_delimiter():
    fm = read_front_matter("---\ntitle: T\n---\n")
    assert (fm.line_of("title"), fm.line_of("date")) == (2, 1)


# Size guards -----------------------------------------------------------------

def test_front_matter_of_up_to_64_kib_is_read_and_larger_is_refused():
    head = "summary: "
    exact = read_front_matter("---\n" + head + "x" * (MAX_BYTES - len(head)) + "\n---\n")
    assert len(exact.data["summary"]) == MAX_BYTES - len(head) and not exact.problems
    for fence in ("---", "+++"):
        huge = read_front_matter(f"{fence}\n{head}{'x' * (MAX_BYTES - len(head) + 1)}\n{fence}\n")
        assert huge == RawFrontMatter({}, {}, "yaml" if fence == "---" else "toml", 3, (
            Problem(FRONTMATTER, "front matter is larger than 64 KiB; ignored", 1),))
        assert huge.line_of("summary") == 1


def _list_of(values: int) -> str:
    """Front matter of one key holding ``values`` items: 3 more YAML nodes in all."""
    return "---\na: [" + ",".join(["1"] * values) + "]\n---\n"


def test_front_matter_of_up_to_20000_values_is_read_and_more_is_refused():
    # The mapping, its key and the list make three nodes besides the items.
    assert len(read_front_matter(_list_of(MAX_NODES - 3)).data["a"]) == MAX_NODES - 3
    assert read_front_matter(_list_of(MAX_NODES - 2)) == RawFrontMatter({}, {}, "yaml", 3, (
        Problem(FRONTMATTER, f"front matter has more than {MAX_NODES} values (an alias bomb?); "
                "ignored", 2),))


# What a block can hold -------------------------------------------------------

def test_an_empty_block_is_front_matter_without_keys():
    assert read_front_matter("---\n---\nbody") == RawFrontMatter({}, {}, "yaml", 2)
    assert read_front_matter("---\n\n\n---\nbody") == RawFrontMatter({}, {}, "yaml", 4)


def test_a_block_that_is_not_a_mapping_is_refused():
    assert read_front_matter("---\n- a\n- b\n---\n") == RawFrontMatter({}, {}, "yaml", 4, (
        Problem(FRONTMATTER, "front matter is not a mapping of keys to values", 2),))


def test_a_block_whose_values_cannot_be_built_is_refused():
    fm = read_front_matter("---\n? [a, b]\n: x\n---\n")
    assert (fm.data, fm.lines, fm.kind, fm.span) == ({}, {}, "yaml", 4)
    assert [(p.subtype, p.line) for p in fm.problems] == [(FRONTMATTER, 2)]
    assert fm.problems[0].message.startswith("front matter cannot be read: ")
    assert "found unhashable key" in fm.problems[0].message


LIBYAML = hasattr(yaml, "CSafeLoader")


@pytest.mark.parametrize(
    ("block", "reason", "line"),
    [
        # The reason is the problem, without the context ("while parsing a flow sequence").
        ("title: T\ndate: [2025", "did not find expected ',' or ']'" if LIBYAML
         else "expected ',' or ']', but got '<stream end>'", 4 if LIBYAML else 3),
        ("title: T\na: b: c", "mapping values are not allowed in this context" if LIBYAML
         else "mapping values are not allowed here", 3),
        # A character error has no problem and no line: its first line, at the delimiter.
        ("title: a\x01b", "unacceptable character #x0001: "
         + ("control" if LIBYAML else "special") + " characters are not allowed", 1),
    ],
)
def test_invalid_yaml_is_one_located_problem_with_a_one_line_reason(block, reason, line):
    fm = read_front_matter(f"---\n{block}\n---\nbody")
    assert fm == RawFrontMatter({}, {}, "yaml", block.count("\n") + 3, (
        Problem(FRONTMATTER, f"front matter is not valid YAML: {reason}", line),))


def test_invalid_toml_is_one_problem_at_the_opening_delimiter():
    fm = read_front_matter("+++\ntitle = \n+++\n")
    assert (fm.data, fm.lines, fm.kind, fm.span) == ({}, {}, "toml", 3)
    assert [(p.subtype, p.line) for p in fm.problems] == [(FRONTMATTER, 1)]
    assert fm.problems[0].message == (
        "front matter is not valid TOML: Invalid value (at end of document)")


def test_every_top_level_toml_key_is_located_and_nothing_else():
    fm = read_front_matter(
        '+++\ntitle="T"\n"Xmas" = 1\nsummary = "a = b"\n\n[params]\nnote = 2\n+++\nbody')
    assert fm.data == {"title": "T", "Xmas": 1, "summary": "a = b", "params": {"note": 2}}
    assert fm.lines == {"title": 2, "Xmas": 3, "summary": 4}
    assert (fm.kind, fm.span, fm.problems) == ("toml", 8, ())
