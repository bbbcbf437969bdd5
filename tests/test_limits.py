"""The loader's limits, set per repository in .cloudbeleid.yaml (limits:), documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

from checker.loader import DEFAULT_LIMITS, Limits, load_bytes
from tests.conftest import AS_OF, MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, run_cli, write


def test_each_configuration_sets_the_limits_of_its_own_descriptors(tmp_path: Path):
    write(tmp_path, "strict/.cloudbeleid.yaml", MINISTRY_CONFIG + "limits: {max_bytes: 1000}\n")
    write(tmp_path, "strict/mail.cloud.yaml", VALID_DESCRIPTOR)
    write(tmp_path, "lenient/.cloudbeleid.yaml", MINISTRY_CONFIG)
    write(tmp_path, "lenient/mail.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: mail-2"))
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", "strict", "lenient", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"strict/mail.cloud.yaml:1:1: fout INPUT-YAML Onleesbare beschrijving: bestand is {len(VALID_DESCRIPTOR)} bytes, meer dan de grens van 1000 (limits.max_bytes in" in result.stdout
    assert "lenient/mail.cloud.yaml" not in result.stdout  # checked, and compliant
    assert "1 dienst in 2 bestanden" in result.stdout

    explicit = run_cli("check", "--as-of", AS_OF, "--format", "concise", "--config", "strict/.cloudbeleid.yaml", "lenient", cwd=tmp_path)
    assert explicit.returncode == 2 and "lenient/mail.cloud.yaml:1:1:" in explicit.stdout


def test_limits_reach_the_worker_processes_of_a_large_run(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "limits: {max_depth: 2}\n")
    for i in range(210):  # from 200 files on, the run is spread over processes
        write(tmp_path, f"svc/s{i:03}.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", f"id: mail-{i}"))
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", "svc", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout.count("nesting dieper dan 2 niveaus (limits.max_depth in") == 210


def test_the_configuration_and_waiver_files_are_read_with_the_defaults(tmp_path: Path):
    # a configuration whose own limits it would break itself: they govern descriptors only
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + "limits: {max_depth: 4, max_bytes: 200000}\n" + "# padding\n" * 10)
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--as-of", AS_OF, "mail.cloud.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_limits_are_bounded_by_the_schema(tmp_path: Path):
    for bad, message in (("max_depth: 101", "limits.max_depth mag ten hoogste 100 zijn, niet 101"),
                         ("max_bytes: 0", "limits.max_bytes moet ten minste 1 zijn, niet 0"),
                         ("max_nodes: many", "moet een geheel getal zijn"), ("max_files: 3", "onbekend veld 'max_files' in limits")):
        write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG + f"limits:\n  {bad}\n")
        write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
        result = run_cli("check", "--as-of", AS_OF, "mail.cloud.yaml", cwd=tmp_path)
        assert result.returncode == 2 and ".cloudbeleid.yaml:" in result.stderr and message in result.stderr, (bad, result.stderr)


def test_every_limit_applies_and_names_itself():
    text = b"---\na: [[[1]]]\n---\nb: [1, 2, 3, 4, 5]\n---\nc: 1\n"
    assert "max_depth" in load_bytes(text, "x", Limits(max_depth=2)).problems[0].message
    assert "max_nodes" in load_bytes(text, "x", Limits(max_nodes=6)).problems[0].message
    documents = load_bytes(text, "x", Limits(max_documents=2))
    assert len(documents.documents) == 2 and "max_documents" in documents.problems[0].message
    assert documents.problems[0].line == 5  # where the third document starts
    assert not load_bytes(text, "x").problems


def test_the_readme_documents_every_limit_with_its_default():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Limits"):readme.index("## Command line")]
    for name in ("max_bytes", "max_depth", "max_nodes", "max_documents"):
        shown = re.search(rf"^\s*{name}: (\d+)", section, re.MULTILINE)
        assert shown and int(shown[1]) == getattr(DEFAULT_LIMITS, name), name
