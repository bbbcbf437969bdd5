"""Benchmark harness: whole processes, as a user runs them. Not part of the test suite.

    python3 benchmarks/run.py                 # 1, 1,000 and 10,000 descriptors
    python3 benchmarks/run.py --full          # also 100,000
    python3 benchmarks/run.py --sizes 1 1000  # chosen sizes

For each size it generates seeded, realistic descriptors (every field group filled, mixed organisation
types, one file each), then measures wall time, CPU time and peak memory of: `cloudbeleid check` with the
embedded engine (cache off, then warm), with the OPA engine, and `opa eval` of the same policies on the
same input as the reference. It writes benchmarks/results.md with the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.descriptor_gen import Generator  # noqa: E402

CONFIG = "organisation: {name: Ministerie van Benchmarkzaken, type: ministerie, cloud_policy_ref: CB-2025}\n"
TIME = shutil.which("time") and Path("/usr/bin/time").exists()


def generate(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".cloudbeleid.yaml").write_text(CONFIG)
    generator = Generator(seed=20261128, optional=1.0)
    types = ["ministerie", "agentschap", "zbo", "rijksdienst_overig"]
    for i in range(count):
        descriptor = generator.descriptor(i)
        descriptor["organisation"] = {"type": types[i % len(types)]} | ({"kaderwet_zbo_applies": True} if i % 4 == 2 else {})
        (folder / f"service-{i:06}.cloud.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=1))


def measure(command: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Wall time, user+system CPU time and peak resident memory of one process (and its children)."""
    if TIME:
        command = ["/usr/bin/time", "-f", "%e %U %S %M", *command]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode not in (0, 1, 2):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    if TIME:
        elapsed, user, system, peak = result.stderr.strip().splitlines()[-1].split()
        return {"wall": float(elapsed), "cpu": float(user) + float(system), "peak_mb": int(peak) / 1024}
    return {"wall": wall, "cpu": float("nan"), "peak_mb": float("nan")}


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def opa_input(folder: Path, as_of: str) -> Path:
    """The same evaluation input the checker builds, for `opa eval` as the reference."""
    from checker.catalog import load_catalog
    from checker.config import load_config

    catalog = load_catalog()
    config = load_config(folder / ".cloudbeleid.yaml")
    services = [json.loads(p.read_text()) for p in sorted(folder.glob("*.cloud.json"))]
    document = {"as_of": as_of, "organisation": config.organisation,
                "settings": config.settings(catalog.in_packs(catalog.default_packs())), "services": services}
    path = folder.parent / f"{folder.name}-input.json"
    path.write_text(json.dumps(document))
    return path


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = ""
    if Path("/proc/meminfo").exists():
        total = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
        memory = f", {total} GiB"
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000, 10000])
    parser.add_argument("--full", action="store_true", help="also 100,000 descriptors")
    parser.add_argument("--repeat", type=int, default=3, help="runs per small case (median)")
    parser.add_argument("--opa", default=os.environ.get("OPA_PATH") or str(ROOT / ".tools/bin/opa"))
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks/results.md")
    args = parser.parse_args()
    sizes = args.sizes + ([100000] if args.full else [])
    cli = [sys.executable, "-m", "checker"]
    as_of = "2026-11-28"
    rows = []
    with tempfile.TemporaryDirectory(prefix="cloudbeleid-bench-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        for size in sizes:
            folder = work / f"n{size}"
            generate(folder, size)
            repeat = args.repeat if size <= 1000 else 1
            check = [*cli, "check", str(folder), "--as-of", as_of, "--format", "json", "--output", str(work / "out.json")]
            cases = [
                ("embedded, cache off", check, {"CLOUDBELEID_NO_CACHE": "1"}),
                ("embedded, warm cache", check, {"CLOUDBELEID_CACHE_DIR": str(cache)}),
            ]
            if Path(args.opa).exists():
                cases.append(("OPA engine (managed server)", [*check, "--engine", "opa", "--opa-path", args.opa], {"CLOUDBELEID_NO_CACHE": "1"}))
                reference = opa_input(folder, as_of)
                cases.append(("opa eval (reference)", [args.opa, "eval", "--data", str(ROOT / "policies"), "--ignore", "*_test.rego",
                                                       "--input", str(reference), "--format", "json", "data.cloudbeleid.main.report"], {}))
            for name, command, env in cases:
                if name == "embedded, warm cache":
                    measure(command, env, work)  # fill the cache
                result = median([measure(command, env, work) for _ in range(repeat)])
                rows.append((size, name, result))
                print(f"{size:>7} {name:<30} {result['wall']:7.2f} s wall {result['cpu']:7.2f} s cpu {result['peak_mb']:7.0f} MB", flush=True)
            shutil.rmtree(folder)
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. Run: `python3 benchmarks/run.py {' '.join(sys.argv[1:])}`".rstrip() + ".",
        "",
        "| descriptors | what | wall s | CPU s | peak MB |",
        "|---:|---|---:|---:|---:|",
        *[f"| {size:,} | {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['peak_mb']:.0f} |" for size, name, r in rows],
        "",
    ]
    args.output.write_text("\n".join(lines))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
