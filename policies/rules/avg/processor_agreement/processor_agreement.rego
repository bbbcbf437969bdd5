# METADATA
# scope: package
# custom:
#   id: AVG-28-PROCESSOR-AGREEMENT
#   severity: high
#   title:
#     nl: Een verwerkersovereenkomst met de externe clouddienstverlener die persoonsgegevens verwerkt
#     en: A processor agreement with the external cloud provider that processes personal data
#   description:
#     nl: >-
#       Een externe clouddienstverlener die persoonsgegevens verwerkt, is verwerker. De verwerkingsverantwoordelijke schakelt alleen verwerkers in die voldoende garanties bieden en legt de verwerking vast in een overeenkomst (verwerkersovereenkomst): onderwerp, duur, aard en doel, soorten gegevens, instructies, geheimhouding, beveiliging, subverwerkers alleen met toestemming, bijstand, verwijderen of teruggeven na afloop, en audits (art. 28 AVG).
#     en: >-
#       An external cloud provider that processes personal data is a processor. The controller uses only processors that give sufficient guarantees and sets the processing down in a contract (processor agreement): subject matter, duration, nature and purpose, types of data, instructions, confidentiality, security, subprocessors only with authorisation, assistance, deletion or return at the end, and audits (GDPR art. 28).
#   messages:
#     default:
#       nl: "Persoonsgegevens bij een externe clouddienstverlener zonder verwerkersovereenkomst (contract.processor_agreement is niet true)."
#       en: "Personal data at an external cloud provider without a processor agreement (contract.processor_agreement is not true)."
#   remediation:
#     nl: >-
#       Sluit met de clouddienstverlener een verwerkersovereenkomst die aan art. 28 lid 3 AVG voldoet (bijvoorbeeld
#       op basis van een model van de Rijksoverheid) en zet contract.processor_agreement op true.
#     en: >-
#       Conclude a processor agreement with the cloud provider that meets GDPR art. 28(3) (for example based on a
#       government model) and set contract.processor_agreement to true.
#   sources:
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679), Nederlandse tekst, kopie van EUR-Lex (CELEX 32016R0679) in een repository
#       section: art. 28 lid 1
#       url: https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_28
#       quote: >-
#         Wanneer een verwerking namens een verwerkingsverantwoordelijke wordt verricht, doet de
#         verwerkingsverantwoordelijke uitsluitend een beroep op verwerkers die afdoende garanties met
#         betrekking tot het toepassen van passende technische en organisatorische maatregelen bieden opdat de
#         verwerking aan de vereisten van deze verordening voldoet en de bescherming van de rechten van de
#         betrokkene is gewaarborgd.
#       status: verified
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679), Nederlandse tekst, kopie van EUR-Lex (CELEX 32016R0679) in een repository
#       section: art. 28 lid 3 (aanhef, onder g en h)
#       url: https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_28
#       quote: >-
#         De verwerking door een verwerker wordt geregeld in een overeenkomst of andere rechtshandeling
#         krachtens het Unierecht of het lidstatelijke recht … na afloop van de verwerkingsdiensten, naargelang
#         de keuze van de verwerkingsverantwoordelijke, alle persoonsgegevens wist of deze aan hem terugbezorgt,
#         en bestaande kopieën verwijdert … audits, waaronder inspecties, door de verwerkingsverantwoordelijke …
#         mogelijk maakt en eraan bijdraagt.
#       status: verified
#   interpretation:
#     nl: >-
#       De Nederlandse artikeltekst is geverifieerd tegen een kopie van EUR-Lex. De checker ziet elke clouddienst van een externe
#       leverancier (publiek, hybride, community of private cloud bij een externe leverancier) die persoonsgegevens
#       verwerkt als verwerking door een verwerker, en leest alleen of er een verwerkersovereenkomst is
#       (contract.processor_agreement), niet wat erin staat. Een overheidsdatacentrum van een andere
#       overheidsorganisatie kan ook verwerker zijn; dat kan de beschrijving niet van eigen beheer onderscheiden, dus
#       valt het erbuiten.
#       Art. 28 lid 3 spreekt van 'een overeenkomst of andere rechtshandeling': contract.processor_agreement:
#       true geldt voor beide.
#     en: >-
#       The Dutch article text is verified against a copy of EUR-Lex. The checker treats every cloud service of an external
#       supplier (public, hybrid, community, or private cloud run by an external supplier) that processes personal
#       data as processing by a processor, and reads only whether there is a processor agreement
#       (contract.processor_agreement), not what it says. A government data centre run by another public body can be
#       a processor too; the descriptor cannot tell it from own operation, so it is left out.
#       Art. 28(3) speaks of 'a contract or other legal act': contract.processor_agreement: true stands for
#       either.
#   subject:
#     nl: clouddiensten van een externe leverancier die persoonsgegevens verwerken
#     en: cloud services of an external supplier that process personal data
#   applies_to: [avg]
#   stages: [procurement, implementation, operation]
#   effective_from: "2018-05-25"
#   waivable: true
package cloudbeleid.rules.avg.processor_agreement

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i in cloud.external_clouds
	i in cloud.personal_data_services
}

deny contains result.fail(i, ["contract", "processor_agreement"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["contract", "processor_agreement"])
}
