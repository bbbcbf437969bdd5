# METADATA
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
#   messages:
#     default:
#       nl: "Verwerking met waarschijnlijk een hoog risico ({reasons}) zonder vastgestelde DPIA (status: {status})."
#       en: "Processing likely to result in a high risk ({reasons}) without an approved DPIA (status: {status})."
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
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679); de officiële Nederlandse tekst van art. 35 is niet gevonden, de bewoording komt uit secundaire teksten (DPIA-sjablonen)
#       section: art. 35 lid 1 en lid 3 onder b
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       quote: >-
#         grootschalige verwerking van bijzondere categorieën … of … strafrechtelijke …
#       status: secondary
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Bij hoog risico wordt een volledige data protection impact assessment (of formele DPIA) uitgevoerd, waarin
#         zowel de verwerking zelf als de geldende grondslagen, de aard van de verwerking en de bijbehorende risico's en
#         maatregelen zijn beschreven. Dit geldt ook bij verwerking van gegevens in een publieke cloud.
#       status: verified
#   interpretation:
#     nl: >-
#       De officiële Nederlandse tekst van art. 35 is niet gevonden; secundaire teksten stemmen overeen dat lid
#       3 onder b de 'grootschalige verwerking van bijzondere categorieën … of … strafrechtelijke …' gegevens
#       noemt. De checker neemt als waarschijnlijk hoog risico: een DPIA die volgens de beschrijving vereist is
#       (assessments.dpia.required), grootschalige verwerking (data.large_scale) van bijzondere persoonsgegevens
#       (art. 9) of strafrechtelijke gegevens (art. 10), of grootschalige verwerking met het BSN. Bijzondere
#       gegevens alleen zijn niet 'grootschalig' en maken de regel niet van toepassing; de vuistregel van de
#       EDPB (twee criteria) is secundair en niet gecodeerd. Of de verwerking grootschalig is, legt de
#       organisatie vast in data.large_scale; de checker telt geen aantallen. Alleen de status approved telt;
#       een DPIA gedateerd na de peildatum telt niet. Of de DPIA bij gewijzigd risico is herzien (lid 11) toetst
#       de checker niet.
#     en: >-
#       The official Dutch text of art. 35 was not found; secondary texts agree that paragraph 3(b) names
#       'large-scale processing of special categories … or … criminal …' data. The checker takes as likely high
#       risk: a DPIA the descriptor marks as required (assessments.dpia.required), large-scale processing
#       (data.large_scale) of special categories (art. 9) or criminal data (art. 10), or large-scale processing
#       with the BSN. Special data alone are not 'large scale' and do not make the rule apply; the EDPB's rule
#       of thumb (two criteria) is secondary and not encoded. Whether processing is large-scale the organisation
#       records in data.large_scale; the checker counts nothing. Only status approved counts; a DPIA dated after
#       the reference date does not. Whether the DPIA was reviewed when the risk changed (paragraph 11) is not
#       checked.
#   subject:
#     nl: >-
#       diensten met een DPIA-plicht volgens de beschrijving, of met grootschalige verwerking van bijzondere of
#       strafrechtelijke persoonsgegevens of van het BSN
#     en: >-
#       services whose descriptor requires a DPIA, or with large-scale processing of special categories,
#       criminal data or the BSN
#   applies_to: [avg]
#   stages: [procurement, implementation, operation]
#   effective_from: "2018-05-25"
#   waivable: true
package cloudbeleid.rules.avg.dpia

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.result

subject contains i if some i, _ in assessment.high_risk

deny contains result.fail(i, ["assessments", "dpia", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "dpia")
	params := {"status": assessment.status(svc, "dpia"), "reasons": assessment.high_risk[i]}
}

deny contains violation if {
	some i in subject
	violation := assessment.approved_after_reference(i, "dpia")
}
