"""`cloudbeleid rules`, `explain` and `docs`: the rule catalogue, listed, one rule in full, or as pages."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.commands.options import Flags, RulesFormat, build
from checker.commands.output import say, words, write
from checker.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from checker.catalog import Catalog
    from checker.model import Rule
    from checker.pipeline import Options


def _catalog(options: Options) -> Catalog:
    from checker.catalog import load_catalog
    from checker.policies import policy_roots

    return load_catalog(policy_roots(options.policies))


def rules(flags: Flags, packs: list[str], format: RulesFormat) -> ExitCode:
    options = build(flags, engine=False)
    lang = options.lang
    catalog = _catalog(options)
    wanted = {p.replace("-", "_") for p in packs}
    unknown = sorted(wanted - set(catalog.packs))
    if unknown:
        raise UsageError(words("cli.rules.unknown_pack", pack=repr(unknown[0]), packs=", ".join(catalog.packs)))
    order = list(catalog.packs)
    selected = sorted((r for r in catalog.rules if not wanted or r.pack in wanted),
                      key=lambda r: (order.index(r.pack) if r.pack in order else len(order), r.id))
    if format is RulesFormat.json:
        write(json.dumps([rule_json(r) for r in selected], ensure_ascii=False, indent=2) + "\n", None)
    elif format is RulesFormat.markdown:
        write(rules_markdown(selected, lang), None)
    else:
        write(rules_text(selected, catalog, lang, _width()), None)
    return ExitCode.OK


def _width() -> int:
    """The terminal's width; 80 columns when the listing goes to a file or a pipe."""
    return max(60, shutil.get_terminal_size((80, 24)).columns) if sys.stdout.isatty() else 80


def rules_text(selected: list[Rule], catalog: Catalog, lang: str, width: int) -> str:
    """Per pack a heading, then per rule (ids sorted) its id and severity, and below them its title wrapped at words
    with a mark when its footing is not verified: it fits `width` columns however long an id or a title is."""
    from checker.docs import status_summary
    from checker.i18n import columns, plural
    from checker.reporters.common import severity_word, visible

    head = columns(lang, "cli.rules.columns")
    id_width = max([len(r.id) for r in selected] + [len(head[0])]) + 2
    lines: list[str] = []
    for pack in dict.fromkeys(r.pack for r in selected):
        members = [r for r in selected if r.pack == pack]
        title = catalog.packs[pack].title.get(lang) if pack in catalog.packs else pack
        if lines:
            lines.append("")
        lines += textwrap.wrap(visible(f"{pack}: {title} ({plural(lang, 'cli.rules.count', len(members))})"), width)
        lines += [f"  {head[0]:<{id_width}}{head[1]}", f"    {head[2]}"]
        for rule in members:
            mark = "" if rule.verification == "verified" else f" [{words('cli.rules.mark.' + rule.verification)}]"
            lines.append(f"  {visible(rule.id):<{id_width}}{severity_word(rule.severity.value, lang)}")
            lines += textwrap.wrap(visible(rule.title.get(lang)) + mark, width, initial_indent="    ", subsequent_indent="    ",
                                   break_long_words=False, break_on_hyphens=False)
    lines += ["", *textwrap.wrap(words("cli.rules.marks"), width, break_on_hyphens=False),
              *textwrap.wrap(status_summary(selected, lang), width, break_on_hyphens=False)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def rules_markdown(selected: list[Rule], lang: str) -> str:
    """The full table: id, pack, severity, title, first source and its status."""
    from checker.docs import SHORT, status_summary
    from checker.i18n import columns
    from checker.reporters.common import md_code, md_text, severity_word

    head = columns(lang, "cli.rules.markdown_columns")
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for rule in selected:
        source = rule.sources[0]
        where = source.document + (f", {source.section}" if source.section else "")
        lines.append(f"| {md_code(rule.id)} | {md_code(rule.pack)} | {md_text(severity_word(rule.severity.value, lang))} | "
                     f"{md_text(rule.title.get(lang))} | {md_text(where)} | {md_text(SHORT[lang].get(source.status, source.status))} |")
    return "\n".join([*lines, "", md_text(status_summary(selected, lang))]) + "\n"


def rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "pack": rule.pack,
        "severity": rule.severity.value,
        "title": rule.title.to_json(),
        "applies_to": list(rule.applies_to),
        "stages": list(rule.stages),
        "effective_from": rule.effective_from,
        "effective_until": rule.effective_until,
        "waivable": rule.waivable,
        "verification": rule.verification,
        "sources": [s.to_json() for s in rule.sources],
        "docs": rule.docs,
        "file": rule.file,
    }


def explain(flags: Flags, rule_id: str) -> ExitCode:
    from checker.catalog import retired
    from checker.docs import rule_markdown
    from checker.model import Text
    from checker.policies import policy_roots

    options = build(flags, engine=False)
    lang = options.lang
    catalog = _catalog(options)
    rule = catalog.by_id(rule_id)
    if rule is None:
        gone = retired(rule_id, policy_roots(options.policies))
        successor = catalog.by_id(gone["replaced_by"]) if gone else None
        if gone is None or successor is None:
            near = nearest(rule_id, catalog)
            hint = words("cli.explain.did_you_mean", rule=near) if near else words("cli.explain.see_rules")
            raise UsageError(words("cli.explain.unknown", rule=repr(rule_id), hint=hint))
        say(words("cli.explain.retired", rule=rule_id.upper(), date=gone["retired_on"], successor=gone["replaced_by"],
                  why=Text(**gone["why"]).get(lang)) + "\n")
        rule = successor
    write(rule_markdown(rule, lang, example_message(rule, options)) + "\n", None)
    return ExitCode.OK


def nearest(rule_id: str, catalog: Catalog) -> str | None:
    """The known id closest to `rule_id`, from the pack its prefix names when one does (CB26-EXIT-PLAN is a
    cb26 rule mistyped before it is a cb22 one)."""
    import difflib

    wanted = rule_id.upper()
    packs = [p.id for p in catalog.packs.values() if p.prefix and wanted.startswith(p.prefix.upper() + "-")]
    for pool in ([r.id for r in catalog.rules if r.pack in packs], [r.id for r in catalog.rules]):
        near = difflib.get_close_matches(wanted, pool, n=1, cutoff=0.5)
        if near:
            return near[0]
    return None


def example_message(rule: Rule, options: Options) -> str | None:
    """The rule's message as its non-compliant example makes it (placeholders filled), or None when the example
    is missing or does not fail the rule on the reference date."""
    from checker.docs import fixtures
    from checker.errors import CheckerError
    from checker.evaluate import check
    from checker.model import Status

    examples = [path for kind, path in fixtures(rule) if kind == "noncompliant"]
    if not examples:
        return None
    try:
        report = check(replace(options, paths=(examples[0],), config=None, packs=(rule.pack,), select=(), ignore=()))
    except CheckerError:
        return None
    found = next((f for f in report.findings if f.rule_id == rule.id and f.status is Status.FAIL), None)
    return found.message.get(options.lang) if found else None


def docs(flags: Flags, output: Path) -> ExitCode:
    from checker.docs import write_docs

    build(flags, engine=False)  # the language of the line below; the pages hold both
    written = write_docs(output)
    say(words("cli.docs.wrote", count=len(written), folder=output))
    return ExitCode.OK
