# METADATA
# scope: package
# custom:
#   id: KWZBO-41-RIJKSDIENST-SECURITY
#   severity: high
#   title:
#     nl: Zbo beveiligt zijn gegevens op de voet van de voorschriften voor de Rijksdienst
#     en: A zbo secures its data on the footing of the rules for the Rijksdienst
#   description:
#     nl: >-
#       Een zbo hoeft het Rijksbreed cloudbeleid niet te volgen, maar moet zijn gegevens wel beveiligen op de voet van de voorschriften die voor de Rijksdienst gelden (art. 41 Kaderwet zbo).
#     en: >-
#       A zbo need not follow the Rijksbreed cloudbeleid, but must secure its data on the footing of the rules that apply to the Rijksdienst (art. 41 Kaderwet zbo).
#   messages:
#     default:
#       nl: "Geen vastgestelde risicoafweging (status: {status}); zonder afweging is niet aangetoond dat de zbo zijn gegevens beveiligt op de voet van de Rijksdienstvoorschriften (art. 41 Kaderwet zbo)."
#       en: "No approved risk assessment (status: {status}); without one it is not shown that the zbo secures its data on the footing of the Rijksdienst's rules (art. 41 Kaderwet zbo)."
#     method:
#       nl: "Niet aangetoond dat de risicoafweging op de voet van de Rijksdienstvoorschriften is gemaakt: de methode ({method}) is geen methode van de Rijksdienst die de checker kent (implementatiekader_2023, bio2, cb26_integraal)."
#       en: "Not shown that the risk assessment follows the footing of the Rijksdienst's rules: the method ({method}) is not a Rijksdienst method the checker knows (implementatiekader_2023, bio2, cb26_integraal)."
#   remediation:
#     nl: >-
#       Baseer de beveiliging van de clouddienst op de voorschriften van de Rijksdienst: stel een risicoafweging vast
#       volgens het Implementatiekader Risicoafweging Cloudgebruik of de BIO2 en leg methode, status en datum vast in
#       assessments.risk_assessment. Heeft de minister art. 41 uitgezonderd, zet dan kaderwet_art41_excluded.
#     en: >-
#       Base the security of the cloud service on the Rijksdienst's rules: approve a risk assessment following the
#       Implementatiekader Risicoafweging Cloudgebruik or BIO2 and record method, status and date in
#       assessments.risk_assessment. Where the minister switched art. 41 off, set kaderwet_art41_excluded.
#   sources:
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Een zelfstandig bestuursorgaan draagt op de voet van de ter zake voor de Rijksdienst geldende voorschriften
#         zorg voor de nodige technische en organisatorische voorzieningen ter beveiliging van zijn gegevens tegen
#         verlies of aantasting en tegen onbevoegde kennisneming, wijziging en verstrekking van die gegevens.
#       status: verified
#     - document: Antwoord op Kamervragen Kathmann en Six Dijkstra (2025Z10397), antwoord 2
#       url: https://www.openkamer.org/kamervraag/2025Z10397
#       quote: >-
#         zbo's verplicht – op basis van de Kaderwet zbo's – om op de voet van de ter zake voor de Rijksdienst
#         geldende voorschriften maatregelen te nemen.
#       status: verified
#     - document: Voorschrift Informatiebeveiliging Rijksdienst Bijzondere Informatie 2025 (VIRBI 2025, Stcrt. 2025, 30222), opening met de begripsbepalingen
#       section: art. 1, Rijksdienst
#       url: https://zoek.officielebekendmakingen.nl/stcrt-2025-30222.html
#       quote: >-
#         alle organisatieonderdelen waarvoor de ministeriële verantwoordelijkheid onverkort geldt
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 2 lid 2 (zbo's van vóór de Kaderwet)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel2
#       quote: >-
#         Op zelfstandige bestuursorganen die vóór het tijdstip van inwerkingtreding van deze wet zijn
#         ingesteld, is deze wet van toepassing indien dit in de in artikel 1, onder a, bedoelde wet, algemene
#         maatregel van bestuur of ministeriële regeling is bepaald.
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 41 lid 2
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Onze Minister kan bepalen dat het eerste lid niet van toepassing is op een zelfstandig bestuursorgaan.
#       status: verified
#   interpretation:
#     nl: >-
#       Dat de voorschriften van de Rijksdienst hier de BIO2, het VIR en het VIRBI zijn, en dat een vastgestelde
#       risicoafweging volgens het Implementatiekader of de BIO2 het bewijs is, is de lezing van de checker (niet
#       geverifieerd). Geldt alleen voor zbo's waarop de Kaderwet van toepassing is (art. 2 lid 2) en waarvoor de
#       minister art. 41 niet heeft uitgezonderd (lid 2).
#       'Op de voet van' vraagt beveiliging naar het voorbeeld van de Rijksdienst, niet letterlijk dezelfde
#       methode: een andere methode is geen overtreding, maar de checker kan niet zien dat zij gelijkwaardig is.
#       Toon dat aan en leg het vast als risicoacceptatie, of gebruik een methode van de Rijksdienst.
#     en: >-
#       That the Rijksdienst's rules here are BIO2, VIR and VIRBI, and that an approved risk assessment following the
#       Implementatiekader or BIO2 is the evidence, is the checker's reading (not verified). Applies only to zbo's to
#       which the Kaderwet applies (art. 2(2)) and for which the minister did not switch art. 41 off (paragraph 2).
#       'On the footing of' asks for security after the Rijksdienst's example, not literally the same method:
#       another method is no breach, but the checker cannot see that it is equivalent. Show that and record it
#       as a risk acceptance, or use a Rijksdienst method.
#   subject:
#     nl: alle clouddiensten
#     en: all cloud services
#   applies_to: [kaderwet_zbo_art41]
#   stages: [procurement, implementation, operation]
#   effective_from: "2007-02-01"
#   waivable: true
package cloudbeleid.rules.kaderwet_zbo.art41_security

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Risk methods that are the Rijksdienst's own.
rijksdienst_methods := {"implementatiekader_2023", "bio2", "cb26_integraal"}

# Every service: whether art. 41 binds the organisation is the checker's applicability, not the rule's.
subject contains i if some i, _ in input.services

deny contains result.fail(i, ["assessments", "risk_assessment", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "risk_assessment")
	params := {"status": assessment.status(svc, "risk_assessment")}
}

deny contains result.fail(i, ["assessments", "risk_assessment", "method"], "method", {"method": method}) if {
	some i in subject
	svc := input.services[i]
	assessment.approved(svc, "risk_assessment")
	method := service.recorded(svc, ["assessments", "risk_assessment", "method"])
	not method in rijksdienst_methods
}
