"""Text for a terminal or a log, in three forms.

`full` (format `full`) groups the findings the way a reader acts on them: per service (its file, id, verdict and
counts in one header line), and inside it per fact (the descriptor value at one place), with the rules that fact
breaks beneath it: severity, id, whom it binds and the message. Four rules that reject the same 'US' in
`hosting.support_access_locations` are one fact with four rules, not four near-identical lines.

`render` (format `text`, the default) is the same view cut to what a reader must act on, so that a run over a
portfolio fits a screen: only the services with a binding failure or an input error, only the facts that carry one,
and beneath each fact one line per severity and binding with the rule ids on it, without the messages (an input
error keeps its message: no rule page explains what is wrong in this file). Advice is counted, in the headers, the
summary and one line that says how much is not shown; nothing is dropped without a word.

`concise` (format `concise`) is the flat form for editors and grep, one finding a line: location first, then
severity id, rule id, message and the rule's docs.

All end with the same summary: services that fail, pass or could not be checked, then the rule checks.
Lines are at most 80 columns where the input allows (a long file name or rule id is never cut).
"""

from __future__ import annotations

import io
import os
import stat
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from checker.gate import exit_code
from checker.i18n import plural, text
from checker.model import Enforcement, Finding, Location, Report, Status
from checker.reporters.common import (
    describe_deviation,
    effect,
    ignored_line,
    server_line,
    severity_word,
    skipped_reason,
    skipped_summary,
    threshold,
    visible,
)

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}
_VERDICT_STYLE = {"failed": "bold red", "unchecked": "bold magenta", "passed": "green"}
WIDTH = 80
# a value shown beside its path is the descriptor's own text at the finding's location, cut to this length
_VALUE_MAX = 60
# descriptors are small; a file beyond this is not read again for its values
_READ_MAX = 10 * 1024 * 1024

# A line is a list of (text, style) pieces: the plain output joins the texts, the coloured one styles them, so the
# coloured output without its colours is the plain output by construction.
Line = list[tuple[str, str]]


def shown(finding: Finding, report: Report, quiet: bool = False) -> bool:
    """A failure or an input error; with --quiet only what fails the run (input errors included)."""
    if quiet:
        return effect(finding, report) in ("error", "mandatory") if finding.status in (Status.FAIL, Status.ERROR) else False
    return finding.status in (Status.FAIL, Status.ERROR)


# -- the grouped view ---------------------------------------------------------------------------------------------

@dataclass
class _Fact:
    location: Location
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Service:
    file: str
    service: str | None
    facts: dict[tuple[Any, ...], _Fact] = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        return [f for fact in self.facts.values() for f in fact.findings]


def services(report: Report, quiet: bool = False) -> list[_Service]:
    """The shown findings per service (per file for findings of no service), each per fact, in the report's order."""
    groups: dict[tuple[str, int, str | None], _Service] = {}
    for finding in report.findings:
        if not shown(finding, report, quiet):
            continue
        location = finding.location
        group = groups.setdefault((location.file, location.document, finding.service), _Service(location.file, finding.service))
        group.facts.setdefault((location.json_path, location.line, location.column), _Fact(location)).findings.append(finding)
    return list(groups.values())


def verdict(findings: Iterable[Finding], report: Report) -> str:
    kinds = {effect(f, report) for f in findings}
    return "unchecked" if "error" in kinds else "failed" if "mandatory" in kinds else "passed"


def service_counts(report: Report) -> dict[str, int]:
    """How many services fail, pass or could not be checked; a file with an input error and no service counts once."""
    unchecked = {f.service or f"{f.location.file}#{f.location.document}" for f in report.errors}
    failed = {f.service for f in report.failing() if f.service} - unchecked
    passed = set(report.services) - failed - unchecked
    return {"failed": len(failed), "passed": len(passed), "unchecked": len(unchecked)}


def _path(location: Location) -> str:
    """A JSON path as a reader writes it: hosting.support_access_locations[2]."""
    out = ""
    for step in location.json_path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class _Sources:
    """The descriptors' text, read once per render, for the value at a finding's location (as ruff shows source)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}

    def value(self, location: Location) -> str | None:
        if not location.end_line or location.end_line != location.line or not location.end_column:
            return None  # a mapping or a list over several lines: the path says enough
        lines = self._read(location.file)
        if lines is None or not 0 < location.line <= len(lines):
            return None
        value = lines[location.line - 1][location.column - 1:location.end_column - 1].strip()
        if len(value) > _VALUE_MAX:
            value = value[:_VALUE_MAX - 1] + "…"
        return value or None

    def _read(self, file: str) -> list[str] | None:
        if file not in self._lines:
            try:
                info = os.stat(file)
                # only a regular file of a descriptor's size: never a pipe or device a finding may name
                if not stat.S_ISREG(info.st_mode) or info.st_size > _READ_MAX:
                    raise OSError("not a descriptor file")
                with open(file, encoding="utf-8", errors="replace") as handle:
                    self._lines[file] = handle.read().splitlines()
            except (OSError, ValueError):
                self._lines[file] = None
        return self._lines[file]


def _header(group: _Service, report: Report, fit: bool = False) -> list[Line]:
    """The service's header: file, id, verdict and counts on one line; with `fit`, on two when that passes WIDTH
    (the file and the id first, as far as they fit, the rest beneath, indented), never a name cut."""
    lang = report.lang
    findings = group.findings()
    state = verdict(findings, report)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[effect(finding, report)] = counts.get(effect(finding, report), 0) + 1
    parts = [text(lang, "views.count.error", count=counts["error"], errors_word=plural(lang, "text.plural.error", counts["error"]))
             if key == "error" else text(lang, f"views.count.{key}", count=counts[key])
             for key in ("error", "mandatory", "below", "advisory") if counts.get(key)]
    file, service = visible(group.file), visible(group.service) if group.service else ""
    verdict_pieces: Line = [(text(lang, f"views.{state}"), _VERDICT_STYLE[state]), (": " + ", ".join(parts), "")]
    name = file + (f"  {service}" if service else "")
    if not fit or len(name) + 2 + sum(len(piece) for piece, _ in verdict_pieces) <= WIDTH:
        return [[(name + "  ", "bold"), *verdict_pieces]]
    if service and len(name) > WIDTH:  # the id goes down with the verdict
        return [[(file, "bold")], [("  " + service + "  ", "bold"), *verdict_pieces]]
    return [[(name, "bold")], [("  ", ""), *verdict_pieces]]


def _fact_line(fact: _Fact, sources: _Sources) -> Line:
    location = fact.location
    where = f"  {location.line}:{location.column}"
    path = _path(location)
    value = sources.value(location)
    what = path + (f": {value}" if value is not None and path else value or "")
    return [(where, "dim"), (f"  {visible(what)}" if what else "", "bold")]


def _wrapped(words: str, indent: int, style: str, whole: str = "") -> list[Line]:
    """A paragraph wrapped to WIDTH at `indent`, `whole` (the source and waiver notes) never split over two lines; a
    continuation line cannot start a runner command either. Input is visible text here, so it holds no NUL."""
    paragraph = words + (" " + whole.strip().replace(" ", "\0") if whole.strip() else "")
    pieces = textwrap.wrap(paragraph, width=max(WIDTH - indent, 20), break_long_words=False, break_on_hyphens=False) or [""]
    return [[(" " * indent + visible(piece.replace("\0", " ")), style)] for piece in pieces]


def _note(finding: Finding, lang: str) -> str:
    footing = finding.sources[0].status if finding.sources else "verified"
    note = f" [{text(lang, 'text.' + footing)}]" if footing in ("secondary", "memory") else ""
    return visible(note + _expired(finding, lang))


def _expired(finding: Finding, lang: str) -> str:
    """' [risicoacceptatie RA-1 verlopen sinds 2026-11-01]' for a failure whose waiver expired, else ''."""
    if finding.waiver and finding.waiver.get("status") == "expired":
        return f" [{text(lang, 'text.expired', ref=finding.waiver['decision_ref'], date=finding.waiver['expires'])}]"
    return ""


_RULE_INDENT = 4
_SEVERITY_WIDTH = 9  # 'kritiek', 'critical', 'middel' and a space


def _rule_lines(finding: Finding, report: Report, id_width: int) -> list[Line]:
    lang = report.lang
    what = effect(finding, report)
    severity = text(lang, "text.error") if what == "error" else severity_word(finding.severity, lang)
    style = "bold red" if what == "error" else _STYLE.get(finding.severity.value, "")
    binds = "" if what == "error" else text(lang, f"views.{what}")
    rule_id = visible(finding.rule_id)
    head: Line = [(" " * _RULE_INDENT, ""), (severity.ljust(_SEVERITY_WIDTH - 1) + " ", style),
                  (rule_id.ljust(id_width) if binds else rule_id, "bold"), (f"  {binds}" if binds else "", "")]
    # the rule's page is one `cloudbeleid explain ID` away (the summary says so); the concise form names it per line
    return [head, *_wrapped(visible(finding.message.get(lang)), _RULE_INDENT + _SEVERITY_WIDTH, "", _note(finding, lang))]


_ORDER = {"error": 0, "mandatory": 1, "below": 2, "advisory": 3}


def _ordered(findings: Iterable[Finding], report: Report) -> list[Finding]:
    return sorted(findings, key=lambda f: (_ORDER[effect(f, report)], f.severity.rank, f.rule_id))


def _facts(group: _Service) -> list[_Fact]:
    return sorted(group.facts.values(), key=lambda f: (f.location.line, f.location.column))


def full(report: Report, quiet: bool = False) -> list[Line]:
    """Every shown finding with its message (format `full`)."""
    sources = _Sources()
    lines: list[Line] = []
    for group in services(report, quiet):
        if lines:
            lines.append([])
        lines += _header(group, report)
        for fact in _facts(group):
            lines.append(_fact_line(fact, sources))
            ordered = _ordered(fact.findings, report)
            id_width = max(len(visible(f.rule_id)) for f in ordered)
            for finding in ordered:
                lines += _rule_lines(finding, report, id_width)
    return lines


def _binds(finding: Finding, report: Report) -> bool:
    """What the short view lists: a failure that binds (at, or below, the threshold) and an input error."""
    return effect(finding, report) != "advisory"


def _ids(findings: list[Finding]) -> list[str]:
    """The rule ids of one line of the short view, sorted, each once: 'ID ×2' for a rule failing twice at one fact."""
    counted: dict[str, int] = {}
    for finding in findings:
        rule_id = visible(finding.rule_id)
        counted[rule_id] = counted.get(rule_id, 0) + 1
    return [rule_id + (f" ×{n}" if n > 1 else "") for rule_id, n in sorted(counted.items())]


def _packed(items: list[str], width: int) -> list[str]:
    """`items` joined by ', ' into lines of at most `width` where each fits; an item is never split."""
    rows: list[str] = []
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if rows and len(rows[-1]) + 1 + len(piece) <= width:
            rows[-1] += " " + piece
        else:
            rows.append(piece)
    return rows


def _group_lines(fact: _Fact, report: Report) -> list[Line]:
    """Beneath a fact in the short view: per (binding, severity) one line with the rule ids, wrapped under the ids, and
    beneath it each of those rules whose waiver expired, with the waiver. An input error keeps its message."""
    lang = report.lang
    groups: dict[tuple[str, Any], list[Finding]] = {}
    errors: list[Finding] = []
    for finding in _ordered((f for f in fact.findings if _binds(f, report)), report):
        what = effect(finding, report)
        if what == "error":
            errors.append(finding)
        else:
            groups.setdefault((what, finding.severity), []).append(finding)
    lines: list[Line] = []
    if errors:
        id_width = max(len(visible(f.rule_id)) for f in errors)
        for finding in errors:
            lines += _rule_lines(finding, report, id_width)
    binds_width = max((len(text(lang, f"views.{what}")) for what, _ in groups), default=0)
    for (what, severity), findings in groups.items():
        indent = _RULE_INDENT + _SEVERITY_WIDTH + binds_width + 2
        rows = _packed(_ids(findings), max(WIDTH - indent, 20))
        lines.append([(" " * _RULE_INDENT, ""), (severity_word(severity, lang).ljust(_SEVERITY_WIDTH - 1) + " ", _STYLE.get(severity.value, "")),
                      (text(lang, f"views.{what}").ljust(binds_width) + "  ", ""), (rows[0], "bold")])
        lines += [[(" " * indent + row, "bold")] for row in rows[1:]]
        # a waiver that expired is why a failure is back: said beneath the ids, as the full view says it
        for finding in findings:
            if _expired(finding, lang):
                lines += _wrapped(visible(finding.rule_id), indent, "", visible(_expired(finding, lang)))
    return lines


def short(report: Report, quiet: bool = False) -> list[Line]:
    """The default view: the services with a binding failure or an input error, the facts that carry one, and
    beneath each fact its rules by severity and binding (format `text`)."""
    sources = _Sources()
    lines: list[Line] = []
    for group in services(report, quiet):
        facts = [fact for fact in _facts(group) if any(_binds(f, report) for f in fact.findings)]
        if not facts:
            continue
        lines += _header(group, report, fit=True)  # no blank line between services: the header at column 0 parts them
        for fact in facts:
            lines.append(_fact_line(fact, sources))
            lines += _group_lines(fact, report)
    return lines


def hidden(report: Report) -> str | None:
    """The line that says how much advice the short view does not list, or None when it lists it all (there is none)."""
    advice = [f for f in report.findings if shown(f, report) and effect(f, report) == "advisory"]
    if not advice:
        return None
    lang = report.lang
    where = {f.service or f"{f.location.file}#{f.location.document}" for f in advice}
    return text(lang, "views.hidden", count=len(advice), findings_word=plural(lang, "views.plural.advice", len(advice)),
                services=len(where), services_word=plural(lang, "text.plural.service", len(where)))


# -- the concise view ----------------------------------------------------------------------------------------------

def _concise_line(finding: Finding, lang: str) -> Line:
    severity = text(lang, "text.error") if finding.status is Status.ERROR else finding.severity.value
    tag = f" [{text(lang, 'text.advisory')}]" if finding.enforcement is Enforcement.ADVISORY else ""
    docs = visible(f" ({finding.docs})") if finding.docs else ""
    location, rule_id, message = visible(finding.location), visible(finding.rule_id), visible(finding.message.get(lang))
    style = "bold red" if finding.status is Status.ERROR else _STYLE[finding.severity.value]
    return [(f"{location}: ", ""), (severity, style), (" ", ""), (rule_id, "bold"), (f"{tag} {message}", ""),
            (f"{_note(finding, lang)}{docs}", "dim")]


# -- the summary both views end with ---------------------------------------------------------------------------------

def summary(report: Report, quiet: bool = False, fit: bool = False) -> list[str]:
    """The counts, the run's facts and the verdict; with --quiet the verdict alone. `fit`: wrapped at WIDTH (the
    short view's screen), else a line each (the full and concise forms, as grep and logs have read them)."""
    lang = report.lang
    state = {0: "ok", 1: "failed", 2: "unchecked"}[int(exit_code(report))]
    verdict = text(lang, "text.gate", fail_on=threshold(report, lang), gating=len(report.failing()), verdict=text(lang, f"text.{state}"))
    if quiet:  # the rules --select/--ignore left out are never silent
        return _fit(([ignored_line(report, lang)] if report.ignored_rules else []) + [verdict], fit)
    counts = report.counts()
    advisory = sum(1 for f in report.findings if f.status is Status.FAIL and f.enforcement is not Enforcement.MANDATORY)
    lines = [text(lang, "views.services", **service_counts(report)), text(lang, "text.summary",
        services=len(report.services), files=len(report.files), as_of=report.as_of,
        failing=counts["fail"] - advisory, advisory=advisory, passed=counts["pass"],
        na=counts["not-applicable"], errors=counts["error"],
        services_word=plural(lang, "text.plural.service", len(report.services)),
        files_word=plural(lang, "text.plural.file", len(report.files)), errors_word=plural(lang, "text.plural.error", counts["error"]),
    )]
    if report.waivers:
        counts_by = {k: sum(1 for w in report.waivers if w["status"] == k) for k in ("active", "expiring", "expired", "unused", "invalid")}
        soon = [f"{w['rule']} {w['service']} ({w['expires']})" for w in report.waivers if w["status"] == "expiring"]
        lines.append(text(lang, "text.waivers", soon=f" ({'; '.join(soon)})" if soon else "", **counts_by))
    if report.baselined:
        lines.append(text(lang, "text.baselined", count=report.baselined))
    lines += run_facts(report, lang)
    lines.append(verdict)
    return _fit(lines, fit)


def _fit(lines: list[str], wrap: bool = True) -> list[str]:
    """Each line made visible and (`wrap`) wrapped at WIDTH between words, its continuation indented, each piece
    made visible again: whatever a field holds, no line carries a control character or starts a workflow command."""
    out: list[str] = []
    for line in map(visible, lines):  # escaped first: wrapping reads a newline or tab in a field as a space
        pieces = textwrap.wrap(line, WIDTH, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False) if wrap and len(line) > WIDTH else [line]
        out += [visible(piece) for piece in pieces or [""]]
    return out


def run_facts(report: Report, lang: str) -> list[str]:
    """The run's own facts a reader must see: the OPA server asked, deviations from the reference data, skipped files."""
    facts = [line for line in (server_line(report, lang),) if line]
    facts += [f"{text(lang, 'run.deviation_title')}: {describe_deviation(d, lang)}" for d in report.reference_deviations]
    if report.ignored_rules:  # a long list of ids wraps between them
        facts += textwrap.wrap(ignored_line(report, lang), WIDTH, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
    skipped = skipped_summary(report, lang)
    if skipped:
        facts.append(skipped)
        facts += [f"  {entry.get('file', '?')}: {skipped_reason(entry, lang)}" for entry in report.skipped]
    return facts


def _write(lines: list[Line], colour: bool) -> str:
    if not colour:
        return "".join("".join(piece for piece, _ in line) + "\n" for line in lines)
    # rich only for a terminal: it costs start-up time a pre-commit hook or a pipeline does not need
    from rich.console import Console
    from rich.text import Text

    # the lines are rich Text objects, never markup: no '[bold]', '[link=...]' or ':warning:' in input is read as such
    console = Console(file=io.StringIO(), force_terminal=True, highlight=False, soft_wrap=True, width=200, emoji=False, markup=False)
    for line in lines:
        console.print(Text.assemble(*[(piece, style) if style else piece for piece, style in line if piece]))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def render(report: Report, colour: bool = False, quiet: bool = False) -> str:
    """Format `text`: the short view (what fails, where and by which rules), then the summary."""
    body = short(report, quiet)
    note = None if quiet else hidden(report)  # advice is counted, never dropped without a word
    ending: list[Line] = [[(line, "")] for line in summary(report, quiet, fit=True) + _fit([note] if note else [])]
    if (body or note) and not quiet:
        ending += [[(line, "dim")] for line in _fit([text(report.lang, "views.more")])]
    return _write(body + ([[]] if body else []) + ending, colour)


def render_full(report: Report, colour: bool = False, quiet: bool = False) -> str:
    """Format `full`: every failure with its message, advice included, then the summary."""
    body = full(report, quiet)
    hint = [[(text(report.lang, "views.explain"), "dim")]] if body and not quiet else []
    return _write(body + ([[]] if body else []) + [[(line, "")] for line in summary(report, quiet)] + hint, colour)


def concise(report: Report, colour: bool = False, quiet: bool = False) -> str:
    body = [_concise_line(f, report.lang) for f in report.findings if shown(f, report, quiet)]
    return _write(body + [[(line, "")] for line in summary(report, quiet)], colour)


def render_quiet(report: Report, colour: bool = False) -> str:
    """--quiet: only what fails the run (input errors included), then the verdict."""
    return render(report, colour, quiet=True)


def full_quiet(report: Report, colour: bool = False) -> str:
    return render_full(report, colour, quiet=True)


def concise_quiet(report: Report, colour: bool = False) -> str:
    return concise(report, colour, quiet=True)
