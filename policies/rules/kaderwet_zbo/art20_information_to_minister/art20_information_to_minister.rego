# METADATA
# scope: package
# custom:
#   id: KWZBO-20-INFORMATION-TO-MINISTER
#   severity: medium
#   title:
#     nl: Alle gegevens in de clouddienst zijn exporteerbaar, zodat de zbo de minister kan informeren
#     en: All data in the cloud service can be exported, so that the zbo can inform the minister
#   description:
#     nl: >-
#       Een zbo verstrekt de minister desgevraagd alle inlichtingen die deze voor zijn taak nodig heeft, en de minister kan inzage vorderen van alle zakelijke gegevens en bescheiden (art. 20 Kaderwet zbo). Dat kan alleen als de zbo zijn gegevens en bescheiden uit de clouddienst kan halen, zonder dat de leverancier ze vasthoudt.
#     en: >-
#       A zbo gives the minister, on request, all information the minister needs for his task, and the minister can demand access to all business data and records (art. 20 Kaderwet zbo). That is possible only if the zbo can get its data and records out of the cloud service, without the provider holding on to them.
#   messages:
#     default:
#       nl: "Niet aangetoond dat alle gegevens en bescheiden uit de clouddienst exporteerbaar zijn (exit.data_export_possible is niet true); de zbo moet de minister desgevraagd alle inlichtingen en inzage kunnen geven (art. 20 Kaderwet zbo)."
#       en: "It is not shown that all data and records can be exported from the cloud service (exit.data_export_possible is not true); the zbo must be able to give the minister all information and access on request (art. 20 Kaderwet zbo)."
#   remediation:
#     nl: >-
#       Leg in de overeenkomst vast dat de zbo alle gegevens en bescheiden op elk moment in een bruikbaar formaat kan
#       exporteren, controleer dat dit werkt, en zet exit.data_export_possible op true.
#     en: >-
#       Agree in the contract that the zbo can export all data and records at any time in a usable format, check that
#       it works, and set exit.data_export_possible to true.
#   sources:
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495)
#       section: art. 20 lid 1
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel20
#       quote: >-
#         Een zelfstandig bestuursorgaan verstrekt desgevraagd aan Onze Minister alle voor de uitoefening van diens
#         taak benodigde inlichtingen. Onze Minister kan inzage vorderen van alle zakelijke gegevens en bescheiden,
#         indien dat voor de vervulling van zijn taak redelijkerwijs nodig is.
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 20 lid 2
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel20
#       quote: >-
#         Een zelfstandig bestuursorgaan geeft bij het verstrekken van de in het eerste lid bedoelde
#         inlichtingen waar nodig aan welke gegevens een vertrouwelijk karakter dragen. …
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 2 lid 2 (zbo's van vóór de Kaderwet)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel2
#       quote: >-
#         Op zelfstandige bestuursorganen die vóór het tijdstip van inwerkingtreding van deze wet zijn
#         ingesteld, is deze wet van toepassing indien dit in de in artikel 1, onder a, bedoelde wet, algemene
#         maatregel van bestuur of ministeriële regeling is bepaald.
#       status: verified
#   interpretation:
#     nl: >-
#       De wettekst is geverifieerd, maar art. 20 zegt niets over clouddiensten. Dat de plicht betekent dat alle
#       gegevens en bescheiden exporteerbaar moeten zijn, zonder lock-in bij de leverancier, is een interpretatie uit
#       het onderzoek (uit het geheugen, niet geverifieerd). De checker kijkt alleen naar clouddiensten van een
#       externe leverancier (publiek, hybride, community of private cloud bij een externe leverancier) en leest
#       alleen exit.data_export_possible. Welke gegevens vertrouwelijk zijn (lid 2) kan een beschrijving niet tonen.
#     en: >-
#       The text of the Act is verified, but art. 20 says nothing about cloud services. That the duty means all data
#       and records must be exportable, with no lock-in at the provider, is an interpretation from the research (from
#       memory, not verified). The checker looks only at cloud services of an external supplier (public, hybrid,
#       community, or private cloud run by an external supplier) and reads only exit.data_export_possible. Which data
#       are confidential (paragraph 2) a descriptor cannot show.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [kaderwet_zbo]
#   stages: [procurement, implementation, operation]
#   effective_from: "2007-02-01"
#   waivable: true
package cloudbeleid.rules.kaderwet_zbo.art20_information_to_minister

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, ["exit", "data_export_possible"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["exit", "data_export_possible"])
}
