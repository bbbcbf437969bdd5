"""Whether a rule binds an organisation: computed from the rule's legal bases and the organisation profile.

The Rijksbreed cloudbeleid binds the Rijksdienst, is advised to zbo's and others,
and leaves Defensie out. Kaderwet zbo art. 41 binds a zbo to the Rijksdienst's
information-security rules ("voorschriften") where the Kaderwet applies and the
minister did not switch the article off; it is no route for the rest of the cloud
policy, so a rule names it only where it is such a security rule (the rule's
interpretation says why). VIRBI binds the whole Rijksdienst, Defensie included.
The Cyberbeveiligingswet makes BIO2 statutory for an entity of the sector
Overheid. The AVG binds everyone. A rule with several bases takes the strongest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.i18n import message
from checker.model import Enforcement, Text

RIJKSDIENST = {"ministerie", "agentschap", "rijksdienst_overig"}

_ORDER = [Enforcement.NOT_APPLICABLE, Enforcement.ADVISORY, Enforcement.MANDATORY]

Verdict = tuple[Enforcement, Text]


def _cloudbeleid(org: dict[str, Any]) -> Verdict:
    kind = org.get("type")
    if kind in RIJKSDIENST:
        return Enforcement.MANDATORY, message("applies.cloudbeleid.2")
    if kind == "defensie":
        return Enforcement.NOT_APPLICABLE, message("applies.cloudbeleid.3")
    if kind == "zbo" and org.get("minister_beleidsregel_cloud"):
        return Enforcement.MANDATORY, message("applies.cloudbeleid.4")
    if kind == "zbo":
        return Enforcement.ADVISORY, message("applies.cloudbeleid.5")
    return Enforcement.ADVISORY, message("applies.cloudbeleid.1")


def _advice_where(verdict: Verdict, why: Text) -> Verdict:
    """Advice wherever the underlying basis applies at all; not applicable where it does not."""
    return verdict if verdict[0] is Enforcement.NOT_APPLICABLE else (Enforcement.ADVISORY, why)


def _cloudbeleid_reading(org: dict[str, Any]) -> Verdict:
    """A term the cloud policy does not set but the checker reads into it: advice wherever the policy applies."""
    return _advice_where(_cloudbeleid(org), message("applies.cloudbeleid_reading.1"))


def _outside_kaderwet(org: dict[str, Any], subject: Text) -> Verdict | None:
    """Not applicable when the organisation is no zbo, or a zbo the Kaderwet does not apply to (art. 2(2))."""
    if org.get("type") != "zbo":
        return Enforcement.NOT_APPLICABLE, message("applies.only_zbo", subject=subject)
    if org.get("kaderwet_zbo_applies") is False:
        return Enforcement.NOT_APPLICABLE, message("applies.outside_kaderwet.1")
    return None


def _kaderwet_zbo_art41(org: dict[str, Any]) -> Verdict:
    outside = _outside_kaderwet(org, Text("Art. 41 Kaderwet zbo", "Art. 41 Kaderwet zbo"))
    if outside:
        return outside
    if org.get("kaderwet_art41_excluded"):
        return Enforcement.NOT_APPLICABLE, message("applies.kaderwet_zbo_art41.2")
    return Enforcement.MANDATORY, message("applies.kaderwet_zbo_art41.1")


def _kaderwet_zbo(org: dict[str, Any]) -> Verdict:
    return _outside_kaderwet(org, message("applies.kaderwet_zbo.1")) or (Enforcement.MANDATORY, message("applies.kaderwet_zbo.2"))


def _bio2(org: dict[str, Any]) -> Verdict:
    if org.get("type") in RIJKSDIENST | {"defensie", "decentrale_overheid"}:
        return Enforcement.MANDATORY, message("applies.bio2.2")
    return Enforcement.ADVISORY, message("applies.bio2.1")


def _virbi(org: dict[str, Any]) -> Verdict:
    """VIRBI 2025 binds the Rijksdienst: every unit under full ministerial responsibility, Defensie included."""
    if org.get("type") in RIJKSDIENST | {"defensie"}:
        return Enforcement.MANDATORY, message("applies.virbi.2")
    return Enforcement.ADVISORY, message("applies.virbi.1")


# In force on 15 August 2026 according to secondary sources only; the act's text was not read.
CBW_IN_FORCE = "2026-08-15"


def _cbw_entity(org: dict[str, Any], as_of: str | None = None) -> Verdict:
    """The Cyberbeveiligingswet: for an essential or important entity of the sector Overheid BIO2 is statutory."""
    entity = org.get("cbw_entity")
    if entity not in ("essentieel", "belangrijk"):
        return Enforcement.NOT_APPLICABLE, message("applies.cbw_entity.1")
    if as_of is not None and as_of < CBW_IN_FORCE:
        return Enforcement.NOT_APPLICABLE, message("applies.cbw_not_yet", start=CBW_IN_FORCE, as_of=as_of)
    return Enforcement.MANDATORY, message("applies.cbw_entity", kind=message(f"applies.cbw_kind.{entity}"))


def _archiefwet(org: dict[str, Any]) -> Verdict:
    return Enforcement.MANDATORY, message("applies.archiefwet.1")


def _cloudbeleid_2026(org: dict[str, Any]) -> Verdict:
    """The 2026 revision, as secondary sources describe it: Rijksdienst and zbo's follow it; not Defensie or Hoge Colleges."""
    kind = org.get("type")
    if kind in RIJKSDIENST:
        return Enforcement.MANDATORY, message("applies.cloudbeleid_2026.2")
    if kind == "zbo" and (org.get("minister_beleidsregel_cloud_2026") or org.get("shared_voorziening_art21a")):
        return Enforcement.MANDATORY, message("applies.cloudbeleid_2026.3")
    if kind == "zbo":
        return Enforcement.ADVISORY, message("applies.cloudbeleid_2026.4")
    if kind in ("defensie", "hoog_college_van_staat"):
        return Enforcement.NOT_APPLICABLE, message("applies.cloudbeleid_2026.5")
    return Enforcement.ADVISORY, message("applies.cloudbeleid_2026.1")


def _cloudbeleid_2026_advice(org: dict[str, Any]) -> Verdict:
    """What the revised policy itself only advises ('bij voorkeur', 'afgeraden'): advisory wherever it applies."""
    return _advice_where(_cloudbeleid_2026(org), message("applies.cloudbeleid_2026_advice.1"))


def _kamer_2025(org: dict[str, Any]) -> Verdict:
    return Enforcement.ADVISORY, message("applies.kamer_2025.1")


def _data_act(org: dict[str, Any]) -> Verdict:
    """The Data Act's switching rules oblige the provider of the service, not the government body that buys it."""
    return Enforcement.ADVISORY, message("applies.data_act.1")


def _avg(org: dict[str, Any]) -> Verdict:
    return Enforcement.MANDATORY, message("applies.avg.1")


BASES: dict[str, Callable[..., Verdict]] = {  # the dated ones take the reference date too
    "cloudbeleid": _cloudbeleid,
    "cloudbeleid_reading": _cloudbeleid_reading,
    "kaderwet_zbo_art41": _kaderwet_zbo_art41,
    "kaderwet_zbo": _kaderwet_zbo,
    "avg": _avg,
    "bio2": _bio2,
    "virbi": _virbi,
    "cbw_entity": _cbw_entity,
    "data_act": _data_act,
    "archiefwet": _archiefwet,
    "kamer_2025": _kamer_2025,
    "cloudbeleid_2026": _cloudbeleid_2026,
    "cloudbeleid_2026_advice": _cloudbeleid_2026_advice,
}


# Bases whose verdict depends on the reference date (an act that took effect during the checker's lifetime).
DATED = {"cbw_entity"}


def enforcement(applies_to: tuple[str, ...], organisation: dict[str, Any], as_of: str | None = None) -> Verdict:
    """The strongest verdict over the rule's bases, with the reason of the basis that gave it."""
    verdicts = [BASES[basis](organisation, as_of) if basis in DATED else BASES[basis](organisation) for basis in applies_to]
    return max(verdicts, key=lambda verdict: _ORDER.index(verdict[0]))
