"""Pandoc citations -> the ``pandoc-cite`` role, for the keys of the article's bibliography.

Pandoc's syntax (its manual, "Citation syntax"):

- ``[@smith2020]``, ``[see @smith2020, p. 33; also @doe2019, ch. 2]``: a
  bracketed group of items separated by ``;``, each with a prefix, a key and
  a suffix (a locator such as ``p. 33``, and more text);
- ``[-@smith2020]``: the author left out (the text names them already);
- ``@smith2020 says``, ``@smith2020 [p. 33] says``: the author in the text.

A key starts with a letter, digit or ``_`` and goes on with those and single
internal punctuation (``:.#$%&-+?<>~/``): in ``@Foo_bar.baz.`` the key is
``Foo_bar.baz``. ``@{...}`` braces any key. The ``@`` must not follow a word
character, so ``me@example.com`` is no citation.

Each cited key becomes the role (``{pandoc-cite}`@key```, ``-@key`` for the
year alone, ``+@key`` for the author alone) and the group's brackets become
parentheses; the prefix and suffix stay Markdown, as written. The role, once
the article is read, shows the author and year and links to the entry. A
bracketed group naming a key the bibliography lacks is left as written, with
a warning. An in-text ``@word`` that is no key is left alone silently: it is
a handle (``@rstudio``), not a citation. Nothing in code, link text, link
destinations, URLs or HTML tags is converted.
"""

from __future__ import annotations

import dataclasses as dc
import re

from ..warnings_ import NewsroomWarning
from .context import Context, Report
from .text import line_at

__all__ = ["ROLE", "cited_keys", "convert_citations"]

#: The role the conversion writes (registered by the extension).
ROLE = "pandoc-cite"
_KEY = re.compile(r"\{(?P<braced>[^{}\s`]+)\}"
                  r"|(?P<plain>\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*)")
#: Locator terms (Pandoc's English list, singular and plural, and ``§``): a suffix
#: starting with one, or with a number, is a locator and gets its comma.
_LOCATOR = re.compile(
    r"\s*(?:\d|§|(?:bk|bks|chap|chaps|ch|col|cols|fig|figs|fol|fols|no|nos|l|ll|n|nn|op|opp|"
    r"p|pp|para|paras|pt|pts|sec|secs|s\.v|v|vv|vol|vols)\.(?=\s|\d)|(?:book|chapter|column|"
    r"figure|folio|issue|line|note|opus|page|paragraph|part|section|sub verbo|verse|volume)"
    r"s?\b)", re.I)
#: What may stand right before an in-text ``@``: the start, a space, an opening bracket or quote,
#: emphasis markers.
_INTEXT_BEFORE = set(" \t\n([{\"'“‘«*_")
_TAG = re.compile(r"<(?:[A-Za-z][\w-]*(?:\s[^<>]*)?/?|/[A-Za-z][\w-]*\s*|!--.*?--|"
                  r"[A-Za-z][\w+.-]*:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>", re.S)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\]\)]*", re.I)


@dc.dataclass(frozen=True, slots=True)
class _Item:
    """One item of a bracketed group: where its key is, relative to the group's text."""

    start: int  # of the ``@`` (or of ``-@``)
    end: int
    key: str
    suppress_author: bool
    #: Where the item's part of the group ends (its ``;`` or the group's end).
    part_end: int = 0


def _key_at(text: str, at: int) -> tuple[str, int] | None:
    """The key after the ``@`` at ``at``, and where it ends."""
    match = _KEY.match(text, at + 1)
    if not match:
        return None
    return match.group("braced") or match.group("plain"), match.end()


def _closing(text: str, start: int) -> int | None:
    """The ``]`` closing the ``[`` at ``start`` (nested pairs counted; not past a blank line)."""
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        elif char == "\n" and text[i + 1:i + 2] == "\n":
            return None
        i += 1
    return None


def _paren_end(text: str, start: int) -> int:
    """Past the ``)`` closing the ``(`` at ``start`` (a link destination), or the line's end."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        elif text[i] == "\n":
            return i
    return len(text)


def _split_items(body: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each ``;``-separated part of a group's text, outside brackets."""
    parts: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, char in enumerate(body):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(body)))
    return parts


def _keys_in(body: str, start: int, end: int) -> list[_Item]:
    """Every key of ``body[start:end]``: an ``@`` (or ``-@``) after a space or the start."""
    found = []
    i = start
    while (at := body.find("@", i, end)) >= 0:
        i = at + 1
        minus = at > start and body[at - 1] == "-"
        first = at - 1 if minus else at
        if first > start and not body[first - 1].isspace():
            continue
        key = _key_at(body, at)
        if key is None or key[1] > end:
            continue
        found.append(_Item(first, key[1], key[0], minus, end))
        i = key[1]
    return found


def _group_items(body: str) -> list[_Item] | None:
    """The items of a bracketed group, or None when the brackets hold no citation group.

    Every ``;``-separated part must hold exactly one key, as Pandoc requires.
    """
    items = []
    for start, end in _split_items(body):
        keys = _keys_in(body, start, end)
        if len(keys) != 1:
            return None
        items.append(keys[0])
    return items


def _role(key: str, mode: str = "") -> str:
    return f"{{{ROLE}}}`{mode}@{key}`"


def _group_text(body: str, items: list[_Item]) -> str:
    """The group's text with each key as the role, a comma before a bare locator."""
    out, pos = [], 0
    for item in items:
        out.append(body[pos:item.start])
        out.append(_role(item.key, "-" if item.suppress_author else ""))
        pos = item.end
        suffix = body[pos:item.part_end]
        if suffix.strip() and not suffix.lstrip().startswith(",") and _LOCATOR.match(suffix):
            out.append(",")
    out.append(body[pos:])
    return "".join(out)


class _Converter:
    def __init__(self, text: str, report: Report, context: Context) -> None:
        self.text = text
        self.report = report
        self.context = context
        self.keys = context.citation_keys
        self.out: list[str] = []
        self.pos = 0  # text before this offset is in ``out`` already

    def emit(self, start: int, end: int, replacement: str) -> None:
        self.out.append(self.text[self.pos:start])
        self.out.append(replacement)
        self.pos = end

    def unknown(self, items: list[_Item], offset: int) -> bool:
        """Warn about each key of the group the bibliography lacks; whether there was one."""
        missing = [item for item in items if item.key not in self.keys]
        for item in missing:
            self.report.warn(
                f"citation key {item.key!r} is in none of the article's bibliography files; "
                "the citation is shown as written",
                line_at(self.text, offset + item.start, self.context.first_line),
                NewsroomWarning.CITATION)
        return bool(missing)

    def run(self) -> str:
        text = self.text
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\\":
                i += 2
            elif char == "!" and text[i + 1:i + 2] == "[":
                i = self._skip_link(i + 1, always=True)
            elif char == "[":
                i = self._bracket(i)
            elif char == "<" and (tag := _TAG.match(text, i)):
                i = tag.end()
            elif char in "hHwW" and (not i or not text[i - 1].isalnum()) \
                    and (url := _URL.match(text, i)):
                i = url.end()
            elif char == "@":
                i = self._in_text(i)
            else:
                i += 1
        self.out.append(text[self.pos:])
        return "".join(self.out)

    def _skip_link(self, start: int, always: bool = False) -> int:
        """Past a link (or an image: ``always``) whose ``[`` is at ``start``."""
        end = _closing(self.text, start)
        if end is None:
            return start + 1
        if self.text[end + 1:end + 2] == "(":
            return _paren_end(self.text, end + 1)
        return end + 1 if always else start + 1

    def _bracket(self, start: int) -> int:
        text = self.text
        end = _closing(text, start)
        before = text[start - 1] if start else "\n"
        after = text[end + 1:end + 2] if end is not None else ""
        if end is None or before in "]^" or text[start + 1:start + 2] == "^":
            return start + 1  # a footnote (``[^1]``, ``^[...]``): its text is read further on
        if after == "(":
            return _paren_end(text, end + 1)  # a link: text and destination left alone
        if after in ("[", "{") or (after == ":" and before == "\n"):
            return end + 1  # a reference link, a span with attributes, a link definition
        body = text[start + 1:end]
        items = _group_items(body)
        if not items:
            return start + 1
        if self.unknown(items, start + 1):
            return end + 1
        self.emit(start, end + 1, "(" + _group_text(body, items) + ")")
        return end + 1

    def _in_text(self, at: int) -> int:
        text = self.text
        if at and text[at - 1] not in _INTEXT_BEFORE:
            return at + 1
        found = _key_at(text, at)
        if found is None or found[0] not in self.keys:
            return at + 1
        key, end = found
        author, year = _role(key, "+"), _role(key, "-")
        bracket = re.compile(r"[ \t]?\[").match(text, end)
        close = _closing(text, bracket.end() - 1) if bracket else None
        if bracket and close is not None and text[close + 1:close + 2] not in ("(", "[", "{"):
            body = text[bracket.end():close]
            items = _group_items(body)
            if items and self.unknown(items, bracket.end()):
                self.emit(at, end, f"{author} ({year})")
                return close + 1  # the bracket is shown as written
            if items:
                # ``@a [-@b; see @c]``: one parenthesis, "A (2020; 2021; see C 2019)".
                self.emit(at, close + 1, f"{author} ({year}; {_group_text(body, items)})")
                return close + 1
            if not _keys_in(body, 0, len(body)):
                # ``@a [p. 33]``: the bracket is the locator, "A (2020, p. 33)".
                self.emit(at, close + 1, f"{author} ({year}, {body.strip()})")
                return close + 1
        self.emit(at, end, f"{author} ({year})")
        return end


def convert_citations(text: str, report: Report, context: Context) -> str:
    """Pandoc citations of the bibliography's keys as the ``pandoc-cite`` role (see above).

    Nothing happens without ``context.citation_keys`` (an article with no
    bibliography): its ``[@...]`` is someone else's syntax, or prose.
    """
    if not context.citation_keys or "@" not in text:
        return text
    return _Converter(text, report, context).run()


def cited_keys(text: str) -> list[str]:
    """The keys of a ``nocite`` value (``@a, @b``; ``@*`` is every entry), in order."""
    keys = []
    for match in re.finditer(r"(?<![\w@])@(\*|" + _KEY.pattern + ")", text):
        keys.append(match.group("braced") or match.group("plain") or "*")
    return keys
