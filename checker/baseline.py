"""Baselines for adopting the checker on a large portfolio: accept today's failures, report only new ones.

An entry is keyed by file, service id, rule id and JSON path (reporters.common.fingerprint), never by line, so
reformatting a descriptor keeps its baseline; and by the offending value, so a failure whose value changes (a
classification that worsens, another country) is reported again. A rule that no risk acceptance can lift (state
secrets, C2000, zeer hoog) is never baselined either: a baseline is a quiet waiver, and such bans take none.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import InputError
from checker.i18n import message, os_reason
from checker.model import Finding, Report, Status, Text
from checker.reporters.common import fingerprint

BASELINE_VERSION = 2
MAX_BYTES = 256 * 1024 * 1024


def entry_key(finding: Finding) -> str:
    return f"{fingerprint(finding)}:{finding.evidence or ''}"


def _unwaivable(report: Report) -> set[str]:
    return {rule.id for rule in report.rules if not rule.waivable}


def create(report: Report) -> dict[str, Any]:
    unwaivable = _unwaivable(report)
    entries = sorted(
        ({"fingerprint": fingerprint(f), "evidence": f.evidence, "rule_id": f.rule_id, "service": f.service,
          "file": f.location.file, "json_path": f.location.pointer}
         for f in report.detailed if f.status is Status.FAIL and f.rule_id not in unwaivable),
        key=lambda e: (e["file"], e["service"] or "", e["rule_id"], e["json_path"], e["evidence"] or ""),
    )
    unique = list({(e["fingerprint"], e["evidence"]): e for e in entries}.values())
    return {"baseline_version": BASELINE_VERSION, "tool_version": __version__, "as_of": report.as_of, "findings": unique,
            "left_out": sorted(unwaivable & {f.rule_id for f in report.detailed if f.status is Status.FAIL})}


def load(path: Path) -> set[str]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _Invalid(message("baseline.too_big", limit=MAX_BYTES // (1024 * 1024)))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise _Invalid(message("baseline.not_utf8")) from None
        except json.JSONDecodeError as exc:
            raise _Invalid(message("baseline.not_json", line=exc.lineno, column=exc.colno)) from None
        if not isinstance(data, dict):
            raise _Invalid(message("baseline.not_object"))
        if data.get("baseline_version") == 1:
            raise _Invalid(message("baseline.version_1"))
        if data.get("baseline_version") != BASELINE_VERSION:
            raise _Invalid(message("baseline.version", version=BASELINE_VERSION))
        keys = set()
        findings = data.get("findings")
        if not isinstance(findings, list):
            raise _Invalid(message("baseline.no_findings"))
        for entry in findings:
            if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) \
                    or not isinstance(entry.get("evidence"), (str, type(None))):
                raise _Invalid(message("baseline.entry"))
            keys.add(f"{entry['fingerprint']}:{entry['evidence'] or ''}")
        return keys
    except OSError as exc:
        raise InputError(message("baseline.cannot_read", reason=os_reason(exc)), location=str(path)) from None
    except RecursionError:
        raise InputError(message("baseline.invalid", why=message("baseline.too_deep")), location=str(path)) from None
    except _Invalid as exc:
        raise InputError(message("baseline.invalid", why=exc.text), location=str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputError(message("baseline.invalid", why=message("baseline.entry")), location=str(path)) from None


class _Invalid(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def apply(report: Report, known: set[str], catalog: Any = None) -> Report:
    """The report without the failures the baseline holds (same place, same value); how many it held is kept.
    Failures of rules no risk acceptance can lift stay, whatever the baseline says. Only failures are looked at: the
    compact verdicts (passes, not applicable) stay as they are."""
    unwaivable = _unwaivable(report) | ({r.id for r in catalog.rules if not r.waivable} if catalog is not None else set())
    held = report.detailed
    kept = tuple(f for f in held if not (f.status is Status.FAIL and f.rule_id not in unwaivable and entry_key(f) in known))
    return replace(report, findings=kept, baselined=len(held) - len(kept))
