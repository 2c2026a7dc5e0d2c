"""``article-list`` and the term indexes (``tag-index``, ``topic-index``, ``taxonomy-index``)."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from docutils import nodes
from docutils.parsers.rst import directives

from ..domain import get_domain
from ..log import warn
from ..model.dates import DateError, parse_datetime
from ..warnings_ import NewsroomWarning
from .lister import ListerDirective, article_filters, choice
from .nodes import article_list, term_index

_HAS_TIME = re.compile(r"\d[:时]\d")


class ArticleListDirective(ListerDirective):
    """``article-list``: articles filtered by terms and dates."""

    option_spec = {
        "tags": directives.unchanged,
        "topics": directives.unchanged,
        "since": directives.unchanged,
        "until": directives.unchanged,
        "sort": choice("date", "-date", "title", "updated"),
        "limit": directives.positive_int,
        "format": choice("list", "cards"),
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
        if not node["limit"]:
            # Its later pages (html.paging) are written from these, without the document.
            get_domain(self.env).note_paged_list(self.env.docname, dict(node.attributes))
        return self.placeholder(node)


class TermIndexDirective(ListerDirective):
    """``taxonomy-index NAME`` (and its shortcuts): every term with its count."""

    taxonomy = ""
    required_arguments = 0
    option_spec = {
        "format": choice("list", "cloud", "az"),
        "sort": choice("name", "count"),
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
