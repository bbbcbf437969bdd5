"""Rule pages generated from the rules' METADATA: `cloudbeleid explain` and docs/rules/."""

from __future__ import annotations

import difflib
from pathlib import Path

from checker.catalog import Catalog, load_catalog
from checker.model import Rule
from checker.resources import bundle_root, rule_fixtures_dir

FIXTURES = ("compliant", "noncompliant")


def fixtures(rule: Rule) -> list[tuple[str, Path]]:
    """The rule's compliant and non-compliant example descriptors, where they exist."""
    folder = rule_fixtures_dir() / rule.pack / rule.package.split(".", 1)[1]
    return [(kind, folder / f"{kind}.cloud.yaml") for kind in FIXTURES if (folder / f"{kind}.cloud.yaml").is_file()]

STATUS = {
    "nl": {
        "verified": "geverifieerd tegen de primaire tekst [V]",
        "partly_verified": "deels geverifieerd [V-part]",
        "secondary": "alleen secundaire bronnen [S]: niet geverifieerd",
        "memory": "uit het geheugen [M]: niet geverifieerd",
    },
    "en": {
        "verified": "verified against the primary text [V]",
        "partly_verified": "partly verified [V-part]",
        "secondary": "secondary sources only [S]: not verified",
        "memory": "from memory [M]: not verified",
    },
}

BASES = {
    "nl": {
        "cloudbeleid": "Rijksbreed cloudbeleid: verplicht voor de Rijksdienst, advies voor zbo's en andere overheden, niet voor Defensie",
        "kaderwet_zbo_art41": "Kaderwet zbo art. 41: verplicht voor zbo's waarop de Kaderwet van toepassing is en art. 41 niet is uitgezonderd (alleen voor beveiligingsvoorschriften van de Rijksdienst)",
        "avg": "AVG: verplicht voor iedere verwerkingsverantwoordelijke",
        "kaderwet_zbo": "Kaderwet zbo: verplicht voor zbo's waarop de Kaderwet van toepassing is",
        "bio2": "BIO2: verplicht voor Rijk (Defensie inbegrepen), gemeenten, provincies en waterschappen; advies voor anderen",
        "archiefwet": "Archiefwet 1995: verplicht voor ieder overheidsorgaan",
        "kamer_2025": "Toezeggingen aan de Tweede Kamer (2025): advies, geen wettelijke norm",
        "cloudbeleid_2026": "Herzien cloudbeleid 2026 (secundaire bronnen): verplicht voor de Rijksdienst, voor een zbo alleen met een beleidsregel (art. 21 Kaderwet zbo) of via art. 21a, anders advies; advies voor andere overheden; niet voor Defensie en Hoge Colleges",
        "cloudbeleid_reading": "Een termijn die de checker in het Rijksbreed cloudbeleid leest, niet de tekst: advies waar het cloudbeleid geldt, niet voor Defensie",
        "virbi": "VIRBI 2025: verplicht voor de Rijksdienst, Defensie inbegrepen; een zbo op de voet van art. 41 Kaderwet zbo",
        "cbw_entity": "Cyberbeveiligingswet (secundaire bronnen, in werking 15 augustus 2026): verplicht voor een essentiële of belangrijke entiteit in de sector Overheid (cbw_entity), ook een zbo, los van art. 41",
        "data_act": "Data Act (Verordening (EU) 2023/2854): verplicht de aanbieder; voor de klant een advies om de voorwaarden te eisen",
        "cloudbeleid_2026_advice": "Herzien cloudbeleid 2026 (secundaire bronnen): een advies, voor wie het beleid volgt; niet voor Defensie en Hoge Colleges",
    },
    "en": {
        "cloudbeleid": "Rijksbreed cloudbeleid: mandatory for the Rijksdienst, advisory for zbo's and other governments, not for Defence",
        "kaderwet_zbo_art41": "Kaderwet zbo art. 41: mandatory for zbo's to which the Kaderwet applies and art. 41 is not switched off (only for security rules of the Rijksdienst)",
        "avg": "AVG (GDPR): mandatory for every controller",
        "kaderwet_zbo": "Kaderwet zbo: mandatory for zbo's to which the Kaderwet applies",
        "bio2": "BIO2: mandatory for central government (Defence included), municipalities, provinces and water boards; advisory for others",
        "archiefwet": "Archiefwet 1995: mandatory for every public body",
        "kamer_2025": "Commitments to the House (2025): advisory, not statutory",
        "cloudbeleid_2026": "Revised cloud policy 2026 (secondary sources): mandatory for the Rijksdienst, for a zbo only with a beleidsregel (art. 21 Kaderwet zbo) or through art. 21a, else advisory; advisory for other governments; not for Defence and the Hoge Colleges",
        "cloudbeleid_reading": "A term the checker reads into the Rijksbreed cloudbeleid, not the text's: advice wherever the cloud policy applies, not for Defence",
        "virbi": "VIRBI 2025: mandatory for the Rijksdienst, Defence included; a zbo on the footing of art. 41 Kaderwet zbo",
        "cbw_entity": "Cyberbeveiligingswet (secondary sources, in force 15 August 2026): mandatory for an essential or important entity of the sector Overheid (cbw_entity), a zbo included, independently of art. 41",
        "data_act": "Data Act (Regulation (EU) 2023/2854): obliges the provider; for the customer advice to demand the terms",
        "cloudbeleid_2026_advice": "Revised cloud policy 2026 (secondary sources): advice, for whoever follows the policy; not for Defence and the Hoge Colleges",
    },
}

# The non-compliant example is shown as what it changes in the compliant one: both are the same base descriptor
# (tests/rule_fixtures.py), so the difference is what makes the rule fail; the whole file is at the path shown.
DIFFERS = {
    "nl": "Wat het anders heeft dan het voorbeeld dat voldoet (het hele bestand staat op die plek):",
    "en": "What it changes in the compliant example (the whole file is at that path):",
}

STAGES = {
    "nl": {"procurement": "inkoop", "implementation": "implementatie", "operation": "gebruik"},
    "en": {"procurement": "procurement", "implementation": "implementation", "operation": "operation"},
}

LABELS = {
    "nl": ("Ernst", "Geldt voor", "Wanneer gecontroleerd", "In werking", "Risicoacceptatie mogelijk", "ja", "nee",
           "Bronnen", "Lezing van de checker", "Melding", "Oplossen", "Regelbestand", "Alleen voor", "tot en met",
           "Voorbeelden", {"compliant": "Voldoet", "noncompliant": "Voldoet niet"}),
    "en": ("Severity", "Applies to", "Checked at", "In force", "Risk acceptance possible", "yes", "no",
           "Sources", "The checker's reading", "Message", "Remediation", "Rule file", "Only for", "until",
           "Examples", {"compliant": "Compliant", "noncompliant": "Non-compliant"}),
}


def rule_markdown(rule: Rule, lang: str, example: str | None = None) -> str:
    """The rule's page; `example`, the message as its non-compliant example renders it, replaces the template."""
    (severity, applies, stages, in_force, waivable, yes, no, sources, reading, message, remediation, file, only,
     until, examples, kinds) = LABELS[lang]
    lines = [f"# {rule.id}: {rule.title.get(lang)}", ""]
    if rule.description:
        lines += [rule.description.get(lang), ""]
    lines += [
        f"- **{severity}:** {rule.severity.value}",
        f"- **{applies}:** " + "; ".join(BASES[lang][b] for b in rule.applies_to),
    ]
    if rule.subject:
        lines.append(f"- **{only}:** {rule.subject.get(lang)}")
    lines += [
        f"- **{stages}:** {', '.join(STAGES[lang][s] for s in rule.stages)}",
        f"- **{in_force}:** {rule.effective_from}" + (f" {until} {rule.effective_until}" if rule.effective_until else ""),
        f"- **{waivable}:** {yes if rule.waivable else no}",
        "",
        f"## {sources}",
        "",
    ]
    for source in rule.sources:
        where = f", {source.section}" if source.section else ""
        link = f" <{source.url}>" if source.url else ""
        lines.append(f"- {source.document}{where} — *{STATUS[lang][source.status]}*{link}")
        if source.quote:
            lines.append(f"  > {source.quote}")
    if rule.interpretation:
        lines += ["", f"## {reading}", "", rule.interpretation.get(lang)]
    lines += ["", f"## {message}", "", example or rule.messages["default"].get(lang)]
    lines += ["", f"## {remediation}", "", rule.remediation.get(lang)]
    found = fixtures(rule)
    if found:
        lines += ["", f"## {examples}"]
        texts = {kind: path.read_text(encoding="utf-8").rstrip() for kind, path in found}
        for kind, path in found:
            shown = path.relative_to(bundle_root()).as_posix()
            lines += ["", f"### {kinds[kind]}: `{shown}`", ""]
            if kind == "noncompliant" and "compliant" in texts:
                # the fixtures' ids (and the provider names that carry them) end in their kind: not a difference
                compliant = texts["compliant"].replace("-compliant", "-noncompliant")
                diff = difflib.unified_diff(compliant.splitlines(), texts[kind].splitlines(),
                                            "compliant.cloud.yaml", "noncompliant.cloud.yaml", n=1, lineterm="")
                lines += [DIFFERS[lang], "", "```diff", *diff, "```"]
            else:
                lines += ["```yaml", texts[kind], "```"]
    lines += ["", f"{file}: `{rule.file}`", ""]
    return "\n".join(lines)


STATUS_ORDER = ("verified", "partly_verified", "secondary", "memory")

SHORT = {
    "nl": {"verified": "geverifieerd", "partly_verified": "deels geverifieerd", "secondary": "alleen secundair", "memory": "uit het geheugen"},
    "en": {"verified": "verified", "partly_verified": "partly verified", "secondary": "secondary only", "memory": "from memory"},
}


def status_counts(rules: list[Rule] | tuple[Rule, ...]) -> dict[str, int]:
    """How many rules rest on a footing (their first source) of each status."""
    return {status: sum(1 for r in rules if r.verification == status) for status in STATUS_ORDER}


def status_summary(rules: list[Rule] | tuple[Rule, ...], lang: str) -> str:
    counts = status_counts(rules)
    parts = ", ".join(f"{counts[s]} {SHORT[lang][s]}" for s in STATUS_ORDER)
    return (f"{len(rules)} regels; bron van de regel: {parts}." if lang != "en"
            else f"{len(rules)} rules; the rule's footing: {parts}.")


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
