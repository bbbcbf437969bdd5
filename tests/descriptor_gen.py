"""Seeded, schema-driven generator of valid service descriptors, for parity and property tests.

Every enum value turns up (values are dealt round-robin per field), optional blocks
are left out now and then, lists are empty now and then, names carry unicode, and
dates sit on the boundaries that the rules care about (month ends, a leap day, a
year before the reference date, the reference date itself and the day after).
"""

from __future__ import annotations

import itertools
import random
from typing import Any

from checker.resources import schema
from checker.schema import validate

NAMES = ["Zoë’s dienst", "Ærø cloud", "日本語サービス", "Ĳsselmeer", "🙂 emoji", "x", "Überwachung & Co <b>", "a" * 200,
         # names that compare alike only when case-folded and normalised (final sigma, ß, İ, full width, a combining accent)
         "ACMEΣ", "acmeσ", "acmeς", "Straße", "STRASSE", "İnci", "İNCİ", "ＦＡＢＲＩＫＡＭ", "fabrikam", "Café", "Cafe\u0301"]
COUNTRIES = ["NL", "DE", "IE", "NO", "IS", "LI", "GR", "CH", "GB", "JP", "CA", "US", "CN", "RU", "IN", "BQ", "AW"]
DATES = ["2024-02-29", "2025-01-31", "2025-02-28", "2025-11-27", "2025-11-28", "2025-11-29", "2026-01-31",
         "2026-02-28", "2026-11-27", "2026-11-28", "2026-11-29", "2027-12-31", "2000-01-01"]


class Generator:
    def __init__(self, seed: int, optional: float = 0.75) -> None:
        self.optional = optional  # chance that an optional field is filled
        self.random = random.Random(seed)
        self.root = schema("descriptor")
        self.cycles: dict[tuple, itertools.cycle] = {}

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node and "properties" not in node and "enum" not in node and "type" not in node:
            node = self._lookup(node["$ref"])
        return node

    def _lookup(self, ref: str) -> dict[str, Any]:
        node: Any = self.root
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node

    def _pick(self, path: tuple, values: list[Any]) -> Any:
        key = path + (tuple(map(str, values)),)
        if key not in self.cycles:
            shuffled = list(values)
            self.random.shuffle(shuffled)
            self.cycles[key] = itertools.cycle(shuffled)
        return next(self.cycles[key])

    def value(self, node: dict[str, Any], path: tuple) -> Any:
        node = self._resolve(node)
        if "const" in node:
            return node["const"]
        if "enum" in node:
            return self._pick(path, node["enum"])
        kind = node.get("type")
        if kind == "object":
            return self.object(node, path)
        if kind == "array":
            return self.array(node, path)
        if kind == "boolean":
            return self._pick(path, [True, False])
        if kind == "integer":
            return self.random.randint(node.get("minimum", 0), min(node.get("maximum", 100), node.get("minimum", 0) + 30))
        if kind == "string":
            pattern = node.get("pattern", "")
            if node.get("format") == "date" or "[0-9]{4}" in pattern:
                return self.random.choice(DATES)
            if pattern.startswith("^[a-z0-9]"):
                return f"svc-{self.random.randrange(10**9)}"
            return self.random.choice(NAMES)
        raise AssertionError(f"generator cannot make {node} at {path}")

    def object(self, node: dict[str, Any], path: tuple) -> dict[str, Any]:
        properties = dict(node.get("properties", {}))
        if "$ref" in node:  # shared properties, as the assessments have
            properties = {**self._lookup(node["$ref"]).get("properties", {}), **properties}
        required = set(node.get("required", []))
        result = {}
        for key, child in properties.items():
            if key == "$schema" or path == () and key == "infrastructure":
                continue  # infrastructure names folders beside the descriptor, which a generated one does not have
            if key in required or self.random.random() < self.optional:
                result[key] = self.value(child, path + (key,))
        return result

    def array(self, node: dict[str, Any], path: tuple) -> list[Any]:
        items = self._resolve(node["items"])
        if items.get("$ref") == "#/$defs/country" or items is self.root["$defs"]["country"]:
            pool = COUNTRIES
            return list(dict.fromkeys(self.random.choice(pool) for _ in range(self.random.randint(node.get("minItems", 0), 4))))
        values = [self.value(items, path + ("[]",)) for _ in range(self.random.randint(node.get("minItems", 0), 3))]
        if node.get("uniqueItems"):
            unique = []
            for value in values:
                if value not in unique:
                    unique.append(value)
            values = unique
        return values

    def descriptor(self, index: int) -> dict[str, Any]:
        while True:
            data = self.value(self.root, ())
            data["id"] = f"svc-{index}"
            if "hosting" in data:
                for field in ("storage_locations", "processing_locations", "support_access_locations"):
                    if field in data["hosting"] and self.random.random() < 0.5:
                        data["hosting"][field] = list(dict.fromkeys(self.random.choice(COUNTRIES) for _ in range(2)))
            if "provider" in data:
                for sub in data["provider"].get("subprocessors", []):
                    sub["country"] = self.random.choice(COUNTRIES)
            if not self._require(data):
                return data

    def _require(self, data: dict[str, Any]) -> list[Any]:
        """Fill the fields the schema requires only under a condition (its allOf if/then: facts a deployment model
        or a status makes necessary), which the walk over `properties` does not see."""
        for _ in range(5):
            errors = validate(data, "descriptor")
            missing = [e for e in errors if e.message.startswith("missing required field")]
            if not missing:
                return errors
            for error in missing:
                field = error.message.split("'")[1]
                parent, node = data, self.root
                for part in error.path:
                    parent, node = parent[part], self._resolve(node["properties"][part])
                parent.setdefault(field, self.value(node["properties"][field], (*error.path, field)))
        return validate(data, "descriptor")


def descriptors(count: int, seed: int = 20261128) -> list[dict[str, Any]]:
    generator = Generator(seed)
    return [generator.descriptor(i) for i in range(count)]
