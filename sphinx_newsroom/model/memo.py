"""Bounded memos of pure functions, and one call that forgets them all (pure).

A large site asks the same question many times in one build (the dedupe keys
of a source cited by a hundred articles, the parse of a footnote typed alike
in each). A memo keeps the answers, up to ``limit`` of them (then starts
again: a long-lived process such as sphinx-autobuild must not grow without
bound). :func:`forget_all` empties every memo: the test suite calls it before
each test, so that no answer computed by one test (or by the unmutated code a
mutation run forks from) stands in for a computation another test makes.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_ALL: list[Memo[Any, Any]] = []


class Memo(Generic[K, V]):
    """A dict of answers that holds at most ``limit`` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._answers: dict[K, V] = {}
        _ALL.append(self)

    def get(self, key: K) -> V | None:
        return self._answers.get(key)

    def put(self, key: K, value: V) -> V:
        if len(self._answers) >= self.limit:
            self._answers.clear()
        self._answers[key] = value
        return value

    def __len__(self) -> int:
        return len(self._answers)

    def clear(self) -> None:
        self._answers.clear()


def forget_all() -> None:
    """Empty every memo."""
    for memo in _ALL:
        memo.clear()
