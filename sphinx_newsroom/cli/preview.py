"""``sphinx-newsroom preview``: the site as it will be, drafts included, served locally.

sphinx-autobuild builds with ``newsroom_show_drafts`` on, into an output
folder of the preview's own (its environment too), so the production build
never sees a draft, and serves it on 127.0.0.1, rebuilding on every change.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import subprocess
import sys
from pathlib import Path

from .console import OK, PROBLEMS, USAGE, Console
from .project import find_conf

#: Output folders a production build uses: the preview never writes there.
PRODUCTION = ("_build", "_build/html", "_build/dirhtml", "_build/latex")
LOOPBACK = "127.0.0.1"


def command(srcdir: Path, out: Path, port: int) -> list[str]:
    """The sphinx-autobuild command line of a preview."""
    return [sys.executable, "-m", "sphinx_autobuild", str(srcdir), str(out),
            "-D", "newsroom_show_drafts=1", "-d", str(out / ".doctrees"),
            "--host", LOOPBACK, "--port", str(port)]


def run(args: argparse.Namespace, console: Console) -> int:
    srcdir = Path(args.srcdir).resolve()
    if find_conf(srcdir) != srcdir:
        console.error(f"{args.srcdir}: no conf.py here: give the Sphinx project's source folder")
        return USAGE
    out = Path(args.out).resolve() if args.out else srcdir / "_build" / "preview"
    if out == srcdir or any(out == srcdir / p for p in PRODUCTION):
        console.error(f"--out {args.out}: that is where the site itself is built; the preview "
                      "keeps its drafts out of it (default: SRCDIR/_build/preview)")
        return USAGE
    if not 0 <= args.port <= 65535:
        console.error(f"--port {args.port}: not a port")
        return USAGE
    if importlib.util.find_spec("sphinx_autobuild") is None:
        console.error("preview needs sphinx-autobuild to serve and rebuild the site: "
                      "pip install sphinx-autobuild (or pip install 'sphinx-newsroom[preview]'). "
                      f"Without it, build once with: sphinx-build -D newsroom_show_drafts=1 "
                      f"{args.srcdir} {out}")
        return PROBLEMS
    console.note(f"preview of {srcdir} with drafts and embargoed articles, in {out}: "
                 f"http://{LOOPBACK}:{args.port}/ (Ctrl-C stops it)")
    argv = command(srcdir, out, args.port)
    if console.quiet:
        argv.append("-q")
    # sphinx-autobuild's exit code when Ctrl-C stops it is its own success.
    return OK if _serve(argv) == 0 else PROBLEMS


def _serve(argv: list[str]) -> int:
    """Run sphinx-autobuild; stopping the preview (Ctrl-C or SIGTERM) stops it too.

    Ctrl-C reaches the whole process group; a SIGTERM (a process manager, a
    test, ``kill``) reaches only this process, so it is passed on: otherwise
    the server would go on serving, orphaned, on its port.
    """
    child = subprocess.Popen(argv)

    def stop(signum: int, frame: object) -> None:
        child.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        return child.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
