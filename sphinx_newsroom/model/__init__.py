"""Pure model of an article: front matter, dates, headings, terms (no Sphinx, no docutils)."""
