"""Pandoc and R Markdown syntax -> MyST.

Inline footnotes ``^[...]``, fenced divs ``::: {.note}``, heading attributes
``# Title {#id .class}`` and knitr code chunks ```` ```{r label, echo=FALSE} ````.
"""

from __future__ import annotations

import re

from .context import Context, Report
from .text import NL, code_lines, fence_for

#: knitr engines: a chunk ```{r} is code in that language, not a MyST directive.
ENGINES = {"r", "python", "bash", "sh", "sql", "julia", "rcpp", "stan", "js", "css",
           "octave", "perl", "ruby", "sas", "scala"}
_CHUNK = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,})\s*\{(?P<engine>[A-Za-z]+)"
                    r"(?P<options>[\s,][^}]*)?\}\s*$")
_FALSE = {"false", "f"}


def convert_chunks(text: str, report: Report, context: Context) -> str:
    """knitr chunks: shown as code in their language, options dropped; hidden ones removed.

    ``include=FALSE`` and ``echo=FALSE`` chunks show no code in R Markdown's
    output, so their lines are blanked (which keeps every line number).
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _CHUNK.match(lines[i])
        if not match or match["engine"].lower() not in ENGINES:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not (lines[end].strip().startswith(match["fence"])
                                        and set(lines[end].strip()) == {"`"}):
            end += 1
        options = dict(
            (key.strip().lower(), value.strip().lower()) for key, _, value in
            (item.partition("=") for item in re.split(r"\s*,\s*", match["options"] or "")
             if "=" in item))
        if options.get("include") in _FALSE or options.get("echo") in _FALSE:
            for j in range(i, min(end + 1, len(lines))):
                lines[j] = ""
        else:
            lines[i] = f"{match['indent']}{match['fence']}{match['engine'].lower()}"
        i = end + 1
    return "\n".join(lines)


_HEADING = re.compile(r"^(?P<heading> {0,3}#{1,6}\s.*?)\s+\{(?P<attrs>\s*[#.-][^{}]*)\}\s*$")
_ID = re.compile(r"(?:^|\s)#([\w:.-]+)")


def convert_heading_attributes(text: str) -> str:
    """``## Title {#id .class}``: ``(id)=`` put before the heading, the braces removed.

    The target takes the blank line before the heading when there is one,
    so the lines below keep their numbers.
    """
    lines = text.split("\n")
    inside = code_lines(lines)
    for i, line in enumerate(lines):
        match = None if inside[i] else _HEADING.match(line)
        if not match:
            continue
        lines[i] = match["heading"]
        found = _ID.search(match["attrs"])
        if not found:
            continue
        target = f"({found.group(1)})="
        if i and not lines[i - 1].strip() and not inside[i - 1]:
            lines[i - 1] = target
        else:
            lines[i] = target + NL + lines[i]
    return "\n".join(lines)


_DIV_OPEN = re.compile(r"^(?P<indent> {0,3}):{3,}\s*(?:\{(?P<attrs>[^{}]*)\}|(?P<word>[\w-]+))"
                       r"\s*:*\s*$")
_DIV_CLOSE = re.compile(r"^ {0,3}:{3,}\s*$")
ADMONITIONS = {"note", "warning", "tip", "important", "caution", "danger", "attention",
               "hint", "error", "seealso"}


def convert_divs(text: str, report: Report, context: Context) -> str:
    """Pandoc fenced divs -> an admonition (note, warning, tip...) or a ``container``.

    A div whose braces hold a bare name (``:::{note}``) is a MyST colon fence
    and stays as it is, with its closing fence.
    """
    lines = text.split("\n")
    inside = code_lines(lines)
    stack: list[tuple[int, str, bool]] = []  # (line, opening, is a Pandoc div)
    for i, line in enumerate(lines):
        if inside[i]:
            continue
        opening = _DIV_OPEN.match(line)
        if opening:
            attrs = opening["attrs"]
            pandoc = opening["word"] is not None or (
                attrs is not None and bool(re.search(r"[.#=]", attrs)))
            stack.append((i, _directive(opening["word"], attrs or ""), pandoc))
            continue
        if _DIV_CLOSE.match(line) and stack:
            start, directive, pandoc = stack.pop()
            if pandoc:
                fence = fence_for("\n".join(lines[start + 1:i]).replace(NL, "\n"), least=5)
                indent = re.match(r"\s*", lines[start]).group(0)  # type: ignore[union-attr]
                lines[start] = indent + fence + directive.replace(NL, NL + indent)
                lines[i] = indent + fence
    for start, _, pandoc in stack:
        if pandoc:
            report.warn("fenced div ':::' is never closed; shown as text",
                        context.first_line + start)
    return "\n".join(lines)


def _directive(word: str | None, attrs: str) -> str:
    classes = [word] if word else re.findall(r"(?:^|\s)\.([\w-]+)", attrs)
    ident = _ID.search(attrs)
    names = [c.removeprefix("callout-") for c in classes]
    options = [f":name: {ident.group(1)}"] if ident else []
    if names and names[0] in ADMONITIONS:
        if classes[1:]:
            options.append(f":class: {' '.join(classes[1:])}")
        return NL.join([f"{{{names[0]}}}", *options])
    return NL.join([f"{{container}} {' '.join(classes)}".rstrip(), *options])


def convert_inline_notes(text: str, report: Report, context: Context) -> str:
    """``^[text]``: a footnote with a generated label, defined at the end of the article."""
    if "^[" not in text:
        return text
    taken = set(re.findall(r"\[\^([^\]\s]+)\]", text))
    out: list[str] = []
    notes: list[str] = []
    pos = 0
    number = 0
    while (start := text.find("^[", pos)) >= 0:
        end = _closing_bracket(text, start + 1)
        if end is None:
            break
        out.append(text[pos:start])
        number += 1
        while f"note-{number}" in taken:
            number += 1
        label = f"note-{number}"
        out.append(f"[^{label}]")
        note = text[start + 2:end]
        notes.append(f"[^{label}]: {' '.join(note.split())}")
        pos = end + 1
    out.append(text[pos:])
    if not notes:
        return text
    return "".join(out).rstrip("\n") + NL + NL + (NL + NL).join(notes) + "\n"


def _closing_bracket(text: str, start: int) -> int | None:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "[" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "]" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n" and text[i - 1:i + 1] == "\n\n":
            return None
    return None
