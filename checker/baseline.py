"""Baselines for adopting the checker on a large portfolio: accept today's failures, report only new ones.

Findings are keyed by file, service id, rule id and JSON path (reporters.common.fingerprint),
never by line, so reformatting a descriptor keeps its baseline.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import InputError
from checker.model import Report, Status
from checker.reporters.common import fingerprint

BASELINE_VERSION = 1


def create(report: Report) -> dict[str, Any]:
    entries = sorted(
        ({"fingerprint": fingerprint(f), "rule_id": f.rule_id, "service": f.service, "file": f.location.file,
          "json_path": f.location.pointer} for f in report.findings if f.status is Status.FAIL),
        key=lambda e: (e["file"], e["service"] or "", e["rule_id"], e["json_path"]),
    )
    unique = list({e["fingerprint"]: e for e in entries}.values())
    return {"baseline_version": BASELINE_VERSION, "tool_version": __version__, "as_of": report.as_of, "findings": unique}


def load(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("baseline_version") != BASELINE_VERSION:
            raise ValueError(f"baseline_version must be {BASELINE_VERSION}")
        return {entry["fingerprint"] for entry in data["findings"]}
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror or exc}", location=str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a cloudbeleid baseline ({exc})", location=str(path)) from None


def apply(report: Report, known: set[str]) -> Report:
    """The report without the failures the baseline holds; how many it held is kept."""
    kept = tuple(f for f in report.findings if not (f.status is Status.FAIL and fingerprint(f) in known))
    return replace(report, findings=kept, baselined=len(report.findings) - len(kept))
