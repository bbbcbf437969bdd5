"""JSON Schema validation whose errors say where, in the user's words, most relevant first."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from checker.loader import JsonPath
from checker.resources import schema

# The dates every schema accepts (their date pattern) and --as-of: well inside what the engines' date arithmetic
# can compute (nanoseconds since 1970 in 64 bits: 1678 to 2262), with room for a rule to add a century.
DATE_RANGE = ("1900-01-01", "2199-12-31")


@dataclass(frozen=True)
class SchemaError:
    path: JsonPath
    message: str
    unknown_field: bool = False  # located at the key, not at the value


def _fast_enum(validator: Any, enums: list[Any], instance: Any, schema: dict[str, Any]) -> Any:
    """The enum keyword with a set lookup for text: the country list has 249 values and every descriptor many countries."""
    if isinstance(instance, str):
        allowed = _string_sets.get(id(enums))
        if allowed is None:
            allowed = _string_sets[id(enums)] = frozenset(e for e in enums if isinstance(e, str))
        if instance in allowed:
            return
    from jsonschema._keywords import enum

    yield from enum(validator, enums, instance, schema)


_string_sets: dict[int, frozenset[str]] = {}


def _schema_document(name: str) -> dict[str, Any]:
    if name == "organisation":  # the effective profile of a descriptor: config and descriptor blocks merged
        config = schema("config")
        return {"$schema": config["$schema"], "$ref": "#/$defs/organisation", "$defs": config["$defs"]}
    return schema(name)


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker, validators

    fast = validators.extend(Draft202012Validator, {"enum": _fast_enum})
    return fast(_schema_document(name), format_checker=FormatChecker(formats=("date",)))


@cache
def _compiled_validator(name: str) -> Any | None:
    """jsonschema-rs's validator of the same schema (Rust: about 0.05 ms a descriptor against jsonschema's 4.7, and no
    100 ms import): it only says whether a document is valid. Only the date format is asserted, as by _validator."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a dependency; without it every document goes the explaining way
        return None
    return jsonschema_rs.Draft202012Validator(_schema_document(name), validate_formats=True)


def is_valid(data: Any, name: str) -> bool | None:
    """Whether jsonschema-rs finds the document valid; None when it cannot say (not installed, or data it cannot
    take). Its "valid" is final; its "invalid" is only a reason to ask jsonschema, which explains, and decides: a
    test holds both to the same verdicts on the bad-input corpus and on generated broken documents."""
    validator = _compiled_validator(name)
    if validator is None:
        return None
    try:
        return bool(validator.is_valid(data))
    except Exception:  # noqa: BLE001 - anything it cannot take goes to jsonschema
        return None


def position(document: Any, error: SchemaError) -> tuple[int, int]:
    """Line and column of a schema error in its document: an unknown field at its key, anything else at its value
    (or at the nearest existing parent of a missing one)."""
    return document.locate_key(error.path) if error.unknown_field else document.locate(error.path)[1][:2]


def load_validated(path: Any, display: str, name: str, what: str) -> Any:
    """The one document of a configuration or waiver file, valid against schema `name`; else an InputError at the
    first problem's file, line and column. `what` names the file in messages ("configuration", "waiver file")."""
    from checker.errors import InputError
    from checker.loader import DEFAULT_LIMITS, load_file

    loaded = load_file(path, display, limits=DEFAULT_LIMITS)  # a configuration's limits are for its descriptors
    if loaded.problems:
        problem = loaded.problems[0]
        message = problem.message.replace("a descriptor must be", f"a {what} must be")
        raise InputError(message, location=f"{problem.file}:{problem.line}:{problem.column}")
    if len(loaded.documents) != 1:
        raise InputError(f"a {what} holds exactly one document", location=f"{display}:1:1")
    document = loaded.documents[0]
    errors = validate(document.data, name)
    if errors:
        line, column = position(document, errors[0])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"invalid {what}: {errors[0].message}{more}", location=f"{display}:{line}:{column}")
    return document


def validate(data: Any, name: str) -> list[SchemaError]:
    """All schema errors of one document, most relevant first, each at its own path. A valid document costs one
    jsonschema-rs check; only an invalid one loads jsonschema to explain it (and its explanation is cached on disk)."""
    from checker import __version__, cache
    from checker.resources import schema_path

    if is_valid(data, name):
        return []
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    digest = _schema_digests.get(name)
    if digest is None:
        source = schema_path("config" if name == "organisation" else name).read_bytes()
        digest = _schema_digests[name] = cache.key(__version__, name, source)
    key = cache.key(digest, text)
    hit = cache.get_many("validation", [key]).get(key)
    if hit is not None:
        return [SchemaError(tuple(path), message, unknown) for path, message, unknown in hit]
    errors = _validate(data, name)
    cache.put_many("validation", {key: [[list(e.path), e.message, e.unknown_field] for e in errors]})
    return errors


_schema_digests: dict[str, str] = {}


def _validate(data: Any, name: str) -> list[SchemaError]:
    from jsonschema.exceptions import relevance

    errors = sorted(_validator(name).iter_errors(data), key=relevance)
    results: list[SchemaError] = []
    seen: set[tuple[JsonPath, str]] = set()
    bad_form = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in bad_form:
            continue  # one message for one bad date
        for item in _explain(error):
            # a field that two conditions require (an external service with personal data) is missing once
            key = (item.path, item.message.split(" (")[0] if error.validator == "required" else item.message)
            if key not in seen:
                seen.add(key)
                results.append(item)
    return results


def _field(path: JsonPath) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[") or "the document"


# Codes people write for a country that ISO 3166-1 spells otherwise, or that are not countries.
_COUNTRY_HINTS = {
    "EL": "; Greece is 'GR' in ISO 3166-1",
    "UK": "; the United Kingdom is 'GB' in ISO 3166-1",
    "EU": "; 'EU' is not a country: list the member states, for example NL, DE, IE",
    "EEA": "; 'EEA' is not a country: list the countries, for example NL, DE, NO",
    "EER": "; 'EER' is not a country: list the countries, for example NL, DE, NO",
}


def _suggest(value: Any, choices: list[Any], descriptions: list[str] | None = None) -> str:
    """A nearby valid value: same letters in another case, a close spelling, or a value whose description fits."""
    if not isinstance(value, str):
        return ""
    texts = [str(c) for c in choices]
    same_case = [c for c in texts if c.lower() == value.lower()]
    if same_case:
        return f"; did you mean '{same_case[0]}'?"
    if "NL" in texts:  # country codes are too short for spelling distance to mean anything
        return _COUNTRY_HINTS.get(value.upper(), "")
    matches = difflib.get_close_matches(value, texts, n=1, cutoff=0.6)
    if not matches and descriptions:
        words = {d.lower().strip(". "): c for c, d in zip(texts, descriptions)}
        described = difflib.get_close_matches(value.lower(), list(words), n=1, cutoff=0.6)
        matches = [words[described[0]]] if described else [c for d, c in words.items() if value.lower() in d][:1]
    return f"; did you mean '{matches[0]}'?" if matches else ""


def _explain(error: Any) -> list[SchemaError]:
    path: JsonPath = tuple(error.absolute_path)
    where = _field(path)
    validator, schema_part, value = error.validator, error.schema, error.instance
    if validator == "additionalProperties":
        known = sorted(schema_part.get("properties", {}))
        extras = [k for k in value if k not in schema_part.get("properties", {})]
        return [
            SchemaError(path + (key,), f"unknown field {_clip(repr(key))} in {where}{_suggest(key, known)}", unknown_field=True)
            for key in extras
        ]
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        because = schema_part.get("x-required-because")
        return [SchemaError(path, f"missing required field '{missing}' in {where}" + (f" ({because})" if because else ""))]
    if validator == "enum":
        choices = list(error.validator_value)
        hint = _suggest(value, choices, schema_part.get("enumDescriptions"))
        if len(choices) > 12:
            what = "an ISO 3166-1 alpha-2 country code" if "NL" in choices else "an allowed value"
            return [SchemaError(path, f"{_clip(repr(value))} in {where} is not {what}{hint}")]
        listed = ", ".join(map(str, choices))
        return [SchemaError(path, f"{_clip(repr(value))} is not a valid value for {where}; expected one of: {listed}{hint}")]
    if validator == "const" and path[-1:] == ("kaderwet_zbo_applies",):
        return [SchemaError(path, f"{where} can only be true for an organisation of type zbo")]
    if validator == "const":
        return [SchemaError(path, f"{where} must be {json.dumps(error.validator_value)}, not {_clip(json.dumps(value))}")]
    if validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return [SchemaError(path, f"{where} must be {_article(expected)}, not {_json_type(value)} {_short(value)}")]
    if validator == "format" and error.validator_value == "date":
        return [SchemaError(path, f"{where}: {_clip(repr(value))} is not a real calendar date (YYYY-MM-DD)")]
    if validator == "pattern" and path[-1:] == ("id",):
        return [SchemaError(path, f"{where}: {_clip(repr(value))} is not a valid id: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters")]
    if validator == "pattern" and schema_part.get("format") == "date":
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return [SchemaError(path, f"{where}: {value!r} is outside the dates the checker accepts ({DATE_RANGE[0]} to {DATE_RANGE[1]})")]
        return [SchemaError(path, f"{where}: {_clip(repr(value))} is not a date of the form YYYY-MM-DD")]
    if validator == "pattern" and "description" in schema_part:
        return [SchemaError(path, f"{where}: {_clip(repr(value))} does not match the expected form ({schema_part['description']})")]
    if validator == "pattern":
        shown = error.validator_value.removesuffix("(?!\\n)")  # the guard against a final newline says nothing to a reader
        return [SchemaError(path, f"{where}: {_clip(repr(value))} does not match the pattern {shown}")]
    if validator == "uniqueItems":
        return [SchemaError(path, f"{where} lists the same item more than once")]
    if validator in ("minItems", "minLength"):
        return [SchemaError(path, f"{where} must not be empty")]
    return [SchemaError(path, _clip(f"{where}: {error.message}", 300))]


def _clip(text: str, limit: int = 120) -> str:
    """A value as a message shows it: whole when short, else its start and its length (a 10 MB value is no message)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def _article(type_name: str) -> str:
    return ("an " if type_name[:1] in "aeiou" else "a ") + type_name


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number", type(None): "null"}[type(value)]


def _short(value: Any) -> str:
    text = repr(value)
    return f"({text[:40]}{'…' if len(text) > 40 else ''})" if not isinstance(value, (dict, list)) else ""
