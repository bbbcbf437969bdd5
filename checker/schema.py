"""JSON Schema validation whose errors say where, in the user's words, most relevant first."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from typing import Any

from checker.loader import JsonPath
from checker.resources import schema


@dataclass(frozen=True)
class SchemaError:
    path: JsonPath
    message: str


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema(name), format_checker=FormatChecker(formats=("date",)))


def validate(data: Any, name: str) -> list[SchemaError]:
    """All schema errors of one document, most relevant first, each at its own path."""
    from jsonschema.exceptions import relevance

    errors = sorted(_validator(name).iter_errors(data), key=relevance)
    results: list[SchemaError] = []
    seen: set[tuple[JsonPath, str]] = set()
    for error in errors:
        for item in _explain(error):
            if (item.path, item.message) not in seen:
                seen.add((item.path, item.message))
                results.append(item)
    return results


def _field(path: JsonPath) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[") or "the document"


def _suggest(value: Any, choices: list[Any]) -> str:
    if not isinstance(value, str):
        return ""
    matches = difflib.get_close_matches(value, [str(c) for c in choices], n=1, cutoff=0.5)
    if not matches:
        matches = [c for c in map(str, choices) if c.lower() == value.lower()]
    return f"; did you mean '{matches[0]}'?" if matches else ""


def _explain(error: Any) -> list[SchemaError]:
    path: JsonPath = tuple(error.absolute_path)
    where = _field(path)
    validator, schema_part, value = error.validator, error.schema, error.instance
    if validator == "additionalProperties":
        known = sorted(schema_part.get("properties", {}))
        extras = [k for k in value if k not in schema_part.get("properties", {})]
        return [
            SchemaError(path + (key,), f"unknown field '{key}' in {where}{_suggest(key, known)}")
            for key in extras
        ]
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [SchemaError(path, f"missing required field '{missing}' in {where}")]
    if validator == "enum":
        choices = list(error.validator_value)
        if len(choices) > 12:
            what = "an ISO 3166-1 alpha-2 country code" if "NL" in choices else "an allowed value"
            return [SchemaError(path, f"{value!r} in {where} is not {what}{_suggest(value, choices)}")]
        listed = ", ".join(map(str, choices))
        return [SchemaError(path, f"{value!r} is not a valid value for {where}; expected one of: {listed}{_suggest(value, choices)}")]
    if validator == "const":
        return [SchemaError(path, f"{where} must be {error.validator_value!r}, not {value!r}")]
    if validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return [SchemaError(path, f"{where} must be {_article(expected)}, not {_json_type(value)} {_short(value)}")]
    if validator == "format" and error.validator_value == "date":
        return [SchemaError(path, f"{where}: {value!r} is not a real calendar date (YYYY-MM-DD)")]
    if validator == "pattern" and "description" in schema_part:
        return [SchemaError(path, f"{where}: {value!r} does not match the expected form ({schema_part['description']})")]
    if validator == "pattern":
        return [SchemaError(path, f"{where}: {value!r} does not match the pattern {error.validator_value}")]
    if validator == "uniqueItems":
        return [SchemaError(path, f"{where} lists the same item more than once")]
    if validator in ("minItems", "minLength"):
        return [SchemaError(path, f"{where} must not be empty")]
    return [SchemaError(path, f"{where}: {error.message}")]


def _article(type_name: str) -> str:
    return ("an " if type_name[:1] in "aeiou" else "a ") + type_name


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number", type(None): "null"}[type(value)]


def _short(value: Any) -> str:
    text = repr(value)
    return f"({text[:40]}{'…' if len(text) > 40 else ''})" if not isinstance(value, (dict, list)) else ""
