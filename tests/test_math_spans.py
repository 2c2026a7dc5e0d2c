"""What ``model/math_spans`` reads as math, and how it writes it, rule by rule.

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it; the
builds of math articles are in ``test_math.py``.
"""

from __future__ import annotations

import pytest

from sphinx_newsroom.model.math_spans import convert_math


def same_lines(text: str, expected: str) -> None:
    converted = convert_math(text)
    assert converted == expected
    assert converted.count("\n") == text.count("\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("`x $`y$", "`x $`y$"),  # the $ inside the span opens nothing after it
    ("``a`$x$``", "``a`$x$``"),  # a span of two backticks holds a single one
    ("a ` b $x$", "a ` b {math}`x`"),  # a backtick that nothing closes is text
])
def test_dollars_inside_code_spans_stay_text(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("$`a$", "{math}`` `a ``"),
    ("$a`$", "{math}`` a` ``"),
])
def test_math_with_a_backtick_at_an_end_is_padded_inside_a_longer_fence(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("$x$ is x", "{math}`x` is x"),  # at the very start, whatever ends the text
    ("a$x$ b", "a$x$ b"),  # a letter before the $: "US$3"
    ("$ x$", "$ x$"),  # a space after the opening $
    ("$ x$ is not math", "$ x$ is not math"),
    ("Pay $5 or$6", "Pay $5 or$6"),  # a digit after the closing $, even last but one
    ("Pay $5 or$6 each", "Pay $5 or$6 each"),
    ("\\$x$ stays", "\\$x$ stays"),  # an escaped $ opens nothing
    ("price $\\$5$", "price {math}`\\$5`"),  # an escaped $ closes nothing
    ("$a\\$b$", "{math}`a\\$b`"),
    ("$50\\%$", "{math}`50\\%`"),  # the character after a backslash is skipped, only it
    ("$x$\n\nnext", "{math}`x`\n\nnext"),  # a blank line after the math is no matter
])
def test_where_inline_dollar_math_opens_and_closes(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("see f(x) and \\(y\\)", "see f(x) and {math}`y`"),  # only a backslash opens
    ("\\(a\\) and \\(b\\)", "{math}`a` and {math}`b`"),  # each closes at its first closer
    ("\\(a \\\\ b\\)", "{math}`a \\\\ b`"),  # Pandoc's backslashes are TeX's own
    # Jekyll (kramdown) doubles the backslashes: halved inside, whatever the spacing.
    ("\\\\(ab\\\\)", "{math}`ab`"),
    ("\\\\(\\\\frac{1}{2}\\\\)", "{math}`\\frac{1}{2}`"),
    ("a\n\n\\\\[ x^2 \\\\]\n\nb", "a\n```{math} x^2\n```\n\nb"),
    ("a\n\n\\\\(x\\\\)\n\nb", "a\n\n{math}`x`\n\nb"),  # \\( is inline even on its own line
])
def test_pandoc_and_jekyll_brackets(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize("text", [
    "\\( \\) stays", "$$ $$", "\\(a\n\nb\\)", "$$a\n\nb$$", "\\(never closed",
])
def test_empty_math_and_math_across_a_paragraph_break_stay_text(text):
    same_lines(text, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("a $$x\ny$$ b", "a {math}`x\ny` b"),
    ("a \\(x   y\\) b", "a {math}`x y` b"),
    ("a\n$$x\ny$$\n\nb", "a\n{math}`x\ny`\n\nb"),  # no room for a block of four lines
])
def test_inline_math_keeps_its_line_breaks_and_collapses_its_spaces(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("$$\na + b\n$$", "```{math} a + b\n```\n"),  # three lines: the block is padded
    ("a\n\n$$x$$", "a\n```{math} x\n```"),  # the blank line before, at the text's end
    ("a\n$$x$$\n\nb", "a\n```{math} x\n```\nb"),  # the blank line after
    ("a\n\n$$x$$\nb", "a\n```{math} x\n```\nb"),  # room enough: text right after
    ("a\n$$x$$\n  \nb", "a\n```{math} x\n```\nb"),  # a line of spaces is blank
    ("\n$$x^2$$\n\nb", "\n```{math} x^2\n```\nb"),
    ("a\n$$x\ny$$\n\n\nb", "a\n```{math}\nx\ny\n```\nb"),  # two blank lines after
    ("a\n\n\n$$x\ny$$\nb", "a\n```{math}\nx\ny\n```\nb"),  # two blank lines before
    ("a\n$$\nx\n$$\nb", "a\n```{math} x\n```\n\nb"),
    ("a\n$$x$$", "a\n{math}`x`"),  # no room at all: inline
    ("Sum: $$x$$\n\nmore", "Sum: {math}`x`\n\nmore"),  # text before it on its line
    ("a\n\n$$x$$ more\n\nb", "a\n\n{math}`x` more\n\nb"),  # text after it on its line
])
def test_a_display_on_its_own_lines_becomes_a_block_of_the_same_height(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("- a\n\n  $$\n  x + y\n  $$\n", "- a\n\n  ```{math} x + y\n  ```\n\n"),
    ("- a\n\n  $$x + y$$\n\n  more\n", "- a\n  ```{math} x + y\n  ```\n\n  more\n"),
])
def test_a_display_in_a_list_item_keeps_the_items_indent(text, expected):
    same_lines(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("a\n\n```\n$x$\n```\n", "a\n\n```\n$x$\n```\n"),
    ("a\n\n~~~\n$x$\n~~~\n", "a\n\n~~~\n$x$\n~~~\n"),
    ("a\n\n    $x$ is code\n\nb", "a\n\n    $x$ is code\n\nb"),
    ("$x$\n\n```\ny\n```", "{math}`x`\n\n```\ny\n```"),
    ("$x$\nb\n\n```\nc\n```", "{math}`x`\nb\n\n```\nc\n```"),
])
def test_code_blocks_are_skipped_and_the_text_around_them_converted(text, expected):
    same_lines(text, expected)


def test_code_blocks_after_the_front_matter_are_skipped_where_they_are():
    text = "---\nt: 1\n---\n$x$\n\n```\n$y$\n```\n"
    assert convert_math(text, 3) == "---\nt: 1\n---\n{math}`x`\n\n```\n$y$\n```\n"
