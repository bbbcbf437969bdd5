"""A large run's failures on disk (checker/spool.py) and its portfolio rules evaluated in a forked child
(pipeline.run._forked): the same report, every field and every byte of every format, as a run that holds its
findings and evaluates in its own process; the gate's proof, counts and exit code from the spooled rows."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import evaluate
from checker.errors import EngineError
from checker.evaluate import run
from checker.gate import exit_code
from checker.model import Spooled, Status
from checker.pipeline import Options
from checker.pipeline import run as pipeline_run
from checker.pipeline.join import Expander
from checker.reporters import renderer
from checker.spool import Spool
from tests.conftest import AS_OF
from tests.descriptor_gen import Generator

CONFIG = "organisation: {name: Ministerie van Spoolzaken, type: ministerie, cloud_policy_ref: CB-2025}\n"
ZBO = "organisation: {name: Stichting Spool, type: zbo, kaderwet_zbo_applies: true, cloud_policy_ref: CB-2025}\n"


def _portfolio(folder: Path, count: int = 24) -> Path:
    """Generated descriptors in two configurations whose files interleave in report order, a duplicate id, a file
    that cannot be read, and most services at one provider (the concentration rule fails them)."""
    folder.mkdir()
    (folder / ".cloudbeleid.yaml").write_text(CONFIG)
    (folder / "b").mkdir()
    (folder / "b" / ".cloudbeleid.yaml").write_text(ZBO)
    generator = Generator(seed=20261204, optional=1.0)
    for i in range(count):
        descriptor = generator.descriptor(i)
        if i % 3:
            descriptor["provider"]["name"] = "Acme Cloud"
            descriptor["service"]["materieel"] = True
            descriptor["service"]["deployment_model"] = "public"
        if i == 7:
            descriptor["id"] = "svc-3"  # a duplicate of an earlier service's id
        where = folder / "b" if i % 8 == 1 else folder
        (where / f"service-{i:03}.cloud.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=1))
    (folder / "service-broken.cloud.yaml").write_text("id: [unclosed\n")
    return folder


def _runs(monkeypatch: pytest.MonkeyPatch, options: Options) -> tuple[evaluate.Run, evaluate.Run]:
    """The run as a small one makes it (findings held, everything in process), then as a large one: failures
    spooled, the per-service rules over worker processes, the portfolio rules in a forked child."""
    monkeypatch.setattr(evaluate, "SPOOL_FROM", 10**9)
    monkeypatch.setattr(pipeline_run, "PARALLEL_FROM", 10**9)
    held = run(options)
    monkeypatch.setattr(evaluate, "SPOOL_FROM", 1)
    monkeypatch.setattr(pipeline_run, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pipeline_run, "CHUNK_FILES", 5)  # several chunks, each its own part of the spool
    spooled = run(options)
    return held, spooled


def test_a_spooled_run_reports_what_a_held_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    options = Options(paths=(_portfolio(tmp_path / "portfolio"),), as_of=AS_OF)
    held, spooled = _runs(monkeypatch, options)
    report = spooled.report
    assert isinstance(report.detailed, Spooled) and not isinstance(held.report.detailed, Spooled)
    assert report.detailed.spool.count > 100 and report.detailed.spool.mark() > 3  # the failures were on disk
    statuses = {f.status for f in report.findings}
    assert {Status.FAIL, Status.PASS, Status.ERROR} <= statuses
    assert any(f.rule_id == "KAMER25-MARKET-CONCENTRATION" and f.status is Status.FAIL for f in report.findings)
    assert report.findings == held.report.findings  # every field and the order
    assert tuple(report.detailed) == tuple(held.report.detailed) and len(report.detailed) == len(held.report.detailed)
    assert report.counts() == held.report.counts() and report.errors == held.report.errors
    assert report.failing_count() == held.report.failing_count() == len(held.report.failing()) > 0
    assert report.failing() == held.report.failing()
    assert report.thresholds == held.report.thresholds
    assert exit_code(report) == exit_code(held.report)
    for fmt in ("json", "text", "full", "sarif", "junit", "markdown", "gitlab"):
        assert "".join(renderer(fmt)(report, False)) == "".join(renderer(fmt)(held.report, False)), fmt


def test_a_warm_run_with_one_changed_file_spools_restored_and_fresh_rows_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    folder = _portfolio(tmp_path / "portfolio")
    options = Options(paths=(folder,), as_of=AS_OF)
    _runs(monkeypatch, options)  # fills the cache
    changed = folder / "service-010.cloud.json"
    data = json.loads(changed.read_text())
    data["service"]["name"] = "Changed"
    changed.write_text(json.dumps(data, indent=1))
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    held, _ = _runs(monkeypatch, options)
    monkeypatch.delenv("CLOUDBELEID_NO_CACHE")
    monkeypatch.setattr(evaluate, "SPOOL_FROM", 1)
    warm = run(options)  # most files restored from the cache, one read afresh: their chunks interleave
    assert isinstance(warm.report.detailed, Spooled)
    assert warm.report.findings == held.report.findings
    assert "".join(renderer("json")(warm.report, False)) == "".join(renderer("json")(held.report, False))


def test_waivers_and_a_baseline_read_a_spooled_run_as_a_held_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    folder = _portfolio(tmp_path / "portfolio")
    options = Options(paths=(folder,), as_of=AS_OF)
    held, _ = _runs(monkeypatch, options)
    failure = next(f for f in held.report.detailed if f.status is Status.FAIL and f.location.file.endswith("service-000.cloud.json"))
    baseline = tmp_path / "baseline.json"
    from checker import baseline as baselines

    baseline.write_text(json.dumps(baselines.create(held.report)))
    (folder / ".cloudbeleid.yaml").write_text(CONFIG + "waivers: {file: waivers.yaml}\n")
    (folder / "waivers.yaml").write_text(
        f"waivers:\n  - rule: {failure.rule_id}\n    service: {failure.service}\n    reason: Besloten door de CIO na een risicoafweging\n"
        "    risk_owner: Directeur\n    approved_by: CISO\n    decision_ref: RA-1\n    granted: 2026-10-01\n"
        "    expires: 2027-03-01\n")
    for extra in ({}, {"baseline": baseline}):
        with_options = Options(paths=(folder,), as_of=AS_OF, **extra)
        held, spooled = _runs(monkeypatch, with_options)
        assert any(f.status is Status.WAIVED for f in spooled.report.findings)
        assert spooled.report.findings == held.report.findings and spooled.report.waivers == held.report.waivers
        assert "".join(renderer("json")(spooled.report, False)) == "".join(renderer("json")(held.report, False))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 1), st.integers(1, 30),
                                   st.sampled_from(["R1", "R2"])), max_size=8), max_size=6))
def test_the_spool_reads_every_row_back_in_report_order(chunks):
    """However the chunks overlap, the rows come back sorted by place and rule, rows at one place in the order
    they were added; only as many chunks are read as overlap."""
    rules = evaluate.load_catalog(evaluate.policy_roots(())).rules
    spool = Spool(Expander(list(rules)))
    added = []
    for number, chunk in enumerate(chunks):
        rows = [(rules[0].id if rule == "R1" else rules[1].id, "fail", "mandatory", "r", "r", f"m{number}-{i}", "m",
                 f"{file}.cloud.yaml", document, line, 1, None, None, ["id"], f"svc-{file}", None, None)
                for i, (file, document, line, rule) in enumerate(chunk)]
        spool.add(rows)
        added += rows
    expected = sorted(added, key=lambda row: (row[7], row[8], row[9], row[10], row[0]))
    back = [spool.finding(row) for row in spool.rows()]
    assert [(f.location.file, f.location.document, f.location.line, f.rule_id, f.message.nl) for f in back] == \
        [(row[7], row[8], row[9], row[0], row[5]) for row in expected]
    assert sorted((row[12], row[0]) for row in spool.added()) == sorted((row[14], row[0]) for row in added)
    spool.close()


def test_the_gate_proves_a_spooled_verdict_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """prove_checked counts spooled failures as verdicts, and without them a service lacks its rules."""
    rules = [r for r in evaluate.load_catalog(evaluate.policy_roots(())).rules if not r.portfolio][:3]
    pipeline_run.prove_checked([], ["svc"], rules, [], [("svc", rule.id) for rule in rules])
    with pytest.raises(EngineError) as raised:
        pipeline_run.prove_checked([], ["svc"], rules, [], [("svc", rule.id) for rule in rules[1:]])
    assert rules[0].id in str(raised.value.text)


def test_a_forked_evaluation_gives_its_answer_its_error_or_fails_closed():
    assert pipeline_run._forked(lambda a, b: pipeline_run.RawReport([{"service": a}], {"x": [b]}), 1, b=2) == \
        pipeline_run.RawReport([{"service": 1}], {"x": [2]})

    def refuses() -> None:
        raise EngineError("the engine refused")

    with pytest.raises(EngineError, match="the engine refused"):
        pipeline_run._forked(refuses)
    with pytest.raises(EngineError) as died:
        pipeline_run._forked(lambda: os._exit(3))  # a child that dies without an answer (killed, out of memory)
    assert "3" in died.value.text.en and "3" in died.value.text.nl and died.value.text.nl != died.value.text.en
    with pytest.raises(EngineError):
        pipeline_run._forked(lambda: random.choice([os.kill(os.getpid(), 9)]))


def test_select_and_ignore_keep_a_spooled_runs_gate_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A left-out rule's failure that fails the gate stays (checker/selection.py), known by what it is: a spooled
    report makes its findings anew at each reading, so no identity of a finding lasts."""
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    folder = _portfolio(tmp_path / "portfolio")
    held, _ = _runs(monkeypatch, Options(paths=(folder,), as_of=AS_OF))
    failing = next(f.rule_id for f in held.report.failing() if f.service)
    for choice in ({"ignore": (failing,)}, {"select": ("KAMER25-EER-ONLY",)}):
        held, spooled = _runs(monkeypatch, Options(paths=(folder,), as_of=AS_OF, **choice))
        assert held.report.failing_count() > 0 and exit_code(spooled.report) == exit_code(held.report)
        assert spooled.report.findings == held.report.findings
        assert spooled.report.ignored_rules == held.report.ignored_rules
        assert spooled.report.failing_count() == held.report.failing_count()


def test_a_full_temporary_folder_keeps_the_chunks_in_memory():
    """A file size limit (RLIMIT_FSIZE, as a full disk: the kernel refuses the write) set after the first chunk: the
    chunks the file cannot take are held in memory and read back in order with the one on disk; the run's
    verdicts never depend on the temporary folder's room."""
    import subprocess
    import sys

    script = """
import json, resource, signal, sys
sys.path.insert(0, sys.argv[1])
from checker import evaluate
from checker.pipeline.join import Expander
from checker.spool import Spool
rules = evaluate.load_catalog(evaluate.policy_roots(())).rules
spool = Spool(Expander(list(rules)))
def rows(file):
    return [(rules[0].id, "fail", "mandatory", "r", "r", "m" * 3000 + str(line), "m", file, 0, line, 1, None, None, ["id"],
             "svc", None, None) for line in (3, 1, 2)]
spool.add(rows("a.cloud.yaml"))  # on disk
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails (EFBIG) instead of the process
resource.setrlimit(resource.RLIMIT_FSIZE, (spool._end + 100, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
spool.add(rows("c.cloud.yaml"))
spool.add(rows("b.cloud.yaml"))
back = [(f.location.file, f.location.line) for f in map(spool.finding, spool.rows())]
print(json.dumps({"back": back, "held": sorted(spool._held), "count": spool.count, "added": len(list(spool.added())),
                  "size": __import__("os").fstat(spool._file.fileno()).st_size, "end": spool._end}))
"""
    done = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent.parent)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["back"] == [[file, line] for file in ("a.cloud.yaml", "b.cloud.yaml", "c.cloud.yaml") for line in (1, 2, 3)]
    assert result["held"] == [1, 2] and result["count"] == result["added"] == 9
    assert result["size"] == result["end"]  # what did not fit was cut off again


def test_a_dead_portfolio_child_is_an_error_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A forked evaluation that ends without an answer is an engine error (exit 3), not blamed on a service by
    evaluating each alone again, and a fault in the child is named."""
    with pytest.raises(pipeline_run._ChildFailed) as fault:
        pipeline_run._forked(lambda: {}["missing"])
    assert "KeyError" in fault.value.text.en and fault.value.exit_code == 3
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    monkeypatch.setattr(evaluate, "SPOOL_FROM", 1)
    monkeypatch.setattr(pipeline_run, "PARALLEL_FROM", 1)
    blamed: list[int] = []
    monkeypatch.setattr(pipeline_run, "_blamed", lambda *args: blamed.append(1) or args[0])
    from checker.engine.embedded import EmbeddedEngine

    evaluate_engine = EmbeddedEngine.evaluate

    def dies_in_the_child(self, bundle, document, payload=None):  # the forked evaluation alone passes the payload
        return os._exit(9) if payload is not None else evaluate_engine(self, bundle, document)

    monkeypatch.setattr(EmbeddedEngine, "evaluate", dies_in_the_child)
    with pytest.raises(pipeline_run._ChildFailed):
        run(Options(paths=(_portfolio(tmp_path / "portfolio"),), as_of=AS_OF))
    assert not blamed


def test_a_dropped_duplicates_failures_never_stand_in_for_the_kept_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The proof counts a spooled failure only for the service it belongs to: an engine that lost a verdict of the
    kept service (a fault no real engine shows on demand, so the join is made to lose it) is an error even when the
    duplicate dropped beside it failed the same rule."""
    monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    folder = _portfolio(tmp_path / "portfolio")
    kept = folder / "service-003.cloud.json"
    (folder / "service-003b.cloud.json").write_text(kept.read_text())  # the same service again: dropped, same failures
    service = json.loads(kept.read_text())["id"]
    original = pipeline_run.join_rows
    lost: list[str] = []

    def loses_one(rules, services, raw, as_of, stage=None):
        fails, rows = original(rules, services, raw, as_of, stage)
        mine = [row for row in fails if row[14] == service and row[7].endswith("service-003.cloud.json")]
        if mine and not lost:
            lost.append(mine[0][0])
            fails = [row for row in fails if not (row[14] == service and row[0] == lost[0] and row[7].endswith("service-003.cloud.json"))]
        return fails, rows

    monkeypatch.setattr(pipeline_run, "join_rows", loses_one)
    for spool_from in (10**9, 1):
        lost.clear()
        monkeypatch.setattr(evaluate, "SPOOL_FROM", spool_from)
        monkeypatch.setattr(pipeline_run, "PARALLEL_FROM", 10**9)  # in process: the join is the patched one
        with pytest.raises(EngineError) as missing:
            run(Options(paths=(folder,), as_of=AS_OF))
        assert lost and lost[0] in missing.value.text.en and service in missing.value.text.en
