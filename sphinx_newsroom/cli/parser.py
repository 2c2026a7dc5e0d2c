"""The ``sphinx-newsroom`` command's arguments, and its entry point.

The parser is declared here, whole, so ``--help`` needs no subcommand's
imports and the docs render the reference from it (``docs/_ext/newsroom_cli.py``).
Exit codes: 0 when all went well, 1 when problems were found, 2 for a usage
error (argparse's own code for one).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from .console import USAGE, Console

PROG = "sphinx-newsroom"
#: Subcommand -> the module:function that runs it.
COMMANDS = {
    "new": "new:run",
    "check": "check:run",
    "hugo": "import_:run",
    "jekyll": "import_:run",
    "ablog": "import_:run",
    "preview": "preview:run",
}


def _version() -> str:
    try:
        return version("sphinx-newsroom")
    except PackageNotFoundError:
        return "unknown"


def _output_options(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("-q", "--quiet", action="count", default=default,
                       help="print only results and errors")
    group.add_argument("-v", "--verbose", action="count", default=default,
                       help="also print what is done for each file")


def _subparser(commands: argparse._SubParsersAction, name: str, help: str,
               description: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help, description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _output_options(parser, argparse.SUPPRESS)
    parser.set_defaults(command=name)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Write, check, import and preview the articles of a Sphinx newsroom.",
        epilog="Exit codes: 0 all is well, 1 problems were found, 2 the command was misused.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    _output_options(parser, 0)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    new = _subparser(
        commands, "new", "write a new article with complete front matter",
        "Write a new article: front matter with every field, dated now in the project's\n"
        "newsroom_timezone (from its conf.py), and the references heading. The file is\n"
        "named after the title (pinyin or a transliteration for Chinese, Japanese and\n"
        "Korean titles). An existing file is never overwritten. Prints the path.")
    new.add_argument("title", help="the article's title")
    new.add_argument("--tags", action="append", default=[], metavar="TAGS",
                     help="tags, separated by commas (may be repeated)")
    new.add_argument("--topics", action="append", default=[], metavar="TOPICS",
                     help="topics, separated by commas (may be repeated)")
    new.add_argument("--author", action="append", default=[], metavar="NAME",
                     help="an author (may be repeated)")
    new.add_argument("--dir", default="articles", metavar="DIR",
                     help="folder of the new file, relative to the project (default: articles)")
    new.add_argument("--date", metavar="DATE",
                     help="publication date, e.g. 2025-07-02T15:40 (default: now)")
    new.add_argument("--draft", action="store_true", help="mark the article as a draft")
    new.add_argument("--project", default=".", metavar="DIR",
                     help="the Sphinx project (the folder of conf.py, default: the current "
                          "folder or the nearest parent with a conf.py)")

    check = _subparser(
        commands, "check", "validate every article without a Sphinx build",
        "Read every article as the build reads it and report what the build would warn\n"
        "about (errors), and more (warnings and notes): front-matter types and dates,\n"
        "unknown keys with suggestions, missing featured images, undefined and unused\n"
        "footnotes, sources that do not parse, drafts and embargoes with their dates, and\n"
        "terms that collide. Exit code 1 when there is an error.")
    check.add_argument("srcdir", nargs="?", default=".", metavar="SRCDIR",
                       help="the Sphinx project's source folder (default: the current folder)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text: file:line:col: subtype: message; json: one document; "
                            "github: workflow annotations (default: text)")

    importing = commands.add_parser(
        "import", help="move a Hugo, Jekyll or ABlog site into a Sphinx project",
        description="Import a site's posts as articles: front matter to the newsroom's keys, "
                    "shortcodes and Liquid converted for good, images beside their articles, "
                    "old addresses as redirect pages.")
    _output_options(importing, argparse.SUPPRESS)
    sources = importing.add_subparsers(title="sources", metavar="SOURCE", required=True)
    for name, src_help in (
        ("hugo", "the Hugo site's root (with hugo.toml or config.toml) or its content/ folder"),
        ("jekyll", "the Jekyll site's root (with _config.yml) or the folder holding _posts/"),
        ("ablog", "the ABlog project's source folder (with its conf.py)"),
    ):
        source = _subparser(
            sources, name, f"import a {name.capitalize() if name != 'ablog' else 'ABlog'} site",
            f"Import {src_help}. DEST is a folder inside an existing Sphinx project, or a\n"
            "new project, created with its conf.py and index. A second import changes\n"
            "nothing; a file that differs is kept unless --force.")
        source.add_argument("src", metavar="SRC", help=src_help)
        source.add_argument("dest", metavar="DEST", help="where the articles go")
        source.add_argument("--dry-run", action="store_true",
                            help="report what would be written; write nothing")
        source.add_argument("--force", action="store_true",
                            help="overwrite files that differ from what the import writes")

    preview = _subparser(
        commands, "preview", "serve the site with drafts, rebuilt on every change",
        "Build the site with drafts and embargoed articles shown, into an output folder\n"
        "of its own (never the production one), and serve it on 127.0.0.1, rebuilding\n"
        "on every change. Needs sphinx-autobuild (pip install sphinx-autobuild).")
    preview.add_argument("srcdir", nargs="?", default=".", metavar="SRCDIR",
                         help="the Sphinx project's source folder (default: the current folder)")
    preview.add_argument("--port", type=int, default=8000,
                         help="the port on 127.0.0.1 (default: 8000)")
    preview.add_argument("--out", metavar="DIR",
                         help="output folder (default: SRCDIR/_build/preview)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        # --help and --version exit 0; a usage error exits 2.
        return int(stop.code or 0) if isinstance(stop.code, int | None) else USAGE
    console = Console(args.quiet, args.verbose)
    module, function = COMMANDS[args.command].split(":")
    run = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    try:
        return int(run(args, console))
    except KeyboardInterrupt:
        console.error("interrupted")
        return 130

