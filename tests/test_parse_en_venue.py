"""Where a reference's venue ends, and how it is written: what ``_venue``'s mutants asked.

Each case is an English reference as an article writes it and the fields a
reader sees in the bibliography. The venue is shown as written: an abbreviated
journal keeps its full stops (``J. Chem.``, ``Phys. Rev. Lett.``), a word that
ends a sentence does not (``Nature``).
"""

from __future__ import annotations

import pytest

from sphinx_newsroom.citations.model import issued_text
from sphinx_newsroom.citations.parse import parse_citation

HEAD = "Smith, J. (2020). Title of the work. "


def cited(text: str) -> tuple[str, str, tuple[str, ...], str]:
    c = parse_citation(text)
    return c.title, c.publisher, c.authors, issued_text(c)


@pytest.mark.parametrize(("venue", "expected"), [
    # An abbreviation before the volume keeps its full stop, with or without the
    # spaces between the abbreviated words.
    ("J. Chem. 12, 4-5.", "J. Chem."),
    ("J.Chem. 12, 4-5.", "J.Chem."),
    ("Phys.Rev.Lett. 12, 4-5.", "Phys.Rev.Lett."),
    ("Sci. Rep. 12, 4-5.", "Sci. Rep."),
    ("Ann. Math. Vol. 141, pp. 443-551.", "Ann. Math."),
    # A whole word's full stop ends the venue and is not part of it ...
    ("Nature. 12, 4-5.", "Nature"),
    ("Proc. 12, 4-5.", "Proc"),
    # ... nor is a missing space after it taken for an abbreviation.
    ("Journal of Testing.Volume 3, 4-5.", "Journal of Testing"),
    # A journal whose name ends in a capital X ("Physical Review X").
    ("Phys. Rev. X, 10, 011001.", "Phys. Rev. X"),
], ids=lambda value: value if isinstance(value, str) and value.isascii() else None)
def test_the_venue_as_written(venue: str, expected: str) -> None:
    assert cited(HEAD + venue) == ("Title of the work", expected, ("Smith, J",), "2020")


def test_brackets_inside_brackets_belong_to_the_venue() -> None:
    """A comma inside nested brackets does not end the venue; the pages after it do."""
    text = ("He, K. (2016). Deep residual learning. In Proceedings of CVPR "
            "(IEEE Conference (CVPR 2016), Las Vegas), 770-778.")
    assert cited(text) == ("Deep residual learning",
                           "Proceedings of CVPR (IEEE Conference (CVPR 2016), Las Vegas)",
                           ("He, K",), "2016")
