"""In the PDF, an article's image that TeX cannot include is shown by its words.

Posts copied from other sites often point at images that did not come along,
or at formats TeX cannot include (``.ico``, ``.gif``, ``.webp``). Sphinx warns
about each (``image.not_readable``, "no matching candidate") and still writes
``\\sphinxincludegraphics``, and xelatex then stops the whole book at the first
one. In an article such an image becomes its alternative text (or nothing,
when it has none), so the warning stands and the book compiles. Remote images
are left to Sphinx, which skips them in LaTeX.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import builder_of
from ..directives.nodes import ARTICLE_ATTR

#: The file formats xelatex includes (through xdvipdfmx).
TEX_FORMATS = (".png", ".jpg", ".jpeg", ".pdf", ".eps")


class ImagesTexCanInclude(SphinxPostTransform):
    default_priority = 100
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        supported = set(getattr(builder_of(self.env), "supported_image_types", ()))
        for section in list(self.document.findall(nodes.section)):
            if not section.get(ARTICLE_ATTR):
                continue
            for image in list(section.findall(nodes.image)):
                if not self._includable(image, supported):
                    self._replace(image)

    def _includable(self, image: nodes.image, supported: set[str]) -> bool:
        uri = image.get("uri", "")
        if "://" in uri or uri.startswith("data:"):
            return True  # Sphinx's own business (it skips remote images in LaTeX)
        candidates: dict[str, str] = image.get("candidates", {})
        if "?" in candidates:
            return True  # not a local file: Sphinx's own business
        if "*" in candidates:  # a plain path, taken as it is
            path = candidates["*"]
            return path in self.env.images and path.lower().endswith(TEX_FORMATS)
        return any(mime in supported and path in self.env.images
                   for mime, path in candidates.items())

    @staticmethod
    def _replace(image: nodes.image) -> None:
        alt = image.get("alt", "").strip()
        target = image.parent if isinstance(image.parent, nodes.reference) else image
        inline = isinstance(target.parent, nodes.TextElement)
        if not alt:
            target.parent.remove(target)
        elif inline:
            target.replace_self(nodes.emphasis(alt, alt))
        else:
            target.replace_self(nodes.paragraph(alt, "", nodes.emphasis(alt, alt)))
