"""Random edit sequences: after every step an incremental build equals a clean one.

Edits include translations (a ``translation_key`` shared or dropped, a ``language``
set) and tag changes that grow or shrink a term across a page boundary (the site
paginates at two articles): every later page, every ``hreflang`` link and the
sitemap must be what a clean build writes.

Seeded, so a failure names the seed and the step that broke; run more seeds
with ``NEWSROOM_SEEDS=0-20 pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import html_tree

TAGS = ["Chips", "chips", "Cloud", "AI", "ＡＩ", "算力", "云计算", "Policy", "HBM"]
TOPICS = ["Hardware", "Cloud", "Markets"]
SOURCES = [
    "Chip wars·Tech Daily·Li Lei（2025/5/30）·检索日期2025/6/1",
    "Chip wars · Tech Daily · Li Lei (2025/5/30) · 检索日期2025/6/1",
    'Jane Roe, "The GPU shortage," Cloud Weekly, May 20, 2025. https://example.com/gpu',
    "[Power and AI](https://example.org/power)",
    "HBM supply·Memory Weekly·（2025/7/1）",
]
#: Bylines: an entry of the authors file (Jane Doe), a handle with one (jroe), a case
#: variant (one page), an accent variant and an author with no entry (their own pages).
AUTHORS = ["Jane Doe", "jane doe", "jroe", "Zoë Li", "Zoe Li", "Wei Zhang"]
AUTHORS_FILES = [
    "Jane Doe:\n  bio: Chips.\n  sameAs: https://jane.example/\njroe:\n  name: John Roe\n",
    "Jane Doe:\n  name: Jane Q. Doe\n  bio: Chips and cloud.\n",
    "",
]


def seeds() -> list[int]:
    spec = os.environ.get("NEWSROOM_SEEDS", "1-2")
    low, _, high = spec.partition("-")
    return list(range(int(low), int(high or low) + 1))


class Site:
    """A small newsroom in a folder, edited at random."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.counter = 0
        (root / "news").mkdir(parents=True)
        (root / "conf.py").write_text(
            'extensions = ["sphinx_newsroom"]\nproject = "Props"\nhtml_theme = "basic"\n'
            'html_baseurl = "https://props.example.org/"\nnewsroom_term_feeds = True\n'
            'newsroom_page_size = 2\nnewsroom_hreflang_default = "en"\n'
            'newsroom_authors = "authors.yml"\n', "utf-8")
        (root / "authors.yml").write_text(AUTHORS_FILES[0], "utf-8")
        (root / "index.md").write_text(
            "# Props\n\n```{toctree}\n:glob:\n\nnews/*\nlists\n```\n", "utf-8")
        (root / "lists.md").write_text(
            "# Lists\n\n```{article-list}\n:format: cards\n```\n\n```{tag-index}\n:format: az\n```"
            "\n\n```{topic-index}\n:format: cloud\n```\n\n```{news-bibliography}\n```\n\n"
            "```{article-archive}\n```\n\n```{corrections-list}\n```\n\n"
            "Roles: {tag}`Chips`, {tag}`HBM`, {topic}`Markets`.\n",
            "utf-8")
        for _ in range(4):
            self.add()

    def articles(self) -> list[Path]:
        return sorted((self.root / "news").glob("*.md"))

    def write(self, path: Path, title: str, **fields: object) -> None:
        rng = self.rng
        tags = fields.get("tags", rng.sample(TAGS, rng.randint(0, 3)))
        topics = fields.get("topics", rng.sample(TOPICS, rng.randint(0, 2)))
        month, day = rng.randint(5, 9), rng.randint(1, 28)
        date = fields.get("date", f"2025-{month:02d}-{day:02d}T10:00:00+08:00")
        draft = fields.get("draft", rng.random() < 0.15)
        cites = fields.get("sources", rng.sample(SOURCES, rng.randint(0, 3)))
        body = fields.get("body", f"Body {rng.randint(0, 10**6)}.")
        authors = fields.get("authors", rng.sample(AUTHORS, rng.randint(0, 2)))
        corrections = fields.get("corrections", [
            {"date": f"2025-{month:02d}-{day:02d}T1{rng.randint(1, 9)}:00:00+08:00",
             "text": f"Fixed {rng.randint(0, 99)}."} for _ in range(rng.randint(0, 2))])
        key = fields.get("key", "")
        language = fields.get("language", "")
        refs = "".join(f"[^{i + 1}]" for i in range(len(cites)))
        notes = "".join(f"[^{i + 1}]: {c}\n" for i, c in enumerate(cites))
        text = (f"---\ntitle: {title}\ndate: {date}\ndraft: {str(draft).lower()}\n"
                f"tags: {list(tags)}\ntopics: {list(topics)}\nsummary: About {title}.\n"
                f"authors: {list(authors)}\ncorrections: {list(corrections)}\n"
                f"translation_key: '{key}'\nlanguage: '{language}'\n---\n\n"
                f"{body}{refs}\n\n### Section\n\nMore.\n")
        if cites:
            text += f"\n## References\n\n{notes}"
        path.write_text(text, "utf-8")

    def add(self) -> str:
        self.counter += 1
        name = f"a{self.counter:03d}"
        self.write(self.root / "news" / f"{name}.md", f"Article {self.counter}")
        return f"add {name}"

    def edit(self) -> str:
        """One random edit; returns its description."""
        existing = self.articles()
        op = self.rng.choice(["add", "delete", "rename", "tags", "topics", "date", "draft",
                              "footnotes", "body", "translate", "language", "untranslate",
                              "grow", "shrink", "authors", "corrections", "authors-file",
                              "retitle"]
                             if len(existing) > 2 else ["add"])
        if op == "add":
            return self.add()
        if op == "authors-file":
            path = self.root / "authors.yml"
            others = [text for text in AUTHORS_FILES if text != path.read_text("utf-8")]
            path.write_text(self.rng.choice(others), "utf-8")
            return op
        path = self.rng.choice(existing)
        text = path.read_text("utf-8")
        title = text.split("title: ", 1)[1].split("\n", 1)[0]
        if op == "delete":
            path.unlink()
        elif op == "retitle":  # the archive and related lists show titles, term pages summaries
            self.counter += 1
            fields = _fields(text)
            self.write(path, f"{title} {self.counter}", **fields)
        elif op == "rename":
            self.counter += 1
            path.rename(path.with_name(f"r{self.counter:03d}.md"))
        elif op in ("translate", "language", "untranslate", "grow", "shrink"):
            fields = _fields(text)
            if op == "translate":  # a version of another article: share its key
                other = self.rng.choice([p for p in existing if p != path])
                key = _fields(other.read_text("utf-8"))["key"] or f"k{self.rng.randint(0, 99)}"
                other_fields = {**_fields(other.read_text("utf-8")), "key": key}
                other_title = other.read_text("utf-8").split("title: ", 1)[1].split("\n", 1)[0]
                self.write(other, other_title, **other_fields)
                fields["key"] = key
                fields["language"] = self.rng.choice(["zh-Hans", "fr", "de"])
            elif op == "language":
                fields["language"] = self.rng.choice(["", "en", "zh", "ja"])
            elif op == "untranslate":
                fields["key"] = ""
            elif op == "grow":  # the busiest tag gains an article: past a page boundary
                fields["tags"] = list(dict.fromkeys([*fields["tags"], "Chips"]))
            else:
                fields["tags"] = [t for t in fields["tags"] if t.lower() != "chips"]
            self.write(path, title, **fields)
        else:
            keep = {"tags", "topics", "date", "draft", "sources", "body", "key", "language",
                    "authors", "corrections"} - {
                ("footnotes" == op and "sources") or op}
            fields = {k: v for k, v in _fields(text).items() if k in keep}
            self.write(path, title, **fields)
        return f"{op} {path.stem}"


def _fields(text: str) -> dict[str, object]:
    import ast

    head, body = text.split("\n---\n\n", 1)
    values = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    refs = body.split("## References\n\n", 1)
    return {
        "tags": ast.literal_eval(values["tags"]),
        "topics": ast.literal_eval(values["topics"]),
        "date": values["date"],
        "draft": values["draft"] == "true",
        "sources": [n.split(": ", 1)[1] for n in refs[1].splitlines()] if len(refs) > 1 else [],
        "body": body.split("[^", 1)[0].split("\n", 1)[0],
        "authors": ast.literal_eval(values["authors"]),
        "corrections": ast.literal_eval(values["corrections"]),
        "key": ast.literal_eval(values["translation_key"]),
        "language": ast.literal_eval(values["language"]),
    }


def site_tree(outdir: Path) -> dict[str, str]:
    """``html_tree`` with each page's hreflang links and its links to the pages of a
    list (the theme's ``prev``/``next`` of a page sequence), and the sitemap."""
    pages = html_tree(outdir)
    for name in pages:
        head = BeautifulSoup((Path(outdir) / name).read_text("utf-8"), "html.parser").head
        links = [(link.get("rel"), link.get("hreflang"), link.get("href"))
                 for link in head.select("link[hreflang], link[rel=prev], link[rel=next]")
                 if link.get("hreflang") or "/page/" in name or "page/" in link["href"]]
        pages[name] += repr(links)
    sitemap = Path(outdir) / "sitemap.xml"
    pages["sitemap.xml"] = sitemap.read_text("utf-8") if sitemap.is_file() else ""
    return pages


def build(make_app, src: Path, fresh: bool = False, parallel: int = 0):
    app = make_app("html", srcdir=src, freshenv=fresh, parallel=parallel)
    app.build()
    return app


@pytest.mark.parametrize("seed", seeds())
def test_incremental_equals_clean_after_random_edits(make_app, tmp_path, seed):
    rng = random.Random(seed)
    site = Site(tmp_path / "site", rng)
    build(make_app, site.root)
    removed: set[str] = set()
    for step in range(8):
        before = {p.stem for p in site.articles()}
        what = site.edit()
        removed |= {f"news/{name}.html" for name in before - {p.stem for p in site.articles()}}
        incremental = build(make_app, site.root)
        clean_src = tmp_path / f"clean-{step}"
        shutil.copytree(site.root, clean_src, ignore=shutil.ignore_patterns("_build"))
        clean = build(make_app, clean_src, fresh=True)
        got, expected = site_tree(incremental.outdir), site_tree(clean.outdir)
        assert files(incremental.outdir) == files(clean.outdir), f"seed {seed}, step {step}: {what}"
        for page in removed - expected.keys():
            got.pop(page, None)  # Sphinx keeps the pages of deleted documents
        assert got.keys() == expected.keys(), f"seed {seed}, step {step}: {what}"
        for page in expected:
            assert got[page] == expected[page], f"seed {seed}, step {step} ({what}): {page}"
    parallel_src = tmp_path / "parallel"
    shutil.copytree(site.root, parallel_src, ignore=shutil.ignore_patterns("_build"))
    parallel = build(make_app, parallel_src, fresh=True, parallel=2)
    assert site_tree(parallel.outdir) == site_tree(clean.outdir), f"seed {seed}: -j 2"
    assert files(parallel.outdir) == files(clean.outdir), f"seed {seed}: -j 2"


def files(outdir: Path) -> dict[str, bytes]:
    """Every feed and sitemap of a build (RSS says when it was built: left out)."""
    return {p.relative_to(outdir).as_posix(): p.read_bytes()
            for pattern in ("**/*.atom.xml", "**/*.feed.json", "atom.xml", "feed.json",
                            "sitemap.xml")
            for p in sorted(Path(outdir).glob(pattern))}
