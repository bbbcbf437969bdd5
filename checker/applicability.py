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

from checker.model import Enforcement, Text

RIJKSDIENST = {"ministerie", "agentschap", "rijksdienst_overig"}

_ORDER = [Enforcement.NOT_APPLICABLE, Enforcement.ADVISORY, Enforcement.MANDATORY]

Verdict = tuple[Enforcement, Text]


def _cloudbeleid(org: dict[str, Any]) -> Verdict:
    kind = org.get("type")
    if kind in RIJKSDIENST:
        return Enforcement.MANDATORY, Text(
            "Onderdelen van de Rijksdienst zijn verplicht het Rijksbreed cloudbeleid te volgen.",
            "Units of the Rijksdienst must follow the Rijksbreed cloudbeleid.",
        )
    if kind == "defensie":
        return Enforcement.NOT_APPLICABLE, Text(
            "Het Ministerie van Defensie valt buiten het Rijksbreed cloudbeleid.",
            "The Ministry of Defence is outside the Rijksbreed cloudbeleid.",
        )
    if kind == "zbo" and org.get("minister_beleidsregel_cloud"):
        return Enforcement.MANDATORY, Text(
            "Een beleidsregel van de minister (art. 21 Kaderwet zbo) maakt het cloudbeleid bindend voor deze zbo.",
            "A ministerial beleidsregel (art. 21 Kaderwet zbo) makes the cloud policy binding on this zbo.",
        )
    if kind == "zbo":
        return Enforcement.ADVISORY, Text(
            "Zbo's zijn niet verplicht het Rijksbreed cloudbeleid te volgen, maar het wordt hen aangeraden.",
            "Zbo's are not obliged to follow the Rijksbreed cloudbeleid, but are advised to.",
        )
    return Enforcement.ADVISORY, Text(
        "Organisaties buiten de Rijksdienst wordt aangeraden het Rijksbreed cloudbeleid te volgen.",
        "Organisations outside the Rijksdienst are advised to follow the Rijksbreed cloudbeleid.",
    )


def _advice_where(verdict: Verdict, why: Text) -> Verdict:
    """Advice wherever the underlying basis applies at all; not applicable where it does not."""
    return verdict if verdict[0] is Enforcement.NOT_APPLICABLE else (Enforcement.ADVISORY, why)


def _cloudbeleid_reading(org: dict[str, Any]) -> Verdict:
    """A term the cloud policy does not set but the checker reads into it: advice wherever the policy applies."""
    return _advice_where(_cloudbeleid(org), Text(
        "Het cloudbeleid stelt deze termijn niet; het is de lezing van de checker, daarom een advies.",
        "The cloud policy does not set this term; it is the checker's reading, hence advice.",
    ))


def _outside_kaderwet(org: dict[str, Any], subject: Text) -> Verdict | None:
    """Not applicable when the organisation is no zbo, or a zbo the Kaderwet does not apply to (art. 2(2))."""
    if org.get("type") != "zbo":
        return Enforcement.NOT_APPLICABLE, Text(
            f"{subject.nl} geldt alleen voor zelfstandige bestuursorganen.", f"{subject.en} applies only to zbo's."
        )
    if org.get("kaderwet_zbo_applies") is False:
        return Enforcement.NOT_APPLICABLE, Text(
            "De Kaderwet zbo is niet van toepassing op deze zbo (art. 2 lid 2).",
            "The Kaderwet zbo does not apply to this zbo (art. 2(2)).",
        )
    return None


def _kaderwet_zbo_art41(org: dict[str, Any]) -> Verdict:
    outside = _outside_kaderwet(org, Text("Art. 41 Kaderwet zbo", "Art. 41 Kaderwet zbo"))
    if outside:
        return outside
    if org.get("kaderwet_art41_excluded"):
        return Enforcement.NOT_APPLICABLE, Text(
            "De minister heeft art. 41 Kaderwet zbo voor deze zbo uitgezonderd (art. 41 lid 2).",
            "The minister switched art. 41 Kaderwet zbo off for this zbo (art. 41(2)).",
        )
    return Enforcement.MANDATORY, Text(
        "Art. 41 Kaderwet zbo: de zbo beveiligt zijn gegevens op de voet van de voorschriften voor de Rijksdienst.",
        "Art. 41 Kaderwet zbo: the zbo secures its data on the footing of the rules for the Rijksdienst.",
    )


def _kaderwet_zbo(org: dict[str, Any]) -> Verdict:
    return _outside_kaderwet(org, Text("De Kaderwet zbo", "The Kaderwet zbo")) or (Enforcement.MANDATORY, Text(
        "De Kaderwet zbo is van toepassing op deze zbo.",
        "The Kaderwet zbo applies to this zbo.",
    ))


def _bio2(org: dict[str, Any]) -> Verdict:
    if org.get("type") in RIJKSDIENST | {"defensie", "decentrale_overheid"}:
        return Enforcement.MANDATORY, Text(
            "De overheidsmaatregelen van de BIO2 zijn verplicht voor Rijk, gemeenten, provincies en waterschappen.",
            "The BIO2 government measures are mandatory for central government, municipalities, provinces and water boards.",
        )
    return Enforcement.ADVISORY, Text(
        "De BIO2 is voor deze organisatie het aanbevolen normenkader.",
        "BIO2 is the recommended baseline for this organisation.",
    )


def _virbi(org: dict[str, Any]) -> Verdict:
    """VIRBI 2025 binds the Rijksdienst: every unit under full ministerial responsibility, Defensie included."""
    if org.get("type") in RIJKSDIENST | {"defensie"}:
        return Enforcement.MANDATORY, Text(
            "Het VIRBI 2025 geldt voor de Rijksdienst ('alle organisatieonderdelen waarvoor de ministeriële "
            "verantwoordelijkheid onverkort geldt'), Defensie inbegrepen.",
            "VIRBI 2025 binds the Rijksdienst ('every unit for which ministerial responsibility fully applies'), "
            "Defence included.",
        )
    return Enforcement.ADVISORY, Text(
        "Het VIRBI 2025 geldt voor de Rijksdienst; deze organisatie hoort daar niet bij (een zbo volgt het op de "
        "voet van art. 41 Kaderwet zbo).",
        "VIRBI 2025 binds the Rijksdienst; this organisation is not part of it (a zbo follows it on the footing of "
        "art. 41 Kaderwet zbo).",
    )


# In force on 15 August 2026 according to secondary sources only; the act's text was not read.
CBW_IN_FORCE = "2026-08-15"


def _cbw_entity(org: dict[str, Any], as_of: str | None = None) -> Verdict:
    """The Cyberbeveiligingswet: for an essential or important entity of the sector Overheid BIO2 is statutory."""
    entity = org.get("cbw_entity")
    if entity not in ("essentieel", "belangrijk"):
        return Enforcement.NOT_APPLICABLE, Text(
            "Het organisatieprofiel noemt de organisatie geen essentiële of belangrijke entiteit onder de "
            "Cyberbeveiligingswet (cbw_entity).",
            "The organisation profile does not name the organisation an essential or important entity under the "
            "Cyberbeveiligingswet (cbw_entity).",
        )
    if as_of is not None and as_of < CBW_IN_FORCE:
        return Enforcement.NOT_APPLICABLE, Text(
            f"De Cyberbeveiligingswet geldt volgens secundaire bronnen vanaf {CBW_IN_FORCE}, na de peildatum {as_of}.",
            f"According to secondary sources the Cyberbeveiligingswet applies from {CBW_IN_FORCE}, after the "
            f"reference date {as_of}.",
        )
    return Enforcement.MANDATORY, Text(
        f"Cyberbeveiligingswet: als {'essentiële' if entity == 'essentieel' else 'belangrijke'} entiteit in de sector Overheid is de organisatie wettelijk aan de BIO2 "
        "gebonden, los van art. 41 Kaderwet zbo (secundaire bronnen; de wettekst is niet ingezien).",
        f"Cyberbeveiligingswet: as an {'essential' if entity == 'essentieel' else 'important'} entity of the sector "
        "Overheid the organisation is bound to BIO2 by statute, independently of art. 41 Kaderwet zbo (secondary "
        "sources; the act's text was not read).",
    )


def _archiefwet(org: dict[str, Any]) -> Verdict:
    return Enforcement.MANDATORY, Text(
        "De Archiefwet 1995 geldt voor ieder overheidsorgaan, zbo's inbegrepen (art. 1 onder b).",
        "The Archiefwet 1995 binds every public body, zbo's included (art. 1(b)).",
    )


def _cloudbeleid_2026(org: dict[str, Any]) -> Verdict:
    """The 2026 revision, as secondary sources describe it: Rijksdienst and zbo's follow it; not Defensie or Hoge Colleges."""
    kind = org.get("type")
    if kind in RIJKSDIENST:
        return Enforcement.MANDATORY, Text(
            "Onderdelen van de Rijksdienst volgen het herziene cloudbeleid (secundaire bronnen).",
            "Units of the Rijksdienst follow the revised cloud policy (secondary sources).",
        )
    if kind == "zbo" and (org.get("minister_beleidsregel_cloud_2026") or org.get("shared_voorziening_art21a")):
        return Enforcement.MANDATORY, Text(
            "Een beleidsregel van de minister (art. 21 Kaderwet zbo) of een aangewezen gedeelde voorziening (art. 21a) "
            "maakt het herziene cloudbeleid bindend voor deze zbo.",
            "A ministerial beleidsregel (art. 21 Kaderwet zbo) or a designated shared service (art. 21a) makes the "
            "revised cloud policy binding on this zbo.",
        )
    if kind == "zbo":
        return Enforcement.ADVISORY, Text(
            "Zbo's 'volgen het beleid' volgens een samenvatting van de overheid; een Kamerbrief bindt een zbo niet, "
            "alleen een beleidsregel (art. 21 Kaderwet zbo) of art. 21a doet dat.",
            "Zbo's 'follow the policy' according to a government summary; a letter to the House does not bind a zbo, "
            "only a beleidsregel (art. 21 Kaderwet zbo) or art. 21a does.",
        )
    if kind in ("defensie", "hoog_college_van_staat"):
        return Enforcement.NOT_APPLICABLE, Text(
            "Defensie en de Hoge Colleges van Staat vallen buiten het herziene cloudbeleid (secundaire bronnen).",
            "Defence and the Hoge Colleges van Staat are outside the revised cloud policy (secondary sources).",
        )
    return Enforcement.ADVISORY, Text(
        "Andere overheden krijgen het advies het herziene cloudbeleid te volgen (secundaire bronnen).",
        "Other governments are advised to follow the revised cloud policy (secondary sources).",
    )


def _cloudbeleid_2026_advice(org: dict[str, Any]) -> Verdict:
    """What the revised policy itself only advises ('bij voorkeur', 'afgeraden'): advisory wherever it applies."""
    return _advice_where(_cloudbeleid_2026(org), Text(
        "Het herziene cloudbeleid geeft hier een advies, geen verplichting (secundaire bronnen).",
        "The revised cloud policy gives advice here, not an obligation (secondary sources).",
    ))


def _kamer_2025(org: dict[str, Any]) -> Verdict:
    return Enforcement.ADVISORY, Text(
        "Toezegging van het kabinet aan de Tweede Kamer (2025); geen wettelijke norm.",
        "A commitment of the cabinet to the House (2025); not a statutory rule.",
    )


def _data_act(org: dict[str, Any]) -> Verdict:
    """The Data Act's switching rules oblige the provider of the service, not the government body that buys it."""
    return Enforcement.ADVISORY, Text(
        "De Data Act (Verordening (EU) 2023/2854) verplicht de aanbieder van de clouddienst, niet de klant: een "
        "contract zonder deze voorwaarden toont dat de aanbieder niet voldoet; eis ze.",
        "The Data Act (Regulation (EU) 2023/2854) obliges the provider of the cloud service, not the customer: a "
        "contract without these terms shows the provider does not comply; demand them.",
    )


def _avg(org: dict[str, Any]) -> Verdict:
    return Enforcement.MANDATORY, Text(
        "De AVG geldt voor iedere verwerkingsverantwoordelijke.",
        "The AVG (GDPR) binds every controller.",
    )


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
