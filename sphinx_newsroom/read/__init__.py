"""Read phase: front matter to ``Article``, and the article's doctree structure."""
