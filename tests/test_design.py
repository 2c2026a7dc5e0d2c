"""sphinx-design components in articles, and the pages that skip its transforms."""

from __future__ import annotations

import pytest
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
