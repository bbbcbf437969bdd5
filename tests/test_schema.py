from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from checker.loader import load_bytes
from checker.resources import SCHEMA_FILES, schema, schemas_dir
from checker.schema import validate
from tests.conftest import VALID_DESCRIPTOR


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
