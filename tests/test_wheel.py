"""The wheel, installed into a fresh virtual environment outside the checkout, works on its own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, write
from tests.opa_binary import opa_path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(work / "dist"), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (wheel,) = (work / "dist").glob("cloudbeleid_checker-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run([str(env_dir / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True, timeout=900)
    return env_dir


def test_wheel_carries_policies_and_schemas(installed: Path):
    code = "from checker.resources import bundle_root, policies_dir, schemas_dir; print(bundle_root()); print(len(list(policies_dir().rglob('*.rego'))), len(list(schemas_dir().glob('*.json'))))"
    result = subprocess.run([str(installed / "bin/python"), "-c", code], cwd=installed, capture_output=True, text=True, check=True)
    root, counts = result.stdout.splitlines()
    assert root.endswith("checker/_bundle") and str(ROOT) not in root
    rego, schemas = map(int, counts.split())
    assert rego >= 12 and schemas >= 4


def test_installed_cli_checks_descriptors_outside_the_checkout(installed: Path, tmp_path: Path):
    shutil.copytree(ROOT / "tests/fixtures/rules/cb22", tmp_path / "cb22")
    shutil.copy(ROOT / "tests/fixtures/rules/.cloudbeleid.yaml", tmp_path / ".cloudbeleid.yaml")
    cli = str(installed / "bin/cloudbeleid")
    result = subprocess.run([cli, "check", "--as-of", "2026-11-28", "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    # its service's header line (the service id beside the file, or beneath it where the line would pass 80 columns)
    assert re.search(r"^cb22/no_state_secrets/noncompliant\.cloud\.yaml(  |\n  )cb22-no-state-secrets-noncompliant  ", result.stdout, re.M)
    assert "CB22-NO-STATE-SECRETS" in result.stdout
    compliant = tmp_path / "ok"
    write(compliant, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(compliant, "mail.cloud.yaml", VALID_DESCRIPTOR)
    assert subprocess.run([cli, "check", "--as-of", "2026-11-28", str(compliant)], capture_output=True).returncode == 0
    rules = subprocess.run([cli, "rules"], capture_output=True, text=True)
    assert rules.returncode == 0 and "KWZBO-41-RIJKSDIENST-SECURITY" in rules.stdout
    module = subprocess.run([str(installed / "bin/python"), "-m", "checker", "version"], capture_output=True, text=True)
    assert module.returncode == 0 and "cloudbeleid-checker" in module.stdout
    # the OPA engine's dependencies came with the wheel
    opa = subprocess.run([cli, "check", "--as-of", "2026-11-28", "--engine", "opa", "--opa-path", opa_path(), str(compliant)],
                         capture_output=True, text=True, timeout=120)
    assert opa.returncode == 0, opa.stderr
    explained = subprocess.run([cli, "explain", "CB22-EXIT-STRATEGY"], capture_output=True, text=True)
    assert "### Voldoet niet: `tests/fixtures/rules/cb22/exit_strategy/noncompliant.cloud.yaml`" in explained.stdout  # the fixtures are in the wheel
    assert "covers_data_destruction: false" in explained.stdout


def test_wheel_carries_the_catalogues_and_the_portfolio_templates(installed: Path):
    """The reporters' words and the portfolio's templates and stylesheet are package data of the wheel."""
    code = ("from pathlib import Path; import checker.i18n as i, checker.reporters.templates as t; "
            "print(i.text('nl', 'dossier.verdict', verdict='x')); "
            "print(' '.join(sorted(str(p.relative_to(Path(t.__file__).parent)) for p in Path(t.__file__).parent.rglob('*.*') if p.suffix in ('.html', '.css'))))")
    result = subprocess.run([str(installed / "bin/python"), "-c", code], cwd=installed, capture_output=True, text=True, check=True)
    verdict, files = result.stdout.splitlines()
    assert verdict == "Oordeel: x"
    assert {"portfolio.css", "portfolio.html", "portfolio/body.html", "portfolio/matrix.html"} <= set(files.split())
