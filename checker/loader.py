"""Read YAML and JSON descriptor files into plain JSON data plus a source map.

The data and the map are built from ruamel's composed nodes (C-backed composer):
about ten times cheaper than the round-trip loader, and every node keeps its line
and column. Each document of a multi-document file is loaded on its own, so that
a broken document does not hide the others.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from checker.i18n import catalogue, clipped, message, os_reason, per_language, text
from checker.model import Text

JsonPath = tuple[str | int, ...]
Span = tuple[int, int, int, int]  # line, column, end line, end column; 1-based


@dataclass(frozen=True)
class Limits:
    """Limits against hostile or broken input; descriptors are small and shallow.

    Settable per repository in .cloudbeleid.yaml (limits:); every limit is checked
    before the work it bounds, so no input can make the loader hang, eat memory or
    crash (a 100,000-deep flow collection overflows the C composer's stack).
    """

    max_bytes: int = 10 * 1024 * 1024  # size of one file
    max_depth: int = 64  # nesting of mappings and lists (the engines refuse input deeper than 128)
    max_nodes: int = 100_000  # values in one file, all documents together, aliases expanded
    max_documents: int = 1_000  # documents in one file
    source: str | None = None  # the configuration that set them, for messages

    def hint(self, name: str) -> str:
        where = f"limits.{name} in {self.source}" if self.source else f"limits.{name} in .cloudbeleid.yaml"
        return f" ({where})"


DEFAULT_LIMITS = Limits()
_INT64 = 2**63

_TAG = "tag:yaml.org,2002:"
_DOCUMENT_START = re.compile(r"^---(?=[ \t]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    """Why a file or document could not be loaded, with where; in both languages (its catalogue key kept, so that
    a caller can say it in its own terms)."""

    file: str
    text: Text
    line: int = 1
    column: int = 1
    document: int = 0
    key: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def message(self) -> str:
        return self.text.en


def _problem(file: str, key: str, line: int = 1, column: int = 1, document: int = 0, **params: Any) -> Problem:
    return Problem(file, message(key, **params), line, column, document, key, params)


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
    def __init__(self, text: Text, node: Any) -> None:
        super().__init__(text.en)
        self.text = text
        self.node = node


def load_file(path: Path, display: str | None = None, *, limits: Limits | None = None,
              max_bytes: int | None = None) -> LoadResult:
    """Load every document of one file; never raises for bad content, never blocks on a pipe or device."""
    name = display or str(path)
    limits = limits or DEFAULT_LIMITS
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    raw = read_limited(path, name, limits)
    return raw if isinstance(raw, LoadResult) else load_bytes(raw, name, limits)


def read_limited(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes | LoadResult:
    """A regular file's bytes, at most the size limit; else the problem as a LoadResult. Never blocks on a pipe or
    device, never reads past the limit (a file swapped or grown after it was listed included)."""
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; the checks below refuse it
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return LoadResult([], [_problem(name, "loader.cannot_read", reason=os_reason(exc))])
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                return LoadResult([], [_problem(name, "loader.folder")])
            if not stat.S_ISREG(info.st_mode):
                return LoadResult([], [_problem(name, "loader.not_regular")])
            if info.st_size > limits.max_bytes:
                return LoadResult([], [_problem(name, "loader.too_big", size=info.st_size, limit=limits.max_bytes, hint=limits.hint("max_bytes"))])
            raw = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            return LoadResult([], [_problem(name, "loader.cannot_read", reason=os_reason(exc))])
    if len(raw) > limits.max_bytes:  # it grew after the size check
        return LoadResult([], [_problem(name, "loader.grew", limit=limits.max_bytes, hint=limits.hint("max_bytes"))])
    return raw


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *, fast: bool = True,
               json_path: bool = True) -> LoadResult:
    """Every document of one file's bytes. With fast (the default), a plain document is read in one pass
    (_fast_document; a JSON object by the json module, unless json_path is off); anything else, and every
    problem, goes the diagnostic way, which explains it."""
    text, problem = _decode(raw, name)
    if problem:
        return LoadResult([], [problem])
    documents: list[Document] = []
    problems: list[Problem] = []
    budget = _Budget(limits)
    yaml = None
    for index, (offset, chunk) in enumerate(_split_documents(text)):
        if index >= limits.max_documents:
            problems.append(_problem(name, "loader.too_many_documents", offset + 1, 1, index, limit=limits.max_documents, hint=limits.hint("max_documents")))
            break
        plain = _fast_document(chunk, name, index, offset, budget, json_path) if fast else None
        if plain is not None:
            documents.append(plain)
            continue
        if yaml is None:
            from ruamel.yaml import YAML

            yaml = YAML(typ="safe", pure=False)  # one per file: a fresh one per document costs twice as much
            yaml.Resolver = _plain_resolver()
        result = _load_document(yaml, chunk, name, index, offset, budget)
        if isinstance(result, Problem):
            problems.append(result)
            if budget.exhausted:
                break  # the rest of the file is not read: it is already too big to be a descriptor
        elif result is not None:
            documents.append(result)
    if not documents and not problems:
        problems.append(_problem(name, "loader.empty"))
    return LoadResult(documents, problems)


_WIDE = {"utf-32-be": "UTF-32 (big-endian)", "utf-32-le": "UTF-32 (little-endian)",
         "utf-16-be": "UTF-16 (big-endian)", "utf-16-le": "UTF-16 (little-endian)"}
# UTF-32LE's mark first: it begins with UTF-16LE's
_WIDE_MARKS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
               (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, told by the byte order mark or, without one, as YAML 1.2 §5.2 tells it: by where the
    NUL bytes of the first (ASCII) character stand. Without a mark the guess must also decode to text, so that
    a binary file that happens to start so stays a binary file."""
    for mark, codec in _WIDE_MARKS:
        if raw.startswith(mark):
            return _WIDE[codec]
    nul = [byte == 0 for byte in raw[:4]]
    if nul == [True, True, True, False]:
        codec = "utf-32-be"
    elif nul == [False, True, True, True]:
        codec = "utf-32-le"
    elif nul[:2] == [True, False]:
        codec = "utf-16-be"
    elif nul[:2] == [False, True]:
        codec = "utf-16-le"
    else:
        return None
    import codecs

    try:  # incremental: the first 8 KB may end inside a character
        text = codecs.getincrementaldecoder(codec)().decode(raw[:8192], final=False)
    except UnicodeDecodeError:
        return None
    return None if _NOT_TEXT.search(text) else _WIDE[codec]


def _decode(raw: bytes, name: str) -> tuple[str, Problem | None]:
    wide = _wide_encoding(raw)
    if wide:
        return "", _problem(name, "loader.wide", encoding=wide)
    if b"\x00" in raw[:8192]:
        return "", _problem(name, "loader.binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return "", _problem(name, "loader.not_utf8", line, column, byte=f"0x{raw[exc.start]:02x}")
    return text, None


@cache
def _plain_resolver() -> type:
    """A resolver that leaves plain scalars to _scalar (the YAML 1.2 core schema, exactly) and only marks the merge
    key: ruamel's own resolves every scalar again by its own rules, in Python, at half the cost of a load."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class PlainResolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode:
                return _MERGE_TAG if implicit[0] and value == "<<" else self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG

    _MERGE_TAG = Tag(suffix=_TAG + "merge")
    assert MappingNode is not None  # the third kind: the default
    return PlainResolver


def _split_documents(text: str) -> Iterator[tuple[int, str]]:
    """Cut a stream at its '---' markers, keeping each piece's line offset.

    A '---' at the start of a line always starts a new document (YAML 1.2 §9.1;
    block scalar content is indented), so the cut is exact and a syntax error in
    one document cannot swallow the next. Lazy, and the line offsets are counted
    once: a file of a million '---' lines costs no more than its length.
    """
    if "\n---" not in text:  # no marker after the first line: one piece (a substring test, not a regex search)
        yield 0, text
        return
    starts = (_with_directives(text, m.start()) for m in _DOCUMENT_START.finditer(text) if m.start() > 0)
    first = next(starts, len(text))
    start, line = 0, 0
    if first < len(text) and not _DOCUMENT_START.match(text) and not _has_content(text[:first]):
        first = next(starts, len(text))  # comments or directives before the first '---' belong to the first document
    end = first
    while True:
        yield line, text[start:end]
        if end >= len(text):
            return
        line += text.count("\n", start, end)
        start, end = end, next(starts, len(text))


def _with_directives(text: str, position: int) -> int:
    """Where the document whose '---' stands at `position` begins: at the directives above it when a '...' ends
    the document before them (else they are not directives, and the document before fails to parse)."""
    cut = begin = position
    while begin > 0:
        previous = text.rfind("\n", 0, begin - 1) + 1
        line = text[previous:begin].strip()
        if line.startswith("%"):
            cut = previous
        elif line == "..." or line.startswith(("... ", "...\t")):
            return cut
        elif line and not line.startswith("#"):
            return position
        begin = previous
    return position


def _has_content(chunk: str) -> bool:
    for line in chunk.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not stripped.startswith("%") and stripped != "---":
            return True
    return False


_DIRECTIVE = re.compile(r"^%(\S*)[ \t]*(\S*)", re.MULTILINE)


def _directive_problem(chunk: str) -> tuple[int, Text] | None:
    """A %YAML directive other than 1.2, or a %TAG directive, in the document's prologue (before its '---'):
    0-based line and message. A YAML 1.1 reader would take yes/no/on/off for booleans; this one never does."""
    marker = _DOCUMENT_START.search(chunk)
    if not marker:
        return None
    for found in _DIRECTIVE.finditer(chunk, 0, marker.start()):
        line = chunk.count("\n", 0, found.start())
        if found[1] == "YAML" and found[2] != "1.2":
            return line, message("loader.yaml_version", version=found[2][:20])
        if found[1] == "TAG":
            return line, message("loader.tag_directive")
    return None


def _tag_problem(chunk: str, event: Any) -> tuple[int, int, Text]:
    """The 0-based line and column of an explicit tag (after an anchor, if one comes first) and what to write instead."""
    line, column = event.start_mark.line, event.start_mark.column
    lines = chunk.split("\n")
    text = lines[line] if line < len(lines) else ""
    anchor = re.match(r"&[^\s,\[\]{}]+[ \t]+", text[column:])
    if anchor:
        column += anchor.end()
    written = re.match(r"!<[^>]*>|![^\s,\[\]{}]*", text[column:])
    tag = event.tag
    shown = written[0] if written else ("!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag)
    # what to write instead, by the YAML 1.2 core schema type the tag names (loader.untagged.<type>)
    kind = "str" if tag == "!" else tag[len(_TAG):] if tag.startswith(_TAG) else ""
    advice = f"loader.untagged.{kind}" if kind.isidentifier() and f"loader.untagged.{kind}" in catalogue("en") else "loader.untagged.other"
    return line, column, message("loader.tag", tag=_clip(shown), advice=message(advice))


class _Budget:
    """What is left of a file's limits, shared by its documents."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.nodes = 0
        self.exhausted = False

    def too_many(self) -> Text:
        self.exhausted = True
        return message("loader.too_many_values", limit=self.limits.max_nodes, hint=self.limits.hint("max_nodes"))

    def too_deep(self) -> Text:
        return message("loader.too_deep", limit=self.limits.max_depth, hint=self.limits.hint("max_depth"))


def _scan(yaml: Any, chunk: str, budget: _Budget) -> tuple[int, int, Text] | None:
    """Walk the parse events before composing: stop at the first node too deep, too many or tagged, with its
    0-based line and column.

    The C composer recurses (a 100,000-deep flow list overflows its stack: SIGSEGV) and
    builds every node before anything can count them (10 MB of '1,' take a minute and
    2 GB). Events come from the same C parser, one at a time, iteratively.
    """
    depth, nodes = 0, budget.nodes
    for event in yaml.parse(chunk):
        kind = type(event).__name__
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            depth += 1
            if depth > budget.limits.max_depth + 1:  # the document itself is level 0
                return _mark(event, budget.too_deep())
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1
            continue
        elif kind not in ("ScalarEvent", "AliasEvent"):
            continue
        if getattr(event, "tag", None) is not None:
            # refused, not resolved: '!!bool yes' is false to a YAML 1.1 reader, an error to a 1.2 one, and a
            # local tag means whatever its application says; plain data means the same to every reader
            return _tag_problem(chunk, event)
        nodes += 1
        if nodes > budget.limits.max_nodes:
            return _mark(event, budget.too_many())
    return None


def _mark(event: Any, text: Text) -> tuple[int, int, Text]:
    return event.start_mark.line, event.start_mark.column, text


def _load_document(yaml: Any, chunk: str, name: str, index: int, line_offset: int, budget: _Budget) -> Document | Problem | None:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    kind = "JSON" if name.lower().endswith(".json") else "YAML"
    directive = _directive_problem(chunk)
    if directive:
        return Problem(name, directive[1], directive[0] + 1 + line_offset, 1, index)
    forbidden = _FORBIDDEN_RAW.search(chunk)
    if forbidden:
        line = chunk.count("\n", 0, forbidden.start())
        column = forbidden.start() - (chunk.rfind("\n", 0, forbidden.start()) + 1)
        return Problem(name, message("loader.kind_error", kind=kind, error=_forbidden(forbidden[0])), line + 1 + line_offset, column + 1, index)
    try:
        stopped = _scan(yaml, chunk, budget)
        if stopped:
            line, column, text = stopped
            return Problem(name, text, line + 1 + line_offset, column + 1, index)
        node = yaml.compose(chunk)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        what = _joined([_parser_says(p) for p in (exc.context, exc.problem) if p])
        hint: Text | str
        if exc.context_mark and exc.problem and "end of stream" in exc.problem:
            # what was left open is where to look, not the end of the file
            opened = exc.context_mark
            hint = message("loader.never_closed", line=opened.line + 1 + line_offset, column=opened.column + 1)
        else:
            hint = _syntax_hint(chunk, mark.line if mark else 0, mark.column if mark else 0, line_offset)
        return Problem(name, message("loader.syntax", kind=kind, error=what, hint=hint), line, column, index)
    except ReaderError as exc:
        # the position is a byte offset into the document's UTF-8 text
        before = chunk.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        line = before.count("\n") + 1 + line_offset
        column = len(before) - (before.rfind("\n") + 1) + 1
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return Problem(name, message("loader.kind_error", kind=kind, error=message(
            "loader.character", character=character, reason=_parser_says(str(exc.reason)))), line, column, index)
    except YAMLError as exc:
        return Problem(name, message("loader.kind_error", kind=kind, error=_parser_says(str(exc).splitlines()[0])),
                       line_offset + 1, 1, index)
    except RecursionError:
        return Problem(name, budget.too_deep(), line_offset + 1, 1, index)
    if node is None or (type(node).__name__ == "ScalarNode" and not node.style and node.value == ""):
        return None  # no document, or an empty one ('---' with nothing after it)
    builder = _Builder(line_offset, budget)
    try:
        data = builder.build(node, (), 0)
    except _NodeError as exc:
        line, column = _start(exc.node, line_offset)
        return Problem(name, exc.text, line, column, index)
    finally:
        budget.nodes = builder.nodes
    if not isinstance(data, dict):
        line, column = _start(node, line_offset)
        return _problem(name, "loader.not_a_mapping", line, column, index,
                        what=message("loader.a_list" if isinstance(data, list) else "loader.a_value"), kind=message("file.descriptor"))
    return Document(name, index, data, builder.spans, builder.keys)


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])""")


def _syntax_hint(chunk: str, line: int, column: int, line_offset: int) -> Text | str:
    """What most often causes a syntax error at this place: a tab, or a quote opened on an earlier line."""
    lines = chunk.splitlines()
    here = lines[line] if line < len(lines) else ""
    if "\t" in here[: column + 1]:
        return message("loader.hint.tab")
    for number in range(min(line, len(lines)) - 1, max(line - 50, 0) - 1, -1):
        found = _QUOTED_VALUE.match(lines[number])
        if not found:
            continue
        quote, rest = found.group(1), lines[number][found.end():]
        rest = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in rest:
            return message("loader.hint.quote", line=number + 1 + line_offset)
    return ""


def _clip(value: Any, limit: int = 120) -> Text | str:
    """repr(value) for a message, its start only when long: a megabyte key is no message."""
    return clipped(repr(value), limit)


# What the YAML parser (ruamel's, or libyaml's C one) says, by its wording: each phrase has a catalogue message
# (yaml.*) for the Dutch reader; the English reader reads the parser's own words. A wording no pattern knows is
# shown as the parser wrote it.
_PARSER_PHRASES = [(re.compile(pattern), key) for pattern, key in (
    (r"while scanning for the next token", "yaml.next_token"),
    (r"while (?P<verb>parsing|scanning) (?P<thing>.+)", "yaml.while"),
    (r"(?:did not|could not) find expected (?P<thing>.+)", "yaml.not_found"),
    (r"expected (?P<expected>.+?),? but found (?P<found>.+)", "yaml.expected"),
    (r"found character (?P<thing>.+? )?that cannot start any token", "yaml.cannot_start"),
    (r"(?P<thing>block sequence entries|sequence entries|mapping values|mapping keys) are not allowed (?:here|in this context)", "yaml.not_allowed"),
    (r"found unexpected end of stream", "yaml.end_of_stream"),
    (r"found unexpected document separator", "yaml.separator"),
    (r"found (?:an? )?(?:unknown|invalid) (?P<thing>.*?escape.*?)(?: (?P<name>'.*'))?", "yaml.escape"),
    (r"found undefined (?P<thing>alias|tag handle) ?(?P<name>.*)", "yaml.undefined"),
    (r"found duplicate anchor (?P<name>.*)", "yaml.duplicate_anchor"),
    (r"found a tab character.*", "yaml.tab"),
    (r"(?P<thing>special characters|control characters) are not allowed", "yaml.characters"),
    (r"found incompatible YAML document.*", "yaml.incompatible"),
    (r"found non-comment content after document end marker.*", "yaml.after_end"),
)]
_THING = re.compile(r"(?P<article>an? )?(?P<noun>.+)")


def _parser_says(said: str) -> Text | str:
    for pattern, key in _PARSER_PHRASES:
        found = pattern.fullmatch(said.strip())
        if found:
            params = {name: _thing(found[name] or "") for name in pattern.groupindex}
            return Text(text("nl", key, **params), said)
    return said


def _thing(said: str) -> str:
    """A name of the parser's (a block mapping, '<block end>', parsing) in Dutch where the catalogue has it."""
    found = _THING.fullmatch(said)
    if not found:
        return said
    if re.fullmatch(r"'[^']*' or '[^']*'", said):  # what the parser expected: ',' or ']'
        return said.replace("' or '", "'" + text("nl", "schema.or") + "'")
    key = "yaml.thing." + re.sub(r"[^a-z]+", "_", found["noun"].lower()).strip("_")
    if key not in catalogue("nl"):
        return said
    return (text("nl", "yaml.article") + " " if found["article"] else "") + text("nl", key)


def _joined(parts: list[Text | str]) -> Text:
    return per_language(lambda lang: " ".join(p.get(lang) if isinstance(p, Text) else p for p in parts))


def _start(node: Any, line_offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + line_offset, node.start_mark.column + 1


class _Builder:
    """Turns composed nodes into JSON data: strings, integers, finite floats, booleans, null, lists, objects."""

    def __init__(self, line_offset: int, budget: _Budget | None = None) -> None:
        self.line_offset = line_offset
        self.budget = budget or _Budget(DEFAULT_LIMITS)
        self.spans: dict[JsonPath, Span] = {}
        self.keys: dict[JsonPath, tuple[int, int]] = {}
        self.nodes = self.budget.nodes
        self.active: set[int] = set()

    def span(self, first: Any, last: Any) -> Span:
        line, column = _start(first, self.line_offset)
        return line, column, last.end_mark.line + 1 + self.line_offset, last.end_mark.column + 1

    def build(self, node: Any, path: JsonPath, depth: int, key_node: Any = None) -> Any:
        self.nodes += 1
        if self.nodes > self.budget.limits.max_nodes:
            raise _NodeError(self.budget.too_many(), node)
        if depth > self.budget.limits.max_depth:
            raise _NodeError(self.budget.too_deep(), node)
        if key_node is not None:
            self.keys[path] = _start(key_node, self.line_offset)
        # a value is located where it stands; a block collection, which starts a line below its key, at its key
        first = key_node if key_node is not None and key_node.start_mark.line != node.start_mark.line else node
        self.spans[path] = self.span(first, node)
        kind = type(node).__name__
        if kind == "ScalarNode":
            return _scalar(node)
        if id(node) in self.active:
            raise _NodeError(message("loader.recursive_alias"), node)
        self.active.add(id(node))
        try:
            if kind == "SequenceNode":
                if node.tag != _TAG + "seq":
                    raise _NodeError(message("loader.node_tag", tag=_clip(node.tag)), node)
                return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            if node.tag != _TAG + "map":
                raise _NodeError(message("loader.node_tag", tag=_clip(node.tag)), node)
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: Any, path: JsonPath, depth: int, into: dict[str, Any] | None = None) -> dict[str, Any]:
        """A mapping's entries, then what its merge keys ('<<') bring that it lacks, first source first (YAML's
        merge key type). A merged entry is built only when nothing before it set the key, so that every value,
        and every finding's location, is the one that counts."""
        if depth > self.budget.limits.max_depth:
            raise _NodeError(self.budget.too_deep(), node)
        result: dict[str, Any] = {} if into is None else into
        own: dict[str, int] = {}  # this mapping's keys and their lines, for duplicates
        merged: list[Any] = []
        merge_key = None
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                if merge_key is not None:  # one '<<' per mapping: a second one is a duplicate key like any other
                    raise _NodeError(message("loader.duplicate_key", key="'<<'", line=_start(merge_key, self.line_offset)[0]), key_node)
                merge_key = key_node
                merged.extend(value_node.value if type(value_node).__name__ == "SequenceNode" else [value_node])
                continue
            scalar = type(key_node).__name__ == "ScalarNode"
            if not scalar or not isinstance(_scalar(key_node), str):
                shown = _clip(key_node.value) if scalar else message("loader.a_" + type(key_node).__name__[:-4].lower())
                raise _NodeError(message("loader.key_not_text", key=shown), key_node)
            key = _text(key_node.value, key_node, _FORBIDDEN_IN_KEY)
            if key in own:
                raise _NodeError(message("loader.duplicate_key", key=_clip(key), line=own[key]), key_node)
            own[key] = _start(key_node, self.line_offset)[0]
            if key not in result:
                result[key] = self.build(value_node, path + (key,), depth + 1, key_node)
        for source in merged:
            if type(source).__name__ != "MappingNode":
                raise _NodeError(message("loader.merge_not_mapping"), source)
            if id(source) in self.active:
                raise _NodeError(message("loader.recursive_merge"), source)
            self.active.add(id(source))
            try:
                # a merge within a merge is nesting too: a chain of them must not recurse without bound
                self.mapping(source, path, depth + 1, result)
            finally:
                self.active.discard(id(source))
        return result


# Characters no descriptor needs and that make text differ from how it reads: C0 controls (but TAB and LF in
# text), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates ("Trojan Source"). Raw, the
# YAML reader refuses most of them already; escaped ("\e", "\x07", "\u202e") only this check does. Surrogates
# are no characters at all.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_FORBIDDEN_RAW = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")  # CR is a line break
_FORBIDDEN_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_FORBIDDEN_IN_KEY = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")


def _forbidden(character: str) -> Text:
    code = f"U+{ord(character):04X}"
    if 0xD800 <= ord(character) <= 0xDFFF:
        return message("loader.forbidden.surrogate", code=code)
    if ord(character) >= 0x202A:
        return message("loader.forbidden.bidi", code=code, name=unicodedata.name(character))
    return message("loader.forbidden.control", code=code)


def _text(value: str, node: Any, pattern: re.Pattern[str] = _FORBIDDEN_IN_TEXT) -> str:
    found = pattern.search(value)
    if found:
        raise _NodeError(message("loader.remove_it", error=_forbidden(found[0])), node)
    return value


# The YAML 1.2 core schema (§10.3.2) for plain scalars, exactly; anything else plain is text. ruamel's own
# resolver also reads 1_000 and 0x_1F as numbers and '=' and '<<' as types of their own.
_CORE = re.compile(
    r"(?P<null>null|Null|NULL|~|)|(?P<true>true|True|TRUE)|(?P<false>false|False|FALSE)"
    r"|(?P<int>[-+]?[0-9]+)|0o(?P<octal>[0-7]+)|0x(?P<hex>[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<special>[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"
)
_BASES = {"int": 10, "octal": 8, "hex": 16}


def _scalar(node: Any) -> Any:
    value = node.value
    found = None if node.style else _CORE.fullmatch(value)  # quoted and block scalars are text
    if found is None:
        # dates stay strings too: the schema checks their format, the policies compare them as text
        return _text(value, node)
    kind = found.lastgroup
    if kind == "null":
        return None
    if kind in ("true", "false"):
        return kind == "true"
    if kind in _BASES:
        try:
            number = int(found[kind], _BASES[kind])
        except ValueError:  # more digits than Python converts: out of range anyway
            number = _INT64
        if not -_INT64 <= number < _INT64:
            raise _NodeError(message("loader.integer_range", value=_clip(value)), node)
        return number
    real = float(value) if kind == "float" else math.nan
    if not math.isfinite(real):
        raise _NodeError(message("loader.not_finite", value=_clip(value)), node)
    return real


# --- the fast path ----------------------------------------------------------------------------------------------
# One pass over the C parser's events to data, source map and key positions, with the limits counted on the way:
# about a third of the diagnostic path's cost (which walks the events once to check the limits, has the C composer
# build a tree, then walks the tree). It reads only plain documents: no directive, tag, anchor, alias or merge key,
# no duplicate key, no character or value the diagnostic path refuses, within every limit, a mapping at the top.
# Anything else, a syntax error included, returns None, and the diagnostic path reads the document and says what
# is wrong in its own words. tests/test_fast_paths.py holds both paths to the same data and locations.


class _Unusual(Exception):
    """The document is not plain: the diagnostic path reads it."""


def _fast_document(chunk: str, name: str, index: int, line_offset: int, budget: _Budget,
                   json_path: bool = True) -> Document | None:
    if _FORBIDDEN_RAW.search(chunk) or chunk.startswith("%") or "\n%" in chunk:  # a directive line
        return None
    if json_path and chunk.lstrip(" \n").startswith("{"):
        document = _json_document(chunk, name, index, line_offset, budget)
        if document is not None:
            return document
    try:
        from _ruamel_yaml import CParser  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - ruamel.yaml.clib is a dependency
        return None
    try:
        parser = CParser(chunk)
        try:
            built = _from_events(parser, line_offset, budget.limits, budget.nodes)
        finally:
            parser.dispose()
    except Exception:  # noqa: BLE001 - a syntax error, or anything unusual: the diagnostic path explains it
        return None
    data, spans, keys, nodes = built
    budget.nodes = nodes
    return Document(name, index, data, spans, keys)


def _from_events(parser: Any, offset: int, limits: Limits, nodes: int) -> tuple[dict[str, Any], dict[JsonPath, Span], dict[JsonPath, tuple[int, int]], int]:
    from ruamel.yaml import events

    scalar_event, mapping_start, sequence_start = events.ScalarEvent, events.MappingStartEvent, events.SequenceStartEvent
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    skipped = (events.StreamStartEvent, events.DocumentStartEvent, events.DocumentEndEvent)
    stream_end = events.StreamEndEvent
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    spans: dict[JsonPath, Any] = {}
    keys: dict[JsonPath, tuple[int, int]] = {}
    # open collections: [container, its path, its first line, its first column, the key waiting for its value]
    stack: list[list[Any]] = []
    root: Any = _NOTHING
    # the diagnostic path refuses a file whose events (keys included) pass max_nodes, then counts on with its values
    keys_seen = 0
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            pass
        elif kind in ends:
            _, path, line, column, _ = stack.pop()
            end = event.end_mark
            spans[path] = (line, column, end.line + 1 + offset, end.column + 1)
            continue
        elif kind in skipped:
            continue
        elif kind is stream_end:
            break
        elif kind is not mapping_start and kind is not sequence_start:
            raise _Unusual(kind.__name__)  # an alias, or an event no plain document has
        if event.anchor is not None or event.tag is not None:
            raise _Unusual("anchor or tag")
        start = event.start_mark
        key_mark = None
        if stack:
            frame = stack[-1]
            parent = frame[0]
            if type(parent) is dict:
                if frame[4] is None:  # this scalar is a key
                    if kind is not scalar_event or (not event.style and event.value == "<<") or _FORBIDDEN_IN_KEY.search(event.value):
                        raise _Unusual("key")
                    key = _scalar(event)
                    if type(key) is not str or key in parent:
                        raise _Unusual("key")
                    frame[4] = (key, start)
                    keys_seen += 1
                    if nodes + keys_seen > max_nodes:
                        raise _Unusual("limit")
                    continue
                key, key_mark = frame[4]
                frame[4] = None
                path = frame[1] + (key,)
                keys[path] = (key_mark.line + 1 + offset, key_mark.column + 1)
            else:
                path = frame[1] + (len(parent),)
        elif root is not _NOTHING:
            raise _Unusual("second document")
        else:
            parent, path = None, ()
        nodes += 1
        if nodes + keys_seen > max_nodes or len(stack) > max_depth:
            raise _Unusual("limit")
        # a value is located where it stands; a block collection, which starts a line below its key, at its key
        first = key_mark if key_mark is not None and key_mark.line != start.line else start
        line, column = first.line + 1 + offset, first.column + 1
        if kind is scalar_event:
            value: Any = _scalar(event)
            end = event.end_mark
            spans[path] = (line, column, end.line + 1 + offset, end.column + 1)
        else:
            value = {} if kind is mapping_start else []
            spans[path] = None  # its place in the map now, as the diagnostic path has it; its span at its end
            stack.append([value, path, line, column, None])
        if parent is None:
            root = value
        elif type(parent) is dict:
            parent[path[-1]] = value
        else:
            parent.append(value)
    if type(root) is not dict or stack:
        raise _Unusual("not a mapping")
    return root, spans, keys, nodes


_NOTHING = object()


# --- the JSON path ----------------------------------------------------------------------------------------------
# A document that is a JSON object, written as JSON usually is (no tab, carriage return or other line break than
# LF, each key on one line with its colon and the start of its value), read by the json module, its locations by
# one regular expression over its text: about a third of the event path's cost. What the JSON module and the YAML
# parser read alike is all it takes: anything YAML reads otherwise (a key over 1024 characters, a key and its colon
# on two lines), anything refused (a duplicate key, a refused character, a number out of range) and every limit goes
# to the event path, which decides as before. One thing it takes that the YAML parser refuses: an astral character
# escaped as JSON writes it, a surrogate pair ("\ud83d\ude00", RFC 8259 section 7; Python's json.dumps writes every
# character outside the BMP so), which json.loads reads as the one character; a lone surrogate, escaped, decodes to
# one and is refused with the others (_FORBIDDEN_IN_TEXT), by the event path. tests/test_fast_paths.py holds all three paths
# to the same data and locations; tests/test_loader_json.py pins each refusal and limit of this one.

_JSON_REFUSED = "\t\r\x85\u2028\u2029\ufeff\ufffe\uffff"  # each tested by `in`: a regex class of them costs more
# possessive (*+, ++): what follows each part cannot start with what the part would give back, so giving it back
# never makes a match; the expression does not try (a tenth of its cost)
_STRING = r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_BARE = r'[^\s,:\]}{\["]++'  # a number or a literal
# what comes before a token (line breaks, spaces, commas), then the token: a string (a member's key with its colon
# and its value's start: a string, a number or literal, or the bracket that opens it; else an element of a list), a
# number or literal, a bracket that opens, one that closes, or any other character (so that the tokens follow each
# other: findall gives no positions, so each token's place is counted from the lengths before it)
_JSON_TOKEN = re.compile(
    rf'([\n ,]*+)(?:({_STRING})(?:( *+: *+)(?:({_STRING})|({_BARE})|([{{\[])))?|({_BARE})|([{{\[])|([}}\]])|([^\n ,]))')
_LITERALS = frozenset(("true", "false", "null"))
_NOTHING_OPEN = (None, (), 0, 0, 0)  # (is a mapping, path, first line, first column, elements so far) before the root


def _json_document(chunk: str, name: str, index: int, line_offset: int, budget: _Budget) -> Document | None:
    import json

    if any(character in chunk for character in _JSON_REFUSED):
        return None
    try:
        data = json.loads(chunk, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        return None
    if type(data) is not dict:
        return None
    max_depth = budget.limits.max_depth
    escapes = "\\" in chunk  # else no text needs decoding or checking: the raw text passed _FORBIDDEN_RAW
    spans: dict[JsonPath, Any] = {}
    keys: dict[JsonPath, tuple[int, int]] = {}
    # the innermost open collection in locals (a mapping: True, a list: False, none: None), the ones around it stacked
    mapping: bool | None
    path: JsonPath
    member: JsonPath
    mapping, path, first_line, first_column, elements = _NOTHING_OPEN
    stack: list[tuple[Any, ...]] = []
    opened = 0
    line, column = line_offset + 1, 0  # the current line (1-based), where the last token ended on it (0-based)
    tokens = _JSON_TOKEN.findall(chunk)
    gaps = _JSON_GAPS
    for gap, string, colon, written, bare, opening, element_bare, element_opening, closing, other in tokens:
        try:
            breaks, width = gaps[gap]
        except KeyError:
            breaks, width = _json_gap(gap)
        if breaks:
            line += breaks
            column = width
        else:
            column += width
        if colon:  # a member: its key, then its value
            if not mapping:
                return None
            key = string[1:-1]
            if escapes and "\\" in key:
                key = json.loads(string)
                if _FORBIDDEN_IN_KEY.search(key):
                    return None
            member = path + (key,)
            keys[member] = (line, column + 1)
            skip = len(string) + len(colon)
            if skip > 1000:  # the YAML parser looks for a key's colon within 1024 characters
                return None
            column += skip
        elif closing:
            if mapping is not (closing == "}"):
                return None
            spans[path] = (first_line, first_column, line, column + 2)
            column += 1
            mapping, path, first_line, first_column, elements = stack.pop()
            continue
        elif other:  # a character no token starts with (a key's colon on the next line, say)
            return None
        else:  # an element of a list, or the root
            if mapping:  # a value where a key belongs
                return None
            if mapping is None:
                if spans:  # a second value after the root
                    return None
                member = ()
            else:
                member = path + (elements,)
                elements += 1
            written, bare, opening = string, element_bare, element_opening
        if written:
            if escapes and "\\" in written and _FORBIDDEN_IN_TEXT.search(json.loads(written)):
                return None
            end = column + len(written)
        elif bare:
            if bare not in _LITERALS and not _number_ok(bare):
                return None
            end = column + len(bare)
        else:
            if len(stack) >= max_depth:  # perhaps too deep: the event path counts it
                return None
            spans[member] = None  # its place in the map now, its span at its end
            opened += 1
            stack.append((mapping, path, first_line, first_column, elements))
            mapping, path, first_line, first_column, elements = opening == "{", member, line, column + 1, 0
            column += 1
            continue
        spans[member] = (line, column + 1, line, end + 1)
        column = end
    nodes = budget.nodes + len(spans)
    # every value has its own path (a duplicate key wrote one twice); what follows the root is blank (json.loads)
    if mapping is not None or not spans or len(spans) != len(tokens) - opened or nodes + len(keys) > budget.limits.max_nodes:
        return None
    budget.nodes = nodes
    return Document(name, index, data, spans, keys)


_JSON_GAPS: dict[str, tuple[int, int]] = {}  # what comes before a token -> _json_gap: a few dozen kinds


def _json_gap(gap: str) -> tuple[int, int]:
    """How many line breaks a gap between tokens holds, and how wide it is after the last (without one: how wide it
    is). Kept for the next ones when short: a document's gaps are mostly its indentation after a comma and a line
    break, repeated line after line; counted for each token, they were a quarter of the token loop's cost."""
    if "\n" in gap:
        found = gap.count("\n"), len(gap) - 1 - gap.rindex("\n")
    else:
        found = 0, len(gap)
    if len(gap) <= 64 and len(_JSON_GAPS) < 4096:  # bounded, whatever the input
        _JSON_GAPS[gap] = found
    return found


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: YAML reads them as text


def _number_ok(written: str) -> bool:
    """A JSON number the YAML path takes as the same value: an integer within 64 bits, a finite float."""
    if "." in written or "e" in written or "E" in written:
        return math.isfinite(float(written))
    return len(written) < 19 or -_INT64 <= int(written) < _INT64
