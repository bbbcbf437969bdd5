"""Every rule has a compliant and a non-compliant example under tests/fixtures/rules/<pack>/<rule>/, written by
tests/rule_fixtures.py from one fully compliant base: the compliant one passes every rule of every pack, the
non-compliant one fails its own rule; either fails nothing else but the rules its entry names (they read the same fact)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.evaluate import check
from checker.model import Finding, Status
from checker.pipeline import Options
from tests import rule_fixtures
from tests.conftest import AS_OF, ROOT

RULES = load_catalog().rules
FIXTURES = rule_fixtures.fixtures()
BAD = (Status.FAIL, Status.ERROR)


def _fixture(rule, kind: str) -> rule_fixtures.Fixture:
    (found,) = [f for f in FIXTURES if f.package == rule.package and f.kind == kind]
    return found


@pytest.fixture(scope="module")
def findings() -> dict[tuple[str, str], list[Finding]]:
    """The findings of each fixture (package, kind), with the embedded engine: those of its services, wherever they
    are located (a finding on infrastructure code sits at a .tf line), and those in its files without a service."""
    report = check(Options(paths=(rule_fixtures.FOLDER,), as_of=AS_OF, lang="en"))
    owner = {service: (f.package, f.kind) for f in FIXTURES for service in f.ids}
    folders = {(f.folder / f.kind).relative_to(ROOT).as_posix(): (f.package, f.kind) for f in FIXTURES}
    out: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        key = owner.get(finding.service) or next(
            (k for folder, k in folders.items() if finding.location.file.startswith(folder + "/")), None)
        assert key is not None, finding  # every finding belongs to a fixture
        out[key].append(finding)
    return out


def test_the_fixtures_are_what_the_generator_writes():
    assert not rule_fixtures.stale(), "run: python3 -m tests.rule_fixtures --update"


def test_every_rule_has_both_fixtures_and_no_fixture_is_left_over():
    assert {f.package for f in FIXTURES} == {r.package for r in RULES}
    written = {f.path for f in FIXTURES}
    on_disk = set(rule_fixtures.FOLDER.rglob("*.cloud.yaml"))
    assert on_disk == written, on_disk ^ written


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_noncompliant_example_fails_this_rule_and_nothing_else(rule, findings):
    fixture = _fixture(rule, "noncompliant")
    found = findings[(rule.package, "noncompliant")]
    failing = [f for f in found if f.rule_id == rule.id and f.status is Status.FAIL]
    assert failing, f"{rule.id} does not fail on {fixture.path.relative_to(ROOT)}"
    assert {f.enforcement.value for f in failing} <= {"mandatory", "advisory"}
    assert {f.rule_id for f in found if f.status in BAD} == {rule.id} | fixture.also
    assert not fixture.also & {rule.id}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_compliant_example_passes_this_rule_and_every_other(rule, findings):
    fixture = _fixture(rule, "compliant")
    found = findings[(rule.package, "compliant")]
    own = [f.status for f in found if f.rule_id == rule.id]
    assert own and set(own) == {Status.PASS}, own
    assert {f.rule_id for f in found if f.status in BAD} == fixture.also
    assert rule.id not in fixture.also
    # every rule of the catalogue gave the fixture a verdict (all packs are on in the fixtures' configuration)
    assert {f.rule_id for f in found} >= {r.id for r in RULES if not r.portfolio}


def test_the_base_passes_every_rule(tmp_path: Path):
    """base.yaml itself, checked as a descriptor under the fixtures' configuration."""
    (tmp_path / ".cloudbeleid.yaml").write_text((rule_fixtures.FOLDER / ".cloudbeleid.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "base.cloud.yaml").write_text(rule_fixtures.BASE.read_text(encoding="utf-8"), encoding="utf-8")
    report = check(Options(paths=(tmp_path,), as_of=AS_OF, lang="en"))
    assert not [(f.rule_id, f.message.get("en")) for f in report.findings if f.status in BAD]
    assert {f.rule_id for f in report.findings} == {r.id for r in RULES}


def test_a_fixture_says_what_it_shows():
    for fixture in FIXTURES:
        lines = fixture.text.splitlines()
        assert lines[0].startswith("# yaml-language-server: $schema=")
        assert (fixture.folder / lines[0].split("=", 1)[1]).resolve() == ROOT / rule_fixtures.SCHEMA
        assert lines[1].startswith(("# Compliant example for ", "# Non-compliant example for ")) and fixture.says in lines[1]
