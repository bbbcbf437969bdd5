"""Terraform and OpenTofu code read with its file and line: the native syntax (*.tf, *.tofu, *.tfvars) with
python-hcl2, the JSON syntax (*.tf.json, *.tofu.json, *.tfvars.json) with json, its lines from ruamel's nodes.

Values are resolved the way Terraform would where the code alone decides them: variable defaults, then
terraform.tfvars, then *.auto.tfvars in name order, then the var files a descriptor names (as -var-file would),
locals, and the arguments of calls to local modules. Anything else (a function call, another resource's
attribute, a variable without a value, a remote module) is Unknown and reported, never assumed harmless.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.config import repository_of
from checker.i18n import decoder_says, message, os_reason
from checker.infra.facts import Reading, Resource, Unknown, Where, not_known, service_tag
from checker.infra.walk import CODE
from checker.pipeline.discover import display_path

REGION_ATTRIBUTES = ("location", "region", "zone", "datacenter", "network_zone")
PROVIDER_REGION_ATTRIBUTES = ("region", "default_region", "zone", "location")
_INTERPOLATION = re.compile(r"(?<!\$)\$\{([^{}]*)\}")
_REFERENCE = re.compile(r"^\s*(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)\s*$")
# another resource's argument as written in the code (location = azurerm_resource_group.main.location)
_RESOURCE_ARGUMENT = re.compile(r"^\s*([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)\s*$")
MAX_MODULE_DEPTH = 16
MAX_BYTES = 10 * 1024 * 1024  # one .tf or .tfvars file; Terraform code is text written by people


@dataclass
class Value:
    value: Any
    where: Where | None


@dataclass
class _Module:
    folder: Path
    variables: dict[str, Value] = field(default_factory=dict)
    locals: dict[str, tuple[Any, Where]] = field(default_factory=dict)
    providers: dict[str, dict[str, tuple[Any, Where]]] = field(default_factory=dict)  # "aws" / "aws.east" -> attributes
    default_tags: dict[str, tuple[Any, Where]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # provider local name -> source
    resources: list[tuple[str, str, dict[str, tuple[Any, Where]], Where]] = field(default_factory=list)
    calls: list[tuple[str, str, dict[str, tuple[Any, Where]], Where]] = field(default_factory=list)


def _display(path: Path) -> str:
    return display_path(path)


def _text(path: Path, reading: Reading) -> str | None:
    """The file's text, or None with a problem: a link out of the repository, a file too large, not UTF-8, binary."""
    name = _display(path)
    if path.is_symlink():  # the repository under check is untrusted: a link must not read a file outside it
        home = repository_of(path.parent)
        if os.path.commonpath([os.path.realpath(path), home]) != home:
            reading.problems.append((Where(name, 1), message("infra.link_outside")))
            return None
    try:
        if path.stat().st_size > MAX_BYTES:
            reading.problems.append((Where(name, 1), message("infra.tf_too_big", limit=MAX_BYTES)))
            return None
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reading.problems.append((Where(name, 1), message("infra.tf_cannot_read", reason=os_reason(exc))))
        return None
    except UnicodeDecodeError:
        reading.problems.append((Where(name, 1), message("infra.tf_not_utf8")))
        return None
    if "\x00" in text:
        reading.problems.append((Where(name, text.count("\n", 0, text.index("\x00")) + 1), message("infra.tf_binary")))
        return None
    return text


def _parse(path: Path, reading: Reading) -> Any:
    """The body of a native-syntax file (.tf, .tofu, .tfvars), or of a JSON-syntax one (.tf.json, .tofu.json,
    .tfvars.json) as a _JsonBody; None with a problem when it cannot be read."""
    import hcl2

    name = _display(path)
    text = _text(path, reading)
    if text is None:
        return None
    if path.name.endswith(".json"):
        document = _json_document(text, name, reading)
        if document is not None and path.name.endswith(CODE):
            _json_structure(document, reading)
        return document
    try:
        return hcl2.parses(text).body
    except Exception as exc:  # lark raises many kinds; each carries the position where it has one
        line, column = getattr(exc, "line", 1) or 1, getattr(exc, "column", 1) or 1
        # the token's kind, never its text: the input's bytes do not belong in a message
        token = getattr(getattr(exc, "token", None), "type", None)
        what = message("infra.unexpected", token=token) if token else message("infra.unexpected_input") if hasattr(exc, "line") else type(exc).__name__
        reading.problems.append((Where(name, max(line, 1), max(column, 1)), message("infra.hcl_syntax", error=what)))
        return None


def _options() -> Any:
    from hcl2.utils import SerializationOptions

    return SerializationOptions(strip_string_quotes=True, with_comments=False)


@dataclass
class _JsonBody:
    """A block body in Terraform's JSON syntax: the value json decoded, and ruamel's node of it for lines (None
    where ruamel cannot compose the text: every position is then the file's first line)."""

    value: Any
    node: Any
    file: str
    where: Where


def _json_document(text: str, file: str, reading: Reading) -> _JsonBody | None:
    try:
        value = json.loads(text)
    except ValueError as exc:
        line, column = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        reading.problems.append((Where(file, line, column), message("infra.json_syntax", error=decoder_says(getattr(exc, "msg", str(exc))))))
        return None
    except RecursionError:
        value = None
    if value is None or _depth(value) > MAX_JSON_DEPTH:
        reading.problems.append((Where(file, 1), message("infra.json_deep", limit=MAX_JSON_DEPTH)))
        return None
    if not isinstance(value, dict):
        reading.problems.append((Where(file, 1), message("infra.json_top")))
        return None
    try:
        from ruamel.yaml import YAML

        node = YAML(typ="safe", pure=True).compose(text)
    except Exception:  # JSON that YAML 1.2 reads differently (tabs, duplicate keys): positions fall back to line 1
        node = None
    return _JsonBody(value, node, file, Where(file, 1))


def _json_structure(document: _JsonBody, reading: Reading) -> None:
    """A block that is not an object would be left out without a word: Terraform refuses it, and so does the checker."""
    for kind, body in _json_entries(document):
        for labels, block in _json_walk([kind], body, _JSON_LABELS[kind]) if kind in _JSON_LABELS else ():
            if not _json_bodies(block):
                reading.problems.append((block.where, message("infra.json_block", block=" ".join(labels))))


MAX_JSON_DEPTH = 64


def _depth(value: Any) -> int:
    """How deep a decoded JSON value nests, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level <= MAX_JSON_DEPTH:
            children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
            stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _json_entries(body: _JsonBody) -> list[tuple[str, _JsonBody]]:
    """Every key of an object body with its value, each placed at its key's line (a "//" key is a comment)."""
    from ruamel.yaml.nodes import MappingNode

    nodes = {}
    if isinstance(body.node, MappingNode):
        nodes = {getattr(k, "value", None): (k, v) for k, v in body.node.value}
    entries = []
    for key, value in body.value.items() if isinstance(body.value, dict) else ():
        if key == "//":
            continue
        key_node, value_node = nodes.get(key, (None, None))
        where = Where(body.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1) if key_node is not None else body.where
        entries.append((key, _JsonBody(value, value_node, body.file, where)))
    return entries


def _json_bodies(body: _JsonBody) -> list[_JsonBody]:
    """A block's body, or the bodies of a block repeated as an array (two provider configurations, an alias)."""
    from ruamel.yaml.nodes import SequenceNode

    if isinstance(body.value, dict):
        return [body]
    if isinstance(body.value, list):
        nodes = body.node.value if isinstance(body.node, SequenceNode) and len(body.node.value) == len(body.value) else [None] * len(body.value)
        return [_JsonBody(item, node, body.file, Where(body.file, node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else body.where)
                for item, node in zip(body.value, nodes, strict=True) if isinstance(item, dict)]
    return []


# How many labels each top-level block type has, which the JSON syntax writes as nested object keys
_JSON_LABELS = {"resource": 2, "data": 2, "provider": 1, "variable": 1, "module": 1, "output": 1, "locals": 0, "terraform": 0}


def _json_walk(labels: list[str], body: _JsonBody, depth: int) -> list[tuple[list[str], _JsonBody]]:
    """The block bodies under a top-level key, each with its labels (the object keys down to it)."""
    if depth == 0:
        return [(labels, body)]
    if not isinstance(body.value, dict):
        return [(labels, body)]  # a label's level that is no object: its block is malformed
    return [found for label, inner in _json_entries(body) for found in _json_walk([*labels, label], inner, depth - 1)]


def _json_blocks(document: _JsonBody) -> list[tuple[list[str], Any, Where]]:
    return [(labels, inner, inner.where)
            for kind, body in _json_entries(document) if kind in _JSON_LABELS
            for labels, block in _json_walk([kind], body, _JSON_LABELS[kind])
            for inner in _json_bodies(block)]


def _body(body: Any, file: str, top: bool = False) -> tuple[dict[str, tuple[Any, Where]], list[tuple[list[str], Any, Where]]]:
    """The attributes (serialized value, where) and the blocks (labels, body, where) of one body.

    In the JSON syntax an object is an attribute or a nested block as the schema decides, which the checker does
    not know: every key is an attribute, and every object (or array of objects) also a block."""
    from hcl2.rules.base import AttributeRule, BlockRule

    if isinstance(body, _JsonBody):
        if top:
            return {}, _json_blocks(body)
        entries = _json_entries(body)
        inner = [([key], nested, nested.where) for key, value in entries for nested in _json_bodies(value)]
        return {key: (value.value, value.where) for key, value in entries}, inner
    attributes: dict[str, tuple[Any, Where]] = {}
    blocks: list[tuple[list[str], Any, Where]] = []
    options = _options()
    for child in body.children:
        meta = getattr(child, "_meta", None)
        where = Where(file, getattr(meta, "line", 1) or 1, getattr(meta, "column", 1) or 1)
        if isinstance(child, AttributeRule):
            attributes[str(child.identifier.serialize(options))] = (child.expression.serialize(options), where)
        elif isinstance(child, BlockRule):
            blocks.append(([str(label.serialize(options)) for label in child.labels], child.body, where))
    return attributes, blocks




def code_files(folder: Path) -> list[Path]:
    """The configuration files of one module folder as OpenTofu reads them: x.tofu (x.tofu.json) takes the place
    of x.tf (x.tf.json), which Terraform alone would read. A folder with .tofu files is OpenTofu code."""
    try:
        files = sorted(p for p in folder.iterdir() if p.name.endswith(CODE) and p.is_file())
    except OSError:
        return []
    names = {p.name for p in files}
    return [p for p in files if not (p.name.endswith((".tf", ".tf.json")) and p.name.replace(".tf", ".tofu", 1) in names)]


def has_code(folder: Path) -> bool:
    return bool(code_files(folder))


def _read_folder(folder: Path, reading: Reading) -> _Module:
    module = _Module(folder)
    for path in code_files(folder):
        tree = _parse(path, reading)
        if tree is None:
            continue
        file = _display(path)
        _, blocks = _body(tree, file, top=True)
        for labels, body, where in blocks:
            attributes, inner = _body(body, file)
            kind = labels[0]
            if kind == "variable" and len(labels) == 2:
                default = attributes.get("default")
                module.variables[labels[1]] = Value(default[0], default[1]) if default else Value(not_known("variable_no_value", name=labels[1]), where)
            elif kind == "locals":
                module.locals.update(attributes)
            elif kind == "provider" and len(labels) == 2:
                alias = attributes.get("alias")
                key = f"{labels[1]}.{alias[0]}" if alias and isinstance(alias[0], str) else labels[1]
                module.providers[key] = attributes
                for block_labels, block_body, _ in inner:
                    if block_labels == ["default_tags"]:
                        tags = _body(block_body, file)[0].get("tags")
                        if tags:
                            module.default_tags[key] = tags
            elif kind == "terraform":
                for block_labels, block_body, _ in inner:
                    if block_labels == ["required_providers"]:
                        for local, (spec, _) in _body(block_body, file)[0].items():
                            if isinstance(spec, dict) and isinstance(spec.get("source"), str):
                                module.sources[local] = spec["source"]
            elif kind == "resource" and len(labels) == 3:
                module.resources.append((labels[1], labels[2], attributes, where))
            elif kind == "module" and len(labels) == 2:
                module.calls.append((labels[1], str(attributes.get("source", ("", where))[0]), attributes, where))
    return module


def _tfvars(path: Path, reading: Reading) -> dict[str, Value]:
    tree = _parse(path, reading)
    if tree is None:
        return {}
    attributes, _ = _body(tree, _display(path))
    return {name: Value(value, where) for name, (value, where) in attributes.items()}


class _Scope:
    """Resolves var.* and local.* in one module instance."""

    def __init__(self, module: _Module, variables: dict[str, Value]) -> None:
        self.module = module
        self.variables = variables
        self.resolving: set[str] = set()

    def resolve(self, value: Any, where: Where | None) -> tuple[Any, Where | None]:
        """The value with every reference the code decides filled in, and where its literal text stands."""
        if isinstance(value, dict):
            return {k: self.resolve(v, where)[0] for k, v in value.items()}, where
        if isinstance(value, list):
            return [self.resolve(v, where)[0] for v in value], where
        if not isinstance(value, str) or "${" not in value:
            return value, where
        whole = _INTERPOLATION.fullmatch(value)
        if whole:
            return self._reference(whole.group(1), where)
        parts: list[str] = []
        position, origin = 0, where
        for match in _INTERPOLATION.finditer(value):
            resolved, _ = self._reference(match.group(1), where)
            if isinstance(resolved, Unknown):
                return resolved, where
            if not isinstance(resolved, (str, int, float)):
                return not_known("not_text", value=match.group(0)), where
            parts += [value[position:match.start()], str(resolved)]
            position = match.end()
        return "".join(parts + [value[position:]]).replace("$${", "${"), origin

    def _reference(self, expression: str, where: Where | None) -> tuple[Any, Where | None]:
        found = _REFERENCE.match(expression)
        argument = _RESOURCE_ARGUMENT.match(expression) if not found else None
        if argument and argument.group(1) not in ("var", "local", "data", "module", "each", "count", "path", "terraform", "self"):
            return self._resource_argument(argument.group(1), argument.group(2), argument.group(3), where)
        if not found:
            return not_known("at_run", what=f"'{expression.strip()[:80]}'"), where
        kind, name = found.groups()
        if kind == "var":
            if name not in self.variables:
                return not_known("undeclared", name=name), where
            given = self.variables[name]
            if isinstance(given.value, Unknown):
                return given.value, given.where
            return self.resolve(given.value, given.where)
        if name not in self.module.locals or name in self.resolving:
            return (not_known("local_unset", name=name) if name not in self.resolving
                    else not_known("local_loop", name=name)), where
        self.resolving.add(name)
        try:
            raw, origin = self.module.locals[name]
            return self.resolve(raw, origin)
        finally:
            self.resolving.discard(name)


    def _resource_argument(self, resource_type: str, name: str, argument: str, where: Where | None) -> tuple[Any, Where | None]:
        key = f"{resource_type}.{name}.{argument}"
        for candidate_type, candidate, attributes, _ in self.module.resources:
            if (candidate_type, candidate) == (resource_type, name) and argument in attributes and key not in self.resolving:
                self.resolving.add(key)
                try:
                    return self.resolve(*attributes[argument])
                finally:
                    self.resolving.discard(key)
        return not_known("at_run", what=key), where


def _provider_key(resource_type: str, attributes: dict[str, tuple[Any, Where]]) -> str:
    given = attributes.get("provider")
    if given and isinstance(given[0], str):
        return given[0].strip("${} ")
    return resource_type.split("_", 1)[0]


def _instantiate(module: _Module, variables: dict[str, Value], prefix: str, parent_providers: dict[str, Any],
                 parent_sources: dict[str, str], parent_tags: dict[str, Any], reading: Reading, modules: dict[Path, _Module],
                 depth: int, root: Path | None) -> None:
    scope = _Scope(module, variables)
    providers = {**parent_providers, **{k: (v, scope) for k, v in module.providers.items()}}
    sources = {**parent_sources, **module.sources}
    tags = {**parent_tags, **{k: (v, scope) for k, v in module.default_tags.items()}}
    for resource_type, name, attributes, where in module.resources:
        key = _provider_key(resource_type, attributes)
        local = key.split(".", 1)[0]
        resource = Resource(f"{prefix}{resource_type}.{name}", resource_type, sources.get(local, f"hashicorp/{local}"), where,
                            folder=os.path.realpath(module.folder))
        for attribute in REGION_ATTRIBUTES:
            if attribute in attributes:
                resource.region, resource.region_where = scope.resolve(*attributes[attribute])
                break
        else:
            if key in providers:
                config, provider_scope = providers[key]
                for attribute in PROVIDER_REGION_ATTRIBUTES:
                    if attribute in config:
                        resource.region, resource.region_where = provider_scope.resolve(*config[attribute])
                        break
        for attribute in ("tags", "labels"):
            if attribute in attributes:
                resource.service_tag = service_tag(scope.resolve(*attributes[attribute])[0])
                if resource.service_tag is not None:
                    break
        if resource.service_tag is None and key in tags:
            raw, tag_scope = tags[key]
            resource.service_tag = service_tag(tag_scope.resolve(*raw)[0])
        reading.resources.append(resource)
    for name, source, attributes, where in module.calls:
        if not source.startswith(("./", "../")):
            entry = (where, message("infra.module_remote", name=name, source=repr(source)))
            reading.unread.append(entry)
            reading.remote[entry] = (f"{prefix}module.{name}", source)
            continue
        folder = Path(os.path.realpath(module.folder / source))
        if root is not None and not str(folder).startswith(os.path.realpath(root).rstrip(os.sep) + os.sep):
            reading.unread.append((where, message("infra.module_outside", name=name, source=repr(source))))
            continue
        if depth >= MAX_MODULE_DEPTH or not folder.is_dir():
            reading.problems.append((where, message("infra.module_missing" if not folder.is_dir() else "infra.module_deep", name=name, source=repr(source))))
            continue
        child = modules.get(folder) or modules.setdefault(folder, _read_folder(folder, reading))
        inputs = dict(child.variables)
        for argument, (raw, at) in attributes.items():
            if argument in child.variables:
                value, origin = scope.resolve(raw, at)
                inputs[argument] = Value(value, origin)
        _instantiate(child, inputs, f"{prefix}module.{name}.", providers, sources, tags, reading, modules, depth + 1, root)


def read(folders: list[Path], var_files: tuple[Path, ...] = (), root: Path | None = None) -> Reading:
    """The resources of the root modules among folders; a folder another one calls as a module is read through that
    call. With root, a module call may not leave it (the repository under check is untrusted)."""
    reading = Reading()
    modules = {Path(os.path.realpath(f)): _read_folder(f, reading) for f in folders}
    called = {Path(os.path.realpath(m.folder / source)) for m in modules.values() for _, source, _, _ in m.calls
              if source.startswith(("./", "../"))}
    for folder, module in list(modules.items()):  # a call reads its module folder into modules
        if folder in called:
            continue
        variables = dict(module.variables)
        # Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by file name
        auto = [folder / "terraform.tfvars", folder / "terraform.tfvars.json"]
        auto += sorted((p for p in folder.iterdir() if p.name.endswith((".auto.tfvars", ".auto.tfvars.json"))), key=lambda p: p.name)
        for path in [p for p in auto if p.is_file()] + list(var_files):
            if not path.is_file():
                reading.problems.append((Where(_display(path), 1), message("infra.var_file_missing")))
                continue
            variables.update(_tfvars(path, reading))
        _instantiate(module, variables, "", {}, {}, {}, reading, modules, 0, root)
    return reading
