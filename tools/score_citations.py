"""Score the footnote parser and classifier of this checkout on tests/citations/.

    python tools/score_citations.py [--split tuning|heldout|fresh|fresh2|fresh3|all] [--json]
    python tools/score_citations.py --check    # exit 1 below citation_score.FLOORS
    python tools/score_citations.py --floors   # today's figures, as FLOORS

``make score-citations`` runs the first form. The scoring itself is in
``tools/citation_score.py``; the method is in ``docs/citation-accuracy.md``.

The package scored is the one in this checkout (the folder above ``tools/``),
whatever is installed in the environment. The classifier is the
build's own footnote reader (``read/footnotes.py``: the footnote parsed by
MyST, written out with its markup, then ``citations.notes.read_footnote``);
the first line printed says which.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "tools"))

import citation_score as cs  # noqa: E402


def load_classifier() -> tuple[Callable[[Any], Any], str]:
    """The build's footnote reader (``read/footnotes.py``), or the all-sources fallback.

    The fallback serves a checkout whose build reads every footnote as a
    source (before the notes-and-sources classifier).
    """
    try:
        importlib.import_module("sphinx_newsroom.read.footnotes")
    except ImportError:
        return cs.all_sources, "all-sources fallback (every footnote is a source)"
    import citation_inputs

    return citation_inputs.build_reading, ("the build's reader: read.footnotes.written_footnote "
                                           "+ citations.notes.read_footnote")


def reports(splits: list[str]) -> list[cs.Report]:
    from sphinx_newsroom.citations import keys
    from sphinx_newsroom.citations.parse import parse_citation

    classify, name = load_classifier()
    records, pairs = cs.load_corpus()
    # The bibliography's own test of two citations, where the checkout has one.
    same = getattr(keys, "same_source", None)
    return [cs.score(records, pairs, parse_citation, keys.citation_key, classify, name, split,
                     same)
            for split in splits]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=cs.SPLITS, help="one split only (default: each)")
    parser.add_argument("--json", action="store_true", help="the reports as JSON")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a figure is below citation_score.FLOORS")
    parser.add_argument("--floors", action="store_true",
                        help="print today's figures rounded down, in the shape of FLOORS")
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else list(cs.SPLITS)
    if args.check or args.floors:
        splits = list(cs.SPLITS)
    done = reports(splits)
    if args.floors:
        print(json.dumps({r.split: cs.floors_of(r) for r in done}, indent=1, sort_keys=True))
        return 0
    if args.check:
        low = [line for r in done for line in cs.below_floors(r, cs.FLOORS.get(r.split, {}))]
        print(f"classifier: {done[0].classifier}")
        print("\n".join(low) if low else "every figure is at or above its floor")
        return 1 if low else 0
    if args.json:
        print(json.dumps([r.as_dict() for r in done], ensure_ascii=False, indent=1))
        return 0
    print(f"classifier: {done[0].classifier}")
    print("parser: sphinx_newsroom.citations.parse.parse_citation; "
          "dedupe: sphinx_newsroom.citations.keys.same_source (citation_key, then one work "
          "with and without its publisher)\n")
    print("\n\n".join(cs.format_report(r) for r in done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
