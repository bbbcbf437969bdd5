"""The portfolio view (issue 9): one self-contained HTML file for CIO offices, CISOs and procurement officers.

A compliance matrix of services against rules, grouped by organisation; provider concentration per provider and
per jurisdiction of the ultimate parent; the countries where data are stored, processed and reachable from;
services by rubricering; risk assessments and exit tests that are due, and waivers about to expire.

The Report holds the findings but not the descriptors (provider, hosting, data, assessments) nor each service's
organisation, so the portfolio parts read them again from the files the report checked:

    report = checker.evaluate.check(options)
    html = render(report, lang, load_descriptors(report, options.config))

Without descriptors, `render(report, lang)` shows the matrix, the findings and the waivers, and says what is
missing. The charts are drawn by plotly, whose JavaScript is inlined once: the file needs no network to view,
and its Content-Security-Policy forbids loading anything from elsewhere. plotly is the optional extra `report`.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from checker import __version__
from checker.errors import UsageError
from checker.gate import exit_code
from checker.model import Enforcement, Finding, Report, Rule, Status
from checker.reporters.common import codes, deviation_where, run_words, safe_link, server_line, skipped_reason, skipped_summary, visible


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

WORDS: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Cloudportfolio",
        "subtitle": "Rijksbreed cloudbeleid, Kaderwet zbo, AVG, BIO2: stand per dienst",
        "verdict": {0: "Voldoet", 1: "Voldoet niet", 2: "Niet alles kon worden gecontroleerd"},
        "meta": "Peildatum {as_of} · drempel {fail_on} · engine {engine} ({version}) · regels {revision} · cloudbeleid-checker {tool}",
        "cards": {"services": "diensten", "organisations": "organisaties", "failing_services": "diensten met verplichte tekortkoming",
                  "fail": "verplicht falend", "advisory": "advies", "waived": "geaccepteerd risico", "error": "niet gecontroleerd"},
        "nav": {"matrix": "Matrix", "findings": "Bevindingen", "providers": "Leveranciers", "locations": "Landen",
                "classification": "Rubricering", "deadlines": "Termijnen", "waivers": "Risicoacceptaties", "run": "Uitvoering", "rules": "Regels"},
        "matrix": "Nalevingsmatrix: diensten tegen regels",
        "matrix_intro": "Elke cel is de uitkomst van één regel voor één dienst; een cel met een tekortkoming springt naar de bevinding, de kolomkop naar de uitleg van de regel.",
        "state": {"error": "fout", "fail": "voldoet niet (verplicht)", "advisory": "voldoet niet (advies)", "waived": "geaccepteerd risico",
                  "pass": "voldoet", "na": "niet van toepassing"},
        "service": "Dienst",
        "organisation": "Organisatie",
        "unknown_org": "(organisatie onbekend)",
        "n_services": ("{n} dienst", "{n} diensten"),
        "findings": "Bevindingen",
        "findings_intro": "Tekortkomingen, geaccepteerde risico's en fouten, per dienst. De regel verwijst naar haar uitleg, de bron naar de wettekst of het beleidsstuk.",
        "no_findings": "Geen tekortkomingen.",
        "columns": ("Uitkomst", "Regel", "Ernst", "Melding", "Plaats", "Bronnen"),
        "source": "bron",
        "rules": "Regels",
        "rules_intro": "Elke regel van deze run: wat zij vraagt, wat te doen, en haar bronnen met hoe zeker die zijn. Een bron met * is niet geverifieerd tegen de primaire tekst.",
        "rule_columns": ("Regel", "Titel en wat te doen", "Ernst", "Bronnen"),
        "other_findings": "Overige meldingen (niet aan een gecontroleerde dienst gekoppeld)",
        "docs": "uitleg",
        "remediation": "Wat te doen",
        "waiver_note": "risicoacceptatie {ref} ({owner} / {approver}), geldig tot {expires}",
        "waiver_expired": "risicoacceptatie {ref} verlopen sinds {expires}",
        "source_status": {"verified": "geverifieerd", "partly_verified": "deels geverifieerd", "secondary": "alleen secundair, niet geverifieerd",
                          "memory": "uit het geheugen, niet geverifieerd"},
        "providers": "Concentratie bij leveranciers",
        "providers_intro": "Aantal diensten per leverancier en per jurisdictie van de uiteindelijke moedermaatschappij, gestapeld per organisatie.",
        "by_provider": "Diensten per leverancier",
        "by_jurisdiction": "Diensten per jurisdictie van de uiteindelijke moeder",
        "provider_columns": ("Leverancier", "Moeder in", "Diensten", "Aandeel", "Waarvan materieel", "Organisaties"),
        "services_axis": "diensten",
        "outside_eer": "buiten EER",
        "locations": "Waar de gegevens zijn en vandaan bereikbaar zijn",
        "locations_intro": "Aantal diensten per land en soort: opslag, verwerking, back-up, en toegang voor ondersteuning en telemetrie (subverwerkers meegeteld). Landen buiten de EER zijn gemarkeerd.",
        "kind": {"storage": "opslag", "processing": "verwerking", "backup": "back-up", "support": "ondersteuning", "telemetry": "telemetrie"},
        "country": "Land",
        "area": {"eer": "EER", "adequacy": "adequaatheidsbesluit", "adequacy_dpf": "adequaat alleen met DPF", "other": "buiten EER, geen adequaatheid"},
        "area_head": "Gebied",
        "services_head": "Diensten",
        "classification": "Diensten naar rubricering",
        "classification_intro": "Aantal diensten per rubricering, gestapeld naar inzetmodel (publiek en hybride gelden als publieke cloud).",
        "rubricering": {"ongerubriceerd": "Ongerubriceerd", "dep_vertrouwelijk": "Dep. Vertrouwelijk", "stg_confidentieel": "Stg. Confidentieel",
                        "stg_geheim": "Stg. Geheim", "stg_zeer_geheim": "Stg. Zeer Geheim"},
        "deployment": {"public": "publiek", "hybrid": "hybride", "community": "community", "private_external": "privé (extern)",
                       "government_dc": "overheidsdatacentrum", "on_premise": "eigen beheer"},
        "deadlines": "Risicoafwegingen en exittests: verlopen of bijna",
        "deadlines_intro": "Verlopen, of verlopend binnen {days} dagen na de peildatum. Een risicoafweging geldt {ra} maanden (drempel risk_assessment_max_age_months) en vervalt bij een significante wijziging; een exittest {tests} maanden (supplier_review_max_age_months).",
        "deadline_columns": ("Dienst", "Organisatie", "Wat", "Laatst", "Uiterlijk", "Dagen", "Stand"),
        "what": {"risk_assessment": "risicoafweging", "exit_test": "exittest"},
        "due": {"overdue": "verlopen", "soon": "verloopt binnenkort", "changed": "verouderd: significant gewijzigd op {date}", "untested": "exitplan nooit getest"},
        "no_deadlines": "Niets verlopen of verlopend.",
        "waivers": "Risicoacceptaties",
        "waivers_intro": "Elke risicoacceptatie van de run met haar stand; verlopen en binnenkort verlopende eerst.",
        "waiver_columns": ("Stand", "Regel", "Dienst", "Besluit", "Risico-eigenaar", "Akkoord", "Tot", "Dagen", "Reden"),
        "waiver_status": {"expired": "verlopen", "expiring": "verloopt binnenkort", "invalid": "ongeldig", "unused": "ongebruikt", "active": "actief"},
        "no_waivers": "Geen risicoacceptaties.",
        "run": "Uitvoering: server, referentiegegevens, overgeslagen bestanden",
        "run_intro": "Wat deze run niet of anders controleerde dan de meegeleverde referentiegegevens voorschrijven.",
        "nothing_run": "Geen afwijkingen van de referentiegegevens en geen overgeslagen bestanden.",
        "needs_descriptors": "Dit deel heeft de beschrijvingen van de diensten nodig; maak het rapport met render(report, lang, load_descriptors(report)).",
        "footer": "Gemaakt door cloudbeleid-checker {tool}. Regels waarvan de bron niet is geverifieerd zijn gemarkeerd; lees ze als zodanig.",
    },
    "en": {
        "title": "Cloud portfolio",
        "subtitle": "Rijksbreed cloudbeleid, Kaderwet zbo, AVG (GDPR), BIO2: standing per service",
        "verdict": {0: "Compliant", 1: "Not compliant", 2: "Not everything could be checked"},
        "meta": "Reference date {as_of} · threshold {fail_on} · engine {engine} ({version}) · rules {revision} · cloudbeleid-checker {tool}",
        "cards": {"services": "services", "organisations": "organisations", "failing_services": "services with a mandatory failure",
                  "fail": "mandatory failing", "advisory": "advisory", "waived": "accepted risk", "error": "not checked"},
        "nav": {"matrix": "Matrix", "findings": "Findings", "providers": "Providers", "locations": "Countries",
                "classification": "Classification", "deadlines": "Deadlines", "waivers": "Waivers", "run": "Run", "rules": "Rules"},
        "matrix": "Compliance matrix: services against rules",
        "matrix_intro": "Each cell is the outcome of one rule for one service; a failing cell jumps to the finding, a column header to the rule's explanation.",
        "state": {"error": "error", "fail": "fails (mandatory)", "advisory": "fails (advisory)", "waived": "accepted risk",
                  "pass": "passes", "na": "not applicable"},
        "service": "Service",
        "organisation": "Organisation",
        "unknown_org": "(organisation unknown)",
        "n_services": ("{n} service", "{n} services"),
        "findings": "Findings",
        "findings_intro": "Failures, accepted risks and errors, per service. The rule links to its explanation, the source to the legal or policy text.",
        "no_findings": "No failures.",
        "columns": ("Outcome", "Rule", "Severity", "Message", "Location", "Sources"),
        "source": "source",
        "rules": "Rules",
        "rules_intro": "Every rule of this run: what it asks, what to do, and its sources with how sure they are. A source marked * is not verified against the primary text.",
        "rule_columns": ("Rule", "Title and what to do", "Severity", "Sources"),
        "other_findings": "Other notices (not tied to a checked service)",
        "docs": "explanation",
        "remediation": "What to do",
        "waiver_note": "waiver {ref} ({owner} / {approver}), valid until {expires}",
        "waiver_expired": "waiver {ref} expired since {expires}",
        "source_status": {"verified": "verified", "partly_verified": "partly verified", "secondary": "secondary only, not verified",
                          "memory": "from memory, not verified"},
        "providers": "Provider concentration",
        "providers_intro": "Number of services per provider and per jurisdiction of the ultimate parent company, stacked by organisation.",
        "by_provider": "Services per provider",
        "by_jurisdiction": "Services per jurisdiction of the ultimate parent",
        "provider_columns": ("Provider", "Parent in", "Services", "Share", "Of which materieel", "Organisations"),
        "services_axis": "services",
        "outside_eer": "outside EEA",
        "locations": "Where the data are and where they can be reached from",
        "locations_intro": "Number of services per country and kind: storage, processing, backup, and access for support and telemetry (subprocessors included). Countries outside the EEA are marked.",
        "kind": {"storage": "storage", "processing": "processing", "backup": "backup", "support": "support access", "telemetry": "telemetry"},
        "country": "Country",
        "area": {"eer": "EEA", "adequacy": "adequacy decision", "adequacy_dpf": "adequate only with DPF", "other": "outside EEA, no adequacy"},
        "area_head": "Area",
        "services_head": "Services",
        "classification": "Services by classification (rubricering)",
        "classification_intro": "Number of services per rubricering, stacked by deployment model (public and hybrid count as public cloud).",
        "rubricering": {"ongerubriceerd": "Ongerubriceerd (unclassified)", "dep_vertrouwelijk": "Dep. Vertrouwelijk", "stg_confidentieel": "Stg. Confidentieel",
                        "stg_geheim": "Stg. Geheim", "stg_zeer_geheim": "Stg. Zeer Geheim"},
        "deployment": {"public": "public", "hybrid": "hybrid", "community": "community", "private_external": "private (external)",
                       "government_dc": "government data centre", "on_premise": "on premises"},
        "deadlines": "Risk assessments and exit tests: overdue or nearly so",
        "deadlines_intro": "Overdue, or due within {days} days of the reference date. A risk assessment holds for {ra} months (threshold risk_assessment_max_age_months) and lapses with a significant change; an exit test for {tests} months (supplier_review_max_age_months).",
        "deadline_columns": ("Service", "Organisation", "What", "Last", "Due", "Days", "Standing"),
        "what": {"risk_assessment": "risk assessment", "exit_test": "exit test"},
        "due": {"overdue": "overdue", "soon": "due soon", "changed": "out of date: significant change on {date}", "untested": "exit plan never tested"},
        "no_deadlines": "Nothing overdue or nearly so.",
        "waivers": "Waivers (risk acceptances)",
        "waivers_intro": "Every waiver of the run with its status; expired and expiring first.",
        "waiver_columns": ("Status", "Rule", "Service", "Decision", "Risk owner", "Approved by", "Expires", "Days", "Reason"),
        "waiver_status": {"expired": "expired", "expiring": "expiring", "invalid": "invalid", "unused": "unused", "active": "active"},
        "no_waivers": "No waivers.",
        "run": "Run: server, reference data, skipped files",
        "run_intro": "What this run did not check, or checked otherwise than the shipped reference data prescribe.",
        "nothing_run": "No deviations from the reference data and no skipped files.",
        "needs_descriptors": "This part needs the services' descriptors; build the report with render(report, lang, load_descriptors(report)).",
        "footer": "Made by cloudbeleid-checker {tool}. Rules whose source is not verified are marked; read them as such.",
    },
}


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


def load_descriptors(report: Report, config: Path | None = None) -> list[Descriptor]:
    """The descriptors of the services the report checked, read again from its files (relative to the same cwd).

    `config` is the run's --config, if any: it decides the organisation as it did in the run. Descriptors that
    failed the schema are left out, as they are from the report's services.
    """
    from checker.config import DEFAULT_THRESHOLDS, ConfigFinder
    from checker.evaluate import collect

    if not report.files:
        return []
    collected = collect([Path(f) for f in report.files], ConfigFinder(config))
    return [
        Descriptor(s.id, s.document.file, s.document.index, s.document.data, s.organisation,
                   {**DEFAULT_THRESHOLDS, **s.config.thresholds})
        for s in collected.services
    ]


def _plotly() -> Any:
    try:
        import plotly.graph_objects as go
        from plotly.offline import get_plotlyjs
    except ImportError:
        raise UsageError(f"the HTML portfolio report needs plotly, from the optional extra 'report': {INSTALL}") from None
    return go, get_plotlyjs


def render(report: Report, lang: str, descriptors: Sequence[Descriptor] | None = None, *,
           docs_base: str | None = None, due_within_days: int = DUE_WITHIN_DAYS) -> str:
    """The portfolio view as one self-contained HTML document.

    docs_base: prefix for the rules' docs pages (a URL or a path ending in '/'); by default the pages' paths
    relative to the repository root (docs/rules/...), which resolve when the file lies in a checkout's root.
    """
    go, get_plotlyjs = _plotly()
    lang = lang if lang in WORDS else "nl"
    view = _View(report, lang, descriptors, docs_base, due_within_days, go)
    body = view.body()
    head_script = f"<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script>\n<script>{get_plotlyjs()}</script>" if view.charts else ""
    words = WORDS[lang]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<meta name="generator" content="cloudbeleid-checker {escape(__version__)}">
<title>{escape(words['title'])} · {escape(report.as_of)}</title>
<style>{_CSS}</style>
{head_script}
</head>
<body>
{body}
</body>
</html>
"""


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
        self.w = WORDS[lang]
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

    def rule_link(self, rule_id: str, docs: str | None = None, label: str | None = None) -> str:
        rule = self.rules.get(rule_id)
        href = _href(self.docs_href(docs or (rule.docs if rule else None)))
        title = f' title="{escape(rule.title.get(self.lang))}"' if rule else ""
        text = escape(label or rule_id)
        return f'<a href="{escape(href)}"{title}>{text}</a>' if href else f"<span{title}>{text}</span>"

    def row_key(self, finding: Finding) -> tuple[str, str]:
        key = (finding.location.file, finding.service or "")
        if key in self.by_key or not finding.service:
            return key
        return self.by_service.get(finding.service, key)

    def organisation(self, key: tuple[str, str]) -> str:
        d = self.by_key.get(key)
        return (d.organisation_name if d else "") or self.w["unknown_org"]

    def service_label(self, key: tuple[str, str]) -> str:
        d = self.by_key.get(key)
        name = (d.data.get("service") or {}).get("name") if d else None
        return f'{escape(name)} <span class="id">{escape(key[1])}</span>' if name else f'<span class="id">{escape(key[1])}</span>'

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
        return f'<div class="chart">{fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=config)}</div>'

    def needs_descriptors(self) -> str:
        return f'<p class="note">{escape(self.w["needs_descriptors"])}</p>'

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

    # --- sections -------------------------------------------------------------------------------------------

    def body(self) -> str:
        w = self.w
        sections = [
            ("matrix", self.matrix()),
            ("findings", self.findings()),
            ("providers", self.providers()),
            ("locations", self.locations()),
            ("classification", self.classification()),
            ("deadlines", self.deadlines()),
            ("waivers", self.waivers()),
            ("run", self.run()),
            ("rules", self.rule_catalogue()),
        ]
        nav = " ".join(f'<a href="#{key}">{escape(w["nav"][key])}</a>' for key, _ in sections)
        parts = [self.header(), f'<nav>{nav}</nav>', "<main>"]
        parts += [f'<section id="{key}">{html}</section>' for key, html in sections]
        parts += ["</main>", f'<footer>{escape(w["footer"].format(tool=__version__))}</footer>']
        return "\n".join(parts)

    def header(self) -> str:
        r, w = self.report, self.w
        code = int(exit_code(r))
        states = Counter(_state(f) for f in r.findings)
        failing_services = {self.row_key(f) for f in r.findings if f.service and _state(f) == "fail"}
        organisations = {self.organisation(k) for k in self.rows} if self.descriptors is not None else set()
        cards = [
            ("services", len(r.services), ""),
            ("organisations", len(organisations) if self.descriptors is not None else "–", ""),
            ("failing_services", len(failing_services), "fail" if failing_services else ""),
            ("fail", states["fail"], "fail" if states["fail"] else ""),
            ("advisory", states["advisory"], "advisory" if states["advisory"] else ""),
            ("waived", states["waived"], "waived" if states["waived"] else ""),
            ("error", states["error"], "error" if states["error"] else ""),
        ]
        card_html = "".join(f'<div class="card {cls}"><b>{value}</b><span>{escape(w["cards"][key])}</span></div>' for key, value, cls in cards)
        meta = w["meta"].format(as_of=r.as_of, fail_on=r.fail_on, engine=r.engine, version=r.engine_version,
                                revision=r.policy_revision or "?", tool=__version__)
        server = server_line(r, self.lang)
        if server:
            meta += f" · {server}"
        return (f'<header><h1>{escape(w["title"])} <span class="verdict v{code}">{escape(w["verdict"][code])}</span></h1>'
                f'<p class="subtitle">{escape(w["subtitle"])}</p><p class="meta">{escape(meta)}</p>'
                f'<div class="cards">{card_html}</div></header>')

    def matrix(self) -> str:
        w, lang = self.w, self.lang
        cells: dict[tuple[str, str], dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for f in self.report.findings:
            key = self.row_key(f)
            if key in self.anchor and f.rule_id in self.rules:
                cells[key][f.rule_id].append(f)
        rules = [r for r in self.report.rules if any(r.id in row for row in cells.values())]
        legend = "".join(f'<span class="cell {s}">{SYMBOL[s]}</span> {escape(w["state"][s])} ' for s in STATES)
        out = [f'<h2>{escape(w["matrix"])}</h2>', f'<p>{escape(w["matrix_intro"])}</p>', f'<p class="legend">{legend}</p>']
        if not rules:
            return "\n".join(out)
        packs: list[tuple[str, int]] = []
        for rule in rules:
            if packs and packs[-1][0] == rule.pack:
                packs[-1] = (rule.pack, packs[-1][1] + 1)
            else:
                packs.append((rule.pack, 1))
        head1 = "".join(f'<th colspan="{n}" class="pack">{escape(pack)}</th>' for pack, n in packs)
        head2 = "".join(f'<th class="rule"><div>{self.rule_link(r.id)}</div></th>' for r in rules)
        rows = []
        for org, keys in self.grouped(self.rows):
            if org is not None:
                rows.append(f'<tr class="org"><th colspan="{len(rules) + 1}">{escape(org)} · {escape(w["n_services"][len(keys) != 1].format(n=len(keys)))}</th></tr>')
            for key in keys:
                tds = []
                for rule in rules:
                    found = cells[key].get(rule.id, [])
                    if not found:
                        tds.append('<td class="cell"></td>')
                        continue
                    state = min((_state(f) for f in found), key=STATES.index)
                    tip = escape(w["state"][state]) if state in ("pass", "na") else "&#10;".join(
                        escape(f"{w['state'][_state(f)]}: {f.message.get(lang)}") for f in found if _state(f) == state)
                    href = f"#{self.anchor[key]}-{rule.id}" if state in ("error", "fail", "advisory", "waived") else _href(self.docs_href(rule.docs))
                    tds.append(f'<td class="cell {state}" title="{escape(rule.id)}&#10;{tip}"><a href="{escape(href or "")}">{SYMBOL[state]}</a></td>')
                rows.append(f'<tr><th class="svc">{self.service_label(key)}</th>{"".join(tds)}</tr>')
        out.append(f'<div class="matrix-wrap"><table class="matrix"><thead><tr><th rowspan="2" class="corner">{escape(w["service"])}</th>{head1}</tr>'
                   f'<tr>{head2}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
        return "\n".join(out)

    def findings(self) -> str:
        w = self.w
        shown = [f for f in self.report.findings if _state(f) in ("error", "fail", "advisory", "waived")]
        out = [f'<h2>{escape(w["findings"])}</h2>', f'<p>{escape(w["findings_intro"])}</p>']
        if not shown:
            return "\n".join(out + [f'<p>{escape(w["no_findings"])}</p>'])
        by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        other: list[Finding] = []
        for f in shown:
            key = self.row_key(f)
            (by_key[key] if key in self.anchor else other).append(f)
        for org, keys in self.grouped([k for k in self.rows if k in by_key]):
            if org is not None:
                out.append(f"<h3>{escape(org)}</h3>")
            for key in keys:
                out.append(f'<h4 id="{self.anchor[key]}">{self.service_label(key)} <span class="file">{escape(key[0])}</span></h4>')
                out.append(self.finding_table(by_key[key], key))
        if other:
            out.append(f'<h3>{escape(w["other_findings"])}</h3>')
            out.append(self.finding_table(other, None))
        return "\n".join(out)

    def finding_table(self, findings: list[Finding], key: tuple[str, str] | None) -> str:
        w, lang = self.w, self.lang
        order = sorted(findings, key=lambda f: (STATES.index(_state(f)), f.severity.rank, f.rule_id))
        rows, anchored = [], set()
        for f in order:
            state = _state(f)
            anchor = ""
            if key is not None and f.rule_id not in anchored:
                anchored.add(f.rule_id)
                anchor = f' id="{self.anchor[key]}-{escape(f.rule_id)}"'
            message = escape(f.message.get(lang))
            if f.waiver and f.waiver.get("status") == "expired":
                message += f'<br><span class="waiver expired">{escape(w["waiver_expired"].format(ref=f.waiver.get("decision_ref"), expires=f.waiver.get("expires")))}</span>'
            elif f.waiver and state == "waived":
                note = w["waiver_note"].format(ref=f.waiver.get("decision_ref"), owner=f.waiver.get("risk_owner"),
                                               approver=f.waiver.get("approved_by"), expires=f.waiver.get("expires"))
                message += f'<br><span class="waiver">{escape(note)}</span>'
            sources = " ".join(self.source_link(s, i) for i, s in enumerate(f.sources, 1))
            # under a service's heading (which names the file) the line and column suffice
            where = f"{f.location.line}:{f.location.column}" if key is not None else str(f.location)
            rule = self.rule_link(f.rule_id, f.docs)
            if f.rule_id in self.rules:
                rule += f' <a class="more" href="#rule-{escape(f.rule_id)}" title="{escape(w["remediation"])}">&#8595;</a>'
            rows.append(f'<tr{anchor}><td><span class="badge {state}">{SYMBOL[state]} {escape(w["state"][state])}</span></td>'
                        f'<td>{rule}</td><td class="sev {f.severity.value}">{escape(f.severity.value)}</td><td>{message}</td>'
                        f'<td class="loc">{escape(where)}<br><code>{escape(f.location.pointer or "/")}</code></td><td class="src">{sources}</td></tr>')
        head = "".join(f"<th>{escape(c)}</th>" for c in w["columns"])
        return f'<table class="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def source_link(self, source: Any, number: int) -> str:
        """A short link to a legal source; the tooltip names the document and how sure the project is of it."""
        status = self.w["source_status"].get(source.status, source.status)
        tip = escape(f"{source.document}{', ' + source.section if source.section else ''} ({status})")
        flag = "" if source.status == "verified" else " unverified"
        label = f"{self.w['source']} {number}{'' if source.status == 'verified' else '*'}"
        if safe_link(source.url):
            return f'<a class="srcl{flag}" href="{escape(source.url)}" rel="noopener noreferrer" title="{tip}">{escape(label)}</a>'
        return f'<span class="srcl{flag}" title="{tip}">{escape(label)}</span>'

    def source(self, source: Any) -> str:
        label = source.document + (f", {source.section}" if source.section else "")
        status = self.w["source_status"].get(source.status, source.status)
        flag = "" if source.status == "verified" else " unverified"
        text = f'<a href="{escape(source.url)}" rel="noopener noreferrer">{escape(label)}</a>' if safe_link(source.url) else escape(label)
        return f'{text} <span class="status{flag}">({escape(status)})</span>'

    def rule_catalogue(self) -> str:
        """Each rule of the run once: title, severity, its explanation, what to do, and its sources in full."""
        w, lang = self.w, self.lang
        out = [f'<h2>{escape(w["rules"])}</h2>', f'<p>{escape(w["rules_intro"])}</p>']
        rows = []
        for rule in self.report.rules:
            sources = "<br>".join(self.source(s) for s in rule.sources)
            docs = _href(self.docs_href(rule.docs))
            explanation = f' <a class="docs" href="{escape(docs)}">{escape(w["docs"])}</a>' if docs else ""
            rows.append(f'<tr id="rule-{escape(rule.id)}"><td>{self.rule_link(rule.id)}<br><span class="id">{escape(rule.pack)}</span></td>'
                        f'<td><b>{escape(rule.title.get(lang))}</b>{explanation}<br>'
                        f'<span class="rtitle">{escape(w["remediation"])}:</span> {escape(rule.remediation.get(lang))}</td>'
                        f'<td class="sev {rule.severity.value}">{escape(rule.severity.value)}</td><td class="src">{sources}</td></tr>')
        head = "".join(f"<th>{escape(c)}</th>" for c in w["rule_columns"])
        out.append(f'<table class="data rules"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        return "\n".join(out)

    def providers(self) -> str:
        w = self.w
        out = [f'<h2>{escape(w["providers"])}</h2>', f'<p>{escape(w["providers_intro"])}</p>']
        if self.descriptors is None:
            return "\n".join(out + [self.needs_descriptors()])
        if not self.descriptors:
            return "\n".join(out)
        orgs = sorted({self.organisation(d.key) for d in self.descriptors}, key=str.casefold)
        by_provider: dict[str, Counter] = defaultdict(Counter)
        by_parent: dict[str, Counter] = defaultdict(Counter)
        facts: dict[str, dict[str, Any]] = defaultdict(lambda: {"parents": set(), "materieel": 0, "orgs": set()})
        for d in self.descriptors:
            provider = d.data.get("provider") or {}
            name = provider.get("name") or "?"
            parent = provider.get("ultimate_parent_country") or provider.get("hq_country") or "?"
            org = self.organisation(d.key)
            by_provider[name][org] += 1
            by_parent[parent][org] += 1
            facts[name]["parents"].add(parent)
            facts[name]["orgs"].add(org)
            facts[name]["materieel"] += 1 if (d.data.get("service") or {}).get("materieel") else 0
        out.append(self.stacked_bars(by_provider, orgs, w["by_provider"], "providers"))
        labelled = {self.country_label(c): counts for c, counts in by_parent.items()}
        out.append(self.stacked_bars(labelled, orgs, w["by_jurisdiction"], "jurisdictions"))
        total = len(self.descriptors)
        head = "".join(f"<th>{escape(c)}</th>" for c in w["provider_columns"])
        rows = []
        for name, counts in sorted(by_provider.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            n = sum(counts.values())
            parents = ", ".join(self.country_label(c) for c in sorted(facts[name]["parents"]))
            rows.append(f'<tr><td>{escape(name)}</td><td>{escape(parents)}</td><td class="num">{n}</td><td class="num">{n / total:.0%}</td>'
                        f'<td class="num">{facts[name]["materieel"]}</td><td>{escape(", ".join(sorted(facts[name]["orgs"], key=str.casefold)))}</td></tr>')
        out.append(f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        return "\n".join(out)

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

    def locations(self) -> str:
        w, go = self.w, self.go
        out = [f'<h2>{escape(w["locations"])}</h2>', f'<p>{escape(w["locations_intro"])}</p>']
        if self.descriptors is None:
            return "\n".join(out + [self.needs_descriptors()])
        where: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # country -> kind -> service ids
        for d in self.descriptors:
            hosting = d.data.get("hosting") or {}
            for kind in LOCATION_KINDS:
                for country in hosting.get(_HOSTING_FIELD[kind]) or ():
                    where[country][kind].add(d.id)
            for sub in (d.data.get("provider") or {}).get("subprocessors") or ():
                for kind in sub.get("access") or ():
                    if kind in LOCATION_KINDS and sub.get("country"):
                        where[sub["country"]][kind].add(d.id)
        if not where:
            return "\n".join(out)
        countries = sorted(where, key=lambda c: (self.area(c) != "eer", -sum(len(s) for s in where[c].values()), c))
        labels = [escape(self.country_label(c)) for c in countries]
        fig = go.Figure()
        for kind in LOCATION_KINDS:
            fig.add_trace(go.Bar(x=labels, y=[len(where[c][kind]) for c in countries], name=escape(w["kind"][kind]),
                                 marker={"color": _KIND_COLOUR[kind]}, hovertemplate=f"{escape(w['kind'][kind])}<br>%{{x}}: %{{y}}<extra></extra>"))
        fig.update_layout(barmode="group", title={"text": w["locations"]}, height=420, yaxis={"title": {"text": w["services_axis"]}})
        out.append(self.chart(fig, "locations"))
        head = "".join(f"<th>{escape(c)}</th>" for c in (w["country"], w["area_head"], *(w["kind"][k] for k in LOCATION_KINDS)))
        rows = []
        for country in countries:
            area = self.area(country)
            tds = []
            for kind in LOCATION_KINDS:
                ids = sorted(where[country][kind])
                tds.append(f'<td class="num" title="{escape(", ".join(ids))}">{len(ids) or ""}</td>')
            rows.append(f'<tr class="area-{area}"><td>{escape(country)}</td><td>{escape(w["area"][area])}</td>{"".join(tds)}</tr>')
            if area != "eer":
                ids = sorted(set().union(*where[country].values()))
                rows.append(f'<tr class="area-{area} svcs"><td></td><td colspan="{len(LOCATION_KINDS) + 1}">{escape(", ".join(ids))}</td></tr>')
        out.append(f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        return "\n".join(out)

    def classification(self) -> str:
        w, go = self.w, self.go
        out = [f'<h2>{escape(w["classification"])}</h2>', f'<p>{escape(w["classification_intro"])}</p>']
        if self.descriptors is None:
            return "\n".join(out + [self.needs_descriptors()])
        levels: dict[str, Counter] = defaultdict(Counter)
        members: dict[str, list[str]] = defaultdict(list)
        for d in self.descriptors:
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
        out.append(self.chart(fig, "classification"))
        rows = "".join(
            f'<tr><td>{escape(w["rubricering"].get(level, level))}</td><td class="num">{len(members[level])}</td>'
            f'<td><details><summary>{escape(w["services_head"])}</summary>{escape(", ".join(sorted(members[level])))}</details></td></tr>'
            for level in order if members[level])
        out.append(f'<table class="data"><tbody>{rows}</tbody></table>')
        return "\n".join(out)

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

    def deadlines(self) -> str:
        w = self.w
        ra = {int(d.thresholds.get("risk_assessment_max_age_months", 12)) for d in self.descriptors or ()} or {12}
        tests = {int(d.thresholds.get("supplier_review_max_age_months", 12)) for d in self.descriptors or ()} or {12}
        intro = w["deadlines_intro"].format(days=self.window, ra="/".join(map(str, sorted(ra))), tests="/".join(map(str, sorted(tests))))
        out = [f'<h2>{escape(w["deadlines"])}</h2>', f'<p>{escape(intro)}</p>']
        if self.descriptors is None:
            return "\n".join(out + [self.needs_descriptors()])
        items = self.deadline_items()
        if not items:
            return "\n".join(out + [f'<p>{escape(w["no_deadlines"])}</p>'])
        head = "".join(f"<th>{escape(c)}</th>" for c in w["deadline_columns"])
        rows = []
        for item in items:
            key = item["key"]
            state = w["due"][item["state"]].format(date=item["changed"].isoformat() if item["changed"] else "")
            css = "soon" if item["state"] == "soon" else "overdue"
            rows.append(f'<tr class="{css}"><td><a href="#{self.anchor.get(key, "")}">{self.service_label(key)}</a></td><td>{escape(self.organisation(key))}</td>'
                        f'<td>{escape(w["what"][item["what"]])}</td><td class="date">{item["last"] or "–"}</td><td class="date">{item["due"] or "–"}</td>'
                        f'<td class="num">{"" if item["days"] is None else item["days"]}</td><td><span class="badge {css}">{escape(state)}</span></td></tr>')
        out.append(f'<table class="data deadlines"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        return "\n".join(out)

    def run(self) -> str:
        """The OPA server asked, every deviation from the reference data, and every file that was not checked."""
        w, r, lang = self.w, self.report, self.lang
        words = run_words(lang)
        out = [f'<h2>{escape(w["run"])}</h2>', f'<p>{escape(w["run_intro"])}</p>']
        server = server_line(r, lang)
        if server:
            out.append(f'<p class="server">{escape(server)}</p>')
        if r.reference_deviations:
            head = "".join(f"<th>{escape(c)}</th>" for c in words["columns_deviation"])
            rows = "".join(
                f'<tr><td class="loc">{escape(deviation_where(d))}</td><td>{escape(d.get("list", "?"))}</td><td>{escape(codes(d.get("added")))}</td>'
                f'<td>{escape(codes(d.get("removed")))}</td><td>{escape(d.get("reason") or words["no_reason"])}</td>'
                f'<td>{escape(d.get("decision_ref") or words["no_decision"])}</td></tr>' for d in r.reference_deviations)
            out += [f'<h3>{escape(words["deviations"])}</h3>',
                    f'<table class="data deviations"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>']
        if r.skipped:
            head = "".join(f"<th>{escape(c)}</th>" for c in words["columns_skipped"])
            rows = "".join(f'<tr><td class="loc">{escape(e.get("file", "?"))}</td><td>{escape(skipped_reason(e, lang))}</td></tr>' for e in r.skipped)
            out += [f'<h3>{escape(words["skipped_title"])}</h3>', f'<p>{escape(skipped_summary(r, lang))}</p>',
                    f'<table class="data skipped"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>']
        if not r.reference_deviations and not r.skipped:
            out.append(f'<p>{escape(w["nothing_run"])}</p>')
        return "\n".join(out)

    def waivers(self) -> str:
        w = self.w
        out = [f'<h2>{escape(w["waivers"])}</h2>', f'<p>{escape(w["waivers_intro"])}</p>']
        if not self.report.waivers:
            return "\n".join(out + [f'<p>{escape(w["no_waivers"])}</p>'])
        rank = {s: i for i, s in enumerate(("expired", "expiring", "invalid", "unused", "active"))}
        rows = []
        for waiver in sorted(self.report.waivers, key=lambda x: (rank.get(x.get("status"), 9), str(x.get("expires")), str(x.get("rule")))):
            status = waiver.get("status", "")
            expires = _date(waiver.get("expires"))
            days = (expires - self.as_of).days if expires else ""
            rows.append(f'<tr class="w-{escape(status)}"><td><span class="badge w-{escape(status)}">{escape(w["waiver_status"].get(status, status))}</span></td>'
                        f'<td>{self.rule_link(str(waiver.get("rule", "")))}</td><td>{escape(str(waiver.get("service", "")))}'
                        f'{("<br><code>" + escape(waiver["path"]) + "</code>") if waiver.get("path") else ""}</td>'
                        f'<td>{escape(str(waiver.get("decision_ref", "")))}</td><td>{escape(str(waiver.get("risk_owner", "")))}</td>'
                        f'<td>{escape(str(waiver.get("approved_by", "")))}</td><td class="date">{escape(str(waiver.get("expires", "")))}</td>'
                        f'<td class="num">{days}</td><td>{escape(str(waiver.get("reason", "")))}</td></tr>')
        head = "".join(f"<th>{escape(c)}</th>" for c in w["waiver_columns"])
        out.append(f'<table class="data waivers"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        return "\n".join(out)


_CSS = """
:root { --blue: #154273; --pass: #39870c; --fail: #d52b1e; --advisory: #e17000; --waived: #8e44ad; --na: #b4b4b4; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #f6f7f9; }
header { background: var(--blue); color: #fff; padding: 20px 28px 16px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
.subtitle { margin: 0; opacity: .9; } .meta { margin: 4px 0 12px; font-size: 12px; opacity: .8; }
.verdict { font-size: 14px; vertical-align: middle; padding: 3px 10px; border-radius: 12px; margin-left: 10px; }
.verdict.v0 { background: var(--pass); } .verdict.v1 { background: var(--fail); } .verdict.v2 { background: #000; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { background: rgba(255,255,255,.12); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; } .card span { font-size: 12px; }
.card.fail { background: var(--fail); } .card.advisory { background: var(--advisory); } .card.waived { background: var(--waived); } .card.error { background: #000; }
nav { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid #dde; padding: 8px 28px; }
nav a { margin-right: 16px; color: var(--blue); text-decoration: none; font-weight: 600; }
main { padding: 0 28px 28px; }
section { background: #fff; border: 1px solid #e3e5ea; border-radius: 6px; padding: 4px 20px 16px; margin-top: 20px; }
h2 { color: var(--blue); font-size: 20px; } h3 { margin: 20px 0 6px; color: var(--blue); } h4 { margin: 14px 0 6px; }
a { color: var(--blue); }
.id { color: #666; font-family: ui-monospace, monospace; font-size: 11px; } .file { color: #888; font-weight: normal; font-size: 12px; }
.note { background: #fff8e1; border-left: 4px solid var(--advisory); padding: 8px 12px; }
.legend .cell { display: inline-block; width: 22px; text-align: center; border-radius: 3px; margin-left: 10px; }
.matrix-wrap { overflow: auto; max-height: 85vh; border: 1px solid #e3e5ea; }
table { border-collapse: collapse; }
table.matrix { font-size: 12px; }
table.matrix th, table.matrix td { border: 1px solid #eceef2; }
table.matrix thead th { position: sticky; background: #fff; z-index: 2; }
table.matrix thead tr:first-child th { top: 0; height: 24px; }
table.matrix thead tr:nth-child(2) th { top: 24px; }
table.matrix th.corner { left: 0; z-index: 3; text-align: left; vertical-align: bottom; padding: 4px 8px; }
th.pack { font-weight: 600; color: #fff; background: var(--blue) !important; text-transform: uppercase; font-size: 11px; }
th.rule { vertical-align: bottom; padding: 4px 2px; }
th.rule div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; font-size: 11px; }
th.rule a { text-decoration: none; }
th.svc { position: sticky; left: 0; background: #fff; z-index: 1; text-align: left; font-weight: normal; white-space: nowrap; padding: 2px 8px; max-width: 360px; overflow: hidden; text-overflow: ellipsis; }
tr.org th { text-align: left; background: #e8eef6; color: var(--blue); padding: 5px 8px; position: sticky; left: 0; }
td.cell { width: 22px; min-width: 22px; text-align: center; padding: 0; }
td.cell a { display: block; color: inherit; text-decoration: none; line-height: 20px; }
.cell.pass { background: #e3f1da; color: var(--pass); } .cell.fail { background: var(--fail); color: #fff; font-weight: 700; }
.cell.advisory { background: #fde3c8; color: #8a4200; font-weight: 700; } .cell.waived { background: #eadcf1; color: var(--waived); font-weight: 700; }
.cell.na { background: #fafafa; color: var(--na); } .cell.error { background: #000; color: #ffde00; }
table.findings, table.data { width: 100%; font-size: 13px; margin: 6px 0 12px; }
table.findings th, table.data th { text-align: left; background: #f0f2f5; padding: 5px 8px; border-bottom: 1px solid #d8dbe0; }
table.findings td, table.data td { padding: 5px 8px; border-bottom: 1px solid #eceef2; vertical-align: top; }
table.findings tr:target { outline: 3px solid var(--advisory); }
td.date { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.loc { font-size: 11px; color: #555; word-break: break-all; min-width: 160px; } td.src { font-size: 12px; min-width: 180px; }
.rtitle { font-size: 12px; color: #444; } .docs, .more { font-size: 11px; text-decoration: none; }
.srcl { font-size: 12px; margin-right: 6px; white-space: nowrap; } .srcl.unverified { color: #a3281d; }
.badge { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 12px; white-space: nowrap; color: #fff; background: #777; }
.badge.fail, .badge.overdue, .badge.w-expired, .badge.w-invalid { background: var(--fail); } .badge.advisory, .badge.soon, .badge.w-expiring { background: var(--advisory); }
.badge.waived { background: var(--waived); } .badge.error { background: #000; color: #ffde00; } .badge.w-active { background: var(--pass); } .badge.w-unused { background: #777; }
.sev.critical, .sev.high { color: var(--fail); font-weight: 600; } .sev.medium { color: var(--advisory); }
.status { color: #555; font-size: 11px; } .status.unverified { color: var(--fail); }
.waiver { color: var(--waived); font-size: 12px; } .waiver.expired { color: var(--fail); }
tr.area-other td:first-child, tr.area-adequacy_dpf td:first-child { font-weight: 700; color: var(--fail); }
tr.svcs td { font-size: 11px; color: #555; border-bottom: 1px solid #e3e5ea; }
details summary { cursor: pointer; color: var(--blue); font-size: 12px; }
.chart { margin: 8px 0 4px; }
footer { padding: 12px 28px 24px; color: #666; font-size: 12px; }
@media print { nav { position: static; } .matrix-wrap { max-height: none; overflow: visible; } section { break-inside: avoid-page; } }
"""
