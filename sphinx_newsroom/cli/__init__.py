"""``sphinx-newsroom``: new, check, import and preview, on the command line.

Each subcommand is one module; ``parser.py`` declares them all and imports a
subcommand's module only when it runs, so ``--help`` stays fast. The reading
of articles is the build's own (``model/``, ``citations/``, ``compat/``):
there is no second implementation of front matter here.
"""
