#!/usr/bin/env python
"""The largest page of each kind a newsroom site writes, at N articles.

    python benchmarks/page_sizes.py --articles 300 2000
    python benchmarks/page_sizes.py --articles 2000 --split none year month

Builds the benchmark's ``newsroom`` variant of the corpus (see ``corpus.py``)
once per N, with the sphinx_newsroom of this checkout, and reports for each
kind of page (a term's pages, the tag overview, the archive's pages, the page
holding the bibliography, an article) how many there are and the size of the
largest, with the largest term's number of articles. With ``--split``, the
site's bibliography is built once per value of ``news-bibliography :split:``
(``none``: one list), and the parts' pages are measured too. Sizes in bytes do
not depend on the machine's load, so this runs anywhere. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_bench  # noqa: E402
import corpus as corpus_mod  # noqa: E402

KINDS = {
    "term page 1": re.compile(r"^(tags|topics)/(?!index\.html$)[^/]+\.html$"),
    "term page 2, 3, …": re.compile(r"^(tags|topics)/[^/]+/page/\d+\.html$"),
    "taxonomy overview": re.compile(r"^(tags|topics)/index\.html$"),
    "archive page 1": re.compile(r"^archive\.html$"),
    "archive page 2, 3, …": re.compile(r"^archive/page/\d+\.html$"),
    "index (latest 20, tag index, bibliography)": re.compile(r"^index\.html$"),
    "article": re.compile(r"^articles/[^/]+\.html$"),
    "bibliography part (index/<part>.html)": re.compile(r"^index/[0-9]{4}(-[0-9]{2})?\.html$"),
}

#: The bibliography of the benchmark's index page, as ``build_bench`` writes it.
BIBLIOGRAPHY = "```{news-bibliography}\n```"


def measure(outdir: Path) -> dict[str, dict]:
    sizes = {p.relative_to(outdir).as_posix(): p.stat().st_size for p in outdir.rglob("*.html")}
    out = {}
    for kind, pattern in KINDS.items():
        pages = {name: size for name, size in sizes.items() if pattern.match(name)}
        if not pages:
            continue
        largest = max(pages, key=lambda name: pages[name])
        out[kind] = {"pages": len(pages), "largest": largest, "largest_bytes": pages[largest],
                     "total_bytes": sum(pages.values())}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, nargs="+", default=[300], metavar="N")
    p.add_argument("--seed", type=int, default=20250702)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--workdir", type=Path, default=Path("/tmp/newsroom-page-sizes"))
    p.add_argument("--page-size", type=int, default=None,
                   help="newsroom_page_size for the build (default: the extension's)")
    p.add_argument("--json", type=Path, help="also write the figures to this file")
    p.add_argument("--split", nargs="+", choices=("none", "year", "month"), default=["none"],
                   help="build with each news-bibliography :split: (none: one list)")
    args = p.parse_args(argv)
    report: dict[str, dict] = {}
    variant = build_bench.VARIANTS["newsroom"]
    runs = [(n, split) for n in args.articles for split in args.split]
    for n, split in runs:
        corpus = corpus_mod.Corpus(n, seed=args.seed)
        name = f"N{n}" if split == "none" else f"N{n}-{split}"
        base = args.workdir / name
        build_bench.prepare(base, variant, corpus)
        if split != "none":
            index = base / "src" / "index.md"
            text = index.read_text("utf-8")
            assert BIBLIOGRAPHY in text, "the benchmark's index has no bibliography"
            index.write_text(text.replace(
                BIBLIOGRAPHY, f"```{{news-bibliography}}\n:split: {split}\n```"), "utf-8")
        if args.page_size is not None:
            with open(base / "src" / "conf.py", "a", encoding="utf-8") as conf:
                conf.write(f"newsroom_page_size = {args.page_size}\n")
        src, out = base / "src", base / "_build" / "html"
        cmd = build_bench.sphinx_build_cmd(args.python, variant, src, out,
                                           base / "_build" / "doctrees")
        env = dict(os.environ, PYTHONPATH=str(HERE.parent))
        r = subprocess.run(cmd, cwd=base, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"N={n}: the build failed: {build_bench.last_error_line(r.stderr)}")
            return 1
        stats = corpus_mod.stats(corpus)
        key = str(n) if split == "none" else f"{n} split {split}"
        report[key] = {"corpus": stats, "kinds": measure(out)}
        print(f"\nN = {n}{'' if split == 'none' else f', :split: {split}'}: {stats['tags']} "
              f"tags (the largest on {stats['top_tag_articles']} articles), "
              f"{stats['source_pool']} sources in the pool\n")
        print("| page | pages | largest | bytes |\n|---|--:|---|--:|")
        for kind, m in report[key]["kinds"].items():
            print(f"| {kind} | {m['pages']} | `{m['largest']}` | {m['largest_bytes']:,} |")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
