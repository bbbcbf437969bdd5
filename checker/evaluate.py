"""Orchestration: find, load, validate, evaluate and join, into one immutable Report."""

from __future__ import annotations

import os
import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker import infra
from checker.applicability import enforcement
from checker.catalog import Catalog, load_catalog
from checker.config import Config, ConfigFinder, discover
from checker.errors import EngineError, InputError, PolicyError
from checker.loader import Document, load_file
from checker.model import Enforcement, Finding, Location, Report, Rule, Severity, Status, Text
from checker.schema import position, validate


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
    packs: tuple[str, ...] | None = None  # these packs instead of the configurations' (cloudbeleid diff)


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
        # realpath, not resolve(): before Python 3.13 resolve() raises on a symlink loop
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(Path.cwd())).as_posix()
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


def load_services(path: Path, name: str, config: Config) -> tuple[list[Service], list[Finding]]:
    """The descriptors of one file that passed the schema, and an error finding for everything that did not."""
    services: list[Service] = []
    errors: list[Finding] = []
    loaded = load_file(path, name, limits=config.limits)
    for problem in loaded.problems:
        errors.append(_input_error("YAML", name, problem.message, problem.line, problem.column, problem.document, nl_prefix="Onleesbare beschrijving"))
    for document in loaded.documents:
        schema_errors = validate(document.data, "descriptor")
        service_id = document.data.get("id") if isinstance(document.data.get("id"), str) else None
        for error in schema_errors:
            line, column = position(document, error)
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
        services.append(Service(config, document, organisation))
    return services, errors


def _duplicate(service: Service, first: str) -> Finding:
    _, (line, column, _, _) = service.document.locate(("id",))
    return _input_error("DUPLICATE-ID", service.document.file, f"service id {service.id!r} is also used in {first}", line, column,
                        service.document.index, ("id",), service.id, "Dubbel kenmerk")


def _where(service: Service) -> str:
    return f"{service.document.file} (document {service.document.index})" if service.document.index else service.document.file


def collect(paths: list[Path], finder: ConfigFinder) -> Collected:
    """Load and validate every descriptor (for `validate`); what cannot be checked becomes an error finding."""
    services: list[Service] = []
    errors: list[Finding] = []
    files = discover(paths, finder).files
    seen_ids: dict[tuple[Path | None, str], str] = {}
    configs: dict[str, Config] = {}
    for path in files:
        name = display_path(path)
        config = configs[name] = finder.for_file(path)
        loaded, problems = load_services(path, name, config)
        errors += problems
        for service in loaded:
            key = (config.path, service.id)
            if key in seen_ids:
                errors.append(_duplicate(service, seen_ids[key]))
                continue
            seen_ids[key] = _where(service)
            services.append(service)
    return Collected(services, errors, [display_path(p) for p in files], configs)


def packs_for(config: Config, catalog: Catalog, override: tuple[str, ...] | None = None) -> tuple[str, ...]:
    packs = override if override is not None else config.packs if config.packs is not None else catalog.default_packs()
    unknown = [p for p in packs if p not in catalog.packs]
    if unknown:
        located = config.path is not None and override is None and config.packs is not None
        raise InputError(
            f"unknown rule pack {unknown[0]!r}; available: {', '.join(catalog.packs)}",
            location=config.where("packs", config.packs.index(unknown[0])) if located else (str(config.path) if config.path else None),
        )
    return packs


def check(options: Options, with_configs: bool = False) -> Any:
    """The Report of a run; with with_configs, also the configuration files that governed it (for a dossier)."""
    from checker.engine import create_engine, load_bundle, policy_roots

    from checker import vcs

    finder = ConfigFinder(options.config)
    paths = list(options.paths) or [finder.explicit.root if finder.explicit else (vcs.toplevel(Path.cwd()) or Path.cwd())]
    changed = vcs.changed_since(options.changed_since, paths[0] if paths[0].is_dir() else paths[0].parent) if options.changed_since else None
    discovery = discover(paths, finder)
    files = discovery.files
    if not files:
        raise InputError(
            "no service descriptors found (files matching the configuration's discovery globs; by default *.cloud.yaml, *.cloud.yml or *.cloud.json)"
            + (f"; {len(discovery.skipped)} skipped: " + ", ".join(f"{s['file']} ({s['reason']})" for s in discovery.skipped[:5])
               if discovery.skipped else ""),
            location=", ".join(map(str, paths)),
        )
    configs = {display_path(path): finder.for_file(path) for path in files}
    roots = policy_roots(options.policies)
    catalog = load_catalog(roots)
    bundle = load_bundle(roots)
    references = _references(configs, bundle)
    if changed is not None and _governing_change(changed, configs, options, bundle) is not None:
        changed = None  # a configuration, waiver file, baseline or policy changed: any verdict may have, check all
    groups: dict[Path | None, list[Path]] = {}
    for path in files:
        groups.setdefault(configs[display_path(path)].path, []).append(path)
    findings: list[Finding] = []
    service_ids: list[str] = []
    all_packs: dict[str, None] = {}
    engine_version, revision = "unknown", None
    engine = create_engine(options.engine, **options.engine_options)
    try:
        for group in groups.values():
            config = configs[display_path(group[0])]
            packs = packs_for(config, catalog, options.packs)
            all_packs.update(dict.fromkeys(packs))
            rules = _enabled_rules(catalog, packs, roots)
            group_findings, ids = _check_group(group, config, rules, engine, bundle, roots, options, references[config.path][0])
            findings += group_findings
            service_ids += ids
        if service_ids:  # the per-service rules may all have run in worker processes
            engine_version = engine.version
            revision = engine.revision or (bundle.revision if options.engine == "embedded" else None)
    finally:
        engine.close()
    findings, waiver_statuses = _waive(findings, configs, catalog, options.as_of)
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
        files=tuple(configs),
        services=tuple(service_ids),
        rules=tuple(catalog.in_packs(tuple(all_packs))),
        engine_version=engine_version,
        policy_revision=revision,
        thresholds=infra.with_code_files(findings, {
            file: options.fail_on or Severity(config.fail_on or Severity.LOW.value) for file, config in configs.items()
        }),
        waivers=tuple(waiver_statuses),
        reference_deviations=tuple(d for _, deviations in references.values() for d in deviations),
        skipped=tuple({**s, "file": display_path(Path(s["file"]))} for s in discovery.skipped),
        server=getattr(engine, "server", None) if options.engine != "embedded" else None,
    )
    if options.baseline is not None:
        from checker import baseline

        report = baseline.apply(report, baseline.load(options.baseline), catalog)
    if with_configs:
        return report, sorted({display_path(c.path) for c in configs.values() if c.path})
    return report


def _references(configs: dict[str, Config], bundle: Any) -> dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]]:
    """Per configuration: its reference data lists for input.settings, and its deviations from the shipped ones."""
    from checker.config import reference_deviations

    shipped = bundle.data.get("data", {}).get("countries", {})
    out: dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]] = {}
    for config in configs.values():
        if config.path not in out:
            lists, deviations = reference_deviations(config, shipped)
            out[config.path] = (lists, [{**d, "file": display_path(Path(d["file"]))} for d in deviations])
    return out


def _governing_change(changed: set[Path], configs: dict[str, Config], options: Options, bundle: Any) -> Path | None:
    """A changed file that can change verdicts of unchanged descriptors: a configuration anywhere, a waiver file,
    the baseline, or a file of the policies (the organisation's own, or a CLOUDBELEID_POLICIES copy)."""
    from checker import waivers
    from checker.config import CONFIG_NAMES

    governing: set[Path] = set()
    for config in configs.values():
        if config.path is not None:
            governing.add(config.path.resolve())
            governing.add(waivers.settings_for(config, existing=False).file.resolve())
    for extra in (options.baseline, options.config):
        if extra is not None:
            governing.add(extra.resolve())
    roots = [root.resolve() for root in (bundle.roots if bundle.custom else bundle.roots[1:])]
    for path in sorted(changed):
        if path.name in CONFIG_NAMES or path in governing or any(root == path or root in path.parents for root in roots):
            return path
    return None


def _enabled_rules(catalog: Catalog, packs: tuple[str, ...], roots: tuple[Path, ...]) -> list[Rule]:
    """The rules of the enabled packs; a pack without rules, or no rules at all, means the policies are not whole."""
    rules = catalog.in_packs(packs)
    empty = [pack for pack in packs if not any(rule.pack == pack for rule in rules)]
    if empty:
        raise PolicyError(f"rule pack {empty[0]!r} is enabled but the policies hold no rule of it: the policies are incomplete, "
                          "nothing is checked against it", location=", ".join(map(str, roots)))
    if not rules:
        raise PolicyError("no rules are enabled: a run that evaluates nothing proves nothing", location=", ".join(map(str, roots)))
    return rules


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


PARALLEL_FROM = 200  # descriptor files in one group before the work is spread over processes
CHUNK_FILES = 100


@dataclass
class _Chunk:
    """What one chunk of files gives back: findings of the per-service rules, errors, services, portfolio projections."""

    findings: list[Finding]
    errors: list[Finding]
    services: list[Service]


def _check_group(files: list[Path], config: Config, rules: list[Rule], engine: Any, bundle: Any,
                 roots: tuple[Path, ...], options: Options, reference: dict[str, list[str]]) -> tuple[list[Finding], list[str]]:
    """Check the descriptors of one configuration: per-service rules chunk by chunk (over the cores for a large
    portfolio, each chunk's documents dropped when done), portfolio rules once over a projection of every service."""
    per_service = [r for r in rules if not r.portfolio]
    portfolio = [r for r in rules if r.portfolio]
    fields = sorted({f for r in portfolio for f in r.portfolio_fields}) if all(r.portfolio_fields for r in portfolio) else None
    jobs = [(files[i:i + CHUNK_FILES], config, per_service, fields, roots, options, reference)
            for i in range(0, len(files), CHUNK_FILES)]
    workers = min(os.cpu_count() or 1, 8)
    if options.engine == "embedded" and workers > 1 and len(files) >= PARALLEL_FROM:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_worker_start, initargs=(os.getpid(),)) as pool:
            chunks = list(pool.map(_process_chunk, jobs))
    else:
        chunks = [_process_chunk(job, engine, bundle) for job in jobs]
    findings: list[Finding] = []
    services: list[Service] = []
    seen: dict[str, str] = {}
    for chunk in chunks:
        findings += chunk.errors
        dropped: set[tuple[str, int]] = set()
        for service in chunk.services:
            if service.id in seen:
                findings.append(_duplicate(service, seen[service.id]))
                dropped.add((service.document.file, service.document.index))
                continue
            seen[service.id] = _where(service)
            services.append(service)
        findings += [f for f in chunk.findings if (f.location.file, f.location.document) not in dropped]
    if portfolio and services:
        infra.cover(services, config)
        documents = [s.document.data for s in services]
        try:
            raw = _evaluate_portfolio(engine, bundle, options, config, portfolio, documents, reference)
        except EngineError as exc:
            raise _blamed(exc, options, services,
                          lambda one: _evaluate_portfolio(engine, bundle, options, config, portfolio, [one], reference)) from None
        raw, unowned = infra.split(raw)
        findings += join(portfolio, services, raw, options.as_of, options.stage)
        findings += infra.unowned_findings(portfolio, services, unowned)
    ids = [s.id for s in services]
    _prove_checked(findings, ids, rules)
    return findings, ids


def _blamed(error: EngineError, options: Options, services: list[Service], alone: Any) -> EngineError:
    """The engine failed on a batch of services (a value the schema let through and a builtin cannot take, say):
    the same error located at the first service that fails on its own, so the user learns which file it is.
    Only for the embedded engine, whose failures depend on nothing but the input and the policies: an OPA server
    that is down would fail every retry, each after its timeout."""
    if options.engine != "embedded" or error.location:
        return error
    for service in services:
        if len(services) > 1:
            try:
                alone(service.document.data)
                continue
            except EngineError:
                pass
        line, column = service.document.locate(())[1][:2]
        return EngineError(f"{error.message} (evaluating service {service.id!r})",
                           location=f"{service.document.file}:{line}:{column}")
    return error


def _prove_checked(findings: list[Finding], services: list[str], rules: list[Rule]) -> None:
    """The gate proves it checked: every enabled rule gave a verdict for every service, or the run is an error."""
    verdicts: dict[str, set[str]] = {}
    for finding in findings:
        if finding.service is not None and finding.status is not Status.ERROR:
            verdicts.setdefault(finding.service, set()).add(finding.rule_id)
    wanted = {rule.id for rule in rules}
    for service in services:
        missing = wanted - verdicts.get(service, set())
        if missing:
            raise EngineError(f"rule {sorted(missing)[0]} gave no verdict for service {service!r} "
                              f"({len(missing)} rule(s) without one): the run cannot vouch for a pass")


def _worker_start(parent: int) -> None:
    """In a pool worker: die with the checker (a killed checker must not leave workers holding the cache and the
    caller's pipes), and leave Ctrl-C to the parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _document(options: Options, config: Config, rules: list[Rule], services: list[dict[str, Any]],
              reference: dict[str, list[str]]) -> dict[str, Any]:
    return {"as_of": options.as_of, "organisation": config.organisation, "settings": config.settings(rules, reference),
            "services": services}


_WORKER_ENGINE: dict[tuple[Path, ...], Any] = {}


def _process_chunk(job: tuple, engine: Any = None, bundle: Any = None) -> _Chunk:
    """Load, validate, evaluate and join one chunk of files; keep of each service only what portfolio rules read."""
    from checker.engine import create_engine, load_bundle

    files, config, rules, fields, roots, options, reference = job
    if engine is None:  # in a worker process: one engine per process, compiled once
        engine = _WORKER_ENGINE.setdefault(roots, create_engine("embedded"))
        bundle = load_bundle(roots)
    services: list[Service] = []
    errors: list[Finding] = []
    for path in files:
        loaded, problems = load_services(path, display_path(path), config)
        services += loaded
        errors += problems
    errors += infra.attach(services, config)
    findings: list[Finding] = []
    if rules and services:
        try:
            raw = _evaluate_cached(engine, bundle, options, config, rules, [s.document.data for s in services], reference)
        except EngineError as exc:
            raise _blamed(exc, options, services,
                          lambda one: _evaluate_cached(engine, bundle, options, config, rules, [one], reference)) from None
        findings = join(rules, services, raw, options.as_of, options.stage)
    if fields is not None:
        services = [_project(service, fields) for service in services]
    return _Chunk(findings, errors, services)


def _evaluate_cached(engine: Any, bundle: Any, options: Options, config: Config, rules: list[Rule],
                     services: list[dict[str, Any]], reference: dict[str, list[str]]) -> Any:
    """Per-service rules, evaluated only for services whose result is not cached yet. A service's result depends
    on the policies, the settings, the organisation profile, the reference date and its own descriptor only."""
    import json

    from checker import cache
    from checker.engine import RawReport

    if options.engine != "embedded":
        return engine.evaluate(bundle, _document(options, config, rules, services, reference))
    context = cache.key(bundle.revision, json.dumps(_document(options, config, rules, [], reference), sort_keys=True))
    keys = [cache.key(context, json.dumps(service, sort_keys=True, ensure_ascii=False)) for service in services]
    known = cache.get_many("evaluation", keys)
    missing = [i for i, key in enumerate(keys) if key not in known]
    if missing:
        raw = engine.evaluate(bundle, _document(options, config, rules, [services[i] for i in missing], reference))
        lacking = [r.id for r in rules if r.package not in raw.subjects]
        if lacking:
            raise PolicyError(f"the engine reported no subjects for rule {lacking[0]}; every rule defines 'subject'")
        fresh: dict[int, dict[str, list[Any]]] = {i: {"violations": [], "subjects": []} for i in missing}
        for violation in raw.violations:
            fresh[missing[violation["service"]]]["violations"].append({**violation, "service": 0})
        for rule, indexes in raw.subjects.items():
            for j in indexes:
                fresh[missing[j]]["subjects"].append(rule)
        cache.put_many("evaluation", {keys[i]: fresh[i] for i in missing})
        known.update({keys[i]: fresh[i] for i in missing})
    violations: list[dict[str, Any]] = []
    subjects: dict[str, list[int]] = {r.package: [] for r in rules}
    for i, key in enumerate(keys):
        violations += [{**v, "service": i} for v in known[key]["violations"]]
        for rule in known[key]["subjects"]:
            subjects.setdefault(rule, []).append(i)
    return RawReport(violations, subjects)


def _evaluate_portfolio(engine: Any, bundle: Any, options: Options, config: Config, rules: list[Rule],
                        services: list[dict[str, Any]], reference: dict[str, list[str]]) -> Any:
    """Portfolio rules over every service; cached as a whole, since any service can change their answer."""
    import json

    from checker import cache
    from checker.engine import RawReport

    document = _document(options, config, rules, services, reference)
    if options.engine != "embedded":
        return engine.evaluate(bundle, document)
    key = cache.key(bundle.revision, json.dumps(document, sort_keys=True, ensure_ascii=False))
    known = cache.get_many("portfolio", [key]).get(key)
    if known is not None:
        return RawReport(known["violations"], known["subjects"])
    raw = engine.evaluate(bundle, document)
    cache.put_many("portfolio", {key: {"violations": raw.violations, "subjects": raw.subjects}})
    return raw


def _project(service: Service, fields: list[str]) -> Service:
    """The service with only the top-level fields portfolio rules read (and id, for locations)."""
    document = service.document
    keep = set(fields) | {"id", "schema_version"}
    data = {k: v for k, v in document.data.items() if k in keep}
    spans = {p: span for p, span in document.spans.items() if not p or p[0] in keep}
    keys = {p: key for p, key in document.keys.items() if p and p[0] in keep}
    return Service(service.config, Document(document.file, document.index, data, spans, keys), service.organisation)


def _waive(findings: list[Finding], configs: dict[str, Config], catalog: Catalog, as_of: str) -> tuple[list[Finding], list[dict[str, Any]]]:
    """Apply each configuration's waiver file to the findings of the descriptors it governs."""
    from checker import waivers

    rules = {rule.id: rule for rule in catalog.rules}
    statuses: list[dict[str, Any]] = []
    for config in {id(c): c for c in configs.values()}.values():
        settings = waivers.settings_for(config)
        if settings.file is None:
            continue
        if not settings.file.is_file():
            raise InputError("waiver file not found", location=display_path(settings.file))
        loaded = waivers.load(settings.file, display_path(settings.file))
        valid, errors = waivers.check(loaded, rules, settings)
        files = {file for file, c in configs.items() if c is config}
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
        subjects = set(subjects)  # a portfolio rule's subjects are every service: a list made this quadratic
        for index, service in enumerate(services):
            level, reason = enforcement(rule.applies_to, service.organisation, as_of)
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
                    finding = _finding(rule, service, Status.FAIL, level, reason, message, location)
                    findings.append(replace(finding, evidence=_evidence(service.document.data, violation["path"])))
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


def _evidence(data: Any, path: list[Any]) -> str:
    """A digest of the value at path (of its nearest existing parent when the path names a missing field)."""
    import hashlib
    import json

    value = data
    for step in path:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            value = {"absent": list(path)}  # a missing fact: the same absence, not whatever surrounds it
            break
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]


def _location(document: Document, path: tuple) -> Location:
    if path[:1] == ("observed",):
        return infra.locate(document, path)
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
