"""The procurement dossier: the verdict with everything an auditor needs to reproduce it.

Two files in a folder: `cloudbeleid-dossier.json` (the machine record: tool, engine, policy revision, the inputs'
SHA-256, the whole JSON report) and `cloudbeleid-dossier.md` (the same for a reader, in the report's language,
followed by the Markdown report). `render` is the Markdown alone, as every reporter renders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker import __version__
from checker.gate import exit_code
from checker.i18n import columns, text
from checker.model import Report
from checker.reporters.common import json_text, md_code, md_text, server_line
from checker.reporters.json_report import to_json
from checker.reporters.markdown import render as markdown

VERDICT = {0: "compliant", 1: "not-compliant", 2: "not-checked"}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def inputs(report: Report, configs: Sequence[str]) -> list[dict[str, str]]:
    entries = [{"kind": "descriptor", "path": file} for file in report.files]
    entries += [{"kind": "configuration", "path": file} for file in configs]
    return [{**entry, "sha256": sha256(Path(entry["path"]))} for entry in entries]


def dossier(report: Report, stage: str | None, configs: Sequence[str]) -> dict[str, Any]:
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


def render(report: Report, colour: bool = False, *, stage: str | None = None, configs: Sequence[str] = (),
           data: dict[str, Any] | None = None) -> str:
    """The dossier for a reader: the verdict, the run's identity, the inputs' hashes, then the Markdown report."""
    lang = report.lang
    data = data or dossier(report, stage, configs)
    verdict = text(lang, f"dossier.verdict.{data['verdict']}")
    lines = [
        f"# {text(lang, 'dossier.title')}",
        "",
        *([f"- {text(lang, 'dossier.stage', stage=text(lang, f'stage.{stage}'))}"] if stage else []),
        f"- **{text(lang, 'dossier.verdict', verdict=verdict)}** ({text(lang, 'dossier.exit', code=data['exit_code'])})",
        f"- {text(lang, 'dossier.reference_date', as_of=report.as_of)}",
        "- " + md_text(text(lang, "dossier.tool", tool=__version__, engine=report.engine, version=report.engine_version,
                            revision=report.policy_revision)),
        *(["- " + md_text(server_line(report, lang))] if report.server else []),
        "",
        f"## {text(lang, 'dossier.inputs')}",
        "",
        "| " + " | ".join(columns(lang, "dossier.columns")) + " |",
        "|---|---|---|",
        *[f"| {text(lang, 'dossier.kind.' + i['kind'])} | {md_code(i['path'])} | `{i['sha256']}` |" for i in data["inputs"]],
        "",
        markdown(report, False),
    ]
    return "\n".join(lines)


def write(report: Report, stage: str, configs: Sequence[str], folder: Path) -> tuple[Path, Path]:
    data = dossier(report, stage, configs)
    folder.mkdir(parents=True, exist_ok=True)
    json_path, markdown_path = folder / "cloudbeleid-dossier.json", folder / "cloudbeleid-dossier.md"
    json_path.write_text(json_text(data, indent=2) + "\n", encoding="utf-8")
    markdown_path.write_text(render(report, stage=stage, configs=configs, data=data), encoding="utf-8")
    return json_path, markdown_path
