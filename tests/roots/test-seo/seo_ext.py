"""Registers the SEO module until the package setup does it itself."""


def setup(app):
    from sphinx_newsroom.html.seo import setup_seo

    setup_seo(app)
    setup_seo(app)  # idempotent: no second set of tags
    return {"parallel_read_safe": True, "parallel_write_safe": True}
