"""The portfolio view (issue 9): one self-contained HTML file for CIO offices, CISOs and procurement officers.

A compliance matrix of services against rules, grouped by organisation; provider concentration per provider and
per jurisdiction of the ultimate parent; the countries where data are stored, processed and reachable from;
services by rubricering; risk assessments and exit tests that are due, and waivers about to expire.

The Report holds the findings but not the descriptors (provider, hosting, data, assessments) nor each service's
organisation, so the portfolio parts read them again from the files the report checked:

    report = checker.evaluate.check(options)
    html = portfolio(report, lang, load_descriptors(report, options.config))

(`render(report, colour)`, the reporters' table's form, does so with the report's language.) Without descriptors,
`portfolio(report, lang)` shows the matrix, the findings and the waivers, and says what is missing.

The markup is Jinja2 templates with autoescaping (templates/portfolio.html and templates/portfolio/*.html); this
module computes what they show: cells, rows, charts. The page is complete without JavaScript: every service, finding
and rule page is in the markup, and the rule links point into the file itself (#rule-ID) unless --docs-base gives an
absolute address. The small script (templates/portfolio.js) only adds the filters, the search box and sorting.

Deadlines are the rules' own: a finding whose violation parameters give a due date (`due`, or `changed` for an
assessment overtaken by a significant change) is overdue; what falls due within the window is what the rules report
when run again at the reference date plus the window (`look_ahead`). Where a rule gives only its `date` and `months`,
the due date is date + months, marked as computed (`Deadline.computed`). Every word comes from the catalogue (html.* in
checker/locale). The charts are drawn by plotly, whose JavaScript is inlined once, as is the stylesheet
(templates/portfolio.css): the file needs no network to view, and its Content-Security-Policy forbids loading
anything from elsewhere. plotly and Jinja2 are the optional extra `report`.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from checker import __version__
from checker.errors import UsageError
from checker.gate import exit_code
from checker.i18n import columns, group, language, message, plural, text
from checker.model import Enforcement, Finding, Report, Rule, Severity, Source, Status
from checker.reporters import templates
from checker.reporters.common import (
    codes,
    deviation_decision,
    deviation_reason,
    deviation_where,
    ignored_line,
    safe_link,
    server_line,
    severity_word,
    skipped_reason,
    skipped_summary,
    threshold,
    visible,
)

if TYPE_CHECKING:
    from checker.evaluate import Options, Run


def escape(value: Any) -> str:
    """Any value from input as HTML text or attribute value: made visible, then every markup character escaped.

    plotly's labels read the same way: it draws entities as their characters and takes tags only as written.
    """
    return html.escape(visible(value))


INSTALL = "python3 -m pip install 'cloudbeleid-checker[report]'"
UNDECLARED_COUNTRY = "INFRA-UNDECLARED-COUNTRY"  # the rule that says which countries in the code the descriptor does not declare

# Where a source lives. A government's own site or repository is an official source (or its faithful copy); any other
# repository on a code host is a community source, shown after the others and never as the rule's legal source.
OFFICIAL_HOSTS = ("overheid.nl", "officielebekendmakingen.nl", "tweedekamer.nl", "eerstekamer.nl", "rijksoverheid.nl",
                  "europa.eu", "minbzk.github.io")
OFFICIAL_REPOSITORY_OWNERS = ("minbzk",)  # the Ministerie van BZK's organisation on GitHub
CODE_HOSTS = ("github.com", "gitlab.com", "codeberg.org")
DUE_WITHIN_DAYS = 90  # an assessment or test due within this many days of the reference date is "nearly overdue"

# The state of one matrix cell, worst first: several findings of one rule on one service show the worst.
STATES = ("error", "fail", "advisory", "waived", "pass", "na")
SYMBOL = {"error": "⚠", "fail": "✗", "advisory": "!", "waived": "≈", "pass": "✓", "na": "·"}

RUBRICERING = ("ongerubriceerd", "dep_vertrouwelijk", "stg_confidentieel", "stg_geheim", "stg_zeer_geheim")
DEPLOYMENT = ("public", "hybrid", "community", "private_external", "government_dc", "on_premise")
LOCATION_KINDS = ("storage", "processing", "backup", "support", "telemetry")
_HOSTING_FIELD = {"storage": "storage_locations", "processing": "processing_locations", "backup": "backup_locations",
                  "support": "support_access_locations", "telemetry": "telemetry_locations"}
_DEPLOYMENT_COLOUR = {"public": "#e17000", "hybrid": "#f9e11e", "community": "#8fcae7", "private_external": "#2f7ebc",
                      "government_dc": "#154273", "on_premise": "#39870c"}
_KIND_COLOUR = {"storage": "#154273", "processing": "#2f7ebc", "backup": "#8fcae7", "support": "#e17000", "telemetry": "#f9e11e",
                "code": "#d52b1e"}
_STATE_COLOUR = {"pass": "#39870c", "fail": "#d52b1e", "advisory": "#e17000", "waived": "#8e44ad", "na": "#b4b4b4", "error": "#000000"}

def _words(lang: str) -> dict[str, Any]:
    """The view's messages from the catalogue (html.*), nested by their keys' parts: w["state"]["fail"]."""
    nested: dict[str, Any] = {}
    for key, value in group(lang, "html").items():
        *parents, last = key.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


@dataclass(frozen=True)
class Descriptor:
    """A checked service's descriptor with what the Report lacks: its organisation profile and thresholds."""

    id: str
    file: str  # as in Finding.location.file
    document: int
    data: dict[str, Any]
    organisation: dict[str, Any]  # the configuration's profile, overridden by the descriptor's own block
    thresholds: dict[str, Any] = field(default_factory=dict)  # the defaults, overridden by the configuration's

    @property
    def key(self) -> tuple[str, str]:
        return (self.file, self.id)

    @property
    def organisation_name(self) -> str:
        return str(self.organisation.get("name") or "")


def load_descriptors(report: Report | Run, config: Path | None = None) -> list[Descriptor]:
    """The descriptors of the services a run checked: those a Run holds (checker.evaluate.run with
    keep_services), or, given only a Report, read again from its files (relative to the same cwd).

    `config` is the run's --config, if any: it decides the organisation as it did in the run. Descriptors that
    failed the schema are left out, as they are from the report's services.
    """
    # the pipeline imports the reporters (the baseline's fingerprints): it is imported when called
    from checker.config import DEFAULT_THRESHOLDS, ConfigFinder
    from checker.evaluate import Run, collect

    if isinstance(report, Run):
        services = list(report.services)
    elif not report.files:
        return []
    else:
        from checker import infra

        services = collect([Path(f) for f in report.files], ConfigFinder(config)).services
        # what the infrastructure code shows (observed), as the run attached it; its errors are in the report already
        groups: dict[int, list[Any]] = defaultdict(list)
        for s in services:
            groups[id(s.config)].append(s)
        for group_services in groups.values():
            infra.attach(group_services, group_services[0].config)
    return [
        Descriptor(s.id, s.document.file, s.document.index, s.document.data, s.organisation,
                   {**DEFAULT_THRESHOLDS, **s.config.thresholds})
        for s in services
    ]


def _plotly() -> Any:
    try:
        import plotly.graph_objects as go
        from plotly.offline import get_plotlyjs
    except ImportError:
        raise UsageError(message("html.needs_extra", package="plotly", install=INSTALL)) from None
    return go, get_plotlyjs


def render(report: Report, colour: bool = False) -> str:
    """The portfolio as the reporters' table renders it: in the report's language, the descriptors read again."""
    return portfolio(report, report.lang, load_descriptors(report))


def portfolio(report: Report, lang: str, descriptors: Sequence[Descriptor] | None = None, *,
              docs_base: str | None = None, due_within_days: int = DUE_WITHIN_DAYS, ahead: Report | None = None) -> str:
    """The portfolio view as one self-contained HTML document.

    docs_base: an absolute http(s) address under which the rule pages are published (docs/rules/... is appended);
    by default every rule link points at the rule's page inside the file, which works wherever the file is opened.
    ahead: the same run at the reference date plus due_within_days (look_ahead), for the deadlines due soon.
    """
    go, get_plotlyjs = _plotly()
    templates.environment()  # says how to install Jinja2 when it is missing
    from markupsafe import Markup

    lang = language(lang)
    view = _View(report, lang, descriptors, docs_base_link(docs_base), due_within_days, go, ahead)
    body = view.body()
    # the stylesheet, the filters' script and plotly's bundle are the checker's own files, inlined as they are
    return templates.page("portfolio.html", lang=lang, w=view.w, report=report, version=__version__,
                          stylesheet=Markup(templates.resource("portfolio.css")), script=Markup(templates.resource("portfolio.js")),
                          plotly_js=Markup(get_plotlyjs()) if view.charts else None, body=Markup(body))


def _state(finding: Finding) -> str:
    if finding.status is Status.ERROR:
        return "error"
    if finding.status is Status.FAIL:
        return "fail" if finding.enforcement is Enforcement.MANDATORY else "advisory"
    if finding.status is Status.WAIVED:
        return "waived"
    return "pass" if finding.status is Status.PASS else "na"


def add_months(day: date, months: int) -> date:
    """day + months, the day clamped to the end of a shorter month: as policies/lib/dates.rego counts."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _countries() -> dict[str, set[str]]:
    from checker.resources import policies_dir

    try:
        data = json.loads((policies_dir() / "data" / "countries.json").read_text(encoding="utf-8"))["countries"]
    except (OSError, ValueError, KeyError):
        return {}
    return {name: set(entry.get("codes", ())) for name, entry in data.items()}


def source_kind(source: Source) -> str:
    """official, community or other (news, a commentary, a copy on a private site, a source without an address)."""
    parts = urlsplit(source.url or "")
    host = (parts.hostname or "").casefold()
    if host in CODE_HOSTS:
        owner = parts.path.strip("/").split("/", 1)[0].casefold()
        return "official" if owner in OFFICIAL_REPOSITORY_OWNERS else "community"
    if any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS):
        return "official"
    if not host and re.search(r"\b(github|gitlab)\b", source.document, flags=re.IGNORECASE):
        return "community"  # "as reproduced in a public GitHub repository whose name ..."
    return "other"


_SOURCE_ORDER = {"official": 0, "other": 1, "community": 2}


def ordered_sources(sources: Sequence[Source]) -> list[tuple[Source, str]]:
    """The sources with their kind: official ones first, community sources last, each kind in the rule's order."""
    return sorted(((s, source_kind(s)) for s in sources), key=lambda pair: _SOURCE_ORDER[pair[1]])


@dataclass(frozen=True)
class Deadline:
    """A due date a rule reported: `last` the date the term ran from, if the rule gave it."""

    due: date
    last: date | None
    computed: bool  # the rule gave only date and months: due = date + months, counted here as the rules count


def deadline(finding: Finding) -> Deadline | None:
    """The due date in a finding's violation parameters, or None when the finding sets no deadline.

    `due` is the rule's own date. `changed` (`change` in BIO2-8-13-BACKUP), with `date`, is a significant change
    after the assessment or test of `date`: a new one was due on the change. A stale date (`date` with `months`, on or before `as_of`) is due `months`
    after `date`: a fallback for rules that do not give `due` yet, marked as computed."""
    params = finding.params or {}
    if _date(params.get("due")):
        return Deadline(_date(params["due"]), _date(params.get("date")), False)  # type: ignore[arg-type]
    changed, last = _date(params.get("changed") or params.get("change")), _date(params.get("date"))
    if changed and last:
        return Deadline(changed, last, False)
    as_of, months = _date(params.get("as_of")), params.get("months")
    if last and as_of and last <= as_of and isinstance(months, int) and not isinstance(months, bool):
        return Deadline(add_months(last, months), last, True)
    return None


def look_ahead(options: Options, days: int = DUE_WITHIN_DAYS) -> Report:
    """The same run at the reference date plus `days`: what the rules will report then (the deadlines due soon)."""
    from checker.evaluate import check

    start = _date(options.as_of) or date.today()
    return check(replace(options, as_of=(start + timedelta(days=days)).isoformat(), changed_since=None, baseline=None))


def docs_base_link(value: str | None) -> str | None:
    """--docs-base checked: an absolute http(s) address, or None for rule pages inside the file."""
    if value is None:
        return None
    if not safe_link(value):
        raise UsageError(message("html.docs_base", value=repr(visible(value))))
    return value


class _View:
    """Builds the body; `charts` says whether plotly.js must be inlined."""

    def __init__(self, report: Report, lang: str, descriptors: Sequence[Descriptor] | None, docs_base: str | None,
                 window: int, go: Any, ahead: Report | None = None) -> None:
        self.report, self.lang, self.go, self.window, self.ahead = report, lang, go, window, ahead
        self.w = _words(lang)
        self.docs_base = docs_base
        self.descriptors = list(descriptors) if descriptors is not None else None
        self.by_key = {d.key: d for d in self.descriptors or ()}
        # a finding located outside its descriptor (at a .tf line) belongs to its service's row
        self.by_service = {d.key[1]: d.key for d in self.descriptors or ()}
        self.rules: dict[str, Rule] = {r.id: r for r in report.rules}
        self.charts = 0
        self.countries = _countries()
        self.as_of = _date(report.as_of) or date.today()
        # the matrix's rows: every checked service, keyed by file and id (an id may recur under another configuration)
        checked = set(report.services)
        rows: dict[tuple[str, str], None] = {}
        for d in self.descriptors or ():
            rows[d.key] = None
        for f in report.findings:
            if f.service and f.service in checked and f.status is not Status.ERROR and f.rule_id in self.rules:
                rows.setdefault(self.row_key(f), None)
        self.rows = list(rows)
        self.anchor = {key: f"s{i}" for i, key in enumerate(self.rows)}
        # per row: its findings by rule (the matrix) and how many of each outcome it has (the verdict filter)
        self.found: dict[tuple[str, str], dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        self.outcomes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for f in report.findings:
            key = self.row_key(f)
            if key in self.anchor:
                self.outcomes[key][_state(f)] += 1
                if f.rule_id in self.rules:
                    self.found[key][f.rule_id].append(f)

    # --- helpers --------------------------------------------------------------------------------------------

    def docs_href(self, docs: str | None) -> str | None:
        """The published page of a rule under --docs-base; None without it (the page is in the file)."""
        if not docs or not self.docs_base:
            return None
        return safe_link(self.docs_base.rstrip("/") + "/" + docs)

    def rule_href(self, rule_id: str, docs: str | None = None) -> str | None:
        """Where a rule's link goes: its published page with --docs-base, else its page in this file."""
        rule = self.rules.get(rule_id)
        if self.docs_base:
            return self.docs_href(docs or (rule.docs if rule else None))
        return f"#rule-{rule_id}" if rule else None

    def row_key(self, finding: Finding) -> tuple[str, str]:
        key = (finding.location.file, finding.service or "")
        if key in self.by_key or not finding.service:
            return key
        return self.by_service.get(finding.service, key)

    def organisation(self, key: tuple[str, str]) -> str:
        d = self.by_key.get(key)
        return (d.organisation_name if d else "") or self.w["unknown_org"]

    def service_name(self, key: tuple[str, str]) -> str | None:
        d = self.by_key.get(key)
        return (d.data.get("service") or {}).get("name") if d else None

    def grouped(self, keys: Iterable[tuple[str, str]]) -> list[tuple[str | None, list[tuple[str, str]]]]:
        """Rows by organisation (sorted), or one group without a heading when there is only one organisation."""
        groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in keys:
            groups[self.organisation(key)].append(key)
        if len(groups) <= 1:
            return [(None, sorted(keys, key=lambda k: (k[1], k[0])))]
        return [(org, sorted(groups[org], key=lambda k: (k[1], k[0]))) for org in sorted(groups, key=str.casefold)]

    def chart(self, fig: Any, name: str) -> str:
        self.charts += 1
        fig.update_layout(template="plotly_white", font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
                          margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h", "y": -0.15})
        config = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                  "toImageButtonOptions": {"filename": f"cloudbeleid-{name}"}}
        from markupsafe import Markup

        # plotly's own HTML: its labels were escaped before they went in (stacked_bars, locations, classification)
        return Markup(f'<div class="chart">{fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=config)}</div>')

    def area(self, country: str) -> str:
        if country in self.countries.get("eer", ()):
            return "eer"
        if country in self.countries.get("adequacy", ()):
            return "adequacy"
        if country in self.countries.get("adequacy_if_dpf_certified", ()):
            return "adequacy_dpf"
        return "other"

    def country_label(self, country: str) -> str:
        return country if self.area(country) == "eer" else f"{country} ({self.w['outside_eer']})"

    # --- what the templates (templates/portfolio/*.html) show ----------------------------------------------------

    STATES = STATES
    SYMBOL = SYMBOL
    safe_link = staticmethod(safe_link)
    ordered_sources = staticmethod(ordered_sources)
    codes = staticmethod(codes)
    deviation_where = staticmethod(deviation_where)

    def columns(self, key: str) -> list[str]:
        return columns(self.lang, f"html.{key}")

    def run_columns(self, key: str) -> list[str]:
        return columns(self.lang, f"run.{key}")

    def run_text(self, key: str) -> str:
        return text(self.lang, f"run.{key}")

    def n_services(self, count: int) -> str:
        return plural(self.lang, "html.n_services", count)

    def severity(self, severity: Any) -> str:
        return severity_word(severity, self.lang)

    def source_status(self, status: str) -> str:
        return self.w["source_status"].get(status, status)

    def deviation_reason(self, deviation: dict[str, Any]) -> str:
        return deviation_reason(deviation, self.lang)

    def deviation_decision(self, deviation: dict[str, Any]) -> str:
        return deviation_decision(deviation, self.lang)

    def skipped_reason(self, entry: dict[str, Any]) -> str:
        return skipped_reason(entry, self.lang)

    def ignored_line(self) -> str:
        return ignored_line(self.report, self.lang)

    def skipped_summary(self) -> str | None:
        return skipped_summary(self.report, self.lang)

    @property
    def server(self) -> str | None:
        return server_line(self.report, self.lang)

    @property
    def code(self) -> int:
        return int(exit_code(self.report))

    def body(self) -> str:
        return templates.page("portfolio/body.html", v=self, version=__version__, sections=SECTIONS)

    def meta(self) -> str:
        r = self.report
        meta = self.w["meta"].format(as_of=r.as_of, fail_on=threshold(r, self.lang), engine=r.engine, version=r.engine_version,
                                     revision=r.policy_revision or "?", tool=__version__)
        return f"{meta} · {self.server}" if self.server else meta

    def cards(self) -> list[tuple[str, Any, str]]:
        r = self.report
        states = Counter(_state(f) for f in r.findings)
        failing_services = {self.row_key(f) for f in r.findings if f.service and _state(f) == "fail"}
        organisations = {self.organisation(k) for k in self.rows} if self.descriptors is not None else set()
        return [
            ("services", len(r.services), ""),
            ("organisations", len(organisations) if self.descriptors is not None else "–", ""),
            ("failing_services", len(failing_services), "fail" if failing_services else ""),
            ("fail", states["fail"], "fail" if states["fail"] else ""),
            ("advisory", states["advisory"], "advisory" if states["advisory"] else ""),
            ("waived", states["waived"], "waived" if states["waived"] else ""),
            ("error", states["error"], "error" if states["error"] else ""),
        ]

    # --- the filters (templates/portfolio.js reads the data-* attributes) ---------------------------------------

    def filters(self) -> dict[str, list[tuple[str, str]]]:
        """The choices of each filter: (value, label)."""
        packs = sorted({r.pack for r in self.report.rules})
        organisations = sorted({self.organisation(k) for k in self.rows}, key=str.casefold)
        return {"org": [(o, o) for o in organisations], "state": [(s, self.w["state"][s]) for s in STATES],
                "pack": [(p, p) for p in packs], "sev": [(s.value, self.severity(s)) for s in Severity]}

    def states_of(self, key: tuple[str, str]) -> str:
        """The outcomes a service has, as the verdict filter matches them ("fail pass na")."""
        return " ".join(s for s in STATES if self.outcomes[key][s])

    def matrix(self) -> dict[str, Any]:
        """The rules with a finding, their packs as column groups, and per organisation the rows of cells."""
        w, lang = self.w, self.lang
        found = self.found
        rules = [r for r in self.report.rules if any(r.id in row for row in found.values())]
        packs: list[tuple[str, int]] = []
        for rule in rules:
            if packs and packs[-1][0] == rule.pack:
                packs[-1] = (rule.pack, packs[-1][1] + 1)
            else:
                packs.append((rule.pack, 1))
        groups = []
        for org, keys in self.grouped(self.rows):
            rows = []
            for key in keys:
                cells: list[dict[str, Any] | None] = []
                for rule in rules:
                    here = found[key].get(rule.id, [])
                    if not here:
                        cells.append(None)
                        continue
                    state = min((_state(f) for f in here), key=STATES.index)
                    tips = [w["state"][state]] if state in ("pass", "na") else [
                        f"{w['state'][_state(f)]}: {f.message.get(lang)}" for f in here if _state(f) == state]
                    href = f"#{self.anchor[key]}-{rule.id}" if state in ("error", "fail", "advisory", "waived") else self.rule_href(rule.id)
                    cells.append({"state": state, "rule": rule.id, "tips": tips, "href": href or ""})
                rows.append((key, cells))
            groups.append((org, rows))
        return {"rules": rules, "packs": packs, "groups": groups}

    def services(self) -> dict[str, Any]:
        """The drill-down: per organisation every service with its facts, locations declared against observed,
        and its failures, accepted risks and errors; then the findings tied to no checked service."""
        shown = [f for f in self.report.findings if _state(f) in ("error", "fail", "advisory", "waived")]
        by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        other: list[Finding] = []
        for f in shown:
            key = self.row_key(f)
            (by_key[key] if key in self.anchor else other).append(f)
        groups = [(org, [self.service(key, by_key[key]) for key in keys]) for org, keys in self.grouped(self.rows)]
        return {"groups": groups, "other": self.finding_rows(other, None) if other else []}

    def service(self, key: tuple[str, str], findings: list[Finding]) -> dict[str, Any]:
        d = self.by_key.get(key)
        data = d.data if d else {}
        service, provider, classified = data.get("service") or {}, data.get("provider") or {}, data.get("data") or {}
        facts: list[tuple[str, str]] = []
        if d is not None:
            parent = provider.get("ultimate_parent_country") or provider.get("hq_country")
            facts = [(self.w["facts"]["organisation"], self.organisation(key)),
                     (self.w["facts"]["provider"], f"{provider.get('name') or '?'}" + (f" ({self.country_label(parent)})" if parent else "")),
                     (self.w["facts"]["status"], self.w["status"].get(str(service.get("status")), str(service.get("status") or "?"))),
                     (self.w["facts"]["rubricering"], self.w["rubricering"].get(str(classified.get("rubricering")), str(classified.get("rubricering") or "?"))),
                     (self.w["facts"]["deployment"], self.w["deployment"].get(str(service.get("deployment_model")), str(service.get("deployment_model") or "?")))]
        counts = self.outcomes[key]
        summary = " · ".join(f"{counts[s]} {self.w['state'][s]}" for s in STATES if counts[s])
        return {"key": key, "anchor": self.anchor[key], "facts": facts, "summary": summary, "states": self.states_of(key),
                "org": self.organisation(key), "where": self.declared_observed(key, findings),
                "rows": self.finding_rows(findings, key)}

    def declared_observed(self, key: tuple[str, str], findings: list[Finding]) -> dict[str, Any] | None:
        """Per country what the descriptor declares (hosting, subprocessors) against where its infrastructure code
        puts resources (observed, checker/infra); a country in the code that the descriptor does not declare is
        marked as INFRA-UNDECLARED-COUNTRY reports it."""
        d = self.by_key.get(key)
        if d is None:
            return None
        declared: dict[str, set[str]] = defaultdict(set)
        hosting = d.data.get("hosting") or {}
        for kind in LOCATION_KINDS:
            for country in hosting.get(_HOSTING_FIELD[kind]) or ():
                declared[str(country)].add(kind)
        for sub in (d.data.get("provider") or {}).get("subprocessors") or ():
            for kind in sub.get("access") or ():
                if kind in LOCATION_KINDS and sub.get("country"):
                    declared[str(sub["country"])].add(kind)
        observed_block = d.data.get("observed")
        observed: dict[str, list[dict[str, Any]]] = defaultdict(list)
        unplaced: list[dict[str, Any]] = []
        for resource in (observed_block or {}).get("resources") or ():
            kind = "storage" if resource.get("kind") == "storage_locations" else "processing"
            entry = {"address": resource.get("address"), "region": resource.get("region"), "kind": kind,
                     "where": f"{(resource.get('region_where') or resource.get('where') or {}).get('file', '?')}:"
                              f"{(resource.get('region_where') or resource.get('where') or {}).get('line', '?')}",
                     "why": (resource.get("why") or {}).get(self.lang)}
            if resource.get("country"):
                observed[str(resource["country"])].append(entry)
            elif resource.get("region_status") != "none":
                unplaced.append(entry)
        undeclared = {str(f.params["country"]) for f in findings
                      if f.rule_id == UNDECLARED_COUNTRY and f.params and f.params.get("country")}
        countries = sorted(set(declared) | set(observed), key=lambda c: (self.area(c) != "eer", c))
        rows = [{"country": c, "label": self.country_label(c), "area": self.area(c),
                 "declared": [self.w["kind"][k] for k in LOCATION_KINDS if k in declared.get(c, ())],
                 "observed": observed.get(c, []), "undeclared": c in undeclared} for c in countries]
        return {"rows": rows, "unplaced": unplaced, "has_code": observed_block is not None,
                "undeclared": sorted(undeclared)}

    def finding_rows(self, findings: list[Finding], key: tuple[str, str] | None) -> list[dict[str, Any]]:
        w = self.w
        rows, anchored = [], set()
        for f in sorted(findings, key=lambda f: (STATES.index(_state(f)), f.severity.rank, f.rule_id)):
            state = _state(f)
            anchor = None
            if key is not None and f.rule_id not in anchored:
                anchored.add(f.rule_id)
                anchor = f"{self.anchor[key]}-{f.rule_id}"
            note, expired = None, False
            if f.waiver and f.waiver.get("status") == "expired":
                note, expired = w["waiver_expired"].format(ref=f.waiver.get("decision_ref"), expires=f.waiver.get("expires")), True
            elif f.waiver and state == "waived":
                note = w["waiver_note"].format(ref=f.waiver.get("decision_ref"), owner=f.waiver.get("risk_owner"),
                                               approver=f.waiver.get("approved_by"), expires=f.waiver.get("expires"))
            # under a service's heading (which names the file) the line and column suffice
            where = f"{f.location.line}:{f.location.column}" if key is not None else str(f.location)
            rule = self.rules.get(f.rule_id)
            rows.append({"finding": f, "state": state, "anchor": anchor, "waiver_note": note, "waiver_expired": expired,
                         "where": where, "known": rule is not None, "pack": rule.pack if rule else "",
                         "sources": ordered_sources(f.sources)})
        return rows

    def providers(self) -> dict[str, Any]:
        w = self.w
        descriptors = self.descriptors or []
        orgs = sorted({self.organisation(d.key) for d in descriptors}, key=str.casefold)
        by_provider: dict[str, Counter] = defaultdict(Counter)
        by_parent: dict[str, Counter] = defaultdict(Counter)
        facts: dict[str, dict[str, Any]] = defaultdict(lambda: {"parents": set(), "materieel": 0, "orgs": set()})
        for d in descriptors:
            provider = d.data.get("provider") or {}
            name = provider.get("name") or "?"
            parent = provider.get("ultimate_parent_country") or provider.get("hq_country") or "?"
            org = self.organisation(d.key)
            by_provider[name][org] += 1
            by_parent[parent][org] += 1
            facts[name]["parents"].add(parent)
            facts[name]["orgs"].add(org)
            facts[name]["materieel"] += 1 if (d.data.get("service") or {}).get("materieel") else 0
        labelled = {self.country_label(c): counts for c, counts in by_parent.items()}
        total = len(descriptors)
        rows = []
        for name, counts in sorted(by_provider.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            n = sum(counts.values())
            rows.append({"name": name, "parents": ", ".join(self.country_label(c) for c in sorted(facts[name]["parents"])),
                         "n": n, "share": f"{n / total:.0%}", "share_sort": f"{n / total:.4f}", "materieel": facts[name]["materieel"],
                         "orgs": ", ".join(sorted(facts[name]["orgs"], key=str.casefold))})
        return {"by_provider": self.stacked_bars(by_provider, orgs, w["by_provider"], "providers"),
                "by_jurisdiction": self.stacked_bars(labelled, orgs, w["by_jurisdiction"], "jurisdictions"), "rows": rows}

    @staticmethod
    def count_axis(largest: int, title: str | None = None) -> dict[str, Any]:
        """An axis of counts: whole numbers only, from zero, at most about ten ticks."""
        step = 1
        while largest > 10 * step:  # 1, 2, 5, 10, 20, 50, ...
            step = step * 5 // 2 if str(step)[0] == "2" else step * 2
        axis: dict[str, Any] = {"tickformat": "d", "dtick": step, "tick0": 0, "rangemode": "tozero"}
        if title:
            axis["title"] = {"text": title}
        return axis

    def stacked_bars(self, counts: dict[str, Counter], orgs: list[str], title: str, name: str) -> str:
        """Horizontal bars, one per category (largest on top), stacked per organisation, with the legend."""
        go = self.go
        categories = sorted(counts, key=lambda c: (sum(counts[c].values()), c.casefold()), reverse=False)
        fig = go.Figure()
        for org in orgs:
            fig.add_trace(go.Bar(y=[escape(c) for c in categories], x=[counts[c][org] for c in categories], name=escape(org), orientation="h",
                                 hovertemplate=f"{escape(org)}<br>%{{y}}: %{{x}}<extra></extra>"))
        largest = max((sum(v.values()) for v in counts.values()), default=0)
        fig.update_layout(barmode="stack", title={"text": f"{title} ({self.w['stacked_by_org']})"},
                          height=180 + 34 * len(categories) + 18 * len(orgs),
                          xaxis=self.count_axis(largest, self.w["services_axis"]), yaxis={"automargin": True}, showlegend=True)
        return self.chart(fig, name)

    def locations(self) -> dict[str, Any] | None:
        w, go = self.w, self.go
        where: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # country -> kind -> service ids
        for d in self.descriptors or ():
            hosting = d.data.get("hosting") or {}
            for kind in LOCATION_KINDS:
                for country in hosting.get(_HOSTING_FIELD[kind]) or ():
                    where[country][kind].add(d.id)
            for sub in (d.data.get("provider") or {}).get("subprocessors") or ():
                for kind in sub.get("access") or ():
                    if kind in LOCATION_KINDS and sub.get("country"):
                        where[sub["country"]][kind].add(d.id)
            for resource in (d.data.get("observed") or {}).get("resources") or ():
                if resource.get("country"):
                    where[resource["country"]]["code"].add(d.id)
        if not where:
            return None
        kinds = [*LOCATION_KINDS, "code"] if any(where[c]["code"] for c in where) else list(LOCATION_KINDS)
        countries = sorted(where, key=lambda c: (self.area(c) != "eer", -sum(len(s) for s in where[c].values()), c))
        labels = [escape(self.country_label(c)) for c in countries]
        fig = go.Figure()
        for kind in kinds:
            fig.add_trace(go.Bar(x=labels, y=[len(where[c][kind]) for c in countries], name=escape(w["kind"][kind]),
                                 marker={"color": _KIND_COLOUR[kind]}, hovertemplate=f"{escape(w['kind'][kind])}<br>%{{x}}: %{{y}}<extra></extra>"))
        largest = max((len(where[c][k]) for c in countries for k in kinds), default=0)
        fig.update_layout(barmode="group", title={"text": w["locations"]}, height=420, showlegend=True,
                          yaxis=self.count_axis(largest, w["services_axis"]))
        rows = [{"country": c, "area": self.area(c), "cells": [sorted(where[c][kind]) for kind in kinds],
                 "all": sorted(set().union(*where[c].values()))} for c in countries]
        return {"chart": self.chart(fig, "locations"), "kinds": [w["kind"][k] for k in kinds], "rows": rows}

    def classification(self) -> dict[str, Any]:
        w, go = self.w, self.go
        levels: dict[str, Counter] = defaultdict(Counter)
        members: dict[str, list[str]] = defaultdict(list)
        for d in self.descriptors or ():
            level = (d.data.get("data") or {}).get("rubricering") or "?"
            model = (d.data.get("service") or {}).get("deployment_model") or "?"
            levels[level][model] += 1
            members[level].append(d.id)
        order = list(RUBRICERING) + sorted(set(levels) - set(RUBRICERING))
        labels = [escape(w["rubricering"].get(level, level)) for level in order]
        fig = go.Figure()
        for model in [m for m in DEPLOYMENT if any(levels[level][m] for level in order)] + sorted({m for c in levels.values() for m in c} - set(DEPLOYMENT)):
            fig.add_trace(go.Bar(x=labels, y=[levels[level][model] for level in order], name=escape(w["deployment"].get(model, model)),
                                 marker={"color": _DEPLOYMENT_COLOUR.get(model, "#777777")},
                                 hovertemplate=f"{escape(w['deployment'].get(model, model))}<br>%{{x}}: %{{y}}<extra></extra>"))
        largest = max((sum(c.values()) for c in levels.values()), default=0)
        fig.update_layout(barmode="stack", title={"text": f"{w['classification']} ({w['stacked_by_deployment']})"}, height=400,
                          showlegend=True, yaxis=self.count_axis(largest, w["services_axis"]))
        rows = [(w["rubricering"].get(level, level), sorted(members[level])) for level in order if members[level]]
        return {"chart": self.chart(fig, "classification"), "rows": rows}

    def deadline_items(self) -> list[dict[str, Any]]:
        """The deadlines the rules report: overdue on the reference date (this run's findings with a due date), and
        due within the window: every failure of the run at the reference date plus the window that this run does not
        have, dated where its rule gives the date (a rule that comes into force, a transition that ends, an age that
        runs out)."""
        items: list[dict[str, Any]] = []
        now: set[tuple[Any, ...]] = set()
        for f in self.report.findings:
            key = self.row_key(f)
            if _state(f) in ("fail", "advisory", "waived", "error"):
                now.add((key, f.rule_id, f.location.pointer))
            due = deadline(f) if _state(f) in ("fail", "advisory", "waived") else None
            if due is not None and key in self.anchor:
                items.append(self._item(f, due, "overdue"))
        for f in self.ahead.findings if self.ahead is not None else ():
            key = self.row_key(f)
            if _state(f) not in ("fail", "advisory") or key not in self.anchor or (key, f.rule_id, f.location.pointer) in now:
                continue
            due = deadline(f)
            if due is None or due.due > self.as_of:
                items.append(self._item(f, due, "soon"))
        return sorted(items, key=lambda i: (i["due"] is None, i["due"] or date.max, i["key"][1], i["rule"]))

    def _item(self, finding: Finding, due: Deadline | None, state: str) -> dict[str, Any]:
        return {"key": self.row_key(finding), "rule": finding.rule_id, "state": state, "message": finding.message.get(self.lang),
                "last": due.last if due else None, "due": due.due if due else None, "computed": bool(due and due.computed),
                "days": (due.due - self.as_of).days if due else None}

    def deadlines_intro(self) -> str:
        if self.ahead is None:
            return self.w["deadlines_now"]
        return self.w["deadlines_intro"].format(days=self.window, ahead=self.ahead.as_of)

    def waivers(self) -> list[tuple[dict[str, Any], int | str]]:
        """Every waiver with its days left; expired and expiring first."""
        rank = {s: i for i, s in enumerate(("expired", "expiring", "invalid", "unused", "active"))}
        rows = []
        for waiver in sorted(self.report.waivers, key=lambda x: (rank.get(str(x.get("status")), 9), str(x.get("expires")), str(x.get("rule")))):
            expires = _date(waiver.get("expires"))
            rows.append((waiver, (expires - self.as_of).days if expires else ""))
        return rows


SECTIONS = ("matrix", "services", "providers", "locations", "classification", "deadlines", "waivers", "run", "rules")
