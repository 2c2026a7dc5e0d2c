"""Line-preserving heading normalisation for article sources.

News articles are written with their title in the front matter and their
sections as ``###`` (Hugo themes render the title themselves).  Parsed as is,
every ``###`` becomes a top-level section (a chapter in the PDF) and MyST warns
that headings start at H3.  When an article's body has no H1, its headings are
lifted so the shallowest becomes H1; the extension then nests them all under
the front-matter title.  Only ``#`` characters are removed and setext
underlines turned into blank lines, so every line keeps its number.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}|:{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def _heading_lines(lines: list[str], start: int) -> list[tuple[int, int, str]]:
    """(line index, level, kind) of every heading outside fenced blocks."""
    found: list[tuple[int, int, str]] = []
    fence = ""
    previous_is_text = False
    for index in range(start, len(lines)):
        line = lines[index]
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            previous_is_text = False
            continue
        if opener:
            fence = opener.group(1)
            previous_is_text = False
            continue
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            found.append((index, len(atx.group(2)), "atx"))
            previous_is_text = False
        elif setext and previous_is_text and not line.startswith("    "):
            found.append((index, 1 if setext.group(1)[0] == "=" else 2, "setext"))
            previous_is_text = False
        else:
            stripped = line.strip()
            previous_is_text = bool(stripped) and not stripped.startswith((">", "|", "[^"))
    return found


def _heading_text(lines: list[str], index: int, kind: str) -> str:
    if kind == "setext":
        return lines[index - 1].strip()
    return _ATX.sub("", lines[index], count=1).strip().rstrip("#").strip()


def lift_headings(
    text: str, body_start: int, references_titles: Collection[str] = ()
) -> tuple[str, bool]:
    """Lift the body's headings so the shallowest is H1, when the body has no H1.

    ``body_start`` is the 0-based index of the first line after the front
    matter.  A heading titled like a references section (``## 引用`` after
    ``###`` sections) is set level with the shallowest other heading, so it
    becomes the article's last section rather than a parent of nothing.
    Returns the new text and whether the body needs a title section (True
    when it had no H1, lifted or not).
    """
    lines = text.split("\n")
    headings = _heading_lines(lines, body_start)
    if any(level == 1 for _, level, _ in headings):
        return text, False
    if not headings:
        return text, True
    wanted = {title.casefold() for title in references_titles}
    is_reference = [_heading_text(lines, i, kind).casefold() in wanted for i, _, kind in headings]
    levels = [level for (_, level, _), ref in zip(headings, is_reference, strict=True) if not ref]
    shift = min(levels, default=1) - 1
    for (index, level, kind), reference in zip(headings, is_reference, strict=True):
        new_level = 1 if reference else level - shift
        if kind == "atx":
            marker = "#" * new_level
            lines[index] = _ATX.sub(r"\g<1>" + marker, lines[index], count=1)
        else:
            # "Title\n---" -> "# Title\n" + blank line: same number of lines.
            lines[index - 1] = "#" * new_level + " " + lines[index - 1].strip()
            lines[index] = ""
    return "\n".join(lines), True
