"""The result model: immutable values that every reporter renders (design.md, Finding)."""

from __future__ import annotations

import gc
import heapq
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import TYPE_CHECKING, Any


class Severity(str, Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    def at_least(self, threshold: Severity) -> bool:
        return self.rank <= threshold.rank


_SEVERITY_ORDER = list(Severity)


class Status(str, Enum):
    FAIL = "fail"
    PASS = "pass"
    WAIVED = "waived"
    NOT_APPLICABLE = "not-applicable"
    ERROR = "error"


class Enforcement(str, Enum):
    MANDATORY = "mandatory"
    ADVISORY = "advisory"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True, slots=True)  # many thousands of these in a portfolio run
class Text:
    """A text the user reads, in Dutch (the default) and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    def to_json(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}


@dataclass(frozen=True, slots=True)  # many thousands of these in a portfolio run
class Location:
    file: str
    document: int = 0
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    json_path: tuple[str | int, ...] = ()

    @property
    def pointer(self) -> str:
        """The JSON path as a JSON Pointer (RFC 6901)."""
        path = self.json_path
        if not path:
            return ""
        joined = "/".join(map(str, path))
        if "~" not in joined and joined.count("/") == len(path) - 1:  # no step to escape (nearly every path)
            return "/" + joined
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "document": self.document,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "json_path": self.pointer,
        }


@dataclass(frozen=True, slots=True)  # many thousands of these in a portfolio run
class Source:
    document: str
    status: str
    section: str | None = None
    url: str | None = None
    quote: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class Rule:
    id: str
    package: str  # "<pack>.<name>", the identity of the rule in Rego
    pack: str
    severity: Severity
    title: Text
    messages: dict[str, Text]
    remediation: Text
    sources: tuple[Source, ...]
    applies_to: tuple[str, ...]
    stages: tuple[str, ...]
    effective_from: str
    effective_until: str | None
    waivable: bool
    file: str
    description: Text | None = None
    interpretation: Text | None = None
    subject: Text | None = None
    portfolio: bool = False  # looks at all services at once (market concentration, ...)
    portfolio_fields: tuple[str, ...] = ()  # the descriptor fields a portfolio rule reads: top-level, or dotted paths into one

    @property
    def docs(self) -> str:
        return f"docs/rules/{self.pack}/{self.package.split('.', 1)[1]}.md"

    @property
    def verification(self) -> str:
        """How sure the rule's footing is: that of its first (primary) source."""
        return self.sources[0].status

    def in_force(self, as_of: str) -> bool:
        return self.effective_from <= as_of and (self.effective_until is None or as_of <= self.effective_until)


@dataclass(frozen=True, slots=True)  # many thousands of these in a portfolio run
class Finding:
    rule_id: str
    status: Status
    severity: Severity
    enforcement: Enforcement
    enforcement_reason: Text
    message: Text
    location: Location
    service: str | None = None
    title: Text | None = None
    remediation: Text | None = None
    sources: tuple[Source, ...] = ()
    docs: str | None = None
    waiver: dict[str, Any] | None = None
    # a digest of the offending value (the descriptor's value at the violation's path): a baseline entry matches
    # only the same value, so a failure that worsens is reported again
    evidence: str | None = None
    # the violation's parameters as the rule gave them (dates, counts, countries): views that show a rule's dates
    # (the portfolio's deadlines) read them here instead of computing them again from the descriptor
    params: dict[str, Any] | None = None

    @property
    def gating(self) -> bool:
        """Whether this finding can fail the gate: a failure that binds, or input that was not checked."""
        return self.status is Status.ERROR or (self.status is Status.FAIL and self.enforcement is Enforcement.MANDATORY)


# A pass or not-applicable verdict of one rule, compact: the rule, status, enforcement, why the rule binds, advises
# or does not apply, and the message (a pass's is the rule's title). A portfolio's services share most of them.
Verdict = tuple[Rule, Status, Enforcement, Text, Text]


@dataclass(frozen=True, slots=True)
class Verdicts:
    """The pass and not-applicable verdicts of one service (in one document), all located at its root: at about 40
    a service, a portfolio's passes as Finding objects were most of a run's memory and time (issue 16)."""

    service: str
    location: Location
    verdicts: tuple[Verdict, ...]

    def findings(self) -> Iterator[Finding]:
        location, service = self.location, self.service
        for rule, status, level, reason, message in self.verdicts:
            yield Finding(rule_id=rule.id, status=status, severity=rule.severity, enforcement=level, enforcement_reason=reason,
                          message=message, location=location, service=service, title=rule.title,
                          remediation=rule.remediation, sources=rule.sources, docs=rule.docs)


def report_order(finding: Finding) -> tuple[str, int, int, int, str]:
    """The order a report lists its findings in: by place, then rule."""
    loc = finding.location
    return (loc.file, loc.document, loc.line, loc.column, finding.rule_id)


class Spooled(Sequence["Finding"]):
    """The findings of a large run held as objects, its per-service failures read from a spool (checker/spool.py)
    and made findings again each time they are read, merged in report order with the few findings held in memory
    (errors, duplicates, portfolio failures). Reading them in order (iteration) never holds them all; indexing or
    len() of a slice makes them a tuple once."""

    def __init__(self, spool: Any, held: list[Finding]) -> None:
        self.spool = spool  # its Expander's interned texts keep each Text one object across readings
        self.held = held  # in report order
        self._count: int | None = None
        self._all: tuple[Finding, ...] | None = None

    def _spooled(self) -> Iterator[Any]:
        """The spooled rows reported (not those of a service dropped as a duplicate), packed (checker/spool.py)."""
        return itertools.chain.from_iterable(self.runs())

    def runs(self) -> Iterator[list[Any]]:
        """The spooled rows reported, packed, in report order, as runs (Spool.runs)."""
        spool = self.spool
        dropped, place = spool.dropped, spool.place
        if not dropped:
            return spool.runs()
        return ([row for row in run if place(row) not in dropped] for run in spool.runs())

    def items(self) -> Iterator[Any]:
        """Every finding in report order, a spooled one as its packed row (a reporter reads it from the spool's
        tables without making it a Finding), a held one as itself."""
        if not self.held:
            return self._spooled()
        key = self.spool.key
        return heapq.merge(self._spooled(), self.held, key=lambda item: key(item) if type(item) is tuple else report_order(item))

    def __iter__(self) -> Iterator[Finding]:
        if self._all is not None:
            return iter(self._all)
        finding = self.spool.finding
        if not self.held:
            return map(finding, self._spooled())
        # a held finding never shares place and rule with a spooled one (errors and duplicates are of services
        # that were not evaluated, portfolio rules are not per-service rules): the merge's tie order never matters
        return heapq.merge(map(finding, self._spooled()), self.held, key=report_order)

    def spooled_count(self) -> int:
        """The spooled rows reported (a duplicate's are not)."""
        if self._count is None:
            self._count = sum(1 for _ in self._spooled()) if self.spool.dropped else self.spool.count
        return self._count

    def __len__(self) -> int:
        return self.spooled_count() + len(self.held)

    def files(self) -> set[str]:
        """The files the findings are located in."""
        return self.spool.file_set() | {f.location.file for f in self.held}

    def __getitem__(self, index: Any) -> Any:
        if self._all is None:
            self._all = tuple(self)
        return self._all[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, Spooled)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list: equal by its findings


class _Findings:
    """Report.findings: given to the constructor, the findings held as objects (Report.detailed); read, every
    finding of the report, the compact verdicts (Report.verdicts) expanded and merged in at their place in report
    order, built once on first use. Only a format that shows passes pays for them."""

    def __get__(self, report: Report | None, owner: type | None = None) -> tuple[Finding, ...]:
        if report is None:
            raise AttributeError("findings")  # no default: the dataclass keeps it a required field
        built = report.__dict__.get("_all")
        if built is None:
            held = report.__dict__["_held"]
            if not report.verdicts:
                built = held
            else:
                expanded = sorted((f for row in report.verdicts for f in row.findings()), key=report_order)
                # held findings come first among equals: a verdict never shares place and rule with one (a rule gives
                # a service either failures or one pass or not-applicable verdict)
                built = tuple(heapq.merge(held, expanded, key=report_order))
            report.__dict__["_all"] = built
        return built

    def __set__(self, report: Report, value: tuple[Finding, ...]) -> None:
        report.__dict__["_held"] = value if isinstance(value, Spooled) else tuple(value)
        report.__dict__.pop("_all", None)
        report.__dict__.pop("_failing", None)
        report.__dict__.pop("_counts", None)
        report.__dict__.pop("_errors", None)
        report.__dict__.pop("_failing_count", None)


COMPACT = (Status.PASS, Status.NOT_APPLICABLE)  # the statuses a Verdicts row holds


@dataclass(frozen=True)
class Report:
    as_of: str
    lang: str
    engine: str
    packs: tuple[str, ...]
    # every finding (see _Findings); with verdicts, the constructor takes only the findings held as objects
    # (failures, waived findings, errors), in report order
    if TYPE_CHECKING:
        findings: tuple[Finding, ...]
    else:
        findings: tuple[Finding, ...] = _Findings()
    files: tuple[str, ...]
    services: tuple[str, ...]
    rules: tuple[Rule, ...] = field(default=())
    engine_version: str = "unknown"
    policy_revision: str | None = None
    # the gate's threshold per descriptor file: --fail-on, else that file's configuration's fail_on, else low
    thresholds: dict[str, Severity] = field(default_factory=dict)
    waivers: tuple[dict[str, Any], ...] = ()  # every waiver of the run with its status: active, expiring, expired, unused, invalid
    baselined: int = 0  # failures left out because a baseline holds them
    # every deviation of a configuration from the shipped reference data (policies/data), shown in every format:
    # {"file": configuration path, "line": int, "list": "c2000_excluded", "added": [codes], "removed": [codes],
    #  "reason": str | None, "decision_ref": str | None}
    reference_deviations: tuple[dict[str, Any], ...] = ()
    # files that look like descriptors but were not checked, with why:
    # {"file": path, "reason": "case" | "excluded" | "not-included" | "hidden"}; a file named on the command line never is
    skipped: tuple[dict[str, str], ...] = ()
    # the rules --select/--ignore left out, shown in every format so that nothing disappears silently:
    # {"rule": id, "pack": pack, "hidden": findings not shown, "kept": its gate failures, which stay (checker/selection.py)}
    ignored_rules: tuple[dict[str, Any], ...] = ()
    # the OPA server the run asked ("https://opa.example:8181", "managed 127.0.0.1:PORT"), None for the embedded engine
    server: str | None = None
    # the pass and not-applicable verdicts a run keeps compact, per service; Report.findings lists them too
    verdicts: tuple[Verdicts, ...] = ()

    def __post_init__(self) -> None:
        held = self.__dict__["_held"]
        if self.verdicts and not isinstance(held, Spooled) and any(f.status in COMPACT for f in held):
            # findings that list passes themselves are every finding (dataclasses.replace(report, findings=(*report.findings,
            # extra))): the verdicts are among them already
            object.__setattr__(self, "verdicts", ())

    @property
    def detailed(self) -> tuple[Finding, ...]:
        """The findings held as objects: every finding but the compact verdicts (failures, waived findings, errors
        all are), in report order. What the gate, waivers, the baseline and the JSON report read."""
        held: tuple[Finding, ...] = self.__dict__["_held"]
        return held

    def threshold(self, file: str) -> Severity:
        return self.thresholds.get(file, Severity.LOW)

    @property
    def fail_on(self) -> str:
        """The threshold in force, or 'per-configuration' when the configurations differ."""
        distinct = {t.value for t in self.thresholds.values()} or {Severity.LOW.value}
        return distinct.pop() if len(distinct) == 1 else "per-configuration"

    def fails(self, finding: Finding) -> bool:
        """A failure that binds and is at or above its file's threshold: one that fails the run."""
        return finding.gating and finding.status is Status.FAIL and finding.severity.at_least(self.threshold(finding.location.file))

    def failing(self) -> list[Finding]:
        found = self.__dict__.get("_failing")  # a report does not change: its failures are found once
        if found is None:
            found = [f for f in self.detailed if self.fails(f)]  # a compact verdict never fails
            if isinstance(self.detailed, Spooled):
                return found  # not kept: a spooled report's failures are never all held (failing_count for the gate)
            self.__dict__["_failing"] = found
        return list(found)

    def failing_count(self) -> int:
        """How many findings fail the run (the gate and the summary), without holding them."""
        if not isinstance(self.detailed, Spooled):
            return len(self.failing())
        found = self.__dict__.get("_failing_count")
        if found is None:
            held = self.detailed
            rank = {rule.id: rule.severity.rank for rule in held.spool.expand.rules.values()}
            # the spooled rows are failures of rules (never errors): counted from the rows, not made findings; a
            # row fails the run when it binds and its rule's severity is at least its file's threshold (rank: lower
            # is more severe)
            limit = [self.threshold(file).rank for file in held.spool.files]
            found = sum(1 for f in held.held if self.fails(f)) + sum(
                1 for run in held.runs() for row in run if row[1] == "fail" and row[2] == "mandatory" and rank[row[0]] <= limit[row[5]])
            self.__dict__["_failing_count"] = found
        return int(found)

    @property
    def errors(self) -> list[Finding]:
        found = self.__dict__.get("_errors")  # a report does not change: found once
        if found is None:
            held = self.detailed
            # a spool holds failures of rules only: a spooled report's errors are among the findings it holds
            found = [f for f in (held.held if isinstance(held, Spooled) else held) if f.status is Status.ERROR]
            self.__dict__["_errors"] = found
        return list(found)

    def counts(self) -> dict[str, int]:
        found = self.__dict__.get("_counts")  # a report does not change: counted once (the summary, the gate, views)
        if found is None:
            from collections import Counter
            from itertools import chain
            from operator import attrgetter, itemgetter

            # counted by status object, in C: 600,000 verdicts of a portfolio asked for .value one by one cost 0.2 s
            held = self.detailed
            if isinstance(held, Spooled):  # the spooled rows are failures: counted, not read
                by_status = Counter(map(attrgetter("status"), held.held))
                by_status[Status.FAIL] += held.spooled_count()
            else:
                by_status = Counter(map(attrgetter("status"), held))
            by_status.update(map(itemgetter(1), chain.from_iterable(row.verdicts for row in self.verdicts)))
            found = self.__dict__["_counts"] = {status.value: by_status[status] for status in Status}
        return dict(found)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a run builds hundreds of thousands of small acyclic values (cache
    entries, rows, findings) that all stay alive, and each of the collector's full passes walks every one of them
    again (a warm run of 10,000 descriptors spent 13 of its 25 s in it). Reference counting frees them as always."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
