"""Orchestration: find, load, validate, evaluate and join, into one immutable Report."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.applicability import enforcement
from checker.catalog import Catalog, load_catalog
from checker.config import Config, ConfigFinder, discover
from checker.errors import InputError, PolicyError
from checker.loader import Document, load_file
from checker.model import Enforcement, Finding, Location, Report, Rule, Severity, Status, Text
from checker.schema import validate


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...] = ()
    config: Path | None = None
    as_of: str = ""
    lang: str = "nl"
    engine: str = "embedded"
    engine_options: dict[str, Any] = field(default_factory=dict)
    policies: tuple[Path, ...] = ()  # the organisation's own policy folders, besides the shipped ones
    fail_on: Severity | None = None  # --fail-on: overrides every configuration's fail_on
    changed_since: str | None = None  # report only descriptors changed since this git ref (portfolio rules: all)
    stage: str | None = None  # check every service as if in this stage; default: the stage its status implies
    baseline: Path | None = None  # leave out the failures this baseline holds


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


def display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _input_error(kind: str, file: str, message: str, line: int = 1, column: int = 1, document: int = 0,
                 json_path: tuple = (), service: str | None = None, nl_prefix: str = "Ongeldige invoer") -> Finding:
    return Finding(
        rule_id=f"INPUT-{kind}",
        status=Status.ERROR,
        severity=Severity.HIGH,
        enforcement=Enforcement.MANDATORY,
        enforcement_reason=Text("Invoer die niet te controleren is, laat de controle falen.", "Input that cannot be checked fails the run."),
        message=Text(f"{nl_prefix}: {message}", message),
        location=Location(file, document, line, column, json_path=tuple(json_path)),
        service=service,
    )


def collect(paths: list[Path], finder: ConfigFinder) -> Collected:
    """Load and validate every descriptor; what cannot be checked becomes an error finding."""
    services: list[Service] = []
    errors: list[Finding] = []
    files = discover(paths, finder)
    seen_ids: dict[tuple[Path | None, str], str] = {}
    configs: dict[str, Config] = {}
    for path in files:
        name = display_path(path)
        config = configs[name] = finder.for_file(path)
        loaded = load_file(path, name)
        for problem in loaded.problems:
            errors.append(_input_error("YAML", name, problem.message, problem.line, problem.column, problem.document, nl_prefix="Onleesbare beschrijving"))
        for document in loaded.documents:
            schema_errors = validate(document.data, "descriptor")
            service_id = document.data.get("id") if isinstance(document.data.get("id"), str) else None
            for error in schema_errors:
                line, column = document.locate_key(error.path) if error.unknown_field else document.locate(error.path)[1][:2]
                errors.append(_input_error("SCHEMA", name, error.message, line, column, document.index, error.path, service_id, "Beschrijving voldoet niet aan het schema"))
            if schema_errors:
                continue
            organisation = {**config.organisation, **document.data.get("organisation", {})}
            org_errors = validate(organisation, "organisation")
            if org_errors:
                path_in_doc = ("organisation",) if "organisation" in document.data else ()
                _, (line, column, _, _) = document.locate(path_in_doc)
                where = f"{config.name} or the descriptor's organisation block"
                for error in org_errors:
                    message = error.message.replace("the document", "the organisation profile")
                    errors.append(_input_error("ORGANISATION", name, f"{message} (set it in {where})", line, column, document.index, path_in_doc, service_id, "Organisatieprofiel onvolledig"))
                continue
            key = (config.path, service_id)
            if key in seen_ids:
                _, (line, column, _, _) = document.locate(("id",))
                errors.append(_input_error("DUPLICATE-ID", name, f"service id {service_id!r} is also used in {seen_ids[key]}", line, column, document.index, ("id",), service_id, "Dubbel kenmerk"))
                continue
            seen_ids[key] = f"{name} (document {document.index})" if document.index else name
            services.append(Service(config, document, organisation))
    return Collected(services, errors, [display_path(p) for p in files], configs)


def packs_for(config: Config, catalog: Catalog) -> tuple[str, ...]:
    packs = config.packs if config.packs is not None else catalog.default_packs()
    unknown = [p for p in packs if p not in catalog.packs]
    if unknown:
        raise InputError(
            f"unknown rule pack {unknown[0]!r}; available: {', '.join(catalog.packs)}",
            location=str(config.path) if config.path else None,
        )
    return packs


def check(options: Options, with_configs: bool = False) -> Any:
    """The Report of a run; with with_configs, also the configuration files that governed it (for a dossier)."""
    from checker.engine import create_engine, load_bundle, policy_roots

    from checker import vcs

    finder = ConfigFinder(options.config)
    paths = list(options.paths) or [finder.explicit.root if finder.explicit else (vcs.toplevel(Path.cwd()) or Path.cwd())]
    changed = vcs.changed_since(options.changed_since, paths[0] if paths[0].is_dir() else paths[0].parent) if options.changed_since else None
    collected = collect(paths, finder)
    if not collected.files:
        raise InputError(
            "no service descriptors found (files matching the configuration's discovery globs; by default *.cloud.yaml, *.cloud.yml or *.cloud.json)",
            location=", ".join(map(str, paths)),
        )
    roots = policy_roots(options.policies)
    catalog = load_catalog(roots)
    groups: dict[Path | None, list[Service]] = {}
    for service in collected.services:
        groups.setdefault(service.config.path, []).append(service)
    findings: list[Finding] = list(collected.errors)
    all_packs: dict[str, None] = {}
    engine_version, revision = "unknown", None
    if groups:
        engine = create_engine(options.engine, **options.engine_options)
        bundle = load_bundle(roots)
        try:
            for group in groups.values():
                config = group[0].config
                packs = packs_for(config, catalog)
                all_packs.update(dict.fromkeys(packs))
                raw = engine.evaluate(bundle, {
                    "as_of": options.as_of,
                    "organisation": config.organisation,
                    "settings": config.settings(packs),
                    "services": [s.document.data for s in group],
                })
                findings.extend(join(catalog.in_packs(packs), group, raw, options.as_of, options.stage))
            engine_version, revision = engine.version, engine.revision
        finally:
            engine.close()
    findings, waiver_statuses = _waive(findings, collected, catalog, options.as_of)
    if changed is not None:
        # portfolio rules look at every service, so a change anywhere can concern any of them
        portfolio = {rule.id for rule in catalog.rules if rule.portfolio}
        findings = [f for f in findings if f.status is Status.ERROR or f.rule_id in portfolio or Path(f.location.file).resolve() in changed]
    findings.sort(key=lambda f: (f.location.file, f.location.document, f.location.line, f.location.column, f.rule_id))
    report = Report(
        as_of=options.as_of,
        lang=options.lang,
        engine=options.engine,
        packs=tuple(all_packs),
        findings=tuple(findings),
        files=tuple(collected.files),
        services=tuple(s.id for s in collected.services),
        rules=tuple(catalog.in_packs(tuple(all_packs))),
        engine_version=engine_version,
        policy_revision=revision,
        thresholds={
            file: options.fail_on or Severity(config.fail_on or Severity.LOW.value) for file, config in collected.configs.items()
        },
        waivers=tuple(waiver_statuses),
    )
    if options.baseline is not None:
        from checker import baseline

        report = baseline.apply(report, baseline.load(options.baseline))
    if with_configs:
        configs = sorted({display_path(c.path) for c in collected.configs.values() if c.path})
        return report, configs
    return report


# The stage of a service's life its status puts it in (rule metadata: stages).
STAGE_OF_STATUS = {"planned": "procurement", "migrating": "implementation", "in_use": "operation", "exiting": "operation"}
STAGE_WORDS = {
    "procurement": ("inkoop", "procurement"),
    "implementation": ("implementatie", "implementation"),
    "operation": ("gebruik", "operation"),
}


def stage_of(service: "Service", forced: str | None) -> str:
    return forced or STAGE_OF_STATUS[service.document.data["service"]["status"]]


def _not_in_stage(rule: Rule, stage: str) -> Text:
    nl = ", ".join(STAGE_WORDS[s][0] for s in rule.stages)
    en = ", ".join(STAGE_WORDS[s][1] for s in rule.stages)
    return Text(
        f"Niet gecontroleerd in de fase {STAGE_WORDS[stage][0]}: de regel geldt bij {nl}.",
        f"Not checked at the {STAGE_WORDS[stage][1]} stage: the rule applies at {en}.",
    )


def _waive(findings: list[Finding], collected: Collected, catalog: Catalog, as_of: str) -> tuple[list[Finding], list[dict[str, Any]]]:
    """Apply each configuration's waiver file to the findings of the descriptors it governs."""
    from checker import waivers

    rules = {rule.id: rule for rule in catalog.rules}
    statuses: list[dict[str, Any]] = []
    for config in {id(c): c for c in collected.configs.values()}.values():
        settings = waivers.settings_for(config)
        if settings.file is None:
            continue
        if not settings.file.is_file():
            raise InputError("waiver file not found", location=display_path(settings.file))
        loaded = waivers.load(settings.file, display_path(settings.file))
        valid, errors = waivers.check(loaded, rules, settings)
        files = {file for file, c in collected.configs.items() if c is config}
        mine = [f for f in findings if f.location.file in files]
        applied, status, notes = waivers.apply(mine, valid, as_of, settings.expiring_within_days)
        findings = [f for f in findings if f.location.file not in files] + applied + errors + notes
        statuses += status + [error.waiver for error in errors]
    return findings, statuses


def join(rules: list[Rule], services: list[Service], raw: Any, as_of: str, stage: str | None = None) -> list[Finding]:
    """One finding per violation, and a pass or not-applicable finding per rule and service without one."""
    by_package = {rule.package: rule for rule in rules}
    violations: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for violation in raw.violations:
        if violation["rule"] not in by_package:
            raise PolicyError(f"the engine reported rule {violation['rule']!r}, which has no METADATA in the catalogue")
        if not 0 <= violation["service"] < len(services):
            raise PolicyError(f"rule {violation['rule']} reported service index {violation['service']} of {len(services)}")
        violations.setdefault((violation["rule"], violation["service"]), []).append(violation)
    findings: list[Finding] = []
    for rule in rules:
        subjects = raw.subjects.get(rule.package)
        if subjects is None:
            raise PolicyError(f"the engine reported no subjects for rule {rule.id}; every rule defines 'subject'", location=rule.file)
        for index, service in enumerate(services):
            level, reason = enforcement(rule.applies_to, service.organisation)
            if not rule.in_force(as_of):
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_force(rule, as_of)
            elif stage_of(service, stage) not in rule.stages:
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_stage(rule, stage_of(service, stage))
            root = _location(service.document, ("id",))
            if level is Enforcement.NOT_APPLICABLE:
                findings.append(_finding(rule, service, Status.NOT_APPLICABLE, level, reason, reason, root))
            elif (rule.package, index) in violations:
                for violation in violations[(rule.package, index)]:
                    message = _message(rule, violation)
                    location = _location(service.document, tuple(violation["path"]))
                    findings.append(_finding(rule, service, Status.FAIL, level, reason, message, location))
            elif index not in subjects:
                why = Text(f"Regel alleen voor {rule.subject.nl}.", f"Rule only for {rule.subject.en}.") if rule.subject else Text(
                    "De voorwaarde van de regel geldt niet voor deze dienst.", "The rule's condition does not hold for this service.")
                findings.append(_finding(rule, service, Status.NOT_APPLICABLE, level, reason, why, root))
            else:
                findings.append(_finding(rule, service, Status.PASS, level, reason, rule.title, root))
    return findings


def _not_in_force(rule: Rule, as_of: str) -> Text:
    if as_of < rule.effective_from:
        return Text(f"De regel geldt vanaf {rule.effective_from}, na de peildatum {as_of}.", f"The rule applies from {rule.effective_from}, after the reference date {as_of}.")
    return Text(f"De regel gold tot en met {rule.effective_until}.", f"The rule applied until {rule.effective_until}.")


def _finding(rule: Rule, service: Service, status: Status, level: Enforcement, reason: Text, message: Text, location: Location) -> Finding:
    return Finding(
        rule_id=rule.id,
        status=status,
        severity=rule.severity,
        enforcement=level,
        enforcement_reason=reason,
        message=message,
        location=location,
        service=service.id,
        title=rule.title,
        remediation=rule.remediation,
        sources=rule.sources,
        docs=rule.docs,
    )


def _location(document: Document, path: tuple) -> Location:
    _, (line, column, end_line, end_column) = document.locate(path)
    return Location(document.file, document.index, line, column, end_line, end_column, path)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _message(rule: Rule, violation: dict[str, Any]) -> Text:
    template = rule.messages.get(violation["kind"])
    if template is None:
        raise PolicyError(f"rule {rule.id} reported message kind {violation['kind']!r}, which its METADATA lacks", location=rule.file)
    params = _Params({k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in violation["params"].items()})
    try:
        return Text(string.Formatter().vformat(template.nl, (), params), string.Formatter().vformat(template.en, (), params))
    except (KeyError, IndexError, ValueError) as exc:
        raise PolicyError(f"rule {rule.id}: message needs {exc} which the violation does not give", location=rule.file) from None
