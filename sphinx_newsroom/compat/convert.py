"""One article's text through every conversion, in the order that keeps them apart.

1. Line-based rewrites on the source as written: knitr chunks, fenced
   divs, heading attributes, kramdown attribute lists.
2. What must stay literal everywhere: ``{% raw %}`` and escaped shortcodes.
3. Code (blocks, inline, ``$$`` math) put aside: nothing below touches it.
4. Shortcodes, Liquid, Pandoc citations, inline footnotes; the summary
   divider found.
5. Everything put back.
"""

from __future__ import annotations

import dataclasses as dc
import re

from ..model.frontmatter import Problem
from .citations import convert_citations
from .context import FAMILIES, Context, Report
from .hugo import convert_shortcodes, find_more, unescape
from .liquid import convert_attribute_lists, convert_liquid, excerpt_separator, keep_raw
from .pandoc import convert_chunks, convert_divs, convert_heading_attributes, convert_inline_notes
from .text import NL, Vault, finish, mask_code

__all__ = ["FAMILIES", "Context", "Converted", "convert", "plain_summary"]


@dc.dataclass(frozen=True, slots=True)
class Converted:
    """The converted text and what the conversion found."""

    text: str
    #: The text before ``<!--more-->`` (or ``excerpt_separator``), as plain text; "" if none.
    summary: str = ""
    problems: tuple[Problem, ...] = ()
    #: Raw HTML the conversion wrote itself (video embeds).
    trusted_html: tuple[str, ...] = ()


def convert(text: str, context: Context) -> Converted:
    """``text`` (an article's body) with every enabled family converted to MyST."""
    families = set(context.families) & set(FAMILIES)
    if not families:
        return Converted(text)
    report = Report()
    if "pandoc" in families:
        text = convert_chunks(text, report, context)
        text = convert_divs(text, report, context)
    if families & {"pandoc", "liquid"}:
        text = convert_heading_attributes(text)
    if "liquid" in families:
        text = convert_attribute_lists(text, context)
    vault = Vault()
    if "liquid" in families:
        text = keep_raw(text, vault)
    if "hugo" in families:
        text = unescape(text, vault)
    text = mask_code(text, vault)
    if "hugo" in families:
        text = convert_shortcodes(text, context, report)
    if "liquid" in families:
        text = convert_liquid(text, context, report)
    if "pandoc" in families:
        # Citations first: a note ``^[see @a]`` keeps its citation.
        text = convert_citations(text, report, context)
        text = convert_inline_notes(text, report, context)
    text, summary = _split_summary(text, context, families)
    return Converted(finish(vault.restore(text)), plain_summary(finish(vault.restore(summary))),
                     tuple(report.problems), tuple(report.trusted_html))


def _split_summary(text: str, context: Context, families: set[str]) -> tuple[str, str]:
    """The text without its summary divider, and what came before the divider."""
    separator = excerpt_separator(context) if "liquid" in families else ""
    if separator:
        at = text.find(separator)
        if at >= 0:
            return text[:at] + "\n" * separator.count("\n") + text[at + len(separator):], \
                text[:at]
    more = find_more(text) if "hugo" in families else None
    if more:
        return text[:more.start()] + text[more.end():], text[:more.start()]
    return text, ""


_DROP_LINES = re.compile(r"(?m)^\s*(?:`{3,}.*|:\w[\w-]*:.*|\(.+\)=|<.*|\[\^[^\]]+\]:.*)$")
_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[\^[^\]]+\]"), ""),
    (re.compile(r"\{[\w-]+\}`([^`]*)`"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"(?m)^\s*(?:#{1,6}\s+|>\s?)"), ""),
    (re.compile(r"(\*\*|__|\*|`)"), ""),
]


def plain_summary(markdown: str) -> str:
    """The summary's Markdown as one line of plain text (lists and feeds show it)."""
    text = _DROP_LINES.sub("", markdown.replace(NL, "\n"))
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
