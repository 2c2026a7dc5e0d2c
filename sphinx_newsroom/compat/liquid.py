"""Jekyll's Liquid (``{% tag %}``, ``{{ output }}``) and kramdown's attribute lists -> MyST.

Jekyll runs Liquid over the whole page, code included, before kramdown:
``{% raw %}`` is how its authors show Liquid literally, so raw blocks are
honoured everywhere; every other tag is read only outside code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import (
    Context,
    Report,
    doc_link,
    front_matter_value,
    in_link_destination,
    resolve,
    root_prefix,
)
from .hugo import code_block
from .text import NL, Vault, code_lines, line_at, line_prefix

_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)


def keep_raw(text: str, vault: Vault) -> str:
    """``{% raw %}…{% endraw %}``: the tags removed, the content kept literal."""
    return _RAW.sub(lambda m: vault.keep(m.group(1)), text)


_HIGHLIGHT = re.compile(r"\{%-?\s*highlight\s+([\w+#.-]+)([^%]*?)-?%\}(.*?)"
                        r"\{%-?\s*endhighlight\s*-?%\}", re.S)
_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_OUTPUT = re.compile(r"\{\{-?\s*([^{}]+?)\s*-?\}\}")
#: Liquid tags whose whole block is not shown (comments silently; capture with a warning).
_HIDDEN = {"comment": False, "capture": True}
_DROPPED = {"include", "include_relative", "assign", "increment", "decrement", "cycle",
            "seo", "feed_meta", "render"}


def _highlight(language: str, options: str, code: str, prefix: str) -> str:
    marks = re.search(r"""mark_lines=["']([\d\s]+)["']""", options)
    lines = code_block(language, code, "linenos" in options.split(),
                       emphasize=marks.group(1).split() if marks else None)
    return (NL + prefix).join(lines)


def convert_liquid(text: str, context: Context, report: Report) -> str:
    """Every Liquid tag and output of ``text`` (code already masked) converted."""
    if "{%" not in text and "{{" not in text:
        return text

    def line(offset: int) -> int:
        return line_at(text, offset, context.first_line)

    def indent(offset: int) -> str:
        prefix = line_prefix(text, offset)
        return prefix if not prefix.strip(" \t>") else ""

    out: list[str] = []
    pos = 0
    hidden_until = ""
    for match in re.finditer(f"{_HIGHLIGHT.pattern}|{_TAG.pattern}|{_OUTPUT.pattern}", text,
                             re.S):
        if hidden_until:
            if match.group(4) == hidden_until:
                hidden_until, pos = "", match.end()
            continue
        out.append(text[pos:match.start()])
        pos = match.end()
        if match.group(1):
            out.append(_highlight(match.group(1), match.group(2), match.group(3),
                                  indent(match.start())))
        elif match.group(4):
            out.append(_tag(match.group(4), match.group(5).strip(), match.start(), text,
                            context, report, line))
            if match.group(4) in _HIDDEN:
                if _HIDDEN[match.group(4)]:
                    report.warn(f"Liquid tag {{% {match.group(4)} %}} is not understood; its "
                                "block is removed", line(match.start()))
                hidden_until = f"end{match.group(4)}"
        else:
            out.append(_output(match.group(6), match.start(), text, context, report, line))
    out.append(text[pos:] if not hidden_until else "")
    return "".join(out)


def _tag(name: str, args: str, offset: int, text: str, context: Context, report: Report,
         line: Callable[[int], int]) -> str:
    at = line(offset)
    if name in ("link", "post_url"):
        path = args.split()[0] if args.split() else ""
        target_path, _, anchor = path.partition("#")
        target = resolve(target_path, context) if target_path else None
        if target is None:
            report.warn(f"Liquid tag {{% {name} {path} %}}: no document matches; the path is "
                        "kept as written", at)
            return path
        return doc_link(target, anchor, context, in_link_destination(text, offset))
    if name in _HIDDEN:
        return ""
    if name.startswith("end") or name in ("else", "elsif", "when"):
        return ""
    if name in _DROPPED:
        report.warn(f"Liquid tag {{% {name} %}} cannot be carried over; removed", at)
        return ""
    report.warn(f"Liquid tag {{% {name} %}} is not understood: the tag is removed, what it "
                "encloses kept", at)
    return ""


_QUOTED = re.compile(r"""^(["'])(.*)\1$""")


def _output(expression: str, offset: int, text: str, context: Context, report: Report,
            line: Callable[[int], int]) -> str:
    parts = [p.strip() for p in expression.split("|")]
    value, filters = parts[0], parts[1:]
    root = root_prefix(context.docname).rstrip("/") or "."
    quoted = _QUOTED.match(value)
    if value in ("site.baseurl", "site.url") and not filters:
        follows = text[offset:].split("}}", 1)[-1]
        if follows.lstrip().startswith("{{") and value == "site.url":
            return ""  # {{ site.url }}{{ site.baseurl }}: one root, written once
        return root if follows.startswith("/") else root + "/"
    if quoted and filters:
        path = quoted.group(2)
        name = filters[0].split(":")[0].strip()
        if name == "relative_url" or (name == "absolute_url" and not context.site_url):
            return root + "/" + path.lstrip("/")
        if name == "absolute_url":
            return context.site_url.rstrip("/") + "/" + path.lstrip("/")
        if filters[0].replace(" ", "") in ("prepend:site.baseurl", "prepend:site.url"):
            return root + "/" + path.lstrip("/")
    if value.startswith("page.") and not filters:
        found = front_matter_value(context.front_matter, value[len("page."):])
        if found is not None:
            return ", ".join(map(str, found)) if isinstance(found, list) else str(found)
    report.warn(f"Liquid output {{{{ {expression} }}}} is not understood; removed",
                line(offset))
    return ""


_BLOCK_IAL = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$")
_SPAN_IAL = re.compile(r"\{:\s*((?:[.#][\w-]+\s*)+)\}")


def convert_attribute_lists(text: str, context: Context) -> str:
    """kramdown's ``{: .class #id}``, as MyST attributes where MyST's attrs extensions are on.

    A block list follows its block in kramdown and precedes it in MyST: it
    moves up to the block's first line (in front of it, on an added line).
    Without the extensions the list is dropped: MyST would print it.
    """
    lines = text.split("\n")
    inside = code_lines(lines)
    for i, line in enumerate(lines):
        if inside[i]:
            continue
        block = _BLOCK_IAL.match(line)
        if block:
            lines[i] = ""
            attrs = block.group(1).strip()
            if context.attrs_block and re.fullmatch(r"(?:[.#][\w-]+\s*)+", attrs):
                first = i
                while first > 0 and lines[first - 1].strip() and not inside[first - 1]:
                    first -= 1
                if first < i:
                    lines[first] = f"{{{attrs}}}{NL}{lines[first]}"
            continue
        lines[i] = _SPAN_IAL.sub(
            lambda m: f"{{{m.group(1).strip()}}}" if context.attrs_inline else "", line)
    return "\n".join(lines)


def excerpt_separator(context: Context) -> str:
    """Jekyll's ``excerpt_separator`` from the front matter ("" when unset)."""
    value = context.front_matter.get("excerpt_separator")
    return value if isinstance(value, str) and value.strip() else ""
