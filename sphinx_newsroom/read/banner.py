"""The notice on a draft's or an embargoed article's own page."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from ..directives import nodes as nr
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


def corrections_notice(article: Article, language: str) -> nodes.admonition | None:
    """The dated corrections and updates of an article, oldest first, on its own page.

    The text is shown as written (it is text, never markup). The notice has
    the id ``corrections``, which the site-wide list links to.
    """
    if not article.corrections:
        return None
    kinds = {c.kind for c in article.corrections}
    title = (_("Correction") if kinds == {"correction"} else _("Update") if kinds == {"update"}
             else _("Corrections and updates"))
    notice = nodes.admonition("", classes=["news-corrections", "note"], ids=["corrections"])
    notice += nodes.title(str(title), str(title))
    for correction in article.corrections:
        label = str(_("Correction") if correction.kind == "correction" else _("Update"))
        shown = localised_date(correction.date, language)
        item = nodes.paragraph("", "", classes=["news-notice", f"news-{correction.kind}"])
        item += nodes.strong(label, label)
        item += nodes.Text(" ")
        item += nr.news_time(shown, shown, datetime=correction.date.isoformat())
        item += nodes.Text(": " + correction.text)
        notice += item
    return notice
