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
module computes what they show: cells, rows, charts. Every word comes from the catalogue (html.* in
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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.errors import UsageError
from checker.gate import exit_code
from checker.i18n import columns, group, language, plural, text
from checker.model import Enforcement, Finding, Report, Rule, Status
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
    from checker.evaluate import Run


def escape(value: Any) -> str:
    """Any value from input as HTML text or attribute value: made visible, then every markup character escaped.

    plotly's labels read the same way: it draws entities as their characters and takes tags only as written.
    """
    return html.escape(visible(value))


def _href(value: str | None) -> str | None:
    """A link target: an http(s) URL, or a relative path or fragment; never javascript:, data: or another scheme."""
    if not value:
        return None
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) or value.startswith("//"):
        return safe_link(value)
    return value

INSTALL = "python3 -m pip install 'cloudbeleid-checker[report]'"
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
_KIND_COLOUR = {"storage": "#154273", "processing": "#2f7ebc", "backup": "#8fcae7", "support": "#e17000", "telemetry": "#f9e11e"}
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
        services = collect([Path(f) for f in report.files], ConfigFinder(config)).services
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
        raise UsageError(f"the HTML portfolio report needs plotly, from the optional extra 'report': {INSTALL}") from None
    return go, get_plotlyjs


def render(report: Report, colour: bool = False) -> str:
    """The portfolio as the reporters' table renders it: in the report's language, the descriptors read again."""
    return portfolio(report, report.lang, load_descriptors(report))


def portfolio(report: Report, lang: str, descriptors: Sequence[Descriptor] | None = None, *,
              docs_base: str | None = None, due_within_days: int = DUE_WITHIN_DAYS) -> str:
    """The portfolio view as one self-contained HTML document.

    docs_base: prefix for the rules' docs pages (a URL or a path ending in '/'); by default the pages' paths
    relative to the repository root (docs/rules/...), which resolve when the file lies in a checkout's root.
    """
    go, get_plotlyjs = _plotly()
    templates.environment()  # says how to install Jinja2 when it is missing
    from markupsafe import Markup

    lang = language(lang)
    view = _View(report, lang, descriptors, docs_base, due_within_days, go)
    body = view.body()
    # the stylesheet and plotly's bundle are the checker's own files, inlined as they are
    return templates.page("portfolio.html", lang=lang, w=view.w, report=report, version=__version__,
                          stylesheet=Markup(templates.resource("portfolio.css")),
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


class _View:
    """Builds the body; `charts` says whether plotly.js must be inlined."""

    def __init__(self, report: Report, lang: str, descriptors: Sequence[Descriptor] | None, docs_base: str | None,
                 window: int, go: Any) -> None:
        self.report, self.lang, self.go, self.window = report, lang, go, window
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

    # --- helpers --------------------------------------------------------------------------------------------

    def docs_href(self, docs: str | None) -> str | None:
        if not docs:
            return None
        return (self.docs_base.rstrip("/") + "/" + docs) if self.docs_base else docs

    def rule_href(self, rule_id: str, docs: str | None = None) -> str | None:
        rule = self.rules.get(rule_id)
        return _href(self.docs_href(docs or (rule.docs if rule else None)))

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

    def matrix(self) -> dict[str, Any]:
        """The rules with a finding, their packs as column groups, and per organisation the rows of cells."""
        w, lang = self.w, self.lang
        found: dict[tuple[str, str], dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for f in self.report.findings:
            key = self.row_key(f)
            if key in self.anchor and f.rule_id in self.rules:
                found[key][f.rule_id].append(f)
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
                    href = f"#{self.anchor[key]}-{rule.id}" if state in ("error", "fail", "advisory", "waived") else _href(self.docs_href(rule.docs))
                    cells.append({"state": state, "rule": rule.id, "tips": tips, "href": href or ""})
                rows.append((key, cells))
            groups.append((org, rows))
        return {"rules": rules, "packs": packs, "groups": groups}

    def findings(self) -> dict[str, Any]:
        """Failures, accepted risks and errors: per organisation and service, and those tied to no checked service."""
        shown = [f for f in self.report.findings if _state(f) in ("error", "fail", "advisory", "waived")]
        by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        other: list[Finding] = []
        for f in shown:
            key = self.row_key(f)
            (by_key[key] if key in self.anchor else other).append(f)
        groups = [(org, [(key, self.anchor[key], self.finding_rows(by_key[key], key)) for key in keys])
                  for org, keys in self.grouped([k for k in self.rows if k in by_key])]
        return {"any": bool(shown), "groups": groups, "other": self.finding_rows(other, None) if other else []}

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
            rows.append({"finding": f, "state": state, "anchor": anchor, "waiver_note": note, "waiver_expired": expired,
                         "where": where, "known": f.rule_id in self.rules})
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
                         "n": n, "share": f"{n / total:.0%}", "materieel": facts[name]["materieel"],
                         "orgs": ", ".join(sorted(facts[name]["orgs"], key=str.casefold))})
        return {"by_provider": self.stacked_bars(by_provider, orgs, w["by_provider"], "providers"),
                "by_jurisdiction": self.stacked_bars(labelled, orgs, w["by_jurisdiction"], "jurisdictions"), "rows": rows}

    def stacked_bars(self, counts: dict[str, Counter], orgs: list[str], title: str, name: str) -> str:
        """Horizontal bars, one per category (largest on top), stacked per organisation."""
        go = self.go
        categories = sorted(counts, key=lambda c: (sum(counts[c].values()), c.casefold()), reverse=False)
        fig = go.Figure()
        for org in orgs:
            fig.add_trace(go.Bar(y=[escape(c) for c in categories], x=[counts[c][org] for c in categories], name=escape(org), orientation="h",
                                 hovertemplate=f"{escape(org)}<br>%{{y}}: %{{x}}<extra></extra>"))
        fig.update_layout(barmode="stack", title={"text": title}, height=160 + 34 * len(categories) + 18 * len(orgs),
                          xaxis={"dtick": 1 if max((sum(v.values()) for v in counts.values()), default=0) <= 12 else None},
                          yaxis={"automargin": True}, showlegend=len(orgs) > 1)
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
        if not where:
            return None
        countries = sorted(where, key=lambda c: (self.area(c) != "eer", -sum(len(s) for s in where[c].values()), c))
        labels = [escape(self.country_label(c)) for c in countries]
        fig = go.Figure()
        for kind in LOCATION_KINDS:
            fig.add_trace(go.Bar(x=labels, y=[len(where[c][kind]) for c in countries], name=escape(w["kind"][kind]),
                                 marker={"color": _KIND_COLOUR[kind]}, hovertemplate=f"{escape(w['kind'][kind])}<br>%{{x}}: %{{y}}<extra></extra>"))
        fig.update_layout(barmode="group", title={"text": w["locations"]}, height=420, yaxis={"title": {"text": w["services_axis"]}})
        rows = [{"country": c, "area": self.area(c), "cells": [sorted(where[c][kind]) for kind in LOCATION_KINDS],
                 "all": sorted(set().union(*where[c].values()))} for c in countries]
        return {"chart": self.chart(fig, "locations"), "kinds": [w["kind"][k] for k in LOCATION_KINDS], "rows": rows}

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
        fig.update_layout(barmode="stack", title={"text": w["classification"]}, height=400, yaxis={"title": {"text": w["services_axis"]}})
        rows = [(w["rubricering"].get(level, level), sorted(members[level])) for level in order if members[level]]
        return {"chart": self.chart(fig, "classification"), "rows": rows}

    def deadline_items(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for d in self.descriptors or ():
            ra = ((d.data.get("assessments") or {}).get("risk_assessment")) or {}
            done = _date(ra.get("date"))
            if ra.get("status") == "approved" and done:
                months = int(d.thresholds.get("risk_assessment_max_age_months", 12))
                changed = _date((d.data.get("service") or {}).get("last_significant_change"))
                if changed and done < changed <= self.as_of:
                    items.append(self._item(d, "risk_assessment", done, changed, "changed", changed))
                else:
                    self._due(items, d, "risk_assessment", done, add_months(done, months))
            plan = (d.data.get("exit") or {}).get("plan")
            if isinstance(plan, dict):
                tested = _date(plan.get("self_tested_on"))
                if tested:
                    self._due(items, d, "exit_test", tested, add_months(tested, int(d.thresholds.get("supplier_review_max_age_months", 12))))
                else:
                    items.append(self._item(d, "exit_test", None, None, "untested"))
        return sorted(items, key=lambda i: (i["due"] or date.min, i["key"][1]))

    def _due(self, items: list[dict[str, Any]], d: Descriptor, what: str, last: date, due: date) -> None:
        left = (due - self.as_of).days
        if left < 0:
            items.append(self._item(d, what, last, due, "overdue"))
        elif left <= self.window:
            items.append(self._item(d, what, last, due, "soon"))

    def _item(self, d: Descriptor, what: str, last: date | None, due: date | None, state: str, changed: date | None = None) -> dict[str, Any]:
        return {"key": d.key, "what": what, "last": last, "due": due, "state": state, "changed": changed,
                "days": (due - self.as_of).days if due else None}

    def deadlines_intro(self) -> str:
        ra = {int(d.thresholds.get("risk_assessment_max_age_months", 12)) for d in self.descriptors or ()} or {12}
        tests = {int(d.thresholds.get("supplier_review_max_age_months", 12)) for d in self.descriptors or ()} or {12}
        return self.w["deadlines_intro"].format(days=self.window, ra="/".join(map(str, sorted(ra))), tests="/".join(map(str, sorted(tests))))

    def waivers(self) -> list[tuple[dict[str, Any], int | str]]:
        """Every waiver with its days left; expired and expiring first."""
        rank = {s: i for i, s in enumerate(("expired", "expiring", "invalid", "unused", "active"))}
        rows = []
        for waiver in sorted(self.report.waivers, key=lambda x: (rank.get(str(x.get("status")), 9), str(x.get("expires")), str(x.get("rule")))):
            expires = _date(waiver.get("expires"))
            rows.append((waiver, (expires - self.as_of).days if expires else ""))
        return rows


SECTIONS = ("matrix", "findings", "providers", "locations", "classification", "deadlines", "waivers", "run", "rules")
