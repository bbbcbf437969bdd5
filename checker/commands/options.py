"""The one builder of a run's options, for every command: flags first, then the repository configuration
(language, engine, OPA timeout, policy folders), then the defaults; and the choices the options take, as enums
(Typer checks them; checker/commands/guard.py says what is wrong in the run's language)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.commands.output import speak, words
from checker.errors import UsageError
from checker.model import Severity
from checker.pipeline import Options

if TYPE_CHECKING:
    from checker.config import Config

class Format(str, Enum):  # check --format: checker.reporters.STREAMS (tests/test_cli.py keeps them equal)
    text = "text"
    full = "full"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    markdown = "markdown"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class Stage(str, Enum):
    procurement = "procurement"
    implementation = "implementation"
    operation = "operation"


class Engine(str, Enum):  # the keys of checker.engine.REGISTRY (tests/test_cli.py keeps them equal)
    embedded = "embedded"
    opa = "opa"


class Listing(str, Enum):  # the formats of the listing commands (diff, waivers)
    text = "text"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def value(choice: Enum | None) -> Any:
    return None if choice is None else choice.value


@dataclass(frozen=True)
class OpaFlags:
    """The --opa-* options of `check`; the other checking commands have none (the environment still applies)."""

    url: str | None = None
    path: str | None = None
    token_env: str | None = None
    ca_bundle: str | None = None
    timeout: float | None = None
    any_revision: bool = False

    def given(self) -> bool:
        return any(v is not None for v in (self.url, self.path, self.token_env, self.ca_bundle, self.timeout)) or self.any_revision


@dataclass(frozen=True)
class Flags:
    """What the user gave on the command line, for any command (None: not given)."""

    paths: tuple[Path, ...] = ()
    config: Path | None = None
    as_of: str | None = None
    lang: Lang | None = None
    policies: tuple[Path, ...] = ()
    engine: Engine | None = None
    opa: OpaFlags = field(default_factory=OpaFlags)
    fail_on: Severity | None = None
    stage: Stage | None = None
    changed_since: str | None = None
    baseline: Path | None = None
    packs: tuple[str, ...] | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def governing(config: Path | None, paths: tuple[Path, ...] | list[Path]) -> Config | None:
    """The configuration that supplies run-wide settings (lang, engine, opa, policies): --config, else the nearest one."""
    from checker.config import ConfigFinder

    finder = ConfigFinder(config)
    if finder.explicit:
        return finder.explicit
    first = paths[0] if paths else Path.cwd()
    return finder.for_dir(first if first.is_dir() else first.parent)


def build(flags: Flags, *, engine: bool = True) -> Options:
    """The run's Options. Every command calls this, so the configuration's language and policy folders hold for all
    of them; `engine=False` for the commands that evaluate nothing (rules, explain, bundle, validate)."""
    from checker import cache

    cache.guard((*flags.paths, *([flags.config] if flags.config else [])))  # before any cache is read: none inside what is checked
    if flags.lang is not None:
        speak(flags.lang.value)  # a broken configuration is reported in the language asked for
    settings = governing(flags.config, flags.paths)
    language = value(flags.lang) or (settings.lang if settings else None) or "nl"
    speak(language)
    policies = flags.policies or (settings.policies if settings else ())
    name, engine_options = _engine(settings, flags.engine, flags.opa) if engine else ("embedded", {})
    return Options(flags.paths, flags.config, as_of(flags.as_of), language, name, engine_options, tuple(policies),
                   flags.fail_on, flags.changed_since, value(flags.stage), flags.baseline, flags.packs,
                   flags.select, flags.ignore)


def _engine(settings: Config | None, engine: Engine | None, opa: OpaFlags) -> tuple[str, dict[str, Any]]:
    """The engine and its options: --engine, else OPA when a central OPA's address is given by whoever runs the
    checker (flag or environment; it outranks the repository), else the configuration's engine, else embedded."""
    from checker.engine import OPA_URL_VARIABLE

    name = (value(engine) or ("opa" if opa.url is not None or os.environ.get(OPA_URL_VARIABLE) else None)
            or (settings and settings.engine) or "embedded")
    if name == "opa":
        from checker.engine.opa import resolve_options

        # where the token goes, which binary runs and which CA is trusted: flags and environment only, never the
        # configuration (checker/config.py refuses those keys); the configuration may set the timeout
        configured = dict(settings.opa) if settings else {}
        return name, resolve_options(opa.url, opa.token_env, opa.ca_bundle, opa.timeout, opa.path, opa.any_revision,
                                     configured.get("timeout_seconds"))
    if opa.given():
        raise UsageError(words("cli.opa_needs_engine"))
    return name, {}


def as_of(given: str | None) -> str:
    """The reference date: --as-of, checked, else today."""
    from datetime import date

    if given is None:
        return date.today().isoformat()
    shown = repr(given)
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", given):  # not \d: it takes any script's digits
        raise UsageError(words("cli.as_of.form", value=shown))
    try:
        parsed = date.fromisoformat(given).isoformat()
    except ValueError:
        raise UsageError(words("cli.as_of.calendar", value=shown)) from None
    from checker.schema import DATE_RANGE

    if not DATE_RANGE[0] <= parsed <= DATE_RANGE[1]:
        raise UsageError(words("cli.as_of.range", value=shown, first=DATE_RANGE[0], last=DATE_RANGE[1]))
    return parsed


def targets(formats: list[Format], outputs: list[str]) -> list[tuple[str, Path | None]]:
    """Pair each --format with the --output at the same position; at most one goes to standard output."""
    if len(outputs) > len(formats):
        raise UsageError(words("cli.outputs.too_many"))
    pairs = []
    for i, name in enumerate(formats):
        target = outputs[i] if i < len(outputs) and outputs[i] != "-" else None
        pairs.append((str(name.value), Path(target) if target else None))
    if sum(1 for _, target in pairs if target is None) > 1:
        raise UsageError(words("cli.outputs.one_stdout"))
    return pairs
