"""sphinx-design components in articles, and the pages that skip its transforms."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import html, warnings_of
from sphinx_design.dropdown import DropdownHtmlTransform
from sphinx_design.tabs import TabSetHtmlTransform

from sphinx_newsroom.html.design import COMPONENT_TRANSFORMS, has_design_component


@pytest.fixture
def seen(monkeypatch):
    """The docnames each of sphinx-design's component transforms ran on."""
    ran: dict[str, list[str]] = {}
    for transform in (TabSetHtmlTransform, DropdownHtmlTransform):
        original = transform.run

        def run(self, *args, _original=original, _name=transform.__name__, **kwargs):
            ran.setdefault(_name, []).append(self.env.docname)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(transform, "run", run)
    return ran


def test_components_render_and_plain_pages_skip_their_transforms(build_copy, seen):
    app = build_copy("design")
    assert warnings_of(app) == []
    page = html(app, "news/components")
    # The tab set became sphinx-design's radio inputs and labels ...
    tabs = page.select(".sd-tab-set")
    assert len(tabs) == 1
    assert len(tabs[0].select("input[type=radio]")) == 2
    assert [label.get_text(strip=True) for label in tabs[0].select("label")] == [
        "First", "Second"]
    # ... and the dropdown a <details> with its title in <summary>.
    details = page.select("details.sd-dropdown")
    assert len(details) == 1
    assert "More details" in details[0].summary.get_text()
    assert "Hidden text." in details[0].get_text()
    # The transforms ran on the page with components, not on the others.
    assert seen["TabSetHtmlTransform"] == ["news/components"]
    assert seen["DropdownHtmlTransform"] == ["news/components"]
    plain = html(app, "news/plain")
    assert plain.select(".news-meta") and not plain.select(".sd-tab-set, details")


def test_guarded_transforms_keep_their_place(make_app, rootdir, tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-design", tmp_path / "design")
    app = make_app("html", srcdir=tmp_path / "design")
    transforms = app.registry.get_post_transforms()
    guarded = [t for t in transforms if t.__name__ in COMPONENT_TRANSFORMS]
    assert {t.__name__ for t in guarded} >= {"TabSetHtmlTransform", "DropdownHtmlTransform"}
    for transform in guarded:
        assert transform.__module__ == "sphinx_newsroom.html.design"
        (original,) = transform.__bases__
        assert original.__module__.startswith("sphinx_design.")
        assert transform.default_priority == original.default_priority
        assert original not in transforms


def test_has_design_component():
    from docutils import nodes

    plain = nodes.section("", nodes.paragraph("", "", nodes.Text("text")))
    assert not has_design_component(plain)
    marked = nodes.container(design_component="tab-set")
    assert has_design_component(nodes.section("", nodes.paragraph("", "text"),
                                              nodes.block_quote("", marked)))


#: Every post-transform sphinx-design registers: (module, priority, formats).
#: The guard replaces three of them; should sphinx-design rename, add, drop or
#: reorder one, this table fails first, rather than the guard silently skipping
#: (or wrongly skipping) a transform.
DESIGN_TRANSFORMS = {
    "BadgeRefTooltipStash": ("sphinx_design.badges_buttons", 5, ()),
    "ButtonRefContentStash": ("sphinx_design.badges_buttons", 8, ()),
    "ButtonRefContentGraft": ("sphinx_design.badges_buttons", 11, ()),
    "BadgeRefTooltipGraft": ("sphinx_design.badges_buttons", 12, ()),
    "DropdownHtmlTransform": ("sphinx_design.dropdown", 199, ("html",)),
    "AsideHtmlTransform": ("sphinx_design.aside", 199, ("html",)),
    "TabSetHtmlTransform": ("sphinx_design.tabs", 200, ("html",)),
}


def test_sphinx_design_still_registers_the_transforms_the_guard_replaces(make_app, rootdir,
                                                                          tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-design", tmp_path / "design")
    app = make_app("html", srcdir=tmp_path / "design")
    found = {}
    for transform in app.registry.get_post_transforms():
        guarded = transform.__module__ == "sphinx_newsroom.html.design"
        original = transform.__bases__[0] if guarded else transform
        if original.__module__.startswith("sphinx_design"):
            found[original.__name__] = (original.__module__, original.default_priority,
                                        tuple(getattr(original, "formats", ())))
            assert guarded == (original.__name__ in COMPONENT_TRANSFORMS), original
    assert found == DESIGN_TRANSFORMS
    assert set(COMPONENT_TRANSFORMS) <= set(found)  # every guarded name is still there


#: One page per sphinx-design component (directives and roles), each alone on
#: its page, with what its HTML must hold.
COMPONENTS = {
    "tab-set": ("````{tab-set}\n```{tab-item} One\nA.\n```\n```{tab-item} Two\nB.\n```\n"
                "````\n", ".sd-tab-set input[type=radio] + label"),
    "tab-set-code": ("`````{tab-set-code}\n```python\nx = 1\n```\n```js\nx = 1;\n```\n"
                     "`````\n", ".sd-tab-set .sd-tab-content pre"),
    "dropdown": ("```{dropdown} Title\nHidden.\n```\n", "details.sd-dropdown > summary"),
    "accordion": ("`````{accordion}\n```{dropdown} One\nA.\n```\n```{dropdown} Two\nB.\n```\n"
                  "`````\n", "details.sd-dropdown[name]"),
    "aside": ("```{aside} Note\nText flows around.\n```\n", "aside[aria-labelledby]"),
    "card": ("```{card} Card title\nCard body.\n```\n", "div.sd-card .sd-card-title"),
    "card-carousel": ("````{card-carousel} 2\n```{card} A\n```\n```{card} B\n```\n````\n",
                      ".sd-cards-carousel > div.sd-card"),
    "grid": ("````{grid} 2\n```{grid-item-card} A\nOne.\n```\n```{grid-item}\nTwo.\n```\n"
             "````\n", ".sd-container-fluid .sd-row .sd-col .sd-card"),
    "steps": ("````{steps}\n```{step} First\nDo this.\n```\n```{step} Second\nThen that.\n"
              "```\n````\n", "ol .sd-step-title"),
    "badge": ("Status: {bdg-primary}`new` and {bdg-ref-info}`back <design-top>`.\n",
              "span.sd-badge.sd-bg-primary"),
    "button": ("```{button-link} https://example.org\nVisit\n```\n\n"
               "```{button-ref} design-top\nHome\n```\n", "a.sd-btn[href='https://example.org']"),
    "icon": ("An icon: {octicon}`rocket;1em`.\n", "svg.sd-octicon-rocket"),
}


def _components_site(tmp_path) -> Path:
    src = tmp_path / "components"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nproject = "Design"\n'
                                 'html_baseurl = "https://design.example.org/"\n', "utf-8")
    names = "\n".join(f"news/{name}" for name in COMPONENTS)
    (src / "index.md").write_text(
        f"(design-top)=\n# Design\n\n```{{toctree}}\n{names}\nnews/plain\n```\n", "utf-8")
    for number, (name, (body, _)) in enumerate(COMPONENTS.items(), 1):
        (src / "news" / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: 2025-01-{number:02d}\n---\n\nLede.\n\n{body}", "utf-8")
    (src / "news" / "plain.md").write_text(
        "---\ntitle: Plain\ndate: 2025-02-01\n---\n\nNo component at all.\n", "utf-8")
    return src


def test_every_component_renders_alone_as_without_the_guard(make_app, tmp_path, monkeypatch):
    """Each component type, alone on its page, is written exactly as sphinx-design
    writes it unguarded; so is a page without any (the guard's premise: there,
    the guarded transforms change nothing)."""
    import sphinx_newsroom.html.design as design

    built = {}
    for guard in (True, False):
        with monkeypatch.context() as patch:
            if not guard:
                patch.setattr(design, "COMPONENT_TRANSFORMS", frozenset())
            src = _components_site(tmp_path / str(guard))
            app = make_app("html", srcdir=src, freshenv=True)
            app.build()
            # (A second app in one process warns of re-registered nodes: only the
            # documents' warnings count.)
            assert [w for w in warnings_of(app) if "components" in w] == []
            built[guard] = {name: (Path(app.outdir) / "news" / f"{name}.html").read_text("utf-8")
                            for name in [*COMPONENTS, "plain"]}
    for name, (_, selector) in COMPONENTS.items():
        page = BeautifulSoup(built[True][name], "html.parser")
        assert page.select(selector), (name, selector)
    for name in built[True]:
        assert built[True][name] == built[False][name], name
