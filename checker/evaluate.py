"""A run from paths to one Run: build the policies and the engine, then the pipeline's stages in order
(checker/pipeline: discover, collect, run, join), then waivers, --changed-since and the baseline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, cast

from checker import baseline, infra, selection, vcs, waivers
from checker.catalog import Catalog, load_catalog
from checker.config import CONFIG_NAMES, Config, ConfigFinder
from checker.engine import create_engine
from checker.model import Finding, Report, Severity, Spooled, Status, Verdicts, paused_collector, report_order
from checker.pipeline import Options
from checker.pipeline.collect import Collected, Service, collect, load_services
from checker.pipeline.discover import Found, display_path, find, real_paths, references, search_paths
from checker.pipeline.join import STAGE_OF_STATUS, Expander, join, stage_of
from checker.pipeline.run import check_group, display_paths, enabled_rules, packs_for
from checker.policies import PolicyBundle, load_bundle, policy_roots

SPOOL_FROM = 200  # descriptor files in a run from which its failures are spooled (checker/spool.py; as pipeline.run.PARALLEL_FROM)

__all__ = ["Collected", "Options", "Prepared", "Run", "STAGE_OF_STATUS", "Service", "check", "collect",
           "display_path", "join", "load_services", "packs_for", "prepare", "run", "stage_of"]


@dataclass(frozen=True)
class Run:
    """What one run gives: the report, the services that passed the schema (whole, when the run kept them), and
    the configuration files that governed it, for a dossier."""

    report: Report
    services: tuple[Service, ...]
    configurations: tuple[str, ...]


def check(options: Options) -> Report:
    """The Report of a run."""
    return run(options).report


@dataclass(frozen=True)
class Prepared:
    """What a run reads before it checks anything: the files and their configurations, the policies, the reference
    data and, with --changed-since, the changed files. The run's cache (checker/runcache.py) keys on it."""

    found: Found
    roots: tuple[Path, ...]
    catalog: Catalog
    bundle: PolicyBundle
    reference: dict[Path | None, tuple[dict[str, list[str]], list[dict[str, Any]]]]
    changed: set[Path] | None


def prepare(options: Options) -> Prepared:
    finder = ConfigFinder(options.config)
    paths = search_paths(options, finder)
    changed = vcs.changed_since(options.changed_since, paths[0] if paths[0].is_dir() else paths[0].parent) if options.changed_since else None
    found = find(paths, finder)
    roots = policy_roots(options.policies)
    catalog = load_catalog(roots)
    bundle = load_bundle(roots)
    reference = references(found.configs, bundle)
    if changed is not None and _governing_change(changed, found.configs, options, bundle) is not None:
        changed = None  # a configuration, waiver file, baseline or policy changed: any verdict may have, check all
    return Prepared(found, roots, catalog, bundle, reference, changed)


def run(options: Options, keep_services: bool = False, prepared: Prepared | None = None) -> Run:
    """The run; with keep_services, every service comes back whole (the portfolio view reads its descriptor),
    else only as far as portfolio rules read it in a large run. prepared: what prepare(options) gave, when the
    caller read it already."""
    with paused_collector(), real_paths():
        return _run(options, keep_services, prepared or prepare(options))


def _run(options: Options, keep_services: bool, prepared: Prepared) -> Run:
    found, roots, catalog, bundle, reference, changed = (prepared.found, prepared.roots, prepared.catalog, prepared.bundle,
                                                          prepared.reference, prepared.changed)
    configs = found.configs
    groups: dict[Path | None, list[Path]] = {}
    for path, name in zip(found.files, display_paths(found.files)):
        groups.setdefault(configs[name].path, []).append(path)
    findings: list[Finding] = []  # failures, waived findings, errors
    verdicts: list[Verdicts] = []  # passes and not-applicable verdicts, compact, per service
    services: list[Service] = []
    all_packs: dict[str, None] = {}
    engine_version, revision = "unknown", None
    engine = create_engine(options.engine, **options.engine_options)
    # a large run's failures wait on disk (checker/spool.py), read back in order by each reporter
    spool = None
    if len(found.files) >= SPOOL_FROM:
        from checker.spool import Spool  # with pickle and tempfile: a small run does not load them

        spool = Spool(Expander(list(catalog.rules)))
    try:
        for group in groups.values():
            config = configs[display_path(group[0])]
            packs = packs_for(config, catalog, options.packs)
            all_packs.update(dict.fromkeys(packs))
            rules = enabled_rules(catalog, packs, roots)
            group_findings, group_verdicts, checked = check_group(group, config, rules, engine, bundle, roots, options,
                                                                  reference[config.path][0], keep_services, spool)
            findings += group_findings
            verdicts += group_verdicts
            services += checked
        if services:  # the per-service rules may all have run in worker processes
            engine_version = engine.version
            revision = engine.revision or (bundle.revision if options.engine == "embedded" else None)
    finally:
        engine.close()
    if spool is not None:
        findings.sort(key=report_order)
        # read like the list it stands for: a waiver, a filter or a selection makes it a list again
        findings = cast(list[Finding], Spooled(spool, findings))
    findings, waiver_statuses = waivers.apply_all(findings, configs, catalog, options.as_of)
    if changed is not None:
        # portfolio rules look at every service, so a change anywhere can concern any of them
        portfolio = {rule.id for rule in catalog.rules if rule.portfolio}
        # a changed descriptor's findings wherever they are located (a finding of its infrastructure sits at a .tf line)
        resolved: dict[str, bool] = {}

        def in_changed(file: str) -> bool:
            if file not in resolved:
                resolved[file] = Path(file).resolve() in changed
            return resolved[file]

        touched = {f.service for f in findings if f.service and in_changed(f.location.file)}
        touched |= {row.service for row in verdicts if in_changed(row.location.file)}
        findings = [f for f in findings if f.status is Status.ERROR or f.rule_id in portfolio or f.service in touched
                    or in_changed(f.location.file)]
        verdicts = _kept(verdicts, lambda row: row.service in touched or in_changed(row.location.file), portfolio)
    if found.context:
        findings, verdicts, services, configs = _named_only(findings, verdicts, services, configs, found.context)
    if not isinstance(findings, Spooled):  # a filter or a waiver made it a list; a spool is in report order
        findings.sort(key=report_order)
    report = Report(
        as_of=options.as_of,
        lang=options.lang,
        engine=options.engine,
        packs=tuple(all_packs),
        findings=cast(tuple[Finding, ...], findings) if isinstance(findings, Spooled) else tuple(findings),
        verdicts=tuple(verdicts),
        files=tuple(configs),
        services=tuple(s.id for s in services),
        rules=tuple(catalog.in_packs(tuple(all_packs))),
        engine_version=engine_version,
        policy_revision=revision,
        thresholds=_thresholds(findings, verdicts, configs, options),
        waivers=tuple(waiver_statuses),
        reference_deviations=tuple(d for _, deviations in reference.values() for d in deviations),
        skipped=tuple(found.skipped),
        server=getattr(engine, "server", None) if options.engine != "embedded" else None,
    )
    if options.baseline is not None:
        report = baseline.apply(report, baseline.load(options.baseline), catalog)
    if options.select or options.ignore:
        report = selection.apply(report, options.select, options.ignore, catalog.rules)
    governing = {c.path for c in configs.values() if c.path}  # a portfolio's files share a few configurations
    return Run(report, tuple(services), tuple(sorted({display_path(path) for path in governing})))


def _thresholds(findings: list[Finding], verdicts: list[Verdicts], configs: dict[str, Config], options: Options) -> dict[str, Severity]:
    """The gate's threshold per descriptor file, and per infrastructure file a finding points into."""
    thresholds = {file: options.fail_on or Severity(config.fail_on or Severity.LOW.value) for file, config in configs.items()}
    if isinstance(findings, Spooled) and findings.files() <= thresholds.keys():
        return thresholds  # no finding outside the descriptors: no pass over a spool's findings
    return infra.with_code_files(_Chain(findings, _roots_of(findings, verdicts, configs)), thresholds)


class _Chain:
    """Two sequences read one after the other, as often as asked (a spooled run's findings are never one list)."""

    def __init__(self, first: Iterable[Finding], second: Iterable[Finding]) -> None:
        self.parts = (first, second)

    def __iter__(self) -> Iterator[Finding]:
        return chain.from_iterable(self.parts)


def _kept(verdicts: list[Verdicts], keep: Callable[[Verdicts], bool], portfolio: set[str]) -> list[Verdicts]:
    """The verdict rows a filter keeps: a row kept whole, else only its portfolio rules' verdicts."""
    kept = []
    for row in verdicts:
        if keep(row):
            kept.append(row)
        elif portfolio:
            mine = tuple(v for v in row.verdicts if v[0].id in portfolio)
            if mine:
                kept.append(Verdicts(row.service, row.location, mine))
    return kept


def _roots_of(findings: list[Finding], verdicts: list[Verdicts], configs: dict[str, Config]) -> list[Finding]:
    """For the thresholds of infrastructure files: one finding at the descriptor of each service that has a finding
    outside the descriptors but only compact verdicts in its own (so its file's threshold is found, as when its
    passes were findings)."""
    outside = {f.service for f in findings if f.service and f.location.file not in configs}
    if not outside:
        return []
    inside = {f.service for f in findings if f.service and f.location.file in configs}
    return [next(row.findings()) for row in verdicts if row.service in outside - inside and row.verdicts and row.location.file in configs]


def _named_only(findings: list[Finding], verdicts: list[Verdicts], services: list[Service], configs: dict[str, Config],
                context: frozenset[str]) -> tuple[list[Finding], list[Verdicts], list[Service], dict[str, Config]]:
    """What a run on named files reports when their portfolio was read along (discover.portfolio_context): the
    findings of the named files' services wherever they are located, a portfolio rule's included (the fifth service
    at one provider is told about the concentration), and every error (a descriptor that cannot be read leaves the
    portfolio rules without it: fail closed); not the other services' own findings."""
    named = {s.id for s in services if s.document.file not in context}
    kept = [f for f in findings if f.status is Status.ERROR or f.service in named
            or (f.service is None and f.location.file not in context)]  # a portfolio's own finding, also at a .tf line
    rows = [row for row in verdicts if row.service in named]
    return (kept, rows, [s for s in services if s.id in named],
            {file: config for file, config in configs.items() if file not in context or any(f.location.file == file for f in kept)})


def _governing_change(changed: set[Path], configs: dict[str, Config], options: Options, bundle: PolicyBundle) -> Path | None:
    """A changed file that can change verdicts of unchanged descriptors: a configuration anywhere, a waiver file,
    the baseline, or a file of the policies (the organisation's own, or a CLOUDBELEID_POLICIES copy)."""
    governing: set[Path] = set()
    for config in configs.values():
        if config.path is not None:
            governing.add(config.path.resolve())
            waiver_file = waivers.settings_for(config, existing=False).file
            if waiver_file is not None:
                governing.add(waiver_file.resolve())
    for extra in (options.baseline, options.config):
        if extra is not None:
            governing.add(extra.resolve())
    roots = [root.resolve() for root in (bundle.roots if bundle.custom else bundle.roots[1:])]
    return vcs.governing_change(changed, governing, CONFIG_NAMES, roots)
