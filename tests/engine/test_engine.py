from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.config import Config
from checker.engine import create_engine, parse_report
from checker.errors import EngineError, PolicyError, UsageError
from checker.policies import load_bundle
from checker.resources import policies_dir

SETTINGS = Config(path=None, root=Path(".")).settings(load_catalog().in_packs(load_catalog().default_packs()))


def evaluate(services, bundle=None):
    engine = create_engine("embedded")
    return engine.evaluate(bundle or load_bundle(), {"as_of": "2026-11-28", "organisation": {}, "settings": SETTINGS, "services": services})


def test_report_has_violations_with_rule_and_subjects():
    raw = evaluate([{"service": {"deployment_model": "public"}, "data": {"rubricering": "stg_geheim"}}])
    rules = {v["rule"] for v in raw.violations}
    assert "cb22.no_state_secrets" in rules
    assert raw.subjects["cb22.no_state_secrets"] == [0]
    assert raw.subjects["kaderwet_zbo.art41_security"] == [0]
    assert raw.subjects["cb22.prescan_dpia"] == []  # no personal data


def test_non_ascii_reaches_the_engine_intact():
    raw = evaluate([{"service": {"deployment_model": "public", "name": "Zoë ☁ 🙂"}, "data": {"rubricering": "stg_geheim"}}])
    assert raw.violations


def test_lone_surrogate_is_a_clean_engine_error_not_a_crash():
    # the loader refuses these first; the engine guard still holds
    with pytest.raises(EngineError, match="ingebouwde engine faalde"):
        evaluate([{"service": {"name": "\ud800"}}])


def test_nan_is_refused_before_the_engine():
    with pytest.raises(EngineError, match="kan niet naar de engine"):
        evaluate([{"x": float("nan")}])


def test_one_engine_per_thread():
    engine = create_engine("embedded")
    bundle = load_bundle()
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                raw = engine.evaluate(bundle, {"as_of": "2026-11-28", "organisation": {}, "settings": SETTINGS, "services": [{}]})
                results.append(len(raw.violations))
        except BaseException as exc:  # noqa: BLE001 - a panic is what this test looks for
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 1 and len(results) == 80


def test_unknown_engine_is_a_usage_error():
    with pytest.raises(UsageError, match="onbekende engine"):
        create_engine("nope")


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    shutil.copytree(policies_dir(), target)
    return target


def test_policy_syntax_error_is_a_policy_error_with_the_file(tmp_path: Path):
    root = _copy(tmp_path)
    rule = root / "rules/cb22/exit_strategy/exit_strategy.rego"
    rule.write_text(rule.read_text() + "\ndeny contains x if {\n")
    with pytest.raises(PolicyError) as caught:
        evaluate([{}], load_bundle((root,)))
    assert "exit_strategy.rego" in str(caught.value)


def test_missing_entrypoint_is_an_engine_error(tmp_path: Path):
    root = _copy(tmp_path)
    (root / "main/main.rego").unlink()
    engine = create_engine("embedded")
    with pytest.raises(EngineError, match="ongedefinieerd"):
        engine.evaluate(load_bundle((root,)), {"as_of": "2026-11-28", "settings": {}, "services": [{}]})


def test_a_named_rule_that_does_not_exist_is_a_policy_error(repo_rules=("cb22.no_such_rule",)):
    from checker.errors import PolicyError as Broken

    engine = create_engine("embedded")
    with pytest.raises((EngineError, Broken)):
        raw = engine.evaluate(load_bundle(), {"as_of": "2026-11-28", "settings": {**SETTINGS, "rules": list(repo_rules)}, "services": [{}]})
        assert raw.subjects.get("cb22.no_such_rule") is not None, "no subjects for a rule that does not exist"


@pytest.mark.parametrize(
    "value",
    [None, [], {"violations": "x"}, {"violations": [{"rule": "a"}]}, {"violations": [], "subjects": {"a": 1}}],
)
def test_malformed_reports_are_refused(value):
    with pytest.raises(EngineError, match="misvormd"):
        parse_report(value, "test")


def test_data_files_are_mounted_at_their_folder_as_opa_does():
    bundle = load_bundle()
    assert "NL" in bundle.data["data"]["countries"]["eer"]["codes"]
    assert all(not name.endswith("_test.rego") for name, _ in bundle.modules)


def test_the_opa_address_variable_is_the_opa_clients():
    # known in checker/engine so that choosing the engine does not import the OPA client
    from checker.engine import OPA_URL_VARIABLE
    from checker.engine.opa import ENV_URL

    assert OPA_URL_VARIABLE == ENV_URL
