"""Benchmark harness: whole processes, as a user runs them. Not part of the test suite.

    python3 benchmarks/run.py                 # 1, 1,000 and 10,000 descriptors
    python3 benchmarks/run.py --full          # also 100,000
    python3 benchmarks/run.py --sizes 1 1000  # chosen sizes

For each size it generates seeded, realistic descriptors (every field group filled, mixed organisation
types, one file each), then measures wall time, CPU time, and the peak memory of all the processes of a run
together (the proportional set size of the process and its workers, sampled) of: `cloudbeleid check` with the
embedded engine (cache off; warm with nothing changed, served by the run's cache; warm with the run's cache off,
served by the per-file entries; warm with one descriptor changed), with the OPA engine, and `opa eval` of the same
policies on the same input as the reference, in the same run, so that each comparison is a ratio of two measurements made under the
same load. It then measures what each rule costs the embedded engine and what each stage of a worker's chunk
costs (in-process), checks the issue's targets, and writes
benchmarks/results.md with the machine it ran on and its load.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.descriptor_gen import Generator  # noqa: E402

CONFIG = "organisation: {name: Ministerie van Benchmarkzaken, type: ministerie, cloud_policy_ref: CB-2025}\n"
TIME = Path("/usr/bin/time").exists()
AS_OF = "2026-11-28"


def generate(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".cloudbeleid.yaml").write_text(CONFIG)
    generator = Generator(seed=20261128, optional=1.0)
    types = ["ministerie", "agentschap", "zbo", "rijksdienst_overig"]
    for i in range(count):
        descriptor = generator.descriptor(i)
        descriptor["organisation"] = {"type": types[i % len(types)]} | ({"kaderwet_zbo_applies": True} if i % 4 == 2 else {})
        (folder / f"service-{i:06}.cloud.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=1))


def _tree(pid: int) -> list[int]:
    """The process and every descendant, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages a forked worker shares with its parent count once between them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def touch_one(folder: Path, edits: Iterator[int]) -> None:
    """One descriptor changed (its service's name, with the next edit's number), as a commit that edits one file does."""
    edit = next(edits)
    path = folder / "service-000000.cloud.json"
    descriptor = json.loads(path.read_text())
    descriptor["service"]["name"] = f"{descriptor['service']['name'].split(' #')[0]} #{edit}"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=1))


def measure(command: list[str], env: dict[str, str], cwd: Path, prepare: Callable[[], None] = lambda: None) -> dict[str, float]:
    """Wall time, user+system CPU time (children included) and the peak memory of all processes of the run together
    (prepare: what to do before, not measured)."""
    prepare()
    if TIME:
        command = ["/usr/bin/time", "-f", "%e %U %S %M", *command]
    environment = {**os.environ, **env}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed checker has its bytecode compiled
    peak = 0
    tree = os.path.isdir("/proc")
    with tempfile.TemporaryFile("w+") as errors:  # a pipe would fill up while the run is sampled, and block it
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=errors, text=True)
        while tree and process.poll() is None:
            peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
            time.sleep(0.05)
        process.wait()
        wall = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read()
    if process.returncode not in (0, 1, 2):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr[-2000:]}")
    if TIME:
        elapsed, user, system, largest = stderr.strip().splitlines()[-1].split()
        return {"wall": float(elapsed), "cpu": float(user) + float(system), "peak_mb": max(peak, int(largest)) / 1024}
    return {"wall": wall, "cpu": float("nan"), "peak_mb": peak / 1024 if peak else float("nan")}


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def opa_input(folder: Path) -> Path:
    """The same evaluation input the checker builds, for `opa eval` as the reference."""
    from checker.catalog import load_catalog
    from checker.config import load_config

    catalog = load_catalog()
    config = load_config(folder / ".cloudbeleid.yaml")
    services = [json.loads(p.read_text()) for p in sorted(folder.glob("*.cloud.json"))]
    document = {"as_of": AS_OF, "organisation": config.organisation,
                "settings": config.settings(catalog.in_packs(catalog.default_packs())), "services": services}
    path = folder.parent / f"{folder.name}-input.json"
    path.write_text(json.dumps(document))
    return path


def rule_costs(folder: Path, count: int = 200) -> list[tuple[str, float]]:
    """What each rule costs the embedded engine: milliseconds per service of evaluating that rule alone over
    `count` descriptors (best of three; the input's parsing included), and of all per-service rules together."""
    from checker.catalog import load_catalog
    from checker.config import load_config
    from checker.engine.embedded import EmbeddedEngine
    from checker.policies import load_bundle

    catalog = load_catalog()
    config = load_config(folder / ".cloudbeleid.yaml")
    services = [json.loads(p.read_text()) for p in sorted(folder.glob("*.cloud.json"))[:count]]
    rules = [r for r in catalog.in_packs(catalog.default_packs()) if not r.portfolio]
    bundle = load_bundle()
    engine = EmbeddedEngine()

    def cost(selected: list) -> float:
        document = {"as_of": AS_OF, "organisation": config.organisation, "settings": config.settings(selected), "services": services}
        engine.evaluate(bundle, document)  # the entrypoint is generated and compiled on first use
        times = []
        for _ in range(3):
            started = time.perf_counter()
            engine.evaluate(bundle, document)
            times.append(time.perf_counter() - started)
        return min(times) * 1000 / len(services)

    everything = cost(rules)
    costs = [(rule.id, cost([rule])) for rule in rules]
    return [("all per-service rules together", everything), *sorted(costs, key=lambda c: -c[1])]


def stage_costs(folder: Path, count: int = 200) -> list[tuple[str, float]]:
    """What each stage of a worker's chunk costs (milliseconds of CPU per descriptor, in-process, the cache off):
    reading with locations, the schemas, the infrastructure step, evaluation (the engine's input and answer
    included), the join into the rows a worker sends back, and a whole chunk as a worker does it (_process_chunk,
    the projection and pickling its answer included). The median of three rounds, each over `count` descriptors
    not seen before (a worker never reads a file twice: repeating the same files would time warm caches)."""
    before = os.environ.get("CLOUDBELEID_NO_CACHE")
    os.environ["CLOUDBELEID_NO_CACHE"] = "1"  # else the second of three evaluations is the cache's answer
    try:
        return _stage_costs(folder, count)
    finally:
        if before is None:
            del os.environ["CLOUDBELEID_NO_CACHE"]
        else:
            os.environ["CLOUDBELEID_NO_CACHE"] = before


def _stage_costs(folder: Path, count: int) -> list[tuple[str, float]]:
    import pickle

    from checker import infra
    from checker.catalog import load_catalog
    from checker.config import ConfigFinder
    from checker.engine import create_engine
    from checker.loader import load_bytes
    from checker.pipeline import Options
    from checker.pipeline.collect import services_of
    from checker.pipeline.discover import display_path, find, references
    from checker.pipeline.join import join_rows
    from checker.pipeline.run import CHUNK_FILES, _process_chunk, enabled_rules, evaluate_cached, packs_for
    from checker.policies import load_bundle, policy_roots

    options = Options(paths=(folder,), as_of=AS_OF)
    found = find([folder], ConfigFinder(None))
    every = list(found.files)
    config = found.configs[display_path(every[0])]
    roots = policy_roots(())
    catalog, bundle = load_catalog(roots), load_bundle(roots)
    reference = references(found.configs, bundle)[config.path][0]
    rules = enabled_rules(catalog, packs_for(config, catalog), roots)
    per_service = [r for r in rules if not r.portfolio]
    fields = sorted({f for r in rules if r.portfolio for f in r.portfolio_fields})
    engine = create_engine("embedded")
    rounds = min(3, len(every) // (2 * count))  # each round its own files for the stages, and others for the chunk
    evaluate_cached(engine, bundle, options, config, per_service, [json.loads(every[0].read_bytes())], reference)  # compiled once
    results: list[list[float]] = []
    for number in range(rounds):
        files = every[2 * number * count:(2 * number + 1) * count]
        chunk_files = every[(2 * number + 1) * count:(2 * number + 2) * count]
        raws = [(path.read_bytes(), display_path(path)) for path in files]
        chunks = [range(i, min(i + CHUNK_FILES, len(files))) for i in range(0, len(files), CHUNK_FILES)]

        def timed(work: Any) -> tuple[Any, float]:
            started = time.process_time()
            result = work()
            return result, (time.process_time() - started) * 1000 / count

        loaded, reading = timed(lambda: [load_bytes(raw, name, config.limits) for raw, name in raws])
        services, validating = timed(lambda: [s for (_, name), one in zip(raws, loaded) for s in services_of(one, name, config)[0]])
        _, attaching = timed(lambda: [infra.attach([services[i] for i in chunk], config) for chunk in chunks])
        documents = [s.document.data for s in services]
        answers, evaluating = timed(lambda: [evaluate_cached(engine, bundle, options, config, per_service, [documents[i] for i in chunk], reference)
                                             for chunk in chunks])
        _, joining = timed(lambda: [join_rows(per_service, [services[i] for i in chunk], raw, options.as_of, options.stage)
                                    for chunk, raw in zip(chunks, answers)])
        jobs = [(chunk_files[i:i + CHUNK_FILES], config, per_service, fields, roots, options, reference)
                for i in range(0, len(chunk_files), CHUNK_FILES)]
        _, whole = timed(lambda: [pickle.dumps(_process_chunk(job, engine, bundle), protocol=pickle.HIGHEST_PROTOCOL) for job in jobs])
        results.append([reading, validating, attaching, evaluating, joining, whole])
    medians = [statistics.median(column) for column in zip(*results)]
    return [("read with locations (loader)", medians[0]), ("schemas (collect)", medians[1]),
            ("infrastructure (infra.attach)", medians[2]), ("evaluate (input, regorus, answer)", medians[3]),
            ("join (rows sent back)", medians[4]), ("a whole chunk as a worker does it (_process_chunk, pickled)", medians[5])]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = ""
    if Path("/proc/meminfo").exists():
        total = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
        memory = f", {total} GiB"
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def targets(rows: list[tuple[int, str, dict[str, float]]], sizes: dict[int, float]) -> list[tuple[str, str, bool | None]]:
    """The issue's targets, each with what was measured and whether it holds (None: not measured in this run)."""
    got = {(size, name): result for size, name, result in rows}

    def value(size: int, name: str, key: str) -> float | None:
        return got[(size, name)][key] if (size, name) in got else None

    checks: list[tuple[str, str, bool | None]] = []
    cold1, warm1 = value(1, COLD, "wall"), value(1, WARM, "wall")
    if cold1 is not None and warm1 is not None:
        checks.append(("1: one new descriptor, no cache, <= 0.25 s wall (median)", f"{cold1:.2f} s", cold1 <= 0.25))
        checks.append(("1: one descriptor, warm cache, <= 0.15 s wall (median)", f"{warm1:.2f} s", warm1 <= 0.15))
    cold, reference = value(10000, COLD, "wall"), value(10000, OPA_EVAL, "wall")
    if cold is not None and reference is not None:
        checks.append(("2: 10,000, cache off, faster than opa eval (ratio < 1)", f"{cold / reference:.2f} ({cold:.1f} s / {reference:.1f} s)", cold < reference))
        cold_cpu, reference_cpu = value(10000, COLD, "cpu"), value(10000, OPA_EVAL, "cpu")
        if cold_cpu and reference_cpu:
            checks.append(("2: the same in CPU time (less sensitive to the machine's load)",
                           f"{cold_cpu / reference_cpu:.2f} ({cold_cpu:.1f} s / {reference_cpu:.1f} s)", cold_cpu < reference_cpu))
    warm = value(10000, WARM, "wall")
    if warm is not None:
        checks.append(("3: 10,000, nothing changed, <= 5 s wall", f"{warm:.1f} s", warm <= 5))
    peak = max((value(10000, name, "peak_mb") or 0 for name in (COLD, WARM, WARM_FILES, ONE_CHANGED)), default=0)
    if peak:
        checks.append(("4: 10,000, peak memory of all processes <= 400 MB", f"{peak:.0f} MB", peak <= 400))
    big = value(100000, COLD, "peak_mb")
    if big is not None and value(10000, COLD, "peak_mb"):
        small = value(10000, COLD, "peak_mb") or 1
        checks.append(("4: 100,000 finish, peak memory not growing with the services (at most 1.5 times 10,000's)",
                       f"{big:.0f} MB ({big / small:.1f} times)", big <= 1.5 * small))
    if 10000 in sizes:
        checks.append(("5: JSON report of 10,000 services <= 60 MB", f"{sizes[10000]:.0f} MB", sizes[10000] <= 60))
    return checks


def row(size: int, name: str, result: dict[str, float], reference: dict[str, float] | None, report: float | None) -> str:
    wall = f"{result['wall'] / reference['wall']:.2f}" if reference else ""
    cpu = f"{result['cpu'] / reference['cpu']:.2f}" if reference and reference["cpu"] else ""
    return (f"| {size:,} | {name} | {result['wall']:.2f} | {result['cpu']:.2f} | {result['peak_mb']:.0f} | {wall} | {cpu} | "
            f"{'' if report is None else f'{report:.1f}'} |")


COLD, WARM, OPA_ENGINE, OPA_EVAL = "embedded, cache off", "embedded, warm cache", "OPA engine (managed server)", "opa eval (reference)"
WARM_FILES = "embedded, warm cache, run cache off (per-file entries)"
ONE_CHANGED = "embedded, warm cache, one descriptor changed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000, 10000])
    parser.add_argument("--full", action="store_true", help="also 100,000 descriptors")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case of up to 1,000 descriptors (median); one descriptor: 7")
    parser.add_argument("--no-opa-engine", action="store_true", help="leave out the OPA engine case (it takes longest)")
    parser.add_argument("--rules", type=int, default=200, help="descriptors for the cost per rule and per stage (0: leave them out)")
    parser.add_argument("--opa", default=os.environ.get("OPA_PATH") or str(ROOT / ".tools/bin/opa"))
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks/results.md")
    args = parser.parse_args()
    sizes = args.sizes + ([100000] if args.full and 100000 not in args.sizes else [])
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "checker")], check=False, capture_output=True)
    cli = [sys.executable, "-m", "checker"]
    rows: list[tuple[int, str, dict[str, float]]] = []
    report_mb: dict[int, float] = {}
    costs: list[tuple[str, float]] = []
    stages: list[tuple[str, float]] = []
    loads = [load()]
    with tempfile.TemporaryDirectory(prefix="cloudbeleid-bench-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        for size in sizes:
            folder = work / f"n{size}"
            generate(folder, size)
            repeat = 7 if size == 1 else args.repeat if size <= 1000 else 1
            output = work / "out.json"
            check = [*cli, "check", str(folder), "--as-of", AS_OF, "--format", "json", "--output", str(output)]
            warm_env = {"CLOUDBELEID_CACHE_DIR": str(cache)}
            cases = [(COLD, check, {"CLOUDBELEID_NO_CACHE": "1"}), (WARM, check, warm_env)]
            if size > 1:  # the per-file cache on its own, and a run in which one descriptor changed
                cases += [(WARM_FILES, check, {**warm_env, "CLOUDBELEID_NO_RUN_CACHE": "1"}), (ONE_CHANGED, check, warm_env)]
            if Path(args.opa).exists():
                if not args.no_opa_engine and size <= 10000:
                    cases.append((OPA_ENGINE, [*check, "--engine", "opa", "--opa-path", args.opa], {"CLOUDBELEID_NO_CACHE": "1"}))
            if Path(args.opa).exists() and size <= 10000:  # opa eval of 10,000 takes 2.3 GB: 100,000 would not fit
                reference = opa_input(folder)
                cases.append((OPA_EVAL, [args.opa, "eval", "--data", str(ROOT / "policies"), "--ignore", "*_test.rego",
                                         "--input", str(reference), "--format", "json", "data.cloudbeleid.main.report"], {}))
            for name, command, env in cases:
                if name in (WARM, WARM_FILES):
                    measure(command, env, work)  # fill the cache
                edits = iter(range(1, repeat + 1))
                prepare = functools.partial(touch_one, folder, edits) if name == ONE_CHANGED else (lambda: None)
                result = median([measure(command, env, work, prepare) for _ in range(repeat)])
                if name == COLD:
                    report_mb[size] = output.stat().st_size / 1024 / 1024
                rows.append((size, name, result))
                print(f"{size:>7} {name:<30} {result['wall']:7.2f} s wall {result['cpu']:7.2f} s cpu {result['peak_mb']:7.0f} MB", flush=True)
            if args.rules and size >= args.rules and not costs:
                costs = rule_costs(folder, args.rules)
            if args.rules and size >= 6 * args.rules and not stages:  # three rounds of files not read before
                stages = stage_costs(folder, args.rules)
            shutil.rmtree(folder)
            shutil.rmtree(cache, ignore_errors=True)
            loads.append(load())
    reference = {size: result for size, name, result in rows if name == OPA_EVAL}
    checks = targets(rows, report_mb)
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. Run: `python3 benchmarks/run.py {' '.join(sys.argv[1:])}`".rstrip() + ".",
        f"Load average (1, 5, 15 min) before the run and after each size: {'; '.join(loads)}.",
        "",
        "| descriptors | what | wall s | CPU s | peak MB (all processes) | wall / opa eval | CPU / opa eval | JSON report MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
        *[row(size, name, r, reference.get(size), report_mb.get(size) if name == COLD else None) for size, name, r in rows],
        "",
        "## Targets (issue 16)",
        "",
        "| target | measured | holds |",
        "|---|---|---|",
        *[f"| {what} | {measured} | {'yes' if holds else 'no'} |" for what, measured, holds in checks],
        "",
    ]
    if stages:
        lines += [
            f"## Cost per stage (a worker's chunk, in-process, cache off, median of three rounds of {args.rules} descriptors not read before, ms CPU per descriptor)",
            "",
            "| stage | ms per descriptor |",
            "|---|---:|",
            *[f"| {stage} | {ms:.3f} |" for stage, ms in stages[:-1]],
            f"| the stages above together | {sum(ms for _, ms in stages[:-1]):.3f} |",
            f"| {stages[-1][0]} | {stages[-1][1]:.3f} |",
            "",
        ]
    if costs:
        lines += [
            f"## Cost per rule (embedded engine, {args.rules} descriptors, ms per service, each rule evaluated alone)",
            "",
            "| rule | ms per service |",
            "|---|---:|",
            *[f"| {rule} | {ms:.3f} |" for rule, ms in costs],
            "",
        ]
    args.output.write_text("\n".join(lines))
    print("\n".join(lines[lines.index("## Targets (issue 16)"):]))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
