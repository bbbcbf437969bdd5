"""The file cache (checker/pipeline/run.py): a file the cache knows gives exactly the findings reading it gives,
and a changed byte, a changed configuration or a damaged entry makes it be read again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker import cache
from checker.evaluate import Options, check
from tests.conftest import AS_OF, ROOT, write
from tests.descriptor_gen import descriptors


def _findings(report) -> list[tuple]:
    return [(f.rule_id, f.service, f.location, f.status, f.enforcement, f.severity, f.message, f.enforcement_reason,
             f.title, f.remediation, f.sources, f.docs, f.evidence) for f in report.findings]


def _run(folder: Path, monkeypatch: pytest.MonkeyPatch, cache_dir: Path | None):
    if cache_dir is None:
        monkeypatch.setenv("CLOUDBELEID_NO_CACHE", "1")
    else:
        monkeypatch.delenv("CLOUDBELEID_NO_CACHE", raising=False)
        monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(cache_dir))
    cache.close()
    return check(Options((folder,), None, AS_OF, "nl", "embedded"))


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    write(folder, ".cloudbeleid.yaml", "organisation: {name: Cache, type: agentschap, cloud_policy_ref: CB-1}\n")
    for index, document in enumerate(descriptors(24, seed=3)):
        write(folder, f"svc-{index:02}.cloud.json", json.dumps(document, ensure_ascii=False, indent=1))
    write(folder, "broken.cloud.yaml", "schema_version: 1\nid: broken\nservice: {name: x}\n")  # error findings come back too
    # an id used twice: the first file's use counts, whichever of the two the cache holds
    write(folder, "svc-00a.cloud.json", (folder / "svc-05.cloud.json").read_text())
    return folder


def _file_entries(cache_dir: Path) -> int:
    import sqlite3

    with sqlite3.connect(cache_dir / "entries.sqlite") as connection:
        return connection.execute("SELECT count(*) FROM entries WHERE kind = 'file'").fetchone()[0]


def test_a_warm_run_gives_the_findings_of_a_run_without_cache(portfolio, tmp_path, monkeypatch):
    cold = _run(portfolio, monkeypatch, None)
    first = _run(portfolio, monkeypatch, tmp_path / "cache")
    assert _file_entries(tmp_path / "cache") == 26
    warm = _run(portfolio, monkeypatch, tmp_path / "cache")
    assert any(f.status.value == "fail" for f in cold.findings) and any(f.status.value == "error" for f in cold.findings)
    assert _findings(first) == _findings(cold) == _findings(warm)
    assert [f.location.file for f in cold.findings if f.rule_id == "INPUT-DUPLICATE-ID"] == [str(portfolio / "svc-05.cloud.json")]
    assert warm.services == cold.services and warm.counts() == cold.counts()


def test_a_changed_file_or_configuration_is_read_again(portfolio, tmp_path, monkeypatch):
    _run(portfolio, monkeypatch, tmp_path / "cache")
    target = portfolio / "svc-03.cloud.json"
    document = json.loads(target.read_text())
    document["service"]["name"] = "Renamed"
    document["exit"] = {"strategy_in_contract": False}
    target.write_text(json.dumps(document))
    assert _findings(_run(portfolio, monkeypatch, tmp_path / "cache")) == _findings(_run(portfolio, monkeypatch, None))
    (portfolio / "svc-00a.cloud.json").unlink()  # the id's first use is now the cached svc-05
    assert _findings(_run(portfolio, monkeypatch, tmp_path / "cache")) == _findings(_run(portfolio, monkeypatch, None))
    write(portfolio, ".cloudbeleid.yaml", "organisation: {name: Cache, type: zbo}\n")
    assert _findings(_run(portfolio, monkeypatch, tmp_path / "cache")) == _findings(_run(portfolio, monkeypatch, None))


def test_a_damaged_entry_is_read_afresh(portfolio, tmp_path, monkeypatch):
    import sqlite3

    cold = _run(portfolio, monkeypatch, None)
    _run(portfolio, monkeypatch, tmp_path / "cache")
    cache.close()
    with sqlite3.connect(tmp_path / "cache" / "entries.sqlite") as connection:
        connection.execute("UPDATE entries SET value = '{\"services\": 5}' WHERE kind = 'file'")
    assert _findings(_run(portfolio, monkeypatch, tmp_path / "cache")) == _findings(cold)


def test_an_entry_whose_shared_text_is_missing_or_altered_is_read_afresh(portfolio, tmp_path, monkeypatch):
    """Entries name their texts by digest and the texts are kept once (kind 'text'): a text that is gone, or whose
    words no longer match its name, never gives a finding the wrong words; its entries are read afresh."""
    import sqlite3

    cold = _run(portfolio, monkeypatch, None)
    _run(portfolio, monkeypatch, tmp_path / "cache")
    cache.close()
    with sqlite3.connect(tmp_path / "cache" / "entries.sqlite") as connection:
        texts = connection.execute("SELECT key, value FROM entries WHERE kind = 'text' ORDER BY key").fetchall()
        assert len(texts) > 10 and all(len(json.loads(value)) == 2 for _, value in texts)
        entry = json.loads(connection.execute("SELECT value FROM entries WHERE kind = 'file' LIMIT 1").fetchone()[0])
        assert set(entry["texts"]) <= {key for key, _ in texts}
        connection.execute("DELETE FROM entries WHERE kind = 'text' AND key = ?", (texts[0][0],))
        nl, en = json.loads(texts[1][1])
        connection.execute("UPDATE entries SET value = ? WHERE kind = 'text' AND key = ?",
                           (json.dumps([nl + " (altered)", en]), texts[1][0]))
    warm = _run(portfolio, monkeypatch, tmp_path / "cache")
    assert _findings(warm) == _findings(cold)
    assert not any("(altered)" in f.message.nl or "(altered)" in f.enforcement_reason.nl for f in warm.findings)


def test_an_entry_whose_failures_were_made_verdicts_is_read_afresh(portfolio, tmp_path, monkeypatch):
    """A service's verdict row holds only passes and not-applicable verdicts, which never gate: an entry whose
    failures were moved into it (or given a status the run does not know) is read afresh, so every failure still
    fails the run, and no later run crashes on it."""
    import sqlite3

    cold = _run(portfolio, monkeypatch, None)
    _run(portfolio, monkeypatch, tmp_path / "cache")
    cache.close()
    with sqlite3.connect(tmp_path / "cache" / "entries.sqlite") as connection:
        altered = 0
        for key, value in connection.execute("SELECT key, value FROM entries WHERE kind = 'file'").fetchall():
            entry = json.loads(value)
            if not entry["rows"] or not entry["verdicts"]:
                continue
            kept = entry["verdicts"][0][-1]
            kept += [row[:5] for row in entry["rows"]]
            if altered % 2:
                kept[0][1] = "FAIL"  # a status no run has
            entry["rows"] = []
            connection.execute("UPDATE entries SET value = ? WHERE kind = 'file' AND key = ?", (json.dumps(entry), key))
            altered += 1
        assert altered > 2
    warm = _run(portfolio, monkeypatch, tmp_path / "cache")
    assert _findings(warm) == _findings(cold)
    assert len(warm.failing()) == len(cold.failing()) > 0 and warm.counts() == cold.counts()


def test_the_examples_with_infrastructure_code_give_the_same_findings_warm(tmp_path, monkeypatch):
    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder, ignore=shutil.ignore_patterns("rules"))
    cold = _run(folder, monkeypatch, None)
    _run(folder, monkeypatch, tmp_path / "cache")
    assert _findings(_run(folder, monkeypatch, tmp_path / "cache")) == _findings(cold)


def test_other_checker_code_is_not_served_the_old_codes_findings(portfolio, tmp_path, monkeypatch):
    from checker.pipeline import run

    _run(portfolio, monkeypatch, tmp_path / "cache")
    monkeypatch.setattr(run, "_CODE", ["another checker"])
    _run(portfolio, monkeypatch, tmp_path / "cache")
    assert _file_entries(tmp_path / "cache") == 2 * 26  # every file read again, under a key of its own
