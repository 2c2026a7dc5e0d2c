"""Emoji and invisible characters in the PDF: no character without a glyph.

Text fonts (DejaVu, Noto CJK, Fandol) have no emoji, and XeTeX has no font
fallback: a missing glyph is a gap in the page and a "Missing character" line
in the log. Emoji are set as Twemoji images instead, with the ``twemojis``
package of ``texlive-pictures`` (which ``texlive-latex-extra`` depends on),
loaded only by a document that holds emoji; where that package is absent an
emoji is set as its name in brackets, ``[rocket]``. Invisible format characters
(zero-width space and joiner, word joiner, byte order mark, bidirectional
marks, variation selectors) have no glyph to set and are dropped.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import app_of
from ..doctree import ancestors

#: Characters that show nothing and that no text font has a glyph for.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]")
#: Where emoji are: a single character there is an emoji by default (others, like
#: the copyright sign, only when followed by the emoji variation selector U+FE0F).
_EMOJI_BLOCKS = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
#: Longest emoji sequence looked for, in code points (family and flag sequences).
_LONGEST = 10
PACKAGE = "twemojis"


def _in_blocks(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _EMOJI_BLOCKS)


@functools.cache
def twemoji_names() -> frozenset[str]:
    """The sequences the ``twemojis`` package draws (``1f600``, ``1f1e8-1f1f3``), or none."""
    if not shutil.which("kpsewhich"):
        return frozenset()
    found = subprocess.run(["kpsewhich", f"{PACKAGE}.sty"], capture_output=True, text=True,
                           check=False).stdout.strip()
    if not found:
        return frozenset()
    text = Path(found).read_text("utf-8", errors="replace")
    return frozenset(re.findall(r"\\defineTwemoji\{\d+\}\{([0-9a-f]+(?:-[0-9a-f]+)*)\}", text))


def _key(chars: str) -> str:
    return "-".join(f"{ord(c):x}" for c in chars)


def split_symbols(text: str, names: frozenset[str]) -> list[tuple[str, str]]:
    """``text`` in pieces: ``("text", s)``, ``("emoji", twemoji name)``, or ``("name", s)``
    for an emoji without an image (its Unicode name); invisible characters dropped."""
    pieces: list[tuple[str, str]] = []
    plain: list[str] = []
    i = 0
    while i < len(text):
        found = _emoji_at(text, i, names)
        if found is None:
            char = text[i]
            if not INVISIBLE.match(char):
                plain.append(char)
            i += 1
            continue
        length, kind, value = found
        if plain:
            pieces.append(("text", "".join(plain)))
            plain = []
        pieces.append((kind, value))
        i += length
    if plain:
        pieces.append(("text", "".join(plain)))
    return pieces


def _emoji_at(text: str, i: int, names: frozenset[str]) -> tuple[int, str, str] | None:
    """The emoji starting at ``text[i]``: (its length, kind, twemoji name or Unicode name)."""
    first = text[i]
    selected = text[i + 1: i + 2] == "\ufe0f"
    if not (_in_blocks(first) or selected) or first.isspace():
        return None
    for length in range(min(_LONGEST, len(text) - i), 0, -1):
        chars = text[i:i + length]
        for key in (_key(chars), _key(chars.replace("\ufe0f", ""))):
            if key in names:
                # A selector after the sequence belongs to it.
                end = i + length
                while text[end:end + 1] == "\ufe0f":
                    end += 1
                return end - i, "emoji", key
    if ord(first) >= 0x1F000 and unicodedata.category(first) == "So":
        # No text font has it, and no image: its name.
        end = i + 1
        while end < len(text) and (INVISIBLE.match(text[end])
                                   or 0x1F3FB <= ord(text[end]) <= 0x1F3FF):
            end += 1
        return end - i, "name", f"[{unicodedata.name(first, '?').lower()}]"
    return None


#: Whatever :func:`split_symbols` may change: the invisible characters, the blocks.
_CANDIDATES = re.compile(INVISIBLE.pattern[:-1] + "".join(
    f"{chr(low)}-{chr(high)}" for low, high in _EMOJI_BLOCKS) + "]")


def has_symbols(text: str) -> bool:
    """Whether ``text`` holds anything :func:`split_symbols` changes."""
    return _CANDIDATES.search(text) is not None


def latex_text(text: str, encode: Callable[[str], str]) -> str:
    """``text`` as LaTeX: text ``encode``-d, emoji as ``\\sphinxnewsroomemoji``."""
    if not has_symbols(text):
        return encode(text)
    out = []
    for kind, value in split_symbols(text, twemoji_names()):
        if kind == "emoji":
            out.append(emoji_command(value))
        else:
            out.append(encode(value))
    return "".join(out)


def emoji_command(name: str) -> str:
    # The character itself is what a PDF bookmark shows.
    chars = "".join(chr(int(code, 16)) for code in name.split("-"))
    return f"\\sphinxnewsroomemoji{{{name}}}{{{chars}}}"


#: Nodes whose text LaTeX sets verbatim (a command there would be printed):
#: emoji become their names, invisible characters are dropped.
_VERBATIM = (nodes.literal_block, nodes.math, nodes.math_block, nodes.raw, nodes.comment)


class SymbolsTexCanSet(SphinxPostTransform):
    """Emoji as images and no invisible characters, in every text of the PDF."""

    default_priority = 900  # after every post-transform that writes text
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        names = twemoji_names()
        used = False
        for block in list(self.document.findall(nodes.literal_block)):
            text = block.astext()
            if has_symbols(text):
                # Highlighted from its source: the source changes with the text.
                plain = names_only(text, names)
                if block.rawsource == text:
                    block.rawsource = plain
                block[:] = [nodes.Text(plain)]
        for text in list(self.document.findall(nodes.Text)):
            if not has_symbols(text) or isinstance(text.parent, _VERBATIM):
                continue
            verbatim = any(isinstance(a, _VERBATIM) for a in ancestors(text))
            new: list[nodes.Node] = []
            for kind, value in split_symbols(str(text), names):
                if kind == "emoji" and not verbatim:
                    new.append(nodes.raw("", emoji_command(value), format="latex"))
                    used = True
                else:
                    new.append(nodes.Text(value if kind != "emoji" else _name_of(value)))
            parent = text.parent
            index = parent.index(text)
            parent[index:index + 1] = new
        if used:
            require_twemojis(app_of(self.env))


def names_only(text: str, names: frozenset[str]) -> str:
    """``text`` with its emoji as their names: for text set verbatim."""
    return "".join(value if kind != "emoji" else _name_of(value)
                   for kind, value in split_symbols(text, names))


def _name_of(key: str) -> str:
    return f"[{unicodedata.name(chr(int(key.split('-')[0], 16)), '?').lower()}]"



def require_twemojis(app: Any) -> None:
    """Load the Twemoji package (once) in the document about to be written."""
    builder = app.builder
    if getattr(builder, "_newsroom_twemojis", False):
        return
    builder._newsroom_twemojis = True
    app.add_latex_package(PACKAGE)
