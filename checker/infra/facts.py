"""What infrastructure code shows about one cloud resource, whichever reader found it (HCL or plan JSON)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import message
from checker.infra import reference
from checker.model import Text

SERVICE_TAG = "cloudbeleid-service"
_SERVICE_KEYS = {SERVICE_TAG, SERVICE_TAG.replace("-", "_")}  # Google labels allow both
# A resource of these families always runs in its provider's region: with none set anywhere, Terraform takes it
# from the environment, which the code does not show.
PROVIDER_REGIONAL = {"aws", "oracle", "scaleway", "stackit"}
# Where the data rest rather than are processed: these count as storage locations, the rest as processing locations.
_STORAGE = re.compile(r"storage|bucket|s3|database|_db|db_|sql|cosmos|disk|volume|backup|snapshot|objectstorage|"
                      r"redis|dynamodb|bigtable|spanner|firestore|filestore|efs|fsx|blob|share|vault|archive")


@dataclass(frozen=True)
class Where:
    file: str
    line: int
    column: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column}


@dataclass(frozen=True)
class Unknown:
    """A value the code does not fix: a variable without a value, a function call, a resource attribute."""

    en: str
    nl: str


def not_known(key: str, **params: Any) -> Unknown:
    """Why a value is unknown, in the catalogue's words (infra.unknown.<key>)."""
    said = message(f"infra.unknown.{key}", **params)
    return Unknown(en=said.en, nl=said.nl)


@dataclass
class Resource:
    address: str
    type: str
    provider_source: str
    where: Where
    region: str | None | Unknown = None  # None: the resource has no location of its own
    region_where: Where | None = None
    service_tag: str | None | Unknown = None
    folder: str = ""  # the module folder it was read from (real path), for linking by path
    plan: str | None = None  # the plan file it was read from

    @property
    def provider(self) -> reference.Provider:
        return reference.provider(self.provider_source)

    @property
    def is_cloud(self) -> bool:
        """Utility providers (random, null, tls, ...) create nothing at a cloud provider; unknown providers count."""
        return self.provider.kind != "utility"

    def observed(self) -> dict[str, Any]:
        """The resource as the policies see it (input.services[i].observed.resources[k])."""
        info = self.provider
        if self.region is None and info.family in PROVIDER_REGIONAL:
            region: Any = not_known("no_region")
        else:
            region = self.region
        status, country, shown, why = "none", None, None, None
        if isinstance(region, str):
            country = reference.country(info.family, region)
            status, shown = ("known" if country else "unlisted"), region
            if not country:
                why = not_known("unlisted_region", region=region)
        elif region is not None:
            why = region if isinstance(region, Unknown) else not_known("not_one_name")
            status = "unresolved"
        return {
            "address": self.address,
            "type": self.type,
            "provider": info.source,
            "provider_known": info.known,
            "region": shown,
            "region_status": status,
            "why": {"nl": why.nl, "en": why.en} if why else None,
            "country": country,
            "kind": "storage_locations" if _STORAGE.search(self.type) else "processing_locations",
            "where": self.where.to_json(),
            "region_where": (self.region_where or self.where).to_json(),
        }


def service_tag(value: Any) -> str | None | Unknown:
    """The service a tags or labels value names: a map key cloudbeleid-service, or a list entry 'cloudbeleid-service=id'."""
    if isinstance(value, dict):
        for key, tag in value.items():
            if key in _SERVICE_KEYS:
                return tag if isinstance(tag, (str, Unknown)) else not_known("tag_not_text")
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                key, _, tag = item.partition("=") if "=" in item else item.partition(":")
                if key.strip() in _SERVICE_KEYS and tag.strip():
                    return tag.strip()
    return None


@dataclass
class Reading:
    """What a reader found, and what it could not read (each with where)."""

    resources: list[Resource] = field(default_factory=list)
    problems: list[tuple[Where, Text]] = field(default_factory=list)
    unread: list[tuple[Where, Text]] = field(default_factory=list)  # module calls whose resources are not read
    # HCL: the registry or git module of each unread entry, as (its module address, its source); a plan: the calls
    # its configuration holds, whose resources the plan lists
    remote: dict[tuple[Where, Text], tuple[str, str]] = field(default_factory=dict)
    module_calls: set[tuple[str, str]] = field(default_factory=set)
