"""The examples/ folder, run through the real CLI: each organisation's expected findings, exactly.

Every example is checked on the fixed reference date 2026-11-28, so stale risk assessments and
future dates are stable. A failing finding is identified by (rule_id, enforcement, service, JSON
Pointer); the set of (rule_id, status, enforcement, service) is derived from it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.evaluate import check
from checker.pipeline import Options
from tests.conftest import all_findings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-28"

DESCRIPTOR_SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/service-descriptor.v1.schema.json"
CONFIG_SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/config.v1.schema.json"

MANDATORY, ADVISORY, NOT_APPLICABLE = "mandatory", "advisory", "not-applicable"


@dataclass(frozen=True)
class Expected:
    exit_code: int
    services: frozenset[str]
    # (rule_id, enforcement, service, JSON Pointer of the field that shows the problem)
    failures: tuple[tuple[str, str, str, str], ...]


BD = "bd-m365-kantoorautomatisering"
BD_AZURE = "bd-azure-analyseplatform"
DOUANE = "douane-azure-keuzeproces"
DRZ = "drz-m365"
DNB = "dnb-sharepoint-online"
AFM = "afm-sharepoint-online"
ADIR_PUBLIC = "adir-personeelsdossiers"
ADIR_GOVDC = "adir-e-depot"
DEFENSIE = "def-opleidingsplatform"

# The Belastingdienst's US support and telemetry for special personal data, seen by four rules at three places.
US_PLACES = ("/provider/subprocessors/1/country", "/hosting/support_access_locations/2", "/hosting/telemetry_locations/1")

EXPECTED: dict[str, Expected] = {
    # The planned move to Microsoft 365, clearly not ready; with the Azure platform, two materieel services at one provider.
    "belastingdienst": Expected(1, frozenset({BD, BD_AZURE}), (
        *((rule, MANDATORY, BD, place) for rule in ("CB22-SPECIAL-PD-EER", "CB22-IK-HOOG", "AVG-44-TRANSFER-BASIS") for place in US_PLACES),
        *(("KAMER25-EER-ONLY", ADVISORY, BD, place) for place in US_PLACES),
        ("CB22-PRESCAN-DPIA", MANDATORY, BD, "/assessments/prescan_dpia/status"),
        ("CB22-DPIA-HIGH-RISK", MANDATORY, BD, "/assessments/dpia/status"),
        ("AVG-35-DPIA", MANDATORY, BD, "/assessments/dpia/status"),
        ("CB22-EXIT-STRATEGY", MANDATORY, BD, "/exit/covers_data_destruction"),
        ("CB22-MAX-DEP-VERTROUWELIJK", MANDATORY, BD, "/governance/decision_date"),
        ("BIO2-5-21-SUPPLY-CHAIN", MANDATORY, BD, "/provider/subprocessors_disclosed"),
        ("KAMER25-US-DEPENDENCY", ADVISORY, BD, "/exit/backup_outside_provider"),
        ("KAMER25-US-DEPENDENCY", ADVISORY, BD, "/exit/plan/scenarios"),
        ("KAMER25-MARKET-CONCENTRATION", ADVISORY, BD, "/provider/name"),
        ("KAMER25-MARKET-CONCENTRATION", ADVISORY, BD_AZURE, "/provider/name"),
        # no switching terms agreed yet: the Data Act binds the provider, so this is advice to demand them
        ("DATAACT-25-SWITCHING-TERMS", ADVISORY, BD, "/contract/data_act/switching_clause"),
        ("DATAACT-29-SWITCHING-CHARGES", ADVISORY, BD, "/contract/data_act/switching_charges"),
    )),
    # In order, except that the service changed after its risk assessment and its last restore test (BIO2 5.08.01,
    # 8.13.04); US support access is only advised against.
    "douane": Expected(1, frozenset({DOUANE}), (
        ("CB22-RISK-ASSESSMENT-CURRENT", MANDATORY, DOUANE, "/service/last_significant_change"),
        ("BIO2-5-08-01-RISK-ON-CHANGE", MANDATORY, DOUANE, "/service/last_significant_change"),
        ("BIO2-8-13-BACKUP", MANDATORY, DOUANE, "/continuity/restore_tested_on"),
        ("BIO2-5-23-01-CSP-POLICY", MANDATORY, DOUANE, "/service/last_significant_change"),
        ("KAMER25-EER-ONLY", ADVISORY, DOUANE, "/provider/subprocessors/1/country"),
        ("KAMER25-EER-ONLY", ADVISORY, DOUANE, "/hosting/support_access_locations/2"),
    )),
    # In order at the start in 2024; the risk assessment has not been updated since. Without a change that is
    # cause for an update, its age is only advice (no text sets a term), so the gate passes.
    "domeinen-roerende-zaken": Expected(0, frozenset({DRZ}), (
        ("CB22-RISK-ASSESSMENT-AGE", ADVISORY, DRZ, "/assessments/risk_assessment/date"),
        ("KAMER25-WEIGH-PUBLIC-VALUES", ADVISORY, DRZ, "/assessments/risk_assessment/aspects"),
        ("KAMER25-EER-ONLY", ADVISORY, DRZ, "/provider/subprocessors/1/country"),
        ("KAMER25-EER-ONLY", ADVISORY, DRZ, "/hosting/support_access_locations/2"),
        ("KAMER25-EER-ONLY", ADVISORY, DRZ, "/hosting/telemetry_locations/1"),
    )),
    # Only advisory failures: a zbo outside the Kaderwet is advised, not bound, so the gate passes. Its own
    # risk-assessment method, no pre-scan DPIA, a board decision, and an exit still being studied (no transfer of
    # data, no backup outside the provider, no exit plan).
    "dnb": Expected(0, frozenset({DNB}), (
        ("CB22-PRESCAN-DPIA", ADVISORY, DNB, "/assessments/prescan_dpia/status"),
        ("CB22-EXIT-STRATEGY", ADVISORY, DNB, "/exit/covers_data_transfer"),
        ("CB22-RISK-METHOD-IMPLEMENTATIEKADER", ADVISORY, DNB, "/assessments/risk_assessment/method"),
        ("CB22-MAX-DEP-VERTROUWELIJK", ADVISORY, DNB, "/governance/decision_by"),
        ("KAMER25-EXIT-FOR-MIGRATION", ADVISORY, DNB, "/exit/plan/date"),
        ("KAMER25-US-DEPENDENCY", ADVISORY, DNB, "/exit/backup_outside_provider"),
        ("KAMER25-US-DEPENDENCY", ADVISORY, DNB, "/exit/plan/scenarios"),
    )),
    # The same own-method risk assessment: advised against by the cloudbeleid, forbidden by art. 41 Kaderwet zbo.
    "afm": Expected(1, frozenset({AFM}), (
        ("CB22-PRESCAN-DPIA", ADVISORY, AFM, "/assessments/prescan_dpia/status"),
        ("CB22-RISK-METHOD-IMPLEMENTATIEKADER", ADVISORY, AFM, "/assessments/risk_assessment/method"),
        ("CB22-MAX-DEP-VERTROUWELIJK", ADVISORY, AFM, "/governance/decision_by"),
        ("KWZBO-41-RIJKSDIENST-SECURITY", MANDATORY, AFM, "/assessments/risk_assessment/method"),
        ("KAMER25-US-DEPENDENCY", ADVISORY, AFM, "/exit/plan/self_tested_on"),
    )),
    "rijksdienst-sovereign": Expected(0, frozenset({ADIR_PUBLIC, ADIR_GOVDC}), ()),
    # Outside the cloudbeleid, bound by BIO2 and the AVG and compliant with them; US support access is advised against.
    "defensie": Expected(0, frozenset({DEFENSIE}), (
        ("KAMER25-EER-ONLY", ADVISORY, DEFENSIE, "/hosting/support_access_locations/1"),
    )),
}

# Folders of examples/ that are not an organisation: the malformed descriptor, the CI pipeline examples and the
# infrastructure repository (tests/infra/test_infra.py). The per-rule fixtures live in tests/fixtures/rules/.
NOT_ORGANISATIONS = {"invalid", "ci", "infrastructure"}

# The rule-id prefix of every pack; the examples together show a failing finding of each.
PACK_PREFIXES = ("CB22-", "KWZBO-", "AVG-", "BIO2-", "KAMER25-", "DATAACT-")

# BIO2 measures about the system itself, wherever it runs (a government data centre included).
SYSTEM_MEASURES = ("BIO2-8-13-BACKUP", "BIO2-8-21-04-ENCRYPTION-IN-TRANSIT", "BIO2-8-24-01-KEY-MANAGEMENT", "BIO2-5-08-01-RISK-ON-CHANGE")

# The five rules of the first catalogue, which the examples were written for.
CB22_RULES = {
    "CB22-EXIT-STRATEGY",
    "CB22-NO-STATE-SECRETS",
    "CB22-PRESCAN-DPIA",
    "CB22-RISK-ASSESSMENT-CURRENT",
    "CB22-SPECIAL-PD-EER",
}


@cache
def legal_bases() -> dict[str, frozenset[str]]:
    """Every rule's legal bases (metadata applies_to), from the catalogue the CLI lists."""
    result = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "-f", "json"],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return {rule["id"]: frozenset(rule["applies_to"]) for rule in json.loads(result.stdout)}


def in_stage(finding: dict[str, Any]) -> bool:
    """False for a rule not checked at the service's stage (a planned service is not yet in operation)."""
    return not finding["enforcement_reason"]["en"].startswith("Not checked at the")


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", *args, "-f", "json", "--as-of", AS_OF],
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@cache
def report(target: str) -> tuple[int, dict[str, Any]]:
    result = run_check(target)
    assert result.stdout, f"no report for {target}: {result.stderr}"
    return result.returncode, json.loads(result.stdout)


def example_report(name: str) -> tuple[int, dict[str, Any]]:
    return report(f"examples/{name}")


def failures(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The failures of a report (its rows expanded), or of {"findings": findings already expanded}."""
    return [f for f in (all_findings(data) if "verdicts" in data else data["findings"]) if f["status"] == "fail"]


def by_rule(data: dict[str, Any], service: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for finding in all_findings(data):
        if finding["service"] == service:
            grouped.setdefault(finding["rule_id"], []).append(finding)
    return grouped


def organisation_of(path: str) -> str | None:
    """The example folder of a path such as examples/afm/x.cloud.yaml (or a text line that starts with one)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "examples" else None


def present(document: Any, segments: list[str]) -> list[str]:
    """The longest leading part of segments that exists in the parsed document."""
    found: list[str] = []
    for segment in segments:
        if isinstance(document, list) and segment.isdigit() and int(segment) < len(document):
            document = document[int(segment)]
        elif isinstance(document, dict) and segment in document:
            document = document[segment]
        else:
            break
        found.append(segment)
    return found


def assert_points_at_field(finding: dict[str, Any]) -> None:
    """The finding's line and column show the field its JSON Pointer names, not the top of the file.

    A field that is missing (say continuity.restore_tested_on) is shown at the nearest block that is there.
    """
    location = finding["location"]
    assert location["line"] > 1, finding
    segments = location["json_path"].lstrip("/").split("/")
    source = (ROOT / location["file"]).read_text(encoding="utf-8")
    existing = present(yaml.safe_load(source), segments)
    assert existing, finding
    text = source.splitlines()[location["line"] - 1]
    # a list item of a flow list `key: [A, B]` sits on the line of its key
    key = existing[-2] if existing[-1].isdigit() else existing[-1]
    assert text.lstrip().startswith(f"{key}:"), (finding, text)
    assert 1 <= location["column"] <= len(text), (finding, text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example(name: str):
    expected = EXPECTED[name]
    code, data = example_report(name)

    assert code == expected.exit_code
    assert data["summary"]["exit_code"] == expected.exit_code
    assert data["as_of"] == AS_OF
    assert {f["service"] for f in all_findings(data)} == expected.services
    assert data["summary"]["services"] == len(expected.services)
    assert data["summary"]["by_status"]["error"] == 0

    failing = failures(data)
    assert {(f["rule_id"], f["status"], f["enforcement"], f["service"]) for f in failing} == {
        (rule, "fail", enforcement, service) for rule, enforcement, service, _ in expected.failures
    }
    assert sorted((f["rule_id"], f["enforcement"], f["service"], f["location"]["json_path"]) for f in failing) == sorted(
        expected.failures
    )
    for finding in failing:
        assert finding["location"]["file"].startswith(f"examples/{name}/")
        assert finding["location"]["file"].endswith(".cloud.yaml")
        assert_points_at_field(finding)
    assert data["summary"]["failing"] == sum(1 for f in expected.failures if f[1] == MANDATORY)


def test_every_organisation_example_is_in_the_table():
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()}
    assert folders - NOT_ORGANISATIONS == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_files_start_with_their_schema_line(name: str):
    folder = EXAMPLES / name
    config = folder / ".cloudbeleid.yaml"
    assert config.read_text(encoding="utf-8").splitlines()[0] == CONFIG_SCHEMA_LINE
    descriptors = sorted(folder.glob("*.cloud.yaml"))
    assert descriptors
    for descriptor in descriptors:
        assert descriptor.read_text(encoding="utf-8").splitlines()[0] == DESCRIPTOR_SCHEMA_LINE, descriptor


def test_schema_lines_point_at_existing_schemas():
    for line in (DESCRIPTOR_SCHEMA_LINE, CONFIG_SCHEMA_LINE):
        relative = line.split("$schema=", 1)[1]
        assert (EXAMPLES / "belastingdienst" / relative).resolve().is_file(), relative


def test_whole_examples_folder_is_the_demo():
    code, data = report("examples")
    assert code == 1
    assert data["summary"]["exit_code"] == 1
    assert data["summary"]["by_status"]["error"] == 0
    # the malformed example stays out of discovery
    assert not any(f["location"]["file"].startswith("examples/invalid/") for f in all_findings(data))
    organisations = [f for f in all_findings(data) if organisation_of(f["location"]["file"]) in EXPECTED]
    expected = {
        (rule, "fail", enforcement, service)
        for example in EXPECTED.values()
        for rule, enforcement, service, _ in example.failures
    }
    assert {(f["rule_id"], f["status"], f["enforcement"], f["service"]) for f in failures({"findings": organisations})} == expected
    assert {f["service"] for f in organisations} == set().union(*(e.services for e in EXPECTED.values()))


def test_the_first_command_checks_the_examples_and_no_rule_fixture():
    """`cloudbeleid check examples/`, the README's first command, checks the organisations' descriptors and the
    infrastructure repository's, nothing else: the per-rule fixtures are not in examples/ any more."""
    report = check(Options(paths=(EXAMPLES,), as_of=AS_OF, lang="nl"))
    checked = {Path(os.path.realpath(file)) for file in report.files}
    expected = {p.resolve() for name in (*EXPECTED, "infrastructure") for p in (EXAMPLES / name).rglob("*.cloud.yaml")}
    assert checked == expected
    assert all(p.relative_to(EXAMPLES.resolve()).parts[0] in {*EXPECTED, "infrastructure"} for p in checked)
    organisations = set().union(*(e.services for e in EXPECTED.values()))
    assert organisations <= set(report.services)
    infrastructure = {yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in (EXAMPLES / "infrastructure").rglob("*.cloud.yaml")}
    assert set(report.services) == organisations | infrastructure


# What the README's first command, `cloudbeleid check examples/`, shows a new user: every failing service of the
# examples (the organisations' and the infrastructure repository's) with its verdict, the passing ones counted, exit 1,
# on one screen (tests/reporters/test_text.py: every mandatory rule id on it, advice counted).
FIRST_SCREEN: dict[str, str] = {
    AFM: "failed", BD: "failed", BD_AZURE: "passed", DEFENSIE: "passed", DNB: "passed", DRZ: "passed",
    DOUANE: "failed", ADIR_PUBLIC: "passed", ADIR_GOVDC: "passed",
    # the infrastructure repository: the dossiers in East US, a provider block that contradicts the code; the
    # website passes (its bucket and server are found by their tag)
    "vbz-zaaksysteem": "failed", "vbz-archief": "failed", "vbz-website": "passed",
}
FIRST_SCREEN_MAX_LINES, FIRST_SCREEN_MAX_COLUMNS = 50, 80
HEADER = re.compile(r"^(examples/\S+)  (?:(\S+)  )?(gefaald|voldoet|niet gecontroleerd): ", re.M)


def test_the_first_command_shows_every_service_with_its_verdict_on_one_screen():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples", "--as-of", AS_OF],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= FIRST_SCREEN_MAX_LINES, f"{len(lines)} lines: the first screen grew"
    assert all(len(line) <= FIRST_SCREEN_MAX_COLUMNS for line in lines), [line for line in lines if len(line) > FIRST_SCREEN_MAX_COLUMNS]
    report = check(Options(paths=(EXAMPLES,), as_of=AS_OF, lang="nl"))
    failed = {f.service for f in report.failing() if f.service}
    assert {s: "failed" if s in failed else "passed" for s in report.services} == FIRST_SCREEN
    verdicts = list(FIRST_SCREEN.values())
    assert f"Diensten: {verdicts.count('failed')} gefaald, {verdicts.count('passed')} geslaagd, 0 niet gecontroleerd." in lines
    # every failing service is shown with its verdict in its header (on two lines where one would pass 80 columns), in
    # a descriptor or a .tf file; the passing ones are counted in the summary, not listed
    shown = {(m[2], m[3]) for m in HEADER.finditer(result.stdout.replace("\n  ", "  ")) if m[2]}
    assert shown == {(s, "gefaald") for s, v in FIRST_SCREEN.items() if v == "failed"}, shown
    # and the one header without a service: the resource no descriptor covers
    assert [m[1] for m in HEADER.finditer(result.stdout) if not m[2]] == ["examples/infrastructure/infra/logging/main.tf"]
    # the README's quick start says what this screen is
    concise = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples", "--as-of", AS_OF, "--format", "concise"],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    quick_start = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("```sh")[1].split())
    full = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples", "--as-of", AS_OF, "--format", "full"],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    said = re.search(r"on one screen \((\d+) lines, none wider than 80 columns; (\d+) with `--format full`, (\d+) with `--format concise`", quick_start)
    assert said and tuple(map(int, said.groups())) == (len(lines), len(full.stdout.splitlines()), len(concise.stdout.splitlines())), said
    services_line = next(line for line in lines if line.startswith("Diensten: "))
    assert services_line in quick_start and "**exits 1**" in quick_start


def test_whole_examples_folder_text_output_is_located():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples", "--as-of", AS_OF, "--format", "concise"],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    located = [line for line in result.stdout.splitlines() if organisation_of(line) in EXPECTED]
    assert len(located) == sum(len(e.failures) for e in EXPECTED.values())
    assert all(line.startswith("examples/") and ".cloud.yaml:" in line for line in located)


def test_defensie_is_outside_the_cloudbeleid_but_bound_by_bio2_and_the_avg():
    code, data = example_report("defensie")
    assert code == 0
    bases = legal_bases()
    seen_bio2 = False
    for finding in all_findings(data):
        basis = bases[finding["rule_id"]]
        if basis == {"cloudbeleid"} or basis == {"cloudbeleid", "kaderwet_zbo_art41"}:
            # the shortcomings a Rijksdienst unit would fail on (no pre-scan DPIA, an old risk assessment) do not count
            assert finding["status"] == NOT_APPLICABLE and finding["enforcement"] == NOT_APPLICABLE, finding
            assert "Defensie" in finding["enforcement_reason"]["nl"]
            assert "Defence" in finding["enforcement_reason"]["en"]
        elif basis <= {"kaderwet_zbo", "kaderwet_zbo_art41"}:
            assert finding["enforcement"] == NOT_APPLICABLE, finding
            assert "zbo" in finding["enforcement_reason"]["en"].lower()
        elif basis & {"bio2", "avg"} and in_stage(finding):
            # BIO2 binds Defensie (also through CB22-EXIT-STRATEGY, which BIO2 5.20.06 demands), and so does the AVG
            assert finding["enforcement"] == MANDATORY, finding
            assert finding["status"] in {"pass", NOT_APPLICABLE}, finding
            seen_bio2 = seen_bio2 or ("bio2" in basis and finding["status"] == "pass")
    assert seen_bio2
    (exit_strategy,) = by_rule(data, DEFENSIE)["CB22-EXIT-STRATEGY"]
    assert (exit_strategy["status"], exit_strategy["enforcement"]) == ("pass", MANDATORY)
    assert "BIO2" in exit_strategy["enforcement_reason"]["nl"]
    # VIRBI binds Defensie: the state-secrets rule, whose rationale names VIRBI, is not "not for Defensie"
    (secrets,) = by_rule(data, DEFENSIE)["CB22-NO-STATE-SECRETS"]
    assert secrets["enforcement"] == MANDATORY and "VIRBI" in secrets["enforcement_reason"]["nl"], secrets
    assert not [f for f in failures(data) if f["enforcement"] == MANDATORY]


def test_afm_is_advised_by_the_cloudbeleid_and_bound_by_article_41():
    _, data = example_report("afm")
    bases = legal_bases()
    rules = by_rule(data, AFM)
    for rule_id, findings in rules.items():
        basis = bases[rule_id]
        for finding in findings:
            if not in_stage(finding):
                continue
            if "kaderwet_zbo_art41" in basis:
                assert finding["enforcement"] == MANDATORY, finding
                assert "Art. 41" in finding["enforcement_reason"]["nl"]
            elif basis == {"cloudbeleid"}:
                assert finding["enforcement"] == ADVISORY, finding
                assert "aangeraden" in finding["enforcement_reason"]["nl"]
            elif basis in ({"kamer_2025"}, {"data_act"}):
                # commitments to the House, and the Data Act, which binds the provider, not the customer
                assert finding["enforcement"] == ADVISORY, finding
            else:  # the AVG, the Kaderwet itself and the Archiefwet bind every zbo they apply to
                assert finding["enforcement"] == MANDATORY, finding
    # art. 41 makes only the Rijksdienst's security rules bind (the BIO2-backed exit clause, the risk assessment
    # after a change), and they pass here; the cloudbeleid's 12-month age is advice for a zbo
    (exit_strategy,) = rules["CB22-EXIT-STRATEGY"]
    assert (exit_strategy["status"], exit_strategy["enforcement"]) == ("pass", MANDATORY)
    assert [(f["status"], f["enforcement"]) for f in rules["BIO2-5-08-01-RISK-ON-CHANGE"]] == [("pass", MANDATORY)]
    assert [(f["status"], f["enforcement"]) for f in rules["CB22-RISK-ASSESSMENT-CURRENT"]] == [("pass", ADVISORY)]
    for rule_id in ("CB22-C2000", "CB22-SPECIAL-PD-EER", "CB22-IK-HOOG"):
        assert {f["enforcement"] for f in rules[rule_id]} <= {ADVISORY, NOT_APPLICABLE}, rule_id
    assert [f["status"] for f in rules["CB22-PRESCAN-DPIA"]] == ["fail"]
    # one fact, two verdicts: the own risk-assessment method is advice under the cloudbeleid, a duty under art. 41
    (method,) = rules["CB22-RISK-METHOD-IMPLEMENTATIEKADER"]
    (article41,) = rules["KWZBO-41-RIJKSDIENST-SECURITY"]
    assert (method["status"], method["enforcement"]) == ("fail", ADVISORY)
    assert (article41["status"], article41["enforcement"]) == ("fail", MANDATORY)
    assert method["location"]["json_path"] == article41["location"]["json_path"] == "/assessments/risk_assessment/method"
    # the Archiefwet binds the AFM, and its records are in order
    assert [f["status"] for f in rules["ARCHIEFWET-3-RETENTION"]] == ["pass"]
    assert [f["status"] for f in rules["ARCHIEFWET-12-TRANSFER"]] == ["pass"]


def test_dnb_outside_the_kaderwet_is_only_advised():
    code, data = example_report("dnb")
    bases = legal_bases()
    rules = by_rule(data, DNB)
    for rule_id in CB22_RULES:
        for finding in rules[rule_id]:
            assert finding["enforcement"] == ADVISORY, finding
            assert "Zbo" in finding["enforcement_reason"]["nl"]
    for rule_id, findings in rules.items():
        if bases[rule_id] & {"bio2"} and not bases[rule_id] & {"cloudbeleid"}:
            # BIO2 binds a zbo only through art. 41, which does not apply here: recommended, not required
            assert all(f["enforcement"] == ADVISORY for f in findings if in_stage(f)), findings
    (article41,) = rules["KWZBO-41-RIJKSDIENST-SECURITY"]
    assert article41["status"] == NOT_APPLICABLE
    assert article41["enforcement"] == NOT_APPLICABLE
    assert "art. 2 lid 2" in article41["enforcement_reason"]["nl"]
    assert code == 0
    assert data["summary"]["failing"] == 0
    assert len(failures(data)) == len(EXPECTED["dnb"].failures)
    assert all(f["enforcement"] == ADVISORY for f in failures(data))


def test_belastingdienst_shows_market_concentration_at_microsoft():
    _, data = example_report("belastingdienst")
    concentrated = [f for f in failures(data) if f["rule_id"] == "KAMER25-MARKET-CONCENTRATION"]
    assert {f["service"] for f in concentrated} == {BD, BD_AZURE}
    for finding in concentrated:
        assert finding["enforcement"] == ADVISORY
        assert "Microsoft Ireland Operations Limited" in finding["message"]["en"]
        assert "2 of the organisation's 2" in finding["message"]["en"]
    # the Azure platform is otherwise in order: the concentration is its only failing finding
    assert {f["rule_id"] for f in failures(data) if f["service"] == BD_AZURE} == {"KAMER25-MARKET-CONCENTRATION"}


def test_examples_together_exercise_every_pack():
    found: set[str] = set()
    for name in EXPECTED:
        _, data = example_report(name)
        found |= {f["rule_id"] for f in failures(data)}
    for prefix in PACK_PREFIXES:
        assert any(rule.startswith(prefix) for rule in found), prefix
    # the portfolio rule shows in an organisation with several materieel services at one provider
    assert "KAMER25-MARKET-CONCENTRATION" in found
    # and the sovereign example fails nothing, not even as advice
    _, sovereign = example_report("rijksdienst-sovereign")
    assert failures(sovereign) == []


def test_sovereign_example_passes_on_substance():
    code, data = example_report("rijksdienst-sovereign")
    assert code == 0
    assert not failures(data)
    assert data["summary"]["by_status"]["fail"] == 0
    public = by_rule(data, ADIR_PUBLIC)
    # every cloudbeleid rule of the first catalogue looked at the public cloud service and found it in order
    assert {rule: [f["status"] for f in found] for rule, found in public.items() if rule in CB22_RULES} == {
        rule: ["pass"] for rule in CB22_RULES
    }
    assert all(f["enforcement"] == MANDATORY for rule, found in public.items() if rule in CB22_RULES for f in found)
    # every pack that binds an agentschap checked the public cloud service and passed it (the kaderwet_zbo pack
    # binds only zbo's; the Archiefwet binds every public body)
    passed = {rule for rule, found in public.items() for f in found if f["status"] == "pass"}
    for prefix in (*(p for p in PACK_PREFIXES if p != "KWZBO-"), "ARCHIEFWET-"):
        assert any(rule.startswith(prefix) for rule in passed), prefix
    # the government data centre is outside the public-cloud and external-supplier rules; the AVG and BIO2's
    # system measures (which concern the system wherever it runs) still apply to it, and are met; the Archiefwet
    # rules look only at cloud services of an external supplier
    government = by_rule(data, ADIR_GOVDC)
    bases = legal_bases()
    for rule_id, found in government.items():
        if bases[rule_id] & {"avg", "bio2"}:
            assert all(f["status"] in {"pass", NOT_APPLICABLE} for f in found), found
        else:
            assert all(f["status"] == NOT_APPLICABLE for f in found), found
    for rule_id in SYSTEM_MEASURES:
        assert [f["status"] for f in government[rule_id]] == ["pass"], rule_id
    assert [f["status"] for f in government["ARCHIEFWET-12-TRANSFER"]] == [NOT_APPLICABLE]


def test_sovereign_example_gate_passes_in_text_mode():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples/rijksdienst-sovereign", "--as-of", AS_OF],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_invalid_descriptor_is_not_checkable_with_file_and_line():
    path = "examples/invalid/broken.invalid.yaml"
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    enum_line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("deployment_model: publiek"))
    field_line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("datacenter_tier:"))

    code, data = report(path)
    assert code == 2
    assert data["summary"]["exit_code"] == 2
    errors = [f for f in data["findings"] if f["status"] == "error"]
    assert errors and len(errors) == len(all_findings(data))
    assert {(f["rule_id"], f["location"]["file"], f["location"]["line"]) for f in errors} == {
        ("INPUT-SCHEMA", path, enum_line),
        ("INPUT-SCHEMA", path, field_line),
    }
    messages = " ".join(f["message"]["en"] for f in errors)
    assert "publiek" in messages and "datacenter_tier" in messages


def test_invalid_folder_finds_no_descriptor_and_fails_closed():
    result = run_check("examples/invalid")
    assert result.returncode == 2
    assert "geen dienstbeschrijvingen gevonden" in result.stderr
