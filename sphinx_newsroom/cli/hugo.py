"""A Hugo site: its config, its content folder, page bundles and their resources."""

from __future__ import annotations

from pathlib import Path

from .sites import Post, Site, read_config, sphinx_language, walk

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
                "config.toml", "config.yaml", "config.yml", "config.json")
#: Content Hugo renders from Markdown (blogdown's R Markdown too), best first: where
#: blogdown left its rendered ``.markdown`` beside the ``.Rmarkdown`` source, the
#: rendered file is taken, since it holds the code's output.
MARKDOWN = (".md", ".markdown", ".mdown", ".Rmarkdown", ".Rmd", ".rmd")
#: Content Hugo renders that no importer converts.
OTHER_CONTENT = (".html", ".htm", ".org", ".adoc", ".asciidoc", ".rst", ".pandoc", ".pdc",
                 ".ipynb")
#: Hugo's own taxonomies, which the newsroom's tags and topics take.
DEFAULT_TAXONOMIES = {"tags", "categories"}


def _config(root: Path) -> dict:
    for name in CONFIG_NAMES:
        if (root / name).is_file():
            return read_config(root / name)
    default = root / "config" / "_default"
    if default.is_dir():
        merged: dict = {}
        for name in CONFIG_NAMES:
            if (default / name).is_file():
                merged.update(read_config(default / name))
        return merged
    return {}


def is_site_root(folder: Path) -> bool:
    return any((folder / name).is_file() for name in CONFIG_NAMES) or \
        (folder / "config" / "_default").is_dir()


def read_site(src: Path) -> Site:
    """``src``: the site's root (with its config) or its content folder itself."""
    if is_site_root(src):
        config = {str(k).lower(): v for k, v in _config(src).items()}
        content = src / str(config.get("contentdir") or "content")
        site = Site("Hugo", src, content, title=str(config.get("title") or ""),
                    base_url=str(config.get("baseurl") or ""),
                    timezone=str(config.get("timezone") or ""),
                    language=sphinx_language(str(config.get("languagecode") or "")),
                    static_dirs=[src / str(config.get("staticdir") or "static")])
        taxonomies = config.get("taxonomies")
        if isinstance(taxonomies, dict):
            site.taxonomies = {str(plural): [str(plural)] for plural in taxonomies.values()
                               if str(plural) not in DEFAULT_TAXONOMIES}
    else:
        site = Site("Hugo", src, src)
    if not site.content.is_dir():
        return site
    chosen: dict[str, Path] = {}
    for path in walk(site.content):
        relative = path.relative_to(site.content).as_posix()
        suffix = path.suffix if path.suffix in MARKDOWN else path.suffix.lower()
        if suffix in MARKDOWN:
            stem = relative[: -len(path.suffix)]
            if path.stem == "_index":
                site.skipped.append((path, "a section's list page: the newsroom's own "
                                     "lists and term pages take its place"))
                continue
            other = chosen.get(stem)
            if other is None or MARKDOWN.index(suffix) < MARKDOWN.index(other.suffix):
                if other is not None:
                    site.skipped.append((other, f"another version of {path.name}, imported"))
                chosen[stem] = path
            else:
                site.skipped.append((path, f"another version of {other.name}, imported"))
        elif suffix in OTHER_CONTENT:
            stem = relative[: -len(path.suffix)]
            sources = [path.with_suffix(s) for s in MARKDOWN]
            if any(s.is_file() for s in sources):
                site.skipped.append((path, "the rendered output of a Markdown source, "
                                     "imported instead"))
            else:
                site.skipped.append((path, f"{path.suffix} content is not converted: only "
                                     "Markdown is"))
        else:
            site.files.append((path, relative))
    for stem, path in sorted(chosen.items()):
        site.posts.append(Post(path, f"{stem}.md", ("hugo", "pandoc")))
    return site
