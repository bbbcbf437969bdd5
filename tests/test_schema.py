from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.loader import load_bytes
from checker.resources import SCHEMA_FILES, schema, schemas_dir
from checker.schema import DATE_RANGE, validate
from tests.conftest import MINISTRY_CONFIG, ROOT, VALID_DESCRIPTOR, run_cli, write


def descriptor() -> dict:
    return copy.deepcopy(load_bytes(VALID_DESCRIPTOR.encode(), "d").documents[0].data)


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schemas_are_valid_2020_12_with_versioned_id(name):
    document = json.loads((schemas_dir() / SCHEMA_FILES[name]).read_text())
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"].startswith("urn:cloudbeleid-checker:schema:")


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, path + (i,))


def test_every_descriptor_field_and_enum_value_is_described():
    for path, node in _walk(schema("descriptor")):
        if "if" in path:
            continue  # a condition (which deployment models make a field required) restates values, it defines none
        if "properties" in node and node.get("type") == "object":
            assert node.get("additionalProperties") is False, f"unknown properties allowed at {path}"
            for key, prop in node["properties"].items():
                assert "description" in prop or "$ref" in prop, f"{path + (key,)} has no description"
        if "enum" in node and len(node["enum"]) < 50:
            assert len(node.get("enumDescriptions", [])) == len(node["enum"]), f"enum values at {path} lack descriptions"


def test_valid_descriptor_passes():
    assert validate(descriptor(), "descriptor") == []


def test_unknown_field_names_the_nearest_known_one():
    data = descriptor()
    data["hosting"]["storage_location"] = ["NL"]
    errors = validate(data, "descriptor")
    assert errors[0].path == ("hosting", "storage_location")
    assert "did you mean 'storage_locations'" in errors[0].message


def test_invalid_enum_value_names_the_nearest_valid_one():
    data = descriptor()
    data["service"]["deployment_model"] = "pubic"
    (error,) = validate(data, "descriptor")
    assert error.path == ("service", "deployment_model")
    assert "did you mean 'public'" in error.message


def test_unknown_country_code():
    data = descriptor()
    data["hosting"]["processing_locations"] = ["NL", "XX", "nl"]
    errors = validate(data, "descriptor")
    assert {e.path for e in errors} == {("hosting", "processing_locations", 1), ("hosting", "processing_locations", 2)}
    assert any("did you mean 'NL'" in e.message for e in errors)


def test_impossible_date():
    data = descriptor()
    data["assessments"]["risk_assessment"]["date"] = "2025-02-30"
    (error,) = validate(data, "descriptor")
    assert error.path == ("assessments", "risk_assessment", "date")
    assert "not a real calendar date" in error.message


def test_wrong_type_and_missing_required():
    data = descriptor()
    data["data"]["personal_data"] = "ja"
    del data["provider"]["name"]
    messages = [e.message for e in validate(data, "descriptor")]
    assert any("data.personal_data must be a boolean, not text" in m for m in messages)
    assert any("missing required field 'name' in provider" in m for m in messages)


def test_zbo_only_fields_are_consistent():
    errors = validate({"organisation": {"name": "X", "type": "ministerie", "kaderwet_zbo_applies": True}}, "config")
    assert errors and errors[0].path == ("organisation", "kaderwet_zbo_applies")


# --- patterns mean the same to every validator, and dates stay where the engines can compute (issue 12) ---


# A valid value for every pattern in every schema: a new pattern without one fails the test below.
EXAMPLES = {
    "^[a-z][a-z0-9_-]*$(?!\\n)": "cb22",
    "^https?://[!-~]+$(?!\\n)": "https://opa.example.nl:8181",
    "^https://[!-~]+$(?!\\n)": "https://wetten.overheid.nl/BWBR0013786",
    "^[A-Za-z_][A-Za-z0-9_]*$(?!\\n)": "CLOUDBELEID_OPA_TOKEN",
    "^[A-Z]{2}$(?!\\n)": "NL",
    "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$(?!\\n)": "2026-11-28",
    "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$(?!\\n)": "CB22-EXIT-STRATEGY",
    "^[a-z][a-z0-9_]*$(?!\\n)": "exit_strategy",
    "^[a-z_]+(\\.[a-z_]+)*$(?!\\n)": "provider.name",
    "^[a-z0-9][a-z0-9._-]{0,127}$(?!\\n)": "bd-m365",
    "^(/[^/\\u0000-\\u001f]*)*$(?!\\n)": "/hosting/support_access_locations/2",
}


def _patterns():
    for name in sorted(SCHEMA_FILES):
        for path, node in _walk(schema(name)):
            if isinstance(node.get("pattern"), str):
                yield name, path, node["pattern"]


def _ecma_refuses(checks: list[tuple[str, str]]) -> list[bool]:
    """Whether an ECMA-262 engine (node's, with the u flag JSON Schema validators use) matches each value."""
    script = "const c = JSON.parse(require('fs').readFileSync(0, 'utf8')); console.log(JSON.stringify(c.map(([p, v]) => new RegExp(p, 'u').test(v))))"
    done = subprocess.run(["node", "-e", script], input=json.dumps(checks), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_every_pattern_is_anchored_at_the_true_end_for_python_and_ecma_262():
    found = list(_patterns())
    assert len(found) >= 15
    checks = []
    for name, path, pattern in found:
        assert pattern in EXAMPLES, f"{name} {path}: no example for the pattern {pattern}"
        good = EXAMPLES[pattern]
        validator = Draft202012Validator({"type": "string", "pattern": pattern})
        assert re.search(pattern, good) and validator.is_valid(good), (pattern, good)
        for bad in (good + "\n", good + "\n\n", "\n" + good):
            assert not re.search(pattern, bad) and not validator.is_valid(bad), (pattern, bad)
        checks += [(pattern, good), (pattern, good + "\n"), (pattern, "\n" + good)]
    if shutil.which("node"):
        assert _ecma_refuses(checks) == [True, False, False] * len(found)
    try:
        import jsonschema_rs
    except ImportError:
        return
    for pattern in {p for _, _, p in found}:
        rs = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
        assert rs.is_valid(EXAMPLES[pattern]) and not rs.is_valid(EXAMPLES[pattern] + "\n"), pattern


def test_every_date_in_every_schema_is_bounded_alike_and_the_bounds_are_documented():
    dates = [(name, path, node) for name in sorted(SCHEMA_FILES) for path, node in _walk(schema(name))
             if isinstance(node.get("pattern"), str) and "[0-9]{2}-[0-9]{2}" in node["pattern"]]
    assert len(dates) >= 6
    for name, path, node in dates:
        pattern = node["pattern"]
        assert pattern == "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$(?!\\n)", (name, path)
        assert f"from {DATE_RANGE[0]} to {DATE_RANGE[1]}" in node.get("description", ""), (name, path)
        for inside in DATE_RANGE:
            assert re.search(pattern, inside)
        for outside in ("1899-12-31", "2200-01-01", "0001-01-01", "9999-12-31"):
            assert not re.search(pattern, outside)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{DATE_RANGE[0]} to {DATE_RANGE[1]}" in readme


def test_a_date_outside_the_range_is_a_schema_error_at_the_date():
    data = descriptor()
    data["assessments"]["risk_assessment"]["date"] = "2262-04-12"
    data["service"]["start_date"] = "1677-09-21"
    errors = {e.path: e.message for e in validate(data, "descriptor")}
    assert errors == {
        ("assessments", "risk_assessment", "date"): "assessments.risk_assessment.date: '2262-04-12' is outside the dates the checker accepts (1900-01-01 to 2199-12-31)",
        ("service", "start_date"): "service.start_date: '1677-09-21' is outside the dates the checker accepts (1900-01-01 to 2199-12-31)",
    }


DATE = re.compile(r'(?<![0-9])"?[0-9]{4}-[0-9]{2}-[0-9]{2}"?')


@pytest.mark.parametrize("as_of", DATE_RANGE)
@pytest.mark.parametrize("dates", DATE_RANGE)
def test_the_engine_computes_every_rule_at_the_bounds_of_the_range(tmp_path, as_of, dates):
    # the descriptors with the most dates, every one of them at a bound: no rule's arithmetic leaves the range
    # the engine can compute (a raw "time outside of valid range" before the bounds)
    write(tmp_path, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace("packs: [cb22, kaderwet_zbo]\n", ""))
    for source in ("examples/douane/azure-keuzeproces.cloud.yaml", "examples/rijksdienst-sovereign/personeelsdossiers.cloud.yaml"):
        text = DATE.sub(f'"{dates}"', (ROOT / source).read_text(encoding="utf-8"))
        write(tmp_path, Path(source).name, text)
    result = run_cli("check", "--as-of", as_of, ".", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "2 diensten in 2 bestanden" in result.stdout


@pytest.mark.parametrize(("value", "message"), [
    ("9999-12-31", "--as-of '9999-12-31' is outside the dates the checker accepts (1900-01-01 to 2199-12-31)"),
    ("1899-12-31", "--as-of '1899-12-31' is outside the dates the checker accepts"),
    ("٢٠٢٦-١١-٢٨", "is not a date of the form YYYY-MM-DD"),
    ("2026-02-30", "is not a real calendar date"),
])
def test_as_of_outside_the_range_is_a_one_line_usage_error(tmp_path, value, message):
    write(tmp_path, "mail.cloud.yaml", VALID_DESCRIPTOR)
    result = run_cli("check", "--lang", "en", "--as-of", value, "mail.cloud.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr

# Unknown is not none (docs/missing-facts.md): the facts the rules need and a descriptor always knows are required.
ALWAYS = [("service", "materieel"), ("data", "rubricering"), ("data", "personal_data"), ("data", "nato_eu_marking"),
          ("data", "threat_profile"), ("continuity", "critical"),
          ("records", "holds_archiefbescheiden"), ("continuity",), ("records",)]
EXTERNAL = [("provider", "hq_country"), ("provider", "ultimate_parent_country"), ("provider", "subprocessors"),
            ("data", "biv"), ("data", "biv", "integriteit"),
            ("data", "biv", "vertrouwelijkheid"), ("data", "biv", "beschikbaarheid"), ("data", "basisregistraties"),
            ("hosting", "support_access_locations"), ("hosting", "telemetry_locations"), ("hosting", "backup_locations"),
            ("hosting", "transfer_mechanism")]


def _without(data: dict, path: tuple) -> dict:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return data


@pytest.mark.parametrize("path", ALWAYS + EXTERNAL, ids=lambda p: ".".join(p))
@pytest.mark.parametrize("model", ["public", "hybrid", "community", "private_external"])
def test_a_fact_external_cloud_rules_need_is_required(path, model):
    data = descriptor()
    data["service"]["deployment_model"] = model
    errors = validate(_without(data, path), "descriptor")
    assert [(e.path, e.message.split(" (")[0]) for e in errors] == [
        (path[:-1], f"missing required field '{path[-1]}' in {'.'.join(path[:-1]) or 'the document'}")]


PERSONAL = [("hosting", "support_access_locations"), ("hosting", "telemetry_locations"), ("hosting", "backup_locations"),
            ("hosting", "transfer_mechanism"), ("provider", "subprocessors")]


def _no_personal_data(data: dict) -> dict:
    data["data"]["personal_data"] = False
    for field in ("special_categories", "large_scale", "criminal_data", "bsn"):
        del data["data"][field]
    return data


@pytest.mark.parametrize("path", PERSONAL, ids=lambda p: ".".join(p))
@pytest.mark.parametrize("model", ["government_dc", "on_premise"])
def test_personal_data_on_own_infrastructure_state_where_they_are_reachable_from(path, model):
    data = descriptor()
    data["service"]["deployment_model"] = model
    (error,) = validate(_without(data, path), "descriptor")
    assert error.path == path[:-1] and f"missing required field '{path[-1]}'" in error.message
    assert "when personal_data is true, whatever the deployment model" in error.message


@pytest.mark.parametrize("model", ["government_dc", "on_premise"])
def test_own_infrastructure_need_not_state_the_external_facts(model):
    data = _no_personal_data(descriptor())
    data["service"]["deployment_model"] = model
    for path in EXTERNAL:
        if len(path) == 2:
            _without(data, path)
    assert validate(data, "descriptor") == []
    for path in ALWAYS:
        assert validate(_without(copy.deepcopy(descriptor()), path), "descriptor"), path


def test_the_reason_a_field_is_required_is_in_the_message():
    (error,) = validate(_without(descriptor(), ("hosting", "support_access_locations")), "descriptor")
    assert "deployment_model public, hybrid, community or private_external" in error.message
    assert "write [] for none" in error.message


@pytest.mark.parametrize("field", ["storage_locations", "processing_locations"])
def test_data_are_somewhere(field):
    data = descriptor()
    data["hosting"][field] = []
    (error,) = validate(data, "descriptor")
    assert (error.path, error.message) == (("hosting", field), f"hosting.{field} must not be empty")


def test_none_is_stated_with_an_empty_list():
    data = descriptor()
    assert data["hosting"]["support_access_locations"] == [] and data["provider"]["subprocessors"] == []
    assert validate(data, "descriptor") == []


@pytest.mark.parametrize(("condition", "path"), [
    ({"data": {"personal_data": True}}, ("data", "special_categories")),
    ({"data": {"personal_data": True}}, ("data", "large_scale")),
    ({"data": {"personal_data": True}}, ("data", "criminal_data")),
    ({"data": {"personal_data": True}}, ("data", "bsn")),
    ({"service": {"status": "in_use"}}, ("service", "start_date")),
    ({"service": {"status": "exiting"}}, ("service", "start_date")),
    ({"records": {"holds_archiefbescheiden": True, "permanent_records": False}}, ("records", "permanent_records")),
    ({"assessments": {"prescan_dpia": {"status": "approved", "date": "2026-05-01"}}}, ("assessments", "prescan_dpia", "date")),
])
def test_a_fact_a_condition_makes_necessary_is_required(condition, path):
    data = descriptor()
    for block, values in condition.items():
        data[block].update(values)
    assert validate(data, "descriptor") == []
    (error,) = validate(_without(data, path), "descriptor")
    assert error.path == path[:-1] and f"missing required field '{path[-1]}'" in error.message


def test_a_planned_service_or_a_draft_need_no_date():
    data = descriptor()
    data["service"]["status"] = "planned"
    del data["service"]["start_date"]
    data["assessments"]["prescan_dpia"] = {"status": "draft"}
    assert validate(data, "descriptor") == []


# --- a valid configuration kept in the cache (load_validated) ------------------------------------------------------

CONFIG_WITH_EVERYTHING = MINISTRY_CONFIG + """lang: en
thresholds:
  risk_assessment_max_age_months: 6
discovery:
  exclude: ["old/**"]
"""


def _read(path: Path):
    from checker.schema import load_validated

    return load_validated(path, str(path), "config", "configuration")


def _uncached(path: Path, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patched:
        patched.setenv("CLOUDBELEID_NO_CACHE", "1")
        return _read(path)


def test_a_cached_configuration_is_the_one_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from checker import schema as schemas

    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, ".cloudbeleid.yaml", CONFIG_WITH_EVERYTHING)
    fresh = _uncached(path, monkeypatch)
    first = _read(path)  # read, found valid, kept
    key, _ = schemas._document_key(path, str(path), "config")
    assert key is not None
    from checker import cache

    assert key in cache.get_many(schemas._DOCUMENTS, [key])
    again = _read(path)  # from the cache
    for document in (first, again):
        assert (document.file, document.index, document.data, document.spans, document.keys) == (
            fresh.file, fresh.index, fresh.data, fresh.spans, fresh.keys)
    assert again.locate(("thresholds", "risk_assessment_max_age_months")) == fresh.locate(("thresholds", "risk_assessment_max_age_months"))


def test_a_changed_or_broken_configuration_is_never_served_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from checker import cache
    from checker import schema as schemas
    from checker.errors import InputError

    monkeypatch.setenv("CLOUDBELEID_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, ".cloudbeleid.yaml", CONFIG_WITH_EVERYTHING)
    _read(path)
    write(tmp_path, ".cloudbeleid.yaml", CONFIG_WITH_EVERYTHING.replace("months: 6", "months: 7"))
    assert _read(path).data["thresholds"]["risk_assessment_max_age_months"] == 7
    write(tmp_path, ".cloudbeleid.yaml", CONFIG_WITH_EVERYTHING.replace("months: 6", "months: zes"))
    with pytest.raises(InputError) as cached_way:
        _read(path)
    with pytest.raises(InputError) as plain_way:
        _uncached(path, monkeypatch)
    assert (str(cached_way.value), cached_way.value.location) == (str(plain_way.value), plain_way.value.location)
    # a damaged entry is read afresh
    write(tmp_path, ".cloudbeleid.yaml", CONFIG_WITH_EVERYTHING)
    key, _ = schemas._document_key(path, str(path), "config")
    assert key is not None
    cache.put_many(schemas._DOCUMENTS, {key: {"not": "a document"}})
    assert _read(path).data == _uncached(path, monkeypatch).data


def test_a_warm_run_reads_its_configuration_without_yaml_or_a_validator(tmp_path: Path):
    import os
    import sys

    repo = tmp_path / "repo"  # the cache beside it: a cache inside what is checked is not used (cache.guard)
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(repo, "mail.cloud.json", json.dumps(descriptor()))
    probe = ("import sys\nfrom checker.commands.entry import run\n"
             f"code = run(['check', '--as-of', '2026-06-01', '-f', 'json', '-o', 'out.json', {str(repo)!r}])\n"
             "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'ruamel', '_ruamel_yaml', 'jsonschema_rs', 'regorus'}))")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "CLOUDBELEID_CACHE_DIR": str(tmp_path / "cache")}
    cold = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert cold.stdout.split()[0] == warm.stdout.split()[0], (cold.stderr, warm.stderr)
    assert "ruamel" in cold.stdout and "jsonschema_rs" in cold.stdout  # the first run read and judged it
    assert warm.stdout.split(None, 1)[1] == "[]\n", warm.stderr  # nothing changed: neither is loaded, nor regorus
