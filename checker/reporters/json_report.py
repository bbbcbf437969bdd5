"""The versioned JSON report (schemas/report.v3.schema.json): every verdict, in one row per service and place:
passes and not-applicable verdicts as rule ids, failures as short arrays with their message and place; waived
findings, errors and failures with a waiver as full objects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker import __version__
from checker.gate import exit_code
from checker.model import COMPACT, Finding, Report, Rule, Spooled, Status, Text, Verdicts, paused_collector
from checker.reporters.common import json_text

REPORT_VERSION = 3
# A pass or not-applicable verdict carries nothing a reader needs but its rule, service and place, a failure
# nothing but its rule, place, message and enforcement: at 60 findings a service, full objects made a portfolio's
# report 45 KB a service (issue 16), rows of them about 4 KB.


def render(report: Report, colour: bool = False) -> Iterator[str]:
    """The report, written piece by piece: a portfolio's findings are never all in memory as JSON at once, nor its
    passes as findings (they are written from the report's compact verdicts).

    Strings keep their exact value (a file name, a message quoting the descriptor); JSON escaping, and
    json_text's for controls, bidi characters and lone surrogates, keeps every document valid.
    """
    with paused_collector():  # the layout's rows are many small acyclic values
        yield from _render(report)


def _render(report: Report) -> Iterator[str]:
    layout = _Layout(report)
    document = to_json(report, findings=False)
    head = json_text(document, indent=2)
    yield head[:-2] + ',\n  "findings": ['  # the document's closing "\n}" is written after the findings
    encode = _Encoder()
    batch: list[str] = []
    for number, finding in enumerate(layout.full):
        batch.append(("\n    " if number == 0 else ",\n    ") + encode(finding))
        if len(batch) == 1000:  # a thousand findings a write: a write per finding costs more than its encoding
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "\n  ],\n  \"verdicts\": ["
    batch = []
    for number, row in enumerate(layout.lines()):
        batch.append(("\n    " if number == 0 else ",\n    ") + row)
        if len(batch) == 1000:
            yield "".join(batch)
            batch = []
    yield ("".join(batch) + "\n  ],\n  \"reasons\": " + json_text(layout.reasons.texts)
           + ",\n  \"messages\": " + json_text(layout.messages.texts) + "\n}\n")


class _Table:
    """Texts written once a report, referred to by their index."""

    def __init__(self) -> None:
        self.index: dict[Text, int] = {}
        self.texts: list[dict[str, str]] = []
        # by the object too: a portfolio's findings share their Text objects, and a Text hashes its strings anew
        # each time; the report holds every text it names while it is written, so no id is reused meanwhile
        self.seen: dict[int, int] = {}

    def __call__(self, text: Text) -> int:
        found = self.seen.get(id(text))
        if found is None:
            found = self.index.get(text)
            if found is None:
                found = self.index[text] = len(self.texts)
                self.texts.append(text.to_json())
            self.seen[id(text)] = found
        return found


class _Layout:
    """The report's verdicts as rows, one per service and place (file, document): its passes and not-applicable
    verdicts as [rule id, enforcement, reason index], its failures as [rule id, enforcement, reason index, message
    index, line, column, end line, end column, JSON pointer]; the reasons and messages in tables. Waived findings,
    errors and a failure a waiver (an expired one) is attached to stay full findings (`full`), in report order.

    The rows are made one place at a time as they are written (rows()): a report's findings are in report order,
    so each place's are together, and a portfolio's failures are never all held again as rows beside the
    findings (at 100,000 services they were the peak of the run). The texts are numbered up front, in the order
    the findings give them, so the tables are the same however the rows are made."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.full: list[Finding] = []
        self.reasons = _Table()
        self.messages = _Table()
        reason, message = self.reasons, self.messages
        spool = self.spool = report.detailed.spool if isinstance(report.detailed, Spooled) else None
        # a spooled row's texts by their index in the spool's table, numbered here once each
        self._reason_of: list[int] = [-1] * len(spool.texts) if spool is not None else []
        self._message_of: list[int] = list(self._reason_of)
        self._title_of: dict[str, int] = {}
        in_order = True  # the held findings grouped by place (file, document), as report order has them
        last: tuple[str, int] | None = None
        if spool is not None and not report.detailed.held:  # only spooled failures: in report order, as runs
            for run in report.detailed.runs():
                for row in run:
                    self._row_texts(row)
        else:
            for finding in _items(report):  # in report order
                if type(finding) is tuple:  # a spooled failure (no waiver: a run with waivers holds its findings)
                    assert spool is not None
                    self._row_texts(finding)
                    at = spool.place(finding)
                    if last is not None and at < last:
                        in_order = False
                    last = at
                    continue
                loc = finding.location
                if finding.status in COMPACT:
                    reason(finding.enforcement_reason)
                elif finding.status is Status.FAIL and finding.waiver is None:
                    reason(finding.enforcement_reason)
                    message(finding.message)
                else:
                    self.full.append(finding)
                    continue
                at = (loc.file, int(loc.document))
                if last is not None and at < last:
                    in_order = False
                last = at
        self.in_order = in_order
        # the verdicts of a row as written, once per tuple of verdicts (services with the same verdicts share one)
        self.written: dict[int, tuple[list[Any], list[Any], list[tuple[Any, ...]], str, str]] = {}
        self.pointers: dict[int, str] = {}  # a spooled path's JSON Pointer as JSON, by its index in the spool's table
        self.quoted: dict[str, str] = {}  # rule ids and enforcements as JSON
        self.each: dict[int, tuple[bool, list[Any], tuple[Any, ...], str]] = {}  # a verdict's item, as _written writes it

    def _row_texts(self, row: tuple[Any, ...]) -> tuple[int, int]:
        """A spooled row's reason and message as their indexes in the tables, numbered on first sight."""
        spool = self.spool
        assert spool is not None
        number = row[3]
        why = self._reason_of[number]
        if why < 0:
            why = self._reason_of[number] = self.reasons(spool.texts[number])
        number = row[4]
        if number < 0:
            said = self._title_of.get(row[0])
            if said is None:
                said = self._title_of[row[0]] = self.messages(spool.message(row))
        else:
            said = self._message_of[number]
            if said < 0:
                said = self._message_of[number] = self.messages(spool.texts[number])
        return why, said

    def _pointer(self, row: tuple[Any, ...]) -> str:
        found = self.pointers.get(row[11])
        if found is None:
            assert self.spool is not None
            found = self.pointers[row[11]] = json_text(self.spool.pointer(row))
        return found

    def _held(self) -> Iterator[tuple[tuple[str, int], dict[str | None, tuple[list[tuple[Any, ...]], list[str]]]]]:
        """Per place, in order, its held findings per service: passes and not-applicable verdicts held as findings,
        with their sort keys (line, column, rule id), and failures as their rows' JSON."""
        spool = self.spool
        if spool is not None and not self.report.detailed.held:
            yield from self._spooled_places()
            return
        reason, message = self.reasons, self.messages
        at: tuple[str, int] | None = None
        services: dict[str | None, tuple[list[tuple[Any, ...]], list[str]]] = {}
        for finding in _items(self.report):
            if type(finding) is tuple:  # a spooled failure, written from its packed row
                assert spool is not None
                place = spool.place(finding)
                if place != at:
                    if at is not None:
                        yield at, services
                    at, services = place, {}
                held = services.get(finding[12])
                if held is None:
                    held = services[finding[12]] = ([], [])
                held[1].append(self._failure(finding))
                continue
            loc = finding.location
            compact = finding.status in COMPACT
            if not compact and (finding.status is not Status.FAIL or finding.waiver is not None):
                continue
            place = (loc.file, int(loc.document))
            if place != at:
                if at is not None:
                    yield at, services
                at, services = place, {}
            held = services.get(finding.service)
            if held is None:
                held = services[finding.service] = ([], [])
            if compact:
                held[0].append((loc.line, loc.column, finding.rule_id, finding.status.value,
                                [finding.rule_id, finding.enforcement.value, reason(finding.enforcement_reason)]))
            else:
                held[1].append(json_text([finding.rule_id, finding.enforcement.value, reason(finding.enforcement_reason),
                                          message(finding.message), int(loc.line), int(loc.column), _integer(loc.end_line),
                                          _integer(loc.end_column), loc.pointer]))
        if at is not None:
            yield at, services

    def _spooled_places(self) -> Iterator[tuple[tuple[str, int], dict[str | None, tuple[list[tuple[Any, ...]], list[str]]]]]:
        """_held of a report whose findings are all spooled failures: each place's rows, read run by run, each
        failure's row written as _failure writes it (the same code, inlined: a portfolio has millions)."""
        spool = self.spool
        assert spool is not None
        files, texts, quoted, pointer = spool.files, self._row_texts, self.quoted, self._pointer
        at: tuple[int, int] | None = None
        services: dict[str | None, tuple[list[tuple[Any, ...]], list[str]]] = {}
        for run in self.report.detailed.runs():
            for row in run:
                place = (row[5], row[6])
                if place != at:
                    if at is not None:
                        yield (files[at[0]], at[1]), services
                    at, services = place, {}
                held = services.get(row[12])
                if held is None:
                    held = services[row[12]] = ([], [])
                why, said = texts(row)
                rule, level = quoted.get(row[0]), quoted.get(row[2])
                if rule is None or level is None:
                    rule, level = self._quoted(row[0]), self._quoted(row[2])
                end_line, end_column = row[9], row[10]
                held[1].append(f'[{rule}, {level}, {why}, {said}, {int(row[7])}, {int(row[8])}, '
                               f'{"null" if end_line is None else int(end_line)}, {"null" if end_column is None else int(end_column)}, '
                               f'{pointer(row)}]')
        if at is not None:
            yield (files[at[0]], at[1]), services

    def _quoted(self, value: str) -> str:
        found = self.quoted.get(value)
        if found is None:
            found = self.quoted[value] = json_text(value)
        return found

    def _failure(self, row: tuple[Any, ...]) -> str:
        """A spooled failure's row as JSON, as json_text writes [rule id, enforcement, reason, message, line, column,
        end line, end column, JSON pointer]; its strings by json_text, each once a run."""
        why, said = self._row_texts(row)
        return (f'[{self._quoted(row[0])}, {self._quoted(row[2])}, {why}, {said}, {int(row[7])}, {int(row[8])}, '
                f'{_number(row[9])}, {_number(row[10])}, {self._pointer(row)}]')

    def _places(self) -> Iterator[tuple[tuple[str | None, str, int], tuple[list[tuple[Any, ...]], list[Verdicts], list[str]]]]:
        """Each place and service with its held findings and compact rows, in the order the report lists them
        (file, document, service), made one place at a time."""
        key = _place_order
        compact = sorted(self.report.verdicts, key=lambda row: (row.location.file, int(row.location.document), row.service or ""))
        held = self._held() if self.in_order else iter(sorted(_grouped(self._held()).items()))
        next_held = next(held, None)
        position = 0
        while next_held is not None or position < len(compact):
            if next_held is not None and (position == len(compact) or next_held[0] <= _at(compact[position])):
                place, services = next_held
                next_held = next(held, None)
            else:
                place, services = _at(compact[position]), {}
            places: dict[tuple[str | None, str, int], tuple[list[tuple[Any, ...]], list[Verdicts], list[str]]] = {
                (service, *place): (found[0], [], found[1]) for service, found in services.items()}
            while position < len(compact) and _at(compact[position]) == place:
                row = compact[position]
                position += 1
                found = places.get((row.service, *place))
                if found is None:
                    found = places[(row.service, *place)] = ([], [], [])
                found[1].append(row)
            yield from sorted(places.items(), key=lambda item: key(item[0]))

    def _written(self, verdicts: tuple[Any, ...]) -> tuple[list[Any], list[Any], list[tuple[Any, ...]], str, str]:
        """A tuple of verdicts as written: its passes and not-applicable items, each item with its sort key, and both
        lists as JSON (json_text's bytes: each item's JSON, made once for the verdict it writes, joined)."""
        found = self.written.get(id(verdicts))
        if found is None:
            passes: list[Any] = []
            others: list[Any] = []
            items: list[tuple[Any, ...]] = []
            texts: tuple[list[str], list[str]] = ([], [])
            each = self.each
            for verdict in verdicts:
                # the verdicts are the Expander's shared tuples, alive as long as the report: an id names one
                known = each.get(id(verdict))
                if known is None:
                    rule, status, level, why, _ = verdict
                    item = [rule.id, level.value, self.reasons(why)]
                    known = each[id(verdict)] = (status is Status.PASS, item, (rule.id, status.value, item), json_text(item))
                passing, item, keyed, text = known
                (passes if passing else others).append(item)
                items.append(keyed)
                texts[0 if passing else 1].append(text)
            found = self.written[id(verdicts)] = (passes, others, items, f"[{', '.join(texts[0])}]", f"[{', '.join(texts[1])}]")
        return found

    def lines(self) -> Iterator[str]:
        """Each row as JSON, as json_text writes {"service", "file", "document", "pass", "not-applicable", "fail"}: a
        service's verdicts, shared with services that have the same, are written once a run; its failures' rows
        come written (_held)."""
        for (service, file, document), (held, compact, fails) in self._places():
            if not held and len(compact) == 1:  # a run's rows: one per service, its verdicts in order
                passes, others = self._written(compact[0].verdicts)[3:]
            else:
                merged = list(held)
                for row in compact:
                    merged += [(row.location.line, row.location.column, *item) for item in self._written(row.verdicts)[2]]
                merged.sort(key=lambda v: v[:3])
                passes = json_text([v[4] for v in merged if v[3] == "pass"])
                others = json_text([v[4] for v in merged if v[3] == "not-applicable"])
            if file is not self._file[0]:  # a file's services follow each other: its text made once
                self._file = (file, json_text(file))
            yield (f'{{"service": {"null" if service is None else json_text(service)}, "file": {self._file[1]}, '
                   f'"document": {int(document)}, "pass": {passes}, "not-applicable": {others}, "fail": [{", ".join(fails)}]}}')

    def rows(self) -> Iterator[dict[str, Any]]:
        """Each row as a value (to_json): its JSON read back."""
        import json

        return map(json.loads, self.lines())

    _file: tuple[Any, str] = (None, "null")


def _items(report: Report) -> Iterator[Any]:
    """The report's findings held as objects, in report order; a spooled report's failures as their packed rows."""
    held = report.detailed
    return held.items() if isinstance(held, Spooled) else iter(held)


def _place_order(place: tuple[str | None, str, int]) -> tuple[str, int, str]:
    return (place[1], place[2], place[0] or "")


def _at(row: Verdicts) -> tuple[str, int]:
    return (row.location.file, int(row.location.document))


def _grouped(places: Iterator[tuple[tuple[str, int], dict[Any, tuple[list[Any], list[Any]]]]]) -> dict[tuple[str, int], dict[Any, tuple[list[Any], list[Any]]]]:
    """Held findings not in report order (a report built by hand) gathered by place, as before."""
    gathered: dict[tuple[str, int], dict[Any, tuple[list[Any], list[Any]]]] = {}
    for place, services in places:
        into = gathered.setdefault(place, {})
        for service, (compact, fails) in services.items():
            found = into.setdefault(service, ([], []))
            found[0].extend(compact)
            found[1].extend(fails)
    return gathered


def _integer(value: int | None) -> int | None:
    return None if value is None else int(value)


class _Encoder:
    """json_text(finding_json(finding)), byte for byte, at a fraction of its cost: the texts a portfolio's findings
    share (titles, reasons, file names) are encoded once; the rest is put together around them."""

    def __init__(self) -> None:
        self.known: dict[Any, str] = {}

    def once(self, value: Any, shape: Any) -> str:
        found = self.known.get(value)
        if found is None:
            if len(self.known) > 20_000:  # messages that quote a descriptor are mostly different: no unbounded memo
                self.known.clear()
            found = self.known[value] = json_text(shape)
        return found

    def __call__(self, finding: Finding) -> str:
        once, loc = self.once, finding.location
        return (f'{{"rule_id": {once(finding.rule_id, finding.rule_id)}, "status": "{finding.status.value}", '
                f'"severity": "{finding.severity.value}", "enforcement": "{finding.enforcement.value}", '
                f'"enforcement_reason": {once(finding.enforcement_reason, finding.enforcement_reason.to_json())}, '
                f'"service": {"null" if finding.service is None else once(finding.service, finding.service)}, '
                f'"message": {once(finding.message, finding.message.to_json())}, '
                f'"location": {{"file": {once(loc.file, loc.file)}, "document": {int(loc.document)}, "line": {int(loc.line)}, '
                f'"column": {int(loc.column)}, "end_line": {_number(loc.end_line)}, "end_column": {_number(loc.end_column)}, '
                f'"json_path": {json_text(loc.pointer)}}}, '
                f'"waiver": {"null" if finding.waiver is None else json_text(finding.waiver)}}}')


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def to_json(report: Report, findings: bool = True) -> dict[str, Any]:
    document = {
        "report_version": REPORT_VERSION,
        "tool": {"name": "cloudbeleid-checker", "version": __version__},
        "as_of": report.as_of,
        "lang": report.lang,
        "engine": report.engine,
        "engine_version": report.engine_version,
        "policy_revision": report.policy_revision,
        "packs": list(report.packs),
        "summary": {
            "files": len(report.files),
            "services": len(report.services),
            "fail_on": report.fail_on,
            "failing": report.failing_count(),
            "by_status": report.counts(),
            "exit_code": int(exit_code(report)),
            "baselined": report.baselined,
        },
        "waivers": list(report.waivers),
        "server": report.server,
        "reference_deviations": [dict(d) for d in report.reference_deviations],
        "skipped": [dict(s) for s in report.skipped],
        **({"ignored_rules": [dict(i) for i in report.ignored_rules]} if report.ignored_rules else {}),
        "rules": {rule.id: rule_json(rule) for rule in report.rules},
    }
    if findings:
        layout = _Layout(report)
        document["findings"] = [finding_json(f) for f in layout.full]
        document["verdicts"] = list(layout.rows())
        document["reasons"] = layout.reasons.texts
        document["messages"] = layout.messages.texts
    return document


def rule_json(rule: Rule) -> dict[str, Any]:
    """What every finding of a rule shares, once per report."""
    return {
        "pack": rule.pack,
        "severity": rule.severity.value,
        "title": rule.title.to_json(),
        "remediation": rule.remediation.to_json(),
        "applies_to": list(rule.applies_to),
        "verification": rule.verification,
        "sources": [s.to_json() for s in rule.sources],
        "docs": rule.docs,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding; the rule's title, remediation and sources are in the report's rules object."""
    return {
        "rule_id": finding.rule_id,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "enforcement": finding.enforcement.value,
        "enforcement_reason": finding.enforcement_reason.to_json(),
        "service": finding.service,
        "message": finding.message.to_json(),
        "location": finding.location.to_json(),
        "waiver": finding.waiver,
    }
