"""Random edit sequences: after every step an incremental build equals a clean one.

Seeded, so a failure names the seed and the step that broke; run more seeds
with ``NEWSROOM_SEEDS=0-20 pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
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
        refs = "".join(f"[^{i + 1}]" for i in range(len(cites)))
        notes = "".join(f"[^{i + 1}]: {c}\n" for i, c in enumerate(cites))
        text = (f"---\ntitle: {title}\ndate: {date}\ndraft: {str(draft).lower()}\n"
                f"tags: {list(tags)}\ntopics: {list(topics)}\nsummary: About {title}.\n"
                f"authors: {list(authors)}\ncorrections: {list(corrections)}\n---\n\n"
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
                              "footnotes", "body", "authors", "corrections", "authors-file"]
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
        elif op == "rename":
            self.counter += 1
            path.rename(path.with_name(f"r{self.counter:03d}.md"))
        else:
            keep = {"tags", "topics", "date", "draft", "sources", "body", "authors",
                    "corrections"} - {
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
    }


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
    for step in range(6):
        before = {p.stem for p in site.articles()}
        what = site.edit()
        removed |= {f"news/{name}.html" for name in before - {p.stem for p in site.articles()}}
        incremental = build(make_app, site.root)
        clean_src = tmp_path / f"clean-{step}"
        shutil.copytree(site.root, clean_src, ignore=shutil.ignore_patterns("_build"))
        clean = build(make_app, clean_src, fresh=True)
        got, expected = html_tree(incremental.outdir), html_tree(clean.outdir)
        assert files(incremental.outdir) == files(clean.outdir), f"seed {seed}, step {step}: {what}"
        for page in removed - expected.keys():
            got.pop(page, None)  # Sphinx keeps the pages of deleted documents
        assert got.keys() == expected.keys(), f"seed {seed}, step {step}: {what}"
        for page in expected:
            assert got[page] == expected[page], f"seed {seed}, step {step} ({what}): {page}"
    parallel_src = tmp_path / "parallel"
    shutil.copytree(site.root, parallel_src, ignore=shutil.ignore_patterns("_build"))
    parallel = build(make_app, parallel_src, fresh=True, parallel=2)
    assert html_tree(parallel.outdir) == html_tree(clean.outdir), f"seed {seed}: -j 2"
    assert files(parallel.outdir) == files(clean.outdir), f"seed {seed}: -j 2"


def files(outdir: Path) -> dict[str, bytes]:
    """Every feed and sitemap of a build (RSS says when it was built: left out)."""
    return {p.relative_to(outdir).as_posix(): p.read_bytes()
            for pattern in ("**/*.atom.xml", "**/*.feed.json", "atom.xml", "feed.json",
                            "sitemap.xml")
            for p in sorted(Path(outdir).glob(pattern))}
