"""The rule catalogue, read statically from each rule's # METADATA block.

Policies never call rego.metadata.*: both engines then run the same Rego, and the
catalogue is known without evaluating anything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import PolicyError
from checker.i18n import message
from checker.loader import load_bytes
from checker.model import Rule, Severity, Source, Text
from checker.policies import check_roots, rule_files
from checker.resources import policies_dir
from checker.schema import validate

_PACKAGE = re.compile(r"^package\s+cloudbeleid\.rules\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Pack:
    id: str
    prefix: str
    title: Text
    default: bool
    description: Text


@dataclass(frozen=True)
class Catalog:
    packs: dict[str, Pack]
    rules: tuple[Rule, ...]

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id.upper()), None)

    def in_packs(self, packs: tuple[str, ...]) -> list[Rule]:
        return [r for r in self.rules if r.pack in packs]

    def default_packs(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.packs.values() if p.default)


@cache
def load_catalog(roots: tuple[Path, ...] | None = None) -> Catalog:
    """The catalogue of the rules under roots; read from the cache when no rule, pack or schema changed."""
    from checker import __version__, cache
    from checker.resources import schema_path

    roots = roots or (policies_dir(),)
    check_roots(roots)
    if len(roots) == 1:
        compiled = _compiled(roots[0])
        if compiled is not None:
            return compiled
    sources: list[str | bytes] = [__version__, schema_path("rule-metadata").read_bytes()]
    for root in roots:
        packs_file = root / "data" / "packs.json"
        retired_file = root / "data" / "retired.json"
        sources += [str(root), packs_file.read_bytes() if packs_file.is_file() else b""]
        sources += [retired_file.read_bytes() if retired_file.is_file() else b""]
        sources += [part for path in rule_files(root) for part in (str(path), path.read_bytes())]
    name = cache.key(*sources)
    cached = cache.get("catalog", name)
    if cached is not None:
        try:
            return _from_json(cached)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a damaged cache entry is read afresh, never trusted half
    catalog = _read_catalog(roots)
    cache.put("catalog", name, _to_json(catalog))
    return catalog


# The shipped rules' catalogue, compiled once when the METADATA changes (`python3 -m checker.catalog`), so that no
# process reads and validates 70 METADATA blocks (about a third of a second) to start; test_catalog.py keeps it
# current. Used only for a policy folder whose every input to the catalogue has the digest it was compiled from.
COMPILED = Path(__file__).parent / "compiled_catalog.json"


def _catalog_digest(root: Path) -> str:
    """Everything the catalogue of one policy folder is made of: its name (rule files are shown under it), its
    packs, retired ids and rule files, the METADATA schema, and the code that reads and checks them."""
    from checker import cache
    from checker.resources import schema_path

    here = Path(__file__).parent
    sources: list[str | bytes] = [root.name, schema_path("rule-metadata").read_bytes(),
                                  *((here / module).read_bytes() for module in ("catalog.py", "model.py", "loader.py", "schema.py", "policies.py"))]
    for name in ("packs.json", "retired.json"):
        path = root / "data" / name
        sources.append(path.read_bytes() if path.is_file() else b"")
    sources += [part for path in rule_files(root) for part in (path.relative_to(root).as_posix(), path.read_bytes())]
    return cache.key(*sources)


def _compiled(root: Path) -> Catalog | None:
    try:
        data = json.loads(COMPILED.read_text(encoding="utf-8"))
        if data.get("digest") != _catalog_digest(root):
            return None
        return _from_json(data["catalog"])
    except (OSError, KeyError, TypeError, ValueError, AttributeError):
        return None


def compile_catalog(root: Path | None = None) -> Path:
    """Write the compiled catalogue of the shipped policies (after a change to any rule's METADATA)."""
    root = root or policies_dir()
    catalog = _read_catalog((root,))
    document = {"digest": _catalog_digest(root), "catalog": _to_json(catalog)}
    COMPILED.write_text(json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return COMPILED


def _to_json(catalog: Catalog) -> dict[str, Any]:
    from dataclasses import asdict

    return {"packs": {k: asdict(p) for k, p in catalog.packs.items()}, "rules": [asdict(r) for r in catalog.rules]}


def _from_json(data: dict[str, Any]) -> Catalog:
    def text(value: dict[str, str] | None) -> Text | None:
        return Text(**value) if value else None

    packs = {k: Pack(p["id"], p["prefix"], Text(**p["title"]), p["default"], Text(**p["description"])) for k, p in data["packs"].items()}
    rules = tuple(
        Rule(**{
            **r,
            "severity": Severity(r["severity"]),
            "title": text(r["title"]), "remediation": text(r["remediation"]), "description": text(r["description"]),
            "interpretation": text(r["interpretation"]), "subject": text(r["subject"]),
            "messages": {k: text(v) for k, v in r["messages"].items()},
            "sources": tuple(Source(**s) for s in r["sources"]),
            "applies_to": tuple(r["applies_to"]), "stages": tuple(r["stages"]),
            "portfolio_fields": tuple(r.get("portfolio_fields", ())),
        })
        for r in data["rules"]
    )
    return Catalog(packs, rules)


def _read_catalog(roots: tuple[Path, ...]) -> Catalog:
    packs: dict[str, Pack] = {}
    for root in roots:
        for pack_id, pack in _load_packs(root).items():
            if pack_id in packs:
                raise PolicyError(message("catalog.pack_twice", pack=repr(pack_id)), location=str(root / "data" / "packs.json"))
            packs[pack_id] = pack
    rules = [read_rule(path, root, packs) for root in roots for path in rule_files(root)]
    seen: dict[str, str] = {}
    gone = {rule_id for root in roots for rule_id in _load_retired(root)}
    for rule in rules:
        if rule.id in gone:
            raise PolicyError(message("catalog.retired", id=rule.id), location=rule.file)
        if rule.id in seen:
            raise PolicyError(message("catalog.id_twice", id=rule.id, other=seen[rule.id]), location=rule.file)
        seen[rule.id] = rule.file
    # by id, as the compiled catalogue (written with sorted keys) has them: a report lists the same packs in the same
    # order whichever catalogue the run read
    return Catalog(dict(sorted(packs.items())), tuple(rules))


def _load_retired(root: Path) -> dict[str, Any]:
    path = root / "data" / "retired.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))["retired"]
    except (ValueError, KeyError) as exc:
        raise PolicyError(message("catalog.not_retired", error=_json_problem(exc)), location=_json_location(path, exc)) from None


def retired(rule_id: str, roots: tuple[Path, ...] | None = None) -> dict[str, Any] | None:
    """A retired rule id's pointer (replaced_by, retired_on, why), or None: ids are never reused."""
    for root in roots or (policies_dir(),):
        entry = _load_retired(root).get(rule_id.upper())
        if entry is not None:
            return entry
    return None


def _load_packs(root: Path) -> dict[str, Pack]:
    path = root / "data" / "packs.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["packs"]
    except (ValueError, KeyError) as exc:
        raise PolicyError(message("catalog.not_packs", error=_json_problem(exc)), location=_json_location(path, exc)) from None
    return {
        pack_id: Pack(pack_id, p["prefix"], _text(p["title"]), p["default"], _text(p["description"]))
        for pack_id, p in data.items()
    }


class MetadataError(ValueError):
    """A METADATA block that is not YAML, with the line in the rule file."""

    def __init__(self, text: Text, line: int, column: int) -> None:
        super().__init__(text.en)
        self.text = message("catalog.at_line", line=line, error=text)
        self.line, self.column = line, column


def read_metadata(text: str) -> tuple[dict[str, Any] | None, int]:
    """The YAML of the first # METADATA block and the line it starts on (1-based)."""
    document, line = _metadata_document(text)
    return (document.data if document is not None else None), line


def _metadata_position(text: str, start: int, error: Any) -> str:
    """line:column in the rule file of a schema error in its METADATA (the block's lines follow '# ')."""
    document, _ = _metadata_document(text)
    path = ("custom", *error.path)  # the schema validates the custom: part
    line, column = document.locate_key(path) if error.unknown_field else document.locate(path)[1][:2]
    return f"{start + line}:{column + 2}"


def _metadata_document(text: str) -> tuple[Any, int]:
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "# METADATA":
            block = []
            for following in lines[number + 1 :]:
                if not following.startswith("#"):
                    break
                block.append(following[2:] if following.startswith("# ") else following[1:])
            loaded = load_bytes("\n".join(block).encode("utf-8"), "METADATA")
            if loaded.problems:
                problem = loaded.problems[0]
                raise MetadataError(problem.text, number + 1 + problem.line, problem.column + 2)
            return loaded.documents[0], number + 1
    return None, 0


def read_rule(path: Path, root: Path, packs: dict[str, Pack]) -> Rule:
    shown = path.relative_to(root.parent).as_posix() if root.parent in path.parents else str(path)
    text = path.read_text(encoding="utf-8")
    try:
        annotation, line = read_metadata(text)
    except ValueError as exc:
        where = f"{shown}:{exc.line}:{exc.column}" if isinstance(exc, MetadataError) else shown
        raise PolicyError(message("catalog.metadata_yaml", error=exc.text if isinstance(exc, MetadataError) else str(exc)),
                          location=where) from None
    if not isinstance(annotation, dict) or not isinstance(annotation.get("custom"), dict):
        raise PolicyError(message("catalog.no_metadata"), location=f"{shown}:1")
    package = _PACKAGE.search(text)
    if not package:
        raise PolicyError(message("catalog.package"), location=f"{shown}:1")
    pack, name = package.groups()
    if name.endswith("_test"):
        raise PolicyError(message("catalog.test_name", name=repr(name)), location=shown)
    if path.parent.name != name or path.parent.parent.name != pack or path.stem != name:
        raise PolicyError(message("catalog.place", pack=pack, name=name), location=shown)
    if pack not in packs:
        raise PolicyError(message("catalog.undeclared_pack", pack=repr(pack)), location=shown)
    for required in ("subject", "deny"):
        if not re.search(rf"^{required} contains ", text, re.MULTILINE):
            raise PolicyError(message("catalog.must_define", required=required), location=shown)
    custom = annotation["custom"]
    errors = validate(custom, "rule-metadata")
    if errors:
        raise PolicyError(message("catalog.invalid_metadata", error=errors[0].text), location=f"{shown}:{_metadata_position(text, line, errors[0])}")
    if not custom["id"].startswith(packs[pack].prefix + "-"):
        raise PolicyError(message("catalog.prefix", id=custom["id"], prefix=packs[pack].prefix), location=f"{shown}:{line}")
    messages = {kind: _text(t) for kind, t in custom["messages"].items()}
    return Rule(
        id=custom["id"],
        package=f"{pack}.{name}",
        pack=pack,
        severity=Severity(custom["severity"]),
        title=_text(custom["title"]),
        messages=messages,
        remediation=_text(custom["remediation"]),
        sources=tuple(Source(**s) for s in custom["sources"]),
        applies_to=tuple(custom["applies_to"]),
        stages=tuple(custom["stages"]),
        effective_from=str(custom["effective_from"]),
        effective_until=str(custom["effective_until"]) if custom.get("effective_until") else None,
        waivable=custom["waivable"],
        file=shown,
        description=_text(custom["description"]) if "description" in custom else None,
        interpretation=_text(custom["interpretation"]) if "interpretation" in custom else None,
        subject=_text(custom["subject"]) if "subject" in custom else None,
        portfolio=custom.get("portfolio", False),
        portfolio_fields=tuple(custom.get("portfolio_fields", ())),
    )


def _text(value: dict[str, str]) -> Text:
    return Text(nl=value["nl"], en=value["en"])


def _json_location(path: Path, exc: Exception) -> str:
    """path:line:column of a JSON syntax error, else the path."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    return f"{path}:{line}:{column}" if line else str(path)


def _json_problem(exc: Exception) -> Text:
    """What is wrong with a policy folder's JSON file: not JSON at all, or a key it lacks."""
    if isinstance(exc, KeyError):
        return message("catalog.lacks_key", key=repr(exc.args[0]) if exc.args else "?")
    return message("catalog.not_json")


if __name__ == "__main__":
    print(f"wrote {compile_catalog()}")
