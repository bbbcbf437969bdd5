# METADATA
# scope: package
# custom:
#   id: KAMER25-WEIGH-PUBLIC-VALUES
#   severity: low
#   title:
#     nl: De risicoafweging weegt continuïteit, nationale veiligheid en publieke waarden
#     en: The risk assessment weighs continuity, national security and public values
#   description:
#     nl: >-
#       Volgens het kabinet moeten bij cloudmigraties al een reeks aspecten worden afgewogen; de continuïteit van de
#       dienstverlening, nationale veiligheid en publieke waarden zijn daar voorbeelden van.
#     en: >-
#       According to the cabinet, cloud migrations already require a range of aspects to be weighed; continuity of
#       service delivery, national security and public values are examples of them.
#   messages:
#     default:
#       nl: "De risicoafweging weegt niet alle genoemde aspecten; ontbrekend in assessments.risk_assessment.aspects: {missing}."
#       en: "The risk assessment does not weigh all the named aspects; missing from assessments.risk_assessment.aspects: {missing}."
#   remediation:
#     nl: >-
#       Weeg in de risicoafweging de continuïteit van de dienstverlening, de nationale veiligheid en de publieke
#       waarden, en neem continuity, national_security en public_values op in assessments.risk_assessment.aspects.
#     en: >-
#       Weigh continuity of service delivery, national security and public values in the risk assessment, and add
#       continuity, national_security and public_values to assessments.risk_assessment.aspects.
#   sources:
#     - document: Antwoord op Kamervragen Kathmann en Six Dijkstra (2025Z10397), antwoord 2
#       url: https://www.openkamer.org/kamervraag/2025Z10397
#       quote: >-
#         De continuïteit van de dienstverlening, nationale veiligheid en publieke waarden zijn daar verdere
#         voorbeelden van.
#       status: verified
#     - document: >-
#         Antwoord op Kamervragen Kathmann en Six Dijkstra, Financiën (Aanhangsel Handelingen II 2025/26, nr. 6,
#         ontvangen 19 september 2025), antwoord 2, Rijksbreed
#       quote: Daarom moeten volgens het huidige beleid al een reeks van aspecten afgewogen worden.
#       status: secondary
#   interpretation:
#     nl: >-
#       De bron noemt de drie aspecten als voorbeelden; de checker vraagt ze alle drie in de risicoafweging van elke
#       externe clouddienst, als advies. Of de afweging inhoudelijk goed is, ziet de checker niet.
#     en: >-
#       The source names the three aspects as examples; the checker asks for all three in the risk assessment of every
#       external cloud service, as advice. Whether the weighing is sound is beyond the checker.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [kamer_2025]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-19"
#   waivable: true
package cloudbeleid.rules.kamer_2025.weigh_public_values

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["assessments", "risk_assessment", "aspects"]

required_aspects := ["continuity", "national_security", "public_values"]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, path, "default", {"missing": missing}) if {
	some i in subject
	aspects := object.get(input.services[i], path, [])
	missing := [aspect | some aspect in required_aspects; not aspect in aspects]
	count(missing) > 0
}
