"""Plan JSON (`terraform show -json PLAN`, `tofu show -json PLAN`): the resources a plan will leave, by address.

The format is Terraform's documented JSON output format (format_version 0.x and 1.x; OpenTofu writes the same):
planned_values.root_module holds every resource and child module with its planned values; a value Terraform
knows only after apply is missing there and true in resource_changes[].change.after_unknown; a region set on the
provider is in configuration.provider_config, as a constant or a reference to a root variable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.i18n import message, os_reason
from checker.infra.facts import Reading, Resource, Where, not_known, service_tag
from checker.infra.hcl import PROVIDER_REGION_ATTRIBUTES, REGION_ATTRIBUTES

MAX_BYTES = 64 * 1024 * 1024
_INDEX = re.compile(r"\[[^\]]*\]")


def _modules(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield module
    for child in module.get("child_modules") or ():
        if isinstance(child, dict):
            yield from _modules(child)


def _position(text: str, address: str) -> tuple[int, int]:
    """Line and column of the resource's address in the file (terraform writes the whole plan on one line)."""
    at = text.find(json.dumps(address))
    if at < 0:
        return 1, 1
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _module_calls(module: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(module address, source) of every module call in the plan's configuration, nested ones included."""
    for name, call in (module.get("module_calls") or {}).items():
        if isinstance(call, dict):
            address = f"{prefix}module.{name}"
            if isinstance(call.get("source"), str):
                yield address, call["source"]
            if isinstance(call.get("module"), dict):
                yield from _module_calls(call["module"], f"{address}.")


def _config_resources(module: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any], str]]:
    """(address without instance keys, configuration entry, module prefix) of every configured resource."""
    for resource in module.get("resources") or ():
        if isinstance(resource, dict) and isinstance(resource.get("address"), str):
            yield prefix + resource["address"], resource, prefix
    for name, call in (module.get("module_calls") or {}).items():
        if isinstance(call, dict) and isinstance(call.get("module"), dict):
            yield from _config_resources(call["module"], f"{prefix}module.{name}.")


def _provider_region(plan: dict[str, Any], entry: dict[str, Any] | None) -> Any:
    configuration = plan.get("configuration") or {}
    providers = configuration.get("provider_config") or {}
    if entry is None:
        return None
    key = str(entry.get("provider_config_key", ""))
    # a child module's key is "<module>:<provider>"; without a configuration of its own it inherits the root's
    config = providers.get(key) or providers.get(key.rsplit(":", 1)[-1])
    if not isinstance(config, dict):
        return None
    expressions = config.get("expressions") or {}
    for attribute in PROVIDER_REGION_ATTRIBUTES:
        expression = expressions.get(attribute)
        if not isinstance(expression, dict):
            continue
        if "constant_value" in expression:
            return expression["constant_value"]
        references = [r for r in expression.get("references") or () if isinstance(r, str)]
        variables = plan.get("variables") or {}
        for reference in references:
            if reference.startswith("var.") and reference[4:] in variables and not config.get("module_address"):
                return (variables[reference[4:]] or {}).get("value", not_known("plan_no_value", reference=reference))
        return not_known("provider_at_run", attribute=attribute,
                       references=", ".join(references) or message("infra.unknown.an_expression"))
    return None


def read(path: Path, display: str) -> Reading:
    reading = Reading()
    try:
        if path.stat().st_size > MAX_BYTES:
            reading.problems.append((Where(display, 1), message("infra.plan_too_big", limit=MAX_BYTES)))
            return reading
        text = path.read_text(encoding="utf-8")
        plan = json.loads(text)
    except OSError as exc:
        reading.problems.append((Where(display, 1), message("infra.plan_cannot_read", reason=os_reason(exc))))
        return reading
    except UnicodeDecodeError:
        reading.problems.append((Where(display, 1), message("infra.plan_not_utf8")))
        return reading
    except ValueError as exc:
        line, column = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        reading.problems.append((Where(display, line, column), message("infra.plan_syntax")))
        return reading
    version = plan.get("format_version") if isinstance(plan, dict) else None
    if not isinstance(version, str) or version.split(".")[0] not in ("0", "1"):
        reading.problems.append((Where(display, 1), message("infra.plan_format")))
        return reading
    planned = plan.get("planned_values")
    if not isinstance(planned, dict) or not isinstance(planned.get("root_module", {}), dict):
        reading.problems.append((Where(display, 1), message("infra.plan_no_values")))
        return reading
    unknown_after = {c.get("address"): (c.get("change") or {}).get("after_unknown") or {}
                     for c in plan.get("resource_changes") or () if isinstance(c, dict)}
    root_config = (plan.get("configuration") or {}).get("root_module") or {}
    configured = {address: entry for address, entry, _ in _config_resources(root_config)}
    reading.module_calls = set(_module_calls(root_config))
    for module in _modules(planned.get("root_module") or {}):
        for item in module.get("resources") or ():
            if not isinstance(item, dict) or item.get("mode", "managed") != "managed" or not isinstance(item.get("address"), str):
                continue
            address = item["address"]
            found_values, found_unknown = item.get("values"), unknown_after.get(address)
            values: dict[str, Any] = found_values if isinstance(found_values, dict) else {}
            unknown: dict[str, Any] = found_unknown if isinstance(found_unknown, dict) else {}
            line, column = _position(text, address)
            where = Where(display, line, column)
            resource = Resource(address, str(item.get("type", "")), str(item.get("provider_name", "")), where, plan=display)
            for attribute in REGION_ATTRIBUTES:
                if values.get(attribute) is not None:
                    resource.region = values[attribute]
                    break
                if unknown.get(attribute) is True:
                    resource.region = not_known("after_apply", attribute=attribute)
                    break
            else:
                resource.region = _provider_region(plan, configured.get(_INDEX.sub("", address)))
            for attribute in ("tags_all", "tags", "labels", "effective_labels"):
                tag = service_tag(values.get(attribute))
                if tag is not None:
                    resource.service_tag = tag
                    break
            reading.resources.append(resource)
    return reading
