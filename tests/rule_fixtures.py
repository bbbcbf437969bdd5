"""The per-rule fixtures, written from one fully compliant base descriptor.

Every rule has a compliant and a non-compliant example, tests/fixtures/rules/<pack>/<rule>/compliant.cloud.yaml and
noncompliant.cloud.yaml (`cloudbeleid explain` and the rule pages show them). Each is the base descriptor
(tests/fixtures/rules/base.yaml) with the changes tests/fixtures/rules/fixtures.yaml names for it, so the examples
differ from each other only where a rule looks, and a change to the base reaches them all:

    python3 -m tests.rule_fixtures            # exit 1 naming every fixture that differs from what the spec gives
    python3 -m tests.rule_fixtures --update   # write them (and the infrastructure code beside the infra ones)

An entry of fixtures.yaml, under the rule's package (cb22.exit_strategy):

    compliant | noncompliant:
      says: what the example shows (one sentence, the fixture's header comment)
      set: {dotted.path: value}      # values replace the base's; a mapping is merged key by key only via dotted paths
      unset: [dotted.path]           # fields left out
      notes: {dotted.path: comment}  # the comment at the changed line (default: "changed for this example")
      documents: [{set, unset, notes}, ...]  # several services in one file, each the base with these changes
      also: [RULE-ID]                # other rules this fixture fails, because they read the very same fact
    own_provider_names: true         # keep provider names as written (else each gets the fixture's id, so that
                                     # the fixtures together are no portfolio at one provider)
    organisation: {field: value}     # a profile of the rule's own: <pack>/<rule>/.cloudbeleid.yaml is the fixtures'
                                     # configuration with these organisation fields (a zbo, an essential entity)
      files: {relative/path: text}   # other files beside it (infrastructure code)

tests/test_rule_examples.py checks that the files are what this module writes, that every compliant fixture passes
every rule of every pack (all packs are on in tests/fixtures/rules/.cloudbeleid.yaml) and that every non-compliant
one fails its own rule and nothing else but the rules its entry names under `also`.
"""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "rules"
BASE = FOLDER / "base.yaml"
SPEC = FOLDER / "fixtures.yaml"
KINDS = ("compliant", "noncompliant")
SCHEMA = "schemas/service-descriptor.v1.schema.json"
MARK = "changed for this example"


@dataclass(frozen=True)
class Fixture:
    package: str  # cb22.exit_strategy
    kind: str  # compliant | noncompliant
    says: str
    ids: tuple[str, ...]  # the services the file holds
    also: frozenset[str]
    path: Path
    text: str
    files: dict[Path, str] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent


def _yaml() -> YAML:
    yaml = YAML()  # round trip: the base's comments and flow lists stay as written
    yaml.width = 200
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _spec() -> dict[str, Any]:
    """The spec as plain data (its anchors and merge keys resolved); keys starting with _ hold shared parts."""
    spec = YAML(typ="safe").load(SPEC.read_text(encoding="utf-8"))
    return {package: kinds for package, kinds in spec.items() if not package.startswith("_")}


def _body(path: Path) -> CommentedMap:
    """The base without its leading comment block (each fixture writes a header of its own)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    return _yaml().load("".join(lines[start:]))


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: Any, in_list: bool = False) -> Any:
    """A value of the spec written as the base writes its own: a list of scalars as a flow list, [NL, US], and a small
    mapping in a list as a flow mapping, {name: BAG, role: kopie}; other mappings and lists in block style."""
    if isinstance(value, dict):
        mapping = CommentedMap((k, _flow(v)) for k, v in value.items())
        if in_list and all(_scalar(v) or isinstance(v, list) and all(map(_scalar, v)) for v in value.values()):
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_flow(v, in_list=True) for v in value)
        if all(map(_scalar, value)):
            seq.fa.set_flow_style()
        return seq
    return value


def _apply(document: CommentedMap, change: dict[str, Any]) -> CommentedMap:
    document = copy.deepcopy(document)
    notes = change.get("notes") or {}
    for dotted, value in (change.get("set") or {}).items():
        *parents, key = str(dotted).split(".")
        node = document
        for part in parents:
            if part not in node:
                node[part] = CommentedMap()
            node = node[part]
        node[key] = _flow(copy.deepcopy(value))
        note = notes.get(dotted, MARK)
        if note:
            node.yaml_add_eol_comment(note, key)
    for dotted in change.get("unset") or ():
        *parents, key = str(dotted).split(".")
        node = document
        for part in parents:
            node = node[part]
        if key not in node:
            raise KeyError(f"unset {dotted}: not in the base")
        del node[key]
    return document


def _identify(document: CommentedMap, service_id: str, own_provider_names: bool) -> None:
    document["id"] = service_id
    if not own_provider_names:
        # one provider name per fixture: checked together, the fixtures are not one organisation's portfolio at one
        # provider (KAMER25-MARKET-CONCENTRATION)
        name = str(document["provider"]["name"])
        document["provider"]["name"] = f"{name[:-1]}, {service_id})" if name.endswith(")") else f"{name} ({service_id})"


def _dump(documents: list[CommentedMap], notes: set[str]) -> str:
    out = []
    for document in documents:
        stream = io.StringIO()
        _yaml().dump(document, stream)
        text = stream.getvalue()
        # ruamel puts an added comment at a column of its choosing; two spaces before it, as written by hand
        for note in notes:
            text = re.sub(rf"(?<=\S) *# {re.escape(note)}$", f"  # {note}", text, flags=re.MULTILINE)
        out.append(text)
    return "---\n".join(out)


def _header(package: str, kind: str, entry: dict[str, Any], depth: int) -> str:
    title = "Compliant" if kind == "compliant" else "Non-compliant"
    lines = [f"# yaml-language-server: $schema={'../' * depth}{SCHEMA}",
             f"# {title} example for {package.replace('.', '/')}: {entry['says']}"]
    unset = [str(u) for change in (entry, *(entry.get("documents") or ())) for u in (change.get("unset") or ())]
    if unset:
        lines.append("# Left out: " + ", ".join(dict.fromkeys(unset)) + ".")
    if entry.get("also"):
        lines.append("# It also fails " + ", ".join(entry["also"]) + ": " + ("it reads" if len(entry["also"]) == 1 else "they read") + " the same fact.")
    lines.append("# Written by `python3 -m tests.rule_fixtures --update` from tests/fixtures/rules/base.yaml (fully compliant)")
    lines.append(f"# and the entry {package} in tests/fixtures/rules/fixtures.yaml; change those, not this file.")
    return "\n".join(lines) + "\n"


CONFIG = FOLDER / ".cloudbeleid.yaml"


def _config(package: str, organisation: dict[str, Any], folder: Path) -> str:
    """The fixtures' configuration with the organisation fields of one rule's own profile."""
    config = _yaml().load(CONFIG.read_text(encoding="utf-8"))
    for key, value in organisation.items():
        config["organisation"][key] = value
    stream = io.StringIO()
    _yaml().dump(config, stream)
    depth = len(folder.relative_to(ROOT).parts)
    header = [f"# yaml-language-server: $schema={'../' * depth}schemas/config.v1.schema.json",
              f"# The profile for the fixtures of {package}: the fixtures' configuration ({CONFIG.relative_to(ROOT)})",
              "# with " + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in organisation.items()) + ". Written by tests/rule_fixtures.py."]
    body = stream.getvalue().split("\n")
    start = next(i for i, line in enumerate(body) if line and not line.startswith("#"))
    return "\n".join(header + body[start:])


def fixtures() -> list[Fixture]:
    base = _body(BASE)
    spec = _spec()
    out = []
    for package, kinds in spec.items():
        pack, rule = package.split(".", 1)
        configs = {FOLDER / pack / rule / ".cloudbeleid.yaml": _config(package, kinds["organisation"], FOLDER / pack / rule)} if kinds.get("organisation") else {}
        for kind in KINDS:
            entry = kinds[kind]
            path = FOLDER / pack / rule / f"{kind}.cloud.yaml"
            depth = len(path.relative_to(ROOT).parts) - 1
            stem = f"{pack}-{rule}-{kind}".replace("_", "-")
            changes = entry.get("documents") or [{}]
            documents, ids = [], []
            for n, change in enumerate(changes, 1):
                document = _apply(_apply(base, entry), change)
                service_id = stem if len(changes) == 1 else f"{stem}-{n}"
                _identify(document, service_id, bool(kinds.get("own_provider_names")))
                documents.append(document)
                ids.append(service_id)
            notes = {MARK} | {str(n) for change in (entry, *changes) for n in (change.get("notes") or {}).values()}
            text = _header(package, kind, entry, depth) + _dump(documents, notes)
            files = {path.parent / name: str(content) for name, content in (entry.get("files") or {}).items()}
            if kind == "compliant":
                files.update(configs)
            out.append(Fixture(package, kind, str(entry["says"]), tuple(ids), frozenset(entry.get("also") or ()), path, text, files))
    return out


def expected() -> dict[Path, str]:
    """Every file the spec gives: the fixtures and the files beside them."""
    return {path: text for fixture in fixtures() for path, text in ((fixture.path, fixture.text), *fixture.files.items())}


def stale() -> list[Path]:
    """The files whose content differs from what the spec gives (or that are missing)."""
    return [path for path, text in expected().items() if not path.is_file() or path.read_text(encoding="utf-8") != text]


def update() -> list[Path]:
    written = []
    for path, text in expected().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str]) -> int:
    if argv == ["--update"]:
        for path in update():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    found = stale()
    for path in found:
        print(f"stale: {path.relative_to(ROOT)} (python3 -m tests.rule_fixtures --update)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
