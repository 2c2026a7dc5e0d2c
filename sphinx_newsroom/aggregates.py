"""Directives and roles that show many articles: lists, term indexes, term links.

In the read phase they leave placeholders and record the doc as a *lister*;
a post-transform fills them from the domain once every article is known, so
an incremental build shows the same lists as a clean one.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode

from . import clock
from . import nodes as nr
from .domain import get_domain
from .i18n import _
from .log import warn
from .model.article import Article
from .model.collation import index_letter, sort_key
from .model.dates import DateError, parse_datetime
from .model.terms import alias_map, clean_spelling, split_terms, term_key, weight_classes
from .panel import term_nodes, time_node
from .walk import nodes_of, nothing_to_fill
from .warnings_ import NewsroomWarning


class article_list(nodes.General, nodes.Element):
    """Placeholder of ``article-list``; replaced at write time."""


class term_index(nodes.General, nodes.Element):
    """Placeholder of ``tag-index`` / ``topic-index`` / ``taxonomy-index``."""


def article_filters(config: Config, options: dict[str, Any]) -> dict[str, list[str]]:
    """Term keys asked for by a directive's ``:tags:`` / ``:topics:`` options."""
    aliases = alias_map(config.newsroom_term_aliases)
    return {
        taxonomy: [term_key(aliases.get(term_key(t), t)) for t in _csv(options[taxonomy])]
        for taxonomy in ("tags", "topics")
        if taxonomy in options
    }


def _csv(argument: str | None) -> list[str]:
    if not argument:
        return []
    return [clean_spelling(part) for part in split_terms(argument) if clean_spelling(part)]


_HAS_TIME = re.compile(r"\d[:时]\d")


def _choice(*values: str) -> Any:
    return lambda argument: directives.choice(argument, values)


class ListerDirective(SphinxDirective):
    """Base: register the doc as one that lists articles."""

    def placeholder(self, node: nodes.Element) -> list[nodes.Node]:
        self.set_source_info(node)
        get_domain(self.env).note_lister(self.env.docname)
        return [node]


class ArticleListDirective(ListerDirective):
    """``article-list``: articles filtered by terms and dates."""

    option_spec = {
        "tags": directives.unchanged,
        "topics": directives.unchanged,
        "since": directives.unchanged,
        "until": directives.unchanged,
        "sort": _choice("date", "-date", "title", "updated"),
        "limit": directives.positive_int,
        "format": _choice("list", "cards"),
    }

    def run(self) -> list[nodes.Node]:
        tz = zoneinfo.ZoneInfo(self.config.newsroom_timezone)
        bounds: dict[str, str] = {}
        for option in ("since", "until"):
            if option in self.options:
                try:
                    value = parse_datetime(self.options[option], tz)
                except DateError as error:
                    warn(NewsroomWarning.DIRECTIVE, f"article-list :{option}: {error}; ignored",
                         self.get_location())
                    continue
                if option == "until" and not _HAS_TIME.search(self.options[option]):
                    value += dt.timedelta(days=1)  # a date-only bound includes that whole day
                bounds[option] = value.isoformat()
        node = article_list(
            filters=article_filters(self.config, self.options),
            sort=self.options.get("sort", "-date"),
            limit=self.options.get("limit", 0),
            format=self.options.get("format", "list"),
            **bounds,
        )
        return self.placeholder(node)


class TermIndexDirective(ListerDirective):
    """``taxonomy-index NAME`` (and its shortcuts): every term with its count."""

    taxonomy = ""
    required_arguments = 0
    option_spec = {
        "format": _choice("list", "cloud", "az"),
        "sort": _choice("name", "count"),
        "min-count": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        taxonomy = self.taxonomy or (self.arguments[0].strip() if self.arguments else "")
        if taxonomy not in self.config.newsroom_taxonomies:
            warn(NewsroomWarning.DIRECTIVE,
                 f"unknown taxonomy {taxonomy!r}; known: "
                 f"{', '.join(self.config.newsroom_taxonomies)}", self.get_location())
            return []
        node = term_index(
            taxonomy=taxonomy,
            format=self.options.get("format", "list"),
            sort=self.options.get("sort", "name"),
            min_count=self.options.get("min-count", 1),
        )
        return self.placeholder(node)


class TaxonomyIndexDirective(TermIndexDirective):
    required_arguments = 1


def index_directive(taxonomy: str) -> type[TermIndexDirective]:
    return type(f"TermIndex_{taxonomy}", (TermIndexDirective,), {"taxonomy": taxonomy})


class TermRole(SphinxRole):
    """``{tag}`AI``` or ``{tag}`text <AI>```: a link to the term's page."""

    def __init__(self, taxonomy: str) -> None:
        self.taxonomy = taxonomy

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = self.text
        label, _sep, target = text.rpartition(" <")
        if _sep and target.endswith(">"):
            text, target = label.strip(), target[:-1]
        else:
            target = text
        spelling = clean_spelling(target)
        key = term_key(alias_map(self.config.newsroom_term_aliases).get(term_key(spelling),
                                                                       spelling))
        if not key:
            warn(NewsroomWarning.TERM, f"empty {self.taxonomy} in role", self.get_location())
            return [nodes.Text(self.text)], []
        node = nr.term_ref(text, text, taxonomy=self.taxonomy, key=key)
        self.set_source_info(node)
        get_domain(self.env).note_term_ref(self.env.docname, self.taxonomy, key)
        return [node], []


# -- filling the placeholders ---------------------------------------------------


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
        visible = domain.published(self.config.newsroom_show_drafts, clock.now())
        for node in found[article_list]:
            node.replace_self(self._article_list(node, visible))
        for node in found[term_index]:
            node.replace_self(self._term_index(node))

    # article-list

    def _article_list(self, node: article_list, articles: list[Article]) -> nodes.Node:
        chosen = [a for a in articles if _matches(a, node)]
        if node["sort"] == "date":
            chosen.reverse()
        elif node["sort"] == "title":
            chosen.sort(key=lambda a: sort_key(a.title))
        elif node["sort"] == "updated":
            chosen.sort(key=lambda a: -(a.updated or a.date or _EPOCH).timestamp())
        if node["limit"]:
            chosen = chosen[: node["limit"]]
        if not chosen:
            return nodes.paragraph(_("No articles yet."), _("No articles yet."),
                                   classes=["news-empty"])
        if node["format"] == "cards" and builder_of(self.env).format == "html":
            return self._cards(chosen)
        items = nodes.bullet_list(classes=["news-article-list", nr.NO_SEARCH])
        for article in chosen:
            items += nodes.list_item("", *self._entry(article))
        return items

    def _link(self, article: Article, content: nodes.Node) -> nodes.Element:
        return make_refnode(builder_of(self.env), self.env.docname, article.docname, article.anchor,
                            content, article.title)

    def _entry(self, article: Article) -> list[nodes.Node]:
        language = self.config.language or "en"
        head = nodes.paragraph(classes=["news-list-title"])
        head += self._link(article, nodes.strong(article.title, article.title))
        if article.date:
            head += nodes.Text(" · ")
            head += time_node(article.date, language)
        body: list[nodes.Node] = [head]
        if article.summary:
            body.append(nodes.paragraph(article.summary, article.summary,
                                        classes=["news-list-summary"]))
        compact = builder_of(self.env).format == "html"
        terms = [n for taxonomy, spellings in article.terms if spellings
                 for n in (nodes.inline(" ", " "), *term_nodes(taxonomy, spellings, compact))]
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
                container += nodes.rubric(letter, letter)
                container += self._term_list(members)
            return container
        return self._term_list(terms)

    @staticmethod
    def _term_list(terms: list[Any]) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["news-term-list"])
        for term in terms:
            count = f" ({len(term.docnames)})"
            items += nodes.list_item("", nodes.paragraph(
                "", "", nr.term_ref(term.name, term.name, taxonomy=term.taxonomy, key=term.key),
                nodes.inline(count, count, classes=["news-count"])))
        return items


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def builder_of(env: BuildEnvironment) -> Builder:
    """The running builder (Sphinx's own post-transforms reach it the same way)."""
    app = getattr(env, "_app", None) or env.app  # Sphinx 9 deprecates env.app
    return app.builder




def matches(article: Article, filters: dict[str, list[str]]) -> bool:
    """The article carries one of the wanted terms of every filtered taxonomy."""
    for taxonomy, wanted in filters.items():
        have = {term_key(t) for t in article.terms_of(taxonomy)}
        if wanted and not have.intersection(wanted):
            return False
    return True


def _matches(article: Article, node: article_list) -> bool:
    if not matches(article, node["filters"]):
        return False
    if "since" in node.attributes or "until" in node.attributes:
        if article.date is None:
            return False
        if "since" in node.attributes and article.date < dt.datetime.fromisoformat(node["since"]):
            return False
        if "until" in node.attributes and article.date >= dt.datetime.fromisoformat(node["until"]):
            return False
    return True

