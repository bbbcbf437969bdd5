"""The embedded engine's start-up (checker/engine/embedded.py): its version known without importing regorus."""

from __future__ import annotations

import importlib.metadata

from checker import cache
from checker.engine.embedded import EmbeddedEngine, regorus_version


def test_the_version_is_the_installed_distributions():
    assert regorus_version() == importlib.metadata.version("gordon-to-regorus")
    assert EmbeddedEngine().version == f"regorus {regorus_version()}"


def test_installed_versions_are_importlib_metadatas():
    # every installed distribution, found by its dist-info folder's name as importlib.metadata finds it
    names = sorted({d.metadata["Name"] for d in importlib.metadata.distributions()})
    assert len(names) > 20
    found = cache.installed_versions(tuple(names))
    assert found == {name: importlib.metadata.version(name) for name in names}
    assert cache.installed_versions(("no-such-distribution-here",)) == {"no-such-distribution-here": None}


def test_the_cache_keys_name_the_regorus_that_evaluates():
    # an upgrade of regorus must not be served what the old one decided
    assert f"gordon-to-regorus=={regorus_version()}" in cache.libraries()
    assert ": none" not in cache.libraries()
