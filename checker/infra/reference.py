"""Where a cloud region is, and who stands behind a Terraform provider: policies/data/regions.json and providers.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from checker.resources import policies_dir

_REGISTRY_HOSTS = ("registry.terraform.io/", "registry.opentofu.org/")


@dataclass(frozen=True)
class Provider:
    source: str  # namespace/type, lower case
    kind: str  # cloud | utility | unknown
    family: str | None = None
    company: str | None = None
    hq_country: str | None = None
    ultimate_parent_country: str | None = None
    laws: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.kind != "unknown"


@cache
def _load(name: str) -> dict[str, Any]:
    return json.loads((policies_dir() / "data" / name).read_text(encoding="utf-8"))


def families() -> dict[str, Any]:
    return _load("regions.json")["regions"]["families"]


def normalise_source(source: str) -> str:
    """'registry.terraform.io/hashicorp/aws' and 'hashicorp/aws' name the same provider; Terraform reads names case-insensitively."""
    source = source.strip().lower()
    for host in _REGISTRY_HOSTS:
        if source.startswith(host):
            return source[len(host):]
    # Terraform 0.12 wrote bare names; a bare name has always meant the hashicorp namespace
    return source if "/" in source else f"hashicorp/{source}"


def provider(source: str) -> Provider:
    source = normalise_source(source)
    entry = _load("providers.json")["terraform_providers"]["providers"].get(source)
    if entry is None:
        return Provider(source, "unknown")
    return Provider(source, entry["kind"], entry.get("family"), entry.get("company"), entry.get("hq_country"),
                    entry.get("ultimate_parent_country"), tuple(entry.get("subject_to_non_eu_law", ())))


def country(family: str | None, region: str) -> str | None:
    """The ISO country of a region, zone or location name of a provider family; None when the name is not listed."""
    table = families().get(family or "")
    if table is None:
        return None
    name = re.sub(r"\s+", "", region.strip().lower())
    regions = table["regions"]
    if name in regions:
        return regions[name]
    for pattern in table.get("normalise", ()):
        name = re.sub(pattern, "", name)
        if name in regions:
            return regions[name]
    return None
