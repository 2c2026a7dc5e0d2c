"""A Jekyll site: ``_posts/`` (dated by file name), ``_drafts/``, and its assets."""

from __future__ import annotations

from pathlib import Path

from ..model.article import file_date_parts
from .sites import Post, Site, read_config, sphinx_language, walk

MARKDOWN = (".md", ".markdown", ".mkdn", ".mkd", ".mdown")


def read_site(src: Path) -> Site:
    """``src``: the site's root (with _config.yml), or any folder holding ``_posts/``."""
    config: dict = {}
    for name in ("_config.yml", "_config.yaml", "_config.toml"):
        if (src / name).is_file():
            config = read_config(src / name)
            break
    site = Site("Jekyll", src, src, title=str(config.get("title") or ""),
                base_url=str(config.get("url") or "") + str(config.get("baseurl") or ""),
                timezone=str(config.get("timezone") or ""),
                language=sphinx_language(str(config.get("lang") or config.get("locale") or "")),
                static_dirs=[src])
    separator = config.get("excerpt_separator")
    for path in walk(src):
        parts = path.relative_to(src).parts
        folder = next((i for i, p in enumerate(parts) if p in ("_posts", "_drafts")), None)
        if folder is None:
            continue
        categories = [p for p in parts[:folder] if not p.startswith("_")]
        inside = "/".join(parts[folder + 1:])
        if path.suffix.lower() not in MARKDOWN:
            if path.suffix.lower() in (".html", ".htm", ".textile"):
                site.skipped.append((path, f"{path.suffix} posts are not converted: only "
                                     "Markdown is"))
            else:
                site.files.append((path, "/".join([*categories, parts[folder][1:], inside])))
            continue
        stem = inside[: -len(path.suffix)]
        implied: dict = {}
        if parts[folder] == "_drafts":
            implied["draft"] = True
            implied["article"] = True
        elif file_date_parts(path.stem) is None:
            site.skipped.append((path, "a post's name starts with its date (YYYY-MM-DD-title); "
                                 "Jekyll does not publish this one"))
            continue
        if categories:
            implied["categories"] = categories
        if isinstance(separator, str) and separator:
            implied["excerpt_separator"] = separator
        target = "/".join([*categories, parts[folder][1:], stem]) + ".md"
        site.posts.append(Post(path, target, ("liquid",), implied))
    return site
