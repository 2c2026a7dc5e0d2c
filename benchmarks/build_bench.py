#!/usr/bin/env python
"""Build benchmark: sphinx-newsroom against plain Sphinx + MyST and ABlog.

    python benchmarks/build_bench.py --articles 100 500 2000
    python benchmarks/build_bench.py --profile --articles 500

For every N it generates a corpus (see ``corpus.py``), gives each variant a
copy of it, and times four builds per variant, in this order: a full build
(clean output and doctrees), a no-op rebuild, a rebuild after editing one
article's body, and a rebuild after changing one article's tags. The
variants take turns scenario by scenario, so the builds compared with each
other run seconds apart (see ``main``). Each build
is one ``sphinx-build -q -b html`` child process; its wall time, CPU time
(user + sys, from ``os.wait4``, so including ``-j`` worker processes) and
peak RSS (the largest ``ru_maxrss`` of the child and the workers it reaped)
are recorded, with the number of HTML pages written and of documents re-read
(files whose mtime changed in the output and the doctree folder).

See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402

SCENARIOS = ("full", "noop", "body", "tags")
SCENARIO_TITLES = {
    "full": "full build",
    "noop": "no-op rebuild",
    "body": "edit one article's body",
    "tags": "change one article's tags",
}
SITE_URL = "https://bench.example.org/"

# Identical in every variant: no navigation sidebar (Sphinx's default sidebar
# renders the whole toctree on every page, which makes plain Sphinx itself
# quadratic), the same theme, language and base URL.
COMMON_CONF = f'''\
project = "Bench News"
author = "Bench newsroom"
copyright = "2025, Bench newsroom"
language = "zh_CN"
html_theme = "basic"
html_sidebars = {{"**": []}}
html_baseurl = "{SITE_URL}"
exclude_patterns = ["_build"]
# Seed articles have no "#" heading and start their sections at "###", and
# list sources in the references section that the text never cites.
suppress_warnings = ["myst.header", "ref.footnote"]
'''

CONF = {
    "plain": COMMON_CONF + '''
extensions = ["myst_parser"]
# The front-matter title becomes the page title, as sphinx-newsroom does.
myst_title_to_header = True
''',
    "newsroom": COMMON_CONF + '''
extensions = ["sphinx_newsroom"]
newsroom_timezone = "Asia/Shanghai"
''',
    "ablog": COMMON_CONF + f'''
extensions = ["myst_parser", "ablog"]
blog_title = "Bench News"
blog_baseurl = "{SITE_URL}"
blog_path = "blog"
''',
}

TOCTREE = """```{toctree}
:glob:
:maxdepth: 1

articles/*
```
"""

INDEX = {
    "plain": "# Bench News\n\n" + TOCTREE,
    "newsroom": "# Bench News\n\n" + TOCTREE + """
## Latest

```{article-list}
:limit: 20
```

## Tags

```{tag-index}
```

## Sources

```{news-bibliography}
```
""",
    "ablog": "# Bench News\n\n" + TOCTREE + """
## Latest

```{postlist} 20
:excerpts:
```
""",
}


@dataclass(frozen=True)
class Variant:
    name: str
    kind: str  # plain | newsroom | ablog
    jobs: int
    #: which sphinx_newsroom the builds import: the measured code, or the
    #: --baseline copy (an earlier version, to show a change costs nothing)
    code: str = "measured"

    @property
    def flavour(self) -> str:
        return "ablog" if self.kind == "ablog" else "hugo"


VARIANTS = {
    "plain": Variant("plain", "plain", 1),
    "plain-j2": Variant("plain-j2", "plain", 2),
    "newsroom": Variant("newsroom", "newsroom", 1),
    "newsroom-j2": Variant("newsroom-j2", "newsroom", 2),
    "ablog": Variant("ablog", "ablog", 1),
    "baseline": Variant("baseline", "newsroom", 1, code="baseline"),
}
DEFAULT_VARIANTS = ["plain", "plain-j2", "newsroom", "newsroom-j2", "ablog"]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Running one build


def snapshot(folder: Path, suffix: str) -> dict[str, int]:
    out: dict[str, int] = {}
    if not folder.exists():
        return out
    stack = [folder]
    while stack:
        d = stack.pop()
        with os.scandir(d) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(Path(e.path))
                elif e.name.endswith(suffix):
                    out[e.path] = e.stat().st_mtime_ns
    return out


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(p for p, m in after.items() if before.get(p) != m)


BOILERPLATE = ("Please also report", "The full traceback", "A bug report", "if you want to",
               "https://", "Sphinx error:", "make: ", "To report this error", "/tmp/sphinx-err")


def last_error_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    useful = [ln for ln in lines if not ln.startswith(BOILERPLATE)]
    pick = useful or lines
    return pick[-1][:300] if pick else ""


PYCACHE: Path | None = None  # set by main(): bytecode cache of the children
SNAPSHOT: Path | None = None  # set by main(): the folder holding a copy of sphinx_newsroom
BASELINE: Path | None = None  # set by main() with --baseline: the folder holding the earlier copy


def run_child(cmd: list[str], timeout: float, log_prefix: Path,
              pythonpath: Path | None = None) -> dict:
    """Run ``cmd``; wall, user+sys and max RSS of the child (and the children it reaped).

    ``pythonpath``: the folder holding the copy of sphinx_newsroom to import.
    """
    out_path = log_prefix.with_suffix(".out")
    err_path = log_prefix.with_suffix(".err")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        # sphinx_newsroom is installed editable and may be edited while the
        # benchmark runs: every build imports the copy taken at the start.
        env["PYTHONPATH"] = str(pythonpath)
    env["PYTHONUNBUFFERED"] = "1"
    if PYCACHE is not None:
        # Cache bytecode as an installed package would have it (an environment
        # with PYTHONDONTWRITEBYTECODE would recompile the editable package on
        # every build), without writing __pycache__ into the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    load1 = os.getloadavg()[0]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        # cwd: not the repository, whose sphinx_newsroom/ would shadow the snapshot
        # for `python -m` and `python -c` (they put the cwd first on sys.path).
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True, env=env, cwd=log_prefix.parent)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    res = {
        "ok": proc.returncode == 0 and not timed_out.is_set(),
        "returncode": proc.returncode,
        "wall_s": round(wall, 3),
        "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
        "user_s": round(ru.ru_utime, 3),
        "sys_s": round(ru.ru_stime, 3),
        "maxrss_mib": round(ru.ru_maxrss / 1024, 1),  # KiB on Linux
        "load1_before": round(load1, 2),
    }
    warnings = [ln for ln in stderr.splitlines() if "WARNING" in ln]
    res["warnings"] = len(warnings)
    if warnings:
        res["warning_samples"] = warnings[:3]
    if timed_out.is_set():
        res["error"] = f"timed out after {timeout:.0f} s"
    elif proc.returncode != 0:
        res["error"] = (last_error_line(stderr) or last_error_line(stdout)
                        or f"exit {proc.returncode}")
    return res


def sphinx_build_cmd(python: str, v: Variant, src: Path, out: Path, doctrees: Path) -> list[str]:
    exe = Path(python).parent / "sphinx-build"
    head = [str(exe)] if exe.exists() else [python, "-m", "sphinx"]
    return [*head, "-q", "-b", "html", "-d", str(doctrees), "-j", str(v.jobs), str(src), str(out)]


def build(python: str, v: Variant, base: Path, label: str, timeout: float) -> dict:
    src, out, doctrees = base / "src", base / "_build" / "html", base / "_build" / "doctrees"
    html_before = snapshot(out, ".html")
    dt_before = snapshot(doctrees, ".doctree")
    code = None if v.kind == "ablog" else BASELINE if v.code == "baseline" else SNAPSHOT
    res = run_child(sphinx_build_cmd(python, v, src, out, doctrees), timeout, base / f"log-{label}",
                    pythonpath=code)
    html_after = snapshot(out, ".html")
    written = changed(html_before, html_after)
    res["pages_written"] = len(written)
    res["pages_total"] = len(html_after)
    res["docs_reread"] = len(changed(dt_before, snapshot(doctrees, ".doctree")))
    # What every incremental build loads and saves: it grows with the archive.
    pickle = doctrees / "environment.pickle"
    res["env_pickle_kib"] = round(pickle.stat().st_size / 1024, 1) if pickle.is_file() else None
    res["_written"] = [os.path.relpath(p, out) for p in written]
    return res


# ---------------------------------------------------------------------------
# One variant, one N


def prepare(base: Path, v: Variant, corpus: corpus_mod.Corpus) -> None:
    if base.exists():
        shutil.rmtree(base)
    src = base / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF[v.kind], encoding="utf-8")
    (src / "index.md").write_text(INDEX[v.kind], encoding="utf-8")
    corpus_mod.write_corpus(corpus, src, v.flavour)


class VariantRun:
    """One variant's copy of one corpus, built scenario by scenario.

    The main loop calls :meth:`run` for one scenario of every variant before
    the next scenario, so that the builds compared with each other (plain's
    no-op and newsroom's no-op, say) run seconds apart, not minutes.
    """

    def __init__(self, python: str | None, v: Variant, corpus: corpus_mod.Corpus, base: Path,
                 timeout: float, setup_error: str | None = None) -> None:
        self.python, self.v, self.corpus, self.base = python, v, corpus, base
        self.timeout, self.setup_error = timeout, setup_error
        self.results: dict[str, dict] = {}
        self.every_build: set[str] = set()
        if python is not None:
            prepare(base, v, corpus)

    def run(self, scenario: str, sample: int = 0) -> None:
        """Build ``scenario``; ``sample`` > 0 repeats a no-op build (more samples, same state)."""
        if self.python is None:
            self.results[scenario] = {"ok": False, "skipped": True,
                                      "error": self.setup_error or "not available"}
            return
        if scenario != "full" and not self.results["full"]["ok"]:
            self.results[scenario] = {"ok": False, "skipped": True,
                                      "error": "skipped: the full build failed"}
            return
        src = self.base / "src"
        if scenario == "body":
            art = copy.deepcopy(self.corpus.body_edit_target())
            corpus_mod.edit_body(art)
            corpus_mod.write_article(art, src, self.v.flavour)
        elif scenario == "tags":
            art = copy.deepcopy(self.corpus.tags_edit_target())
            corpus_mod.edit_tags(art)
            corpus_mod.write_article(art, src, self.v.flavour)
        label = scenario if not sample else f"{scenario}{sample + 1}"
        res = build(self.python, self.v, self.base, label, self.timeout)
        written = res.pop("_written")
        if sample:
            first = self.results[scenario]
            if res["ok"] and first.get("ok"):
                first.setdefault("samples_s", [first["wall_s"]]).append(res["wall_s"])
                first.setdefault("samples_cpu_s", [first["cpu_s"]]).append(res["cpu_s"])
            elif first.get("ok"):
                self.results[scenario] = res
            self._log(label, res)
            return
        if scenario == "noop":
            self.every_build = set(written)
        if scenario in ("noop", "body", "tags") and res["ok"]:
            # Pages that even a no-op build rewrites (genindex, search, ...) are not
            # caused by the edit: count the others apart.
            beyond = [w for w in written if w not in self.every_build]
            res["pages_beyond_noop"] = len(beyond)
            res["written"] = written[:60]
            res["written_beyond_noop"] = beyond[:60]
        self.results[scenario] = res
        self._log(label, res)

    def _log(self, label: str, res: dict) -> None:
        status = "ok" if res["ok"] else f"FAILED: {res.get('error')}"
        log(f"    {self.v.name:<12} {label:<5} {res['wall_s']:8.2f} s wall {res['cpu_s']:8.2f} s "
            f"cpu {res['maxrss_mib']:7.0f} MiB  pages {res['pages_written']:>5} "
            f"({res.get('pages_beyond_noop', '-'):>4})  reread "
            f"{res['docs_reread']:>5}  warnings {res['warnings']}  {status}")

    def finish(self) -> dict:
        """The round's results; a repeated no-op counts as the median of its samples."""
        for res in self.results.values():
            if "samples_s" in res:
                res["wall_s"] = round(statistics.median(res["samples_s"]), 3)
                res["cpu_s"] = round(statistics.median(res["samples_cpu_s"]), 3)
        return self.results


def median_results(runs: list[dict]) -> dict:
    """The median of K repeats, per scenario and metric (counts from the first run)."""
    if len(runs) == 1:
        return runs[0]
    merged: dict[str, dict] = {}
    for s in SCENARIOS:
        items = [r[s] for r in runs]
        first = dict(items[0])
        if all(i.get("ok") for i in items):
            for key in ("wall_s", "cpu_s", "user_s", "sys_s", "maxrss_mib", "env_pickle_kib"):
                values = [i[key] for i in items if i.get(key) is not None]
                first[key] = round(statistics.median(values), 3) if values else None
            # Per round, in round order: the i-th entries of two variants ran
            # seconds apart (see main), which paired_ratio relies on.
            first["wall_s_all"] = [i["wall_s"] for i in items]
            first["cpu_s_all"] = [i["cpu_s"] for i in items]
            first["wall_s_min"] = min(min(i.get("samples_s", [i["wall_s"]])) for i in items)
        else:
            bad = next(i for i in items if not i.get("ok"))
            first = dict(bad)
        merged[s] = first
    return merged


# ---------------------------------------------------------------------------
# ABlog's own venv


def versions(python: str, modules: list[str]) -> dict[str, str] | None:
    code = ("import importlib.metadata as m, json, sys; "
            f"print(json.dumps({{n: m.version(n) for n in {modules!r}}}))")
    try:
        r = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0:
        return None
    return json.loads(r.stdout)


def ensure_ablog(venv: Path, main_versions: dict[str, str]) -> tuple[str | None, dict | str]:
    """A venv with ABlog, on the same Sphinx and MyST-Parser versions as the main one."""
    py = venv / "bin" / "python"
    want = ["ablog", "sphinx", "myst-parser"]
    have = versions(str(py), want) if py.exists() else None
    if have:
        return str(py), have
    log(f"creating the ABlog venv {venv} (pip install ablog) ...")
    if venv.exists():
        shutil.rmtree(venv)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True,
                       capture_output=True, timeout=300)
        pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        pins = [f"sphinx=={main_versions['sphinx']}",
                f"myst-parser=={main_versions['myst-parser']}"]
        r = subprocess.run([*pip, "ablog>=0.11,<0.12", *pins], capture_output=True, text=True,
                           timeout=900)
        if r.returncode != 0:
            log("  pinned install failed; installing ablog with its own Sphinx")
            r = subprocess.run([*pip, "ablog>=0.11,<0.12", "myst-parser"], capture_output=True,
                               text=True, timeout=900)
        if r.returncode != 0:
            return None, "pip install ablog failed: " + last_error_line(r.stderr)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"could not create the ABlog venv: {exc}"
    have = versions(str(py), want)
    if not have:
        return None, "ABlog venv unusable"
    return str(py), have


# ---------------------------------------------------------------------------
# Report


def fmt(x: float | None, spec: str = ".2f") -> str:
    return "—" if x is None else format(x, spec)


def ratio(a: dict | None, b: dict | None, key: str) -> float | None:
    if not a or not b or not a.get("ok") or not b.get("ok") or not b.get(key):
        return None
    return a[key] / b[key]


def baseline(results_n: dict, v: Variant) -> dict | None:
    """Plain Sphinx with the same -j when measured, else plain -j 1."""
    if v.jobs == 2 and "plain-j2" in results_n:
        return results_n["plain-j2"]
    return results_n.get("plain")


def table(report: dict) -> str:
    lines: list[str] = []
    for n_str, res_n in report["results"].items():
        st = report["corpus"][n_str]
        lines.append("")
        lines.append(
            f"N = {n_str}: {st['zh_articles']} Chinese + {st['en_articles']} English articles "
            f"({st['drafts']} drafts), {st['tags']} tags, {st['topics']} topics, "
            f"{st['footnotes']} footnotes from a pool of {st['source_pool']} sources"
        )
        loads = [x["load1_before"] for r in res_n.values() for x in r.values()
                 if isinstance(x, dict) and "load1_before" in x]
        if loads:
            lines.append(f"(1-minute load average before the builds: {min(loads):.1f}–"
                         f"{max(loads):.1f} on {report['machine']['cpus']} cores)")
        lines.append("")
        lines.append("| variant | full s | full CPU s | peak RSS MiB | environment KiB "
                     "| no-op s | body edit s | pages written / re-read | tags edit s "
                     "| pages written / re-read | warnings |")
        lines.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for name, r in res_n.items():
            f, no, bo, ta = (r[s] for s in SCENARIOS)
            if not f.get("ok"):
                lines.append(f"| {name} | FAILED: {f.get('error', '')} | | | | | | | | | |")
                continue

            def cell(x: dict, key: str = "wall_s") -> str:
                return fmt(x.get(key)) if x.get("ok") else "FAILED"

            def pages(x: dict) -> str:
                if not x.get("ok"):
                    return "—"
                return f"{x['pages_written']} ({x['pages_beyond_noop']}) / {x['docs_reread']}"

            lines.append(
                f"| {name} | {cell(f)} | {cell(f, 'cpu_s')} | {fmt(f['maxrss_mib'], '.0f')} "
                f"| {fmt(f.get('env_pickle_kib'), '.0f')} | {cell(no)} | {cell(bo)} | {pages(bo)} "
                f"| {cell(ta)} | {pages(ta)} "
                f"| {f['warnings']} |"
            )
        lines.append("")
        lines.append("| ratio to plain | full | CPU | peak RSS | no-op | body edit | tags edit |")
        lines.append("|---|--:|--:|--:|--:|--:|--:|")
        for name, r in res_n.items():
            if name == "plain":
                continue
            b = baseline(res_n, VARIANTS[name])
            if b is None or b is r:
                continue
            cells = [
                verdict_ratio(r["full"], b["full"]), ratio(r["full"], b["full"], "cpu_s"),
                ratio(r["full"], b["full"], "maxrss_mib"), verdict_ratio(r["noop"], b["noop"]),
                verdict_ratio(r["body"], b["body"]), verdict_ratio(r["tags"], b["tags"]),
            ]
            base_name = "plain-j2" if b is res_n.get("plain-j2") else "plain"
            label = name if base_name == "plain" else f"{name} (vs {base_name})"
            lines.append(f"| {label} | " + " | ".join(fmt(c) + ("×" if c else "") for c in cells)
                         + " |")
    return "\n".join(lines)


def scaling_table(report: dict) -> str:
    """time(N) / time(smallest N) of each variant's full build: how it grows with the archive."""
    res = report["results"]
    sizes = sorted(res, key=int)
    if len(sizes) < 2:
        return ""
    lo = sizes[0]
    names = list(dict.fromkeys(name for n in sizes for name in res[n]))
    lines = ["", f"Full build, time(N) / time(N={lo}) (wall; environment pickle in KiB):", "",
             "| variant | " + " | ".join(f"N={n}" for n in sizes) + " |",
             "|---|" + "--:|" * len(sizes)]
    for name in names:
        base = res[lo].get(name, {}).get("full")
        cells = []
        for n in sizes:
            f = res[n].get(name, {}).get("full")
            q = ratio(f, base, "wall_s")
            kib = f.get("env_pickle_kib") if f and f.get("ok") else None
            cells.append(f"{fmt(q)}×" + (f" ({kib:.0f})" if kib else "") if q else "—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


TARGETS = [
    ("full-500", "full build N=500, newsroom -j 1 ≤ 1.10 × plain", 1.10),
    ("full-10000", "full build N=10000, newsroom -j 1 ≤ 1.15 × plain", 1.15),
    ("rss", "peak RSS of the full build, newsroom -j 1 ≤ 1.2 × plain (every N)", 1.2),
    ("noop", "no-op rebuild, newsroom -j 1 ≤ 1.1 × plain's no-op (every N)", 1.1),
    ("body", "body edit, newsroom -j 1 ≤ 1.15 × plain (every N)", 1.15),
    ("tags", "tags edit, newsroom -j 1 ≤ 1.3 × plain (every N)", 1.3),
    ("scaling", "scaling time(N=10000) / time(N=1000) of the newsroom -j 1 full build ≤ "
     "plain's own ratio (the quotient of the two ratios ≤ 1; else the largest over the "
     "smallest N of 1000 and up)", 1.0),
    ("parallel", "newsroom -j 2 full build faster than newsroom -j 1 (every N)", 1.0),
    ("body-pages", "body edit rewrites only the article and its toctree parent, like plain "
     "(pages beyond those a no-op build rewrites; every N)", 1.0),
    ("baseline", "no regression: full, no-op, body and tags builds, newsroom -j 1 ≤ 1.05 × the "
     "--baseline code (every N)", 1.05),
]


def scaling_sizes(res: dict) -> tuple[str, str] | None:
    """The two sizes the scaling target compares: 1000 and 10000, else the smallest of
    1000 and up (else the smallest) and the largest."""
    sizes = sorted(int(n) for n in res)
    if len(sizes) < 2:
        return None
    big = [n for n in sizes if n >= 1000]
    lo = 1000 if 1000 in sizes else (big[0] if len(big) >= 2 else sizes[0])
    hi = 10000 if 10000 in sizes else sizes[-1]
    return (str(lo), str(hi)) if lo < hi else None


def paired_ratio(a: dict | None, b: dict | None, key: str = "wall_s") -> float | None:
    """The median over the rounds of a's time / b's time in the same round.

    The two builds of a round ran seconds apart, so a slow spell of the machine
    slows both: the ratio within a round cancels it, where the ratio of the two
    medians (taken over different rounds) does not.
    """
    if not a or not b or not a.get("ok") or not b.get("ok"):
        return None
    xs, ys = a.get(f"{key}_all"), b.get(f"{key}_all")
    if not xs or not ys or len(xs) != len(ys) or not all(ys):
        return None
    return statistics.median(x / y for x, y in zip(xs, ys, strict=True))


def verdict_ratio(a: dict | None, b: dict | None) -> float | None:
    """What a time target is judged on: the paired ratio with repeats, else the plain one."""
    q = paired_ratio(a, b)
    return q if q is not None else ratio(a, b, "wall_s")


def min_note(a: dict, b: dict) -> str:
    """With repeats: the ratio of the fastest runs too (the least disturbed by a shared machine)."""
    if "wall_s_min" not in a or "wall_s_min" not in b:
        return ""
    return f"; fastest of each: {a['wall_s_min'] / b['wall_s_min']:.2f}"


def time_detail(a: dict, b: dict) -> str:
    """Every statistic of a time ratio, so the verdict's choice hides nothing."""
    parts = []
    if paired_ratio(a, b) is not None:
        parts.append(f"median of the {len(a['wall_s_all'])} rounds' ratios "
                     f"{paired_ratio(a, b):.2f}×")
    parts.append(f"medians {a['wall_s']:.2f} s / {b['wall_s']:.2f} s = "
                 f"{ratio(a, b, 'wall_s'):.2f}×")
    parts.append(f"CPU time {ratio(a, b, 'cpu_s'):.2f}×")
    return "; ".join(parts) + min_note(a, b)

def evaluate_targets(report: dict) -> list[dict]:
    res = report["results"]
    out = []

    def nr(n: str, s: str) -> tuple[dict | None, dict | None]:
        r = res.get(n, {})
        return (r.get("newsroom") or {}).get(s), (r.get("plain") or {}).get(s)

    def judge_time(n: str, scenario: str, values: list[float], detail: list[str]) -> None:
        """A time target at one N: the verdict's ratio, with every statistic."""
        a, b = nr(n, scenario)
        q = verdict_ratio(a, b)
        if q is not None:
            values.append(q)
            detail.append(f"N={n}: {q:.2f}× ({time_detail(a, b)})")

    for key, text, limit in TARGETS:
        detail: list[str] = []
        values: list[float] = []
        verdict: str
        if key in ("full-500", "full-10000"):
            size = key.split("-")[1]
            if size in res:
                judge_time(size, "full", values, detail)
            for n in [n for n in res if n != size]:
                a, b = nr(n, "full")
                q = verdict_ratio(a, b)
                if q is not None:
                    detail.append(f"(N={n}: {q:.2f}×)")
        elif key == "rss":
            for n in res:
                a, b = nr(n, "full")
                q = ratio(a, b, "maxrss_mib")
                if q is not None:
                    values.append(q)
                    detail.append(f"N={n}: {q:.2f}×")
        elif key in ("noop", "body", "tags"):
            for n in res:
                judge_time(n, key, values, detail)
        elif key == "parallel":
            for n in res:
                j1, j2 = (res[n].get(name, {}).get("full") for name in ("newsroom",
                                                                        "newsroom-j2"))
                q = verdict_ratio(j2, j1)
                if q is not None:
                    values.append(q)
                    detail.append(f"N={n}: -j 2 / -j 1 = {q:.2f}× ({time_detail(j2, j1)})")
        elif key == "scaling":
            sizes = scaling_sizes(res)
            if sizes is not None:
                lo, hi = sizes
                a_lo, p_lo = nr(lo, "full")
                a_hi, p_hi = nr(hi, "full")
                q, qp = ratio(a_hi, a_lo, "wall_s"), ratio(p_hi, p_lo, "wall_s")
                if q is not None and qp is not None:
                    values.append(q / qp)
                    detail.append(
                        f"newsroom {a_hi['wall_s']:.1f} s / {a_lo['wall_s']:.1f} s = {q:.2f}, "
                        f"plain {p_hi['wall_s']:.1f} s / {p_lo['wall_s']:.1f} s = {qp:.2f} "
                        f"(N={hi} over N={lo}; CPU time: newsroom "
                        f"{ratio(a_hi, a_lo, 'cpu_s'):.2f}, plain {ratio(p_hi, p_lo, 'cpu_s'):.2f}"
                        + min_note(a_hi, a_lo) + ")")
        elif key == "baseline":
            for n in res:
                r = res[n]
                if "baseline" not in r or "newsroom" not in r:
                    continue
                for scenario in SCENARIOS:
                    a, b = r["newsroom"].get(scenario), r["baseline"].get(scenario)
                    q = verdict_ratio(a, b)
                    if q is not None:
                        values.append(q)
                        detail.append(f"N={n} {scenario}: {q:.2f}× ({time_detail(a, b)})")
        elif key == "body-pages":
            for n in res:
                a, b = nr(n, "body")
                if a and b and a.get("ok") and b.get("ok"):
                    q = a["pages_beyond_noop"] / max(1, b["pages_beyond_noop"])
                    values.append(q)
                    detail.append(f"N={n}: {', '.join(a['written_beyond_noop'])} "
                                  f"(plain: {', '.join(b['written_beyond_noop'])})")
        if not values:
            verdict = "n/a"
        else:
            verdict = "PASS" if max(values) <= limit else "FAIL"
        out.append({"target": key, "description": text, "limit": limit,
                    "value": round(max(values), 3) if values else None,
                    "result": verdict, "detail": "; ".join(detail)})
    return out


def targets_text(targets: list[dict]) -> str:
    lines = ["", "Targets:"]
    for t in targets:
        lines.append(f"  [{t['result']:<4}] {t['description']}: {t['detail'] or 'not measured'}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Profile


def run_profile(python: str, n: int, args: argparse.Namespace, stamp: str) -> dict:
    corpus = corpus_mod.Corpus(n, seed=args.seed)
    v = VARIANTS["newsroom"]
    base = args.workdir / f"profile-N{n}"
    prepare(base, v, corpus)
    prof = args.results_dir / f"profile-N{n}-{stamp}.prof"
    src, out, doctrees = base / "src", base / "_build" / "html", base / "_build" / "doctrees"
    cmd = [python, "-m", "cProfile", "-o", str(prof), "-m", "sphinx", "-q", "-b", "html",
           "-d", str(doctrees), "-j", "1", str(src), str(out)]
    log(f"profiling the newsroom full build, N={n} ...")
    res = run_child(cmd, timeout_for(n, args), base / "log-profile", pythonpath=SNAPSHOT)
    if not res["ok"]:
        return {"articles": n, "ok": False, "error": res.get("error")}
    st = pstats.Stats(str(prof))
    total = st.total_tt
    rows = []
    own = 0.0
    for (filename, lineno, func), (_cc, nc, tt, ct, _callers) in st.stats.items():
        path = filename.replace("\\", "/")
        if "/sphinx_newsroom/" not in path:
            continue
        own += tt
        rel = path[path.rindex("/sphinx_newsroom/") + 1:]
        rows.append({"function": f"{rel}:{lineno}({func})", "ncalls": nc,
                     "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3)})
    rows.sort(key=lambda r: r["cumtime_s"], reverse=True)
    top = rows[: args.profile_top]
    lines = [
        f"cProfile of `sphinx-build -b html -j 1`, sphinx-newsroom, N={n}: "
        f"{res['wall_s']:.1f} s wall under the profiler, {total:.1f} s profiled; "
        f"{own:.1f} s ({100 * own / total:.0f} %) of own time in sphinx_newsroom functions",
        "",
        "| cumulative s | own s | calls | function |",
        "|--:|--:|--:|---|",
    ]
    lines += [f"| {r['cumtime_s']:.2f} | {r['tottime_s']:.2f} | {r['ncalls']} | `{r['function']}` |"
              for r in top]
    text = "\n".join(lines)
    (args.results_dir / f"profile-N{n}-{stamp}.txt").write_text(text + "\n", encoding="utf-8")
    return {"articles": n, "ok": True, "wall_s": res["wall_s"], "profiled_s": round(total, 3),
            "newsroom_own_s": round(own, 3), "top": top, "text": text, "prof_file": prof.name}


# ---------------------------------------------------------------------------
# Main


def warm_up(names: list[str], args: argparse.Namespace, ablog_python: str | None) -> None:
    """One untimed small build per kind: bytecode caches, file system caches."""
    small = corpus_mod.Corpus(12, seed=args.seed)
    for kind, code in dict.fromkeys((VARIANTS[n].kind, VARIANTS[n].code) for n in names):
        python = ablog_python if kind == "ablog" else args.python
        if python is None:
            continue
        label = kind if code == "measured" else f"{kind}-{code}"
        v = Variant(f"warmup-{label}", kind, 1, code=code)
        base = args.workdir / "warmup" / label
        prepare(base, v, small)
        res = build(python, v, base, "full", 600)
        log(f"warm-up {label}: {res['wall_s']:.1f} s" + ("" if res["ok"] else
                                                       f" FAILED: {res.get('error')}"))


def package_dir(python: str) -> Path | None:
    code = "import os, sphinx_newsroom; print(os.path.dirname(sphinx_newsroom.__file__))"
    r = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    return Path(r.stdout.strip()) if r.returncode == 0 else None


def tree_hash(folder: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(folder)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def take_snapshot(python: str, args: argparse.Namespace, stamp: str) -> dict:
    """Copy sphinx_newsroom aside, so that one run measures one version of it."""
    global SNAPSHOT
    src = package_folder(args.code) if args.code else package_dir(python)
    if src is None:
        return {"snapshot": None}
    root = args.workdir / f"snapshot-{stamp}"
    shutil.copytree(src, root / "sphinx_newsroom",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    SNAPSHOT = root
    check = run_child([python, "-c", "import sphinx_newsroom; print(sphinx_newsroom.__file__)"],
                      60, root / "import-check", pythonpath=root)
    where = (root / "import-check.out").read_text().strip()
    if not check["ok"] or not where.startswith(str(root)):
        SNAPSHOT = None
        log(f"could not import the snapshot ({where or check.get('error')}); using {src}")
        return {"source": str(src), "sha256_16": tree_hash(src), "snapshot": None}
    return {"source": str(src), "sha256_16": tree_hash(root / "sphinx_newsroom"),
            "snapshot": str(root)}


def package_folder(folder: Path) -> Path:
    """The sphinx_newsroom package in ``folder`` (a checkout) or ``folder`` itself."""
    src = folder / "sphinx_newsroom" if (folder / "sphinx_newsroom").is_dir() else folder
    if not (src / "__init__.py").is_file():
        raise SystemExit(f"{folder}: no sphinx_newsroom package there")
    return src


def take_baseline(folder: Path, python: str, args: argparse.Namespace, stamp: str) -> dict:
    """Copy the --baseline folder's sphinx_newsroom aside, as the measured code is."""
    global BASELINE
    src = package_folder(folder)
    root = args.workdir / f"baseline-{stamp}"
    shutil.copytree(src, root / "sphinx_newsroom",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    check = run_child([python, "-c", "import sphinx_newsroom; print(sphinx_newsroom.__file__)"],
                      60, root / "import-check", pythonpath=root)
    where = (root / "import-check.out").read_text().strip()
    if not check["ok"] or not where.startswith(str(root)):
        raise SystemExit(f"--baseline {folder}: the copy does not import "
                         f"({where or check.get('error')})")
    BASELINE = root
    commit = subprocess.run(["git", "-C", str(src), "rev-parse", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return {"source": str(src), "commit": commit or None,
            "sha256_16": tree_hash(root / "sphinx_newsroom"), "snapshot": str(root)}


def print_report(report: dict, main_versions: dict, repeat: int) -> None:
    meta = report
    print(f"sphinx-newsroom build benchmark — {meta['machine']['cpus']} cores, "
          f"Python {meta['machine']['python']}, Sphinx {main_versions['sphinx']}, "
          f"MyST-Parser {main_versions['myst-parser']}"
          + (f", ABlog {meta['versions']['ablog_venv']['ablog']}"
             if "ablog_venv" in meta["versions"] else ""))
    print("Times in seconds (wall), median of" if repeat > 1 else "Times in seconds (wall),",
          f"{repeat} run(s); 'pages written / re-read' = HTML files rewritten / "
          "documents re-read; in brackets, pages beyond those a no-op build also rewrites."
          + (" Time ratios: the median of the rounds' ratios (both builds of a round "
             "ran seconds apart)." if repeat > 1 else ""))
    print(table(report))
    print(scaling_table(report))
    print(targets_text(report["targets"]))


def check_code(report: dict) -> str:
    code = report.get("newsroom_code") or {}
    if not code.get("snapshot"):
        return ""
    changed_now = tree_hash(Path(code["source"])) != code["sha256_16"]
    code["changed_during_run"] = changed_now
    note = f"sphinx_newsroom measured: the copy taken at the start (sha256 {code['sha256_16']})"
    if changed_now:
        note += "; the live package has changed since"
    return note


def timeout_for(n: int, args: argparse.Namespace) -> float:
    return args.timeout if args.timeout else 180 + 0.75 * n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, nargs="+", default=None, metavar="N",
                   help="corpus sizes (default: 100)")
    p.add_argument("--repeat", type=int, default=1, metavar="K",
                   help="run every measurement K times and report the median (default: 1)")
    p.add_argument("--noop-samples", type=int, default=3, metavar="K",
                   help="no-op rebuilds per round, the round counting their median: a no-op "
                        "build is short, so one sample is mostly noise (default: 3)")
    p.add_argument("--variants", default=",".join(DEFAULT_VARIANTS),
                   help=f"comma-separated, from {', '.join(VARIANTS)} "
                        f"(default: {','.join(DEFAULT_VARIANTS)})")
    p.add_argument("--no-ablog", action="store_true", help="leave ABlog out")
    p.add_argument("--ablog-max-articles", type=int, default=None, metavar="N",
                   help="run ABlog only for corpus sizes up to N")
    p.add_argument("--ablog-venv", type=Path, default=Path("/tmp/bench-ablog"),
                   help="ABlog's own venv, created on demand (default: /tmp/bench-ablog)")
    p.add_argument("--python", default=sys.executable,
                   help="the interpreter with sphinx-newsroom installed (default: this one)")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/newsroom-bench"),
                   help="where the corpora are built (default: /tmp/newsroom-bench)")
    p.add_argument("--results-dir", type=Path, default=HERE / "results")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds per build (default: 180 + 0.75 × N)")
    p.add_argument("--seed", type=int, default=20250702)
    p.add_argument("--profile", action="store_true",
                   help="instead of the benchmark, profile the newsroom -j 1 full build")
    p.add_argument("--profile-top", type=int, default=25)
    p.add_argument("--no-snapshot", action="store_true",
                   help="import the live sphinx_newsroom instead of a copy taken at the start")
    p.add_argument("--code", type=Path, metavar="DIR",
                   help="the sphinx_newsroom to measure (a checkout, or its package folder; "
                        "default: the one --python imports)")
    p.add_argument("--baseline", type=Path, metavar="DIR",
                   help="another version of the code (a git worktree, or its sphinx_newsroom "
                        "folder): adds the 'baseline' variant, built like 'newsroom' with that "
                        "code, and the no-regression target")
    p.add_argument("--scaling", action="store_true",
                   help="the scaling run: N = 1000 and 10000 (unless --articles says "
                        "otherwise), plain and newsroom at -j 1 and -j 2, no ABlog")
    p.add_argument("--report", type=Path, metavar="JSON",
                   help="print the tables and targets of an earlier run's JSON, and exit")
    p.add_argument("--latest", action="store_true",
                   help="also update benchmarks/results-latest.json (the committed summary)")
    args = p.parse_args(argv)
    if args.scaling:
        args.articles = args.articles or [1000, 10000]
        args.no_ablog = True
    args.articles = args.articles or [100]

    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        report["targets"] = evaluate_targets(report)
        print_report(report, report["versions"]["main"], report.get("repeat", 1))
        return 0

    args.results_dir.mkdir(parents=True, exist_ok=True)
    args.workdir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    main_versions = versions(args.python, ["sphinx", "myst-parser", "sphinx-newsroom",
                                           "docutils"])
    if not main_versions:
        p.error(f"{args.python} has no sphinx-newsroom (install it: pip install -e .)")

    meta = {
        "timestamp": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(),
                    "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
                                        / 2**30, 1)},
        "versions": {"main": main_versions},
        "command": "python benchmarks/build_bench.py " + " ".join(sys.argv[1:] if argv is None
                                                                  else argv),
    }

    global PYCACHE
    PYCACHE = args.workdir / "pycache"
    if not args.no_snapshot:
        meta["newsroom_code"] = take_snapshot(args.python, args, stamp)

    if args.profile:
        warm_up(["newsroom"], args, None)
        profiles = [run_profile(args.python, n, args, stamp) for n in args.articles]
        note = check_code(meta)
        if note:
            print(note + "\n")
        for pr in profiles:
            print(pr.get("text") or f"profile N={pr['articles']} FAILED: {pr.get('error')}")
        report = {**meta, "profile": profiles}
        path = args.results_dir / f"profile-{stamp}.json"
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nJSON: {path}")
        if args.latest:
            latest_path = HERE / "results-latest.json"
            latest = (json.loads(latest_path.read_text(encoding="utf-8"))
                      if latest_path.exists() else {})
            latest["profile"] = [{k: v for k, v in pr.items() if k != "text"} | {
                "command": meta["command"], "timestamp": meta["timestamp"],
                "newsroom_code": meta.get("newsroom_code")} for pr in profiles]
            latest_path.write_text(json.dumps(latest, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
            print(f"updated {latest_path}")
        return 0 if all(pr.get("ok") for pr in profiles) else 1

    names = [n.strip() for n in args.variants.split(",") if n.strip()]
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        p.error(f"unknown variant(s): {', '.join(unknown)}")
    if args.no_ablog:
        names = [n for n in names if n != "ablog"]
    if args.baseline is not None:
        if "baseline" not in names:
            names.append("baseline")
        if "newsroom" not in names:
            names.append("newsroom")
        meta["baseline_code"] = take_baseline(args.baseline, args.python, args, stamp)
    elif "baseline" in names:
        p.error("the baseline variant needs --baseline DIR")
    if "plain" not in names:
        names.insert(0, "plain")  # the floor every ratio is taken against

    ablog_python: str | None = None
    ablog_error: str | None = None
    if "ablog" in names:
        ablog_python, info = ensure_ablog(args.ablog_venv, main_versions)
        if ablog_python:
            meta["versions"]["ablog_venv"] = info
        else:
            ablog_error = str(info)
            log(f"ABlog unavailable: {ablog_error}")

    report = {**meta, "variants": names, "repeat": args.repeat, "corpus": {}, "results": {},
              "scenarios": SCENARIO_TITLES}
    warm_up(names, args, ablog_python)
    json_path = args.results_dir / f"bench-{stamp}.json"
    started = time.perf_counter()
    corpora: dict[int, corpus_mod.Corpus] = {}
    measured: dict[int, list[str]] = {}
    for n in args.articles:
        corpus = corpora[n] = corpus_mod.Corpus(n, seed=args.seed)
        report["corpus"][str(n)] = corpus_mod.stats(corpus)
        report["corpus"][str(n)]["body_edit"] = corpus.body_edit_target().docname
        report["corpus"][str(n)]["tags_edit"] = corpus.tags_edit_target().docname
        report["results"][str(n)] = {}
        measured[n] = []
        for name in names:
            if VARIANTS[name].kind == "ablog" and args.ablog_max_articles is not None \
                    and n > args.ablog_max_articles:
                log(f"N = {n}: {name} skipped (--ablog-max-articles {args.ablog_max_articles})")
                continue
            measured[n].append(name)
    # Every round builds every N, and within an N every variant one scenario at
    # a time (plain full, newsroom full, plain no-op, newsroom no-op, ...), the
    # order of the variants reversed every other round. A slow spell of a
    # shared machine then falls on the builds being compared alike, whichever
    # comes first, and on every N.
    runs: dict[int, dict[str, list[dict]]] = {n: {name: [] for name in measured[n]}
                                               for n in args.articles}
    for round_ in range(args.repeat):
        for n in args.articles:
            order = measured[n] if round_ % 2 == 0 else measured[n][::-1]
            log(f"N = {n}" + (f", round {round_ + 1} of {args.repeat}" if args.repeat > 1 else ""))
            current = {}
            for name in order:
                v = VARIANTS[name]
                python = ablog_python if v.kind == "ablog" else args.python
                current[name] = VariantRun(python, v, corpora[n], args.workdir / f"N{n}" / name,
                                           timeout_for(n, args), ablog_error)
            for scenario in SCENARIOS:
                for sample in range(args.noop_samples if scenario == "noop" else 1):
                    for name in order:
                        current[name].run(scenario, sample)
            for name in measured[n]:
                runs[n][name].append(current[name].finish())
                report["results"][str(n)][name] = median_results(runs[n][name])
            json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2),
                                 encoding="utf-8")
    report["elapsed_s"] = round(time.perf_counter() - started, 1)
    code_note = check_code(report)
    report["targets"] = evaluate_targets(report)
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")

    print_report(report, main_versions, args.repeat)
    if code_note:
        print("\n" + code_note)
    print(f"\nJSON: {json_path}  (total {report['elapsed_s']:.0f} s)")
    if args.latest:
        latest_path = HERE / "results-latest.json"
        old = (json.loads(latest_path.read_text(encoding="utf-8"))
               if latest_path.exists() else {})
        summary = {k: v for k, v in report.items()}
        if "profile" in old:
            summary["profile"] = old["profile"]
        latest_path.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")
        print(f"updated {latest_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
