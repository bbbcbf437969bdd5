"""A static check for recursive Rego functions, before the embedded engine evaluates anything.

Rego forbids recursion: OPA refuses it at compile time (rego_recursion_error). regorus
accepts a recursive function at load time and overflows its stack when it runs it: a
SIGSEGV that kills the checker (shared/research/engine.md §5, Appendix A). Recursion
through rules regorus detects itself and reports as an error; only a cycle of function
calls crashes it. So this check builds the graph of which function calls which, from
regorus' own parse tree (no OPA needed), and refuses any cycle with the file and line of
a function on it.

Calls are resolved as OPA resolves them: a bare name to the function of the same package,
`alias.f` through the module's imports, `data.pkg.f` and `data["pkg"].f` as written. A call
through a computed reference (`data[x].f`) cannot be followed statically; such calls are
rare in policies and are not counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

Where = tuple[str, int, int]  # module name, line, column


def find_recursion(ast_json: str) -> tuple[list[str], dict[str, Where]] | None:
    """The first cycle of function calls (names, the first repeated at the end) and where each is defined."""
    defined: dict[str, Where] = {}
    calls: dict[str, set[str]] = {}
    for module in json.loads(ast_json):
        name = module["source"]["file"]
        contents = module["source"]["contents"]
        ast = module["ast"]
        package = _parts(ast["package"]["refr"])
        if package is None:
            continue
        package = ["data", *package]
        aliases: dict[str, list[str]] = {}
        for item in ast.get("imports", []):
            parts = _parts(item["refr"])
            if not parts:
                continue
            alias = contents[item["as"]["start"] : item["as"]["end"]] if item.get("as") else parts[-1]
            aliases[alias] = parts
        for rule in ast.get("rules", []):
            spec = rule.get("Spec") if isinstance(rule, dict) else None
            if not spec or "Func" not in spec.get("head", {}):
                continue
            head = spec["head"]["Func"]
            own = _parts(head["refr"])
            if own is None:
                continue
            function = ".".join(package + own)
            span = head["span"]
            defined.setdefault(function, (name, span["line"], span["col"]))
            targets = calls.setdefault(function, set())
            for call in _calls(spec):
                target = _resolve(_parts(call["fcn"]), package, aliases)
                if target:
                    targets.add(target)
    graph = {f: sorted(t for t in targets if t in defined) for f, targets in calls.items()}
    cycle = _cycle(graph)
    return (cycle, defined) if cycle else None


def _parts(ref: Any) -> list[str] | None:
    """['data', 'x', 'f'] for data.x.f, data["x"].f or x.f; None for a computed reference."""
    parts: list[str] = []
    while True:
        if not isinstance(ref, dict) or len(ref) != 1:
            return None
        (kind, node), = ref.items()
        if kind == "Var":
            parts.append(node["value"])
            return parts[::-1]
        if kind == "RefDot":
            parts.append(node["field"][1])
        elif kind == "RefBrack" and isinstance(node.get("index"), dict) and "String" in node["index"]:
            parts.append(node["index"]["String"]["value"])
        else:
            return None
        ref = node["refr"]


def _resolve(parts: list[str] | None, package: list[str], aliases: dict[str, list[str]]) -> str | None:
    if not parts:
        return None
    if parts[0] == "data":
        return ".".join(parts)
    if parts[0] in aliases:
        return ".".join(aliases[parts[0]] + parts[1:])
    return ".".join(package + parts)


def _calls(tree: Any) -> Iterator[dict[str, Any]]:
    """Every Call node below tree, comprehensions and else-branches included (iteratively: no recursion here either)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            call = node.get("Call")
            if isinstance(call, dict) and "fcn" in call:
                yield call
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle in graph, by an iterative depth-first search, in a stable order."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = [start]
        on_path = {start}
        iterators = [iter(graph.get(start, []))]
        while iterators:
            following = next(iterators[-1], None)
            if following is None:
                finished = path.pop()
                done.add(finished)
                on_path.discard(finished)
                iterators.pop()
                continue
            if following in on_path:
                return path[path.index(following) :] + [following]
            if following in done:
                continue
            path.append(following)
            on_path.add(following)
            iterators.append(iter(graph.get(following, [])))
    return None
