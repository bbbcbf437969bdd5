"""The portfolio view (checker/html_report.py): one self-contained HTML file, opened in headless Chromium.

Chromium is started once for the module and driven over its DevTools protocol on a pipe (--remote-debugging-pipe),
so that one browser loads the pages with JavaScript on and off, uses the filters, and prints to PDF."""

from __future__ import annotations

import base64
import json
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
from checker.model import Report, Source, Status
from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, write

SECTIONS = ("matrix", "services", "providers", "locations", "classification", "deadlines", "waivers", "run", "rules")
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
    headings = re.findall(r'<tr class="org" data-org="[^"]*"><th colspan="\d+">([^<]+?) · ', matrix)
    assert headings == sorted(organisations, key=str.casefold)
    rows = re.findall(r'<tr class="svc-row"[^>]*><th class="svc"><a href="#(s\d+)">.*?<span class="id">([^<]+)</span>', matrix)
    assert sorted(r[1] for r in rows) == sorted(report.services)
    # each service links to its drill-down
    assert all(f'<article class="service" id="{anchor}"' in html for anchor, _ in rows)
    # one column per rule that judged a service, each linking to the rule's page inside the file
    for rule in report.rules:
        if any(f.rule_id == rule.id for f in report.findings):
            assert f'<a href="#rule-{rule.id}"' in matrix, rule.id
            assert f'<tr class="rule-page" id="rule-{rule.id}"' in html, rule.id
    assert 'href="docs/rules/' not in html  # no link that works only beside a checkout
    cells = re.findall(r'<td class="cell (\w+)"', matrix)
    assert {"pass", "fail", "advisory", "na"} <= set(cells)


def test_every_shown_finding_links_to_its_explanation_and_sources(examples):
    report, _, html = examples
    findings = section(html, "services")
    shown = [f for f in report.findings if f.status in SHOWN]
    assert len(re.findall(r'<td><span class="badge (?:fail|advisory|waived|error)">', findings)) == len(shown)
    for f in shown:
        if f.rule_id in {r.id for r in report.rules}:
            assert f'href="#rule-{f.rule_id}"' in findings, f.rule_id
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
                    "Deadlines from the rules: overdue or nearly so", "Waivers (risk acceptances)", "Services: state, locations and findings"):
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


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Report, str]:
    tmp_path = tmp_path_factory.mktemp("small")
    write(tmp_path / "ministerie", ".cloudbeleid.yaml", MINISTRY_CONFIG)
    # a significant change after the risk assessment: CB22-RISK-ASSESSMENT-CURRENT reports the change's date
    write(tmp_path / "ministerie", "mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false")
          .replace('last_significant_change: "2025-11-01"', 'last_significant_change: "2026-09-01"'))
    write(tmp_path / "ministerie", "waivers.yaml", WAIVER)
    write(tmp_path / "agentschap", ".cloudbeleid.yaml", AGENCY_CONFIG)
    write(tmp_path / "agentschap", "samenwerken.cloud.yaml", US_DESCRIPTOR)
    options = Options(paths=(tmp_path,), as_of=AS_OF)
    report = check(options)
    ahead = html_report.look_ahead(options, 90)
    return report, html_report.render(report, "nl", html_report.load_descriptors(report), ahead=ahead)


def _rows(table: str) -> list[list[str]]:
    """A table's body rows as the text of their cells."""
    body = table[table.index("<tbody>"):table.index("</tbody>")]
    return [[re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)]


def test_waivers_and_deadlines_from_the_rules(small):
    report, html = small
    assert [w["status"] for w in report.waivers] == ["expiring"]
    waivers = section(html, "waivers")
    assert "RA-2026-017" in waivers and "verloopt binnenkort" in waivers and "Directeur Bedrijfsvoering" in waivers
    assert '<td class="cell waived"' in section(html, "matrix")
    deadlines = section(html, "deadlines")
    assert "2027-02-26 (90 dagen later)" in deadlines  # the rules were run again at the reference date + 90 days
    rows = {(r[0].split()[-1], r[2]): r for r in _rows(deadlines)}
    # overdue: the rule's own date (the change of 2026-09-01), not computed
    assert rows[("mail", "CB22-RISK-ASSESSMENT-CURRENT")][3:7] == ["2026-06-01", "2026-09-01", "-88", "verlopen"]
    # due soon: what CB22-RISK-ASSESSMENT-AGE reports at 2027-02-26, due 2026-12-01 = its date plus its 12 months (marked *)
    assert rows[("samenwerken", "CB22-RISK-ASSESSMENT-AGE")][3:7] == ["2025-12-01", "2026-12-01 *", "3", "verloopt binnenkort"]
    assert "de regel geeft geen uiterste datum" in deadlines
    # mail's assessment of 2026-06-01 is not due within the window, and nothing is both overdue and due soon
    assert ("mail", "CB22-RISK-ASSESSMENT-AGE") not in rows
    assert len(rows) == len(_rows(deadlines))


def test_without_the_run_ahead_only_overdue_deadlines_are_listed(small):
    report, _ = small
    html = html_report.render(report, "nl", html_report.load_descriptors(report))
    deadlines = section(html, "deadlines")
    assert [r[2] for r in _rows(deadlines)] == ["CB22-RISK-ASSESSMENT-CURRENT"] and "cloudbeleid report" in deadlines


def test_a_deadline_is_read_from_the_violation_parameters():
    from checker.model import Enforcement, Finding, Location, Severity, Text

    def finding(params):
        return Finding("X", Status.FAIL, Severity.LOW, Enforcement.MANDATORY, Text("", ""), Text("", ""), Location("a"), params=params)

    assert html_report.deadline(finding({"due": "2027-01-31", "date": "2026-01-31"})) == html_report.Deadline(date(2027, 1, 31), date(2026, 1, 31), False)
    assert html_report.deadline(finding({"date": "2026-01-10", "changed": "2026-03-01"})).due == date(2026, 3, 1)
    assert html_report.deadline(finding({"date": "2026-01-10", "change": "2026-03-01"})).due == date(2026, 3, 1)  # BIO2-8-13-BACKUP
    computed = html_report.deadline(finding({"date": "2024-01-31", "as_of": "2026-11-28", "months": 1}))
    assert computed.due == date(2024, 2, 29) and computed.computed
    # a date after the reference date ("future") and parameters without a date set no deadline
    assert html_report.deadline(finding({"date": "2027-01-01", "as_of": "2026-11-28", "months": 12})) is None
    assert html_report.deadline(finding({"status": "draft"})) is None and html_report.deadline(finding(None)) is None


def test_two_organisations_and_a_us_parent(small):
    _, html = small
    assert re.findall(r'<tr class="org" data-org="[^"]*"><th colspan="\d+">([^<]+?) · ', html) == ["Agentschap Voorbeeld", "Ministerie van Voorbeeldzaken"]
    providers = section(html, "providers")
    assert "Fabrikam Ireland Ltd" in providers and "US (buiten EER)" in providers
    assert re.search(r"<td>US</td><td>adequaat alleen met DPF</td>(?:<td[^>]*>[^<]*</td>){3}<td class=\"num\"[^>]*>1</td>", section(html, "locations"))


@pytest.mark.parametrize(("start", "months", "due"), [
    ("2024-01-31", 1, "2024-02-29"), ("2024-02-29", 12, "2025-02-28"), ("2025-12-01", 12, "2026-12-01"), ("2025-11-30", 3, "2026-02-28"),
])
def test_due_dates_count_months_as_the_policies_do(start, months, due):
    assert html_report.add_months(date.fromisoformat(start), months) == date.fromisoformat(due)


def test_rule_links_point_into_the_file_or_at_the_published_pages(examples):
    report, descriptors, _ = examples
    html = html_report.render(report, "nl", descriptors[:3], docs_base="https://regels.example.nl/cloudbeleid/")
    rule = report.rules[0]
    assert f'href="https://regels.example.nl/cloudbeleid/{rule.docs}"' in html
    assert not re.search(r'href="docs/', html)
    for bad in ("docs/rules", "javascript:alert(1)", "//evil.example/"):
        with pytest.raises(UsageError, match="--docs-base"):
            html_report.render(report, "nl", descriptors[:1], docs_base=bad)


def test_the_rule_pages_are_in_the_file_with_their_reading_and_sources(examples):
    report, _, html = examples
    rules = section(html, "rules")
    rule = next(r for r in report.rules if r.id == "CB22-RISK-ASSESSMENT-AGE")
    page = rules[rules.index(f'id="rule-{rule.id}"'):]
    page = page[:page.index("</tr>")]
    assert rule.title.nl in page and "Lezing van de checker" in page and "<blockquote>" in page
    assert html_report.escape(rule.remediation.nl) in page


def test_a_community_repository_is_never_cited_as_the_legal_source(examples):
    import html as markup

    """Where a rule has an official source (a government site or a government's repository), a community repository
    is shown after it, labelled as a summary and not as 'bron N'."""
    report, _, html = examples
    cited = re.findall(r'<td class="src">(.*?)</td>', section(html, "services"), flags=re.S)
    assert cited
    community_hosts = ("github.com/brienen", "github.com/tractorjuice", "github.com/ThomasMoreAI")
    for cell in cited:
        links = re.findall(r'<(?:a|span) class="srcl([^"]*)"(?: href="([^"]*)")?[^>]*>([^<]+)<', cell)
        for flags, href, label in links:
            if any(host in href for host in community_hosts):
                assert "community" in flags and label.startswith("gemeenschapsbron"), (href, label)
        kinds = ["community" in flags for flags, _, _ in links]
        assert kinds == sorted(kinds), cell  # community sources last
        official = [href for _, href, _ in links if href and html_report.source_kind(Source("d", "verified", url=markup.unescape(href))) == "official"]
        if official:  # an official source exists: it is the one cited first
            assert links[0][1] == official[0], cell
    rule = next(r for r in report.rules if r.id == "CB22-C2000")  # its first source is a community repository
    assert html_report.source_kind(rule.sources[0]) == "community"
    assert any(html_report.source_kind(s) == "official" for s in rule.sources)
    page = section(html, "rules")
    page = page[page.index(f'id="rule-{rule.id}"'):]
    page = page[:page.index("</tr>")]
    kinds = re.findall(r'<div class="source (\w+)">', page)
    assert kinds == sorted(kinds, key=["official", "other", "community"].index) and kinds[0] == "official" and kinds[-1] == "community", kinds
    for url, kind in (("https://wetten.overheid.nl/BWBR0020495", "official"), ("https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid", "official"),
                      ("https://eur-lex.europa.eu/eli/reg/2016/679/oj", "official"), ("https://github.com/tractorjuice/arc-kit", "community"),
                      ("https://www.security.nl/posting/1", "other")):
        assert html_report.source_kind(Source("d", "verified", url=url)) == kind, url
    assert html_report.source_kind(Source("as reproduced in a public GitHub repository", "secondary")) == "community"


# --- declared against observed: the infrastructure example, one country in the code the descriptor leaves out ------

@pytest.fixture(scope="module")
def infrastructure(tmp_path_factory) -> tuple[Report, str]:
    from checker.evaluate import run

    folder = tmp_path_factory.mktemp("infra") / "infrastructure"
    shutil.copytree(ROOT / "examples" / "infrastructure", folder)
    descriptor = folder / "services" / "zaaksysteem.cloud.yaml"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace("[NL, IE]", "[NL]"), encoding="utf-8")
    # the example's dossiers sit in East US; here they are in North Europe (IE), the one country the code adds
    code = folder / "infra" / "azure" / "main.tf"
    code.write_text(code.read_text(encoding="utf-8").replace('"eastus"', '"northeurope"'), encoding="utf-8")
    # every pack, so that the matrix has every pack's columns (the print test)
    config = folder / ".cloudbeleid.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "packs: [cb22, kaderwet_zbo, archiefwet, avg, bio2, kamer_2025, infra, cb26, data_act]\n", encoding="utf-8")
    options = Options(paths=(folder,), as_of=AS_OF, lang="nl")
    ran = run(options, keep_services=True)
    return ran.report, html_report.render(ran.report, "nl", html_report.load_descriptors(ran), ahead=html_report.look_ahead(options))


def _article(html: str, service: str) -> str:
    services = section(html, "services")
    start = services.rindex("<article", 0, services.index(f'<span class="id">{service}</span>'))
    return services[start:services.index("</article>", start)]


def test_declared_against_observed_marks_a_country_only_the_code_shows(infrastructure):
    report, html = infrastructure
    undeclared = [f for f in report.findings if f.rule_id == "INFRA-UNDECLARED-COUNTRY" and f.status is Status.FAIL]
    assert [(f.service, f.params["country"]) for f in undeclared] == [("vbz-zaaksysteem", "IE")]
    article = _article(html, "vbz-zaaksysteem")
    rows = {r[0]: r for r in _rows(article[article.index('<table class="data where">'):])}
    assert rows["NL"][1] == "opslag, verwerking, back-up" and "azurerm_resource_group.zaak westeurope" in rows["NL"][2] and rows["NL"][3] == ""
    assert rows["IE"][1] == "–" and "azurerm_storage_account.dossiers northeurope (opslag" in rows["IE"][2]
    assert rows["IE"][3] == "in de code, niet opgegeven"
    assert re.search(r'<tr class="area-eer undeclared"><td>IE</td>', article)
    # where the code agrees with the descriptor nothing is marked; a service without code says so
    archief = _article(html, "vbz-archief")
    assert "badge undeclared" not in archief
    assert [r[:3] for r in _rows(archief[archief.index('<table class="data where">'):])] == [
        ["IE", "opslag, verwerking, back-up", "aws_s3_bucket.archief eu-west-1 (opslag, " + archief.split('<span class="loc">')[1].split("<")[0] + " )"]]
    assert "<th>infrastructuurcode</th>" in section(html, "locations")


def test_without_the_descriptors_the_observed_facts_are_read_again(infrastructure):
    report, _ = infrastructure
    descriptors = html_report.load_descriptors(report)  # a Report only: the files read again, the code too
    observed = {d.id: [r["country"] for r in d.data["observed"]["resources"]] for d in descriptors if "observed" in d.data}
    assert sorted(observed["vbz-zaaksysteem"]) == ["IE", "NL"]


# --- headless Chromium, over the DevTools protocol ------------------------------------------------------------------

def chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One headless Chromium, driven over --remote-debugging-pipe (fd 3 in, fd 4 out; messages end in NUL)."""

    def __init__(self, binary: str, profile: Path) -> None:
        commands, self._theirs_in = os.pipe()
        self._theirs_out, replies = os.pipe()

        def pipes() -> None:  # in the child: the two ends where Chromium expects them
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=pipes, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands)
        os.close(replies)
        self._out = os.fdopen(self._theirs_in, "wb", buffering=0)
        self._in = os.fdopen(self._theirs_out, "rb", buffering=0)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=True)

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = self._in.read(1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait(self, method: str) -> dict:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._message()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open(self, url: str, javascript: bool = True) -> list[str]:
        """Load url; the console errors, uncaught exceptions and refused loads it caused."""
        self.send("Emulation.setScriptExecutionDisabled", {"value": not javascript}, session=True)
        self.events.clear()
        self.send("Page.navigate", {"url": url}, session=True)
        self.wait("Page.loadEventFired")
        self.evaluate("1") if javascript else None  # every script of the page has run
        return self.problems()

    def problems(self) -> list[str]:
        seen = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                seen.append("Uncaught " + json.dumps(params["exceptionDetails"].get("exception", {}).get("description", params["exceptionDetails"].get("text"))))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                seen.append("console " + json.dumps(params.get("args")))
            elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                seen.append("log " + params["entry"].get("text", ""))
        return seen

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()
        self._in.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = chromium()
    if binary is None:
        pytest.skip("no Chromium binary (chromium, chromium-browser or google-chrome on PATH, or $CHROMIUM): apt-get install -y chromium")
    started = Browser(binary, tmp_path_factory.mktemp("chromium"))
    yield started
    started.close()


def _page(html: str, folder: Path, name: str) -> str:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path.as_uri()


def test_it_renders_in_headless_chromium_without_console_errors(examples, browser, tmp_path):
    _, _, html = examples
    # First prove that this Chromium reports what we look for: an uncaught error, and the report's own
    # Content-Security-Policy refusing a remote script. Otherwise a clean log below would prove nothing.
    csp = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', html).group(0)
    control = _page(f"<!DOCTYPE html><html><head>{csp}</head><body><script>notDefined();</script>"
                    '<script src="https://cdn.example.invalid/x.js"></script></body></html>', tmp_path, "control.html")
    seen = browser.open(control)
    assert any("Uncaught" in line and "notDefined" in line for line in seen), seen
    assert any("x.js" in line and ("Content Security Policy" in line or "Refused" in line) for line in seen), seen

    assert browser.open(_page(html, tmp_path, "portfolio.html")) == []
    assert browser.evaluate("document.querySelectorAll('.main-svg').length") >= 4  # plotly ran and drew the charts
    assert browser.evaluate("document.querySelectorAll('table.matrix').length") == 1
    shot = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png", "clip": {"x": 0, "y": 0, "width": 1400, "height": 2400, "scale": 1},
                                                                   "captureBeyondViewport": True}, session=True)["data"])
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", shot[16:24]) == (1400, 2400)
    assert len(shot) > 50_000, f"the screenshot is {len(shot)} bytes: a blank page?"


def test_the_charts_count_in_whole_numbers_and_a_stacked_chart_has_its_legend(infrastructure, browser, tmp_path):
    _, html = infrastructure
    assert browser.open(_page(html, tmp_path, "charts.html")) == []
    charts = browser.evaluate("""Array.from(document.querySelectorAll('.chart .plotly-graph-div')).map(gd => ({
        id: gd.id, stacked: gd._fullLayout.barmode === 'stack', legend: gd.querySelectorAll('.legend .traces').length,
        traces: gd.data.length, title: gd._fullLayout.title.text,
        ticks: Array.from(gd.querySelectorAll(gd.data[0].orientation === 'h' ? '.xtick text' : '.ytick text')).map(t => t.textContent)}))""")
    assert {c["id"] for c in charts} == {"chart-providers", "chart-jurisdictions", "chart-locations", "chart-classification"}
    for chart in charts:
        assert chart["ticks"] and all(re.fullmatch(r"\d+", t) for t in chart["ticks"]), chart
        if chart["stacked"]:
            assert "gestapeld" in chart["title"] and chart["legend"] == chart["traces"] >= 1, chart


def test_without_javascript_everything_is_there_and_the_filters_are_not(infrastructure, browser, tmp_path):
    report, html = infrastructure
    assert browser.open(_page(html, tmp_path, "nojs.html"), javascript=False) == []
    shown = browser.evaluate("""({
        filters: getComputedStyle(document.getElementById('filters')).display,
        rows: document.querySelectorAll('table.matrix tr.svc-row').length,
        articles: Array.from(document.querySelectorAll('article.service')).filter(a => a.offsetParent !== null).length,
        findings: Array.from(document.querySelectorAll('tr.finding')).filter(r => r.offsetParent !== null).length,
        broken: Array.from(document.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href').slice(1))
                     .filter(id => id && !document.getElementById(id)),
        rules: document.querySelectorAll('tr.rule-page').length,
        plotly: typeof window.Plotly})""")
    assert shown["plotly"] == "undefined"  # scripts really were off
    assert shown["filters"] == "none"
    assert shown["rows"] == shown["articles"] == len(report.services)
    assert shown["findings"] == len([f for f in report.findings if f.status in SHOWN])
    assert shown["broken"] == [] and shown["rules"] == len(report.rules)


def test_the_filters_search_and_sorting(infrastructure, browser, tmp_path):
    report, html = infrastructure
    assert browser.open(_page(html, tmp_path, "filters.html")) == []
    count = """(() => ({rows: Array.from(document.querySelectorAll('table.matrix tr.svc-row')).filter(r => !r.hidden).map(r => r.querySelector('.id').textContent),
        articles: Array.from(document.querySelectorAll('article.service')).filter(a => !a.hidden).length,
        columns: Array.from(document.querySelectorAll('table.matrix th.rule')).filter(t => !t.hidden).length,
        packs: Array.from(document.querySelectorAll('table.matrix th.pack')).filter(t => !t.hidden).map(t => [t.textContent, t.colSpan]),
        findings: Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden && !(r.closest('article') || {}).hidden).map(r => r.dataset.state + ' ' + r.dataset.sev),
        shown: document.querySelector('#filters output').value}))()"""

    def choose(**values: str) -> dict:
        assignments = "".join(f"f.elements[{json.dumps(k)}].value = {json.dumps(v)};" for k, v in values.items())
        return browser.evaluate(f"(() => {{ const f = document.getElementById('filters'); f.reset(); {assignments}"
                                f" f.dispatchEvent(new Event('change')); return {count}; }})()")

    assert browser.evaluate("getComputedStyle(document.getElementById('filters')).display") != "none"
    everything = choose()
    assert len(everything["rows"]) == everything["articles"] == len(report.services) and everything["shown"] == str(len(report.services))
    failing = {f.service for f in report.findings if f.service and f.status is Status.FAIL and f.enforcement.value == "mandatory"}
    fail = choose(state="fail")
    assert sorted(fail["rows"]) == sorted(failing) and fail["articles"] == len(failing)
    assert fail["findings"] and all(f.startswith("fail ") for f in fail["findings"])
    infra = choose(pack="infra")
    assert infra["packs"] == [["infra", 5]] and infra["columns"] == 5
    high = choose(sev="high")
    assert high["columns"] == len([r for r in report.rules if r.severity.value == "high" and any(f.rule_id == r.id for f in report.findings)])
    assert high["findings"] and all(f.endswith(" high") for f in high["findings"])
    found = choose(q="archiefopslag")
    assert found["rows"] == ["vbz-archief"] and found["articles"] == 1
    assert choose(org="Ministerie van Voorbeeldzaken")["rows"] == everything["rows"]
    # a sortable column sorts by its values: the rules by severity, then back
    order = browser.evaluate("""(() => { const th = document.querySelector('table.rules thead th:nth-child(3)');
        const read = () => Array.from(document.querySelectorAll('table.rules tbody tr')).map(r => Number(r.cells[2].dataset.sort));
        th.querySelector('button').click(); const up = read(); th.querySelector('button').click(); return [up, read(), th.getAttribute('aria-sort')]; })()""")
    assert order[0] == sorted(order[0]) and order[1] == sorted(order[1], reverse=True) and order[2] == "descending"


def test_printing_keeps_every_pack_of_the_matrix(infrastructure, browser, tmp_path):
    """Chromium's print to PDF (the page's own print stylesheet, A3 landscape): the matrix's first page shows
    every pack and every rule column, each inside the page."""
    from pypdf import PdfReader

    report, html = infrastructure
    assert browser.open(_page(html, tmp_path, "print.html")) == []
    pdf = base64.b64decode(browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=True)["data"])
    (tmp_path / "portfolio.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "portfolio.pdf")
    pages = [page.extract_text() for page in reader.pages]
    first = next(i for i, text in enumerate(pages) if "Nalevingsmatrix" in text)
    matrix_pages = "\n".join(pages[first:first + 2])
    width = float(reader.pages[first].mediabox.width)
    rules = [r for r in report.rules if any(f.rule_id == r.id for f in report.findings)]
    assert {r.pack for r in rules} == {"cb22", "kaderwet_zbo", "archiefwet", "avg", "bio2", "kamer_2025", "infra", "cb26", "data_act"}
    placed: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        for word in text.split():
            placed.setdefault(word.strip(), x)

    reader.pages[first].extract_text(visitor_text=visit)
    for pack in {r.pack for r in rules}:
        assert pack.upper() in matrix_pages or pack in matrix_pages, pack
    flat = re.sub(r"\s+", "", matrix_pages)
    missing = [r.id for r in rules if r.id.replace("-", "") not in flat.replace("-", "")]
    assert not missing, missing
    assert placed and all(0 <= x <= width for x in placed.values())
    assert width > float(reader.pages[first].mediabox.height)  # landscape


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


# --- the gate's dossier in the reader's language --------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_dossier_speaks_one_language_with_its_plurals(lang, tmp_path):
    from checker import dossier
    from tests.test_i18n import _english_only_fragments

    report = check(Options(paths=(ROOT / "examples" / "afm",), as_of=AS_OF, lang=lang))
    assert len(report.services) == 1 and report.failing()
    _, markdown_path = dossier.write(report, "procurement", [], tmp_path)
    text = markdown_path.read_text(encoding="utf-8")
    words = {"nl": ("**Oordeel: voldoet niet** (afsluitcode 1)", "Fase: inkoop", "Peildatum: 2026-11-28", "\n1 dienst · ", "Invoer (SHA-256)"),
             "en": ("**Verdict: not compliant** (exit code 1)", "Stage: procurement", "Reference date: 2026-11-28", "\n1 service · ", "Inputs (SHA-256)")}[lang]
    for phrase in words:
        assert phrase in text, phrase
    assert "1 diensten" not in text and "1 services" not in text and "(exit 1)" not in text
    fragments = _english_only_fragments()
    if lang == "nl":
        assert not [f for f in fragments if f in text]
    else:
        assert [f for f in fragments if f in text]  # the check above can find what it looks for


def test_the_report_command_runs_ahead_and_refuses_a_relative_docs_base(tmp_path):
    from tests.conftest import run_cli

    out = tmp_path / "portfolio.html"
    result = run_cli("report", "examples/infrastructure", "-o", str(out), "--as-of", AS_OF, "--due-within-days", "30")  # a view: exit 0
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "2026-12-28 (30 dagen later)" in section(out.read_text(encoding="utf-8"), "deadlines")
    refused = run_cli("report", "examples/infrastructure", "-o", str(tmp_path / "x.html"), "--docs-base", "docs/rules")
    assert refused.returncode == 2 and "--docs-base" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "x.html").exists()


# --- output safety of the drill-down: whatever the descriptor and the code say, the markup is the same ------------

def _drilled(file: str, ident: str, free: str, country: str) -> str:
    from dataclasses import replace

    from checker.model import Enforcement, Finding, Location, Severity, Text
    from tests.reports import make_report

    report = make_report(file, ident, free)
    undeclared = Finding("INFRA-UNDECLARED-COUNTRY", Status.FAIL, Severity.HIGH, Enforcement.MANDATORY, Text(free, free), Text(free, free),
                         Location(free, 0, 3, 1), service=ident, params={"country": country, "address": free, "region": free})
    dated = replace(report.findings[0], params={"due": "2026-12-01", "date": free, "months": free})
    report = replace(report, findings=(dated, *report.findings[1:], undeclared))
    where = {"file": free, "line": 3, "column": 1}
    data = {"id": ident, "service": {"name": free, "status": free, "deployment_model": free, "materieel": True},
            "provider": {"name": free, "ultimate_parent_country": country, "subprocessors": [{"name": free, "country": country, "access": ["support"]}]},
            "hosting": {"storage_locations": [country], "processing_locations": [country + "2"]}, "data": {"rubricering": free},
            "observed": {"resources": [
                {"address": free, "region": free, "country": country, "kind": "storage_locations", "region_status": "known", "where": where},
                {"address": free, "region": free, "country": None, "kind": "processing_locations", "region_status": "unresolved",
                 "why": {"nl": free, "en": free}, "where": where, "region_where": where}]}}
    descriptor = html_report.Descriptor(ident, file, 0, data, {"name": free})
    return html_report.render(report, "nl", [descriptor], ahead=replace(report, as_of="2027-02-26"))


def test_the_drill_down_has_the_same_markup_whatever_the_input(monkeypatch):
    import plotly.offline
    from hypothesis import HealthCheck, given, settings

    from tests.reporters.test_output_safety import _markup, hostile, ident_strategy

    # plotly's own 4.8 MB bundle is the same for every input: left out, so that each example is quick to parse
    monkeypatch.setattr(plotly.offline, "get_plotlyjs", lambda: "/* plotly.js */")

    plain_html = _drilled("a.cloud.yaml", "svc", "text", "US")
    plain, plain_scripts = _markup(plain_html), plain_html.count("<script")

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(file=hostile, ident=ident_strategy, free=hostile, country=ident_strategy)
    def check_one(file, ident, free, country):
        html = _drilled(file, ident, free, country)
        got = _markup(html)
        assert got.tags == plain.tags  # no tag and no attribute comes from input
        assert not [link for link in got.links if re.match(r"\s*(javascript|data|vbscript):", link, re.IGNORECASE)]
        assert html.count("<script") == plain_scripts and "badge undeclared" in html

    check_one()
