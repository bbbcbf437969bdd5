"""The portfolio view (checker/html_report.py): one self-contained HTML file, opened in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker import html_report
from checker.errors import UsageError
from checker.evaluate import Options, check
from checker.model import Report, Status
from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, write

SECTIONS = ("matrix", "findings", "providers", "locations", "classification", "deadlines", "waivers", "run", "rules")
SHOWN = (Status.FAIL, Status.WAIVED, Status.ERROR)


@pytest.fixture(scope="module")
def examples() -> tuple[Report, list[html_report.Descriptor], str]:
    report = check(Options(paths=(ROOT / "examples",), as_of=AS_OF, lang="nl"))
    descriptors = html_report.load_descriptors(report)
    return report, descriptors, html_report.render(report, "nl", descriptors)


def section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}">')
    return html[start:html.index("</section>", start)]


def test_the_matrix_has_every_service_grouped_by_organisation(examples):
    report, descriptors, html = examples
    assert {d.id for d in descriptors} == set(report.services)
    matrix = section(html, "matrix")
    assert '<table class="matrix">' in matrix
    organisations = {d.organisation_name for d in descriptors}
    assert {"Belastingdienst", "Douane", "De Nederlandsche Bank", "Autoriteit Financiële Markten"} <= organisations
    headings = re.findall(r'<tr class="org"><th colspan="\d+">([^<]+?) · ', matrix)
    assert headings == sorted(organisations, key=str.casefold)
    rows = re.findall(r'<tr><th class="svc">.*?<span class="id">([^<]+)</span>', matrix)
    assert sorted(rows) == sorted(report.services)
    # one column per rule that judged a service, each linking to the rule's page
    for rule in report.rules:
        if any(f.rule_id == rule.id for f in report.findings):
            assert f'<a href="{rule.docs}"' in matrix, rule.id
    cells = re.findall(r'<td class="cell (\w+)"', matrix)
    assert {"pass", "fail", "advisory", "na"} <= set(cells)


def test_every_shown_finding_links_to_its_explanation_and_sources(examples):
    report, _, html = examples
    findings = section(html, "findings")
    shown = [f for f in report.findings if f.status in SHOWN]
    assert len(re.findall(r'<td><span class="badge (?:fail|advisory|waived|error)">', findings)) == len(shown)
    for f in shown:
        if f.docs:
            assert f'href="{f.docs}"' in findings, f.rule_id
        for source in f.sources:
            if source.url:
                assert f'href="{source.url}"' in findings, (f.rule_id, source.url)
    # a failing cell jumps to its finding
    target = re.search(r'<td class="cell fail"[^>]*><a href="#(s\d+-[A-Z0-9-]+)">', html)
    assert target and f'id="{target.group(1)}"' in findings


def test_the_sections_are_there_and_nothing_is_loaded_from_elsewhere(examples):
    _, descriptors, html = examples
    for name in SECTIONS:
        assert f'<section id="{name}">' in html and f'href="#{name}"' in html
    assert html.count('class="chart"') == 4  # providers, jurisdictions, locations, classification
    assert "Plotly.newPlot" in html and "plotly.js v" in html  # the library itself is inline
    tags = re.findall(r"<(?:script|link|img|iframe|object|embed)\b[^>]*>", html, flags=re.IGNORECASE)
    assert not [t for t in tags if re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", t, flags=re.IGNORECASE)]
    assert not [t for t in tags if re.search(r"\bsrc\s*=", t, flags=re.IGNORECASE)]  # every script inline
    assert not re.search(r"<link\b", html, flags=re.IGNORECASE) and not re.search(r"@import", html)
    assert """content="default-src 'none'; script-src 'unsafe-inline';""" in html
    # what the descriptors say shows up where it belongs
    assert "Microsoft Ireland Operations Limited" in section(html, "providers")
    assert "US (buiten EER)" in section(html, "providers")
    assert "Dep. Vertrouwelijk" in section(html, "classification")
    locations = section(html, "locations")
    countries = {c for d in descriptors for field in ("storage_locations", "support_access_locations") for c in d.data.get("hosting", {}).get(field, [])}
    assert all(f"<td>{c}</td>" in locations for c in countries)


def test_english(examples):
    report, descriptors, _ = examples
    html = html_report.render(report, "en", descriptors)
    assert '<html lang="en">' in html
    for heading in ("Compliance matrix: services against rules", "Provider concentration", "Services by classification (rubricering)",
                    "Risk assessments and exit tests: overdue or nearly so", "Waivers (risk acceptances)"):
        assert heading in html


def test_without_descriptors_it_shows_the_matrix_and_says_what_is_missing(examples):
    report, _, _ = examples
    html = html_report.render(report, "nl")
    assert '<table class="matrix">' in html and "load_descriptors(report)" in html
    # no charts, so no plotly.js (its banner, and about 4.8 MB); the matrix itself grows with rules times services
    assert "Plotly.newPlot" not in html and "plotly.js v" not in html and len(html) < 6_000_000


def test_missing_extra_is_a_usage_error_with_the_install_command(examples, monkeypatch):
    report, _, _ = examples
    monkeypatch.setitem(sys.modules, "plotly", None)
    monkeypatch.setitem(sys.modules, "plotly.graph_objects", None)
    monkeypatch.setitem(sys.modules, "plotly.offline", None)
    with pytest.raises(UsageError, match=re.escape("python3 -m pip install 'cloudbeleid-checker[report]'")):
        html_report.render(report, "nl")



def test_missing_jinja2_is_a_usage_error_with_the_install_command(examples, monkeypatch):
    from checker.reporters import templates

    report, _, _ = examples
    templates.environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        with pytest.raises(UsageError, match="Jinja2.*" + re.escape("python3 -m pip install 'cloudbeleid-checker[report]'")):
            html_report.render(report, "nl")
    finally:
        templates.environment.cache_clear()


def test_the_stylesheet_is_a_file_of_its_own_inlined_into_the_page(examples):
    from checker.reporters import templates

    _, _, html = examples
    css = templates.resource("portfolio.css")
    assert "@media print" in css and f"<style>{css}</style>" in html

# --- a small portfolio of two organisations, with a waiver and dates near the reference date ---------------------

AGENCY_CONFIG = "organisation:\n  name: Agentschap Voorbeeld\n  type: agentschap\n  cloud_policy_ref: Cloudbeleid 2025\npacks: [cb22, kaderwet_zbo]\n"
US_DESCRIPTOR = (
    VALID_DESCRIPTOR.replace("id: mail", "id: samenwerken")
    .replace("  name: Contoso\n  hq_country: NL\n  ultimate_parent_country: NL", "  name: Fabrikam Ireland Ltd\n  hq_country: IE\n  ultimate_parent_country: US")
    .replace("  support_access_locations: []", "  support_access_locations: [US]").replace("transfer_mechanism: none_needed", "transfer_mechanism: scc")
    .replace("rubricering: ongerubriceerd", "rubricering: dep_vertrouwelijk")
    # due 2026-12-01, three days after the reference date
    .replace('risk_assessment: {status: approved, date: "2026-06-01"', 'risk_assessment: {status: approved, date: "2025-12-01"')
    .replace("  backup_outside_provider: true", '  backup_outside_provider: true\n  plan: {date: "2025-01-01", self_tested_on: "2025-10-01"}')
)
WAIVER = """\
waivers:
  - rule: CB22-EXIT-STRATEGY
    service: mail
    reason: De leverancier levert de vernietigingsverklaring pas bij de verlenging
    risk_owner: Directeur Bedrijfsvoering
    approved_by: CISO
    decision_ref: RA-2026-017
    granted: 2026-10-01
    expires: 2026-12-10
"""


@pytest.fixture
def small(tmp_path: Path) -> tuple[Report, str]:
    write(tmp_path / "ministerie", ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(tmp_path / "ministerie", "mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false"))
    write(tmp_path / "ministerie", "waivers.yaml", WAIVER)
    write(tmp_path / "agentschap", ".cloudbeleid.yaml", AGENCY_CONFIG)
    write(tmp_path / "agentschap", "samenwerken.cloud.yaml", US_DESCRIPTOR)
    report = check(Options(paths=(tmp_path,), as_of=AS_OF))
    return report, html_report.render(report, "nl", html_report.load_descriptors(report))


def test_waivers_and_deadlines(small):
    report, html = small
    assert [w["status"] for w in report.waivers] == ["expiring"]
    waivers = section(html, "waivers")
    assert "RA-2026-017" in waivers and "verloopt binnenkort" in waivers and "Directeur Bedrijfsvoering" in waivers
    assert '<td class="cell waived"' in section(html, "matrix")
    deadlines = section(html, "deadlines")
    assert re.search(r"risicoafweging</td><td class=\"date\">2025-12-01</td><td class=\"date\">2026-12-01</td><td class=\"num\">3</td>.*?verloopt binnenkort", deadlines)
    assert re.search(r"exittest</td><td class=\"date\">2025-10-01</td><td class=\"date\">2026-10-01</td><td class=\"num\">-58</td>.*?verlopen", deadlines)
    assert "mail" not in re.sub(r"<[^>]+>", " ", deadlines).split()  # its assessment of 2026-06-01 is not due


def test_two_organisations_and_a_us_parent(small):
    _, html = small
    assert re.findall(r'<tr class="org"><th colspan="\d+">([^<]+?) · ', html) == ["Agentschap Voorbeeld", "Ministerie van Voorbeeldzaken"]
    providers = section(html, "providers")
    assert "Fabrikam Ireland Ltd" in providers and "US (buiten EER)" in providers
    assert re.search(r"<td>US</td><td>adequaat alleen met DPF</td>(?:<td[^>]*>[^<]*</td>){3}<td class=\"num\"[^>]*>1</td>", section(html, "locations"))


@pytest.mark.parametrize(("start", "months", "due"), [
    ("2024-01-31", 1, "2024-02-29"), ("2024-02-29", 12, "2025-02-28"), ("2025-12-01", 12, "2026-12-01"), ("2025-11-30", 3, "2026-02-28"),
])
def test_due_dates_count_months_as_the_policies_do(start, months, due):
    assert html_report.add_months(date.fromisoformat(start), months) == date.fromisoformat(due)


# --- headless Chromium ----------------------------------------------------------------------------------------------

def chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


# A console message (any level: Chromium logs console.error as INFO:CONSOLE), an uncaught exception, a CSP refusal.
CONSOLE = re.compile(r":CONSOLE[:(]|ERROR:CONSOLE|Uncaught|Refused to|Content Security Policy")


def headless(binary: str, profile: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args, url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def console(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if CONSOLE.search(line)]


def test_it_renders_in_headless_chromium_without_console_errors(examples, tmp_path_factory):
    binary = chromium()
    if binary is None:
        pytest.skip("no Chromium binary (chromium, chromium-browser or google-chrome on PATH, or $CHROMIUM): apt-get install -y chromium")
    _, _, html = examples
    folder = tmp_path_factory.mktemp("portfolio")
    page = folder / "portfolio.html"
    page.write_text(html, encoding="utf-8")

    # First prove that this Chromium reports what we look for: an uncaught error, and the report's own
    # Content-Security-Policy refusing a remote script. Otherwise a clean log below would prove nothing.
    csp = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', html).group(0)
    control = folder / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head>{csp}</head><body><script>notDefined();</script>"
                       '<script src="https://cdn.example.invalid/x.js"></script></body></html>', encoding="utf-8")
    seen = console(headless(binary, folder / "profile", control.as_uri(), "--dump-dom"))
    assert any("Uncaught" in line for line in seen), "this Chromium does not log console errors to stderr"
    assert any("x.js" in line and ("Content Security Policy" in line or "Refused" in line) for line in seen), \
        "the report's Content-Security-Policy does not block remote scripts"

    dom = headless(binary, folder / "profile", page.as_uri(), "--dump-dom")
    assert console(dom) == []
    assert dom.stdout.count('class="main-svg"') >= 4  # plotly ran and drew the charts
    assert '<table class="matrix">' in dom.stdout

    shot = folder / "portfolio.png"
    result = headless(binary, folder / "profile", page.as_uri(), f"--screenshot={shot}", "--window-size=1400,2400", "--hide-scrollbars")
    assert console(result) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1400, 2400)
    assert len(data) > 50_000, f"{shot} is {len(data)} bytes: a blank page?"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_run_section_shows_server_deviations_and_skipped_files(lang):
    from tests.reports import SKIPPED, with_run_facts

    run = section(html_report.render(with_run_facts(lang), lang), "run")
    words = {"nl": ("OPA-server: https://opa.example:8181", "Afwijkingen van de referentiegegevens", "Overgeslagen bestanden",
                    "3 bestanden overgeslagen: 2 hoofdletters in de naam, 1 uitgesloten"),
             "en": ("OPA server: https://opa.example:8181", "Deviations from the reference data", "Skipped files",
                    "3 files skipped: 2 upper case in the name, 1 excluded")}[lang]
    for phrase in words:
        assert phrase in run, phrase
    rows = re.findall(r"<tr><td class=\"loc\">([^<]+)</td>", run)
    assert rows == [".cloudbeleid.yaml:12"] + [entry["file"] for entry in SKIPPED]
    assert "<td>RU, CN</td>" in run and "<td>DG-2026-17</td>" in run


def test_the_run_section_says_when_there_is_nothing_to_say():
    from tests.reports import fields, with_run_facts

    report = Report(**{**fields(with_run_facts("nl")), "reference_deviations": (), "skipped": (), "server": None})
    run = section(html_report.render(report, "nl"), "run")
    assert "Geen afwijkingen van de referentiegegevens en geen overgeslagen bestanden." in run and "OPA-server" not in run
