"""Stage 4: the engine's violations and subjects joined with the catalogue into findings. Per rule and service one
verdict: a failure per violation (message from the rule's METADATA, location from the source map), else pass, or
not applicable (organisation, stage of the service's life, rule not in force, the rule's condition)."""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Callable, Iterator
from typing import Any

from checker import i18n, infra
from checker.applicability import enforcement
from checker.engine import RawReport
from checker.errors import PolicyError
from checker.loader import Document, JsonPath
from checker.model import Enforcement, Finding, Location, Rule, Status, Text, Verdict, Verdicts
from checker.pipeline.collect import Service

# The stage of a service's life its status puts it in (rule metadata: stages).
STAGE_OF_STATUS = {"planned": "procurement", "migrating": "implementation", "in_use": "operation", "exiting": "operation"}


def stage_of(service: Service, forced: str | None) -> str:
    return forced or STAGE_OF_STATUS[service.document.data["service"]["status"]]


def _not_in_stage(rule: Rule, stage: str) -> Text:
    stages = i18n.per_language(lambda lang: ", ".join(i18n.text(lang, f"stage.{s}") for s in rule.stages))
    return i18n.message("join.not_in_stage", stage=i18n.message(f"stage.{stage}"), stages=stages)


def join(rules: list[Rule], services: list[Service], raw: RawReport, as_of: str, stage: str | None = None) -> list[Finding]:
    """One finding per violation, and a pass or not-applicable finding per rule and service without one."""
    return [_finding(rule, services[index], status, level, reason, message, location, evidence, params)
            for rule, index, status, level, reason, message, location, evidence, params in _outcomes(rules, services, raw, as_of, stage)]


def join_rows(rules: list[Rule], services: list[Service], raw: RawReport, as_of: str,
              stage: str | None = None) -> tuple[list[Row], list[Row]]:
    """join() as rows, no Finding made: each failure as a row (the layout Expander reads), and per service one row of its pass
    and not-applicable verdicts (`verdict_row`'s), in the order join() gives them. The same decisions as _outcomes (a test
    holds the two to the same verdicts), made without an outcome per rule and service: a verdict row depends only on the
    rule, the enforcement and reason and what is said, so equal ones are one tuple, made once."""
    by_rule = _violations(rules, services, raw)
    roots = [_location(service.document, ("id",)) for service in services]
    stages = [stage_of(service, stage) for service in services]
    # per service its organisation profile and stage as one number: a rule's verdict rows are decided once for each
    groups: dict[tuple[str, str], int] = {}
    group_of = [groups.setdefault(key, len(groups)) for key in zip(_profile_keys(services), stages)]
    group_keys = list(groups)
    fails: list[Row] = []
    verdicts: list[list[Row]] = [[] for _ in services]
    places: dict[tuple[int, str], tuple[Any, ...]] = {}  # by service and path: its location and evidence
    # equal paths and equal params one object among the rows (by their repr): sent to the parent once each, where
    # nobody changes them (a portfolio's failures repeat a few hundred; made apart they were most of what the
    # parent unpickled)
    paths: dict[str, list[Any]] = {}
    shared_params: dict[str, dict[str, Any]] = {}
    for rule in rules:
        reported = raw.subjects.get(rule.package)
        if reported is None:
            raise PolicyError(i18n.message("join.no_subjects", rule=rule.id), location=rule.file)
        subjects = set(reported)  # a portfolio rule's subjects are every service: a list made this quadratic
        failing = by_rule.get(rule.package, {})
        rule_id, in_force = rule.id, rule.in_force(as_of)
        messages = _messages_of(rule)
        # per group: the enforcement and reason, and the rows of a pass (None: the rule does not apply) and of a service
        # that is no subject (or of the rule not applying, whatever its answer)
        made: list[tuple[Enforcement, Text, Row | None, Row] | None] = [None] * len(groups)
        for index, group in enumerate(group_of):
            decided = made[group]
            if decided is None:
                decided = made[group] = _decided(rule, services[index], group_keys[group], in_force, as_of)
            passed = decided[2]
            if passed is None:
                verdicts[index].append(decided[3])
            elif index in failing:
                level, reason = decided[0], decided[1]
                head = (rule_id, "fail", _VALUE[level], reason.nl, reason.en)
                for violation in failing[index]:
                    params, path = violation["params"], violation["path"]
                    # by their repr, as _params_key: a value of 1.0 or True is not one of 1
                    said, where = repr(params), repr(path)
                    message = messages.get((violation["kind"], said))
                    if message is None:
                        message = _message(rule, violation)
                    place = places.get((index, where))
                    if place is None:  # several rules fail at one place of a service
                        place = places[(index, where)] = _place(services[index], path)
                    json_path = paths.get(where)
                    if json_path is None:
                        json_path = paths[where] = list(path)
                    fails.append((*head, message.nl, message.en, *place[0], json_path, place[1], place[2],
                                  shared_params.setdefault(said, params)))
            elif index in subjects:
                verdicts[index].append(passed)
            else:
                verdicts[index].append(decided[3])
    rows = []
    for index, kept in enumerate(verdicts):
        if kept:
            root = roots[index]
            rows.append((services[index].id, root.file, root.document, root.line, root.column, root.end_line, root.end_column,
                         list(root.json_path), kept))
    return fails, rows


_VALUE = {level: level.value for level in Enforcement}


def _decided(rule: Rule, service: Service, group: tuple[str, str], in_force: bool, as_of: str) -> tuple[Enforcement, Text, Row | None, Row]:
    """For a rule and a group of services (an organisation profile, by its key, and a stage): the enforcement, its reason,
    the row of a pass (None when the rule does not apply) and the row of a service the rule is not for (or of the rule
    not applying). The same for every chunk of a run: made once a process."""
    key = (id(rule), *group, as_of, in_force)
    kept = _DECIDED.get(key)
    if kept is not None and kept[0] is rule:
        return kept[1]
    stage = group[1]
    level, reason = enforcement(rule.applies_to, service.organisation, as_of)
    if not in_force:
        level, reason = Enforcement.NOT_APPLICABLE, _not_in_force(rule, as_of)
    elif stage not in rule.stages:
        level, reason = Enforcement.NOT_APPLICABLE, _not_in_stage(rule, stage)
    if level is Enforcement.NOT_APPLICABLE:
        decided: tuple[Enforcement, Text, Row | None, Row] = (level, reason, None, _verdict_row(rule, "not-applicable", level, reason, reason))
    else:
        why = i18n.message("join.only_for", subject=rule.subject) if rule.subject else i18n.message("join.condition")
        decided = (level, reason, _verdict_row(rule, "pass", level, reason, rule.title),
                   _verdict_row(rule, "not-applicable", level, reason, why))
    if len(_DECIDED) > 20000:
        _DECIDED.clear()
    _DECIDED[key] = (rule, decided)  # the rule kept beside it: its id is no other rule's while the entry lives
    return decided


_DECIDED: dict[tuple[Any, ...], tuple[Rule, tuple[Enforcement, Text, Row | None, Row]]] = {}


def _verdict_row(rule: Rule, status: str, level: Enforcement, reason: Text, message: Text) -> Row:
    return (rule.id, status, level.value, reason.nl, reason.en, *((None, None) if message == rule.title else (message.nl, message.en)))


def _violations(rules: list[Rule], services: list[Service], raw: RawReport) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """The violations by rule package, then by service index, each in the engine's order; one of an unknown rule or
    service is a policy fault."""
    packages = {rule.package for rule in rules}
    count = len(services)
    violations: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for violation in raw.violations:
        package, index = violation["rule"], violation["service"]
        if package not in packages:
            raise PolicyError(i18n.message("join.unknown_rule", rule=repr(package)))
        if not 0 <= index < count:
            raise PolicyError(i18n.message("join.service_index", rule=package, index=index, count=count))
        by_service = violations.get(package)
        if by_service is None:
            by_service = violations[package] = {}
        found = by_service.get(index)
        if found is None:
            by_service[index] = [violation]
        else:
            found.append(violation)
    return violations


def _place(service: Service, path: list[Any]) -> tuple[tuple[Any, ...], str, str]:
    """Where a failure at path is, as a row has it: the location's file, document, line, column, end line and end
    column; the service's id; the evidence."""
    document = service.document
    key = tuple(path)
    span = document.spans.get(key) if key[:1] != ("observed",) else None
    if span is None:
        location = _location(document, key)
        at: tuple[Any, ...] = (location.file, location.document, location.line, location.column, location.end_line,
                               location.end_column)
    else:
        at = (document.file, document.index, *span)
    return at, document.data["id"], _evidence(document.data, path)


def _profile_keys(services: list[Service]) -> list[str]:
    """Per service its organisation profile as a key (a portfolio has few, so whom a rule binds is worked out once per
    rule and profile)."""
    return [json.dumps(s.organisation, sort_keys=True, default=str) for s in services]


def _profiles(services: list[Service]) -> list[int]:
    """Per service the number of its organisation profile."""
    profiles: dict[str, int] = {}
    return [profiles.setdefault(key, len(profiles)) for key in _profile_keys(services)]


# per rule and service its outcome: rule, service index, status, enforcement, reason, message, location, evidence, params
_Outcome = tuple[Rule, int, Status, Enforcement, Text, Text, Location, "str | None", "dict[str, Any] | None"]


def _outcomes(rules: list[Rule], services: list[Service], raw: RawReport, as_of: str, stage: str | None) -> Iterator[_Outcome]:
    violations = _violations(rules, services, raw)
    # per service once, not per rule and service: where its root is, its stage, and its organisation profile (a
    # portfolio has few profiles, so whom a rule binds is worked out once per rule and profile)
    roots = [_location(service.document, ("id",)) for service in services]
    stages = [stage_of(service, stage) for service in services]
    profile_of = _profiles(services)
    for rule in rules:
        reported = raw.subjects.get(rule.package)
        if reported is None:
            raise PolicyError(i18n.message("join.no_subjects", rule=rule.id), location=rule.file)
        subjects = set(reported)  # a portfolio rule's subjects are every service: a list made this quadratic
        bound: dict[int, tuple[Enforcement, Text]] = {}
        in_force = rule.in_force(as_of)
        for index, service in enumerate(services):
            profile = profile_of[index]
            if profile not in bound:
                bound[profile] = enforcement(rule.applies_to, service.organisation, as_of)
            level, reason = bound[profile]
            if not in_force:
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_force(rule, as_of)
            elif stages[index] not in rule.stages:
                level, reason = Enforcement.NOT_APPLICABLE, _not_in_stage(rule, stages[index])
            root = roots[index]
            if level is Enforcement.NOT_APPLICABLE:
                yield rule, index, Status.NOT_APPLICABLE, level, reason, reason, root, None, None
            elif index in (failing := violations.get(rule.package, {})):
                for violation in failing[index]:
                    yield (rule, index, Status.FAIL, level, reason, _message(rule, violation),
                           _location(service.document, tuple(violation["path"])),
                           _evidence(service.document.data, violation["path"]), violation["params"])
            elif index not in subjects:
                why = i18n.message("join.only_for", subject=rule.subject) if rule.subject else i18n.message("join.condition")
                yield rule, index, Status.NOT_APPLICABLE, level, reason, why, root, None, None
            else:
                yield rule, index, Status.PASS, level, reason, rule.title, root, None, None


def _not_in_force(rule: Rule, as_of: str) -> Text:
    if as_of < rule.effective_from:
        return i18n.message("join.not_yet", start=rule.effective_from, as_of=as_of)
    return i18n.message("join.no_longer", end=rule.effective_until)


def _finding(rule: Rule, service: Service, status: Status, level: Enforcement, reason: Text, message: Text, location: Location,
             evidence: str | None = None, params: dict[str, Any] | None = None) -> Finding:
    return Finding(
        rule_id=rule.id,
        status=status,
        severity=rule.severity,
        enforcement=level,
        enforcement_reason=reason,
        message=message,
        location=location,
        service=service.id,
        title=rule.title,
        remediation=rule.remediation,
        sources=rule.sources,
        docs=rule.docs,
        evidence=evidence,
        params=params,
    )


def _evidence(data: Any, path: list[Any]) -> str:
    """A digest of the value at path (of its nearest existing parent when the path names a missing field)."""
    value = data
    for step in path:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            value = {"absent": list(path)}  # a missing fact: the same absence, not whatever surrounds it
            break
    kind = type(value)
    if kind is bool or kind is str and len(value) <= 256 or kind is int or value is None:
        # a plain value's digest is that of every equal value of its type (most failures are at a string or a
        # boolean that many services share): made once
        key = (kind, value)
        found = _DIGESTS.get(key)
        if found is None:
            if len(_DIGESTS) >= 8192:
                _DIGESTS.clear()
            found = _DIGESTS[key] = hashlib.sha256(_EVIDENCE_JSON(value).encode("utf-8")).hexdigest()[:24]
        return found
    return hashlib.sha256(_EVIDENCE_JSON(value).encode("utf-8")).hexdigest()[:24]


# the digests of plain values (bool, int, None and short strings) by their type and value: True is not 1
_DIGESTS: dict[tuple[type, Any], str] = {}


def _evidence_encoder() -> Callable[[Any], str]:
    """json.dumps(value, sort_keys=True, ensure_ascii=False), without making an encoder for every call: the C encoder
    JSONEncoder.encode makes for each value, made once (without the check for circular values, which JSON data cannot
    hold), else the encoder's own encode."""
    encoder = json.JSONEncoder(sort_keys=True, ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    try:
        made = make(None, encoder.default, json.encoder.encode_basestring, None, encoder.key_separator,
                    encoder.item_separator, True, False, True)
        probes: Any = [{"b": [1, 2.5, -0.0, True, None, "é\n\"\u2028"], "a": {"z": "", "y": 10**30}}, "é", 1.5, None, []]
        if any("".join(made(probe, 0)) != encoder.encode(probe) for probe in probes):
            return encoder.encode
    except TypeError:  # another signature
        return encoder.encode

    def encode(value: Any) -> str:
        return "".join(made(value, 0))

    return encode


_EVIDENCE_JSON = _evidence_encoder()


def _location(document: Document, path: JsonPath) -> Location:
    if path[:1] == ("observed",):
        return infra.locate(document, path)
    _, (line, column, end_line, end_column) = document.locate(path)
    return Location(document.file, document.index, line, column, end_line, end_column, path)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _params(violation: dict[str, Any], lang: str) -> _Params:
    """A violation's params for a message: lists joined; a value given in both languages ({"nl": ..., "en": ...},
    as lib/service's `unrecorded`) in the message's language."""
    def shown(value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(map(str, value))
        if isinstance(value, dict) and set(value) == {"nl", "en"}:
            return value[lang]
        return value

    return _Params({k: shown(v) for k, v in violation["params"].items()})


def _message(rule: Rule, violation: dict[str, Any]) -> Text:
    """The violation's message in every language: its rule's template for its kind, filled in with its params. Equal
    params of a rule and kind give the same message, which is made once (a portfolio's failures repeat a few hundred)."""
    key = _params_key(violation)
    kept = _messages_of(rule)
    made = kept.get(key)
    if made is None:
        made = _made_message(rule, violation)
        if len(kept) < 4096:
            kept[key] = made
    return made


def _messages_of(rule: Rule) -> dict[tuple[Any, ...], Text]:
    """The messages made for a rule, by _params_key (join_rows looks them up itself, once a rule its table)."""
    kept = _MESSAGES.get(id(rule))
    if kept is None or kept[0] is not rule:
        if len(_MESSAGES) > 1000:
            _MESSAGES.clear()
        kept = _MESSAGES[id(rule)] = (rule, {})
    return kept[1]


# per rule (by id, the rule kept beside its messages so that its id is not another's) its messages by kind and params
_MESSAGES: dict[int, tuple[Rule, dict[tuple[Any, ...], Text]]] = {}


def _params_key(violation: dict[str, Any]) -> tuple[str, str]:
    """The violation's kind and params as a key of the message they make: the repr of JSON's values is equal only for
    values that format alike (True is not 1, 1.0 not 1, -0.0 not 0.0)."""
    return violation["kind"], repr(violation["params"])


def _made_message(rule: Rule, violation: dict[str, Any]) -> Text:
    template = rule.messages.get(violation["kind"])
    if template is None:
        raise PolicyError(i18n.message("join.message_kind", rule=rule.id, kind=repr(violation["kind"])), location=rule.file)
    try:
        # str.format_map formats as string.Formatter does, in C; a template it refuses is refused by the Formatter's
        # words below
        return Text(*(getattr(template, lang).format_map(_params(violation, lang)) for lang in ("nl", "en")))
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        pass
    try:
        return Text(*(string.Formatter().vformat(getattr(template, lang), (), _params(violation, lang)) for lang in ("nl", "en")))
    except (KeyError, IndexError, ValueError) as exc:
        raise PolicyError(i18n.message("join.message_param", rule=rule.id, param=str(exc)), location=rule.file) from None


# A rule's finding as a row of plain values: what a worker process sends back and the cache keeps (pickling a
# tuple of strings costs a tenth of a slotted dataclass's). The rule's severity, title, remediation, sources and
# docs are the rule's own, so the row leaves them out and expand() puts them back.
Row = tuple[Any, ...]


_STATUSES = {status.value: status for status in Status}
_LEVELS = {level.value: level for level in Enforcement}


class Expander:
    """Rows back into findings; equal texts become one Text (a portfolio's passes share their messages)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = {rule.id: rule for rule in rules}
        self.texts: dict[tuple[str, str], Text] = {}
        self.verdict: dict[tuple[Any, ...], Verdict] = {}
        self.together: dict[tuple[int, ...], tuple[Verdict, ...]] = {}
        self.paths: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.shared_params: dict[Any, dict[str, Any]] = {}
        self.docs = {rule.id: rule.docs for rule in rules}

    def text(self, nl: str, en: str) -> Text:
        found = self.texts.get((nl, en))
        if found is None:
            found = self.texts[(nl, en)] = Text(nl, en)
        return found

    def verdicts(self, row: Row) -> Verdicts:
        """A service's verdict row (join_rows) as its Verdicts; equal verdicts become one tuple."""
        service, file, document, line, column, end_line, end_column, json_path, kept = row
        made = []
        for verdict in kept:
            key = tuple(verdict)
            found = self.verdict.get(key)
            if found is None:
                rule_id, status, level, reason_nl, reason_en, message_nl, message_en = verdict
                rule = self.rules[rule_id]
                found = self.verdict[key] = (rule, _STATUSES[status], _LEVELS[level], self.text(reason_nl, reason_en),
                                             rule.title if message_nl is None else self.text(message_nl, message_en))
            made.append(found)
        made.sort(key=lambda verdict: verdict[0].id)  # the order a report lists them in: all at the root, by rule
        return Verdicts(service, Location(file, document, line, column, end_line, end_column, tuple(json_path)), self.shared(made))

    def shared(self, verdicts: list[Verdict]) -> tuple[Verdict, ...]:
        """Services with the same verdicts share one tuple of them (a reporter writes it once)."""
        key = tuple(map(id, verdicts))  # the verdicts are interned (self.verdict): equal ones are the same object
        found = self.together.get(key)
        if found is None:
            found = self.together[key] = tuple(verdicts)
        return found

    def merged(self, rows: list[Verdicts]) -> list[Verdicts]:
        """The rows of the same service and place as one row (a portfolio rule's verdicts joined with the service's
        others), in the order of their first row."""
        first: dict[tuple[str, Location], int] = {}
        out: list[Verdicts] = []
        for row in rows:
            at = first.get((row.service, row.location))
            if at is None:
                first[(row.service, row.location)] = len(out)
                out.append(row)
            else:
                joined = sorted(out[at].verdicts + row.verdicts, key=lambda verdict: verdict[0].id)
                out[at] = Verdicts(row.service, row.location, self.shared(joined))
        return out

    def __call__(self, row: Row) -> Finding:
        (rule_id, status, level, reason_nl, reason_en, message_nl, message_en, file, document, line, column, end_line,
         end_column, json_path, service, evidence, params) = row
        path = tuple(json_path)
        path = self.paths.setdefault(path, path)
        return self.made(rule_id, status, level, self.text(reason_nl, reason_en),
                         None if message_nl is None else self.text(message_nl, message_en),
                         Location(file, document, line, column, end_line, end_column, path), service, evidence, self.params(params))

    def made(self, rule_id: str, status: str, level: str, reason: Text, message: Text | None, location: Location,
             service: str | None, evidence: str | None, params: dict[str, Any] | None) -> Finding:
        """A rule's finding from a row's parts, the rule's own fields put back (a message of None: the title)."""
        rule = self.rules[rule_id]
        return Finding(rule_id, _STATUSES[status], rule.severity, _LEVELS[level], reason,
                       rule.title if message is None else message, location, service, rule.title, rule.remediation,
                       rule.sources, self.docs[rule_id], None, evidence, params)

    def params(self, params: dict[str, Any] | None) -> dict[str, Any] | None:
        """Equal params one dict (a portfolio's failures repeat a few hundred of them); nobody changes a finding's."""
        if not params:
            return params
        try:
            key: Any = tuple((name, type(value), value) for name, value in params.items())  # True is not 1
            hash(key)
        except TypeError:  # a list among the values
            key = repr(params)
        return self.shared_params.setdefault(key, params)
