"""Pure source-to-MyST conversions: Hugo shortcodes, Jekyll Liquid, Pandoc syntax.

Shared by the build (``read/source.py`` at ``source-read``) and a command-line
importer: standard library and ``model/`` only, no Sphinx, no docutils.
"""
