"""Fill ``corrections-list``: the site's corrections and updates, newest first."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import clock
from ..builders import builder_of, nothing_to_fill, reference_to
from ..directives import nodes as nr
from ..doctree import nodes_of
from ..domain import get_domain
from ..i18n import _
from ..model.article import Article, Correction
from .inline import time_node

#: ``:kind:`` -> the kinds of notice it keeps.
KINDS = {"all": ("correction", "update"), "corrections": ("correction",),
         "updates": ("update",)}


def site_corrections(articles: list[Article], kind: str = "all") -> list[tuple[Correction,
                                                                                 Article]]:
    """Every notice of ``articles``, newest first (then by article, so the order is stable)."""
    wanted = KINDS.get(kind, KINDS["all"])
    found = [(c, a) for a in articles for c in a.corrections if c.kind in wanted]
    return sorted(found, key=lambda pair: (-pair[0].date.timestamp(), pair[1].docname,
                                           pair[0].text))


class FillCorrections(SphinxPostTransform):
    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        if nothing_to_fill(self.env, get_domain(self.env).listers):
            return
        for node in nodes_of(self.document, nr.corrections_list)[nr.corrections_list]:
            node.replace_self(self._render(node))

    def _render(self, node: nr.corrections_list) -> nodes.Node:
        domain = get_domain(self.env)
        published = domain.published(self.config.newsroom_show_drafts, clock.now())
        found = site_corrections(published, node["kind"])
        if node["limit"]:
            found = found[: node["limit"]]
        if not found:
            text = _("No corrections yet.")
            return nodes.paragraph(text, text, classes=["news-empty"])
        language = self.config.language or "en"
        items = nodes.bullet_list(classes=["news-corrections-list"])
        builder = builder_of(self.env)
        for correction, article in found:
            # HTML links to the notice; LaTeX labels sections only: the article's title.
            anchor = "corrections" if builder.format == "html" else article.anchor
            label = str(_("Correction") if correction.kind == "correction" else _("Update"))
            title = nodes.inline(article.title, article.title)
            link = reference_to(builder, self.env.docname, article.docname, anchor, title,
                                article.title)
            line = nodes.paragraph("", "", classes=[f"news-{correction.kind}"])
            line += nodes.strong(label, label)
            line += nodes.Text(" ")
            line += time_node(correction.date, language)
            line += nodes.Text(" · ")
            line += link
            line += nodes.Text(": " + correction.text)
            items += nodes.list_item("", line)
        return items
