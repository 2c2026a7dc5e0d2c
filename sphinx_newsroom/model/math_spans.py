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
block of the same height, taking blank lines beside it when it needs more.
One with no room (on its own lines, but inside a paragraph) is written
inline and listed in :attr:`MathText.displays`: the read phase sets it as a
display, splitting the paragraph, as Pandoc and MathJax show it. A display
inside a sentence (kramdown's ``$$ x $$``) is inline math.

knitr's inline R code (```r expr```) inside math is R that knitr replaces by
its value before the math is read; no R runs here, so it is shown as code
between the math before and after it (as the same code outside math is).

Pure: standard library and markdown-it (MyST's own parser) only.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import re

from markdown_it import MarkdownIt

_SKIPPED_BLOCKS = frozenset({"fence", "code_block", "html_block"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: The characters the converter acts on; any other is copied as it stands.
_SPECIAL_CHARS = "`\\$"
_SPECIAL = re.compile(r"[`\\$]")
#: knitr's inline code (``r expr``, also ``r# expr``), as knitr finds it.
_INLINE_R = re.compile(r"`r[ #][^`]*`")


@dc.dataclass(frozen=True, slots=True)
class MathText:
    """An article's text with its math as MyST, and the displays written inline."""

    text: str
    #: Displays on lines of their own inside a paragraph, written as inline math
    #: for want of room: their TeX, white space collapsed.
    displays: tuple[str, ...] = ()


def convert_math(text: str, start_line: int = 0) -> str:
    """``text`` with its math written as MyST roles and directives, line for line.

    Lines before ``start_line`` (the front matter) are left as they are.
    """
    return read_math(text, start_line).text


@functools.cache
def _block_parser() -> MarkdownIt:
    """CommonMark's block structure only: the code and HTML blocks math stays out of
    (the inline rules would parse every paragraph for nothing)."""
    md = MarkdownIt("commonmark")
    md.disable("inline", ignoreInvalid=True)
    return md


def read_math(text: str, start_line: int = 0) -> MathText:
    """:func:`convert_math`'s text, with the displays it had to write inline."""
    if "$" not in text and "\\(" not in text and "\\[" not in text:
        return MathText(text)
    lines = text.split("\n")
    body = "\n".join(lines[start_line:])
    skipped = set(range(start_line))
    for token in _block_parser().parse(body):
        if token.type in _SKIPPED_BLOCKS and token.map:
            skipped.update(range(start_line + token.map[0], start_line + token.map[1]))
    result: list[str] = []
    displays: list[str] = []
    segment: list[str] = []

    def convert_segment() -> None:
        converter = _Converter("\n".join(segment))
        result.append(converter.run())
        displays.extend(converter.displays)
        segment.clear()

    for number, line in enumerate(lines):
        if number in skipped:
            if segment:
                convert_segment()
            result.append(line)
        else:
            segment.append(line)
    if segment:
        convert_segment()
    return MathText("\n".join(result), tuple(displays))


def _role(content: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{{math}}{fence}{pad}{content}{pad}{fence}"


def _code_span_end(text: str, start: int) -> int | None:
    """End of the code span opening at ``start`` (a run of backticks), if it closes."""
    run = len(text[start:]) - len(text[start:].lstrip("`"))
    for match in re.finditer(r"`+", text[start + run:]):
        if len(match.group()) == run:
            return start + run + match.end()
    return None


def _dollar_close(text: str, start: int) -> int | None:
    """Index of the ``$`` closing inline math opened at ``start`` (not ``$$``), if any."""
    if not text[start + 1:start + 2].strip():  # at the end, or before a space
        return None
    if start > 0 and text[start - 1].isalnum():
        return None  # US$3
    i = start + 1
    while i < len(text):
        if text[i] not in _SPECIAL_CHARS:  # only a backslash, a backtick or $ matter
            special = _SPECIAL.search(text, i)
            if special is None:
                return None
            i = special.start()
        if text[i] == "\\":
            i += 2
            continue
        inline_r = _INLINE_R.match(text, i)
        if inline_r:  # R's own $ (sol$N) closes no math
            i = inline_r.end()
            continue
        if text[i] == "$":
            if (text[i - 1].isspace() or text[i + 1:i + 2].isdigit()
                    or _BLANK_LINE.search(text, start, i)):
                return None
            return i
        i += 1
    return None


def _find_closer(text: str, closer: str, start: int) -> int:
    """The first ``closer`` from ``start`` that is not inside knitr's inline code, or -1."""
    at = text.find(closer, start)
    for inline_r in _INLINE_R.finditer(text, start):
        if at < 0 or at < inline_r.start():
            break
        if at < inline_r.end():
            at = text.find(closer, inline_r.end())
    return at


def _line_start(text: str, at: int) -> int:
    """Where the line holding ``text[at]`` starts."""
    return text[:at].rfind("\n") + 1


def _line_end(text: str, at: int) -> int:
    """Where the line holding ``text[at]`` ends: its line break, or the end of ``text``."""
    return (text + "\n").index("\n", at)


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.displays: list[str] = []

    def _inline(self, content: str) -> str:
        """Inline math as MyST writes it."""
        return _role(content)

    def _math_and_code(self, content: str) -> str:
        """Inline math, knitr's inline code in it set apart as code (see the module doc)."""
        parts = []
        last = 0
        for inline_r in _INLINE_R.finditer(content):
            parts += [self._inline(p) for p in [content[last:inline_r.start()].strip()] if p]
            parts.append(inline_r.group())
            last = inline_r.end()
        parts += [self._inline(p) for p in [content[last:].strip()] if p]
        return " ".join(parts)

    def run(self) -> str:
        text, i = self.text, 0
        while i < len(text):
            char = text[i]
            if char not in _SPECIAL_CHARS:  # a run of plain text, copied at once
                special = _SPECIAL.search(text, i)
                stop = special.start() if special else len(text)
                self.out.append(text[i:stop])
                i = stop
            elif char == "`":
                end = _code_span_end(text, i)
                run = len(text[i:]) - len(text[i:].lstrip("`"))
                stop = i + run if end is None else end
                self.out.append(text[i:stop])
                i = stop
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
                    self.out.append(self._math_and_code(text[i + 1:close]))
                    i = close + 1
            else:
                self.out.append(char)
                i += 1
        return "".join(self.out)

    def _math(self, start: int, width: int, closer: str, display: bool,
              escaped: bool = False) -> int:
        text = self.text
        close = _find_closer(text, closer, start + width)
        content = text[start + width:close]  # read only when close is found
        if escaped:
            content = content.replace("\\\\", "\\")
        if close < 0 or not content.strip() or _BLANK_LINE.search(content):
            self.out.append(text[start:start + width])
            return start + width
        end = close + len(closer)
        if _INLINE_R.search(content):
            self.out.append(self._math_and_code(content))
            return end
        if display:
            block_end = self._block(start, end, content)
            if block_end is not None:
                return block_end
            if self._on_own_lines(start, end):
                self.displays.append(" ".join(content.split()))
        # Inline, keeping each line break of the source (a code span may hold them).
        self.out.append(self._inline("\n".join(" ".join(line.split())
                                                for line in content.split("\n"))))
        return end

    def _on_own_lines(self, start: int, end: int) -> bool:
        """Whether nothing but white space shares the lines of ``text[start:end]``."""
        text = self.text
        return not (text[_line_start(text, start):start].strip()
                    or text[end:_line_end(text, end)].strip())

    def _block(self, start: int, end: int, content: str) -> int | None:
        """Write the display as a ``{math}`` block; the index to go on from, if it fits."""
        text = self.text
        indent = text[_line_start(text, start):start]
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
        while needed > height and line_end < len(text):
            following = _line_end(text, line_end + 1)
            if text[line_end + 1:following].strip():
                return None  # no room: written inline
            line_end, height = following, height + 1
        if needed > height:
            return None
        if len(body) == 1:
            block = [f"```{{math}} {body[0]}", "```"]
        else:
            block = ["```{math}", *body, "```"]
        block += [""] * (height - len(block))
        self.out = [previous]
        self.out.append("\n".join(indent + line if line else line for line in block))
        return line_end


class _Splitter(_Converter):
    """The converter's reading of plain text, its math kept apart instead of written."""

    MARK = "\x00"

    def __init__(self, text: str) -> None:
        super().__init__(text.replace(self.MARK, ""))
        self.maths: list[str] = []

    def _inline(self, content: str) -> str:
        self.maths.append(content)
        return f"{self.MARK}{len(self.maths) - 1}{self.MARK}"

    def _block(self, start: int, end: int, content: str) -> int | None:
        return None  # plain text has no blocks: every display is inline


def split_math(text: str) -> list[tuple[str, bool]]:
    """Plain text (a summary) as pieces: ``(text, False)`` and ``(TeX, True)``, in order.

    The same reading as :func:`convert_math`'s (prices stay text); knitr's
    inline code stays in the text.
    """
    splitter = _Splitter(text)
    written = splitter.run()
    pieces: list[tuple[str, bool]] = []
    for index, part in enumerate(written.split(_Splitter.MARK)):
        if index % 2:
            pieces.append((splitter.maths[int(part)], True))
        elif part:
            pieces.append((part, False))
    return pieces


__all__ = ["MathText", "convert_math", "read_math", "split_math"]
