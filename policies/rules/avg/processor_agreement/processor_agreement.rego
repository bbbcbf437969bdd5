# METADATA
# title: Verwerkersovereenkomst met de clouddienstverlener (AVG art. 28)
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
#   message:
#     nl: "Persoonsgegevens bij een externe clouddienstverlener zonder verwerkersovereenkomst (contract.processor_agreement is niet true)."
#     en: "Personal data at an external cloud provider without a processor agreement (contract.processor_agreement is not true)."
#   remediation:
#     nl: >-
#       Sluit met de clouddienstverlener een verwerkersovereenkomst die aan art. 28 lid 3 AVG voldoet (bijvoorbeeld
#       op basis van een model van de Rijksoverheid) en zet contract.processor_agreement op true.
#     en: >-
#       Conclude a processor agreement with the cloud provider that meets GDPR art. 28(3) (for example based on a
#       government model) and set contract.processor_agreement to true.
#   sources:
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679)
#       section: art. 28 lid 1 en lid 3
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#   interpretation:
#     nl: >-
#       De artikeltekst is niet geverifieerd (uit het geheugen). De checker ziet elke clouddienst van een externe
#       leverancier (publiek, hybride, community of private cloud bij een externe leverancier) die persoonsgegevens
#       verwerkt als verwerking door een verwerker, en leest alleen of er een verwerkersovereenkomst is
#       (contract.processor_agreement), niet wat erin staat. Een overheidsdatacentrum van een andere
#       overheidsorganisatie kan ook verwerker zijn; dat kan de beschrijving niet van eigen beheer onderscheiden, dus
#       valt het erbuiten.
#     en: >-
#       The article text is not verified (from memory). The checker treats every cloud service of an external
#       supplier (public, hybrid, community, or private cloud run by an external supplier) that processes personal
#       data as processing by a processor, and reads only whether there is a processor agreement
#       (contract.processor_agreement), not what it says. A government data centre run by another public body can be
#       a processor too; the descriptor cannot tell it from own operation, so it is left out.
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

subject contains i if {
	some i, svc in input.services
	cloud.external_cloud(svc)
	cloud.personal_data(svc)
}

deny contains result.fail(i, ["contract", "processor_agreement"], {}) if {
	some i in subject
	object.get(input.services[i], ["contract", "processor_agreement"], false) != true
}
