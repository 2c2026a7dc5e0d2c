"""The build's notion of "now": whether an embargo has ended (one place to change in tests)."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
