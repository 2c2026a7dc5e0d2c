"""Front matter and files as the commands write them: deterministic, never clobbering.

The same input always gives the same bytes, so a second import finds every
file already as it would write it and changes nothing.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Dates as ISO 8601 (``2025-07-02T15:40:04+08:00``), lists of plain values inline."""


def _datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    plain = all(isinstance(v, str | int | float | bool) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=plain)


_Dumper.add_representer(dt.datetime, _datetime)
_Dumper.add_representer(list, _list)


def front_matter(data: Mapping[str, Any]) -> str:
    """``data`` as a YAML front-matter block, delimiters included, in the given key order."""
    text = yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1000, default_flow_style=False)
    return f"---\n{text}---\n"


@dc.dataclass
class Outcome:
    """What writing one file did: "written", "unchanged", "differs" (kept) or "would write"."""

    path: Path
    status: str


def write(path: Path, content: bytes, dry_run: bool = False, force: bool = False,
          new_only: bool = False) -> Outcome:
    """Write ``content`` unless the file already holds it, or differs (without ``force``)."""
    if path.exists():
        if path.is_file() and path.read_bytes() == content:
            return Outcome(path, "unchanged")
        if new_only or not force:
            return Outcome(path, "differs")
    if dry_run:
        return Outcome(path, "would write")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return Outcome(path, "written")
