"""Stage 2: each descriptor file loaded (with its source map) and checked against the descriptor and organisation
schemas; a service id used twice under one configuration is refused. What cannot be checked is an error finding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.config import Config, ConfigFinder, discover
from checker.i18n import message
from checker.loader import Document, LoadResult, load_file
from checker.model import Enforcement, Finding, Location, Severity, Status, Text
from checker.pipeline.discover import display_path
from checker.schema import position, validate


@dataclass
class Service:
    """A descriptor that passed the schema, ready for the engine."""

    config: Config
    document: Document
    organisation: dict[str, Any]

    @property
    def id(self) -> str:
        return self.document.data["id"]


@dataclass
class Collected:
    services: list[Service]
    errors: list[Finding]
    files: list[str]
    configs: dict[str, Config]  # the configuration that governs each file


def _input_error(kind: str, file: str, text: Text, line: int = 1, column: int = 1, document: int = 0,
                 json_path: tuple = (), service: str | None = None) -> Finding:
    """An error finding of kind INPUT-<kind>; its message says what kind of problem it is (input.<kind>)."""
    return Finding(
        rule_id=f"INPUT-{kind}",
        status=Status.ERROR,
        severity=Severity.HIGH,
        enforcement=Enforcement.MANDATORY,
        enforcement_reason=message("input.reason"),
        message=message(f"input.{kind}", message=text),
        location=Location(file, document, line, column, json_path=tuple(json_path)),
        service=service,
    )


def load_services(path: Path, name: str, config: Config) -> tuple[list[Service], list[Finding]]:
    """The descriptors of one file that passed the schema, and an error finding for everything that did not."""
    return services_of(load_file(path, name, limits=config.limits), name, config)


def services_of(loaded: LoadResult, name: str, config: Config) -> tuple[list[Service], list[Finding]]:
    """The services of one file already read (the pipeline's cache reads it once, for its key and its content)."""
    services: list[Service] = []
    errors: list[Finding] = []
    for problem in loaded.problems:
        errors.append(_input_error("YAML", name, problem.text, problem.line, problem.column, problem.document))
    for document in loaded.documents:
        schema_errors = validate(document.data, "descriptor")
        service_id = document.data.get("id") if isinstance(document.data.get("id"), str) else None
        for error in schema_errors:
            line, column = position(document, error)
            errors.append(_input_error("SCHEMA", name, error.text, line, column, document.index, error.path, service_id))
        if schema_errors:
            continue
        organisation = {**config.organisation, **document.data.get("organisation", {})}
        org_errors = validate(organisation, "organisation")
        if org_errors:
            path_in_doc = ("organisation",) if "organisation" in document.data else ()
            _, (line, column, _, _) = document.locate(path_in_doc)
            where = config.name if config.path else message("config.none")
            for error in org_errors:
                text = message("input.organisation_where", error=error.text, config=where)
                errors.append(_input_error("ORGANISATION", name, text, line, column, document.index, path_in_doc, service_id))
            continue
        services.append(Service(config, document, organisation))
    return services, errors


class Unique:
    """The one duplicate-id check: a service id is used once among the descriptors one configuration governs
    (across files, documents and, in a large run, chunks); a second use is an input error at the second place."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Path | None, str], Text | str] = {}

    def admit(self, service: Service) -> Finding | None:
        key = (service.config.path, service.id)
        if key in self._seen:
            return _duplicate(service, self._seen[key])
        self._seen[key] = _where(service)
        return None


def _duplicate(service: Service, first: Text | str) -> Finding:
    _, (line, column, _, _) = service.document.locate(("id",))
    return _input_error("DUPLICATE-ID", service.document.file, message("input.duplicate_id", id=repr(service.id), first=first),
                        line, column, service.document.index, ("id",), service.id)


def _where(service: Service) -> Text | str:
    if not service.document.index:
        return service.document.file
    return message("input.document_in_file", file=service.document.file, index=service.document.index)


def collect(paths: list[Path], finder: ConfigFinder) -> Collected:
    """Load and validate every descriptor (for `validate`); what cannot be checked becomes an error finding."""
    services: list[Service] = []
    errors: list[Finding] = []
    files = discover(paths, finder).files
    unique = Unique()
    configs: dict[str, Config] = {}
    for path in files:
        name = display_path(path)
        config = configs[name] = finder.for_file(path)
        loaded, problems = load_services(path, name, config)
        errors += problems
        for service in loaded:
            duplicate = unique.admit(service)
            if duplicate is not None:
                errors.append(duplicate)
            else:
                services.append(service)
    return Collected(services, errors, [display_path(p) for p in files], configs)
