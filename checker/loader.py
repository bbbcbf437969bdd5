"""Read YAML and JSON descriptor files into plain JSON data plus a source map.

The data and the map are built from ruamel's composed nodes (C-backed composer):
about ten times cheaper than the round-trip loader, and every node keeps its line
and column. Each document of a multi-document file is loaded on its own, so that
a broken document does not hide the others.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JsonPath = tuple[str | int, ...]
Span = tuple[int, int, int, int]  # line, column, end line, end column; 1-based

# Limits against hostile input; descriptors are small and shallow.
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000
_INT64 = 2**63

_TAG = "tag:yaml.org,2002:"
_DOCUMENT_START = re.compile(r"^---(?=[ \t]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    """Why a file or document could not be loaded, with where."""

    file: str
    message: str
    line: int = 1
    column: int = 1
    document: int = 0


@dataclass
class Document:
    file: str
    index: int
    data: Any
    spans: dict[JsonPath, Span] = field(repr=False)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict, repr=False)  # where a mapping entry's key stands

    def locate(self, path: JsonPath) -> tuple[JsonPath, Span]:
        """The span of a path, or of its nearest existing parent when the path is missing."""
        path = tuple(path)
        while path not in self.spans:
            path = path[:-1]
        return path, self.spans[path]

    def locate_key(self, path: JsonPath) -> tuple[int, int]:
        """Line and column of the key of a mapping entry (for an unknown field), else of the value."""
        if tuple(path) in self.keys:
            return self.keys[tuple(path)]
        return self.locate(path)[1][:2]


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[Problem]


class _NodeError(Exception):
    def __init__(self, message: str, node: Any) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


def load_file(path: Path, display: str | None = None, *, max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every document of one file; never raises for bad content."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return LoadResult([], [Problem(name, f"file is {size} bytes, more than the limit of {max_bytes}")])
        raw = path.read_bytes()
    except OSError as exc:
        return LoadResult([], [Problem(name, f"cannot read file: {exc.strerror or exc}")])
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> LoadResult:
    text, problem = _decode(raw, name)
    if problem:
        return LoadResult([], [problem])
    documents: list[Document] = []
    problems: list[Problem] = []
    for index, (offset, chunk) in enumerate(_split_documents(text)):
        result = _load_document(chunk, name, index, offset)
        if isinstance(result, Problem):
            problems.append(result)
        elif result is not None:
            documents.append(result)
    if not documents and not problems:
        problems.append(Problem(name, "file holds no document (it is empty or only comments)"))
    return LoadResult(documents, problems)


def _decode(raw: bytes, name: str) -> tuple[str, Problem | None]:
    if b"\x00" in raw[:8192]:
        return "", Problem(name, "binary file (it contains NUL bytes); expected YAML or JSON text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return "", Problem(name, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, column)
    return text, None


def _split_documents(text: str) -> list[tuple[int, str]]:
    """Cut a stream at its '---' markers, keeping each piece's line offset.

    A '---' at the start of a line always starts a new document (YAML 1.2 §9.1;
    block scalar content is indented), so the cut is exact and a syntax error in
    one document cannot swallow the next.
    """
    bounds = [0] + [m.start() for m in _DOCUMENT_START.finditer(text) if m.start() > 0] + [len(text)]
    if len(bounds) > 2 and not _has_content(text[: bounds[1]]):
        del bounds[1]  # comments or directives before the first '---' belong to the first document
    return [(text.count("\n", 0, a), text[a:b]) for a, b in zip(bounds, bounds[1:])]


def _has_content(chunk: str) -> bool:
    for line in chunk.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not stripped.startswith("%") and stripped != "---":
            return True
    return False


def _load_document(chunk: str, name: str, index: int, line_offset: int) -> Document | Problem | None:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="safe", pure=False)
    try:
        node = yaml.compose(chunk)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        kind = "JSON" if name.lower().endswith(".json") else "YAML"
        return Problem(name, f"{kind} syntax error: {what}", line, column, index)
    except YAMLError as exc:
        return Problem(name, f"YAML error: {exc}", line_offset + 1, 1, index)
    except RecursionError:
        return Problem(name, f"nesting deeper than {MAX_DEPTH} levels", line_offset + 1, 1, index)
    if node is None:
        return None
    builder = _Builder(line_offset)
    try:
        data = builder.build(node, (), 0)
    except _NodeError as exc:
        line, column = _start(exc.node, line_offset)
        return Problem(name, exc.message, line, column, index)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, column = _start(node, line_offset)
        return Problem(name, f"the document is {kind}; a descriptor must be a mapping of fields", line, column, index)
    return Document(name, index, data, builder.spans, builder.keys)


def _start(node: Any, line_offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + line_offset, node.start_mark.column + 1


class _Builder:
    """Turns composed nodes into JSON data: strings, integers, finite floats, booleans, null, lists, objects."""

    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.spans: dict[JsonPath, Span] = {}
        self.keys: dict[JsonPath, tuple[int, int]] = {}
        self.nodes = 0
        self.active: set[int] = set()

    def span(self, first: Any, last: Any) -> Span:
        line, column = _start(first, self.line_offset)
        return line, column, last.end_mark.line + 1 + self.line_offset, last.end_mark.column + 1

    def build(self, node: Any, path: JsonPath, depth: int, key_node: Any = None) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _NodeError(f"more than {MAX_NODES} values (an alias bomb?); descriptors are small", node)
        if depth > MAX_DEPTH:
            raise _NodeError(f"nesting deeper than {MAX_DEPTH} levels", node)
        if key_node is not None:
            self.keys[path] = _start(key_node, self.line_offset)
        # a value is located where it stands; a block collection, which starts a line below its key, at its key
        first = key_node if key_node is not None and key_node.start_mark.line != node.start_mark.line else node
        self.spans[path] = self.span(first, node)
        kind = type(node).__name__
        if kind == "ScalarNode":
            return _scalar(node)
        if id(node) in self.active:
            raise _NodeError("recursive alias: a node contains itself", node)
        self.active.add(id(node))
        try:
            if kind == "SequenceNode":
                if node.tag != _TAG + "seq":
                    raise _NodeError(f"unsupported tag {node.tag!r}: only plain data is allowed", node)
                return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            if node.tag != _TAG + "map":
                raise _NodeError(f"unsupported tag {node.tag!r}: only plain data is allowed", node)
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: Any, path: JsonPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: list[Any] = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged.extend(value_node.value if type(value_node).__name__ == "SequenceNode" else [value_node])
                continue
            if type(key_node).__name__ != "ScalarNode" or key_node.tag != _TAG + "str":
                shown = key_node.value if type(key_node).__name__ == "ScalarNode" else "a " + type(key_node).__name__[:-4].lower()
                raise _NodeError(f"key {shown!r} is not a string; field names must be text", key_node)
            key = key_node.value
            if key in result:
                first = self.spans[path + (key,)]
                raise _NodeError(f"duplicate key {key!r} (first at line {first[0]})", key_node)
            result[key] = self.build(value_node, path + (key,), depth + 1, key_node)
        for source in merged:
            if type(source).__name__ != "MappingNode":
                raise _NodeError("a merge key '<<' must refer to a mapping", source)
            for key, value in self.mapping(source, path, depth).items():
                result.setdefault(key, value)
        return result


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scalar(node: Any) -> Any:
    tag, value = node.tag, node.value
    if _SURROGATE.search(value):
        raise _NodeError("text contains an unpaired UTF-16 surrogate escape, which is not a character", node)
    if tag in (_TAG + "str", _TAG + "timestamp"):
        # dates stay strings: the schema checks their format, the policies compare them as text
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        text = value.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        try:
            if digits[:2] in ("0x", "0X"):
                number = sign * int(digits[2:], 16)
            elif digits[:2] in ("0o", "0O"):
                number = sign * int(digits[2:], 8)
            else:
                number = sign * int(digits, 10)
        except ValueError:
            raise _NodeError(f"{value!r} is not a valid integer", node) from None
        if not -_INT64 <= number < _INT64:
            raise _NodeError(f"integer {value} is out of range (64 bits)", node)
        return number
    if tag == _TAG + "float":
        text = value.replace("_", "").lower()
        try:
            number = math.nan if text.endswith((".nan", ".inf")) else float(text)
        except ValueError:
            raise _NodeError(f"{value!r} is not a valid number", node) from None
        if not math.isfinite(number):
            raise _NodeError(f"{value!r} is not a finite number", node)
        return number
    raise _NodeError(f"unsupported tag {tag!r}: only plain data is allowed", node)
