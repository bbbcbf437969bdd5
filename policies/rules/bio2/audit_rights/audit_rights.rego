# METADATA
# title: Auditrecht in het contract met de leverancier (BIO2 5.20.04)
# scope: package
# custom:
#   id: BIO2-5-20-04-AUDIT-RIGHTS
#   severity: medium
#   title:
#     nl: Het contract met de leverancier geeft de mogelijkheid van een externe audit
#     en: The contract with the supplier allows an external audit
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.20.04: in het contract met de leverancier is de mogelijkheid opgenomen om een
#       externe audit te laten uitvoeren, zodat de organisatie de naleving van de afgesproken eisen zelf kan laten
#       toetsen.
#     en: >-
#       BIO2 government measure 5.20.04: the contract with the supplier includes the option of an external audit, so
#       that the organisation can have compliance with the agreed requirements checked itself.
#   message:
#     nl: "Het contract met de leverancier regelt geen externe audit (contract.audit_rights is niet true)."
#     en: "The contract with the supplier does not provide for an external audit (contract.audit_rights is not true)."
#   remediation:
#     nl: >-
#       Neem in het contract het recht op een externe audit bij de leverancier op en leg dat vast met
#       contract.audit_rights: true.
#     en: >-
#       Include the right to an external audit of the supplier in the contract and record it with
#       contract.audit_rights: true.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2), werkversie in de repository van MinBZK
#       section: overheidsmaatregel 5.20.04
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Een zelfstandig bestuursorgaan draagt op de voet van de ter zake voor de Rijksdienst geldende voorschriften
#         zorg voor de nodige technische en organisatorische voorzieningen ter beveiliging van zijn gegevens tegen
#         verlies of aantasting en tegen onbevoegde kennisneming, wijziging en verstrekking van die gegevens.
#       status: verified
#   interpretation:
#     nl: >-
#       Het onderzoek gaf van deze maatregel alleen een samenvatting, geen letterlijke tekst. Dat art. 41 Kaderwet zbo
#       de BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#     en: >-
#       The research gave only a summary of this measure, not its wording. That art. 41 Kaderwet zbo makes BIO2
#       binding on zbo's too is the checker's reading.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.audit_rights

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	cloud.external_cloud(svc)
}

deny contains result.fail(i, ["contract", "audit_rights"], {}) if {
	some i in subject
	object.get(input.services[i], ["contract", "audit_rights"], false) != true
}
