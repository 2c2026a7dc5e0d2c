"""Every doctree node of the extension: format-neutral, filled or written later.

Each subclasses the docutils node a writer without special support should fall
back to (Sphinx translators dispatch along the class's MRO), so man, texinfo,
XML and other builders render them as plain containers, paragraphs and text.
"""

from __future__ import annotations

from docutils import nodes

#: Class of the nodes Sphinx's search leaves out of its index (Sphinx >= 8.2):
#: labels, dates and lists that repeat other pages' titles.  Indexed, they
#: would make every article match "Published" and every listing page match
#: the words of every title it lists.
NO_SEARCH = "no-search"

#: Attribute of an article's title section naming its doc (survives the PDF's merged tree).
ARTICLE_ATTR = "newsroom_article"


class article_meta(nodes.container):
    """The metadata panel of one article (root class ``news-meta``)."""


class meta_field(nodes.paragraph):
    """One line of the panel: ``field`` names it (date, updated, authors...)."""


class meta_label(nodes.inline):
    """The label of a panel line ("Published", "Tags"...)."""


class news_time(nodes.inline):
    """A date shown in the reader's language; ``datetime`` holds the ISO value."""


class term_ref(nodes.inline):
    """A link to a term's page; ``taxonomy`` and ``key`` identify the term."""


class term_badges(nodes.inline):
    """HTML's term links of one list entry, as one node: ``links`` holds a
    ``(taxonomy, key, spelling, separator, classed)`` per link, the separator
    written before it, in a ``news-sep`` span when ``classed`` (other formats,
    and article panels, use ``term_ref`` nodes)."""


class source_backlink(nodes.inline):
    """HTML's "(in the bibliography)" after a footnote, as one node: ``refuri`` and
    ``label`` (other formats build it from an inline and a reference)."""


class line_break(nodes.inline):
    """A line break: an HTML ``<br>`` or Markdown's hard break, holding a newline.

    HTML writes ``<br />``; LaTeX a break that is safe wherever it stands (see
    ``latex.visitors``); any other format the newline, as white space.
    """


class pandoc_citation(nodes.inline):
    """A Pandoc citation of one key (``key``; ``mode`` "", ``-`` year only, ``+`` author
    only), as written until the article's bibliography resolves it in the read phase."""


class footnote_kind(nodes.Inline, nodes.Element):
    """``{footnote-kind}`source```: how the footnote holding it is read (``kind``).

    Read and removed before Sphinx checks the footnotes; no writer sees it.
    """


class featured_image(nodes.image):
    """The article's featured image (an image, so Sphinx copies it to the output)."""


class article_list(nodes.General, nodes.Element):
    """Placeholder of ``article-list``; replaced at write time."""


class term_index(nodes.General, nodes.Element):
    """Placeholder of ``tag-index`` / ``topic-index`` / ``taxonomy-index``."""


class archive(nodes.General, nodes.Element):
    """Placeholder of ``article-archive``; replaced at write time."""


class bibliography(nodes.General, nodes.Element):
    """Placeholder of ``news-bibliography``; replaced at write time."""


class cite_source(nodes.Inline, nodes.Element):
    """``{cite-source}`title=…; publisher=…```: the fields of the footnote holding it
    (``fields``, ``(name, value)`` pairs). Read and removed with ``footnote_kind``."""


class page_ref(nodes.inline):
    """The page number of ``label`` (``docname:anchor``, or a term's index entry), set
    at the right margin; only the PDF has pages, so other writers show nothing."""


class book_index(nodes.General, nodes.Element):
    """A taxonomy's index at the end of the PDF (``taxonomy``, ``title``, and ``groups``:
    letter groups of ``indices.BookTerm``). Only the LaTeX builder's tree holds one."""


class corrections_list(nodes.General, nodes.Element):
    """Placeholder of ``corrections-list``; replaced at write time."""
