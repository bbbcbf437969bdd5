"""Infrastructure code read beside the descriptors: what Terraform or OpenTofu shows a service does (docs/infrastructure.md).

The pipeline calls three functions. attach() gives each service that names infrastructure, or whose resources
name it by tag, the observed facts (input.services[i].observed: resources with region and country, providers
with company and parent), so that the infra pack and the location rules see declared and observed facts together.
cover() adds, once per configuration, the cloud resources no descriptor covers. locate() turns a violation path
into observed facts (["observed", ...]) into the .tf line or plan address that shows them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.applicability import enforcement
from checker.config import _glob
from checker.engine import RawReport
from checker.errors import PolicyError
from checker.i18n import message
from checker.infra.walk import CODE, SUFFIXES, module_folders
from checker.model import Enforcement, Finding, Location, Severity, Status, Text
from checker.pipeline.discover import display_path

if TYPE_CHECKING:
    from checker.infra.facts import Reading, Resource, Where

# The readers (checker/infra/hcl.py, plan.py) and what they find (facts.py) are imported where code is read: a run
# whose repository holds no Terraform code and whose descriptors name none never loads them (about 8 ms a start).

_READINGS: dict[tuple, Reading] = {}


def _signature(folders: list[Path], var_files: tuple[Path, ...]) -> tuple:
    files = [p for f in folders for p in sorted(f.glob("*.t[fo]*")) if p.name.endswith(SUFFIXES)] + list(var_files)
    stamps: list[tuple[str, int | None, int | None]] = []
    for path in files:
        try:
            info = path.stat()
            stamps.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def _read_hcl(folders: list[Path], root: Path, var_files: tuple[Path, ...] = ()) -> Reading:
    """hcl.read, once per run and process for the same files (every chunk of a large portfolio asks again)."""
    key = (tuple(folders), var_files, str(root), _signature(folders, var_files))
    if key not in _READINGS:
        from checker.infra import hcl

        _READINGS[key] = hcl.read(folders, var_files, root)
    return _READINGS[key]


def _group_folders(config: Any) -> list[Path]:
    """Every Terraform folder under the configuration's folder: the infrastructure repository as a whole, less
    what its discovery.exclude globs leave out (matched as a file in the folder: archive/** leaves out archive/x)."""
    if config.path is None:
        return []
    excluded = [_glob(pattern) for pattern in config.exclude]
    root = os.path.realpath(config.root)
    kept = []
    for folder in module_folders(config.root):
        relative = os.path.relpath(os.path.realpath(folder), root).replace(os.sep, "/")
        if not any(pattern.match(f"{relative}/main.tf") for pattern in excluded):
            kept.append(folder)
    return kept


def _tag(service: Any) -> str:
    return service.document.data.get("infrastructure", {}).get("tag", service.id)


def _inside(path: Path, root: Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _own(service: Any, root: Path) -> tuple[list[Path], tuple[Path, ...], list[Path], list[tuple[Where, Text]]]:
    """The Terraform folders, var files and plans a descriptor names, and the entries that name nothing.

    The repository under check is untrusted: an entry may name only what lies inside it (the folder of
    .cloudbeleid.yaml, or the descriptor's own folder without one), links resolved, so that a descriptor
    cannot make the checker read, or walk, the rest of the machine."""
    from checker.infra import hcl

    block = service.document.data.get("infrastructure", {})
    base = Path(service.document.file).parent
    folders: list[Path] = []
    var_files: list[Path] = []
    plans: list[Path] = []
    problems: list[tuple[Where, Text]] = []

    def allowed(field: str, index: int, entry: str) -> bool:
        if os.path.isabs(entry) or not _inside(Path(os.path.normpath(base / entry.split("*", 1)[0] or ".")), root):
            problems.append((_where(service, ("infrastructure", field, index)),
                             message("infra.outside", field=field, index=index, entry=repr(entry), root=_display(root))))
            return False
        return True

    for index, entry in enumerate(block.get("terraform", ())):
        if not allowed("terraform", index, entry):
            continue
        matches = sorted(Path(p) for p in glob.glob(str(base / entry), recursive=True))
        candidates = {m if m.is_dir() else m.parent for m in matches if m.is_dir() or m.name.endswith(CODE)}
        found = {f for f in candidates if _inside(f, root) and hcl.has_code(f)}
        if not found:
            problems.append((_where(service, ("infrastructure", "terraform", index)), message("infra.no_tf", index=index, entry=repr(entry))))
        folders += sorted(found - set(folders))
    for field, listed in (("var_files", var_files), ("plan", plans)):
        for index, entry in enumerate(block.get(field, ())):
            if not allowed(field, index, entry):
                continue
            if not (base / entry).is_file() or not _inside(base / entry, root):
                problems.append((_where(service, ("infrastructure", field, index)),
                                 message(f"infra.{field}_not_found", field=field, index=index, entry=repr(entry))))
            else:
                listed.append(base / entry)
    return folders, tuple(var_files), plans, problems


def _where(service: Any, path: tuple) -> Where:
    from checker.infra.facts import Where

    _, (line, column, _, _) = service.document.locate(path)
    return Where(service.document.file, line, column)


def _key(resource: Resource) -> tuple:
    return (resource.where.file, resource.where.line, resource.address)


def _error(where: Where, text: Text, service: str | None, document: int = 0) -> Finding:
    return Finding(
        rule_id="INPUT-INFRASTRUCTURE",
        status=Status.ERROR,
        severity=Severity.HIGH,
        enforcement=Enforcement.MANDATORY,
        enforcement_reason=message("input.reason"),
        message=message("input.INFRASTRUCTURE", message=text),
        location=Location(where.file, document, where.line, where.column),
        service=service,
    )


def _providers(resources: list[Resource]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for resource in resources:
        info = resource.provider
        if info.source in seen:
            continue
        seen[info.source] = {
            "source": info.source, "known": info.known, "company": info.company, "hq_country": info.hq_country,
            "ultimate_parent_country": info.ultimate_parent_country, "laws": list(info.laws),
            "where": resource.where.to_json(), "address": resource.address,
        }
    return list(seen.values())


def attach(services: list[Any], config: Any) -> list[Finding]:
    """Give every service its observed facts; the infrastructure it names but that cannot be read becomes error findings."""
    errors: list[Finding] = []
    # no Terraform folder in the group: nothing read (hcl.read of no folders is an empty reading)
    in_folders = _group_folders(config)
    group = _read_hcl(in_folders, config.root) if in_folders else None
    in_group = group.resources if group is not None else []
    reported: set[tuple] = set()  # also the registry modules a named plan lists: not an error in the group either
    for service in services:
        if "infrastructure" not in service.document.data and not any(r.service_tag == service.id for r in in_group):
            continue
        tag = _tag(service)
        root = config.root if config.path is not None else Path(service.document.file).parent
        folders, var_files, plans, problems = _own(service, root)
        readings = [_read_hcl(folders, root, var_files)] if folders else []
        if plans:
            from checker.infra import plan

            readings += [plan.read(p, _display(p)) for p in plans]
        # a registry or git module the code calls is read from a plan the descriptor names whose configuration makes
        # the same call (address and source): the plan lists the module's resources with their planned values
        planned_calls = {call for reading in readings for call in reading.module_calls}
        mine: dict[tuple, Resource] = {}
        for reading in readings:
            covered = [entry for entry in reading.unread if reading.remote.get(entry) in planned_calls]
            reported.update(covered)
            problems += reading.problems + [entry for entry in reading.unread if entry not in covered]
            for resource in reading.resources:
                tagged = resource.service_tag if isinstance(resource.service_tag, str) else None
                if resource.is_cloud and tagged in (None, tag):
                    mine.setdefault(_key(resource), resource)
        for resource in in_group:
            if resource.is_cloud and resource.service_tag == tag:
                mine.setdefault(_key(resource), resource)
        for where, problem in problems:
            if (where, problem) not in reported:
                reported.add((where, problem))
                errors.append(_error(where, problem, service.id, 0))
        resources = list(mine.values())
        service.document.data["observed"] = {
            "resources": [r.observed() for r in resources],
            "providers": _providers(resources),
            "folders": [os.path.realpath(f) for f in folders],
            "uncovered": [],
        }
    # a registry or git module anywhere in the repository: its resources are unknown, so whether a descriptor
    # covers them is too (fail closed, as in a folder a descriptor names)
    for where, problem in (group.problems + group.unread) if group is not None else []:
        if (where, problem) not in reported:
            reported.add((where, problem))
            errors.append(_error(where, problem, None))
    return errors


def _display(path: Path) -> str:
    return display_path(path)


def cover(services: list[Any], config: Any) -> None:
    """Before the portfolio rules: the group's cloud resources that no service holds (observed.uncovered).

    A resource in a service's folders that a tag gives to a service that does not exist is that service's
    uncovered resource; one outside every service's folders is listed with the first service (the rule reports
    it without a service)."""
    if not services:
        return
    held = {(r["where"]["file"], r["where"]["line"], r["address"])
            for s in services for r in s.document.data.get("observed", {}).get("resources", ())}
    tags = {_tag(s) for s in services}
    unowned: list[dict[str, Any]] = []
    folders = _group_folders(config)
    for resource in _read_hcl(folders, config.root).resources if folders else []:
        if not resource.is_cloud or _key(resource) in held or resource.service_tag in tags:
            continue
        entry = {**resource.observed(), "tag": resource.service_tag if isinstance(resource.service_tag, str) else None}
        owner = next((s for s in services if resource.folder in s.document.data.get("observed", {}).get("folders", ())), None)
        if owner is not None:
            owner.document.data["observed"]["uncovered"].append(entry)
        else:
            unowned.append(entry)
    if unowned:
        first = services[0].document.data.setdefault("observed", {"resources": [], "providers": [], "folders": [], "uncovered": []})
        first["unowned"] = unowned


def locate(document: Any, path: tuple) -> Location:
    """The location of a violation whose path points into observed facts: the line that sets the region for a
    country or region, else the resource or provider's own line."""
    node: Any = document.data
    where = None
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "where" in node:
            where = node["where"]
            if path[-1] in ("country", "region") and "region_where" in node:
                where = node["region_where"]
    if where is None:
        _, (line, column, end_line, end_column) = document.locate(("id",))
        return Location(document.file, document.index, line, column, end_line, end_column, tuple(path))
    return Location(where["file"], 0, where["line"], where["column"], json_path=tuple(path))


def split(raw: Any) -> tuple[Any, list[dict[str, Any]]]:
    """The engine's report without the violations that name no service (index -1), and those violations."""
    unowned = [v for v in raw.violations if v["service"] == -1]
    if not unowned:
        return raw, []
    return RawReport([v for v in raw.violations if v["service"] != -1], raw.subjects), unowned


def unowned_findings(rules: list[Any], services: list[Any], violations: list[dict[str, Any]]) -> list[Finding]:
    """A failing finding without a service, at the .tf line, for every resource no descriptor covers."""
    # the join stage imports this package for its locations: its finding helpers are imported when called
    from checker.pipeline.join import _evidence, _finding, _message

    by_package = {rule.package: rule for rule in rules}
    findings: list[Finding] = []
    holder = next((s for s in services if "unowned" in s.document.data.get("observed", {})), None)
    for violation in violations:
        rule = by_package.get(violation["rule"])
        if rule is None or holder is None:
            raise PolicyError(message("infra.no_service", rule=violation["rule"]))
        level, reason = enforcement(rule.applies_to, holder.organisation)
        location = locate(holder.document, tuple(violation["path"]))
        finding = _finding(rule, holder, Status.FAIL, level, reason, _message(rule, violation), location)
        findings.append(replace(finding, service=None, evidence=_evidence(holder.document.data, violation["path"])))
    return findings


def with_code_files(findings: Iterable[Finding], thresholds: dict[str, Severity]) -> dict[str, Severity]:
    """The gate's thresholds with one for every infrastructure file a finding points into: that of the descriptor
    of the finding's service, and for a finding without a service the strictest of the run (fail closed)."""
    outside = [f for f in findings if f.location.file not in thresholds]
    if not outside:  # no finding points into infrastructure code (no Terraform): one pass, not two over every finding
        return dict(thresholds)
    by_service: dict[str | None, Severity] = {
        f.service: thresholds[f.location.file] for f in findings if f.service and f.location.file in thresholds}
    strictest = max(thresholds.values(), key=lambda s: s.rank, default=Severity.LOW)
    extra: dict[str, Severity] = {}
    for finding in outside:
        file = finding.location.file
        threshold = by_service.get(finding.service, strictest)
        if file not in extra or threshold.rank > extra[file].rank:
            extra[file] = threshold
    return {**thresholds, **extra}
