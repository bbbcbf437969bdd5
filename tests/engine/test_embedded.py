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


# --- only the enabled packs' modules compiled -----------------------------------------------------------------------

def test_no_shipped_module_names_a_rules_package_but_statically():
    # the engine compiles only what the enabled packs' rules need, following static references
    # (data.cloudbeleid.rules.<pack>); a dynamic one would make a rule undefined, not an error, so none may exist
    import re

    from checker.engine.embedded import _RULES_OF
    from checker.policies import load_bundle

    mentions = 0
    for name, source in load_bundle().modules:
        if name.startswith("main/"):
            continue  # main.report names every rule dynamically; the generated entrypoint, used here, does not
        for line in source.splitlines():
            code = line.split("#", 1)[0]
            if code.startswith("package ") or "rules" not in code:
                continue
            mentions += bool(_RULES_OF.search(code))
            assert not re.search(r"\brules\s*\[|\[\s*\"rules\"\s*\]", code), (name, line)
            assert "cloudbeleid.rules" not in _RULES_OF.sub("", code), (name, line)
    assert mentions >= 1  # the check has something to see


def test_each_pack_alone_gives_the_verdicts_of_the_whole_bundle():
    from pathlib import Path

    from checker.catalog import load_catalog
    from checker.config import Config
    from checker.policies import load_bundle
    from tests.descriptor_gen import descriptors

    bundle, catalog = load_bundle(), load_catalog()
    services = descriptors(12)
    organisation = {"name": "Ministerie van Voorbeeldzaken", "type": "ministerie", "cloud_policy_ref": "CB-2025"}
    settings = Config(path=None, root=Path("."))  # every threshold at its default
    whole = EmbeddedEngine()
    whole.compile(bundle)  # every module
    for pack in catalog.packs:
        rules = [rule for rule in catalog.rules if rule.pack == pack and not rule.portfolio]
        if not rules:
            continue
        document = {"as_of": "2026-11-28", "organisation": organisation, "services": services,
                    "settings": settings.settings(rules)}
        alone = EmbeddedEngine()
        answer = alone.evaluate(bundle, document)
        held = alone._local.added
        assert {name.split("/")[1] for name in held if name.startswith("rules/")} == {pack}, pack
        assert answer == whole.evaluate(bundle, document), pack
    # a later evaluation that needs more packs adds their modules to the same engine
    engine = EmbeddedEngine()
    first = [rule for rule in catalog.rules if rule.pack == "avg" and not rule.portfolio]
    both = first + [rule for rule in catalog.rules if rule.pack == "cb26" and not rule.portfolio]
    for rules in (first, both):
        document = {"as_of": "2026-11-28", "organisation": organisation, "services": services,
                    "settings": settings.settings(rules)}
        assert engine.evaluate(bundle, document) == whole.evaluate(bundle, document)
    assert any(name.startswith("rules/cb26/") for name in engine._local.added)


def test_the_unnamed_reference_test_is_the_patterns_search():
    """_needed's _unnamed: the pattern tried where a match can begin gives _UNNAMED.search's answer."""
    from checker.engine.embedded import _UNNAMED, _unnamed
    from checker.policies import load_bundle

    sources = [source for _, source in load_bundle().modules]
    pieces = ["data.cloudbeleid", "data.cloudbeleid.rules", ".rules.cb22", ".lib", "import ", "import\tdata.cloudbeleid",
              " as x", " as", "x", "_", "\n", "[", "]", ".", "rules", "#", "importdata.cloudbeleid", "mydata.cloudbeleid"]
    import random

    chance = random.Random(16)
    sources += ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 12))) for _ in range(5000)]
    matched = [bool(_UNNAMED.search(source)) for source in sources]
    assert [_unnamed(source) for source in sources] == matched
    assert 100 < sum(matched) < len(sources) - 100  # both answers are well represented


def test_evaluations_one_after_another_give_each_its_own_answer():
    """An evaluation of the same policies and rules as the one before goes straight to its query; another rule set, other
    services or another bundle are evaluated as a fresh engine evaluates them."""
    import dataclasses
    from pathlib import Path

    from checker.catalog import load_catalog
    from checker.config import Config
    from checker.policies import load_bundle
    from tests.descriptor_gen import descriptors

    bundle, catalog = load_bundle(), load_catalog()
    organisation = {"name": "Ministerie van Voorbeeldzaken", "type": "ministerie", "cloud_policy_ref": "CB-2025"}
    settings = Config(path=None, root=Path("."))
    avg = [rule for rule in catalog.rules if rule.pack == "avg" and not rule.portfolio]
    bio2 = [rule for rule in catalog.rules if rule.pack == "bio2" and not rule.portfolio]
    engine = EmbeddedEngine()
    # other reference data (no country in the EER): another bundle, whose answer the first bundle's engine cannot give
    countries = {name: {**entry, "codes": []} if name in ("eer", "eer_plus_ch") else entry
                 for name, entry in bundle.data["data"]["countries"].items()}
    other = dataclasses.replace(bundle, data={**bundle.data, "data": {**bundle.data["data"], "countries": countries}})
    answers = []
    for step, (rules, services, policies) in enumerate([(avg, descriptors(6), bundle), (avg, descriptors(6, seed=7), bundle),
                                                        (bio2, descriptors(6), bundle), (avg, descriptors(6), bundle),
                                                        (avg, descriptors(6), other), (avg, descriptors(6, seed=7), other)]):
        document = {"as_of": "2026-11-28", "organisation": organisation, "services": services,
                    "settings": settings.settings(rules)}
        answer = engine.evaluate(policies, document)
        assert {v["rule"] for v in answer.violations} <= {rule.package for rule in rules}, step
        assert answer == EmbeddedEngine().evaluate(policies, document), step
        answers.append(answer)
    assert answers[4] != answers[0] and answers[5] != answers[1]  # the other data tell
