"""What raw HTML an article may keep: the sanitizing policy, its report, a small tree.

Pure (no Sphinx, no docutils). The sanitizing itself is nh3's (Ammonia, in
Rust): a hand-written sanitizer is a security liability. This module holds
the allow-list, runs nh3 with it, says in words what the policy removed from
a fragment (nh3 does not report), and parses nh3's well-formed output into
:class:`Element` trees that the read phase turns into docutils nodes.

The policy keeps what posts use: text formatting, links, images, figures,
lists, tables, ``details``, anchors, ``class``/``style`` and layout
attributes. It removes scripts, styles, event handlers, non-web URL schemes
(``javascript:``, ``data:``, ``vbscript:``...) and every frame but a video
embed from YouTube (also ``youtube-nocookie``) or Vimeo, which is sandboxed.
Comments are always dropped, silently: they were never meant to be seen.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Iterable
from html import escape
from html.parser import HTMLParser

import nh3

#: Elements whose text reads as a run of words, kept inside a paragraph.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})
BLOCK_TAGS = frozenset({
    "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "iframe", "li", "ol",
    "p", "pre", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
#: Removed with everything inside them: their content is code, not text.
CONTENT_REMOVED = frozenset({
    "script", "style", "svg", "math", "template", "noscript", "object", "textarea", "select",
    "title", "xmp", "noembed", "noframes", "plaintext",
})
VOID_TAGS = frozenset({"br", "col", "hr", "img", "wbr"})
#: The element that stands for a docutils node while its siblings are sanitized.
SLOT_TAG = "newsroom-slot"
SLOT_ATTR = "data-newsroom-slot"

_EVERYWHERE = frozenset({"class", "style", "title", "align", "lang", "dir"})
_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "id", "name"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "iframe": frozenset({"src", "width", "height", "allowfullscreen", "frameborder"}),
    "td": frozenset({"colspan", "rowspan", "width", "valign"}),
    "th": frozenset({"colspan", "rowspan", "width", "valign", "scope"}),
    "col": frozenset({"span", "width"}),
    "colgroup": frozenset({"span", "width"}),
    "table": frozenset({"width", "border", "cellpadding", "cellspacing"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "span": frozenset({"id"}),
    "div": frozenset({"id"}),
    **{f"h{n}": frozenset({"id"}) for n in range(1, 7)},
    SLOT_TAG: frozenset({SLOT_ATTR}),
}
ALLOWED_TAGS = INLINE_TAGS | BLOCK_TAGS
URL_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src"})
#: CSS a post may set: colour, type, alignment, size and spacing; not position or
#: display (overlays), nor any property that takes a ``url()``.
STYLE_PROPERTIES = frozenset({
    "color", "background-color", "font-weight", "font-style", "font-size",
    "font-family", "font-variant", "text-align", "text-decoration", "text-transform",
    "text-indent", "line-height", "letter-spacing", "vertical-align", "white-space",
    "width", "height", "max-width", "max-height", "min-width", "min-height", "float", "clear",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
    "border-style", "border-width", "border-radius", "border-collapse", "list-style-type",
})
#: Video players an article may embed, each in a sandboxed frame.
EMBEDS = re.compile(
    r"https://(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)/embed/[\w-]+(?:\?[\w=&;.%-]*)?"
    r"|https://player\.vimeo\.com/video/\d+(?:\?[\w=&;.%-]*)?"
)
EMBED_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"


def is_embed(url: str) -> bool:
    return EMBEDS.fullmatch(url.strip()) is not None


def _keep_embeds_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not is_embed(value):
        return None
    return value


def sanitize(fragment: str) -> str:
    """``fragment`` with everything the policy does not allow removed."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS | {SLOT_TAG}),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={"*": set(_EVERYWHERE), **{k: set(v) for k, v in _ATTRIBUTES.items()}},
        attribute_filter=_keep_embeds_only,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=set(URL_SCHEMES),
        set_tag_attribute_values={"iframe": {"sandbox": EMBED_SANDBOX, "loading": "lazy"}},
        filter_style_properties=set(STYLE_PROPERTIES),
    )


#: What a browser strips from the start of a URL: U+0000 to U+001F and the space.
_C0_CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))


def url_scheme(url: str) -> str:
    """The scheme a browser reads in ``url`` (entities already decoded), or ``""``.

    As the URL standard does: leading spaces and control characters are
    ignored, tabs and newlines anywhere are removed, case does not matter.
    """
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip(_C0_CONTROLS_AND_SPACE)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def _style_properties(style: str) -> list[str]:
    names = (part.partition(":")[0].strip().lower() for part in style.split(";") if ":" in part)
    return [name for name in names if name]


class _Scanner(HTMLParser):
    """Lists, in words, what :func:`sanitize` will remove from a fragment.

    It reads tags and attributes only (whose entities HTMLParser always
    decodes), and a self-closing tag as a start and an end tag, as
    HTMLParser's own ``handle_startendtag`` does.
    """

    def __init__(self) -> None:
        super().__init__()
        self.removed: list[str] = []
        self._inside_removed: list[str] = []

    def _note(self, what: str) -> None:
        if what not in self.removed:
            self.removed.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == SLOT_TAG or self._inside_removed:
            return
        if tag not in ALLOWED_TAGS:
            self._note(f"<{tag}>")
            if tag in CONTENT_REMOVED:
                self._inside_removed.append(tag)
            return
        src = dict(attrs).get("src")
        if tag == "iframe" and not (src and is_embed(src)):
            self._note("<iframe> (not a YouTube or Vimeo embed)")
        allowed = _EVERYWHERE | _ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            text = value or ""  # None for an attribute without a value
            if name not in allowed:
                self._note(name)
            elif name in URL_ATTRIBUTES and (scheme := url_scheme(text)) not in URL_SCHEMES | {""}:
                self._note(f"{scheme}: URL")
            elif name == "style":
                for prop in _style_properties(text):
                    if prop not in STYLE_PROPERTIES:
                        self._note(f"style {prop}")

    def handle_endtag(self, tag: str) -> None:
        if self._inside_removed and self._inside_removed[-1] == tag:
            self._inside_removed.pop()


def removed_by_policy(fragment: str) -> list[str]:
    """What :func:`sanitize` removes from ``fragment``, each kind named once, in order."""
    scanner = _Scanner()
    scanner.feed(fragment)
    scanner.close()
    return scanner.removed


# -- the sanitized fragment as a tree -----------------------------------------


@dc.dataclass(slots=True)
class Element:
    """An element of sanitized HTML: its tag, attributes and children (text or elements)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = dc.field(default_factory=list)

    def start_tag(self) -> str:
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs.items())
        return f"<{self.tag}{attrs}>"

    def end_tag(self) -> str:
        return "" if self.tag in VOID_TAGS else f"</{self.tag}>"

    def html(self) -> str:
        inner = "".join(c.html() if isinstance(c, Element) else escape(c, quote=False)
                        for c in self.children)
        return self.start_tag() + inner + self.end_tag()

    def text(self) -> str:
        """The words a reader sees, block elements and line breaks kept apart by spaces."""
        parts = [c.text() if isinstance(c, Element) else c for c in self.children]
        joined = "".join(parts)
        return f" {joined} " if self.tag in BLOCK_TAGS or self.tag == "br" else joined

    def iter(self) -> Iterable[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()


class _TreeBuilder(HTMLParser):
    """Elements from nh3's output; a self-closing tag is a start and an end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("", {})
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self._stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse_sanitized(html: str) -> list[Element | str]:
    """The top-level items of ``html`` (nh3's output: balanced, entity-escaped)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root.children


__all__ = ["ALLOWED_TAGS", "BLOCK_TAGS", "EMBEDS", "INLINE_TAGS", "SLOT_ATTR", "SLOT_TAG",
           "Element", "is_embed", "parse_sanitized", "removed_by_policy", "sanitize",
           "url_scheme"]
