"""``sphinx-newsroom import hugo|jekyll|ablog SRC DEST``: a site's posts, as articles.

Front matter is read by the build's reader (``model/frontmatter``) and
written with the newsroom's keys; bodies go through the build's own
conversions (``compat.convert``), once and for good. Old addresses (Hugo's
``aliases``, Jekyll's ``redirect_from``, ABlog's ``redirect``) become
redirect pages through sphinx-reredirects. Nothing is written outside DEST; a
file that differs from what the import would write is kept unless ``--force``,
so a second import changes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import datetime as dt
import json
import os
import posixpath
import re
import zoneinfo
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..compat.convert import Context, convert
from ..compat.text import Vault, fence_for, mask_code
from ..model.article import file_date_parts
from ..model.body import read_body
from ..model.dates import DateError, parse_datetime
from ..model.frontmatter import read_front_matter
from ..model.terms import clean_spelling, split_terms
from . import ablog, hugo, jekyll
from .console import OK, PROBLEMS, USAGE, Console
from .project import ConfError, Settings, find_conf, load, settings_from
from .sites import Post, Site, wordy_date
from .writing import Outcome, front_matter, write

READERS: dict[str, Callable[[Path], Site]] = {
    "hugo": hugo.read_site, "jekyll": jekyll.read_site, "ablog": ablog.read_site}
REDIRECTS = "redirects.json"
#: Keys other tools spell a field with, beyond the newsroom's own aliases.
FIELD_KEYS = {
    "title": ["title"],
    "date": ["date", "publishDate", "publishdate", "pubDate"],
    "updated": ["lastmod", "lastMod", "updated", "modified", "last_modified_at"],
    "image": ["featured_image", "featuredImage", "image", "cover", "images", "thumbnail"],
    "summary": ["summary", "description", "excerpt"],
    "authors": ["authors", "author"],
}
TAXONOMY_KEYS = {"tags": ["tags", "tag", "keywords"],
                 "topics": ["main_topics", "topics", "categories", "category"]}
#: Keys that name old addresses of the page.
REDIRECT_KEYS = ("aliases", "redirect_from", "redirect", "url", "permalink")
LANGUAGE_KEYS = ("language", "lang", "languageCode")
CANONICAL_KEYS = ("canonical_url", "canonicalURL", "canonical", "canonical_link")
#: Keys the conversion has used up: nothing of theirs is left to keep.
CONSUMED = ("excerpt_separator", "blogpost", "published", "draft")


@dc.dataclass
class Converted:
    text: str
    #: (line in the source file or 0, what could not be converted).
    notes: list[tuple[int, str]] = dc.field(default_factory=list)
    redirects: list[str] = dc.field(default_factory=list)
    #: Site-absolute paths of the static files the text uses (``images/a.png``).
    assets: list[str] = dc.field(default_factory=list)
    article: bool = False


class CannotConvert(Exception):
    """The file cannot be imported at all; the message says why (with a line)."""


def _strings(value: Any, split: Callable[[str], list[str]]) -> list[str]:
    items = split(value) if isinstance(value, str) else value if isinstance(
        value, list | tuple) else [value] if value is not None else []
    found: list[str] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            item = item["name"]
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = clean_spelling(str(item))
            if text and text not in found:
                found.append(text)
    return found


def _comma_split(text: str) -> list[str]:
    return split_terms(text)


def _space_split(text: str) -> list[str]:
    """Jekyll's ``tags: a b c`` (commas, where written, still separate)."""
    return split_terms(text) if any(s in text for s in (",", "，", "、")) else text.split()


@dc.dataclass
class FrontMatterMap:
    """One post's front matter, rewritten with the newsroom's keys."""

    site: Site
    settings: Settings
    post: Post
    notes: list[tuple[int, str]] = dc.field(default_factory=list)

    def tz(self) -> dt.tzinfo | None:
        try:
            return zoneinfo.ZoneInfo(self.site.timezone) if self.site.timezone else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def date(self, value: Any, line: int) -> Any:
        """A date as a typed value: aware where the site's zone is known, else as written."""
        zone = self.tz()
        if isinstance(value, dt.datetime):
            return value if value.tzinfo or zone is None else value.replace(tzinfo=zone)
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            self.notes.append((line, f"the date {value!r} is not a date; kept as written"))
            return value
        try:
            first = parse_datetime(value, dt.UTC)
            second = parse_datetime(value, dt.timezone(dt.timedelta(hours=5)))
        except DateError:
            parsed = wordy_date(value, self.site.date_formats)
            if parsed is None:
                self.notes.append((line, f"the date {value!r} cannot be read; kept as written"))
                return value
            first = second = parsed.replace(tzinfo=zone) if zone else parsed
            if not re.search(r"\d:\d", value):
                return parsed.date()
            return first
        if first != second:  # written without an offset
            naive = first.replace(tzinfo=None)
            if not re.search(r"\d:\d", value):
                return naive.date()
            return naive.replace(tzinfo=zone) if zone else naive
        return first

    def split(self) -> Callable[[str], list[str]]:
        return _space_split if self.site.tool == "Jekyll" else _comma_split

    def rewrite(self, data: Mapping[str, Any], lines: Mapping[str, int]) -> tuple[
            dict[str, Any], list[str]]:
        """(the new front matter, the old addresses) of ``data``."""
        settings = self.settings
        rest = dict(data)
        out: dict[str, Any] = {}
        for field in ("title", "date", "updated", "draft", "authors", "summary", "image"):
            keys = list(dict.fromkeys([*settings.fields.get(field, ()),
                                       *FIELD_KEYS.get(field, ())]))
            for key in keys:
                value = rest.get(key)
                if value is None or (field == "date" and isinstance(value, bool)):
                    continue
                value = self.value(field, value, lines.get(key, 1))
                if value in (None, "", []):
                    continue
                rest.pop(key)
                out[settings.key(field)] = value
                break
        if rest.get("published") is False or self.post.implied.get("draft"):
            out[settings.key("draft")] = True
        rest.pop("published", None)
        if settings.key("date") not in out:
            parts = file_date_parts(self.post.target.removesuffix(".md"))
            if parts:
                out[settings.key("date")] = dt.date(*parts)
        for taxonomy, keys in (*TAXONOMY_KEYS.items(), *self.site.taxonomies.items()):
            terms: list[str] = []
            for key in dict.fromkeys([*settings.taxonomies.get(taxonomy, ()), *keys]):
                if key in rest:
                    terms += [t for t in _strings(rest.pop(key), self.split()) if t not in terms]
            if taxonomy == "topics":
                terms += [t for t in self.post.implied.get("categories", []) if t not in terms]
            if terms:
                target = settings.key(taxonomy) if taxonomy in settings.taxonomies else keys[0]
                out[target] = terms
        redirects: list[str] = []
        for key in REDIRECT_KEYS:
            if key in rest:
                redirects += _strings(rest.pop(key), _comma_split)
        for key in LANGUAGE_KEYS:
            if key in rest:
                languages = _strings(rest.pop(key), _comma_split)
                if languages:
                    out.setdefault("language", languages[0])
        for key in CANONICAL_KEYS:
            if key in rest and isinstance(rest[key], str):
                out.setdefault("canonical_url", rest.pop(key))
        for key in CONSUMED:
            rest.pop(key, None)
        if self.post.implied.get("article") or (
                settings.key("date") not in out and self.site.tool == "ABlog"):
            # ABlog publishes a post without a date as a draft.
            out["article"] = True
            out[settings.key("draft")] = True
        kept = [key for key in rest if key not in out]
        if kept:
            self.notes.append((lines.get(kept[0], 1), "front-matter keys kept as written, "
                               "with no meaning to the newsroom: " + ", ".join(kept)))
        out.update((key, rest[key]) for key in kept)
        return out, redirects

    def value(self, field: str, value: Any, line: int) -> Any:
        if field in ("date", "updated"):
            return self.date(value, line)
        if field == "draft":
            return value if isinstance(value, bool) else str(value).strip().lower() in (
                "true", "yes", "on", "1")
        if field == "authors":
            names = _strings(value, _comma_split)
            return [self.site.authors.get(name, name) for name in names]
        if field == "image":
            if isinstance(value, list):
                value = next((v for v in value if isinstance(v, str | dict)), "")
            if isinstance(value, dict):
                value = value.get("image") or value.get("src") or value.get("url") or ""
            return value if isinstance(value, str) else ""
        if isinstance(value, str):
            return " ".join(value.split())
        return str(value) if isinstance(value, int | float) and field == "title" else value


_POST_FENCE = re.compile(r"(?ms)^(`{3,}|:{3,})[ \t]*\{post\}[ \t]*(.*?)\n(.*?)^\1[ \t]*$")
#: What the build converts better than the import can: video shortcodes (the build
#: embeds them as HTML it trusts, having written it), Liquid's raw blocks and Hugo's
#: escaped shortcodes (literal text that must stay literal through the build).
_FOR_THE_BUILD = {
    "hugo": re.compile(r"\{\{[<%]\s*(?:youtube|vimeo)\s[^}]*?[>%]\}\}|"
                       r"\{\{[<%]/\*.*?\*/[>%]\}\}", re.S),
    "liquid": re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S),
}
_DIRECTIVE_PATH = re.compile(r"(?m)^([ \t]*(?:`{3,}|:{3,})\{(?:figure|image)\}[ \t]+)(\S+)")
_LINK = re.compile(r"(!?\[[^\]\n]*\]\(\s*<?)([^)\s>]+)")
_HTML_LINK = re.compile(r"""(<(?:img|a|source|video)\b[^>]*?\b(?:src|href)=)(["'])([^"']+)\2""")


@dc.dataclass
class Importer:
    site: Site
    settings: Settings
    dest: Path
    #: DEST's folder relative to the project's source folder ("" at its root).
    prefix: str
    docnames: frozenset[str]
    console: Console
    dry_run: bool = False
    force: bool = False
    outcomes: list[Outcome] = dc.field(default_factory=list)
    #: Files the import writes, relative to DEST: posts and the files copied beside them.
    written: frozenset[str] = frozenset()
    failures: list[tuple[Path, str]] = dc.field(default_factory=list)
    redirects: dict[str, str] = dc.field(default_factory=dict)
    notes: Counter[str] = dc.field(default_factory=Counter)
    articles: int = 0
    pages: int = 0

    def docname(self, target: str) -> str:
        return posixpath.join(self.prefix, target.removesuffix(".md")) if self.prefix else \
            target.removesuffix(".md")

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.site.root).as_posix()
        except ValueError:
            return str(path)

    def convert(self, post: Post) -> Converted:
        try:
            text = post.source.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CannotConvert(f"not UTF-8 (byte {error.start}): it cannot be read") from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        mapping = FrontMatterMap(self.site, self.settings, post)
        if post.syntax == "rst":
            return self._rst(post, text, mapping)
        raw = read_front_matter(text)
        if raw.problems and not raw.data:
            problem = raw.problems[0]
            raise CannotConvert(f"{problem.line}: {problem.message}")
        data, lines = dict(raw.data), dict(raw.lines)
        body = "\n".join(text.split("\n")[raw.span:])
        fence = _POST_FENCE.search(body)
        if fence:  # ABlog's post directive, written in MyST
            data.update(_directive_options(fence.group(2), fence.group(3)))
            body = body[:fence.start()] + "\n" * fence.group(0).count("\n") + body[fence.end():]
        data.update((k, v) for k, v in post.implied.items() if k not in data and k not in (
            "draft", "article", "categories"))
        out, redirects = mapping.rewrite(data, lines)
        context = self._context(post, data, raw.span + 1)
        kept: list[str] = []

        def keep(match: re.Match[str]) -> str:
            kept.append(match.group(0))
            return f"\ue010{len(kept) - 1}" + "\n" * match.group(0).count("\n") + "\ue011"

        for family in post.families:
            if family in _FOR_THE_BUILD:
                body = _FOR_THE_BUILD[family].sub(keep, body)
        converted = convert(body, context)
        notes = [*mapping.notes, *((p.line or 0, p.message) for p in converted.problems)]
        summary_key = self.settings.key("summary")
        if converted.summary and summary_key not in out:
            out[summary_key] = converted.summary
        text = re.sub("\ue010(\\d+)\n*\ue011", lambda m: kept[int(m.group(1))],
                      converted.text)
        title_key = self.settings.key("title")
        if not out.get(title_key):
            heading = next(iter(read_body(text).headings), None)
            if heading is not None and heading.text.strip():
                # The title is the front matter's; the build drops the heading that
                # says it again.
                out[title_key] = heading.text.strip()
        if not _is_article(out, self.settings) and not re.search(r"(?m)^# ", text):
            title = out.get(self.settings.key("title"))
            if isinstance(title, str) and title:
                # A page (no article) takes its title from its first heading.
                text = f"\n# {title}\n" + text
        return self._finish(post, out, text, notes, redirects)

    def _context(self, post: Post, data: Mapping[str, Any], first_line: int) -> Context:
        extensions = self.settings.myst_extensions
        return Context(
            docname=self.docname(post.target), docnames=self.docnames,
            source_path=lambda name: f"{name}.md",
            front_matter=data, site_url=self.site.base_url or self.settings.site_url,
            families=post.families, attrs_block="attrs_block" in extensions,
            attrs_inline="attrs_inline" in extensions, first_line=first_line)

    def _rst(self, post: Post, text: str, mapping: FrontMatterMap) -> Converted:
        rst = ablog.read_rst_post(text)
        data: dict[str, Any] = {"title": rst.options.get("title") or rst.title}
        if rst.argument:
            data["date"] = rst.argument
        for key in ("tags", "author", "category", "location", "language", "redirect",
                    "canonical_link"):
            if rst.options.get(key):
                data[key] = rst.options[key]
        if rst.excerpt:
            data["summary"] = " ".join(rst.excerpt)
        notes = [(line, f"{what} has no equivalent here; removed") for line, what in rst.dropped]
        for key in ("image", "excerpt", "exclude", "nocomments", "external_link"):
            if key in rst.options:
                notes.append((1, f"post option :{key}: has no equivalent here; dropped"))
        out, redirects = mapping.rewrite(data, {})
        if rst.updates:
            out["updates"] = [{"date": mapping.date(date, 1), "text": note}
                              for date, note in rst.updates]
        body = "\n".join(rst.body).strip("\n")
        fence = fence_for(body)
        text = f"\n{fence}{{eval-rst}}\n{body}\n{fence}\n" if body else "\n"
        notes = [*mapping.notes, *notes]
        return self._finish(post, out, text, notes, redirects)

    def _finish(self, post: Post, out: dict[str, Any], body: str,
                notes: list[tuple[int, str]], redirects: list[str]) -> Converted:
        out = _ordered(out, self.settings, self.site)
        body, assets, missing = self._relink(post, body)
        image = out.get(self.settings.key("image"))
        if isinstance(image, str) and image.startswith("/") and not image.startswith("//"):
            found = self._static(image.lstrip("/"))
            if found:
                assets.append(image.lstrip("/"))
                if self.prefix:
                    out[self.settings.key("image")] = f"/{self.prefix}{image}"
        notes += [(0, f"image {path!r} is not in the site; the link is kept")
                  for path in missing]
        text = front_matter(out) + (body if body.startswith("\n") else "\n" + body)
        if not text.endswith("\n"):
            text += "\n"
        return Converted(text, notes, redirects, assets, _is_article(out, self.settings))

    def _static(self, path: str) -> Path | None:
        for folder in self.site.static_dirs:
            candidate = (folder / path).resolve()
            if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
                return candidate
        return None

    def _relink(self, post: Post, body: str) -> tuple[str, list[str], list[str]]:
        """Site-absolute links to the site's static files, pointed at their copies in DEST."""
        assets: list[str] = []
        missing: list[str] = []
        here = posixpath.dirname(self.docname(post.target))

        def local(target: str, is_image: bool) -> str:
            if re.match(r"^[a-zA-Z][\w+.-]*:|^#|^//|^\{", target) or "{{" in target:
                return target
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path:
                return target
            if path.startswith("/"):
                site_path = path.lstrip("/")
            else:
                # Relative to the new file; the conversions made site links relative
                # to the project's root.
                resolved = posixpath.normpath(posixpath.join(here, path))
                inside = resolved.removeprefix(self.prefix + "/") if self.prefix else resolved
                if inside in self.written:
                    return target
                site_path = resolved
            found = None if site_path.startswith("../") else self._static(site_path)
            if found is None:
                if is_image and site_path not in self.written:
                    missing.append(target)
                return target
            assets.append(site_path)
            if not path.startswith("/") and not self.prefix:
                return target  # already points where the copy goes
            return f"/{self.prefix}/{site_path}" if self.prefix else f"/{site_path}"

        # A figure's fence is no code: its path is linked before code is put aside.
        body = _DIRECTIVE_PATH.sub(lambda m: m.group(1) + local(m.group(2), True), body)
        vault = Vault()
        masked = mask_code(body, vault)
        masked = _LINK.sub(lambda m: m.group(1) + local(m.group(2), m.group(1).startswith("!")),
                           masked)
        masked = _HTML_LINK.sub(lambda m: m.group(1) + m.group(2) + local(
            m.group(3), m.group(1).startswith("<img")) + m.group(2), masked)
        return vault.restore(masked), assets, missing

    # -- writing --------------------------------------------------------------

    def put(self, target: str, content: bytes) -> Outcome:
        outcome = write(self.dest / target, content, self.dry_run, self.force)
        self.outcomes.append(outcome)
        return outcome

    def run(self) -> None:
        posts = self.site.posts
        for post in self.console.progress(posts, len(posts), "importing"):
            shown = self.shown(post.source)
            try:
                converted = self.convert(post)
            except CannotConvert as error:
                self.failures.append((post.source, str(error)))
                self.console.result(f"{shown}: not imported: {error}")
                continue
            outcome = self.put(post.target, converted.text.encode("utf-8"))
            if converted.article:
                self.articles += 1
            else:
                self.pages += 1
            self.console.detail(f"{shown} -> {post.target}: {outcome.status}")
            if outcome.status == "differs":
                self.console.result(f"{post.target}: differs from what the import writes; "
                                    "kept (--force overwrites it)")
            for line, note in converted.notes:
                self.notes[_kind(note)] += 1
                self.console.result(f"{shown}:{line}: {note}" if line else f"{shown}: {note}")
            for asset in converted.assets:
                found = self._static(asset)
                if found is not None:
                    self.put(asset, found.read_bytes())
            target = f"/{self.docname(post.target)}.html"
            for old in converted.redirects:
                source = redirect_source(old)
                if source and source not in self.docnames:
                    self.redirects[source] = target
        for path, target in self.site.files:
            self.put(target, path.read_bytes())
        for path, why in self.site.skipped:
            self.console.detail(f"{self.shown(path)}: skipped: {why}")
        self.redirect_file()

    def redirect_file(self) -> None:
        path = self.dest / REDIRECTS
        known: dict[str, str] = {}
        if path.is_file():
            try:
                loaded = json.loads(path.read_text("utf-8"))
                known = loaded if isinstance(loaded, dict) else {}
            except ValueError:
                known = {}
        merged = dict(sorted({**known, **self.redirects}.items()))
        if merged:
            self.put(REDIRECTS, (json.dumps(merged, ensure_ascii=False, indent=2) + "\n").encode())


def _is_article(data: Mapping[str, Any], settings: Settings) -> bool:
    return settings.key("date") in data or bool(data.get("article"))


def _ordered(data: Mapping[str, Any], settings: Settings, site: Site) -> dict[str, Any]:
    """The newsroom's fields first, in one order for every file; other keys after."""
    fields = ("title", "date", "updated", "draft", "authors", "summary", "image")
    first = [settings.key(f) for f in fields]
    first += [settings.key(t) if t in settings.taxonomies else keys[0]
              for t, keys in (*TAXONOMY_KEYS.items(), *site.taxonomies.items())]
    first += ["language", "canonical_url", "updates", "article"]
    out = {key: data[key] for key in dict.fromkeys(first) if key in data}
    out.update((key, value) for key, value in data.items() if key not in out)
    return out


def _directive_options(argument: str, content: str) -> dict[str, str]:
    options = {"date": argument.strip()} if argument.strip() else {}
    for line in content.split("\n"):
        match = re.match(r"^\s*:([\w-]+):\s*(.*)$", line)
        if match:
            options[match.group(1)] = match.group(2).strip()
    return options


def _kind(note: str) -> str:
    """The kind of a conversion note, for the summary (``shortcode 'x' ...`` -> shortcode)."""
    match = re.match(r"(?:the )?([\w{}%-]+)", note)
    return match.group(1) if match else "other"


def redirect_source(old: str) -> str:
    """An old address as sphinx-reredirects' source: a path under the output root."""
    if re.match(r"^[a-zA-Z][\w+.-]*://", old):
        old = re.sub(r"^[a-zA-Z][\w+.-]*://[^/]+", "", old)
    if ":" in old or not old.strip("/"):
        return ""  # a permalink pattern (/:year/:title/) or the site's root
    path = posixpath.normpath(old.strip()).lstrip("/")
    if path.startswith("../"):
        return ""
    if old.endswith("/"):
        return f"{path}/index"
    return path.removesuffix(".html").removesuffix(".htm")


def new_project(site: Site) -> dict[str, Any]:
    """conf.py's values for a project made by the import."""
    values: dict[str, Any] = {
        "project": site.title or site.root.name,
        "extensions": ["sphinx_newsroom", "sphinx_reredirects"],
        "exclude_patterns": ["_build"],
    }
    if site.language:
        values["language"] = site.language
    if site.base_url.startswith(("http://", "https://")):
        values["html_baseurl"] = site.base_url.rstrip("/") + "/"
    if site.timezone:
        values["newsroom_timezone"] = site.timezone
    if site.taxonomies:
        values["newsroom_taxonomies"] = {
            "tags": ["tags", "keywords"], "topics": ["main_topics", "topics", "categories"],
            **site.taxonomies}
    return values


def conf_text(site: Site, values: Mapping[str, Any]) -> str:
    lines = [f'"""{values["project"]}: imported from {site.tool} by sphinx-newsroom."""', "",
             "import json", "from pathlib import Path", ""]
    for name, value in values.items():
        lines.append(f"{name} = {value!r}")
    lines += ["", "# Old addresses of the articles (Hugo's aliases, Jekyll's redirect_from,",
              "# ABlog's redirect), as sphinx-reredirects pages.",
              f'_redirects = Path(__file__).parent / "{REDIRECTS}"',
              'redirects = json.loads(_redirects.read_text("utf-8")) '
              "if _redirects.is_file() else {}", ""]
    return "\n".join(lines)


def index_text(title: str) -> str:
    # ``**`` leaves the index itself out, and matches drafts once they are published.
    return (f"# {title}\n\n```{{article-list}}\n:limit: 20\n```\n\n"
            "```{toctree}\n:hidden:\n:glob:\n\n**\n```\n")


def run(args: argparse.Namespace, console: Console) -> int:
    src, dest = Path(args.src).resolve(), Path(args.dest).resolve()
    if not src.is_dir():
        console.error(f"{args.src}: no such folder")
        return USAGE
    if dest == src or dest.is_relative_to(src):
        console.error(f"{args.dest} is inside {args.src}: a second import would read it back")
        return USAGE
    if dest.exists() and not dest.is_dir():
        console.error(f"{args.dest}: not a folder")
        return USAGE
    site = READERS[args.command](src)
    if not site.posts:
        console.error(f"{args.src}: no {site.tool} posts found (give the site's root, with "
                      "its configuration file, or its content folder)")
        return PROBLEMS
    srcdir = find_conf(dest)
    created: dict[str, Any] | None = None
    if srcdir is None:
        created = new_project(site)
        settings, prefix, existing = settings_from(created), "", frozenset[str]()
    else:
        try:
            project = load(srcdir)
        except ConfError as error:
            console.error(str(error))
            return PROBLEMS
        settings, prefix = project.settings, dest.relative_to(srcdir).as_posix()
        prefix = "" if prefix == "." else prefix
        existing = frozenset(d for d, _ in project.documents())
    importer = Importer(site, settings, dest, prefix, frozenset(), console, args.dry_run,
                        args.force)
    importer.docnames = existing | {importer.docname(p.target) for p in site.posts}
    importer.written = frozenset([*(p.target for p in site.posts),
                                  *(target for _, target in site.files)])
    importer.run()
    title = site.title or site.root.name
    if created is not None:
        importer.put("conf.py", conf_text(site, created).encode("utf-8"))
    if not (dest / "index.md").exists() and "index.md" not in {p.target for p in site.posts}:
        importer.put("index.md", index_text(title).encode())
    redirected = created is not None or "sphinx_reredirects" in (
        project.namespace.get("extensions") or ())
    return _summary(importer, site, redirected, prefix, console)


def _summary(importer: Importer, site: Site, redirected: bool, prefix: str,
             console: Console) -> int:
    statuses = Counter(outcome.status for outcome in importer.outcomes)
    shown = os.path.relpath(importer.dest)
    verb = "would import" if importer.dry_run else "imported"
    console.note(
        f"{verb} {_plural(importer.articles, 'article')} and "
        f"{_plural(importer.pages, 'page')} from {site.tool} "
        f"into {shown}: " + ", ".join(f"{count} {status}" for status, count in
                                     sorted(statuses.items())))
    if importer.notes:
        console.note("not converted: " + ", ".join(f"{count} {kind}" for kind, count in
                                                  importer.notes.most_common()))
    if site.skipped:
        console.note(f"{_plural(len(site.skipped), 'file')} skipped (--verbose names them)")
    if importer.failures:
        console.note(f"{_plural(len(importer.failures), 'file')} could not be imported")
    if prefix and not importer.dry_run:
        console.note(f"add {prefix}/index to a toctree of the project")
    if not redirected and importer.redirects:
        console.note(f"redirects are in {shown}/{REDIRECTS}: add 'sphinx_reredirects' to "
                     "extensions and, in conf.py, redirects = json.load(open(that file))")
    return PROBLEMS if importer.failures or statuses["differs"] else OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
