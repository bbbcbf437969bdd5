"""JSON Schema validation whose errors say where, in the user's words, most relevant first."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.loader import JsonPath
from checker.model import Text
from checker.resources import schema

# The dates every schema accepts (their date pattern) and --as-of: well inside what the engines' date arithmetic
# can compute (nanoseconds since 1970 in 64 bits: 1678 to 2262), with room for a rule to add a century.
DATE_RANGE = ("1900-01-01", "2199-12-31")


@dataclass(frozen=True)
class SchemaError:
    path: JsonPath
    text: Text  # in both languages (checker/schema_messages.py)
    unknown_field: bool = False  # located at the key, not at the value

    @property
    def message(self) -> str:
        return self.text.en


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
    first problem's file, line and column. `what` names the file in messages ("configuration", "waivers": the
    catalogue's file.<what>). A valid document is kept in the cache, keyed by its bytes: a run in which it did not
    change reads it from there, without parsing YAML or compiling a validator (neither ruamel nor jsonschema-rs is
    loaded for it)."""
    from checker.errors import InputError
    from checker.i18n import message
    from checker.loader import DEFAULT_LIMITS, load_bytes, load_file

    key, raw = _document_key(path, display, name)
    if key is not None:
        from checker import cache

        hit = cache.get_many(_DOCUMENTS, [key]).get(key)
        if hit is not None:
            try:
                return _document_from_json(hit, display)
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry is read afresh
    # a configuration's limits are for its descriptors; a keyed file is read from the bytes its key was made of
    loaded = load_file(path, display, limits=DEFAULT_LIMITS) if raw is None else load_bytes(raw, display, DEFAULT_LIMITS)
    if loaded.problems:
        problem = loaded.problems[0]
        text = problem.text
        if problem.key == "loader.not_a_mapping":  # the loader speaks of descriptors
            text = message("loader.not_a_mapping", what=problem.params["what"], kind=message(f"file.{what}"))
        raise InputError(text, location=f"{problem.file}:{problem.line}:{problem.column}")
    if len(loaded.documents) != 1:
        raise InputError(message("schema.one_document", kind=message(f"file.{what}")), location=f"{display}:1:1")
    document = loaded.documents[0]
    errors = validate(document.data, name)
    if errors:
        line, column = position(document, errors[0])
        more = message("schema.more", count=len(errors) - 1) if len(errors) > 1 else ""
        raise InputError(message(f"schema.invalid.{what}", error=errors[0].text, more=more),
                         location=f"{display}:{line}:{column}")
    if key is not None:
        from checker import cache

        cache.put_many(_DOCUMENTS, {key: _document_to_json(document)})
    return document


_DOCUMENTS = "validated-document"  # a configuration's or waiver file's document, as read and found valid
_DOCUMENT_DIGESTS: dict[str, str] = {}


def _document_key(path: Any, display: str, name: str) -> tuple[str | None, bytes | None]:
    """The cache key of a valid document of this file (None: no cache, or not a plain readable file within the
    limit, which the loader then reads and explains) and the bytes it was made of: the file's bytes and name, the
    schema, the code that reads and judges it, and the versions of the libraries that do."""
    import stat

    from checker import __version__, cache
    from checker.loader import DEFAULT_LIMITS
    from checker.resources import schema_path

    if cache.directory() is None:
        return None, None
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer (as the loader opens it)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None, None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > DEFAULT_LIMITS.max_bytes:
                return None, None
            raw = handle.read(DEFAULT_LIMITS.max_bytes + 1)
        except OSError:
            return None, None
    if len(raw) > DEFAULT_LIMITS.max_bytes:
        return None, None
    digest = _DOCUMENT_DIGESTS.get(name)
    if digest is None:
        here = Path(__file__).parent
        code = [(here / module).read_bytes() for module in ("loader.py", "schema.py")]
        source = schema_path("config" if name == "organisation" else name).read_bytes()
        digest = _DOCUMENT_DIGESTS[name] = cache.key(__version__, cache.libraries(), name, repr(DEFAULT_LIMITS), source, *code)
    return cache.key(digest, display, raw), raw


def _document_to_json(document: Any) -> list[Any]:
    return [document.index, document.data, [[list(p), s] for p, s in document.spans.items()],
            [[list(p), k] for p, k in document.keys.items()]]


def _document_from_json(entry: list[Any], display: str) -> Any:
    from checker.loader import Document

    index, data, spans, keys = entry
    return Document(display, index, data, {tuple(p): tuple(s) for p, s in spans}, {tuple(p): tuple(k) for p, k in keys})


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
        # the messages come from the catalogues: a changed wording is not read from the cache
        words = b"".join(path.read_bytes() for path in sorted(Path(__file__).with_name("locale").glob("*.json")))
        # and the code that explains, and the validator that judges
        explaining = Path(__file__).with_name("schema_messages.py").read_bytes()
        digest = _schema_digests[name] = cache.key(__version__, cache.libraries(), name, source, words, explaining)
    key = cache.key(digest, text)
    hit = cache.get_many(_CACHE_KIND, [key]).get(key)
    if hit is not None:
        return [SchemaError(tuple(path), Text(**text), unknown) for path, text, unknown in hit]
    errors = _validate(data, name)
    cache.put_many(_CACHE_KIND, {key: [[list(e.path), e.text.to_json(), e.unknown_field] for e in errors]})
    return errors


_schema_digests: dict[str, str] = {}
_CACHE_KIND = "validation-text"  # messages in both languages; a cache of English-only ones is not read


def _validate(data: Any, name: str) -> list[SchemaError]:
    from jsonschema.exceptions import relevance

    from checker.schema_messages import explain

    errors = sorted(_validator(name).iter_errors(data), key=relevance)
    results: list[SchemaError] = []
    seen: set[tuple[JsonPath, str]] = set()
    bad_form = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in bad_form:
            continue  # one message for one bad date
        for item in explain(error, name):
            # a field that two conditions require (an external service with personal data) is missing once
            key = (item.path, item.message.split(" (")[0] if error.validator == "required" else item.message)
            if key not in seen:
                seen.add(key)
                results.append(item)
    return results
