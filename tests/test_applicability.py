from __future__ import annotations

import pytest

from checker.applicability import enforcement
from checker.model import Enforcement

CB = ("cloudbeleid",)
CB_41 = ("cloudbeleid", "kaderwet_zbo_art41")
ONLY_41 = ("kaderwet_zbo_art41",)


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
    ],
)
def test_enforcement(bases, organisation, expected, reason):
    level, why = enforcement(bases, organisation)
    assert level is expected
    assert reason in why.nl
    assert why.en
