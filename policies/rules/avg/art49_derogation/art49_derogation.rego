# METADATA
# scope: package
# custom:
#   id: AVG-49-DEROGATION
#   severity: medium
#   title:
#     nl: Doorgifte bij routinematig cloudgebruik steunt niet op een uitzondering van art. 49 AVG
#     en: Transfers in routine cloud use do not rest on a GDPR art. 49 derogation
#   description:
#     nl: >-
#       De uitzonderingen van art. 49 AVG (zoals uitdrukkelijke toestemming of noodzaak voor een overeenkomst) zijn bedoeld voor specifieke, incidentele situaties. Voor doorlopende doorgifte in een clouddienst horen een adequaatheidsbesluit of passende waarborgen (art. 45 en 46), geen uitzondering.
#     en: >-
#       The derogations of GDPR art. 49 (such as explicit consent or necessity for a contract) are meant for specific, occasional situations. Ongoing transfers in a cloud service call for an adequacy decision or appropriate safeguards (art. 45 and 46), not a derogation.
#   messages:
#     default:
#       nl: "De doorgifte buiten de EER steunt op een uitzondering van art. 49 AVG (hosting.transfer_mechanism art49); die is niet bedoeld voor routinematig cloudgebruik."
#       en: "The transfer outside the EER rests on a GDPR art. 49 derogation (hosting.transfer_mechanism art49), which is not meant for routine cloud use."
#   remediation:
#     nl: >-
#       Houd de gegevens binnen de EER of in een land met een adequaatheidsbesluit, of baseer de doorgifte op
#       modelcontractbepalingen of bindende bedrijfsvoorschriften met een doorgiftetoetsing (DTIA), en pas
#       hosting.transfer_mechanism aan. Gaat het echt om een incidentele doorgifte, leg dat dan vast als waiver.
#     en: >-
#       Keep the data inside the EER or in a country with an adequacy decision, or base the transfer on standard
#       contractual clauses or binding corporate rules with a transfer impact assessment (DTIA), and update
#       hosting.transfer_mechanism. Where the transfer really is occasional, record that as a waiver.
#   sources:
#     - document: Verordening (EU) 2016/679 (AVG), Engelse geconsolideerde tekst (CELEX 32016R0679), kopie in een repository; de Nederlandse tekst van art. 49 is niet gevonden
#       section: art. 49 lid 1 en lid 3
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       quote: >-
#         1. In the absence of an adequacy decision pursuant to Article 45(3), or of appropriate safeguards
#         pursuant to Article 46, including binding corporate rules, a transfer or a set of transfers … shall
#         take place only on one of the following conditions: … 3. Points (a), (b) and (c) of the first
#         subparagraph of paragraph 1 and the second subparagraph thereof shall not apply to activities carried
#         out by public authorities in the exercise of their public powers.
#       status: verified
#   interpretation:
#     nl: >-
#       De Engelse artikeltekst is geverifieerd tegen een kopie van de geconsolideerde tekst; de Nederlandse niet. Het onderzoek noemt dit een 'should-not', geen
#       verbod; daarom de ernst medium. De checker ziet elke beschreven dienst met persoonsgegevens als doorlopend,
#       dus routinematig gebruik, en meldt elke dienst waarvan hosting.transfer_mechanism art49 is.
#       Lid 3: een overheid die openbaar gezag uitoefent, kan zich niet beroepen op toestemming (a), een
#       overeenkomst (b, c) of dwingende gerechtvaardigde belangen; voor haar blijven alleen d (gewichtige
#       redenen van algemeen belang, in het recht erkend), e, f en g over. De regel is daarmee eerder mild dan
#       streng.
#     en: >-
#       The English article text is verified against a copy of the consolidated text; the Dutch one is not. The research calls this a 'should-not', not a ban; hence
#       severity medium. The checker treats every described service with personal data as ongoing, hence routine,
#       use, and reports every service whose hosting.transfer_mechanism is art49.
#       Paragraph 3: a public authority exercising public powers cannot rely on consent (a), a contract (b, c)
#       or compelling legitimate interests; only d (important reasons of public interest recognised in law), e,
#       f and g remain. The rule is, if anything, lenient.
#   subject:
#     nl: diensten die persoonsgegevens verwerken
#     en: services that process personal data
#   applies_to: [avg]
#   stages: [procurement, implementation, operation]
#   effective_from: "2018-05-25"
#   waivable: true
package cloudbeleid.rules.avg.art49_derogation

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if some i in cloud.personal_data_services

deny contains result.fail(i, ["hosting", "transfer_mechanism"], "default", {}) if {
	some i in subject
	input.services[i].hosting.transfer_mechanism == "art49"
}
