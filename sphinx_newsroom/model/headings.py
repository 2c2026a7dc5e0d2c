"""Line-preserving heading normalisation for article sources.

News articles are written with their title in the front matter and their
sections as ``###`` (Hugo themes render the title themselves).  Parsed as is,
every ``###`` becomes a top-level section (a chapter in the PDF) and MyST warns
that headings start at H3.  When an article's body has no H1, its headings are
lifted so the shallowest becomes H1; the extension then nests them all under
the front-matter title.  Only ``#`` characters are removed and setext
underlines redrawn, so every line keeps its number.

The headings are found by markdown-it, the parser MyST itself uses, with the
block syntax MyST enables: CommonMark's rules decide what is a heading (a
``---`` under a list item is a thematic break, a line of an indented or fenced
code block is code, a paragraph's lazy lines belong to its setext heading), so
no line-by-line guess can disagree with what MyST then builds.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection

from markdown_it import MarkdownIt
from markdown_it.rules_block import make_fence_rule
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.field_list import fieldlist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin

_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^( {0,3})(=+|-+)")
#: MyST extensions (``myst_enable_extensions``) that change what a block is.
BLOCK_EXTENSIONS = ("amsmath", "attrs_block", "colon_fence", "deflist", "dollarmath",
                    "fieldlist")


@functools.lru_cache(maxsize=8)
def _parser(extensions: frozenset[str]) -> MarkdownIt:
    """A block-level parser set up as MyST's ``create_md_parser`` sets up its own."""
    md = (MarkdownIt("commonmark").enable("table").use(myst_block_plugin)
          .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True))
    if "dollarmath" in extensions:
        md.use(dollarmath_plugin)
    if "colon_fence" in extensions:
        md.block.ruler.before(
            "fence", "colon_fence", make_fence_rule(markers=(":",), token_type="colon_fence"),
            {"alt": ["paragraph", "reference", "blockquote", "list", "footnote_def"]})
    if "amsmath" in extensions:
        md.use(amsmath_plugin)
    if "deflist" in extensions:
        md.use(deflist_plugin)
    if "fieldlist" in extensions:
        md.use(fieldlist_plugin)
    if "attrs_block" in extensions:
        md.use(attrs_block_plugin)
    # Only blocks matter here: the inline rules would parse every paragraph for nothing.
    md.disable("inline", ignoreInvalid=True)
    return md


def _headings(
    lines: list[str], start: int, extensions: Collection[str]
) -> list[tuple[int, int, str, str]]:
    """(line index, level, kind, text) of every top-level heading of the body.

    A setext heading's line is its underline.  Headings nested in a list item
    or a quote are left out: they are no section of the document.
    """
    parser = _parser(frozenset(extensions) & frozenset(BLOCK_EXTENSIONS))
    tokens = parser.parse("\n".join(lines[start:]))
    found = []
    for token, content in itertools.pairwise(tokens):
        if token.type != "heading_open" or token.level != 0 or token.map is None:
            continue
        level = int(token.tag[1])
        if token.markup.startswith("#"):
            found.append((start + token.map[0], level, "atx", content.content))
        else:
            found.append((start + token.map[1] - 1, level, "setext", content.content))
    return found


def _same(heading: str, title: str) -> bool:
    """A heading that says the title again (case, spacing and emphasis marks aside)."""
    def words(text: str) -> list[str]:
        return text.replace("*", "").replace("_", " ").replace("`", "").casefold().split()
    return words(heading) == words(title)


def lift_headings(
    text: str,
    body_start: int,
    references_titles: Collection[str] = (),
    extensions: Collection[str] = (),
    title: str = "",
) -> tuple[str, bool]:
    """Lift the body's headings so the shallowest is H1, when the body has no H1.

    With a front-matter ``title`` the title is the title, always: the body's
    headings, ``#`` included, become its sections, keeping their relative
    levels, and a first heading that repeats the title is dropped (Jekyll and
    Hugo posts often start with one), its line left blank.

    ``body_start`` is the 0-based index of the first line after the front
    matter; ``extensions`` are MyST's enabled syntax extensions
    (``myst_enable_extensions``), so a ``:::`` fence is code only when MyST
    reads it so.  A heading titled like a references section (``## 引用`` after
    ``###`` sections) is set level with the shallowest other heading, so it
    becomes the article's last section rather than a parent of nothing.
    Returns the new text and whether the body needs a title section (True
    when it had no H1, lifted or not).
    """
    lines = text.split("\n")
    headings = _headings(lines, body_start, extensions)
    if title and headings and _same(headings[0][3], title):
        index, _, kind, content = headings.pop(0)
        first = index - (content.count("\n") + 1 if kind == "setext" else 0)
        lines[first:index + 1] = [""] * (index + 1 - first)
    if not title and any(level == 1 for _, level, _, _ in headings):
        return text, False
    if not headings:
        # Nothing left to lift; the repeated title, if there was one, is blanked.
        return "\n".join(lines), True
    wanted = {title.casefold() for title in references_titles}
    marked = [(index, level, kind, content.strip().casefold() in wanted)
              for index, level, kind, content in headings]
    # With nothing but references headings the shift is never used.
    shift = min((level for _, level, _, reference in marked if not reference), default=1) - 1
    for index, level, kind, reference in marked:
        new_level = 1 if reference else level - shift
        if kind == "atx":
            # _ATX is anchored at the start of the line: it matches once at most.
            lines[index] = _ATX.sub(r"\g<1>" + "#" * new_level, lines[index])
        else:
            # Without an H1 every setext heading is H2, lifted to H1 or left at H2:
            # redraw its underline, keeping its content lines as they are.
            underline = _SETEXT.match(lines[index])
            if underline:
                char = "=" if new_level == 1 else "-"
                lines[index] = (underline.group(1) + char * len(underline.group(2))
                                + lines[index][underline.end():])
    return "\n".join(lines), True
