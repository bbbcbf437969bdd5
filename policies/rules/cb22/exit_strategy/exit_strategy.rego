# METADATA
# scope: package
# custom:
#   id: CB22-EXIT-STRATEGY
#   severity: high
#   title:
#     nl: Exitstrategie in de overeenkomst, met overdracht en vernietiging van de gegevens
#     en: Exit strategy in the contract, covering transfer and destruction of the data
#   description:
#     nl: >-
#       Afspraken met cloudleveranciers bevatten een exitstrategie: hoe gegevens en toepassingen naar een andere leverancier gaan en hoe de leverancier de gegevens daarna vernietigt. Zo blijft de afhankelijkheid beheersbaar.
#     en: >-
#       Agreements with cloud providers contain an exit strategy: how data and applications move to another provider and how the provider destroys the data afterwards. That keeps the dependency manageable.
#   messages:
#     default:
#       nl: "De exitstrategie is niet volledig aangetoond: {field} is niet true."
#       en: "The exit strategy is not fully shown: {field} is not true."
#     strategy_in_contract:
#       nl: "De overeenkomst met de clouddienstverlener bevat geen exitstrategie."
#       en: "The contract with the cloud provider contains no exit strategy."
#     covers_data_transfer:
#       nl: "De exitstrategie regelt niet hoe de gegevens naar een andere leverancier worden overgedragen."
#       en: "The exit strategy does not say how the data are transferred to another provider."
#     covers_data_destruction:
#       nl: "De exitstrategie regelt niet hoe de leverancier de gegevens na afloop vernietigt."
#       en: "The exit strategy does not say how the provider destroys the data afterwards."
#   remediation:
#     nl: >-
#       Neem in de overeenkomst een exitstrategie op die beschrijft hoe gegevens en toepassingen worden overgedragen
#       of gemigreerd, en hoe de leverancier de gegevens daarna vernietigt; leg dit vast onder exit.
#     en: >-
#       Put an exit strategy in the contract that says how data and applications are handed over or migrated, and how
#       the provider destroys the data afterwards; record it under exit.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904), voorwaarden, as summarised by Stadszaken
#       url: https://stadszaken.nl/artikel/4538/publieke-clouddiensten-niet-langer-taboe-voor-overheden
#       quote: >-
#         Ook moet er een exit-strategie zijn, waarin is opgenomen hoe de data wordt overgedragen naar een andere cloud
#         en hoe de leverancier de data vernietigt.
#       status: secondary
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2), overheidsmaatregel 5.20.06
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Voordat een contract wordt afgesloten, wordt in een risicoafweging bepaald of de afhankelijkheid van een
#         leverancier beheersbaar is. Een vast onderdeel van het contract is een expliciete uitwerking van de
#         exit-strategie.
#       status: verified
#   interpretation:
#     nl: >-
#       Geldt voor elke clouddienst van een externe leverancier (publiek, hybride, community of private cloud bij een
#       externe leverancier), niet voor een overheidsdatacentrum of eigen beheer.
#       Art. 41 Kaderwet zbo: de exit-strategie in het contract is een beveiligingsvoorschrift van de
#       Rijksdienst (BIO2 5.20.06: 'Een vast onderdeel van het contract is een expliciete uitwerking van de
#       exit-strategie') en beschermt de gegevens tegen verlies; daarom bindt de regel een zbo via art. 41, en
#       een Cbw-entiteit via de Cyberbeveiligingswet.
#       Voor wie alleen via de BIO2 of art. 41 gebonden is (Defensie, een zbo, een Cbw-entiteit) vraagt de tekst
#       'een expliciete uitwerking van de exit-strategie' in het contract; dat die uitwerking de overdracht en
#       de vernietiging van de gegevens regelt, is de lezing van de checker (het cloudbeleid noemt beide,
#       secundair), voor persoonsgegevens gesteund door AVG art. 28 lid 3 onder g (wissen of terugbezorgen).
#     en: >-
#       Applies to every cloud service of an external supplier (public, hybrid, community, or private cloud run by an
#       external supplier), not to a government data centre or own operation.
#       Art. 41 Kaderwet zbo: the exit strategy in the contract is a security rule of the Rijksdienst (BIO2
#       5.20.06) and protects the data against loss; so the rule binds a zbo through art. 41, and a Cbw entity
#       through the Cyberbeveiligingswet.
#       For whoever is bound only through BIO2 or art. 41 (Defence, a zbo, a Cbw entity) the text asks for 'an
#       explicit elaboration of the exit strategy' in the contract; that this elaboration covers the transfer
#       and the destruction of the data is the checker's reading (the cloud policy names both, secondary),
#       supported for personal data by GDPR art. 28(3)(g) (delete or return).
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [cloudbeleid, kaderwet_zbo_art41, bio2, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.exit_strategy

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

required_parts := ["strategy_in_contract", "covers_data_transfer", "covers_data_destruction"]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, ["exit", part], part, {"field": concat(".", ["exit", part])}) if {
	some i in subject
	some part in required_parts
	service.unconfirmed(input.services[i], ["exit", part])
}
