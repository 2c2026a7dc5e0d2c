"""``sphinx-newsroom check``: every article read as the build reads it, without a build.

The reading is the build's own: ``read_front_matter``, ``is_article`` and
``normalise`` (``model/``), ``convert`` (``compat/``), ``lift_headings``, the
featured-image rule (``model/images``), the footnote reader (``model/body``, then
``citations.notes.read_footnote``: notes and sources as the build tells them) and the
bibliography's collision rule (``citations/``). What the build warns about is
an *error* here, with the build's own subtype and message, so ``check`` and
``sphinx-build -W`` fail on the same files. Warnings and notes are what only
``check`` tells: unknown keys, sources that do not parse, term spellings that
collide (warnings); drafts, embargoes and sources kept as written (notes).
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import datetime as dt
import difflib
import json
import posixpath
from collections import Counter, defaultdict
from pathlib import Path

from sphinx.util.matching import Matcher

from .. import clock
from ..citations.bibliography import collect
from ..citations.notes import KINDS, read_footnote
from ..citations.override import apply_fields, parse_fields
from ..citations.pandoc_keys import PANDOC_KEYS
from ..compat.convert import FAMILIES, Context, convert
from ..domain import article_order, is_public
from ..model.article import (
    NOT_AN_ARTICLE,
    Article,
    Fields,
    Source,
    has_article_keys,
    is_article,
    normalise,
)
from ..model.body import Body, read_body
from ..model.frontmatter import RawFrontMatter, read_front_matter
from ..model.headings import lift_headings
from ..model.html_policy import removed_by_policy
from ..model.images import featured_image
from ..model.taxonomy import Term, collect_terms
from ..model.terms import slugify
from ..read.mystmeta import MYST_KEYS
from ..read.source import ABLOG_POST_DIRECTIVE
from ..warnings_ import NewsroomWarning
from .console import OK, PROBLEMS, USAGE, Console
from .project import ConfError, Project, find_conf, load

ERROR, WARNING, NOTE = "error", "warning", "note"
#: Front-matter keys the extension, MyST or Sphinx read, besides the configured fields.
KNOWN_KEYS = frozenset({
    "article", "language", "translation_key", "translations", "canonical_url", "access",
    "corrections", "updates", "excerpt_separator", "blogpost",
    # The footnote kinds.
    "footnotes",
    # Sphinx's file-wide metadata.
    "orphan", "nosearch", "tocdepth", "nocomments",
}) | MYST_KEYS | PANDOC_KEYS  # Pandoc's citation keys (read/bibliography_files.py)
#: Sphinx's own warning for a footnote nothing cites (``UnreferencedFootnotesDetector``).
FOOTNOTE = "ref.footnote"


@dc.dataclass(frozen=True, slots=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    subtype: str
    severity: str
    message: str

    def text(self) -> str:
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.column}: {self.subtype}: {label}{self.message}"

    def github(self) -> str:
        kind = {ERROR: "error", WARNING: "warning", NOTE: "notice"}[self.severity]
        return (f"::{kind} file={_property(self.path)},line={self.line},col={self.column},"
                f"title={_property(self.subtype)}::{_data(self.message)}")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _subtype(kind: NewsroomWarning) -> str:
    return f"newsroom.{kind.value}"


@dc.dataclass
class Reader:
    """Reads one project's articles; collects findings and the ``Article`` records."""

    project: Project
    display: str
    findings: list[Finding] = dc.field(default_factory=list)
    articles: list[Article] = dc.field(default_factory=list)
    now: dt.datetime = dc.field(default_factory=clock.now)
    #: (docname, taxonomy) -> the line of the taxonomy's first key in the front matter.
    term_lines: dict[tuple[str, str], int] = dc.field(default_factory=dict)

    def add(self, docname: str, line: int | None, subtype: str, severity: str, message: str,
            column: int = 1) -> None:
        path = posixpath.join(self.display, self.paths[docname]) if self.display else \
            self.paths[docname]
        self.findings.append(Finding(path, line or 1, column, subtype, severity, message))

    def read_all(self, console: Console) -> int:
        documents = self.project.documents()
        self.paths = {docname: path.relative_to(self.project.srcdir).as_posix()
                      for docname, path in documents}
        self.docnames = frozenset(self.paths)
        patterns = Matcher(self.project.settings.newsroom_article_patterns)
        for docname, path in console.progress(documents, len(documents), "checking"):
            if patterns(docname):
                self.read(docname, path)
        self.site()
        return len(documents)

    def read(self, docname: str, path: Path) -> None:
        settings = self.project.settings
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.add(docname, 1, _subtype(NewsroomWarning.FRONTMATTER), ERROR,
                     f"the file is not UTF-8 (byte {error.start}); Sphinx replaces what it "
                     "cannot decode")
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        front_matter = read_front_matter(text)
        if not front_matter.kind:
            return
        for problem in front_matter.problems:
            self.add(docname, problem.line, _subtype(problem.subtype), ERROR, problem.message)
        if front_matter.problems and not front_matter.data:
            return
        if not is_article(front_matter, settings.fields, settings.newsroom_date_sources,
                          docname):
            if has_article_keys(front_matter, settings.fields, settings.taxonomies):
                self.add(docname, 1, _subtype(NewsroomWarning.ARTICLE), ERROR, NOT_AN_ARTICLE)
            return
        if self._claimed_by_ablog(front_matter, text):
            return
        fields, problems = normalise(
            front_matter, settings.fields, settings.taxonomies, settings.tz,
            settings.newsroom_term_aliases, settings.newsroom_date_sources, docname)
        for problem in problems:
            self.add(docname, problem.line, _subtype(problem.subtype), ERROR, problem.message)
        self._unknown_keys(docname, front_matter)
        for taxonomy, keys in settings.taxonomies.items():
            present = [key for key in keys if key in front_matter.data]
            if present:
                self.term_lines[(docname, taxonomy)] = front_matter.line_of(present[0])
        body_text, trusted = self._convert(docname, text, front_matter)
        lifted, needs_title = lift_headings(
            body_text, front_matter.span, settings.newsroom_references_titles,
            settings.myst_extensions, fields.title)
        lines = lifted.split("\n")
        blanked = "\n".join([""] * front_matter.span + lines[front_matter.span:])
        body = read_body(blanked)
        title = fields.title or self._fallback_title(docname, fields, body)
        self._image(docname, fields)
        sources = self._footnotes(docname, body, needs_title, text.split("\n"),
                                  fields.footnotes or settings.newsroom_footnotes)
        if not settings.newsroom_raw_html:
            self._raw_html(docname, blanked, trusted)
        self._visibility(docname, fields)
        self.articles.append(Article(
            docname=docname, title=title, date=fields.date, updated=fields.updated,
            draft=fields.draft, terms=fields.terms, sources=sources))

    def _claimed_by_ablog(self, front_matter: RawFrontMatter, text: str) -> bool:
        extensions = self.project.namespace.get("extensions") or ()
        if "ablog" not in extensions or isinstance(front_matter.data.get("article"), bool):
            return False
        return "blogpost" in front_matter.data or bool(ABLOG_POST_DIRECTIVE.search(text))

    def _unknown_keys(self, docname: str, front_matter: RawFrontMatter) -> None:
        settings = self.project.settings
        known = set(KNOWN_KEYS) | {key for keys in settings.fields.values() for key in keys}
        known |= {key for keys in settings.taxonomies.values() for key in keys}
        known |= {s for s in settings.newsroom_date_sources if not s.startswith(":")}
        for key in front_matter.data:
            if key in known:
                continue
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
            hint = f"; did you mean {close[0]!r}?" if close else " (the newsroom ignores it)"
            self.add(docname, front_matter.line_of(key), _subtype(NewsroomWarning.FIELD), WARNING,
                     f"unknown front-matter key {key!r}{hint}")

    def _convert(self, docname: str, text: str,
                 front_matter: RawFrontMatter) -> tuple[str, frozenset[str]]:
        """The body's Hugo, Liquid and Pandoc syntax as the build converts it."""
        settings = self.project.settings
        setting = settings.newsroom_shortcodes
        families = FAMILIES if setting is True else tuple(setting or ())
        if not families:
            return text, frozenset()
        lines = text.split("\n")
        head, body = lines[:front_matter.span], "\n".join(lines[front_matter.span:])
        context = Context(
            docname=docname, docnames=self.docnames,
            source_path=lambda name: self.paths.get(name, name + ".md"),
            front_matter=front_matter.data, site_url=settings.site_url, families=families,
            attrs_block="attrs_block" in settings.myst_extensions,
            attrs_inline="attrs_inline" in settings.myst_extensions,
            first_line=front_matter.span + 1)
        converted = convert(body, context)
        for problem in converted.problems:
            self.add(docname, problem.line, _subtype(problem.subtype), ERROR, problem.message)
        return "\n".join([*head, converted.text]), frozenset(converted.trusted_html)

    def _fallback_title(self, docname: str, fields: Fields, body: Body) -> str:
        heading = next((h.text.strip() for h in body.headings if h.text.strip()), "")
        fallback, source = ((heading, "its first heading") if heading
                            else (posixpath.basename(docname), "its file name"))
        self.add(docname, fields.line_of("title"), _subtype(NewsroomWarning.TITLE), ERROR,
                 f"article has no title; using {source}: {fallback!r}")
        return fallback

    def _image(self, docname: str, fields: Fields) -> None:
        doc_dir = posixpath.dirname(self.paths[docname])
        _, problem = featured_image(fields.image, doc_dir, self.project.srcdir)
        if problem:
            self.add(docname, fields.line_of("image"), _subtype(NewsroomWarning.IMAGE), ERROR,
                     problem)

    def _footnotes(self, docname: str, body: Body, needs_title: bool,
                   source_lines: list[str], mode: str) -> tuple[Source, ...]:
        settings = self.project.settings
        titles = settings.newsroom_references_titles
        defined: dict[str, int] = {}
        for definition in body.definitions:
            if definition.label in defined:
                self.add(docname, definition.line, FOOTNOTE, ERROR,
                         f"Duplicate footnote definition found for label: '{definition.label}'")
            else:
                defined[definition.label] = definition.line
        cited = Counter(reference.label for reference in body.references)
        for reference in body.references:
            if reference.label not in defined:
                line = source_lines[reference.line - 1] if reference.line <= len(
                    source_lines) else ""
                at = line.find(f"[^{reference.label}]")
                self.add(docname, reference.line, _subtype(NewsroomWarning.CITATION), ERROR,
                         f"footnote [^{reference.label}] is cited but never defined",
                         at + 1 if at >= 0 else reference.column)
        wanted = {t.strip().casefold() for t in titles}
        has_references = any(h.text.strip().casefold() in wanted for h in body.headings)
        listed = body.references_heading(needs_title, titles)
        sources = []
        seen = set()
        for definition in body.definitions:
            if definition.label in seen:
                continue
            seen.add(definition.label)
            # The build's reading (read/footnotes.py): declared, the article's mode, classified.
            declared = definition.declared if definition.declared in KINDS else None
            # The cite-source role's fields make the footnote a source, as in the build.
            fields, problems = (parse_fields(definition.fields) if definition.fields is not None
                                else ((), []))
            for problem in problems:
                self.add(docname, definition.line, _subtype(NewsroomWarning.CITATION), ERROR,
                         f"cite-source: {problem}; the field is left as parsed")
            if fields and declared is None:
                declared = "source"
            reading = read_footnote(definition.written, declared, mode)
            if fields and reading.citation is not None:
                reading = reading._replace(citation=apply_fields(reading.citation, fields))
            if not cited[definition.label] and not has_references and reading.kind != "source":
                # Sphinx names a numbered footnote; a named one ([^aside]) is auto-numbered.
                shown = definition.label if definition.label.isdigit() else "#"
                self.add(docname, definition.line, FOOTNOTE, ERROR,
                         f"Footnote [{shown}] is not referenced.")
            where = (definition.label, definition.label, f"fn-{definition.label}",
                     definition.line)
            if reading.citation is None:
                sources += [Source(*where, document, bool(cited[definition.label]), whole=False)
                            for document in reading.documents]
                continue
            if (not reading.citation.structured and listed is not None
                    and definition.line > listed.line):
                self.add(docname, definition.line, _subtype(NewsroomWarning.CITATION), NOTE,
                         f"source [^{definition.label}] is kept as written: it has no date, "
                         "URL or accessed date to read it by")
            sources.append(Source(*where, reading.citation, bool(cited[definition.label])))
        return tuple(sources)

    def _raw_html(self, docname: str, text: str, trusted: frozenset[str]) -> None:
        """What the sanitizer removes from the body's raw HTML, named as the build names it."""
        removed: list[str] = []
        first = 0
        for fragment, line in html_fragments(text):
            if fragment.strip() in trusted:
                continue
            found = removed_by_policy(fragment)
            if found and not first:
                first = line
            removed += [what for what in found if what not in removed]
        if removed:
            self.add(docname, first, _subtype(NewsroomWarning.HTML), ERROR,
                     f"raw HTML removed by the sanitizer: {', '.join(removed)} "
                     "(set newsroom_raw_html = True to trust the article's HTML)")

    def _visibility(self, docname: str, fields: Fields) -> None:
        if fields.draft:
            dated = f", dated {fields.date.isoformat()}" if fields.date else ""
            self.add(docname, fields.line_of("draft"), _subtype(NewsroomWarning.DRAFT), NOTE,
                     f"draft{dated}: left out of the site until the draft flag is off")
        elif fields.date is not None and fields.date > self.now:
            self.add(docname, fields.line_of("date"), _subtype(NewsroomWarning.DRAFT), NOTE,
                     f"embargoed until {fields.date.isoformat()}: published by the first build "
                     "after then")

    def site(self) -> None:
        """What only the whole site shows: colliding sources and colliding terms."""
        settings = self.project.settings
        public = [a for a in self.articles
                  if settings.newsroom_show_drafts or is_public(a, self.now)]
        for collision in collect(public)[1]:
            other = collision.other
            self.add(collision.docname, other.line, _subtype(NewsroomWarning.CITATION), ERROR,
                     f"footnote [^{other.label}] and [^{collision.first.label}] of "
                     f"{collision.first_docname} share the key {collision.key!r} but differ: "
                     f"{other.citation.title or other.citation.raw!r} vs "
                     f"{collision.first.citation.title or collision.first.citation.raw!r}")
        self._terms(public)

    def _terms(self, articles: list[Article]) -> None:
        """Spellings the build merges into one term (its warning), and page names that clash."""
        settings = self.project.settings
        ordered = sorted(articles, key=article_order)
        for taxonomy, terms in collect_terms(ordered, settings.taxonomies,
                                             set(self.docnames)).items():
            for term in terms.values():
                if term.merged:
                    spellings = ", ".join(repr(s) for s in term.merged)
                    docname = term.docnames[-1]
                    self.add(docname, self.term_lines.get((docname, taxonomy)),
                             _subtype(NewsroomWarning.TERM), ERROR,
                             f"{taxonomy} {spellings} are one term with one page ({term.page}), "
                             f"shown as {term.name!r}")
            sharing: dict[str, list[Term]] = defaultdict(list)
            for term in terms.values():
                sharing[slugify(term.key).casefold()].append(term)
            for clashing in sharing.values():
                if len(clashing) < 2:
                    continue
                docname = clashing[-1].docnames[-1]
                self.add(docname, self.term_lines.get((docname, taxonomy)),
                         _subtype(NewsroomWarning.TERM), WARNING,
                         f"{taxonomy} {' and '.join(repr(t.name) for t in clashing)} are "
                         "different terms whose page names clash; their pages are "
                         f"{', '.join(t.page for t in clashing)}")


def html_fragments(text: str) -> list[tuple[str, int]]:
    """(raw HTML, line) of each HTML block and each paragraph's inline HTML, in order."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    fragments = []
    depth = 0
    for token in md.parse(text):
        if token.type == "footnote_reference_open":
            depth += 1
        elif token.type == "footnote_reference_close":
            depth -= 1
        elif depth:
            continue
        elif token.type == "html_block" and token.map is not None:
            fragments.append((token.content, token.map[0] + 1))
        elif token.type == "inline" and token.map is not None and any(
                child.type == "html_inline" for child in token.children or []):
            parts = [child.content for child in token.children or []
                     if child.type == "html_inline"]
            fragments.append(("".join(parts), token.map[0] + 1))
    return fragments


def run(args: argparse.Namespace, console: Console) -> int:
    srcdir = Path(args.srcdir)
    if not srcdir.is_dir():
        console.error(f"{srcdir}: no such folder")
        return USAGE
    if find_conf(srcdir) != srcdir.resolve():
        console.error(f"{srcdir}: no conf.py here: give the Sphinx project's source folder")
        return USAGE
    try:
        project = load(srcdir)
    except ConfError as error:
        console.error(str(error))
        return PROBLEMS
    display = "" if srcdir.resolve() == Path.cwd().resolve() else srcdir.as_posix()
    reader = Reader(project, display)
    for problem in project.settings.problems:
        reader.findings.append(Finding(posixpath.join(display, "conf.py") if display
                                       else "conf.py", 1, 1, _subtype(problem.subtype),
                                       ERROR, problem.message))
    count = reader.read_all(console)
    findings = sorted(set(reader.findings), key=lambda f: (f.path, f.line, f.column,
                                                           f.subtype, f.message))
    errors = sum(f.severity == ERROR for f in findings)
    if args.format == "json":
        console.result(json.dumps({
            "documents": count, "articles": len(reader.articles),
            "errors": errors,
            "warnings": sum(f.severity == WARNING for f in findings),
            "notes": sum(f.severity == NOTE for f in findings),
            "problems": [dc.asdict(f) for f in findings]}, ensure_ascii=False, indent=2))
        return PROBLEMS if errors else OK
    for finding in findings:
        if finding.severity == ERROR or not console.quiet:
            console.result(finding.github() if args.format == "github" else finding.text())
    counts = Counter(f.severity for f in findings)
    console.note(f"{len(reader.articles)} articles in {count} documents: "
                 f"{_plural(counts[ERROR], 'error')}, {_plural(counts[WARNING], 'warning')}, "
                 f"{_plural(counts[NOTE], 'note')}")
    return PROBLEMS if errors else OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
