# METADATA
# scope: package
# custom:
#   id: CB22-SPECIAL-PD-SCC-EXPLAIN
#   severity: high
#   title:
#     nl: Pas-toe-of-leg-uit bij doorgifte van bijzondere persoonsgegevens op modelcontract of BCR, met de (pre-)DPIA in de explain
#     en: Comply or explain for special categories of personal data transferred on standard contractual clauses or BCR, with the (pre-)DPIA in the explain
#   description:
#     nl: >-
#       Gaan bijzondere persoonsgegevens buiten de EER en de landen met een adequaatheidsbesluit op grond van een passend doorgiftemechanisme zoals een modelcontract (voorwaarde 9c), dan kan dat alleen als pas-toe-of-leg-uit. De explain bevat minimaal de uitgevoerde pre-scan of formele DPIA en gaat zo spoedig mogelijk na vaststelling naar CIO Rijk.
#     en: >-
#       Where special categories of personal data leave the EER and the adequacy countries on an appropriate transfer mechanism such as standard contractual clauses (condition 9c), this is possible only as comply or explain. The explain contains at least the pre-scan or formal DPIA carried out and goes to CIO Rijk as soon as possible after adoption.
#   messages:
#     default:
#       nl: >-
#         De explain van {sent} aan CIO Rijk steunt niet op een goedgekeurde DPIA (pre-scan DPIA: {prescan}, volledige
#         DPIA: {dpia}).
#       en: >-
#         The explain sent to CIO Rijk on {sent} rests on no approved DPIA (pre-scan DPIA: {prescan}, full DPIA:
#         {dpia}).
#   remediation:
#     nl: >-
#       Voer de pre-scan DPIA (en bij hoog risico de volledige DPIA) uit, laat haar vaststellen en stuur haar als
#       onderdeel van de explain aan CIO Rijk; of houd de bijzondere persoonsgegevens binnen de EER of een land met een
#       adequaatheidsbesluit.
#     en: >-
#       Carry out the pre-scan DPIA (and, with high risk, the full DPIA), have it approved and send it to CIO Rijk as part
#       of the explain; or keep the special categories of personal data inside the EER or a country with an adequacy
#       decision.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904), voorwaarde 9c, as quoted by dpia.nu
#       url: https://www.dpia.nu/redactie/dpia-krijgt-prominente-plek-in-rijksbrede-cloudbeleid-2022
#       quote: >-
#         Uitzonderingen hierop die voldoen aan 9.c (aanwezigheid van een passend doorgiftemechanisme … zoals een
#         modelcontract …) zijn mogelijk op basis van 'pas-toe-of-leg-uit' (comply or explain). … dan wordt de explain
#         die minimaal de uitgevoerde (Pre- of formele) DPIA bevat, zo spoedig mogelijk na vaststelling aan CIO Rijk
#         toegezonden.
#       status: secondary
#     - document: Algemene verordening gegevensbescherming, art. 46
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 21 (beleidsregels; de route die een zbo aan het hele cloudbeleid bindt)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel21
#       quote: >-
#         Onze Minister kan beleidsregels vaststellen met betrekking tot de taakuitoefening door een zelfstandig
#         bestuursorgaan.
#       status: verified
#   interpretation:
#     nl: >-
#       De regel kijkt naar publieke clouddiensten die voorwaarde 9c inroepen: bijzondere persoonsgegevens met een
#       locatie (opslag, verwerking, back-up, supporttoegang, telemetrie of subverwerker) buiten de EER en de adequate
#       landen, op modelcontractbepalingen (scc) of bindende bedrijfsvoorschriften (bcr), met een explain die op of
#       vóór de peildatum aan CIO Rijk is gestuurd (governance.explain_sent_to_cio_rijk_on). Ontbreekt die explain, dan
#       meldt CB22-SPECIAL-PD-EER elke locatie buiten de EER; deze regel neemt het over zodra de explain is verstuurd,
#       zodat één situatie niet door twee regels wordt gemeld. 'Uitgevoerde (pre-)DPIA' leest de checker als: een
#       goedgekeurde pre-scan DPIA of volledige DPIA. Of de explain 'zo spoedig mogelijk' na vaststelling is verstuurd,
#       toetst hij niet (geen termijn in de bron). Geldt ook via art. 41 Kaderwet zbo, omdat de explain de
#       locatie-eis van CB22-SPECIAL-PD-EER opheft, die ook via art. 41 geldt.
#       Art. 41 Kaderwet zbo: Het explain aan CIO Rijk is een verantwoordingsregel van het cloudbeleid binnen de
#       Rijksdienst, geen beveiligingsvoorziening; een zbo legt verantwoording af aan zijn eigen minister. Voor
#       een zbo geldt deze regel als advies, niet via art. 41 Kaderwet zbo. Art. 41 verplicht een zbo tot
#       beveiligingsmaatregelen 'op de voet van de ter zake voor de Rijksdienst geldende voorschriften'
#       (gegevens beschermd tegen verlies, onbevoegde kennisneming, wijziging en verstrekking); het is geen
#       route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de regering uit 2025 niet verplicht
#       hoeven te volgen. Een zbo met een beleidsregel van de minister (art. 21) blijft aan de hele regel
#       gebonden.
#     en: >-
#       The rule looks at public cloud services that invoke condition 9c: special categories of personal data with a
#       location (storage, processing, backup, support access, telemetry or subprocessor) outside the EER and the
#       adequacy countries, on standard contractual clauses (scc) or binding corporate rules (bcr), with an explain
#       sent to CIO Rijk on or before the reference date (governance.explain_sent_to_cio_rijk_on). Without that
#       explain, CB22-SPECIAL-PD-EER reports every location outside the EER; this rule takes over once the explain is
#       sent, so that one situation is not reported by two rules. 'The (pre-)DPIA carried out' the checker reads as: an
#       approved pre-scan DPIA or full DPIA. Whether the explain was sent 'as soon as possible' after adoption it does
#       not check (the source gives no term). Also binds through art. 41 Kaderwet zbo, because the explain lifts the
#       location demand of CB22-SPECIAL-PD-EER, which binds through art. 41 as well.
#       Art. 41 Kaderwet zbo: The explain to CIO Rijk is an accountability rule of the cloud policy within the
#       Rijksdienst, not a security measure; a zbo answers to its own minister. For a zbo this rule is advice,
#       not binding through art. 41 Kaderwet zbo. Art. 41 obliges a zbo to security measures 'on the footing of
#       the rules that apply to the Rijksdienst in that matter' (data protected against loss, unauthorised
#       access, change and disclosure); it is no route for the whole cloud policy, which according to the
#       government's 2025 answer zbo's are not obliged to follow. A zbo with a ministerial beleidsregel (art.
#       21) stays bound to the whole rule.
#   subject:
#     nl: >-
#       publieke clouddiensten met bijzondere persoonsgegevens buiten de EER en de adequate landen op modelcontract of
#       BCR, waarvoor een explain aan CIO Rijk is verstuurd (voorwaarde 9c)
#     en: >-
#       public cloud services with special categories of personal data outside the EER and the adequacy countries on
#       standard contractual clauses or BCR, for which an explain was sent to CIO Rijk (condition 9c)
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.special_pd_scc_explain

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# The explain route exactly as CB22-SPECIAL-PD-EER accepts it, so that the two rules hand over without overlap.
import data.cloudbeleid.rules.cb22.special_pd_location

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cloud.special_personal_data(svc)
	special_pd_location.explained(svc)
	count(service.transfers[i]) > 0
}

deny contains result.fail(i, ["assessments", "prescan_dpia", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "prescan_dpia")
	not assessment.approved(svc, "dpia")
	params := {
		"sent": svc.governance.explain_sent_to_cio_rijk_on,
		"prescan": assessment.status(svc, "prescan_dpia"),
		"dpia": assessment.status(svc, "dpia"),
	}
}
