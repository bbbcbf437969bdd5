# METADATA
# title: DPIA bij een verwerking met waarschijnlijk een hoog risico (AVG art. 35)
# scope: package
# custom:
#   id: AVG-35-DPIA
#   severity: high
#   title:
#     nl: Een vastgestelde DPIA wanneer de verwerking waarschijnlijk een hoog risico inhoudt
#     en: An approved DPIA when the processing is likely to result in a high risk
#   description:
#     nl: >-
#       Houdt een verwerking waarschijnlijk een hoog risico in voor de rechten en vrijheden van mensen, dan voert de verwerkingsverantwoordelijke vóór de verwerking een gegevensbeschermingseffectbeoordeling (DPIA) uit (art. 35 AVG). Dat geldt ook voor verwerking in een clouddienst.
#     en: >-
#       Where processing is likely to result in a high risk to the rights and freedoms of people, the controller carries out a data protection impact assessment (DPIA) before the processing (GDPR art. 35). That holds for processing in a cloud service too.
#   message:
#     nl: "Verwerking met waarschijnlijk een hoog risico ({reasons}) zonder vastgestelde DPIA (status: {status})."
#     en: "Processing likely to result in a high risk ({reasons}) without an approved DPIA (status: {status})."
#   messages:
#     future:
#       nl: "De DPIA is pas op {date} vastgesteld, na de peildatum {as_of}."
#       en: "The DPIA was approved only on {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Voer een volledige DPIA uit (model DPIA Rijksdienst), laat haar vaststellen vóór de verwerking begint en leg
#       status approved en de datum vast in assessments.dpia. Blijft er een hoog restrisico, raadpleeg dan vooraf de
#       Autoriteit Persoonsgegevens (art. 36 AVG).
#     en: >-
#       Carry out a full DPIA (Rijksdienst DPIA model), have it approved before the processing starts, and record
#       status approved and the date in assessments.dpia. If a high residual risk remains, consult the Autoriteit
#       Persoonsgegevens beforehand (GDPR art. 36).
#   sources:
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679)
#       section: art. 35 lid 1 en lid 3
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Bij hoog risico wordt een volledige data protection impact assessment (of formele DPIA) uitgevoerd, waarin
#         zowel de verwerking zelf als de geldende grondslagen, de aard van de verwerking en de bijbehorende risico's en
#         maatregelen zijn beschreven. Dit geldt ook bij verwerking van gegevens in een publieke cloud.
#       status: verified
#   interpretation:
#     nl: >-
#       De artikeltekst is niet geverifieerd (uit het geheugen). Welke verwerkingen 'waarschijnlijk een hoog risico'
#       inhouden, is de lezing van de checker: een DPIA die volgens de beschrijving vereist is
#       (assessments.dpia.required), bijzondere persoonsgegevens (art. 9), strafrechtelijke gegevens (art. 10), of
#       een grootschalige verwerking met het BSN. Art. 35 lid 3 onder b noemt bijzondere en strafrechtelijke gegevens
#       alleen bij grootschalige verwerking; de checker is strenger, omdat gevoelige gegevens een van de criteria van
#       de AP- en EDPB-lijsten zijn. Concludeert een vastgestelde pre-scan dat geen DPIA nodig is, leg dat dan vast
#       als waiver. Alleen de status approved telt; een DPIA gedateerd na de peildatum telt niet. Of de DPIA bij
#       gewijzigd risico is herzien (lid 11) toetst de checker niet.
#     en: >-
#       The article text is not verified (from memory). Which processing is 'likely to result in a high risk' is the
#       checker's reading: a DPIA the descriptor marks as required (assessments.dpia.required), special categories of
#       personal data (art. 9), criminal data (art. 10), or large-scale processing with the BSN. Art. 35(3)(b) names
#       special and criminal data only for large-scale processing; the checker is stricter, because sensitive data
#       are one of the criteria of the AP and EDPB lists. Where an approved pre-scan concludes that no DPIA is
#       needed, record that as a waiver. Only status approved counts; a DPIA dated after the reference date does not.
#       Whether the DPIA was reviewed when the risk changed (paragraph 11) is not checked.
#   subject:
#     nl: diensten met een DPIA-plicht volgens de beschrijving, bijzondere of strafrechtelijke persoonsgegevens, of grootschalige verwerking met het BSN
#     en: services whose descriptor requires a DPIA, with special categories or criminal data, or with large-scale processing of the BSN
#   applies_to: [avg]
#   stages: [procurement, implementation, operation]
#   effective_from: "2018-05-25"
#   waivable: true
package cloudbeleid.rules.avg.dpia

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["assessments", "dpia"]

# The signs of likely high risk, in the order the message names them.
signs := ["assessments.dpia.required", "data.special_categories", "data.criminal_data", "data.large_scale+data.bsn"]

sign(svc, name) if {
	name == "assessments.dpia.required"
	svc.assessments.dpia.required == true
}

sign(svc, name) if {
	name == "data.special_categories"
	cloud.special_personal_data(svc)
}

sign(svc, name) if {
	name == "data.criminal_data"
	svc.data.criminal_data == true
}

sign(svc, name) if {
	name == "data.large_scale+data.bsn"
	svc.data.large_scale == true
	svc.data.bsn == true
}

reasons(svc) := [name | some name in signs; sign(svc, name)]

subject contains i if {
	some i, svc in input.services
	count(reasons(svc)) > 0
}

deny contains result.fail(i, array.concat(path, ["status"]), {"status": status, "reasons": reasons(svc)}) if {
	some i in subject
	svc := input.services[i]
	status := object.get(svc, array.concat(path, ["status"]), "none")
	status != "approved"
}

deny contains violation if {
	some i in subject
	dpia := input.services[i].assessments.dpia
	dpia.status == "approved"
	dpia.date > input.as_of
	violation := result.fail_kind(i, array.concat(path, ["date"]), "future", {"date": dpia.date, "as_of": input.as_of})
}
