"""Rule pages generated from the rules' METADATA: `cloudbeleid explain` and docs/rules/."""

from __future__ import annotations

import difflib
from pathlib import Path

from checker import i18n
from checker.catalog import Catalog, load_catalog
from checker.model import Rule
from checker.resources import bundle_root, rule_fixtures_dir

FIXTURES = ("compliant", "noncompliant")


def fixtures(rule: Rule) -> list[tuple[str, Path]]:
    """The rule's compliant and non-compliant example descriptors, where they exist."""
    folder = rule_fixtures_dir() / rule.pack / rule.package.split(".", 1)[1]
    return [(kind, folder / f"{kind}.cloud.yaml") for kind in FIXTURES if (folder / f"{kind}.cloud.yaml").is_file()]


def _words(prefix: str) -> dict[str, dict[str, str]]:
    """A word per status, basis or stage, in each language, from the catalogue."""
    return {lang: i18n.group(lang, prefix) for lang in i18n.LANGUAGES}


STATUS = _words("docs.status")  # a source's status, in full
SHORT = _words("docs.short")  # the same, short: the catalogue's table
BASES = _words("docs.basis")
STAGES = _words("docs.stage")


def rule_markdown(rule: Rule, lang: str, example: str | None = None) -> str:
    """The rule's page; `example`, the message as its non-compliant example renders it, replaces the template."""
    lang = i18n.language(lang)
    label, kinds = i18n.group(lang, "docs.label"), i18n.group(lang, "docs.kind")
    lines = [f"# {rule.id}: {rule.title.get(lang)}", ""]
    if rule.description:
        lines += [rule.description.get(lang), ""]
    lines += [
        f"- **{label['severity']}:** {rule.severity.value}",
        f"- **{label['applies']}:** " + "; ".join(BASES[lang][b] for b in rule.applies_to),
    ]
    if rule.subject:
        lines.append(f"- **{label['only']}:** {rule.subject.get(lang)}")
    lines += [
        f"- **{label['stages']}:** {', '.join(STAGES[lang][s] for s in rule.stages)}",
        f"- **{label['in_force']}:** {rule.effective_from}" + (f" {label['until']} {rule.effective_until}" if rule.effective_until else ""),
        f"- **{label['waivable']}:** {label['yes'] if rule.waivable else label['no']}",
        "",
        f"## {label['sources']}",
        "",
    ]
    for source in rule.sources:
        where = f", {source.section}" if source.section else ""
        link = f" <{source.url}>" if source.url else ""
        lines.append(f"- {source.document}{where} — *{STATUS[lang][source.status]}*{link}")
        if source.quote:
            lines.append(f"  > {source.quote}")
    if rule.interpretation:
        lines += ["", f"## {label['reading']}", "", rule.interpretation.get(lang)]
    lines += ["", f"## {label['message']}", "", example or rule.messages["default"].get(lang)]
    lines += ["", f"## {label['remediation']}", "", rule.remediation.get(lang)]
    found = fixtures(rule)
    if found:
        lines += ["", f"## {label['examples']}"]
        texts = {kind: path.read_text(encoding="utf-8").rstrip() for kind, path in found}
        for kind, path in found:
            shown = path.relative_to(bundle_root()).as_posix()
            lines += ["", f"### {kinds[kind]}: `{shown}`", ""]
            # The non-compliant example is shown as what it changes in the compliant one: both are the same base
            # descriptor (tests/rule_fixtures.py), so the difference is what makes the rule fail; the whole file is at
            # the path shown.
            if kind == "noncompliant" and "compliant" in texts:
                # the fixtures' ids (and the provider names that carry them) end in their kind: not a difference
                compliant = texts["compliant"].replace("-compliant", "-noncompliant")
                diff = difflib.unified_diff(compliant.splitlines(), texts[kind].splitlines(),
                                            "compliant.cloud.yaml", "noncompliant.cloud.yaml", n=1, lineterm="")
                lines += [i18n.text(lang, "docs.differs"), "", "```diff", *diff, "```"]
            else:
                lines += ["```yaml", texts[kind], "```"]
    lines += ["", f"{label['file']}: `{rule.file}`", ""]
    return "\n".join(lines)


STATUS_ORDER = ("verified", "partly_verified", "secondary", "memory")


def status_counts(rules: list[Rule] | tuple[Rule, ...]) -> dict[str, int]:
    """How many rules rest on a footing (their first source) of each status."""
    return {status: sum(1 for r in rules if r.verification == status) for status in STATUS_ORDER}


def status_summary(rules: list[Rule] | tuple[Rule, ...], lang: str) -> str:
    counts = status_counts(rules)
    lang = i18n.language(lang)
    parts = ", ".join(f"{counts[s]} {SHORT[lang][s]}" for s in STATUS_ORDER)
    return i18n.text(lang, "docs.summary", count=len(rules), parts=parts)


def index_markdown(catalog: Catalog) -> str:
    lines = [
        "# Regelcatalogus / Rule catalogue",
        "",
        "Generated from the rules' METADATA by `cloudbeleid docs`; do not edit by hand.",
        "",
        status_summary(catalog.rules, "nl"),
        "",
        status_summary(catalog.rules, "en"),
        "",
        "| id | ernst / severity | titel | bron / source | status |",
        "|---|---|---|---|---|",
    ]
    for rule in catalog.rules:
        page = rule.docs.removeprefix("docs/rules/")
        lines.append(f"| [{rule.id}]({page}) | {rule.severity.value} | {rule.title.nl} | {rule.sources[0].document} | {rule.verification} |")
    gone = _retired()
    if gone:
        lines += ["", "## Ingetrokken regels / Retired rules", "", "Ids are never reused.", "",
                  "| id | ingetrokken / retired | opvolger / successor | waarom / why |", "|---|---|---|---|"]
        for old_id, entry in sorted(gone.items()):
            lines.append(f"| {old_id} | {entry['retired_on']} | {entry['replaced_by']} | {entry['why']['nl']} / {entry['why']['en']} |")
    return "\n".join(lines) + "\n"


def _retired() -> dict:
    import json

    from checker.resources import policies_dir

    path = policies_dir() / "data" / "retired.json"
    return json.loads(path.read_text(encoding="utf-8"))["retired"] if path.is_file() else {}


def write_docs(output: Path) -> list[Path]:
    catalog = load_catalog()
    written = []
    for rule in catalog.rules:
        path = output / rule.docs.removeprefix("docs/rules/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rule_markdown(rule, "nl") + "\n---\n\n" + rule_markdown(rule, "en"), encoding="utf-8")
        written.append(path)
    index = output / "README.md"
    index.write_text(index_markdown(catalog), encoding="utf-8")
    return written + [index]
