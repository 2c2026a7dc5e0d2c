"""LaTeX output: visitors, the style file, sources as endnotes."""
