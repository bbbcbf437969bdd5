"""What several formats share: fingerprints, severity mappings, grouping."""

from __future__ import annotations

import hashlib

from checker.model import Enforcement, Finding, Status

FINGERPRINT_VERSION = "cloudbeleid/v1"


def fingerprint(finding: Finding) -> str:
    """Stable over reformatting: file, service, rule and JSON path; never line numbers."""
    key = "\0".join((finding.location.file, finding.service or "", finding.rule_id, finding.location.pointer))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def reported(finding: Finding) -> bool:
    """Findings a code-scanning or quality view shows: failures, errors and waived failures."""
    return finding.status in (Status.FAIL, Status.ERROR, Status.WAIVED)


def advisory(finding: Finding) -> bool:
    return finding.status is Status.FAIL and finding.enforcement is Enforcement.ADVISORY
