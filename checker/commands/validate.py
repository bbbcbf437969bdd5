"""`cloudbeleid validate`: descriptors, configurations and waiver files against their schemas, no rules."""

from __future__ import annotations

from pathlib import Path

from checker.commands.options import Flags, build
from checker.commands.output import say, words
from checker.errors import CheckerError, ExitCode, UsageError

WAIVER_NAMES = ("waivers.yaml", "waivers.yml")


def validate(flags: Flags) -> ExitCode:
    from checker import i18n
    from checker.config import CONFIG_NAMES, ConfigFinder
    from checker.evaluate import collect

    options = build(flags, engine=False)
    lang = options.lang
    finder = ConfigFinder(flags.config)
    paths = list(flags.paths) or [finder.explicit.root if finder.explicit else Path.cwd()]
    configs = [p for p in paths if p.name in CONFIG_NAMES]
    waiver_files = [p for p in paths if p.name in WAIVER_NAMES]
    descriptors = [p for p in paths if p not in configs and p not in waiver_files]
    error = i18n.text(lang, "text.error")
    problems: list[str] = []
    for path in waiver_files:
        problems += _waiver_problems(path, finder, lang, error)
    for path in configs:
        problems += _config_problems(path, error)
    collected = collect(descriptors, finder) if descriptors else None
    if collected is not None and not collected.files:
        raise UsageError(words("cli.no_descriptors", paths=", ".join(map(str, descriptors))))
    errors = sorted(collected.errors, key=lambda e: (e.location.file, e.location.line, e.location.column)) if collected else []
    for problem in problems:
        say(problem)
    for finding in errors:
        say(f"{finding.location}: {error} {finding.rule_id} {finding.message.get(lang)}")
    checked = (len(collected.files) if collected else 0) + len(configs) + len(waiver_files)
    valid = (len(collected.services) if collected else 0) + len(configs) + len(waiver_files) - len(problems)
    say(words("cli.validate.summary", valid=valid, errors=i18n.plural(lang, "cli.validate.errors", len(errors) + len(problems)),
              files=i18n.plural(lang, "cli.validate.files", checked)))
    return ExitCode.UNCHECKED if errors or problems else ExitCode.OK


def _waiver_problems(path: Path, finder, lang: str, error: str) -> list[str]:
    from checker import waivers
    from checker.catalog import load_catalog
    from checker.policies import policy_roots

    try:
        governing = finder.for_file(path)
        loaded = waivers.load(path, str(path))
        catalog = load_catalog(policy_roots(governing.policies if governing else ()))
        _, invalid = waivers.check(loaded, {r.id: r for r in catalog.rules}, waivers.settings_for(governing))
        return [f"{e.location}: {error} {e.rule_id} {e.message.get(lang)}" for e in invalid]
    except CheckerError as exc:
        return [f"{error} {exc}"]


def _config_problems(path: Path, error: str) -> list[str]:
    from checker.catalog import load_catalog
    from checker.config import load_config, reference_deviations
    from checker.evaluate import packs_for
    from checker.policies import load_bundle, policy_roots

    try:
        governing = load_config(path)
        roots = policy_roots(governing.policies)
        packs_for(governing, load_catalog(roots))
        reference_deviations(governing, load_bundle(roots).data.get("data", {}).get("countries", {}))
    except CheckerError as exc:
        return [f"{error} {exc}"]
    return []
