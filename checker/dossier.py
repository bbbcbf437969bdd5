"""The procurement dossier: the verdict with everything an auditor needs to reproduce it."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from checker import __version__
from checker.evaluate import STAGE_WORDS
from checker.gate import exit_code
from checker.model import Report
from checker.reporters import renderer
from checker.reporters.common import json_text, md_code, md_text, server_line
from checker.reporters.json_report import to_json

VERDICT = {0: "compliant", 1: "not-compliant", 2: "not-checked"}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def inputs(report: Report, configs: list[str]) -> list[dict[str, str]]:
    entries = [{"kind": "descriptor", "path": file} for file in report.files]
    entries += [{"kind": "configuration", "path": file} for file in configs]
    return [{**entry, "sha256": sha256(Path(entry["path"]))} for entry in entries]


def dossier(report: Report, stage: str, configs: list[str]) -> dict[str, Any]:
    code = int(exit_code(report))
    return {
        "dossier_version": 1,
        "tool": {"name": "cloudbeleid-checker", "version": __version__},
        "engine": report.engine,
        "engine_version": report.engine_version,
        "policy_revision": report.policy_revision,
        "server": report.server,
        "as_of": report.as_of,
        "stage": stage,
        "verdict": VERDICT[code],
        "exit_code": code,
        "inputs": inputs(report, configs),
        "report": to_json(report),
    }


def write(report: Report, stage: str, configs: list[str], folder: Path) -> tuple[Path, Path]:
    data = dossier(report, stage, configs)
    folder.mkdir(parents=True, exist_ok=True)
    json_path, markdown_path = folder / "cloudbeleid-dossier.json", folder / "cloudbeleid-dossier.md"
    json_path.write_text(json_text(data, indent=2) + "\n", encoding="utf-8")
    nl = report.lang == "nl"
    lines = [
        f"# {'Toetsingsdossier cloudbeleid' if nl else 'Cloud policy assessment dossier'}",
        "",
        f"- {'Fase' if nl else 'Stage'}: {STAGE_WORDS[stage][0 if nl else 1]}",
        f"- {'Oordeel' if nl else 'Verdict'}: **{data['verdict']}** (exit {data['exit_code']})",
        f"- {'Peildatum' if nl else 'Reference date'}: {report.as_of}",
        "- " + md_text(f"cloudbeleid-checker {__version__}; engine {report.engine} ({report.engine_version}); "
                       f"{'regels' if nl else 'rules'} {report.policy_revision}"),
        *(["- " + md_text(server_line(report, report.lang))] if report.server else []),
        "",
        f"## {'Invoer' if nl else 'Inputs'} (SHA-256)",
        "",
        "| kind | path | sha256 |",
        "|---|---|---|",
        *[f"| {i['kind']} | {md_code(i['path'])} | `{i['sha256']}` |" for i in data["inputs"]],
        "",
        renderer("markdown")(report, False),
    ]
    markdown_path.write_text("\n".join(lines), encoding="utf-8")
    return json_path, markdown_path
