"""Stage 3: the engine over the services, one configuration's group at a time. Per-service rules go chunk by
chunk (over the cores for a large portfolio, the engine's answers cached per service), portfolio rules once over
every service; afterwards the run proves that every enabled rule gave every service a verdict."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import cache, infra
from checker.catalog import Catalog
from checker.config import Config
from checker.engine import Engine, RawReport, create_engine, serialise_input
from checker.errors import EngineError, InputError, PolicyError
from checker.i18n import message
from checker.loader import Document, load_bytes, read_limited
from checker.model import COMPACT, Enforcement, Finding, Location, Rule, Severity, Status, Text, Verdicts
from checker.pipeline import Options
from checker.pipeline.collect import Service, Unique, load_services, services_of
from checker.pipeline.discover import display_path
from checker.pipeline.join import Expander, Row, join_rows
from checker.policies import PolicyBundle, load_bundle

if TYPE_CHECKING:
    from checker.spool import Spool


def packs_for(config: Config, catalog: Catalog, override: tuple[str, ...] | None = None) -> tuple[str, ...]:
    packs = override if override is not None else config.packs if config.packs is not None else catalog.default_packs()
    unknown = [p for p in packs if p not in catalog.packs]
    if unknown:
        located = config.path is not None and override is None and config.packs is not None
        raise InputError(
            message("run.unknown_pack", pack=repr(unknown[0]), packs=", ".join(catalog.packs)),
            location=config.where("packs", list(packs).index(unknown[0])) if located else (str(config.path) if config.path else None),
        )
    return packs


def enabled_rules(catalog: Catalog, packs: tuple[str, ...], roots: tuple[Path, ...]) -> list[Rule]:
    """The rules of the enabled packs; a pack without rules, or no rules at all, means the policies are not whole."""
    rules = catalog.in_packs(packs)
    empty = [pack for pack in packs if not any(rule.pack == pack for rule in rules)]
    if empty:
        raise PolicyError(message("run.empty_pack", pack=repr(empty[0])), location=", ".join(map(str, roots)))
    if not rules:
        raise PolicyError(message("run.no_rules"), location=", ".join(map(str, roots)))
    return rules


# The stage of a service's life its status puts it in (rule metadata: stages).


PARALLEL_FROM = 200  # descriptor files in one group before the work is spread over processes
CHUNK_FILES = 100
RESTORE_FILES = 200  # cache entries read at a time (decoded entries are the peak of a warm run)


@dataclass
class _Chunk:
    """What one chunk of files gives back: the per-service rules' failures and other verdicts, errors, services
    (portfolio projections)."""

    findings: list[Row]  # failures as rows (join.join_rows): a tenth of a finding's cost to send between processes
    verdicts: list[Row]  # per service its passes and not-applicable verdicts (join.verdict_row's)
    errors: list[Finding]
    services: list[Service]


# a chunk's work: its files, their configuration, the per-service rules, the fields portfolio rules read (None:
# keep every field), the policy roots, the run's options and the configuration's reference data
_Job = tuple[list[Path], Config, list[Rule], "list[str] | None", tuple[Path, ...], Options, dict[str, list[str]]]


def check_group(files: list[Path], config: Config, rules: list[Rule], engine: Engine, bundle: PolicyBundle,
                roots: tuple[Path, ...], options: Options, reference: dict[str, list[str]],
                keep: bool = False, spool: Spool | None = None) -> tuple[list[Finding], list[Verdicts], list[Service]]:
    """Check the descriptors of one configuration: per-service rules chunk by chunk (over the cores for a large
    portfolio, each chunk's documents dropped when done), portfolio rules once over a projection of every service.
    With keep, the services come back whole (the portfolio view reads them), else as far as portfolio rules read.
    Failures, waived findings and errors come back as findings, passes and not-applicable verdicts compact, per
    service (model.Verdicts). With a spool, the failures of rules go there as rows instead (checker/spool.py: a
    large run never holds them all); the findings returned are the others (errors, duplicates, infrastructure no
    descriptor covers)."""
    per_service = [r for r in rules if not r.portfolio]
    since = spool.mark() if spool is not None else 0
    portfolio = [r for r in rules if r.portfolio]
    fields = sorted({f for r in portfolio for f in r.portfolio_fields}) if all(r.portfolio_fields for r in portfolio) else None
    projection = None if keep else fields
    expand = Expander(rules)
    # every unit's rows become findings and verdicts as soon as the unit is done: the rows of a whole portfolio are
    # never held beside them
    units: list[tuple[list[Service], list[Finding], list[Finding], list[Verdicts]]] = []
    # the files the cache knows come back here, a batch at a time, without a worker (forking and sending their rows
    # back would cost more than restoring them); the others are read chunk by chunk
    names = display_paths(files)
    keys = [key for key, _ in _file_keys(files, config, per_service, projection, bundle, options, reference, names)]
    missing: list[Path] = []
    texts: dict[str, tuple[str, str]] = {}  # the entries' texts, each read once a run (_shared_texts)
    for start in range(0, len(files), RESTORE_FILES):
        spooled: list[Row] = []
        strings: dict[str, str] = {}  # a batch's projections share their equal strings, as a chunk's do (_project)
        batch = keys[start:start + RESTORE_FILES]
        known = cache.get_many(_FILES, [k for k in batch if k is not None]) if any(k is not None for k in batch) else {}
        _shared_texts(known.values(), texts)
        for name, path, key in zip(names[start:start + RESTORE_FILES], files[start:start + RESTORE_FILES], batch):
            entry = _restore(known[key], name, config, texts, strings) if key is not None and key in known else None
            unit = _expanded(expand, entry) if entry is not None else None  # expanded: a damaged entry is read afresh
            if unit is None:
                missing.append(path)
            elif spool is not None and entry is not None:
                spooled += entry[2]
                units.append((unit[0], unit[1], [], unit[3]))
            else:
                units.append(unit)
        if spool is not None:
            spool.add(spooled)
    jobs = [(missing[i:i + CHUNK_FILES], config, per_service, projection, roots, options, reference)
            for i in range(0, len(missing), CHUNK_FILES)]
    workers = min(os.cpu_count() or 1, 8)
    if options.engine == "embedded" and workers > 1 and len(missing) >= PARALLEL_FROM:
        import multiprocessing  # with the pool: a small run does not load them (about 10 ms of a start)
        from concurrent.futures import ProcessPoolExecutor

        global _GROUP
        _GROUP = jobs[0][1:]  # the workers are forked with it: a chunk sends its files only
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                     initializer=_worker_start, initargs=(os.getpid(),)) as pool:
                for chunk in pool.map(_process_files, [job[0] for job in jobs]):
                    units.append(([_SHARED.service(s) for s in chunk.services], chunk.errors, _failures(expand, chunk.findings, spool),
                                  [expand.verdicts(row) for row in chunk.verdicts]))
        finally:
            _GROUP = None
    else:
        for job in jobs:
            chunk = _process_chunk(job, engine, bundle)
            units.append((chunk.services, chunk.errors, _failures(expand, chunk.findings, spool),
                          [expand.verdicts(row) for row in chunk.verdicts]))
    findings: list[Finding] = []
    verdicts: list[Verdicts] = []
    services: list[Service] = []
    unique = Unique()
    order = {name: i for i, name in enumerate(names)}
    dropped: set[tuple[str, int]] = set()
    # the first use of an id is the one in the first file, however the files were split between cache and chunks
    for service in sorted((s for unit in units for s in unit[0]), key=lambda s: (order.get(s.document.file, -1), s.document.index)):
        duplicate = unique.admit(service)
        if duplicate is not None:
            findings.append(duplicate)
            dropped.add((service.document.file, service.document.index))
            continue
        services.append(service)
    for _, errors, expanded, kept in units:
        findings += errors
        findings += [f for f in expanded if (f.location.file, f.location.document) not in dropped] if dropped else expanded
        verdicts += [v for v in kept if (v.location.file, v.location.document) not in dropped] if dropped else kept
    if portfolio and services:
        infra.cover(services, config)
        documents = [s.document.data for s in services]
        try:
            forked = options.engine == "embedded" and len(services) >= PARALLEL_FROM
            if forked and cache.directory() is None:
                # the input as JSON made here: the child reads one string and copies none of the projections' pages
                document = input_document(options, config, portfolio, documents, reference)
                payload = serialise_input(document)
                rules_only = {"settings": document["settings"]}
                del document
                from checker.engine.embedded import EmbeddedEngine  # made already: the engine is the embedded one

                assert isinstance(engine, EmbeddedEngine)
                raw = _forked(engine.evaluate, bundle, rules_only, payload)
                del payload
            elif forked:  # the cache keys the portfolio by its documents: evaluate_cached in the child
                raw = _forked(evaluate_cached, engine, bundle, options, config, portfolio, documents, reference, per_service=False)
            else:
                raw = evaluate_cached(engine, bundle, options, config, portfolio, documents, reference, per_service=False)
        except _ChildFailed:
            raise  # no service to blame: evaluating each alone would only repeat the evaluation that died
        except EngineError as exc:
            raise _blamed(exc, options, services, lambda one: evaluate_cached(
                engine, bundle, options, config, portfolio, [one], reference, per_service=False)) from None
        raw, unowned = infra.split(raw)
        fails, rows = join_rows(portfolio, services, raw, options.as_of, options.stage)
        del raw  # the engine's answer for every service: joined, not kept beside the verdicts
        findings += _failures(expand, fails, spool)
        del fails
        verdicts = expand.merged(verdicts + [expand.verdicts(row) for row in rows])
        findings += infra.unowned_findings(portfolio, services, unowned)
    if spool is not None:
        spool.dropped |= dropped
    # the spooled failures of this group's services, not of those dropped as duplicates (as the findings are)
    prove_checked(findings, [s.id for s in services], rules, verdicts,
                  ((row[12], row[0]) for row in spool.added(since) if spool.place(row) not in dropped) if spool is not None else ())
    _SHARED.known.clear()  # what the services share stays shared; the next run finds its own
    return findings, verdicts, services


class _ChildFailed(EngineError):
    """The forked evaluation ended without an answer of the engine's."""


def _forked(work: Callable[..., RawReport], *args: Any, **kwargs: Any) -> RawReport:
    """work(*args, **kwargs) in a forked child, its answer sent back pickled: a large portfolio's evaluation (the
    engine's copy of every service's projection, its working values, the JSON in between: about 7 KB a service)
    leaves the checker's own memory when the child exits, instead of staying with the run while it joins and writes
    its reports (an allocator keeps what it was given). The child shares what it reads with the parent; an engine
    or policy error comes back as itself, and a child that dies without an answer is an error, never a pass."""
    import pickle

    parent = os.getpid()
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which leaves with os._exit
        status = 0
        try:
            os.close(readable)
            _worker_start(parent, collect=False)  # no collection: it would touch, and so copy, every page of the parent
            try:
                answer: tuple[str, Any] = ("ok", work(*args, **kwargs))
            except (EngineError, PolicyError, InputError) as exc:
                answer = ("error", exc)
            except Exception as exc:  # a fault of the checker's: its kind and words, not just a status
                answer = ("fault", f"{type(exc).__name__}: {exc}")
            with os.fdopen(writable, "wb") as pipe:
                pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writable)
    try:
        with os.fdopen(readable, "rb") as pipe:
            data = pipe.read()
    except BaseException:  # Ctrl-C, a signal: the child (which ignores Ctrl-C) is not waited for
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        raise
    _, status = os.waitpid(child, 0)
    if status != 0 or not data:
        raise _ChildFailed(message("run.child_failed", status=str(os.waitstatus_to_exitcode(status))))
    kind, value = pickle.loads(data)
    if kind == "error":
        raise value
    if kind == "fault":
        raise _ChildFailed(message("run.child_failed", status=value))
    assert isinstance(value, RawReport)
    return value


def _failures(expand: Expander, rows: list[Row], spool: Spool | None) -> list[Finding]:
    """A unit's failure rows as findings, or into the spool (none held)."""
    if spool is None:
        return [expand(row) for row in rows]
    spool.add(rows)
    return []


def display_paths(files: list[Path]) -> list[str]:
    """display_path of each file (within a run, each folder's real path and the working directory's found once)."""
    return [display_path(path) for path in files]


def _blamed(error: EngineError, options: Options, services: list[Service],
            alone: Callable[[dict[str, Any]], RawReport]) -> EngineError:
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
        return EngineError(message("run.evaluating_service", error=error.text, service=repr(service.id)),
                           location=f"{service.document.file}:{line}:{column}")
    return error


_NOTHING: frozenset[str] = frozenset()


def prove_checked(findings: list[Finding], services: list[str], rules: list[Rule], compact: list[Verdicts] | None = None,
                  failed: Iterable[tuple[str, str]] = ()) -> None:
    """The gate proves it checked: every enabled rule gave a verdict for every service, or the run is an error.
    failed: (service, rule id) of failures not among the findings (spooled rows). What each service still lacks
    is a set shared by the services with the same verdicts (a set of rule ids a service, at 100,000 services, was
    hundreds of MB), made smaller as its failures are counted."""
    wanted = frozenset(rule.id for rule in rules)
    lacking: dict[str, frozenset[str]] = {}
    by_verdicts: dict[int, frozenset[str]] = {}
    for row in compact or ():
        # the verdict tuples are shared (join.Expander.shared) and kept alive by the rows: an id names one
        missing = by_verdicts.get(id(row.verdicts))
        if missing is None:
            missing = by_verdicts[id(row.verdicts)] = wanted.difference(verdict[0].id for verdict in row.verdicts)
        before = lacking.get(row.service)
        lacking[row.service] = missing if before is None else before & missing

    def count(pairs: Iterable[tuple[str, str]]) -> None:
        """Each service's failed rules taken from what it lacks, a run of pairs of one service at a time (a
        service's failures follow each other in report order): one new set a run, the empty one shared."""
        current: str | None = None
        rules: list[str] = []
        for service, rule in pairs:
            if service != current:
                if current is not None:
                    remaining = lacking.get(current, wanted).difference(rules)
                    lacking[current] = remaining if remaining else _NOTHING
                current, rules = service, []
            rules.append(rule)
        if current is not None:
            remaining = lacking.get(current, wanted).difference(rules)
            lacking[current] = remaining if remaining else _NOTHING

    count((f.service, f.rule_id) for f in findings if f.service is not None and f.status is not Status.ERROR)
    count(failed)
    for service in services:
        missing = lacking.get(service, wanted)
        if missing:
            raise EngineError(message("run.no_verdict", rule=sorted(missing)[0], service=repr(service), count=len(missing)))


def _expanded(expand: Expander, entry: tuple[list[Service], list[Finding], list[Row], list[Row]]) -> \
        tuple[list[Service], list[Finding], list[Finding], list[Verdicts]] | None:
    """A restored entry's rows as findings and verdicts; None for one naming a rule, status or level the run does not
    have (a damaged entry is read afresh, not a crash of every later run)."""
    try:
        return entry[0], entry[1], [expand(row) for row in entry[2]], [expand.verdicts(row) for row in entry[3]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _worker_start(parent: int, collect: bool = True) -> None:
    """In a pool worker: die with the checker (a killed checker must not leave workers holding the cache and the
    caller's pipes), and leave Ctrl-C to the parent."""
    import ctypes

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    # the parent pauses the cyclic collector while it builds its acyclic result; a worker forked meanwhile reads
    # descriptors whose parser makes reference cycles, so it collects, but never through what it inherited (frozen:
    # each chunk's survivors made a full collection walk, and write to, every object of the parent's, about 35 ms
    # thirty times a worker) and less often (a chunk's short-lived values are freed by reference counting)
    if collect:
        import gc

        gc.freeze()
        gc.set_threshold(10_000, 10, 10)
        gc.enable()


def input_document(options: Options, config: Config, rules: list[Rule], services: list[dict[str, Any]],
             reference: dict[str, list[str]]) -> dict[str, Any]:
    return {"as_of": options.as_of, "organisation": config.organisation, "settings": config.settings(rules, reference),
            "services": services}


# a group's configuration, per-service rules, projection, policy roots, options and reference data while its pool
# works: the workers are forked with it, so a chunk's job is its files (the rest, sent with every chunk, was about
# 250 KB a chunk to pickle in the parent and unpickle in the worker)
_GROUP: tuple[Any, ...] | None = None


def _process_files(files: list[Path]) -> _Chunk:
    """_process_chunk in a pool worker, of the group it was forked with."""
    assert _GROUP is not None
    return _process_chunk((files, *_GROUP))


_WORKER_ENGINE: dict[tuple[Path, ...], Engine] = {}  # in a worker process: its engine per set of policy roots


def _process_chunk(job: _Job, engine: Engine | None = None, bundle: PolicyBundle | None = None) -> _Chunk:
    """Load, validate, evaluate and join one chunk of files; keep of each service only what portfolio rules read.
    A file the cache knows (the same bytes and name under the same configuration, policies, options and checker
    code) is not read: its located findings, errors and portfolio projection come from the cache."""
    files, config, rules, fields, roots, options, reference = job
    if engine is None:  # in a worker process: one engine per process, compiled once
        engine = _WORKER_ENGINE.setdefault(roots, create_engine("embedded"))
        bundle = load_bundle(roots)
    assert bundle is not None
    names = display_paths(files)  # once a file: each costs a look at the file (is it a link?)
    keyed = _file_keys(files, config, rules, fields, bundle, options, reference, names)
    keys = [k for k, _ in keyed]
    known = cache.get_many(_FILES, [k for k in keys if k is not None]) if any(k is not None for k in keys) else {}
    texts = _shared_texts(known.values(), {})
    restored: list[Service] = []
    services: list[Service] = []
    errors: list[Finding] = []
    rows: list[Row] = []
    verdict_rows: list[Row] = []
    fresh: dict[str, str] = {}  # display name -> cache key, of the files read now
    for path, name, (key, content) in zip(files, names, keyed):
        entry = _restore(known[key], name, config, texts) if key is not None and key in known else None
        if entry is not None:
            restored += entry[0]
            errors += entry[1]
            rows += entry[2]
            verdict_rows += entry[3]
            continue
        # a keyed file is read from the bytes its key was made of: a file changed in between cannot store its
        # findings under the key of the content it had before
        loaded, problems = load_services(path, name, config) if content is None else services_of(load_bytes(content, name, config.limits), name, config)
        services += loaded
        errors += problems
        if key is not None and not any("infrastructure" in s.document.data for s in loaded):
            fresh[name] = key
    errors += infra.attach(services, config)
    fresh_rows: list[Row] = []
    fresh_verdicts: list[Row] = []
    if rules and services:
        try:
            raw = evaluate_cached(engine, bundle, options, config, rules, [s.document.data for s in services], reference)
        except EngineError as exc:
            raise _blamed(exc, options, services,
                          lambda one: evaluate_cached(engine, bundle, options, config, rules, [one], reference)) from None
        fresh_rows, fresh_verdicts = join_rows(rules, services, raw, options.as_of, options.stage)
    if fields is not None:
        words: dict[str, str] = {}
        tree = _tree(fields)
        inside = _Inside(tree)
        services = [_project(service, tree, words, inside) for service in services]
    if fresh:
        _remember(fresh, services, errors, fresh_rows, fresh_verdicts)
    # the files' order: restored and read services interleave as their files do
    order = {name: i for i, name in enumerate(names)}
    everything = sorted(restored + services, key=lambda s: (order.get(s.document.file, 0), s.document.index))
    return _Chunk(rows + fresh_rows, verdict_rows + fresh_verdicts, errors, everything)


_FILES = "file"  # a descriptor file's failures (rows), other verdicts (rows), error findings and portfolio projection
_TEXTS = "text"  # one text ([nl, en]) of the entries, under its digest (text_key): entries name their texts by it
_CODE: list[str] = []  # the digest of the code and schemas a file's findings depend on, once per process


def _code_digest() -> str:
    """The checker's code and message catalogues, and the schemas: a checkout whose code or wording changed (with
    the same version number) must not be served findings the old code made. Every module, not a list of those a
    finding passes through today: about a millisecond, once per process."""
    if not _CODE:
        import checker
        from checker.resources import schemas_dir

        here = Path(checker.__file__).parent
        parts: list[str | bytes] = [checker.__version__, cache.libraries()]
        for path in sorted([*here.rglob("*.py"), *here.rglob("*.json")]):
            relative = path.relative_to(here)
            if relative.parts[0] != "_bundle" and path.name != "compiled_catalog.json":  # the policies: bundle.revision
                parts += [relative.as_posix(), path.read_bytes()]
        parts += [p.read_bytes() for p in sorted(schemas_dir().glob("*.json"))]
        _CODE.append(cache.key(*parts))
    return _CODE[0]


def _file_keys(files: list[Path], config: Config, rules: list[Rule], fields: list[str] | None, bundle: PolicyBundle,
               options: Options, reference: dict[str, list[str]],
               names: list[str] | None = None) -> list[tuple[str | None, bytes | None]]:
    """Per file the key of its cache entry, or None where the cache cannot serve it: no cache, another engine
    than the embedded one (a server's policies are its own), a repository with Terraform (a resource's tag can
    give any descriptor observed facts), or a file that is not a plain readable file within the size limit."""
    if options.engine != "embedded" or cache.directory() is None or infra._group_folders(config):
        return [(None, None)] * len(files)
    context = cache.key(_code_digest(), bundle.revision, json.dumps(input_document(options, config, rules, [], reference), sort_keys=True),
                        json.dumps([fields, options.stage, repr(config.limits), str(config.path), [r.id for r in rules]]))
    keys: list[tuple[str | None, bytes | None]] = []
    for number, path in enumerate(files):
        name = names[number] if names is not None else display_path(path)
        # read as the loader reads (no pipe or device, nothing past the limit); a file it refuses goes the loader's
        # way, which says why
        raw = read_limited(path, name, config.limits)
        keys.append((cache.key(context, name, raw), raw) if isinstance(raw, bytes) else (None, None))
    return keys


def _remember(fresh: dict[str, str], services: list[Service], errors: list[Finding], rows: list[Row], verdicts: list[Row]) -> None:
    """Keep what each file read now gave: its services' projections, its error findings, its failures' rows and its
    services' other verdicts. An entry names each of its texts once (`texts`, by text_key); the texts themselves are
    kept once for all entries (kind _TEXTS): a portfolio's entries share nearly all of them (1,043 distinct among
    96,032 of 2,000 generated descriptors, half of every entry's bytes), and a warm run decodes each once."""
    entries: dict[str, dict[str, Any]] = {key: {"services": [], "errors": [], "rows": [], "verdicts": [], "texts": []}
                                          for key in fresh.values()}
    ids = set()
    for service in services:
        document = service.document
        if document.file in fresh:
            ids.add(service.id)
            entries[fresh[document.file]]["services"].append(
                [document.index, document.data, [[list(p), s] for p, s in document.spans.items()],
                 [[list(p), k] for p, k in document.keys.items()], service.organisation])
    for error in errors:  # an error of a file not kept (one with infrastructure code) stays out
        if error.location.file in fresh:
            entries[fresh[error.location.file]]["errors"].append(_error_json(error))
    tables: dict[str, _Texts] = {}
    for row in rows:
        (rule, status, level, r_nl, r_en, m_nl, m_en, file, document, line, column, end_line, end_column, json_path,
         service, evidence, params) = row
        if file in fresh:
            number = tables.setdefault(file, _Texts(entries[fresh[file]]["texts"]))
            entries[fresh[file]]["rows"].append([rule, status, level, number(r_nl, r_en), number(m_nl, m_en), document, line,
                                                  column, end_line, end_column, json_path, service, evidence, params])
        elif service in ids:
            return  # a kept service's finding located in another file: no unit the cache can keep
    for service, file, document, line, column, end_line, end_column, json_path, kept in verdicts:
        if file not in fresh:
            continue
        entry = entries[fresh[file]]
        number = tables.setdefault(file, _Texts(entry["texts"]))
        entry["verdicts"].append([service, document, line, column, end_line, end_column, json_path,
                                  [[rule, status, level, number(r_nl, r_en), number(m_nl, m_en)]
                                   for rule, status, level, r_nl, r_en, m_nl, m_en in kept]])
    shared: dict[str, list[str]] = {}
    for entry in entries.values():
        named = []
        for text in entry["texts"]:
            name = text_key(*text)
            shared[name] = text
            named.append(name)
        entry["texts"] = named
    cache.put_many(_TEXTS, shared)  # before the entries that name them
    cache.put_many(_FILES, entries)


def text_key(nl: str, en: str) -> str:
    """The name of a text in the cache: its digest (128 bits, so that no descriptor's words can be made to stand for
    another text)."""
    return cache.key(_TEXTS, nl, en)[:32]


def _shared_texts(entries: Any, texts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """texts, with every text the entries name that it lacks read from the cache. A text is taken only when its
    digest is its name; an entry that names a text not found is read afresh (_restore)."""
    wanted = {name for entry in entries if isinstance(entry, dict) and isinstance(entry.get("texts"), list)
              for name in entry["texts"] if isinstance(name, str) and name not in texts}
    for name, text in cache.get_many(_TEXTS, sorted(wanted)).items():
        if (isinstance(text, list) and len(text) == 2 and all(isinstance(t, str) for t in text)
                and text_key(*text) == name):
            texts[name] = (text[0], text[1])
    return texts


class _Texts:
    """An entry's texts, each once: the index of a text, -1 for none (a pass's message is its rule's title)."""

    def __init__(self, texts: list[list[str]]) -> None:
        self.texts = texts
        self.known: dict[tuple[str, str], int] = {}

    def __call__(self, nl: str | None, en: str | None) -> int:
        if nl is None or en is None:
            return -1
        found = self.known.get((nl, en))
        if found is None:
            found = self.known[(nl, en)] = len(self.texts)
            self.texts.append([nl, en])
        return found


class _Shared:
    """One tuple for equal paths and equal spans in the services' source maps: a portfolio's projections repeat the
    same paths (and, of similar descriptors, the same places) thousands of times, and kept apart they were most of
    a large run's memory (about 28 KB a service)."""

    def __init__(self) -> None:
        self.known: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def __call__(self, value: Any) -> tuple[Any, ...]:
        value = tuple(value)
        return self.known.setdefault(value, value)

    def source_map(self, pairs: Any) -> Any:
        """A source map (path -> span, or key position) of shared tuples, as a SourceMap when it is small."""
        known = self.known
        if isinstance(pairs, Mapping) and len(pairs) <= SourceMap.LARGEST:  # a worker's projection: tuples
            keys = tuple(pairs)
            shared = known.get(keys)  # services of one shape: their paths found once, not each path of each
            if shared is None:
                shared = known[keys] = tuple([self(path) for path in keys])
            return SourceMap(shared, tuple([known.setdefault(value, value) if type(value) is tuple else self(value)
                                            for value in pairs.values()]))
        paths: list[tuple[Any, ...]] = []
        values: list[tuple[Any, ...]] = []
        for path, value in pairs.items() if isinstance(pairs, Mapping) else pairs:
            paths.append(self(path))
            values.append(self(value))
        if len(paths) > SourceMap.LARGEST:
            return dict(zip(paths, values))
        return SourceMap(self(paths), tuple(values))

    def service(self, service: Service) -> Service:
        document = service.document
        return Service(service.config, Document(document.file, document.index, document.data,
                                                self.source_map(document.spans), self.source_map(document.keys)),
                       service.organisation)


class SourceMap(Mapping[tuple[Any, ...], Any]):
    """A small source map as two tuples, its paths (services of the same shape share them) and their values, looked
    up by scanning: a portfolio projection's map is looked up a few times (its root, a portfolio rule's failure),
    and as a dict of its 30 to 40 paths it cost about 1.5 KB a service, kept for every service of the run."""

    LARGEST = 256  # a larger map stays a dict (a whole descriptor kept for a view, looked up often)
    __slots__ = ("_paths", "_values")

    def __init__(self, paths: tuple[tuple[Any, ...], ...], values: tuple[Any, ...]) -> None:
        self._paths = paths
        self._values = values

    def __getitem__(self, path: Any) -> Any:
        try:
            return self._values[self._paths.index(path)]
        except ValueError:
            raise KeyError(path) from None

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


_SHARED = _Shared()


def _restore(entry: dict[str, Any], name: str, config: Config, shared_texts: dict[str, tuple[str, str]],
             strings: dict[str, str] | None = None) -> tuple[list[Service], list[Finding], list[Row], list[Row]] | None:
    shared = _SHARED
    try:
        services = [Service(config, Document(name, index, data if strings is None else _interned(data, strings),
                                             shared.source_map(spans), shared.source_map(keys)), organisation)
                    for index, data, spans, keys, organisation in entry["services"]]
        errors = [_error_from_json(e) for e in entry["errors"]]
        # -1: no message of its own (a pass says the title); a text not found (KeyError): the entry is read afresh
        texts: list[tuple[str | None, str | None]] = [shared_texts[t] for t in entry["texts"]] + [(None, None)]
        rows = [(rule, status, level, *texts[reason], *texts[message], name, document, line, column, end_line, end_column,
                 json_path, service, evidence, params)
                for rule, status, level, reason, message, document, line, column, end_line, end_column, json_path, service,
                evidence, params in entry["rows"]]
        verdicts = [(service, name, document, line, column, end_line, end_column, json_path,
                     [(rule, status, level, *texts[reason], *texts[message]) for rule, status, level, reason, message in kept])
                    for service, document, line, column, end_line, end_column, json_path, kept in entry["verdicts"]]
        # join_rows writes failures as rows and only passes and not-applicable verdicts in a service's verdict row:
        # an entry saying otherwise was altered, and a failure must never be counted as a verdict that cannot gate
        if any(row[1] != "fail" for row in rows) or any(v[1] not in _COMPACT_VALUES for row in verdicts for v in row[8]):
            return None
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # a damaged entry is read afresh, never trusted half
    return services, errors, rows, verdicts


_COMPACT_VALUES = tuple(status.value for status in COMPACT)


def _error_json(error: Finding) -> dict[str, Any]:
    loc = error.location
    return {"rule_id": error.rule_id, "status": error.status.value, "severity": error.severity.value,
            "enforcement": error.enforcement.value, "reason": error.enforcement_reason.to_json(),
            "message": error.message.to_json(), "service": error.service,
            "location": [loc.file, loc.document, loc.line, loc.column, loc.end_line, loc.end_column, list(loc.json_path)]}


def _error_from_json(data: dict[str, Any]) -> Finding:
    file, document, line, column, end_line, end_column, path = data["location"]
    return Finding(rule_id=data["rule_id"], status=Status(data["status"]), severity=Severity(data["severity"]),
                   enforcement=Enforcement(data["enforcement"]), enforcement_reason=Text(**data["reason"]),
                   message=Text(**data["message"]), service=data["service"],
                   location=Location(file, document, line, column, end_line, end_column, tuple(path)))


def evaluate_cached(engine: Engine, bundle: PolicyBundle, options: Options, config: Config, rules: list[Rule],
                    services: list[dict[str, Any]], reference: dict[str, list[str]], per_service: bool = True) -> RawReport:
    """The engine's answer, evaluated only for what the cache does not hold yet (embedded engine; an OPA server is
    asked every time). A per-service rule's answer for a service depends on the policies, the settings, the
    organisation profile, the reference date and that descriptor only, so each service is a unit of the cache;
    portfolio rules look at every service, so the whole portfolio is one unit."""
    if options.engine != "embedded" or cache.directory() is None:  # no cache: no key worth computing (code digest)
        return engine.evaluate(bundle, input_document(options, config, rules, services, reference))
    units = [[service] for service in services] if per_service else [services]
    context = cache.key(_code_digest(), bundle.revision, json.dumps(input_document(options, config, rules, [], reference), sort_keys=True))
    keys = [cache.key(context, json.dumps(unit, sort_keys=True, ensure_ascii=False)) for unit in units]
    known = cache.get_many(_CACHE, keys)
    missing = [i for i, key in enumerate(keys) if key not in known]
    if missing:
        # one evaluation of every missing unit together; its service indexes split back into the units'
        owner = [(i, local) for i in missing for local in range(len(units[i]))]
        raw = engine.evaluate(bundle, input_document(options, config, rules, [s for i in missing for s in units[i]], reference))
        lacking = [r.id for r in rules if r.package not in raw.subjects]
        if lacking:
            raise PolicyError(message("join.no_subjects", rule=lacking[0]))
        fresh: dict[int, dict[str, Any]] = {i: {"violations": [], "subjects": {}} for i in missing}
        for violation in raw.violations:
            # a violation of no service (index -1: infrastructure no descriptor covers) keeps its index
            unit, local = owner[violation["service"]] if violation["service"] >= 0 else (missing[0], violation["service"])
            fresh[unit]["violations"].append({**violation, "service": local})
        for rule, indexes in raw.subjects.items():
            for j in indexes:
                unit, local = owner[j]
                fresh[unit]["subjects"].setdefault(rule, []).append(local)
        cache.put_many(_CACHE, {keys[i]: fresh[i] for i in missing})
        known.update({keys[i]: fresh[i] for i in missing})
    violations: list[dict[str, Any]] = []
    subjects: dict[str, list[int]] = {r.package: [] for r in rules}
    offset = 0
    for unit, key in zip(units, keys):
        violations += [{**v, "service": offset + v["service"] if v["service"] >= 0 else v["service"]}
                       for v in known[key]["violations"]]
        for rule, indexes in known[key]["subjects"].items():
            subjects.setdefault(rule, []).extend(offset + j for j in indexes)
        offset += len(unit)
    return RawReport(violations, subjects)


_CACHE = "evaluated"  # a unit's answer: violations and subjects by rule, service indexes within the unit


# what the checker itself reads of a projection: its id (locations), schema version, and the status that gives its
# stage (join.stage_of)
_ALWAYS = ("id", "schema_version", "service.status")

# the fields to keep as a tree: a step to the fields below it, or True for all of it
_Tree = dict[Any, "_Tree | bool"]  # keyed by field names: a list index (an int) is never found


def _tree(fields: list[str]) -> _Tree:
    """The portfolio fields (a top-level field, or a dotted path into one) and _ALWAYS as a tree; a field kept whole
    holds every path below it."""
    tree: _Tree = {}
    for field in sorted([*fields, *_ALWAYS], key=lambda f: f.count(".")):
        node: _Tree | bool = tree
        *parents, last = field.split(".")
        for step in parents:
            assert isinstance(node, dict)
            node = node.setdefault(step, {})
            if node is True:
                break
        else:
            assert isinstance(node, dict)
            node[last] = True
    return tree


def _inside(path: tuple[Any, ...], tree: _Tree | bool) -> bool:
    """Whether a source map's path is kept: within a kept field, or on the way to one (a missing field is located
    at its nearest parent, as in the whole descriptor)."""
    node: _Tree | bool = tree
    for step in path:
        if node is True:
            return True
        assert isinstance(node, dict)
        found = node.get(step)
        if found is None:
            return False
        node = found
    return True


def _picked(value: Any, node: _Tree | bool, texts: dict[str, str]) -> Any:
    """The part of a descriptor's value the tree keeps, its strings shared (_interned)."""
    if node is True or type(value) is not dict:
        return _interned(value, texts)
    assert isinstance(node, dict)
    return {texts.setdefault(k, k): _picked(v, node[k], texts) for k, v in value.items() if k in node}


class _Inside(dict[tuple[Any, ...], bool]):
    """_inside(path, tree) of each path looked up, decided once (a chunk's descriptors repeat the same paths)."""

    def __init__(self, tree: _Tree) -> None:
        super().__init__()
        self.tree = tree

    def __missing__(self, path: tuple[Any, ...]) -> bool:
        inside = self[path] = _inside(path, self.tree)
        return inside


def _project(service: Service, tree: _Tree, texts: dict[str, str] | None = None, inside: _Inside | None = None) -> Service:
    """The service with only the fields portfolio rules read (_tree); its strings one object per equal value among
    the projections sharing `texts` (a chunk's: sent to the parent once each). inside: _inside for tree, shared by
    the chunk's projections."""
    document = service.document
    texts = {} if texts is None else texts
    inside = _Inside(tree) if inside is None else inside
    data = _picked(document.data, tree, texts)
    # most paths are out at their first step, without a call; those into a field kept in part, looked up
    spans = {p: span for p, span in document.spans.items()
             if not p or (node := tree.get(p[0])) is True or (node is not None and inside[p])}
    keys = {p: key for p, key in document.keys.items()
            if p and ((node := tree.get(p[0])) is True or (node is not None and inside[p]))}
    return Service(service.config, Document(document.file, document.index, data, spans, keys), service.organisation)


def _interned(value: Any, texts: dict[str, str]) -> Any:
    """A copy of a descriptor's value with one string object per equal string: the parser gives each occurrence its
    own (each document its own keys), so a portfolio's projections held tens of copies of the same words."""
    kind = type(value)
    if kind is str:
        return texts.setdefault(value, value)
    if kind is dict:
        return {texts.setdefault(k, k) if type(k) is str else k: _interned(v, texts) for k, v in value.items()}
    if kind is list:
        return [_interned(v, texts) for v in value]
    return value
