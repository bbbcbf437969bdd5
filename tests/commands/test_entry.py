"""The program's entry (checker/commands/entry.py): a plain `check` read without Typer must be read exactly as Typer
reads it, everything else must go to Typer, and the plain way must not import Typer, click or rich."""

from __future__ import annotations

import inspect
import random
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.commands import check as checking
from checker.commands import entry
from checker.commands.options import Engine, Format, Lang, Stage
from checker.model import Severity
from tests.conftest import AS_OF, MINISTRY_CONFIG, VALID_DESCRIPTOR, write
from tests.inprocess import invoke

ENUMS: dict[str, type[Enum]] = {"Format": Format, "Severity": Severity, "Lang": Lang, "Engine": Engine, "Stage": Stage}


def _typer_check() -> Any:
    import typer

    return typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]


def test_the_parsers_options_are_typers():
    from typer.models import TyperPath

    params = {param.name: param for param in _typer_check().params}
    assert params["paths"].param_type_name == "argument" and params["paths"].nargs == -1
    assert isinstance(params["paths"].type, TyperPath) and not params["paths"].type.readable
    for name, (parameter, kind, repeatable) in entry.CHECK_OPTIONS.items():
        param = params[parameter]
        assert name in param.opts and not param.secondary_opts, name
        assert param.multiple == repeatable, name
        if kind == "flag":
            assert param.is_flag, name
        elif kind == "text":
            assert type(param.type).__name__ == "StringParamType", name
        elif kind == "path":
            assert isinstance(param.type, TyperPath) and param.type.readable and not param.type.exists, name
        else:
            assert [str(c) for c in param.type.choices] == [m.value for m in ENUMS[kind]], name
    # every option of check is taken, or left to Typer on purpose (the OPA options)
    taken = {parameter for parameter, _, _ in entry.CHECK_OPTIONS.values()}
    left = {name for name in params if name not in taken and name != "paths"}
    assert left == {"opa_url", "opa_path", "opa_token_env", "opa_ca_bundle", "opa_timeout", "opa_any_revision"}
    assert {opt for p in params.values() if p.name in taken for opt in p.opts} == set(entry.CHECK_OPTIONS)


def _as_typer_passes(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, Any] | None]:
    """What Typer gives checker/cli.py's check() for this command line (its exit code, and the parameters, by name,
    when it got that far): checking.command is replaced by a recorder for this, so no check runs."""
    seen: list[dict[str, Any]] = []
    signature = inspect.signature(checking.command)

    def record(*args: Any, **kwargs: Any) -> int:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        seen.append(dict(bound.arguments))
        return 0

    with monkeypatch.context() as patched:
        patched.setattr(checking, "command", record)
        result = CliRunner().invoke(app, argv, env={"NO_COLOR": "1"})
    return result.exit_code, (seen[0] if seen else None)


def _normal(parameters: dict[str, Any]) -> dict[str, Any]:
    """Typer gives an empty repeatable option as None or []: both mean not given."""
    return {k: (None if v == [] else v) for k, v in parameters.items()}


def _corpus(folder: Path) -> list[list[str]]:
    existing = str(folder / "mail.cloud.yaml")
    words = ["check", "-h", "--help", "--version", "-", "--", "-fq", "-qf", "-f", "json", "--format", "text", "concise",
             "sarif", "xml", "-o", "out.json", "--output", "--output=-", "--format=junit", "--format=", "--lang", "nl",
             "en", "de", "--lang=en", "--lang=", "--fail-on", "low", "critical", "LOW", "--as-of", AS_OF, "2026-13-01",
             "--engine", "embedded", "opa", "--stage", "operation", "procurement", "--config", "-c", existing,
             "missing.yaml", "--policies", str(folder), "--baseline", "--changed-since", "HEAD", "--select", "CB22-*",
             "--ignore", "avg", "--quiet", "-q", "--quiet=yes", "--opa-url", "http://127.0.0.1:1", "--opa-timeout", "5",
             "--unknown", "-x", str(folder), existing, "", "a b.cloud.yaml", "--select=", "-o=x", "--as-of=2026-01-01"]
    rng = random.Random(20261202)
    cases = [["check"], ["check", str(folder)], ["check", "-f", "json", "-o", "-", "-f", "sarif", "-o", "x.sarif", "."],
             ["check", "--lang", "en", "--lang", "nl", str(folder)], ["check", "-q", "--select", "CB22-*", "--select", "avg"],
             ["check", "--config", existing, "--policies", str(folder), "--policies", str(folder), existing],
             ["check", str(folder), "--format=json", "--output=-", "--fail-on", "high", "--stage", "procurement"],
             ["validate", str(folder)], ["rules"], ["--lang", "en", "check"], []]
    for _ in range(400):
        cases.append(["check", *rng.choices(words[1:], k=rng.randint(0, 7))])
    return cases


def test_a_plain_check_is_read_as_typer_reads_it_and_the_rest_goes_to_typer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    monkeypatch.chdir(tmp_path)
    plain = declined = 0
    for argv in _corpus(tmp_path):
        parsed = entry.plain_check(argv)
        if parsed is None:
            declined += 1
            continue
        plain += 1
        code, passed = _as_typer_passes(argv, monkeypatch)
        assert code == 0 and passed is not None, argv  # Typer takes every command line the parser takes ...
        bound = inspect.signature(checking.command).bind(**parsed)
        bound.apply_defaults()
        assert _normal(dict(bound.arguments)) == _normal(passed), argv  # ... and reads it the same way
    assert plain > 50 and declined > 50  # both ways are exercised


@pytest.mark.parametrize("argv", [["validate"], ["check", "-h"], ["check", "--help"], ["check", "--opa-url", "x"],
                                  ["check", "--format", "xml"], ["check", "-fjson"], ["check", "--lang"], ["check", "--"],
                                  ["check", "--unknown"], ["check", "--quiet=1"], ["--version"], []])
def test_anything_but_a_plain_check_goes_to_typer(argv: list[str]):
    assert entry.plain_check(argv) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch):
    assert entry.plain_check(["check"]) is not None
    monkeypatch.setenv(entry.COMPLETION_VARIABLE, "bash_complete")
    assert entry.plain_check(["check"]) is None


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    write(tmp_path, "secret.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: secret").replace(
        "rubricering: ongerubriceerd", "rubricering: stg_geheim"))
    return tmp_path


@pytest.mark.parametrize("args", [
    ["--as-of", AS_OF],
    ["--as-of", AS_OF, "--lang", "en", "--format", "concise"],
    ["--as-of", AS_OF, "-q"],
    ["--as-of", AS_OF, "--select", "CB22-*", "-f", "json"],
    ["--as-of", AS_OF, "--ignore", "avg", "--fail-on", "critical"],
    ["--as-of", "2026-02-30"],
    ["--as-of", AS_OF, "--select", "NOTHING-*"],
    ["--as-of", AS_OF, "--config", "missing.yaml"],
    ["--as-of", AS_OF, "-f", "json", "-f", "sarif"],
    ["--as-of", AS_OF, "--engine", "opa", "--lang", "en"],
])
def test_the_plain_way_says_and_exits_what_typers_way_does(repo: Path, args: list[str], monkeypatch: pytest.MonkeyPatch):
    argv = ["check", *args, str(repo)]
    assert entry.plain_check(argv) is not None
    monkeypatch.chdir(repo)
    monkeypatch.setenv("CLOUDBELEID_OPA_PATH", str(repo / "no-opa"))  # --engine opa: refused the same way by both
    plain = invoke(*argv, cwd=repo)
    typer_way = CliRunner().invoke(app, argv, env={"NO_COLOR": "1"}, catch_exceptions=False)
    assert (plain.returncode, plain.stdout, plain.stderr) == (typer_way.exit_code, typer_way.stdout, typer_way.stderr)
    assert plain.returncode in (0, 1, 2)


def test_a_plain_check_imports_no_typer_click_or_rich(repo: Path):
    probe = ("import sys\nfrom checker.commands.entry import run\n"
             f"code = run(['check', '--as-of', {AS_OF!r}, '-f', 'json', '-o', 'out.json', {str(repo)!r}])\n"
             "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'rich', 'jsonschema'}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=repo, timeout=120,
                            env={"CLOUDBELEID_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert result.stdout.split(None, 1) == ["1", "[]\n"], result.stderr
    # and the same program through Typer's way, for comparison: it does load Typer
    help_probe = probe.replace("['check', ", "['check', '--opa-timeout', '5', ")
    loaded = subprocess.run([sys.executable, "-c", help_probe], capture_output=True, text=True, cwd=repo, timeout=120,
                            env={"CLOUDBELEID_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert "typer" in loaded.stdout, loaded.stderr


def test_the_module_and_the_console_script_start_at_the_entry():
    root = Path(__file__).resolve().parents[2]
    assert (root / "checker/__main__.py").read_text(encoding="utf-8").startswith("from checker.commands.entry import main\n")
    assert 'cloudbeleid = "checker.commands.entry:main"' in (root / "pyproject.toml").read_text(encoding="utf-8")
