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
