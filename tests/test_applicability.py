from __future__ import annotations

import pytest

from checker.applicability import enforcement
from checker.model import Enforcement

CB = ("cloudbeleid",)
CB_41 = ("cloudbeleid", "kaderwet_zbo_art41")
ONLY_41 = ("kaderwet_zbo_art41",)
STATE_SECRETS = ("cloudbeleid", "virbi", "kaderwet_zbo_art41")
BIO2 = ("bio2", "kaderwet_zbo_art41", "cbw_entity")
CB26 = ("cloudbeleid_2026",)


@pytest.mark.parametrize(
    ("bases", "organisation", "expected", "reason"),
    [
        (CB, {"type": "ministerie"}, Enforcement.MANDATORY, "Rijksdienst"),
        (CB, {"type": "agentschap"}, Enforcement.MANDATORY, "Rijksdienst"),
        (CB, {"type": "defensie"}, Enforcement.NOT_APPLICABLE, "Defensie"),
        (CB, {"type": "zbo"}, Enforcement.ADVISORY, "aangeraden"),
        (CB, {"type": "zbo", "minister_beleidsregel_cloud": True}, Enforcement.MANDATORY, "art. 21"),
        (CB, {"type": "decentrale_overheid"}, Enforcement.ADVISORY, "buiten de Rijksdienst"),
        (CB_41, {"type": "zbo"}, Enforcement.MANDATORY, "Art. 41"),
        (CB_41, {"type": "zbo", "kaderwet_zbo_applies": False}, Enforcement.ADVISORY, "aangeraden"),
        (CB_41, {"type": "zbo", "kaderwet_art41_excluded": True}, Enforcement.ADVISORY, "aangeraden"),
        (ONLY_41, {"type": "zbo", "kaderwet_art41_excluded": True}, Enforcement.NOT_APPLICABLE, "lid 2"),
        (ONLY_41, {"type": "zbo", "kaderwet_zbo_applies": False}, Enforcement.NOT_APPLICABLE, "art. 2 lid 2"),
        (ONLY_41, {"type": "ministerie"}, Enforcement.NOT_APPLICABLE, "alleen voor zelfstandige"),
        (CB_41, {"type": "defensie"}, Enforcement.NOT_APPLICABLE, "Defensie"),
        (("avg",), {"type": "defensie"}, Enforcement.MANDATORY, "AVG"),
        # VIRBI binds the whole Rijksdienst, Defensie included; a zbo only on the footing of art. 41
        (STATE_SECRETS, {"type": "defensie"}, Enforcement.MANDATORY, "Defensie inbegrepen"),
        (STATE_SECRETS, {"type": "ministerie"}, Enforcement.MANDATORY, "Rijksdienst"),
        (STATE_SECRETS, {"type": "zbo"}, Enforcement.MANDATORY, "Art. 41"),
        (STATE_SECRETS, {"type": "zbo", "kaderwet_art41_excluded": True}, Enforcement.ADVISORY, "aangeraden"),
        (STATE_SECRETS, {"type": "hoog_college_van_staat"}, Enforcement.ADVISORY, "buiten de Rijksdienst"),
        # a cloudbeleid rule that is no security rule of the Rijksdienst stays advice for a zbo
        (CB, {"type": "zbo", "kaderwet_zbo_applies": True}, Enforcement.ADVISORY, "niet verplicht"),
        # the Cyberbeveiligingswet binds a zbo to BIO2 independently of art. 41
        (BIO2, {"type": "zbo", "kaderwet_art41_excluded": True}, Enforcement.ADVISORY, "aanbevolen"),
        (BIO2, {"type": "zbo", "kaderwet_art41_excluded": True, "cbw_entity": "belangrijk"}, Enforcement.MANDATORY, "Cyberbeveiligingswet"),
        (BIO2, {"type": "zbo", "kaderwet_zbo_applies": False, "cbw_entity": "essentieel"}, Enforcement.MANDATORY, "essentiële"),
        (BIO2, {"type": "overig", "cbw_entity": "geen"}, Enforcement.ADVISORY, "aanbevolen"),
        # the revision binds a zbo only through a beleidsregel or art. 21a
        (CB26, {"type": "zbo"}, Enforcement.ADVISORY, "bindt een zbo niet"),
        (CB26, {"type": "zbo", "minister_beleidsregel_cloud_2026": True}, Enforcement.MANDATORY, "art. 21"),
        (CB26, {"type": "zbo", "shared_voorziening_art21a": True}, Enforcement.MANDATORY, "art. 21a"),
        (CB26, {"type": "defensie"}, Enforcement.NOT_APPLICABLE, "Defensie"),
        (CB26, {"type": "agentschap"}, Enforcement.MANDATORY, "Rijksdienst"),
        # a term the checker reads into the cloud policy is advice, even for the Rijksdienst; nothing for Defensie
        (("cloudbeleid_reading",), {"type": "ministerie"}, Enforcement.ADVISORY, "lezing van de checker"),
        (("cloudbeleid_reading",), {"type": "defensie"}, Enforcement.NOT_APPLICABLE, "Defensie"),
        # the Data Act obliges the provider, not the government customer
        (("data_act",), {"type": "ministerie"}, Enforcement.ADVISORY, "aanbieder"),
    ],
)
def test_enforcement(bases, organisation, expected, reason):
    level, why = enforcement(bases, organisation)
    assert level is expected
    assert reason in why.nl
    assert why.en


def test_the_cyberbeveiligingswet_counts_from_its_reported_date():
    zbo = {"type": "zbo", "kaderwet_art41_excluded": True, "cbw_entity": "essentieel"}
    assert enforcement(BIO2, zbo, "2026-08-14")[0] is Enforcement.ADVISORY
    assert enforcement(BIO2, zbo, "2026-08-15")[0] is Enforcement.MANDATORY


# Section 4 of issue 14: one descriptor, checked for each organisation type whose verdict the corrected bases change.
import pytest as _pytest  # noqa: E402  (kept beside the fixtures it serves)

from tests.conftest import VALID_DESCRIPTOR, all_findings, check_json, write  # noqa: E402

PROFILES = {
    "ministerie": "  type: ministerie\n",
    "zbo": "  type: zbo\n",
    "zbo_beleidsregel": "  type: zbo\n  minister_beleidsregel_cloud: true\n",
    "zbo_art41_off_cbw": "  type: zbo\n  kaderwet_art41_excluded: true\n  cbw_entity: belangrijk\n",
    "zbo_art41_off": "  type: zbo\n  kaderwet_art41_excluded: true\n",
    "defensie": "  type: defensie\n",
}
M, A, N = "mandatory", "advisory", "not-applicable"
# rule: enforcement per profile, in the order of PROFILES
VERDICTS = {
    "CB22-C2000": (M, A, M, A, A, N),  # a procurement condition of the cloud policy, no art. 41 route
    "CB22-SPECIAL-PD-EER": (M, A, M, A, A, N),
    "CB22-IK-HOOG": (M, A, M, A, A, N),
    "CB22-RISK-ASSESSMENT-CURRENT": (M, A, M, A, A, N),  # the cloud policy's rule, no security rule of the Rijksdienst
    "CB22-RISK-ASSESSMENT-AGE": (A, A, A, A, A, N),  # a term no text sets: advice wherever the cloud policy applies
    "CB22-NO-STATE-SECRETS": (M, M, M, A, A, M),  # VIRBI: Defensie too; a zbo on the footing of art. 41
    "CB22-EXIT-STRATEGY": (M, M, M, M, A, M),  # BIO2 5.20.06: art. 41, the Cbw, and BIO2 for Defensie
    "BIO2-8-13-BACKUP": (M, M, M, M, A, M),  # the Cbw binds a zbo to BIO2 without art. 41
    "BIO2-5-08-01-RISK-ON-CHANGE": (M, M, M, M, A, M),
    "DATAACT-25-SWITCHING-TERMS": (A, A, A, A, A, A),  # binds the provider
    "ARCHIEFWET-3-RETENTION": (M, M, M, M, M, M),
}


@_pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, dict[str, set[str]]]:
    seen: dict[str, dict[str, set[str]]] = {}
    for name, profile in PROFILES.items():
        folder = tmp_path_factory.mktemp(name)
        write(folder, ".cloudbeleid.yaml", "organisation:\n  name: Voorbeeld\n" + profile)
        write(folder, "mail.cloud.yaml", VALID_DESCRIPTOR)
        _, report = check_json("--as-of", "2026-11-28", str(folder))
        for finding in all_findings(report):
            seen.setdefault(finding["rule_id"], {}).setdefault(name, set()).add(finding["enforcement"])
    return seen


@_pytest.mark.parametrize("rule_id", VERDICTS)
def test_each_organisation_type_gets_the_verdict_its_basis_allows(verdicts, rule_id):
    assert {name: verdicts[rule_id][name] for name in PROFILES} == {
        name: {level} for name, level in zip(PROFILES, VERDICTS[rule_id])
    }


def test_a_sovereign_cloud_service_is_held_to_the_bio2_system_measures(tmp_path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: Voorbeeld\n  type: agentschap\n")
    own = VALID_DESCRIPTOR.replace("deployment_model: public", "deployment_model: government_dc").replace(
        "continuity: {backup_policy: true, rpo_rto_defined: true, restore_tested_on: \"2026-09-01\"}", "continuity: {}"
    ).replace("  backup_outside_provider: true\n", "")
    write(tmp_path, "own.cloud.yaml", own)
    _, report = check_json("--as-of", "2026-11-28", str(tmp_path))
    backup = {f["status"] for f in all_findings(report) if f["rule_id"] == "BIO2-8-13-BACKUP"}
    assert backup == {"fail"}
    # the public-cloud and supplier rules leave it alone
    for rule_id in ("CB22-C2000", "CB22-EXIT-STRATEGY", "DATAACT-25-SWITCHING-TERMS", "ARCHIEFWET-3-RETENTION"):
        assert {f["status"] for f in all_findings(report) if f["rule_id"] == rule_id} == {"not-applicable"}, rule_id
