"""A finished build leaves nothing of itself behind in the process.

Tools that build many times in one process (sphinx-autobuild, test suites,
editors' live previews) create a new application per build: a cache keyed by
the builder must not keep every past builder, environment and doctree alive.
"""

from __future__ import annotations

import gc
import shutil
import weakref
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp


def _build_and_forget(src: Path) -> tuple[weakref.ref, weakref.ref, Path]:
    app = SphinxTestApp("html", srcdir=src, freshenv=True, status=StringIO(),
                        warning=StringIO())
    try:
        app.build()
        outdir = Path(app.outdir)
        return weakref.ref(app.builder), weakref.ref(app.env), outdir
    finally:
        app.cleanup()


def test_the_first_builds_builder_and_environment_are_collectable(rootdir, tmp_path):
    shutil.copytree(rootdir / "test-taxonomy", tmp_path / "one")
    shutil.copytree(rootdir / "test-taxonomy", tmp_path / "two")
    builder, env, outdir = _build_and_forget(tmp_path / "one")
    assert any((outdir / "tags").glob("*.html"))  # term pages were written (and linked)
    _build_and_forget(tmp_path / "two")
    gc.collect()
    assert builder() is None, gc.get_referrers(builder())[:3]
    assert env() is None
