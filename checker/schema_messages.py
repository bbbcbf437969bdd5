"""A jsonschema ValidationError in the user's words, in Dutch and English: one catalogue message per validator
kind (checker/locale, keys schema.*), built from the error's validator, validator_value, instance and path, never
from jsonschema's own English sentence. checker/schema.py calls `explain` for every error it reports."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from checker.i18n import catalogue, message, per_language
from checker.i18n import clipped as _clip
from checker.loader import JsonPath
from checker.model import Text
from checker.schema import DATE_RANGE, SchemaError


def explain(error: Any, name: str) -> list[SchemaError]:
    """The messages for one error of a document checked against schema `name` ("descriptor", "organisation", ...)."""
    path: JsonPath = tuple(error.absolute_path)
    where = _field(path, name)
    validator, part, value = error.validator, error.schema, error.instance
    expected = error.validator_value
    if validator == "additionalProperties":
        known = sorted(part.get("properties", {}))
        extras = [k for k in value if k not in part.get("properties", {})]
        return [SchemaError(path + (key,), message("schema.unknown_field", key=_clip(repr(key)), where=where,
                                                   hint=_suggest(key, known)), unknown_field=True)
                for key in extras]
    if validator == "required":
        missing = next((r for r in expected if isinstance(value, dict) and r not in value and repr(r) in error.message),
                       next((r for r in expected if isinstance(value, dict) and r not in value), "?"))
        because = _because(part)
        return [SchemaError(path, message("schema.required", field=missing, where=where, because=because))]
    if validator == "enum":
        choices = list(expected)
        hint = _suggest(value, choices, part.get("enumDescriptions"))
        if len(choices) > 12:
            kind = "schema.enum.country" if "NL" in choices else "schema.enum.value"
            return [SchemaError(path, message("schema.enum.long", value=_clip(repr(value)), where=where,
                                              what=message(kind), hint=hint))]
        listed = ", ".join(map(str, choices))
        return [SchemaError(path, message("schema.enum", value=_clip(repr(value)), where=where, listed=listed, hint=hint))]
    if validator == "const" and path[-1:] == ("kaderwet_zbo_applies",):
        return [SchemaError(path, message("schema.const.kaderwet_zbo_applies", where=where))]
    if validator == "const":
        return [SchemaError(path, message("schema.const", where=where, expected=json.dumps(expected),
                                          value=_clip(json.dumps(value))))]
    if validator == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        wanted = _joined([message(f"schema.type.{kind}") for kind in kinds])
        return [SchemaError(path, message("schema.type", where=where, expected=wanted,
                                          actual=message(f"schema.actual.{_json_type(value)}"), shown=_short(value)))]
    if validator == "format" and expected == "date":
        return [SchemaError(path, message("schema.format.date", where=where, value=_clip(repr(value))))]
    if validator == "pattern":
        return [SchemaError(path, _pattern(error, path, where))]
    if validator == "uniqueItems":
        return [SchemaError(path, message("schema.unique_items", where=where))]
    if validator in ("minItems", "minLength", "minProperties"):
        if expected <= 1:
            return [SchemaError(path, message("schema.empty", where=where))]
        return [SchemaError(path, message(f"schema.{validator}", where=where, limit=expected))]
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [SchemaError(path, message(f"schema.{validator}", where=where, limit=expected, value=_clip(repr(value))))]
    if validator == "not":
        return [SchemaError(path, message("schema.not", where=where, value=_clip(json.dumps(value))))]
    if validator in ("oneOf", "anyOf"):
        best = _best(error)
        if best is not None:
            return explain(best, name)
        key = "schema.one_of.many" if validator == "oneOf" and not error.context else "schema.one_of.none"
        return [SchemaError(path, message(key, where=where))]
    if validator is False or validator == "false":
        return [SchemaError(path, message("schema.false", where=where))]
    # a keyword the schemas do not use today: its name and requirement, never jsonschema's English sentence
    return [SchemaError(path, message("schema.other", where=where, keyword=str(validator),
                                      requirement=_clip(json.dumps(expected, ensure_ascii=False, default=str), 300)))]


def _best(error: Any) -> Any:
    """The sub-error of a oneOf/anyOf that says most: the one of the alternative that came closest (an alternative
    of another type is farther than one of the right type that lacks a field)."""
    if not error.context:
        return None
    from jsonschema.exceptions import best_match

    return best_match([e for e in error.context if e.validator != "type"] or error.context)


def _pattern(error: Any, path: JsonPath, where: Text | str) -> Text:
    value, part = error.instance, error.schema
    shown = _clip(repr(value))
    if path[-1:] == ("id",) and "a-z0-9" in error.validator_value:
        return message("schema.pattern.id", where=where, value=shown)
    if part.get("format") == "date":
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return message("schema.pattern.date_range", where=where, value=repr(value), first=DATE_RANGE[0], last=DATE_RANGE[1])
        return message("schema.pattern.date", where=where, value=shown)
    pattern = error.validator_value.removesuffix("(?!\\n)")  # the guard against a final newline says nothing to a reader
    if "description" in part:
        # the schemas describe their fields in English; the Dutch message shows the form itself
        form = Text(message("schema.pattern.form", pattern=pattern).nl, part["description"])
        return message("schema.pattern.described", where=where, value=shown, form=form)
    return message("schema.pattern", where=where, value=shown, pattern=pattern)


def _because(part: dict[str, Any]) -> Text | str:
    """Why a conditionally required field is required (the schema's x-required-because, x-required-because-nl)."""
    english = part.get("x-required-because")
    if not english:
        return ""
    return message("schema.because", why=Text(part.get("x-required-because-nl", english), english))


def _field(path: JsonPath, name: str) -> Text | str:
    if not path:
        return message("schema.root.organisation" if name == "organisation" else "schema.root.document")
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")


def _joined(words: list[Text]) -> Text:
    """'a string or null', 'tekst of null'."""
    if len(words) == 1:
        return words[0]
    return per_language(lambda lang: message("schema.or").get(lang).join(w.get(lang) for w in words))


def _suggest(value: Any, choices: list[Any], descriptions: list[str] | None = None) -> Text | str:
    """A nearby valid value: same letters in another case, a close spelling, or a value whose description fits."""
    if not isinstance(value, str):
        return ""
    texts = [str(c) for c in choices]
    same_case = [c for c in texts if c.lower() == value.lower()]
    if same_case:
        return message("schema.did_you_mean", value=same_case[0])
    if "NL" in texts:  # country codes are too short for spelling distance to mean anything
        hint = f"schema.country_hint.{value.upper()}"
        return message(hint) if hint in catalogue("en") and value.isascii() else ""
    matches = difflib.get_close_matches(value, texts, n=1, cutoff=0.6)
    if not matches and descriptions:
        words = {d.lower().strip(". "): c for c, d in zip(texts, descriptions)}
        described = difflib.get_close_matches(value.lower(), list(words), n=1, cutoff=0.6)
        matches = [words[described[0]]] if described else [c for d, c in words.items() if value.lower() in d][:1]
    return message("schema.did_you_mean", value=matches[0]) if matches else ""


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number",
            type(None): "null"}[type(value)]


def _short(value: Any) -> str:
    text = repr(value)
    return f" ({text[:40]}{'…' if len(text) > 40 else ''})" if not isinstance(value, (dict, list)) else ""
