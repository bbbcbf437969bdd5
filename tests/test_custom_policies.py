"""An organisation's own rules beside the shipped ones: --policies, the configuration, bundles, both engines."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, VALID_DESCRIPTOR, all_findings, check_json, line_of, run_cli, write
from tests.opa_binary import opa_path

US_PARENT = VALID_DESCRIPTOR.replace("ultimate_parent_country: NL", "ultimate_parent_country: US")
PARENT_LINE = line_of(US_PARENT, "ultimate_parent_country: US")


@pytest.fixture
def us_service(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb22, eigen]\n"))
    write(repo, "mail.cloud.yaml", US_PARENT)
    return repo


def _fails(report: dict) -> list[tuple[str, int]]:
    return [(f["rule_id"], f["location"]["line"]) for f in all_findings(report) if f["status"] == "fail"]


def test_custom_rules_from_the_command_line(custom: Path, us_service: Path):
    code, report = check_json("--policies", str(custom), str(us_service))
    assert code == 1
    assert _fails(report) == [("EIGEN-NO-US-PARENT", PARENT_LINE)]
    assert "eigen" in report["packs"]
    rules = run_cli("rules", "--format", "json", "--policies", str(custom))
    assert "EIGEN-NO-US-PARENT" in {r["id"] for r in json.loads(rules.stdout)}


def test_custom_rules_from_the_configuration_and_the_opa_engine(custom: Path, us_service: Path):
    import shutil

    shutil.copytree(custom, us_service / "eigen-regels")  # a repository's configuration names folders inside it
    (us_service / ".cloudbeleid.yaml").write_text(MINISTRY_CONFIG.replace(PACKS, "") + "policies: [eigen-regels]\n")
    embedded = check_json(str(us_service))
    opa = check_json("--engine", "opa", "--opa-path", opa_path(), str(us_service))
    assert embedded[0] == opa[0] == 1
    assert _fails(embedded[1]) == _fails(opa[1]) == [("EIGEN-NO-US-PARENT", PARENT_LINE)]
    assert embedded[1]["policy_revision"] == opa[1]["policy_revision"]


def test_bundle_carries_custom_policies(custom: Path, tmp_path: Path):
    output = tmp_path / "b.tar.gz"
    result = run_cli("bundle", "build", "--output", str(output), "--policies", str(custom))
    assert result.returncode == 0, result.stderr
    with tarfile.open(output) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("/.manifest"))
    assert "/custom1/rules/eigen/no_us_parent/no_us_parent.rego" in names
    assert "/eigen/data.json" in names and "/data/data.json" in names
    assert sorted(manifest["roots"]) == ["cloudbeleid", "data", "eigen"]


def test_custom_rule_with_a_syntax_error_is_exit_3(custom: Path, us_service: Path):
    rule = custom / "rules/eigen/no_us_parent/no_us_parent.rego"
    rule.write_text(rule.read_text().replace("some i in subject", "some i in subject {"))
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3
    assert "no_us_parent.rego" in result.stderr and "Traceback" not in result.stderr


def test_custom_rule_with_invalid_metadata_is_exit_3(custom: Path, us_service: Path):
    rule = custom / "rules/eigen/no_us_parent/no_us_parent.rego"
    rule.write_text(rule.read_text().replace("severity: medium", "severity: serious"))
    result = run_cli("check", "--lang", "en", "--policies", str(custom), str(us_service))
    assert result.returncode == 3
    assert "no_us_parent.rego" in result.stderr and "invalid METADATA" in result.stderr


# --- an organisation's own policies add rules; they never amend the shipped ones ---------------------------------------

LIFT = '''package cloudbeleid.lib.countries

eer_or_adequate(_, _) if true
'''


@pytest.mark.parametrize("module, says", [
    (LIFT, "package cloudbeleid.lib.countries: an organisation's own policies may define only packages of their own"),
    ("package cloudbeleid.rules.cb22.no_state_secrets\n\nsubject contains 99 if true\n", "never amend the shipped ones"),
    ("package cloudbeleid.main\n\nx := 1\n", "never amend the shipped ones"),
    ("package eigen.lib\n\nleak := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9/\"})\n",
     "http.send() is not allowed"),
    ("package eigen.lib\n\nenv := opa.runtime().env\n", "opa.runtime() is not allowed"),
    ("package eigen.lib\n\nnow := time.now_ns()\n", "time.now_ns() is not allowed"),
    ("package eigen.lib\n\nx if print(\"::error::INJECTED\")\n", "print() is not allowed"),
])
def test_own_policies_cannot_amend_shipped_packages_or_reach_out(custom: Path, us_service: Path, module: str, says: str):
    write(custom, "lib/extra.rego", module)
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3, result.stdout + result.stderr
    assert says in result.stderr and "extra.rego" in result.stderr


def test_own_policies_cannot_amend_the_shipped_reference_data(custom: Path, us_service: Path):
    write(custom, "data/countries.json", json.dumps({"countries": {"adequacy": {"extra": ["CN"]}}}))
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3 and "data key data.countries belongs to the shipped reference data" in result.stderr


def test_a_comment_may_name_a_forbidden_builtin(custom: Path, us_service: Path):
    write(custom, "lib/extra.rego", "package eigen.lib\n\n# never use http.send( here\nok := true\n")
    code, report = check_json("--policies", str(custom), str(us_service))
    assert code == 1 and any(f["rule_id"] == "EIGEN-NO-US-PARENT" for f in all_findings(report))


@pytest.mark.parametrize("module", [
    'package cloudbeleid["lib"].countries\n\neer_or_adequate(_, _) if true\n',
    "   package cloudbeleid.lib.countries\n\neer_or_adequate(_, _) if true\n",
    "package cloudbeleid[`lib`].countries # a comment\n\neer_or_adequate(_, _) if true\n",
    "package data.cloudbeleid.lib.countries\n\neer_or_adequate(_, _) if true\n",
])
def test_another_spelling_of_a_shipped_package_is_refused(custom: Path, us_service: Path, module: str):
    write(custom, "lib/extra.rego", module)
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3 and "never amend the shipped ones" in result.stderr, result.stdout + result.stderr


def test_a_hash_in_a_string_does_not_hide_a_forbidden_call(custom: Path, us_service: Path):
    write(custom, "lib/extra.rego", 'package eigen.lib\n\nx := r if { s := "#"; r := http.send({"method": "get", "url": "http://127.0.0.1:9/"}) }\n')
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3 and "http.send() is not allowed" in result.stderr and "extra.rego:3" in result.stderr


def test_own_data_cannot_stand_in_for_shipped_rules(custom: Path, us_service: Path):
    write(custom, "x.json", json.dumps({"cloudbeleid": {"rules": {"cb22": {"no_state_secrets": {"deny": []}}}}}))
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3 and "data under cloudbeleid.*" in result.stderr


def test_a_link_out_of_the_policy_folder_is_not_loaded(custom: Path, us_service: Path, tmp_path: Path):
    secret = write(tmp_path, "dockercfg.json", '{"auths": {"ghcr.io": {"auth": "c2VjcmV0"}}}')
    (custom / "stolen").mkdir()
    (custom / "stolen" / "cfg.json").symlink_to(secret)
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, "--policies", str(custom), str(us_service))
    assert result.returncode == 3 and "symbolic link to a file outside the policy folder" in result.stderr
    assert "c2VjcmV0" not in result.stdout + result.stderr
