"""Line-keeping text surgery shared by every conversion.

Two devices keep the line numbers of the source while text is rewritten:

- ``NL`` stands for a line break the conversion *adds*. Line numbers are
  counted on real ``"\\n"`` only, so a problem found after a figure grew
  from one line to six still points at its line in the file; ``finish``
  turns every ``NL`` into a newline at the very end.
- A ``Vault`` puts text no later stage may touch (code, ``{% raw %}``,
  escaped shortcodes) behind a token holding as many newlines as the text.
"""

from __future__ import annotations

import re

#: A line break added by a conversion (not counted as a source line).
NL = "\ue002"
_TOKEN = re.compile("\ue000(\\d+)\n*\ue001")


class Vault:
    """Text kept aside behind tokens, given back by ``restore``."""

    def __init__(self) -> None:
        self._kept: list[str] = []

    def keep(self, text: str) -> str:
        self._kept.append(text)
        return f"\ue000{len(self._kept) - 1}" + "\n" * text.count("\n") + "\ue001"

    def restore(self, text: str) -> str:
        while _TOKEN.search(text):
            text = _TOKEN.sub(lambda m: self._kept[int(m.group(1))], text)
        return text


def finish(text: str) -> str:
    """The text with every added line break made real."""
    return text.replace(NL, "\n")


def line_at(text: str, offset: int, first_line: int) -> int:
    """The source line of ``offset`` (``first_line`` is the line of ``text[0]``)."""
    return first_line + text.count("\n", 0, offset)


def line_prefix(text: str, offset: int) -> str:
    """What precedes ``offset`` on its line."""
    return text[text.rfind("\n", 0, offset) + 1:offset]


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\s*\{([\w:-]+)\}")
#: MyST directives whose content is code or data, not Markdown.
CODE_DIRECTIVES = {"code-block", "code", "sourcecode", "code-cell", "raw", "math",
                   "literalinclude", "eval-rst", "csv-table", "mermaid", "graphviz", "jinja"}
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def code_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a fenced or an indented code block (fences included)."""
    inside = [False] * len(lines)
    fence = ""
    #: Open fences of directives whose content is Markdown (```{note}): not code.
    markdown_fences: list[str] = []
    in_list = False
    previous_blank = True
    for i, line in enumerate(lines):
        if not fence and markdown_fences and line.strip() == markdown_fences[-1]:
            markdown_fences.pop()
            inside[i] = True
            continue
        if fence:
            inside[i] = True
            stripped = line.strip()
            if stripped.startswith(fence[0]) and set(stripped) == {fence[0]} \
                    and len(stripped) >= len(fence):
                fence = ""
            continue
        match = _FENCE.match(line)
        if match and not (match["fence"][0] == "`" and "`" in match["info"]):
            directive = _DIRECTIVE.match(match["info"])
            if directive and directive.group(1) not in CODE_DIRECTIVES:
                markdown_fences.append(match["fence"])
                inside[i] = True
                continue
            fence = match["fence"]
            inside[i] = True
            continue
        blank = not line.strip()
        if not blank and not line.startswith((" ", "\t")):
            in_list = bool(_LIST_ITEM.match(line))
        if (not blank and (line.startswith("    ") or line.startswith("\t"))
                and not in_list and (previous_blank or (i and inside[i - 1]))):
            inside[i] = True
        previous_blank = blank
    return inside


def fence_for(body: str, least: int = 3) -> str:
    """A backtick fence longer than any fence inside ``body``."""
    runs = [len(m.group(1)) for m in re.finditer(r"(?m)^\s*(`{3,})", body)]
    return "`" * max([least, *[r + 1 for r in runs]])


_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_MATH_BLOCK = re.compile(r"\$\$.+?\$\$", re.S)


def mask_code(text: str, vault: Vault) -> str:
    """Code blocks, inline code and ``$$`` math put behind tokens: conversions skip them."""
    lines = text.split("\n")
    inside = code_lines(lines)
    out: list[str] = []
    run: list[str] = []
    for line, is_code in zip(lines, inside, strict=True):
        if is_code:
            run.append(line)
            continue
        if run:
            out.append(vault.keep("\n".join(run)))
            run = []
        out.append(line)
    if run:
        out.append(vault.keep("\n".join(run)))
    masked = "\n".join(out)
    masked = _MATH_BLOCK.sub(lambda m: vault.keep(m.group(0)), masked)
    return _INLINE_CODE.sub(lambda m: vault.keep(m.group(0)), masked)
