"""TeX math in an article's Markdown, written as MyST's ``{math}`` role and directive.

Posts from Hugo, Jekyll (kramdown) and Pandoc write math as ``$...$`` and
``$$...$$``, or ``\\(...\\)`` and ``\\[...\\]``. MyST reads the dollar forms
only with its ``dollarmath`` extension, and the bracket forms never (``\\(``
is an escaped parenthesis in CommonMark). Turning those extensions on in
``myst_enable_extensions`` would change every page of a host project, and an
article's front matter cannot carry MyST settings once ``read/source.py`` has
blanked it. So an article's text is rewritten at ``source-read`` instead:
``$x$`` becomes ``{math}`x```, a display becomes a ```` ```{math} ```` block.
That works whatever MyST's configuration, and only for articles.

Money stays text. As in Pandoc: an opening ``$`` is followed by a non-space
and not preceded by a letter or digit (``US$3``); the closing ``$`` is the
next unescaped one, preceded by a non-space and not followed by a digit. So
``$5 and $10``, ``$5.99``, ``costs $1,000 to $2,000`` and ``$$30`` stay as
written. Jekyll posts' ``\\\\(...\\\\)`` (kramdown wants the backslash
escaped) is math too. Math never crosses a blank line; code spans, fenced and indented
code and HTML blocks are left alone, and so is ``\\$``.

Line numbers are kept: a display that stands on its own lines becomes a
block of the same height, taking blank lines beside it when it needs more;
a display inside a paragraph, or one with no room, becomes inline math.

Pure: standard library and markdown-it (MyST's own parser) only.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_SKIPPED_BLOCKS = frozenset({"fence", "code_block", "html_block"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def convert_math(text: str, start_line: int = 0) -> str:
    """``text`` with its math written as MyST roles and directives, line for line.

    Lines before ``start_line`` (the front matter) are left as they are.
    """
    if "$" not in text and "\\(" not in text and "\\[" not in text:
        return text
    lines = text.split("\n")
    body = "\n".join(lines[start_line:])
    skipped = set(range(start_line))
    for token in MarkdownIt("commonmark").parse(body):
        if token.type in _SKIPPED_BLOCKS and token.map:
            skipped.update(range(start_line + token.map[0], start_line + token.map[1]))
    result: list[str] = []
    segment: list[str] = []
    for number, line in enumerate(lines):
        if number in skipped:
            if segment:
                result.append(_convert_segment("\n".join(segment)))
                segment = []
            result.append(line)
        else:
            segment.append(line)
    if segment:
        result.append(_convert_segment("\n".join(segment)))
    return "\n".join(result)


def _role(content: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{{math}}{fence}{pad}{content}{pad}{fence}"


def _code_span_end(text: str, start: int) -> int:
    """End of the code span opening at ``start`` (a run of backticks).

    A run that nothing closes is text: then the end of the run itself.
    """
    run = len(text[start:]) - len(text[start:].lstrip("`"))
    for match in re.finditer(r"`+", text[start + run:]):
        if len(match.group()) == run:
            return start + run + match.end()
    return start + run


def _line_end(text: str, position: int) -> int:
    """Index of the newline ending the line at ``position``, or the text's length."""
    return position + len(text[position:].partition("\n")[0])


def _dollar_close(text: str, start: int) -> int | None:
    """Index of the ``$`` closing inline math opened at ``start`` (never a ``$$``)."""
    if text[start + 1:start + 2].isspace():
        return None
    if start > 0 and text[start - 1].isalnum():
        return None  # US$3
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "$":
            after = text[i + 1:i + 2]
            if text[i - 1].isspace() or after.isdigit() or _BLANK_LINE.search(text, start, i):
                return None
            return i
        i += 1
    return None


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []

    def run(self) -> str:
        text, i = self.text, 0
        while i < len(text):
            char = text[i]
            if char == "`":
                end = _code_span_end(text, i)
                self.out.append(text[i:end])
                i = end
            elif text.startswith(("\\\\(", "\\\\["), i):  # Jekyll's \\( for kramdown
                closer = "\\\\)" if text[i + 2] == "(" else "\\\\]"
                i = self._math(i, 3, closer, display=text[i + 2] == "[", escaped=True)
            elif char == "\\" and text[i + 1:i + 2] in ("(", "["):
                closer = "\\)" if text[i + 1] == "(" else "\\]"
                i = self._math(i, 2, closer, display=text[i + 1] == "[")
            elif char == "\\":
                self.out.append(text[i:i + 2])
                i += 2
            elif text.startswith("$$", i):
                i = self._math(i, 2, "$$", display=True)
            elif char == "$":
                close = _dollar_close(text, i)
                if close is None:
                    self.out.append(char)
                    i += 1
                else:
                    self.out.append(_role(text[i + 1:close]))
                    i = close + 1
            else:
                self.out.append(char)
                i += 1
        return "".join(self.out)

    def _math(self, start: int, width: int, closer: str, display: bool,
              escaped: bool = False) -> int:
        text = self.text
        content, closed, _ = text[start + width:].partition(closer)
        end = start + width + len(content) + len(closer)
        if escaped:
            content = content.replace("\\\\", "\\")
        if not closed or not content.strip() or _BLANK_LINE.search(content):
            self.out.append(text[start:start + width])
            return start + width
        if display:
            block_end = self._block(start, end, content)
            if block_end is not None:
                return block_end
        # Inline, keeping each line break of the source (a code span may hold them).
        self.out.append(_role("\n".join(" ".join(line.split()) for line in content.split("\n"))))
        return end

    def _block(self, start: int, end: int, content: str) -> int | None:
        """Write the display as a ``{math}`` block; the index to go on from."""
        text = self.text
        line_start = text[:start].rfind("\n") + 1
        indent = text[line_start:start]
        line_end = _line_end(text, end)
        if indent.strip() or text[end:line_end].strip():
            return None  # inside a paragraph, a list marker or a quote: inline
        body = [line.strip() for line in content.strip().split("\n")]
        height = text.count("\n", start, end) + 1
        needed = 2 if len(body) == 1 else len(body) + 2
        previous = "".join(self.out)
        previous = previous[:len(previous) - len(indent)]
        # Blank lines beside the display make room for the block's fences.
        while needed > height and previous.endswith("\n\n"):
            previous = previous[:-1]
            height += 1
        while needed > height:
            following = _line_end(text, line_end + 1)
            if line_end == len(text) or text[line_end + 1:following].strip():
                return None  # no room for the fences: inline
            line_end, height = following, height + 1
        if len(body) == 1:
            block = [f"```{{math}} {body[0]}", "```"]
        else:
            block = ["```{math}", *body, "```"]
        block += [""] * (height - len(block))
        self.out = [previous]
        self.out.append("\n".join(indent + line if line else line for line in block))
        return line_end


def _convert_segment(text: str) -> str:
    return _Converter(text).run()


__all__ = ["convert_math"]
