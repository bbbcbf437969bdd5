"""The OPA engine's options where the bad-input corpus cannot reach: a file only root could read, and the run's
environment as the source of every setting the repository may not make."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, VALID_DESCRIPTOR, run_cli, write
from tests.test_bad_inputs import _DROP_DAC  # root honours a file's mode only without its DAC capabilities


def test_an_unreadable_ca_bundle_is_a_usage_error(repo: Path, tmp_path: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    ca = write(tmp_path, "ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    ca.chmod(0)
    command = [sys.executable, "-m", "checker", "check", "--lang", "en", "--as-of", AS_OF, "--opa-url", "https://127.0.0.1:8181",
               "--opa-ca-bundle", str(ca), str(repo)]
    if os.geteuid() == 0:
        command = [sys.executable, "-c", _DROP_DAC, *command[1:]]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1"})
    if "cannot drop capability" in result.stderr:
        pytest.skip(f"running as root and {result.stderr.strip()}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines() == [f"cloudbeleid: error: --opa-ca-bundle {ca}: cannot read it (Permission denied)"]


@pytest.mark.parametrize(("env", "says"), [
    ({"CLOUDBELEID_OPA_URL": "http://[::1"}, "CLOUDBELEID_OPA_URL 'http://[::1' is not a valid address"),
    ({"CLOUDBELEID_OPA_URL": "https://127.0.0.1:8181", "CLOUDBELEID_OPA_CA_BUNDLE": "/geen/ca.pem"},
     "CLOUDBELEID_OPA_CA_BUNDLE /geen/ca.pem: cannot read it"),
    ({"CLOUDBELEID_OPA_URL": "https://127.0.0.1:8181", "CLOUDBELEID_OPA_TOKEN_ENV": "NOT-A-NAME"},
     "CLOUDBELEID_OPA_TOKEN_ENV 'NOT-A-NAME' is not the name of an environment variable"),
    ({"CLOUDBELEID_OPA_URL": "http://opa.example.org:8181", "CLOUDBELEID_OPA_TOKEN": "t"},
     "CLOUDBELEID_OPA_URL 'http://opa.example.org:8181' is plain http to another machine"),
    ({"CLOUDBELEID_OPA_PATH": "/geen/opa"}, "CLOUDBELEID_OPA_PATH /geen/opa: not an executable file"),
], ids=["url", "ca-bundle", "token-env", "plain-http-token", "path"])
def test_a_bad_setting_in_the_environment_is_named_by_its_variable(repo: Path, env: dict[str, str], says: str):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    args = [] if "CLOUDBELEID_OPA_URL" in env else ["--engine", "opa"]  # the address alone implies the OPA engine
    result = run_cli("check", "--lang", "en", "--as-of", AS_OF, *args, str(repo), env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"cloudbeleid: error: {says}"), result.stderr


def test_a_flag_outranks_the_environment(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, "--opa-url", "ftp://flag.example", str(repo),
                     env={"CLOUDBELEID_OPA_URL": "ftp://environment.example"})
    assert result.returncode == 2 and "--opa-url 'ftp://flag.example'" in result.stderr and "environment" not in result.stderr


def test_the_embedded_engine_ignores_the_opa_environment(repo: Path):
    """A pipeline may set the variables for every job; a job that asks for the embedded engine is not affected."""
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, "--engine", "embedded", str(repo),
                     env={"CLOUDBELEID_OPA_URL": "http://[::1", "CLOUDBELEID_OPA_PATH": "/geen/opa"})
    assert result.returncode == 0, result.stdout + result.stderr
