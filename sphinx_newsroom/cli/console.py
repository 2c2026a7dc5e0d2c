"""What the command prints, and where: results, notes, errors, a progress bar.

Results (the path ``new`` wrote, the problems ``check`` found) go to standard
output; notes on what is happening go there too unless ``--quiet``; details
only with ``--verbose``; errors to standard error, always. The progress bar
(tqdm) is drawn on standard error only when it is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

#: Exit codes scripts can trust.
OK, PROBLEMS, USAGE = 0, 1, 2

T = TypeVar("T")
#: Fewer items than this draw no bar: it would flash and vanish.
PROGRESS_FROM = 20


class Console:
    def __init__(self, quiet: int = 0, verbose: int = 0, out: TextIO | None = None,
                 err: TextIO | None = None) -> None:
        self.quiet = quiet > 0
        self.verbose = verbose > 0 and not self.quiet
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def result(self, text: str) -> None:
        print(text, file=self.out)

    def note(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.out)

    def detail(self, text: str) -> None:
        if self.verbose:
            print(text, file=self.out)

    def error(self, text: str) -> None:
        print(f"sphinx-newsroom: {text}", file=self.err)

    def progress(self, items: Iterable[T], total: int, what: str) -> Iterator[T]:
        """``items``, with a progress bar on a terminal for long runs."""
        if self.quiet or total < PROGRESS_FROM or not _is_terminal(self.err):
            yield from items
            return
        from tqdm import tqdm

        with tqdm(items, total=total, desc=what, unit="file", file=self.err,
                  leave=False) as bar:
            yield from bar


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
