from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

# the tests' own cache: never the user's, and shared by the subprocesses the tests start
os.environ.setdefault("CLOUDBELEID_CACHE_DIR", tempfile.mkdtemp(prefix="cloudbeleid-test-cache-"))
# the run's cache (checker/runcache.py) would serve a test's second run of the same inputs the first one's outputs,
# whatever the test changed in this process; tests/test_runcache.py turns it on where it is the point
os.environ.setdefault("CLOUDBELEID_NO_RUN_CACHE", "1")
# the checkers the tests start use the bytecode Python writes as an installed checker does: an environment that
# forbids it (PYTHONDONTWRITEBYTECODE) made each of the suite's hundreds of processes compile every module again
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
AS_OF = "2026-11-28"

# Compliant with every shipped rule on AS_OF, for a ministry whose profile names its cloud policy.
VALID_DESCRIPTOR = """\
schema_version: 1
id: mail
service:
  name: Mail
  status: in_use
  deployment_model: public
  materieel: false
  start_date: "2026-03-01"
  last_significant_change: "2025-11-01"
provider:
  name: Contoso
  hq_country: NL
  ultimate_parent_country: NL
  certifications: [ISO27001, ISO27017, ISO27018]
  assurance_reports: [{type: isae3402_type2, date: "2026-06-30"}]
  subprocessors_disclosed: true
  subprocessors: []
data:
  rubricering: ongerubriceerd
  nato_eu_marking: none
  threat_profile: normaal
  biv: {beschikbaarheid: midden, integriteit: midden, vertrouwelijkheid: midden}
  personal_data: true
  special_categories: []
  large_scale: false
  criminal_data: false
  bsn: false
  basisregistraties: []
hosting:
  storage_locations: [NL]
  processing_locations: [NL]
  support_access_locations: []
  telemetry_locations: []
  backup_locations: [NL]
  transfer_mechanism: none_needed
encryption: {at_rest: true, in_transit: true, key_custody: customer, key_management_documented: true}
assessments:
  risk_assessment: {status: approved, date: "2026-06-01", method: implementatiekader_2023, aspects: [continuity, national_security, public_values, supplier_dependency]}
  prescan_dpia: {status: approved, date: "2026-05-01"}
exit:
  strategy_in_contract: true
  covers_data_transfer: true
  covers_data_destruction: true
  data_export_possible: true
  backup_outside_provider: true
continuity: {critical: false, backup_policy: true, rpo_rto_defined: true, restore_tested_on: "2026-09-01"}
records: {holds_archiefbescheiden: false}
governance:
  decision_by: minister
  decision_date: "2026-02-01"
  woo_published: true
  supplier_review_on: "2026-10-01"
contract:
  processor_agreement: true
  audit_rights: true
  incident_notification: true
  requirements_flow_down: true
  subprocessor_changes_notified: true
  termination_grounds: true
  data_act: {switching_clause: true, notice_period_months: 2, data_retrieval_days: 30, switching_charges: none}
"""

# The CLI tests are about the command line, not about every rule: they run the first two packs.
PACKS = "packs: [cb22, kaderwet_zbo]\n"

MINISTRY_CONFIG = """\
organisation:
  name: Ministerie van Voorbeeldzaken
  type: ministerie
  cloud_policy_ref: Cloudbeleid Voorbeeldzaken 2025
""" + PACKS


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line that contains needle."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _errors_in_the_default_language():
    """An in-process command sets the language errors are printed in (i18n.use); the next test starts afresh."""
    from checker import i18n

    yield
    i18n.use(None)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder with a ministry's .cloudbeleid.yaml."""
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    return tmp_path


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """One command of the real app, in this process (tests/inprocess.py: the same app, guard and exit codes, without an
    interpreter's start per call); run_process where the process boundary is the point."""
    from tests.inprocess import invoke

    return invoke(*args, cwd=cwd, env=env)


def run_process(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess, as a user or a pipeline runs it."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_json(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", "--format", "json", "--as-of", AS_OF, *args, cwd=cwd, env=env)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def all_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every verdict of a JSON report (v3) as a finding: the full ones, then each row's failures, passes and
    not-applicable verdicts expanded with what the row says (rule, status, enforcement and its reason, service,
    file, document; a failure's message and place) and the rule's severity; a pass or not-applicable verdict has no
    message or line, so those are None."""
    expanded = list(report["findings"])
    for row in report["verdicts"]:
        for rule_id, enforcement, reason, message, line, column, end_line, end_column, pointer in row["fail"]:
            expanded.append({
                "rule_id": rule_id, "status": "fail", "severity": report["rules"].get(rule_id, {}).get("severity"),
                "enforcement": enforcement, "enforcement_reason": report["reasons"][reason], "service": row["service"],
                "message": report["messages"][message], "waiver": None,
                "location": {"file": row["file"], "document": row["document"], "line": line, "column": column,
                             "end_line": end_line, "end_column": end_column, "json_path": pointer}})
        for status in ("pass", "not-applicable"):
            for rule_id, enforcement, reason in row[status]:
                expanded.append({
                    "rule_id": rule_id, "status": status, "severity": report["rules"].get(rule_id, {}).get("severity"),
                    "enforcement": enforcement, "enforcement_reason": report["reasons"][reason], "service": row["service"],
                    "message": None, "waiver": None,
                    "location": {"file": row["file"], "document": row["document"], "line": None, "column": None,
                                 "end_line": None, "end_column": None, "json_path": None}})
    return expanded


# --- an organisation's own policy folder: pack `eigen`, one rule refusing a provider with an American parent ---

RULE = '''# METADATA
# title: Geen leverancier met een Amerikaanse moedermaatschappij
# custom:
#   id: EIGEN-NO-US-PARENT
#   severity: medium
#   title:
#     nl: Geen leverancier met een Amerikaanse moedermaatschappij
#     en: No provider with an American parent company
#   description:
#     nl: Het departement kiest geen leverancier met een Amerikaanse moedermaatschappij.
#     en: The department chooses no provider with an American parent company.
#   messages:
#     default:
#       nl: "De moedermaatschappij van de leverancier zit in {country}."
#       en: "The provider's parent company is in {country}."
#   remediation:
#     nl: Kies een leverancier zonder Amerikaanse moedermaatschappij.
#     en: Choose a provider without an American parent company.
#   sources:
#     - document: Departementaal cloudbeleid Voorbeeldzaken, par. 3
#       status: verified
#   subject:
#     nl: alle clouddiensten
#     en: all cloud services
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-01-01"
#   waivable: true
package cloudbeleid.rules.eigen.no_us_parent

import data.cloudbeleid.lib.result

subject contains i if some i, _ in input.services

deny contains result.fail(i, ["provider", "ultimate_parent_country"], "default", {"country": country}) if {
	some i in subject
	country := input.services[i].provider.ultimate_parent_country
	country == data.eigen.forbidden_parent
}
'''


def own_policies(folder: Path, rule: str | None = RULE) -> Path:
    """Write an organisation's own policy folder: the pack `eigen`, its data, and (unless None) the rule."""
    write(folder, "data/packs.json", json.dumps({"packs": {"eigen": {"prefix": "EIGEN", "default": True,
          "title": {"nl": "Eigen regels", "en": "Own rules"}, "description": {"nl": "Eigen.", "en": "Own."}}}}))
    write(folder, "eigen/data.json", json.dumps({"forbidden_parent": "US"}))
    if rule is not None:
        write(folder, "rules/eigen/no_us_parent/no_us_parent.rego", rule)
    return folder


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    """The organisation's own policy folder with its rule (the one fixture for own policies)."""
    return own_policies(tmp_path / "eigen-regels")
