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
