"""An ABlog project: its posts (``.. post::`` or ``blogpost: true``) and conf.py's settings.

conf.py is read, not run: an ABlog project's conf.py imports its own theme and
extensions, which the importer has no need of. Its literal settings
(``blog_authors``, ``post_date_format``...) are enough.
"""

from __future__ import annotations

import ast
import dataclasses as dc
import fnmatch
import re
from pathlib import Path
from typing import Any

from ..model.frontmatter import read_front_matter
from .sites import Post, Site, walk

POST_RST = re.compile(r"(?m)^\.\. post::")
POST_MYST = re.compile(r"(?m)^(`{3,}|:{3,})\s*\{post\}")
SKIPPED_DIRS = ("_static", "_templates", "_build")


def conf_values(conf: Path) -> dict[str, Any]:
    """conf.py's top-level assignments whose values are literals."""
    try:
        tree = ast.parse(conf.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return {}
    values: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return values


def read_site(src: Path) -> Site:
    conf = conf_values(src / "conf.py")
    site = Site("ABlog", src, src, title=str(conf.get("blog_title") or conf.get("project") or ""),
                base_url=str(conf.get("blog_baseurl") or ""),
                language=str(conf.get("language") or ""), static_dirs=[src])
    formats = [conf.get("post_date_format"), conf.get("post_date_format_short")]
    site.date_formats = tuple(f for f in formats if isinstance(f, str))
    authors = conf.get("blog_authors")
    if isinstance(authors, dict):
        site.authors = {str(k): str(v[0]) for k, v in authors.items()
                        if isinstance(v, tuple | list) and v}
    # ABlog's locations are a taxonomy of its own; the newsroom gets one too.
    site.taxonomies = {"locations": ["location"]}
    patterns = conf.get("blog_post_pattern") or []
    patterns = [patterns] if isinstance(patterns, str) else list(patterns)
    for path in walk(src):
        relative = path.relative_to(src)
        if relative.parts[0] in SKIPPED_DIRS or path.name == "conf.py":
            continue
        if path.suffix not in (".rst", ".md"):
            if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"):
                site.files.append((path, relative.as_posix()))
            elif path.suffix == ".ipynb":
                site.skipped.append((path, "a notebook: the importer converts .rst and .md "
                                     "posts"))
            continue
        try:
            text = path.read_text("utf-8-sig")
        except UnicodeDecodeError:
            site.skipped.append((path, "not UTF-8: it cannot be read"))
            continue
        docname = relative.with_suffix("").as_posix()
        matched = any(fnmatch.fnmatch(docname, pattern) for pattern in patterns)
        if path.suffix == ".rst":
            if POST_RST.search(text) or matched:
                site.posts.append(Post(path, relative.with_suffix(".md").as_posix(),
                                       syntax="rst"))
            continue
        front = read_front_matter(text).data
        if front.get("blogpost") or POST_MYST.search(text) or matched:
            site.posts.append(Post(path, relative.as_posix()))
    return site


@dc.dataclass
class RstPost:
    """An ABlog post in reStructuredText: its title, its ``post`` options and the rest."""

    title: str = ""
    argument: str = ""
    options: dict[str, str] = dc.field(default_factory=dict)
    excerpt: list[str] = dc.field(default_factory=list)
    #: (date, text) of each ``.. update::`` directive.
    updates: list[tuple[str, str]] = dc.field(default_factory=list)
    body: list[str] = dc.field(default_factory=list)
    #: Line (1-based) of the first body line in the source.
    body_line: int = 1
    #: (line, what) of the ABlog markup that has no equivalent.
    dropped: list[tuple[int, str]] = dc.field(default_factory=list)


_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^\.\. (post|update|postlist)::\s*(.*)$")
_OPTION = re.compile(r"^\s+:([\w-]+):\s*(.*)$")


def _block(lines: list[str], start: int) -> int:
    """The index after the indented block of the directive at ``start``."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def read_rst_post(text: str) -> RstPost:
    lines = text.split("\n")
    post = RstPost()
    keep = [True] * len(lines)
    for i in range(len(lines) - 1):
        overline = i + 2 < len(lines) and _UNDERLINE.match(lines[i]) and _UNDERLINE.match(
            lines[i + 2]) and lines[i + 1].strip()
        if overline:
            post.title = lines[i + 1].strip()
            keep[i:i + 3] = [False] * 3
            break
        if lines[i].strip() and not lines[i][:1].isspace() and _UNDERLINE.match(lines[i + 1]) \
                and len(lines[i + 1].rstrip()) >= len(lines[i].rstrip()):
            post.title = lines[i].strip()
            keep[i:i + 2] = [False, False]
            break
    i = 0
    while i < len(lines):
        match = _DIRECTIVE.match(lines[i])
        if not match:
            i += 1
            continue
        end = _block(lines, i)
        name, argument = match.groups()
        options: dict[str, str] = {}
        content: list[str] = []
        for line in lines[i + 1:end]:
            option = _OPTION.match(line)
            if option and not content:
                options[option.group(1)] = option.group(2).strip()
            elif line.strip() or content:
                content.append(line.strip())
        if name == "post" and not post.options and not post.argument:
            post.argument, post.options = argument.strip(), options
            post.excerpt = [c for c in content if c]
        elif name == "update":
            post.updates.append((argument.strip(), " ".join(c for c in content if c)))
        else:
            post.dropped.append((i + 1, f"the {name} directive" + (" (again)" if
                                                                   name == "post" else "")))
        keep[i:end] = [False] * (end - i)
        i = end
    first = next((n for n, k in enumerate(keep) if k and lines[n].strip()), len(lines))
    post.body = [line for n, line in enumerate(lines) if keep[n] and n >= first]
    post.body_line = first + 1
    return post
