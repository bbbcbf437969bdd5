"""The OPA engine against a real OPA on loopback: bundles, tokens, faults, the managed server's life."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from checker.bundle import build
from checker.policies import PolicyBundle, load_bundle
from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, all_findings, check_json, line_of, run_cli, write
from tests.opa_binary import opa_path
from tests.opa_server import file_server, free_port, opa_server, served_policies

POLICY_ARGS = ["--ignore", "*_test.rego", str(ROOT / "policies")]


def comparable(report: dict) -> list:
    return [{k: v for k, v in f.items()} for f in all_findings(report)]


@pytest.fixture(scope="module")
def embedded_examples() -> tuple[int, dict]:
    return check_json(str(ROOT / "examples"))


def _serve_bundle(tmp_path: Path, bundle: PolicyBundle | None = None):
    manifest = build(tmp_path / "bundles" / "cloudbeleid.tar.gz", bundle)
    config = tmp_path / "opa.yaml"
    config.write_text(json.dumps({
        "services": {"bundles": {"url": "BUNDLE_URL"}},
        "bundles": {"cloudbeleid": {"service": "bundles", "resource": "cloudbeleid.tar.gz", "polling": {"min_delay_seconds": 60, "max_delay_seconds": 120}}},
    }))
    return manifest, config


def test_bundle_round_trip_through_a_bundle_server(tmp_path: Path, embedded_examples):
    manifest, config = _serve_bundle(tmp_path)
    with file_server(tmp_path / "bundles") as bundle_url:
        config.write_text(config.read_text().replace("BUNDLE_URL", bundle_url))
        with opa_server("--config-file", str(config), ready="/health?bundles") as url:
            code, report = check_json("--engine", "opa", "--opa-url", url, str(ROOT / "examples"))
    embedded_code, embedded = embedded_examples
    assert (code, comparable(report)) == (embedded_code, comparable(embedded))
    assert report["engine"] == "opa" and report["engine_version"] == "OPA 1.22.3"
    assert report["policy_revision"] == manifest["revision"] == embedded["policy_revision"]


def test_server_with_other_policies_is_refused(tmp_path: Path):
    bundle = load_bundle()
    other = PolicyBundle(bundle.roots, bundle.modules, {**bundle.data, "extra": {"x": 1}})
    _, config = _serve_bundle(tmp_path, other)
    write(tmp_path / "repo", ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(tmp_path / "repo", "mail.cloud.yaml", VALID_DESCRIPTOR)
    with file_server(tmp_path / "bundles") as bundle_url:
        config.write_text(config.read_text().replace("BUNDLE_URL", bundle_url))
        with opa_server("--config-file", str(config), ready="/health?bundles") as url:
            refused = run_cli("check", "--lang", "en", "--opa-url", url, "--as-of", AS_OF, str(tmp_path / "repo"))
            accepted = run_cli("check", "--lang", "en", "--opa-url", url, "--opa-any-revision", "--as-of", AS_OF, str(tmp_path / "repo"))
    assert refused.returncode == 3
    assert f"OPA at {url} serves policy revision" in refused.stderr
    assert accepted.returncode == 0, accepted.stderr


def test_bearer_token_from_the_environment(tmp_path: Path, repo: Path):
    authz = 'package system.authz\n\ndefault allow := false\n\nallow if input.identity == "s3cret"\n'
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    with opa_server("--authentication=token", "--authorization=basic", *served_policies(tmp_path / "served", authz)) as url:
        good = run_cli("check", "--lang", "en", "--opa-url", url, "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_OPA_TOKEN": "s3cret"})
        custom = run_cli("check", "--lang", "en", "--opa-url", url, "--opa-token-env", "MY_TOKEN", "--as-of", AS_OF, str(repo), env={"MY_TOKEN": "s3cret"})
        bad = run_cli("check", "--lang", "en", "--opa-url", url, "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_OPA_TOKEN": "wrong"})
        # what a pipeline's owner sets once for every job, without flags
        environment = run_cli("check", "--lang", "en", "--as-of", AS_OF, str(repo),
                              env={"CLOUDBELEID_OPA_URL": url, "CLOUDBELEID_OPA_TOKEN_ENV": "MY_TOKEN", "MY_TOKEN": "s3cret"})
    assert good.returncode == 0, good.stderr
    assert custom.returncode == 0, custom.stderr
    assert environment.returncode == 0, environment.stderr
    assert bad.returncode == 3
    assert f"OPA at {url} answered HTTP 401" in bad.stderr and "s3cret" not in bad.stderr + bad.stdout


def test_connection_refused_is_exit_3_naming_the_server(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    url = f"http://127.0.0.1:{free_port()}"
    result = run_cli("check", "--lang", "en", "--opa-url", url, str(repo))
    assert result.returncode == 3
    assert f"cannot reach OPA at {url}" in result.stderr and "connection refused" in result.stderr


def test_server_without_the_policies_is_undefined_not_a_pass(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    with opa_server() as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(repo))
    assert result.returncode == 3
    assert "data.cloudbeleid.main.report is undefined" in result.stderr


def test_policy_error_on_the_server_is_exit_3(tmp_path: Path, repo: Path):
    broken = write(tmp_path, "broken.rego", 'package cloudbeleid.main\n\nreport := to_number("x")\n')
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    with opa_server(str(broken)) as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(repo))
    assert result.returncode == 3
    assert f"OPA at {url} answered HTTP 500" in result.stderr


def _opa_servers() -> set[str]:
    ps = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return {line.split()[0] for line in ps.splitlines() if "run --server --addr 127.0.0.1" in line and "--log-level error" in line}


def test_managed_opa_starts_loads_and_stops(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false"))
    before = _opa_servers()
    code, report = check_json("--engine", "opa", "--opa-path", opa_path(), str(repo))
    assert code == 1 and report["engine_version"] == "OPA 1.22.3"
    assert [f["rule_id"] for f in all_findings(report) if f["status"] == "fail"] == ["CB22-EXIT-STRATEGY"]
    assert _opa_servers() == before


def test_managed_opa_with_a_bad_binary(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    fake = write(tmp_path, "opa", "#!/bin/sh\necho 'not opa' >&2\nexit 7\n")
    fake.chmod(0o755)
    result = run_cli("check", "--lang", "en", "--engine", "opa", "--opa-path", str(fake), str(repo))
    assert result.returncode == 3
    assert "exited with code 7" in result.stderr and "not opa" in result.stderr


def test_opa_options_need_the_opa_engine(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--lang", "en", "--engine", "embedded", "--opa-timeout", "3", str(repo))
    assert result.returncode == 2 and "--opa-* options need --engine opa" in result.stderr


def test_engine_and_timeout_from_the_configuration_binary_from_the_environment(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "engine: opa\nopa: {timeout_seconds: 20}\n")
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    code, report = check_json(str(tmp_path), env={"CLOUDBELEID_OPA_PATH": opa_path()})
    assert code == 0 and report["engine"] == "opa" and report["engine_version"] == "OPA 1.22.3"
    # the variable is what chose the binary: one that is not there is refused, naming the variable
    missing = run_cli("check", "--lang", "en", "--as-of", AS_OF, str(tmp_path), env={"CLOUDBELEID_OPA_PATH": str(tmp_path / "geen-opa")})
    assert missing.returncode == 2 and f"CLOUDBELEID_OPA_PATH {tmp_path / 'geen-opa'}: not an executable file" in missing.stderr


@pytest.mark.parametrize(("key", "value", "flag", "variable"), [
    ("url", "https://opa.example.org:8181", "--opa-url", "CLOUDBELEID_OPA_URL"),
    ("token_env", "ANY_CI_SECRET", "--opa-token-env", "CLOUDBELEID_OPA_TOKEN_ENV"),
    ("path", "./run-me.sh", "--opa-path", "CLOUDBELEID_OPA_PATH"),
    ("ca_bundle", "ca.pem", "--opa-ca-bundle", "CLOUDBELEID_OPA_CA_BUNDLE"),
])
def test_the_configuration_cannot_choose_where_a_token_goes_or_what_runs(tmp_path: Path, key: str, value: str, flag: str,
                                                                          variable: str):
    config = MINISTRY_CONFIG + f"engine: opa\nopa:\n  timeout_seconds: 5\n  {key}: {value}\n"
    write(tmp_path, ".cloudbeleid.yaml", config)
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    marker = tmp_path / "ran"
    write(tmp_path, "run-me.sh", f"#!/bin/sh\ntouch {marker}\n").chmod(0o755)
    for command in (["check", "--as-of", AS_OF, str(tmp_path)], ["validate", str(tmp_path / ".cloudbeleid.yaml")]):
        result = run_cli(*command, cwd=tmp_path)
        assert result.returncode == 2, result.stdout + result.stderr
        output = result.stdout + result.stderr
        where = f"{tmp_path / '.cloudbeleid.yaml'}:{line_of(config, f'  {key}:')}:3"
        assert f"{where}: ongeldige configuratie: opa.{key} kan niet in een configuratiebestand staan" in output, output
        assert f"geef {flag} of zet {variable}" in output and "Traceback" not in output
    assert not marker.exists()


@pytest.mark.parametrize("setting", ["opa: {any_revision: true}", "opa_any_revision: true", "any_revision: true"])
def test_any_revision_is_for_the_command_line_only(tmp_path: Path, setting: str):
    config = MINISTRY_CONFIG + "engine: opa\n" + setting + "\n"
    write(tmp_path, ".cloudbeleid.yaml", config)
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, str(tmp_path))
    assert result.returncode == 2 and "unknown field" in result.stderr and "revision" in result.stderr, result.stderr
    assert f".cloudbeleid.yaml:{line_of(config, 'revision')}:" in result.stderr
    schema = json.loads((ROOT / "schemas/config.v1.schema.json").read_text())
    assert not [k for k in [*schema["properties"], *schema["properties"]["opa"]["properties"]] if "revision" in k]


def test_a_server_without_a_revision_is_refused(repo: Path):
    """Plain policy files (or anything but a bundle) give no revision: nothing shows which rules gave the verdict."""
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    expected = load_bundle().revision
    with opa_server(*POLICY_ARGS) as url:
        refused = run_cli("check", "--lang", "en", "--opa-url", url, "--as-of", AS_OF, str(repo))
        accepted = run_cli("check", "--lang", "en", "--opa-url", url, "--opa-any-revision", "--as-of", AS_OF, str(repo))
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert refused.stderr.splitlines() == [
        f"cloudbeleid: error: OPA at {url} serves policy revision none (no bundle revision in its answer), expected {expected}: "
        "the verdict would come from other rules (serve a bundle from 'cloudbeleid bundle build' of this version, "
        "or give --opa-any-revision)"
    ]
    assert accepted.returncode == 0, accepted.stderr


def test_the_report_names_the_server_the_run_used(repo: Path, tmp_path: Path):
    from checker.evaluate import Options, check

    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    embedded = check(Options((repo,), None, AS_OF, "nl", "embedded"))
    managed = check(Options((repo,), None, AS_OF, "nl", "opa", {"opa_path": opa_path()}))
    with opa_server(*served_policies(tmp_path / "served")) as url:
        with_password = url.replace("http://", "http://cloudbeleid:pa55w0rd@")
        central = check(Options((repo,), None, AS_OF, "nl", "opa", {"url": with_password}))
    assert embedded.server is None
    assert re.fullmatch(r"managed OPA 127\.0\.0\.1:\d+", managed.server or ""), managed.server
    assert central.server == url.replace("http://", "http://***@") and central.engine_version == "OPA 1.22.3"


def test_managed_opa_does_not_outlive_a_killed_checker():
    import os
    import signal
    import sys
    import time

    code = (
        "import time\nfrom checker.policies import load_bundle\nfrom checker.engine.opa import OpaEngine\n"
        f"e = OpaEngine(opa_path={opa_path()!r}); e._start(load_bundle()); print(e._process.pid, flush=True); time.sleep(60)\n"
    )
    checker = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    opa_pid = int(checker.stdout.readline())
    os.kill(checker.pid, signal.SIGKILL)
    checker.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{opa_pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            return  # gone and reaped
        if state in ("Z", "X"):
            return  # exited; only the reaping is left to init
        time.sleep(0.1)
    raise AssertionError(f"managed OPA {opa_pid} still runs after its checker was killed")


def test_managed_opa_without_memfd_leaves_no_file_either(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Where memfd_create is forbidden (a sandbox) or missing, the bundle goes to a file that has no name either."""
    import os
    import tempfile

    from checker.evaluate import Options, check

    def forbidden(*args: object) -> int:
        raise PermissionError(1, "Operation not permitted")

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(os, "memfd_create", forbidden)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    report = check(Options((repo,), None, AS_OF, "nl", "opa", {"opa_path": opa_path()}))
    assert report.engine_version == "OPA 1.22.3" and report.services == ("mail",)
    assert list(scratch.iterdir()) == []
