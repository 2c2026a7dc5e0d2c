"""The notice on a draft's or an embargoed article's own page."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from ..i18n import _
from ..model.article import Article
from ..model.locale_dates import localised_date


def draft_banner(article: Article, language: str, now: dt.datetime) -> nodes.admonition | None:
    """A clear notice on a draft's or an embargoed article's own page."""
    if article.draft:
        title, text = _("Draft"), _("This article is a draft. It is not listed, indexed or "
                                    "included in feeds until it is published.")
    elif article.date is not None and article.date > now:
        title = _("Embargoed")
        text = _("This article is embargoed until %s. It is not listed, indexed or included "
                 "in feeds until then.") % localised_date(article.date, language)
    else:
        return None
    banner = nodes.admonition("", classes=["news-draft-banner", "warning"])
    banner += nodes.title(str(title), str(title))
    banner += nodes.paragraph(str(text), str(text))
    return banner
