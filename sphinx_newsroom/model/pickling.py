"""Fast pickling of the frozen dataclasses kept in the build environment."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from typing import Any, TypeVar

_T = TypeVar("_T")


def compact_pickle(cls: type[_T]) -> type[_T]:
    """Pickle a frozen, slotted dataclass as its class and its field values.

    Articles, their sources and citations live in the pickled build
    environment, which every rebuild loads. The standard pickling of a slotted
    dataclass restores each object by looping over ``fields()`` in Python;
    calling the class with the values does the same job in about half the
    time, with fewer temporary objects for the garbage collector to trace.
    """
    names = tuple(f.name for f in dataclass_fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
