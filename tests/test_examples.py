"""The examples/ folder, run through the real CLI: each organisation's expected findings, exactly.

Every example is checked on the fixed reference date 2026-11-28, so stale risk assessments and
future dates are stable. A failing finding is identified by (rule_id, enforcement, service, JSON
Pointer); the set of (rule_id, status, enforcement, service) is derived from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

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
DOUANE = "douane-azure-keuzeproces"
DRZ = "drz-m365"
DNB = "dnb-sharepoint-online"
AFM = "afm-sharepoint-online"
ADIR_PUBLIC = "adir-personeelsdossiers"
ADIR_GOVDC = "adir-e-depot"
DEFENSIE = "def-opleidingsplatform"

EXPECTED: dict[str, Expected] = {
    "belastingdienst": Expected(1, frozenset({BD}), (
        ("CB22-SPECIAL-PD-EER", MANDATORY, BD, "/provider/subprocessors/1/country"),
        ("CB22-SPECIAL-PD-EER", MANDATORY, BD, "/hosting/support_access_locations/2"),
        ("CB22-SPECIAL-PD-EER", MANDATORY, BD, "/hosting/telemetry_locations/1"),
        ("CB22-PRESCAN-DPIA", MANDATORY, BD, "/assessments/prescan_dpia/status"),
        ("CB22-EXIT-STRATEGY", MANDATORY, BD, "/exit/covers_data_destruction"),
    )),
    "douane": Expected(1, frozenset({DOUANE}), (
        ("CB22-RISK-ASSESSMENT-CURRENT", MANDATORY, DOUANE, "/service/last_significant_change"),
    )),
    "domeinen-roerende-zaken": Expected(1, frozenset({DRZ}), (
        ("CB22-RISK-ASSESSMENT-CURRENT", MANDATORY, DRZ, "/assessments/risk_assessment/date"),
    )),
    # Only advisory failures: a zbo outside the Kaderwet is advised, not bound, so the gate passes.
    "dnb": Expected(0, frozenset({DNB}), (
        ("CB22-PRESCAN-DPIA", ADVISORY, DNB, "/assessments/prescan_dpia/status"),
        ("CB22-EXIT-STRATEGY", ADVISORY, DNB, "/exit/covers_data_transfer"),
    )),
    "afm": Expected(1, frozenset({AFM}), (
        ("CB22-PRESCAN-DPIA", ADVISORY, AFM, "/assessments/prescan_dpia/status"),
        ("KWZBO-41-RIJKSDIENST-SECURITY", MANDATORY, AFM, "/assessments/risk_assessment/method"),
    )),
    "rijksdienst-sovereign": Expected(0, frozenset({ADIR_PUBLIC, ADIR_GOVDC}), ()),
    "defensie": Expected(0, frozenset({DEFENSIE}), ()),
}

# Folders of examples/ that are not an organisation: the malformed descriptor, and the per-rule compliant
# and non-compliant fixtures of tests/test_rule_examples.py.
NOT_ORGANISATIONS = {"invalid", "rules"}

CB22_RULES = {
    "CB22-EXIT-STRATEGY",
    "CB22-NO-STATE-SECRETS",
    "CB22-PRESCAN-DPIA",
    "CB22-RISK-ASSESSMENT-CURRENT",
    "CB22-SPECIAL-PD-EER",
}
# Rules whose only legal basis is the cloudbeleid (not also Kaderwet zbo art. 41).
CLOUDBELEID_ONLY = {"CB22-PRESCAN-DPIA"}


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
    return [f for f in data["findings"] if f["status"] == "fail"]


def by_rule(data: dict[str, Any], service: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for finding in data["findings"]:
        if finding["service"] == service:
            grouped.setdefault(finding["rule_id"], []).append(finding)
    return grouped


def organisation_of(path: str) -> str | None:
    """The example folder of a path such as examples/afm/x.cloud.yaml (or a text line that starts with one)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "examples" else None


def assert_points_at_field(finding: dict[str, Any]) -> None:
    """The finding's line and column show the field its JSON Pointer names, not the top of the file."""
    location = finding["location"]
    assert location["line"] > 1, finding
    segments = location["json_path"].lstrip("/").split("/")
    text = (ROOT / location["file"]).read_text(encoding="utf-8").splitlines()[location["line"] - 1]
    # a list item of a flow list `key: [A, B]` sits on the line of its key
    key = segments[-2] if segments[-1].isdigit() else segments[-1]
    assert text.lstrip().startswith(f"{key}:"), (finding, text)
    assert 1 <= location["column"] <= len(text), (finding, text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example(name: str):
    expected = EXPECTED[name]
    code, data = example_report(name)

    assert code == expected.exit_code
    assert data["summary"]["exit_code"] == expected.exit_code
    assert data["as_of"] == AS_OF
    assert {f["service"] for f in data["findings"]} == expected.services
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
    assert not any(f["location"]["file"].startswith("examples/invalid/") for f in data["findings"])
    organisations = [f for f in data["findings"] if organisation_of(f["location"]["file"]) in EXPECTED]
    expected = {
        (rule, "fail", enforcement, service)
        for example in EXPECTED.values()
        for rule, enforcement, service, _ in example.failures
    }
    assert {(f["rule_id"], f["status"], f["enforcement"], f["service"]) for f in failures({"findings": organisations})} == expected
    assert {f["service"] for f in organisations} == set().union(*(e.services for e in EXPECTED.values()))


def test_whole_examples_folder_text_output_is_located():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "examples", "--as-of", AS_OF],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    located = [line for line in result.stdout.splitlines() if organisation_of(line) in EXPECTED]
    assert len(located) == sum(len(e.failures) for e in EXPECTED.values())
    assert all(line.startswith("examples/") and ".cloud.yaml:" in line for line in located)


def test_defensie_rules_are_not_applicable_with_the_reason():
    _, data = example_report("defensie")
    findings = data["findings"]
    assert {f["rule_id"] for f in findings} == CB22_RULES | {"KWZBO-41-RIJKSDIENST-SECURITY"}
    assert all(f["status"] == NOT_APPLICABLE and f["enforcement"] == NOT_APPLICABLE for f in findings)
    for finding in findings:
        if finding["rule_id"] in CB22_RULES:
            assert "Defensie" in finding["enforcement_reason"]["nl"]
            assert "Defence" in finding["enforcement_reason"]["en"]
        else:
            assert "zbo" in finding["enforcement_reason"]["en"].lower()


def test_afm_is_advised_by_the_cloudbeleid_and_bound_by_article_41():
    _, data = example_report("afm")
    rules = by_rule(data, AFM)
    for rule_id, findings in rules.items():
        for finding in findings:
            if rule_id in CLOUDBELEID_ONLY:
                assert finding["enforcement"] == ADVISORY
                assert "aangeraden" in finding["enforcement_reason"]["nl"]
            else:
                assert finding["enforcement"] == MANDATORY, finding
                assert "Art. 41" in finding["enforcement_reason"]["nl"]
    # art. 41 makes the cloudbeleid's security rules bind, and they pass here
    assert [f["status"] for f in rules["CB22-EXIT-STRATEGY"]] == ["pass"]
    assert [f["status"] for f in rules["CB22-RISK-ASSESSMENT-CURRENT"]] == ["pass"]
    assert [f["status"] for f in rules["CB22-PRESCAN-DPIA"]] == ["fail"]
    assert [f["status"] for f in rules["KWZBO-41-RIJKSDIENST-SECURITY"]] == ["fail"]


def test_dnb_outside_the_kaderwet_is_only_advised():
    _, data = example_report("dnb")
    rules = by_rule(data, DNB)
    for rule_id in CB22_RULES:
        for finding in rules[rule_id]:
            assert finding["enforcement"] == ADVISORY, finding
            assert "Zbo" in finding["enforcement_reason"]["nl"]
    (article41,) = rules["KWZBO-41-RIJKSDIENST-SECURITY"]
    assert article41["status"] == NOT_APPLICABLE
    assert article41["enforcement"] == NOT_APPLICABLE
    assert "art. 2 lid 2" in article41["enforcement_reason"]["nl"]
    assert data["summary"]["failing"] == 0
    assert len(failures(data)) == 2


def test_sovereign_example_passes_on_substance():
    code, data = example_report("rijksdienst-sovereign")
    assert code == 0
    assert not failures(data)
    public = by_rule(data, ADIR_PUBLIC)
    # every cloudbeleid rule looked at the public cloud service and found it in order
    assert {rule: [f["status"] for f in found] for rule, found in public.items() if rule in CB22_RULES} == {
        rule: ["pass"] for rule in CB22_RULES
    }
    assert all(f["enforcement"] == MANDATORY for rule, found in public.items() if rule in CB22_RULES for f in found)
    # the government data centre is outside the public-cloud and external-supplier rules
    government = by_rule(data, ADIR_GOVDC)
    assert all(f["status"] == NOT_APPLICABLE for found in government.values() for f in found)


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
    assert errors and len(errors) == len(data["findings"])
    assert {(f["rule_id"], f["location"]["file"], f["location"]["line"]) for f in errors} == {
        ("INPUT-SCHEMA", path, enum_line),
        ("INPUT-SCHEMA", path, field_line),
    }
    messages = " ".join(f["message"]["en"] for f in errors)
    assert "publiek" in messages and "datacenter_tier" in messages


def test_invalid_folder_finds_no_descriptor_and_fails_closed():
    result = run_check("examples/invalid")
    assert result.returncode == 2
    assert "no service descriptors found" in result.stderr
