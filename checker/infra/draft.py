"""`cloudbeleid init --from-terraform DIR`: a descriptor drafted from the resources a Terraform folder deploys.

What the code shows is filled in (the provider block from the reference data, the countries of the regions, the
deployment model, the folder); every field it cannot show is a question: the value null with a comment that asks
it, in Dutch and English. null is valid for no field, so `cloudbeleid validate` lists each open question with its
line until the team answers it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

from checker.errors import InputError
from checker.i18n import message
from checker.infra import hcl
from checker.infra.facts import Resource
from checker.infra.walk import module_folders
from checker.reporters.common import visible

QUESTION = "null"


def _functions() -> tuple[str, str]:
    """The schema's values of service.function, as the question lists them in Dutch and in English."""
    from checker.resources import schema

    values = schema("descriptor")["properties"]["service"]["properties"]["function"]["enum"]
    return f"{', '.join(values[:-1])} of {values[-1]}", f"{', '.join(values[:-1])} or {values[-1]}"


def _question(nl: str, en: str) -> str:
    # a YAML comment: whatever the code names in it is made one visible line (a label with a line break would
    # otherwise add keys to the draft, or a workflow command to the output)
    return f"{QUESTION}  # vraag: {nl} / question: {en}"


def _list(codes: list[str]) -> str:
    return "[" + ", ".join(codes) + "]"


def draft(folder: Path, descriptor_dir: Path, service_id: str | None = None) -> str:
    """The YAML text of the draft; descriptor_dir is where it will be saved (paths in it are relative to that)."""
    if not folder.is_dir():
        raise InputError(message("infra.not_a_folder"), location=str(folder))
    folders = module_folders(folder)
    if not folders:
        raise InputError(message("infra.no_files"), location=str(folder))
    reading = hcl.read(folders)
    if reading.problems or reading.unread:
        where, problem = (reading.problems + reading.unread)[0]
        raise InputError(problem, location=f"{where.file}:{where.line}:{where.column}")
    cloud: list[Resource] = [r for r in reading.resources if r.is_cloud]
    if not cloud:
        raise InputError(message("infra.no_cloud"), location=str(folder))
    observed = [r.observed() for r in cloud]
    providers = Counter(r.provider for r in cloud)
    main, _ = providers.most_common(1)[0]
    storage = sorted({o["country"] for o in observed if o["country"] and o["kind"] == "storage_locations"})
    processing = sorted({o["country"] for o in observed if o["country"]})
    unknown = [o["address"] for o in observed if o["region_status"] in ("unresolved", "unlisted")]
    ident = service_id or re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-") or "dienst"
    relative = os.path.relpath(folder.resolve(), descriptor_dir.resolve())
    lines = [
        "# yaml-language-server: $schema=<path to schemas/service-descriptor.v1.schema.json>",
        f"# Concept van cloudbeleid init uit de Terraform-code in {visible(relative)}: beantwoord elke vraag (null) en controleer de rest.",
        f"# Draft by cloudbeleid init from the Terraform code in {visible(relative)}: answer every question (null) and check the rest.",
        f"# Gevonden / found: {len(cloud)} cloudresources, providers {visible(', '.join(sorted(p.source for p in providers)))}.",
    ]
    if unknown:
        lines.append(f"# Land onbekend / country unknown: {visible(', '.join(unknown[:10]))}{' …' if len(unknown) > 10 else ''}")
    lines += [
        "schema_version: 1",
        f"id: {json.dumps(ident)}",
        "service:",
        "  name: " + _question("naam van de dienst", "name of the service"),
        "  status: " + _question("planned, migrating, in_use of exiting", "planned, migrating, in_use or exiting"),
        "  service_model: " + _question("saas, paas of iaas", "saas, paas or iaas"),
        "  deployment_model: public  # de code zet resources bij een cloudprovider / the code deploys to a cloud provider",
        "  function: " + _question(*_functions()),
        "  materieel: " + _question("true of false: voor de primaire taak, een belangrijk ondersteunend proces of grootschalige persoonsgegevens?",
                                    "true or false: for the primary task, an important support process or large-scale personal data?"),
        "  start_date: " + _question("datum van ingebruikname (YYYY-MM-DD); laat weg voor een geplande dienst",
                                     "date the service went into use (YYYY-MM-DD); leave out for a planned service"),
        "provider:",
    ]
    if main.known and main.company:
        lines += [
            f"  name: {json.dumps(main.company)}  # controleer de contractpartij / check the contracting entity",
            f"  hq_country: {main.hq_country}",
            f"  ultimate_parent_country: {main.ultimate_parent_country}",
            f"  subject_to_non_eu_law: {_list(list(main.laws))}",
        ]
    else:
        lines.append("  name: " + _question(f"welk bedrijf levert {visible(main.source)}?", f"which company provides {visible(main.source)}?"))
    lines += [
        "  subprocessors: " + _question("subverwerkers met land, [] voor geen", "subprocessors with their country, [] for none"),
        "data:",
        "  rubricering: " + _question("ongerubriceerd, dep_vertrouwelijk, stg_confidentieel, stg_geheim of stg_zeer_geheim",
                                      "ongerubriceerd, dep_vertrouwelijk, stg_confidentieel, stg_geheim or stg_zeer_geheim"),
        "  nato_eu_marking: " + _question("none, restricted, confidential, secret of top_secret", "none, restricted, confidential, secret or top_secret"),
        "  threat_profile: " + _question("normaal, verhoogd of hoog", "normaal, verhoogd or hoog"),
        "  biv:",
        *(f"    {aspect}: " + _question(f"{nl}: laag, midden, hoog of zeer_hoog", f"{en}: laag, midden, hoog or zeer_hoog")
          for aspect, nl, en in (("beschikbaarheid", "beschikbaarheid", "availability"), ("integriteit", "integriteit", "integrity"),
                                 ("vertrouwelijkheid", "vertrouwelijkheid", "confidentiality"))),
        "  personal_data: " + _question("true of false: verwerkt de dienst persoonsgegevens?", "true or false: does the service process personal data?"),
        "  basisregistraties: " + _question("basisregistraties met rol (bron, kopie, afnemer), [] voor geen", "basisregistraties with their role (bron, kopie, afnemer), [] for none"),
        "hosting:",
        "  storage_locations: " + (_list(storage or processing) if processing else _question("landcodes van de opslag", "country codes of storage")),
        "  processing_locations: " + (_list(processing) if processing else _question("landcodes van de verwerking", "country codes of processing")),
        "  support_access_locations: " + _question("landen van waaruit support toegang heeft (de code toont dat niet)",
                                                   "countries support staff reach the data from (the code does not show it)"),
        "  telemetry_locations: " + _question("landen die telemetrie ontvangen, [] voor geen", "countries that receive telemetry, [] for none"),
        "  backup_locations: " + _question("landen van de back-ups (de opslaglanden als ze daar blijven)", "countries of the backups (the storage countries if they stay there)"),
        "  transfer_mechanism: " + _question("none_needed, adequacy, eu_us_dpf, scc, bcr, art49 of other", "none_needed, adequacy, eu_us_dpf, scc, bcr, art49 or other"),
        "continuity:",
        "  critical: " + _question("true of false: ondersteunt de dienst een kritiek proces?", "true or false: does the service support a critical process?"),
        "records:",
        "  holds_archiefbescheiden: " + _question("true of false: bevat de dienst archiefbescheiden?", "true or false: does the service hold archiefbescheiden?"),
        "infrastructure:",
        f"  terraform: [{json.dumps(relative)}]",
    ]
    return "\n".join(lines) + "\n"
