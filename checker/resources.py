"""Where the bundled policies and schemas are: inside an installed wheel, or in the checkout."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any


@cache
def bundle_root() -> Path:
    packaged = Path(__file__).parent / "_bundle"
    if (packaged / "policies").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def policies_dir() -> Path:
    """The bundled policies, or a copy named by CLOUDBELEID_POLICIES (for rule authors working on a copy)."""
    override = os.environ.get("CLOUDBELEID_POLICIES")
    return Path(override) if override else bundle_root() / "policies"


def rule_fixtures_dir() -> Path:
    """The per-rule fixtures (tests/fixtures/rules/<pack>/<rule>/), shipped in the wheel for `cloudbeleid explain`."""
    return bundle_root() / "tests" / "fixtures" / "rules"


def schemas_dir() -> Path:
    return bundle_root() / "schemas"


SCHEMA_FILES = {
    "descriptor": "service-descriptor.v1.schema.json",
    "config": "config.v1.schema.json",
    "rule-metadata": "rule-metadata.schema.json",
    "report": "report.v3.schema.json",
    "waivers": "waivers.schema.json",
}


def schema_path(name: str) -> Path:
    return schemas_dir() / SCHEMA_FILES[name]


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))
