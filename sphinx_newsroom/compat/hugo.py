"""Hugo shortcodes (``{{< x >}}`` and ``{{% x %}}``) -> MyST, and ``<!--more-->``.

Hugo's own rules, from its shortcode lexer: a name, then positional *or*
named arguments; values bare, in double quotes (``\\"`` escapes) or in
backticks (raw, may span lines); ``/>}}`` closes a tag on the spot; a tag is
paired when a ``{{< /x >}}`` follows. The ``%`` form's inner content is
Markdown, which MyST reads anyway, so both forms convert alike.
``{{</* x */>}}`` is Hugo's escape: it shows ``{{< x >}}`` as written.
"""

from __future__ import annotations

import dataclasses as dc
import html
import re
from collections.abc import Callable
from urllib.parse import quote, urlencode

from .context import (
    Context,
    Report,
    doc_link,
    front_matter_value,
    in_link_destination,
    resolve,
    root_prefix,
)
from .text import NL, Vault, fence_for, line_at, line_prefix

_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)
_START = re.compile(r"\{\{([<%])")
_NAME = re.compile(r"\s*(/)?\s*([\w./-]+)")
_ARG = re.compile(r'\s*(?:([\w-]+)=)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+?(?=\s|/?[>%]\}\}))', re.S)
_CLOSE = re.compile(r"\s*(/)?\s*-?([>%])\}\}")


def unescape(text: str, vault: Vault) -> str:
    """``{{</* x */>}}`` -> ``{{< x >}}``, kept literal (even in code: Hugo shows it so)."""
    return _ESCAPED.sub(lambda m: vault.keep(f"{{{{{m[1]}{m[2]}{m[3]}}}}}"), text)


@dc.dataclass(frozen=True)
class Tag:
    start: int
    end: int
    name: str
    closing: bool
    self_closing: bool
    positional: tuple[str, ...]
    named: dict[str, str]

    def arg(self, name: str, position: int | None = None) -> str:
        if name in self.named:
            return self.named[name]
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return ""


def _value(raw: str) -> str:
    if raw.startswith('"'):
        return re.sub(r'\\(.)', r"\1", raw[1:-1])
    if raw.startswith("`"):
        return raw[1:-1]
    return raw


def parse_tag(text: str, start: int) -> Tag | None:
    """The shortcode tag opening at ``start`` (``{{<`` or ``{{%``), or None if it is not one."""
    pos = start + 3
    name = _NAME.match(text, pos)
    if not name:
        return None
    pos = name.end()
    positional: list[str] = []
    named: dict[str, str] = {}
    while True:
        close = _CLOSE.match(text, pos)
        if close:
            return Tag(start, close.end(), name[2], bool(name[1]), bool(close[1]),
                       tuple(positional), named)
        arg = _ARG.match(text, pos)
        if not arg or arg.end() == pos:
            return None
        if arg[1]:
            named[arg[1]] = _value(arg[2])
        else:
            positional.append(_value(arg[2]))
        pos = arg.end()


def tags_in(text: str) -> list[Tag]:
    found: list[Tag] = []
    for match in _START.finditer(text):
        tag = parse_tag(text, match.start())
        if tag is not None and (not found or tag.start >= found[-1].end):
            found.append(tag)
    return found


@dc.dataclass
class _Run:
    """One conversion of an article's text."""

    text: str
    context: Context
    report: Report
    #: start -> end of each paired tag's closing tag, for ``block``.
    ends: dict[int, int] = dc.field(default_factory=dict)

    def line(self, offset: int) -> int:
        return line_at(self.text, offset, self.context.first_line)

    def expand(self, start: int, end: int) -> str:
        tags = tags_in(self.text[start:end])
        out: list[str] = []
        pos = 0
        segment = self.text[start:end]
        i = 0
        while i < len(tags):
            tag = tags[i]
            out.append(segment[pos:tag.start])
            absolute = dc.replace(tag, start=tag.start + start, end=tag.end + start)
            if tag.closing:
                self.report.warn(f"shortcode closing tag {{{{< /{tag.name} >}}}} has no "
                                 "opening tag; removed", self.line(absolute.start))
                pos, i = tag.end, i + 1
                continue
            close = None if tag.self_closing else _matching_close(tags, i)
            if close is None:
                out.append(self.render(absolute, None))
                pos, i = tag.end, i + 1
                continue
            closing = tags[close]
            inner_start, inner_end = tag.end + start, closing.start + start
            self.ends[absolute.start] = closing.end + start
            out.append(self.render(absolute, (inner_start, inner_end)))
            pos, i = closing.end, close + 1
        out.append(segment[pos:])
        return "".join(out)

    def render(self, tag: Tag, inner: tuple[int, int] | None) -> str:
        handler = HANDLERS.get(tag.name)
        if handler is None:
            self.report.warn(f"shortcode {tag.name!r} is not understood: its delimiters are "
                             "removed, its inner content kept", self.line(tag.start))
            return self.expand(*inner) if inner else ""
        if tag.name != "highlight" and inner:
            self.report.warn(f"shortcode {tag.name!r} takes no inner content; kept as text",
                             self.line(tag.start))
            return handler(self, tag, None) + self.expand(*inner)
        return handler(self, tag, self.text[inner[0]:inner[1]] if inner else None)

    def block(self, tag: Tag, lines: list[str]) -> str:
        """Block output placed on lines of its own, indented like the tag's line."""
        prefix = line_prefix(self.text, tag.start)
        end = self.ends.get(tag.start, tag.end)
        eol = self.text.find("\n", end)
        rest = self.text[end:eol if eol >= 0 else len(self.text)]
        lead = prefix if not prefix.strip(" \t>") else ""
        body = (NL + lead).join(lines)
        if prefix.strip(" \t>"):
            body = NL + NL + body
        if rest.strip():
            body += NL + lead.rstrip()
        return body


def _matching_close(tags: list[Tag], i: int) -> int | None:
    depth = 0
    for j in range(i + 1, len(tags)):
        other = tags[j]
        if other.name != tags[i].name:
            continue
        if other.closing:
            if depth == 0:
                return j
            depth -= 1
        elif not other.self_closing:
            depth += 1
    return None


def _option(name: str, value: str) -> list[str]:
    return [f":{name}: {' '.join(value.split())}"] if value.strip() else []


def _figure(run: _Run, tag: Tag, inner: str | None) -> str:
    src = tag.arg("src", 0)
    if not src:
        run.report.warn("shortcode 'figure' has no src; removed", run.line(tag.start))
        return ""
    caption = " ".join(part for part in (
        f"**{tag.arg('title')}**" if tag.arg("title") else "",
        tag.arg("caption"),
        f"[{tag.arg('attr')}]({tag.arg('attrlink')})" if tag.arg("attrlink") and tag.arg("attr")
        else tag.arg("attr"),
    ) if part)
    caption = " ".join(caption.split())
    options = (_option("alt", tag.arg("alt")) + _option("target", tag.arg("link"))
               + _option("class", tag.arg("class")) + _option("width", tag.arg("width"))
               + _option("height", tag.arg("height")))
    directive = "figure" if caption else "image"
    lines = [f"```{{{directive}}} {src}", *options]
    if caption:
        lines += ["", caption]
    return run.block(tag, [*lines, "```"])


def _ref(run: _Run, tag: Tag, inner: str | None) -> str:
    path = tag.arg("path", 0)
    target_path, _, anchor = path.partition("#")
    destination = in_link_destination(run.text, tag.start)
    target = resolve(target_path, run.context) if target_path else run.context.docname
    if target is None:
        run.report.warn(f"shortcode {tag.name!r}: no document matches {path!r}; the path is "
                        "kept as written", run.line(tag.start))
        return path
    return doc_link(target, anchor, run.context, destination)


#: The youtube shortcode's player options, passed on in the embed's URL.
VIDEO_PARAMS = ("start", "end", "loop", "mute", "autoplay")


def _embed(run: _Run, tag: Tag, site: str) -> str:
    video = tag.arg("id", 0)
    if not re.fullmatch(r"[\w-]+", video):
        run.report.warn(f"shortcode {tag.name!r}: {video!r} is not a video id; removed",
                        run.line(tag.start))
        return ""
    if site == "youtube":
        params: dict[str, str] = {k: tag.named[k] for k in VIDEO_PARAMS if k in tag.named}
        query = f"?{urlencode(params)}" if params else ""
        src = f"https://www.youtube-nocookie.com/embed/{video}{query}"
        watch = f"https://www.youtube.com/watch?v={video}"
        title = tag.arg("title") or "YouTube video"
    else:
        src = f"https://player.vimeo.com/video/{video}?dnt=1"
        watch = f"https://vimeo.com/{video}"
        title = tag.arg("title") or "Vimeo video"
    classes = " ".join(["news-embed", f"news-embed-{site}", *tag.arg("class").split()])
    iframe = (f'<div class="{html.escape(classes)}" style="position: relative; '
              'padding-bottom: 56.25%; height: 0; overflow: hidden;">'
              f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
              'style="position: absolute; top: 0; left: 0; width: 100%; height: 100%; '
              'border: 0;" allow="accelerometer; autoplay; clipboard-write; encrypted-media; '
              'gyroscope; picture-in-picture; web-share" allowfullscreen loading="lazy" '
              'referrerpolicy="strict-origin-when-cross-origin"></iframe></div>')
    run.report.trusted_html.append(iframe)
    label = title.replace("[", "\\[").replace("]", "\\]")
    return run.block(tag, ["````{only} html", "```{raw} html", iframe, "```", "````",
                           "````{only} not html", f"[{label}]({watch})", "````"])


def _youtube(run: _Run, tag: Tag, inner: str | None) -> str:
    return _embed(run, tag, "youtube")


def _vimeo(run: _Run, tag: Tag, inner: str | None) -> str:
    return _embed(run, tag, "vimeo")


_LINE_RANGE = re.compile(r"\d+(?:-\d+)?")


def code_block(language: str, code: str, linenos: bool, start: str = "",
               emphasize: list[str] | None = None) -> list[str]:
    """A MyST ``code-block`` directive, as lines."""
    code = code.strip("\n")
    fence = fence_for(code)
    lines = [f"{fence}{{code-block}} {language}".rstrip()]
    if linenos:
        lines.append(":linenos:")
    if start:
        lines.append(f":lineno-start: {start}")
    if emphasize:
        lines.append(f":emphasize-lines: {','.join(emphasize)}")
    return [*lines, "", code, fence]


def _highlight(run: _Run, tag: Tag, inner: str | None) -> str:
    options = dict(
        (key.strip(), value.strip()) for key, _, value in
        (item.partition("=") for item in re.split(r",\s*", tag.arg("options", 1)) if item))
    linenos = options.get("linenos", "false").lower() not in ("false", "")
    if inner is None:
        run.report.warn("shortcode 'highlight' has no code (no closing tag); removed",
                        run.line(tag.start))
        return ""
    lines = code_block(tag.arg("lang", 0), inner, linenos, options.get("linenostart", ""),
                       _LINE_RANGE.findall(options.get("hl_lines", "")))
    return run.block(tag, lines)


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})"


def _gist(run: _Run, tag: Tag, inner: str | None) -> str:
    user, gist, file = tag.arg("user", 0), tag.arg("id", 1), tag.arg("file", 2)
    url = f"https://gist.github.com/{quote(user)}/{quote(gist)}"
    return _link(f"Gist {user}/{gist}" + (f" ({file})" if file else ""),
                 url + (f"?file={quote(file)}" if file else ""))


def _post(site: str) -> Callable[[_Run, Tag, str | None], str]:
    def render(run: _Run, tag: Tag, inner: str | None) -> str:
        user, post = tag.arg("user"), tag.arg("id") or tag.arg("id", 0)
        if not post:
            run.report.warn(f"shortcode {tag.name!r} has no id; removed", run.line(tag.start))
            return ""
        author = f"@{user}" if user else "a user"
        return _link(f"Post by {author} on {'X' if 'x.com' in site else 'Twitter'}",
                     f"https://{site}/{quote(user or 'i')}/status/{quote(post)}")
    return render


def _instagram(run: _Run, tag: Tag, inner: str | None) -> str:
    post = tag.arg("id", 0)
    return _link("Instagram post", f"https://www.instagram.com/p/{quote(post)}/")


def _param(run: _Run, tag: Tag, inner: str | None) -> str:
    name = tag.arg("name", 0)
    value = front_matter_value(run.context.front_matter, name)
    if value is None:
        run.report.warn(f"shortcode 'param': the front matter has no {name!r}; removed",
                        run.line(tag.start))
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _baseurl(run: _Run, tag: Tag, inner: str | None) -> str:
    prefix = root_prefix(run.context.docname)
    return prefix[:-1] if run.text.startswith("/", tag.end) else prefix


def _postref(run: _Run, tag: Tag, inner: str | None) -> str:
    # blogdown: the post's own folder, where its page-bundle files sit.
    return "" if run.text.startswith("/", tag.end) else "./"


Handler = Callable[[_Run, Tag, str | None], str]
HANDLERS: dict[str, Handler] = {
    "figure": _figure, "ref": _ref, "relref": _ref, "youtube": _youtube, "vimeo": _vimeo,
    "highlight": _highlight, "gist": _gist, "tweet": _post("twitter.com"), "x": _post("x.com"),
    "instagram": _instagram, "param": _param, "baseurl": _baseurl, "postref": _postref,
}


def convert_shortcodes(text: str, context: Context, report: Report) -> str:
    """Every shortcode of ``text`` (code already masked) converted."""
    if "{{" not in text:
        return text
    run = _Run(text, context, report)
    return run.expand(0, len(text))


_MORE = re.compile(r"<!--\s*more\s*-->")


def find_more(text: str) -> re.Match[str] | None:
    """Hugo's summary divider."""
    return _MORE.search(text)
