"""Fill ``article-list`` and the term indexes from the domain, for every builder."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import clock
from ..builders import app_of, builder_of, in_output, nothing_to_fill, reference_to
from ..directives import nodes as nr
from ..directives.nodes import article_list, term_index
from ..doctree import nodes_of
from ..domain import get_domain
from ..i18n import _
from ..indices import in_book_index, term_label
from ..model.article import Article
from ..model.collation import index_letter, sort_key
from ..model.selection import Pool, selected
from ..model.terms import term_key, weight_classes
from ..paging import navigation, page_counts, page_slice, paginates
from .inline import claim_id, summary_nodes, term_nodes, time_node


class FillListings(SphinxPostTransform):
    """Replace list placeholders with real lists, for every builder."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        if nothing_to_fill(self.env, domain.listers):
            return
        found = nodes_of(self.document, article_list, term_index)
        if not found[article_list] and not found[term_index]:
            return
        pool = domain.pool(self.config.newsroom_show_drafts, clock.now())
        visible: list[Article] | Pool = pool
        if getattr(builder_of(self.env), "docnames", None) is not None:
            # A book lists only the articles it holds: there is no page to link to.
            visible = [a for a in pool.articles if in_output(self.env, a.docname)]
        paged = [node for node in found[article_list] if self._page_of(node)[2]]
        for node in found[article_list]:
            filled = self._article_list(node, visible)
            if paged and node is paged[-1]:
                # One navigation per page, under the last of its paginated lists.
                page, base, count = self._page_of(node)
                filled.append(navigation(app_of(self.env), self.env.docname, base, page, count))
            if filled:
                node.replace_self(filled)
            else:
                node.parent.remove(node)
        for node in found[term_index]:
            node.replace_self(self._term_index(node))

    # article-list

    def _article_list(self, node: article_list,
                      articles: list[Article] | Pool) -> list[nodes.Node]:
        chosen = selected(articles, node.attributes)
        if node["limit"]:
            chosen = chosen[: node["limit"]]
        page, _base, count = self._page_of(node)
        if count:
            chosen = page_slice(chosen, page, self.config.newsroom_page_size)
            if not chosen and page > 1:
                return []  # a shorter list of the same document: it ended on an earlier page
        if not chosen:
            return [nodes.paragraph(_("No articles yet."), _("No articles yet."),
                                    classes=["news-empty"])]
        if node["format"] == "cards" and builder_of(self.env).format == "html":
            return [self._cards(chosen)]
        items = nodes.bullet_list(classes=["news-article-list", nr.NO_SEARCH])
        for article in chosen:
            items += nodes.list_item("", *self._entry(article, node.get("omit")))
        return [items]

    def _page_of(self, node: article_list) -> tuple[int, str, int]:
        """(page number, first page, number of pages) of a paginated list; count 0 if not."""
        if node["limit"] or not paginates(app_of(self.env)):
            return 1, "", 0
        base = node.get("base") or self.env.docname
        count = page_counts(app_of(self.env)).get(base, 0)
        return node.get("page", 1), base, count

    def _link(self, article: Article, content: nodes.Node) -> nodes.Element:
        return reference_to(builder_of(self.env), self.env.docname, article.docname, article.anchor,
                            content, article.title)

    def _entry(self, article: Article, omit: list[str] | None = None) -> list[nodes.Node]:
        """An article's title, date, summary and terms (but ``omit``, a taxonomy and key:
        a term's own page does not badge every entry with the term)."""
        language = self.config.language or "en"
        head = nodes.paragraph(classes=["news-list-title"])
        head += self._link(article, nodes.strong(article.title, article.title))
        if article.date:
            head += nodes.Text(" · ")
            head += time_node(article.date, language)
        body: list[nodes.Node] = [head]
        paged = builder_of(self.env).format == "latex"
        if paged:
            # A book lists an article by its page; its summary opens its chapter.
            if in_output(self.env, article.docname):
                head += nr.page_ref(label=f"{article.docname}:{article.anchor}")
        elif article.summary:
            summary = summary_nodes(article.summary, self.config.newsroom_math)
            body.append(nodes.paragraph(article.summary, "", *summary,
                                        classes=["news-list-summary"]))
        shown = [(taxonomy, tuple(s for s in spellings if [taxonomy, term_key(s)] != omit))
                 for taxonomy, spellings in article.terms]
        shown = [(taxonomy, spellings) for taxonomy, spellings in shown if spellings]
        if builder_of(self.env).format == "html":
            # One node for all the links (a term page shows thousands), written as
            # term_nodes' compact links would be: each taxonomy's badges after a
            # plain space, a term's after a ", " that HTML hides from the eye.
            links = tuple(
                (taxonomy, term_key(spelling), spelling,
                 ", " if index else " " if number else "", index > 0)
                for number, (taxonomy, spellings) in enumerate(shown)
                for index, spelling in enumerate(spellings))
            if links:
                body.append(nodes.paragraph("", "", nr.term_badges(links=links),
                                            classes=["news-list-terms"]))
            return body
        # Elsewhere a taxonomy's terms are set apart from the next one's.
        between = nodes.inline(" · ", " · ", classes=["news-sep"])
        terms = [n for taxonomy, spellings in shown
                 for n in (between.deepcopy(), *term_nodes(taxonomy, spellings))]
        if terms:
            body.append(nodes.paragraph("", "", *terms[1:], classes=["news-list-terms"]))
        return body

    def _cards(self, articles: list[Article]) -> nodes.Node:
        grid = nodes.container(classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                                        "news-cards", nr.NO_SEARCH])
        row = nodes.container(classes=["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2",
                                       "sd-row-cols-md-3", "sd-g-3"])
        grid += row
        for article in articles:
            card = nodes.container(classes=["sd-card", "sd-sphinx-override", "sd-w-100",
                                            "sd-shadow-sm", "news-card"])
            if article.image and "://" not in article.image:
                image = nodes.image(uri=article.image.lstrip("/"), alt=article.title,
                                    classes=["sd-card-img-top"])
                image["candidates"] = {"*": article.image.lstrip("/")}
                card += image
            body = nodes.container(classes=["sd-card-body"])
            body.extend(self._entry(article))
            card += body
            row += nodes.container("", card, classes=["sd-col", "sd-d-flex-row"])
        return grid

    # term indexes

    def _term_index(self, node: term_index) -> nodes.Node:
        domain = get_domain(self.env)
        terms = [t for t in domain.terms.get(node["taxonomy"], {}).values()
                 if len(t.docnames) >= node["min_count"]]
        if not terms:
            return nodes.paragraph(_("No terms yet."), _("No terms yet."), classes=["news-empty"])
        terms.sort(key=lambda t: sort_key(t.name))
        if node["sort"] == "count":
            terms.sort(key=lambda t: -len(t.docnames))
        if builder_of(self.env).format == "latex":
            return self._paged_terms(node, terms)
        if node["format"] == "cloud":
            weights = weight_classes({t.key: len(t.docnames) for t in terms})
            cloud = nodes.paragraph(classes=["news-cloud"])
            for term in terms:
                ref = nr.term_ref(term.name, term.name, taxonomy=term.taxonomy, key=term.key,
                                  classes=[f"news-weight-{weights[term.key]}"])
                cloud += ref
                cloud += nodes.Text(" ")
            return cloud
        if node["format"] == "az":
            container = nodes.container(classes=["news-az"])
            groups: dict[str, list[Any]] = {}
            for term in sorted(terms, key=lambda t: sort_key(t.name)):
                groups.setdefault(index_letter(term.name), [])
            for term in terms:  # within a letter, in the order asked for
                groups[index_letter(term.name)].append(term)
            for letter, members in groups.items():
                heading = nodes.rubric(letter, letter)
                claim_id(self.document, heading, f"letter-{letter}")
                container += heading
                container += self._term_list(members)
            return container
        return self._term_list(terms)

    def _paged_terms(self, node: term_index, terms: list[Any]) -> nodes.Node:
        """In the PDF, every format is one compact list in two columns: each term, its
        count and the page of its entry in the taxonomy's index (A-Z: by letter)."""
        domain, docnames = get_domain(self.env), getattr(builder_of(self.env), "docnames", ())
        columns = nodes.container(classes=["news-columns", nr.NO_SEARCH])
        letter = None
        for term in terms:
            if node["format"] == "az" and index_letter(term.name) != letter:
                letter = index_letter(term.name)
                columns += nodes.paragraph("", "", nodes.strong(letter, letter))
            count = f" ({len(term.docnames)})"
            line = nodes.paragraph(
                "", "", nr.term_ref(term.name, term.name, taxonomy=term.taxonomy, key=term.key),
                nodes.inline(count, count, classes=["news-count"]))
            if in_book_index(domain, self.config, term.taxonomy, term.key, docnames):
                line += nr.page_ref(label=term_label(term.taxonomy, term.key))
            columns += line
        return columns

    @staticmethod
    def _term_list(terms: list[Any]) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["news-term-list"])
        for term in terms:
            count = f" ({len(term.docnames)})"
            items += nodes.list_item("", nodes.paragraph(
                "", "", nr.term_ref(term.name, term.name, taxonomy=term.taxonomy, key=term.key),
                nodes.inline(count, count, classes=["news-count"])))
        return items
