"""The way a descriptor goes from file to verdict, one module per stage (docs/architecture.md):

    discover  the descriptor files, the configuration that governs each, its reference data
    collect   each file loaded and schema-checked into services; what cannot be checked an error finding
    run       the engine over the services, group by group (cached, over processes for a large portfolio)
    join      the engine's violations and subjects into findings: pass, fail or not applicable per rule

checker.evaluate runs them in order and returns one Run. Options, the run's inputs, live here: every stage reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.model import Severity


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...] = ()
    config: Path | None = None
    as_of: str = ""
    lang: str = "nl"
    engine: str = "embedded"
    engine_options: dict[str, Any] = field(default_factory=dict)
    policies: tuple[Path, ...] = ()  # the organisation's own policy folders, besides the shipped ones
    fail_on: Severity | None = None  # --fail-on: overrides every configuration's fail_on
    changed_since: str | None = None  # report only descriptors changed since this git ref (portfolio rules: all)
    stage: str | None = None  # check every service as if in this stage; default: the stage its status implies
    baseline: Path | None = None  # leave out the failures this baseline holds
    packs: tuple[str, ...] | None = None  # these packs instead of the configurations' (cloudbeleid diff)
    select: tuple[str, ...] = ()  # --select: show only these rules or packs (globs); checker/selection.py
    ignore: tuple[str, ...] = ()  # --ignore: leave these out of the report, never out of the verdict
