"""HTML output: visitors, term and archive pages, feeds, social metadata, exports."""
