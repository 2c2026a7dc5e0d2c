"""Read an article's raw front matter, typed, located and size-guarded.

MyST hands Sphinx every front-matter value as a string (``draft: 'False'``,
lists as JSON); this reader keeps the real YAML (or TOML) types and the line
of every top-level key, so later problems can point at the exact line.  It
never raises on user content: what cannot be read becomes a ``Problem``.
"""

from __future__ import annotations

import dataclasses as dc
import re
import tomllib
from typing import Any

import frontmatter
import yaml

from ..warnings_ import NewsroomWarning

#: Front matter larger than this is refused (a news article needs a few KB).
MAX_BYTES = 64 * 1024
#: More YAML nodes than this (aliases count each time they are used) is an alias bomb.
MAX_NODES = 20_000

_YAML = frontmatter.YAMLHandler()
# python-frontmatter only offers TOML when the third-party ``toml`` package is
# installed; Python's own tomllib reads it, so only the fences are needed here.
_TOML_FENCE = re.compile(r"^\+{3}[ \t]*$", re.MULTILINE)


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader whose impossible timestamps (``2025-02-30``) stay strings.

    PyYAML raises on them, which would cost the whole front matter; as text
    they reach the date parser, which reports them against their own key.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dc.dataclass(frozen=True, slots=True)
class Problem:
    """A located problem in one article; ``line`` is 1-based in the source file."""

    subtype: NewsroomWarning
    message: str
    line: int | None = None


@dc.dataclass(frozen=True, slots=True)
class RawFrontMatter:
    """What the top of a file holds."""

    data: dict[str, Any]
    lines: dict[str, int]
    #: "yaml", "toml" or "" when the file has no front matter.
    kind: str = ""
    #: Number of source lines the block spans, delimiters included.
    span: int = 0
    problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the opening delimiter when it is absent."""
        return self.lines.get(key, 1)


EMPTY = RawFrontMatter({}, {})


def read_front_matter(text: str) -> RawFrontMatter:
    """Split and parse the front matter at the top of ``text``.

    Blank lines before the opening delimiter are allowed, as Hugo allows them;
    every line number counts them.
    """
    text = text.removeprefix("\ufeff")
    blank = _LEADING_BLANK.match(text)
    if blank is None:
        return _read_block(text)
    lead = blank.group().count("\n")
    found = _read_block(text[blank.end():])
    if not found.kind:
        return EMPTY
    return RawFrontMatter(
        found.data, {key: line + lead for key, line in found.lines.items()}, found.kind,
        found.span + lead,
        tuple(dc.replace(problem, line=problem.line + lead if problem.line else problem.line)
              for problem in found.problems))


_LEADING_BLANK = re.compile(r"(?:[ \t]*\r?\n)+")


def _read_block(text: str) -> RawFrontMatter:
    if _YAML.detect(text):
        kind, fence = "yaml", _YAML.FM_BOUNDARY
    elif _TOML_FENCE.match(text):
        kind, fence = "toml", _TOML_FENCE
    else:
        return EMPTY
    fences = list(fence.finditer(text))
    if len(fences) < 2 or fences[0].start() != 0:
        return EMPTY
    # The block starts on line 2, even when it opens with blank lines (every
    # key's line counts from there); an error at its end points at its last
    # line of text, not at blank lines or spaces after it.
    block = text[text.index("\n") + 1 : fences[1].start()].rstrip()
    # Lines from the top to the closing delimiter, both delimiters included.
    span = text[: fences[1].start()].count("\n") + 1
    if len(block.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return RawFrontMatter({}, {}, kind, span, (Problem(
            NewsroomWarning.FRONTMATTER,
            f"front matter is larger than {MAX_BYTES // 1024} KiB; ignored", 1),))
    if kind == "toml":
        return _read_toml(block, span)
    return _read_yaml(block, span)


def _read_toml(block: str, span: int) -> RawFrontMatter:
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        return RawFrontMatter({}, {}, "toml", span, (Problem(
            NewsroomWarning.FRONTMATTER, f"front matter is not valid TOML: {error}", 1),))
    lines = {}
    for number, line in enumerate(block.splitlines(), start=2):
        key, equals, _ = line.partition("=")
        key = key.strip().strip('"')
        if equals and key in data and key not in lines:
            lines[key] = number
    return RawFrontMatter(data, lines, "toml", span)


def _read_yaml(block: str, span: int) -> RawFrontMatter:
    try:
        root = yaml.compose(block, Loader=_Loader)
    except yaml.YAMLError as error:
        return RawFrontMatter({}, {}, "yaml", span, (Problem(
            NewsroomWarning.FRONTMATTER, f"front matter is not valid YAML: {_yaml_reason(error)}",
            _yaml_line(error)),))
    if root is None:
        return RawFrontMatter({}, {}, "yaml", span)
    if not isinstance(root, yaml.MappingNode):
        return RawFrontMatter({}, {}, "yaml", span, (Problem(
            NewsroomWarning.FRONTMATTER, "front matter is not a mapping of keys to values", 2),))
    if _count_nodes(root) > MAX_NODES:
        return RawFrontMatter({}, {}, "yaml", span, (Problem(
            NewsroomWarning.FRONTMATTER,
            f"front matter has more than {MAX_NODES} values (an alias bomb?); ignored", 2),))
    try:
        data = _Loader("").construct_document(root)
    except (yaml.YAMLError, TypeError, ValueError) as error:
        return RawFrontMatter({}, {}, "yaml", span, (Problem(
            NewsroomWarning.FRONTMATTER, f"front matter cannot be read: {error}", 2),))
    lines = {
        str(key.value): key.start_mark.line + 2
        for key, _ in root.value
        if isinstance(key, yaml.ScalarNode)
    }
    data = {str(key): value for key, value in data.items()}
    return RawFrontMatter(data, lines, "yaml", span)


def _count_nodes(root: yaml.Node) -> int:
    """Count nodes as a consumer would see them, aliases expanded, stopping early."""
    count = 0
    stack = [root]
    while stack and count <= MAX_NODES:
        node = stack.pop()
        count += 1
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return count


def _yaml_reason(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    return str(problem) if problem else str(error).splitlines()[0]


def _yaml_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None)
    # +2: the block starts on the line after the opening delimiter.
    return mark.line + 2 if mark is not None else 1
