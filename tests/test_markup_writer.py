"""The writer of a footnote's text and markup that both readers share (pure, no build).

``TextWriter`` is what the build (from the doctree) and ``check`` (from
Markdown) write a footnote with; ``stripped_written`` trims it. What a
reader sees of a footnote (its text, which words are linked, bold or code)
is made from this ``Written``.
"""

from __future__ import annotations

from sphinx_newsroom.citations.markup import Piece, TextWriter, field_pieces, pieces, shown
from sphinx_newsroom.citations.model import Citation, Mark, Written

URL = "https://example.org/book"


def _footnote() -> Written:
    """``  **See [*the* book](URL)**`.` `` with white space around, as a writer meets it."""
    writer = TextWriter()
    writer.add("  ")
    writer.marks.append(Mark("emphasis", 0, 2))  # markup on white space only: dropped
    writer.add("See ")
    start = writer.length
    writer.syntax("[")
    writer.add("the book")
    writer.syntax(f"]({URL})")
    writer.marks.append(Mark("link", start + 1, start + 9, URL))
    writer.marks.append(Mark("emphasis", start + 1, start + 4))
    writer.marks.append(Mark("strong", 1, start + 9))  # begins in the white space
    writer.add(".")
    writer.marks.append(Mark("literal", writer.length - 1, writer.length + 5))  # runs past the end
    writer.add(" \n ")
    return writer.written()


def test_the_written_text_is_trimmed_and_its_marks_move_with_it() -> None:
    end = 13 + len(URL) + 3
    assert _footnote() == Written(f"See [the book]({URL}).", (
        Mark("strong", 0, 13),
        Mark("syntax", 4, 5),
        Mark("link", 5, 13, URL),
        Mark("emphasis", 5, 8),
        Mark("syntax", 13, end),
        Mark("literal", end, end + 1),
    ))


def test_a_reader_sees_the_text_without_link_syntax_and_with_its_styles() -> None:
    text, marks = _footnote()
    assert shown(text, marks) == "See the book."
    assert pieces(text, marks) == [
        Piece("See ", ("strong",)),
        Piece("the", ("strong", "emphasis"), URL),
        Piece(" book", ("strong",), URL),
        Piece(".", ("literal",)),
    ]


def test_a_footnote_of_white_space_is_empty() -> None:
    writer = TextWriter()
    writer.add(" \n")
    writer.marks.append(Mark("emphasis", 0, 2))
    assert writer.written() == Written("", ())


def _linked(writer: TextWriter, text: str, target: str) -> None:
    """``[text](target)`` as the build writes a link."""
    start = writer.length
    writer.syntax("[")
    writer.add(text)
    writer.syntax(f"]({target})")
    writer.marks.append(Mark("link", start + 1, start + 1 + len(text), target))


def test_nested_emphasis_inside_a_link_stays_linked() -> None:
    """``[*the *very* best*](URL)``: one run, emphasised and linked."""
    writer = TextWriter()
    _linked(writer, "the very best", URL)
    writer.marks += [Mark("emphasis", 1, 14), Mark("emphasis", 5, 9)]
    assert pieces(*writer.written()) == [Piece("the very best", ("emphasis",), URL)]


def test_a_field_takes_the_markup_of_its_first_occurrence_outside_a_link_s_syntax() -> None:
    """``example.org`` is in two URLs and, in italics, between them: the publisher is italic."""
    writer = TextWriter()
    _linked(writer, "Home", "https://example.org/")
    writer.add(" on ")
    writer.marks.append(Mark("emphasis", writer.length, writer.length + len("example.org")))
    writer.add("example.org, see ")
    _linked(writer, "more", "https://example.org/more")
    text, marks = writer.written()
    citation = Citation(raw=text, publisher="example.org", marks=marks)
    assert field_pieces(citation, "example.org") == [Piece("example.org", ("emphasis",))]
