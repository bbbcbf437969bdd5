# METADATA
# scope: package
# custom:
#   id: CB22-DPIA-HIGH-RISK
#   severity: high
#   title:
#     nl: Een volledige (formele) DPIA bij hoog risico voor persoonsgegevens in de publieke cloud
#     en: A full (formal) DPIA when personal data in a public cloud carry a high risk
#   description:
#     nl: >-
#       Bij hoog risico wordt een volledige DPIA uitgevoerd die de verwerking, de grondslagen, de aard van de verwerking en de risico's en maatregelen beschrijft; dat geldt ook bij verwerking in een publieke cloud. De pre-scan DPIA alleen volstaat dan niet.
#     en: >-
#       When the risk is high, a full DPIA is carried out that describes the processing, its legal bases, its nature, and the risks and measures; this also holds for processing in a public cloud. The pre-scan DPIA alone is then not enough.
#   messages:
#     default:
#       nl: "Hoog risico ({reasons}) zonder vastgestelde volledige DPIA (status: {status})."
#       en: "High risk ({reasons}) without an approved full DPIA (status: {status})."
#     future:
#       nl: "De volledige DPIA is gedateerd {date}, na de peildatum {as_of}."
#       en: "The full DPIA is dated {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Voer een volledige DPIA uit (AVG art. 35) die de verwerking, de grondslagen, de aard van de verwerking en de
#       risico's en maatregelen beschrijft, laat haar vaststellen en leg status en datum vast in assessments.dpia.
#     en: >-
#       Carry out a full DPIA (GDPR art. 35) describing the processing, the legal bases, its nature and the risks and
#       measures, have it approved, and record status and date in assessments.dpia.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Bij hoog risico wordt een volledige data protection impact assessment (of formele DPIA) uitgevoerd, waarin
#         zowel de verwerking zelf als de geldende grondslagen, de aard van de verwerking en de bijbehorende risico's en
#         maatregelen zijn beschreven. Dit geldt ook bij verwerking van gegevens in een publieke cloud.
#       status: verified
#     - document: Algemene verordening gegevensbescherming, art. 35
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#   interpretation:
#     nl: >-
#       De Kamerbrief zegt niet wanneer het risico hoog is. De checker leidt hoog risico af zoals AVG-35-DPIA:
#       een DPIA die volgens de pre-scan verplicht is (assessments.dpia.required), grootschalige verwerking
#       (data.large_scale) van bijzondere persoonsgegevens (AVG art. 9) of strafrechtelijke gegevens (AVG art.
#       10), of grootschalige verwerking met het BSN. Bijzondere gegevens alleen maken het risico niet hoog
#       (art. 35 lid 3 onder b vraagt grootschaligheid; secundaire tekst). Elk van deze gronden volstaat; een
#       pre-scan die een DPIA niet nodig vindt (required: false) heft de andere gronden niet op. Alleen een
#       vastgestelde DPIA (status approved) telt. Deze regel is de voorwaarde van het cloudbeleid voor de
#       publieke cloud; AVG-35-DPIA toetst de AVG zelf voor elke dienst.
#     en: >-
#       The Kamerbrief does not say when the risk is high. The checker derives high risk as AVG-35-DPIA does: a
#       DPIA the pre-scan found required (assessments.dpia.required), large-scale processing (data.large_scale)
#       of special categories (GDPR art. 9) or criminal data (GDPR art. 10), or large-scale processing with the
#       BSN. Special data alone do not make the risk high (art. 35(3)(b) asks for large scale; secondary text).
#       Any one ground suffices; a pre-scan that finds no DPIA necessary (required: false) does not lift the
#       other grounds. Only an approved DPIA counts. This rule is the cloud policy's condition for the public
#       cloud; AVG-35-DPIA checks the GDPR itself for every service.
#   subject:
#     nl: >-
#       publieke clouddiensten met hoog risico voor persoonsgegevens (DPIA verplicht, of grootschalige
#       verwerking van bijzondere of strafrechtelijke persoonsgegevens of van het BSN)
#     en: >-
#       public cloud services with a high risk for personal data (DPIA required, or large-scale processing of
#       special categories, criminal data or the BSN)
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.dpia_high_risk

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i in cloud.public_clouds
	assessment.high_risk[i]
}

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
