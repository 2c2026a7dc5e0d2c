"""Citations, pure: the model, the footnote parser, dedupe keys, styles, export."""
