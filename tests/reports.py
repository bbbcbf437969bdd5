"""Reports built by hand, for the reporters' tests: independent of the loader, the engines and the rules."""

from __future__ import annotations

from checker.model import Enforcement, Finding, Location, Report, Rule, Severity, Source, Status, Text

RULE_ID_BASE = "CUSTOM-"  # a custom policy's id, from the repository


def text(s: str) -> Text:
    return Text(f"nl {s} nl", f"en {s} en")


def make_report(file: str, ident: str, free: str, lang: str = "nl", server: str | None = "https://opa.example:8181") -> Report:
    """A Report with `file` as every file name, `ident` as service, rule id and pack, `free` in every text."""
    rule_id = RULE_ID_BASE + ident
    rule = Rule(
        id=rule_id, package=f"custom.{ident}", pack=f"custom{ident}", severity=Severity.HIGH, title=text(free),
        messages={"fail": text(free)}, remediation=text(free),
        sources=(Source(document=free, status="secondary", section=free, url="javascript:alert(1)"),),
        applies_to=("*",), stages=("operation",), effective_from="2020-01-01", effective_until=None, waivable=True,
        file=file, description=text(free))
    waiver = {"rule": rule_id, "service": ident, "reason": free, "risk_owner": free, "approved_by": free,
              "decision_ref": free, "granted": "2026-01-01", "expires": "2026-12-01", "file": file, "line": 3, "status": "active"}
    location = Location(file=file, document=0, line=4, column=3, end_line=4, end_column=9, json_path=("provider", ident))
    common = dict(severity=Severity.HIGH, enforcement=Enforcement.MANDATORY, enforcement_reason=text(free),
                  service=ident, title=text(free), remediation=text(free), sources=rule.sources, docs=rule.docs)
    findings = (
        Finding(rule_id=rule_id, status=Status.FAIL, message=text(free), location=location, **common),
        Finding(rule_id=rule_id, status=Status.WAIVED, message=text(free), location=location, waiver=waiver, **common),
        Finding(rule_id="INPUT-SCHEMA", status=Status.ERROR, message=text(free), location=location, **common),
    )
    return Report(
        as_of="2026-11-28", lang=lang, engine="opa", packs=(rule.pack,), findings=findings, files=(file,), services=(ident,),
        rules=(rule,), engine_version="OPA 1.22.3", policy_revision=free, thresholds={file: Severity.LOW},
        waivers=(waiver, {**waiver, "status": "expiring", "expires": "2026-12-10"}),  # an expiring one is named in the text summary
        reference_deviations=({"file": file, "line": 12, "list": ident, "added": [free], "removed": ["RU", free],
                               "reason": free, "decision_ref": free},),
        skipped=({"file": file, "reason": "case"}, {"file": free, "reason": "excluded"}),
        server=server if server is None else f"{server}{free}")



def fields(report: Report) -> dict:
    return {name: getattr(report, name) for name in report.__dataclass_fields__}


C2000_DEVIATION = {"file": ".cloudbeleid.yaml", "line": 12, "list": "c2000_excluded", "added": ["BY"], "removed": ["RU", "CN"],
                   "reason": "pilotproject", "decision_ref": "DG-2026-17"}
SKIPPED = ({"file": "services/Mail.Cloud.yaml", "reason": "case"}, {"file": "services/Agenda.CLOUD.yaml", "reason": "case"},
           {"file": "legacy/old.cloud.yaml", "reason": "excluded"})


def with_run_facts(lang: str = "nl", server: str | None = "https://opa.example:8181") -> Report:
    """An ordinary report whose run used an OPA server, deviated from the reference data and skipped three files."""
    base = make_report("services/a.cloud.yaml", "mail", "exitplan ontbreekt", lang)
    return Report(**{**fields(base), "reference_deviations": (C2000_DEVIATION,), "skipped": SKIPPED, "server": server})


# -- the golden report (tests/golden): small, readable, every status and every run fact once ---------------------

GOLDEN_FILES = ("services/mail.cloud.yaml", "services/hr.cloud.yaml")


def _golden_rule(ident: str, package: str, severity: Severity, title: Text, source: Source) -> Rule:
    return Rule(id=ident, package=package, pack=package.split(".")[0], severity=severity, title=title,
                messages={"fail": title}, remediation=Text("Leg een exitstrategie vast.", "Record an exit strategy."),
                sources=(source,), applies_to=("*",), stages=("operation",), effective_from="2022-01-01",
                effective_until=None, waivable=True, file=f"policies/{package.replace('.', '/')}.rego",
                description=title)


def golden_report(lang: str = "nl") -> Report:
    """Two services, three rules: a mandatory failure, an advisory one, a pass, a waiver, not applicable, an input error."""
    exit_rule = _golden_rule("CB22-EXIT-STRATEGY", "cb22.exit_strategy", Severity.HIGH,
                             Text("Exitstrategie vastgelegd", "Exit strategy recorded"),
                             Source("Rijksbreed cloudbeleid 2022", "verified", "§ 4", "https://open.overheid.nl/documenten/cloudbeleid"))
    location_rule = _golden_rule("CB22-DATA-LOCATION", "cb22.data_location", Severity.MEDIUM,
                                 Text("Opslag binnen de EER", "Storage within the EEA"),
                                 Source("Rijksbreed cloudbeleid 2022", "secondary", "§ 5", None))
    zbo_rule = _golden_rule("ZBO-APPROVAL", "kaderwet_zbo.approval", Severity.LOW,
                            Text("Instemming van de minister", "Consent of the minister"),
                            Source("Kaderwet zbo", "verified", "art. 21", "https://wetten.overheid.nl/BWBR0020495"))
    mail, hr = GOLDEN_FILES
    reason = Text("De regel geldt voor deze dienst.", "The rule binds this service.")
    waiver = {"rule": "CB22-DATA-LOCATION", "service": "hr-saas", "reason": "migratie loopt", "risk_owner": "CIO",
              "approved_by": "SG", "decision_ref": "DG-2026-04", "granted": "2026-01-01", "expires": "2026-12-15",
              "file": ".cloudbeleid.yaml", "line": 7, "status": "expiring"}

    def finding(rule: Rule, status: Status, service: str, file: str, message: Text, line: int,
                enforcement: Enforcement = Enforcement.MANDATORY, path: tuple = (), **extra) -> Finding:
        return Finding(rule_id=rule.id, status=status, severity=rule.severity, enforcement=enforcement,
                       enforcement_reason=reason, message=message, service=service, title=rule.title,
                       remediation=rule.remediation, sources=rule.sources, docs=rule.docs,
                       location=Location(file=file, line=line, column=3, end_line=line, end_column=20, json_path=path), **extra)

    findings = (
        # its parameters set a deadline (a date and a term, no due date of its own), which only the portfolio shows
        finding(exit_rule, Status.FAIL, "mail-saas", mail, Text("Er is geen exitplan (exit.plan ontbreekt).",
                                                                "There is no exit plan (exit.plan is missing)."), 12, path=("exit",),
                params={"date": "2025-10-01", "as_of": "2026-11-28", "months": 12}),
        finding(location_rule, Status.FAIL, "mail-saas", mail, Text("Gegevens opgeslagen in US.", "Data stored in US."), 8,
                Enforcement.ADVISORY, ("hosting", "storage_locations", 0)),
        finding(zbo_rule, Status.NOT_APPLICABLE, "mail-saas", mail, Text("Geen zbo.", "Not a zbo."), 1,
                Enforcement.NOT_APPLICABLE),
        finding(exit_rule, Status.PASS, "hr-saas", hr, Text("Exitplan aanwezig.", "Exit plan present."), 20, path=("exit",)),
        finding(location_rule, Status.WAIVED, "hr-saas", hr, Text("Gegevens opgeslagen in US.", "Data stored in US."), 9,
                path=("hosting", "storage_locations", 0), waiver=waiver),
        Finding(rule_id="INPUT-SCHEMA", status=Status.ERROR, severity=Severity.HIGH, enforcement=Enforcement.MANDATORY,
                enforcement_reason=reason, message=Text("services/oud.cloud.yaml:3:1: veld 'provider' ontbreekt",
                                                        "services/oud.cloud.yaml:3:1: field 'provider' is missing"),
                location=Location(file="services/oud.cloud.yaml", line=3, column=1)),
    )
    return Report(
        as_of="2026-11-28", lang=lang, engine="embedded", packs=("cb22", "kaderwet_zbo"), findings=findings,
        files=GOLDEN_FILES, services=("mail-saas", "hr-saas"), rules=(exit_rule, location_rule, zbo_rule),
        engine_version="regorus 0.13.0", policy_revision="golden-1", thresholds={mail: Severity.LOW, hr: Severity.LOW},
        waivers=(waiver,), reference_deviations=(C2000_DEVIATION,), skipped=SKIPPED[:2], server=None)


def golden_ahead(lang: str = "nl") -> Report:
    """The golden run at the reference date plus 90 days: one more failure, with its rule's own due date."""
    from dataclasses import replace

    report = golden_report(lang)
    passed = next(f for f in report.findings if f.status is Status.PASS)
    due = replace(passed, status=Status.FAIL, message=Text("Exitplan niet herzien.", "Exit plan not reviewed."),
                  params={"due": "2027-01-15", "date": "2026-01-15"})
    return replace(report, as_of="2027-02-26", findings=(*report.findings, due))


def golden_descriptors() -> list:
    """The golden report's services as the portfolio reads them: provider, hosting, rubricering, dates."""
    from checker.reporters.html import Descriptor

    thresholds = {"risk_assessment_max_age_months": 12, "supplier_review_max_age_months": 12}
    mail = {"service": {"id": "mail-saas", "name": "Mail", "deployment_model": "public", "materieel": True,
                        "last_significant_change": "2026-03-01"},
            "provider": {"name": "Voorbeeld Cloud", "ultimate_parent_country": "US",
                         "subprocessors": [{"name": "Support BV", "country": "IN", "access": ["support"]}]},
            "hosting": {"storage_locations": ["NL", "US"], "processing_locations": ["NL"], "telemetry_locations": ["US"]},
            "data": {"rubricering": "dep_vertrouwelijk"},
            "assessments": {"risk_assessment": {"status": "approved", "date": "2026-01-15"}},
            "exit": {"plan": {"self_tested_on": "2025-12-20"}}}
    hr = {"service": {"id": "hr-saas", "name": "HR", "deployment_model": "community"},
          "provider": {"name": "Rijks HR", "ultimate_parent_country": "NL"},
          "hosting": {"storage_locations": ["NL"], "processing_locations": ["DE"]},
          "data": {"rubricering": "ongerubriceerd"},
          "assessments": {"risk_assessment": {"status": "approved", "date": "2025-11-01"}},
          "exit": {"plan": {}}}
    return [Descriptor("mail-saas", GOLDEN_FILES[0], 0, mail, {"name": "Ministerie van Voorbeeld"}, thresholds),
            Descriptor("hr-saas", GOLDEN_FILES[1], 0, hr, {"name": "Agentschap Voorbeeld"}, thresholds)]
