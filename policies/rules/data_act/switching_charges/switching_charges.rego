# METADATA
# scope: package
# custom:
#   id: DATAACT-29-SWITCHING-CHARGES
#   severity: medium
#   title:
#     nl: Geen overstapkosten vanaf 12 januari 2027; tot dan hoogstens verlaagde kosten tegen kostprijs
#     en: No switching charges from 12 January 2027; until then at most reduced charges at cost
#   description:
#     nl: >-
#       Vanaf 12 januari 2027 mogen aanbieders van clouddiensten de klant geen kosten in rekening brengen voor het
#       overstappen (art. 29 lid 1 Data Act); tot die datum mogen zij verlaagde kosten rekenen die hun eigen kosten van
#       het overstappen niet te boven gaan (art. 29 lid 2 en 3). De regel kijkt naar de peildatum: met --as-of
#       2027-01-12 of later toont hij wat de volgende fase vraagt.
#     en: >-
#       From 12 January 2027 providers of cloud services may not charge the customer for switching (art. 29(1) Data
#       Act); until that date they may charge reduced charges that do not exceed their own costs of the switching (art.
#       29(2) and (3)). The rule looks at the reference date: with --as-of 2027-01-12 or later it shows what the next
#       phase demands.
#   messages:
#     default:
#       nl: "Het contract rekent overstapkosten ({charges}); vanaf 12 januari 2027 zijn die niet meer toegestaan (peildatum {as_of})."
#       en: "The contract charges for switching ({charges}); from 12 January 2027 that is no longer allowed (reference date {as_of})."
#     above_cost:
#       nl: "Het contract rekent overstapkosten boven de kostprijs ({charges}); tot 12 januari 2027 zijn alleen verlaagde kosten tegen kostprijs toegestaan."
#       en: "The contract charges switching costs above cost ({charges}); until 12 January 2027 only reduced charges at cost are allowed."
#     unknown:
#       nl: "Het contract zegt niet welke overstapkosten de aanbieder rekent (contract.data_act.switching_charges)."
#       en: "The contract does not say what the provider charges for switching (contract.data_act.switching_charges)."
#   remediation:
#     nl: >-
#       Eis dat het contract vanaf 12 januari 2027 geen overstapkosten kent, en tot dan hoogstens kosten tegen kostprijs;
#       leg dat vast in contract.data_act.switching_charges (none of at_cost).
#     en: >-
#       Demand that the contract has no switching charges from 12 January 2027, and until then at most charges at cost;
#       record it in contract.data_act.switching_charges (none or at_cost).
#   sources:
#     - document: Verordening (EU) 2023/2854 (Data Act), Engelse tekst zoals drie repositories die van EUR-Lex overnemen (EUR-Lex zelf is niet geopend)
#       section: art. 29 lid 1
#       url: https://eur-lex.europa.eu/eli/reg/2023/2854/oj
#       quote: >-
#         From 12 January 2027, providers of data processing services shall not impose any switching charges on the
#         customer for the switching process
#       status: verified
#     - document: Verordening (EU) 2023/2854 (Data Act), Engelse tekst zoals drie repositories die van EUR-Lex overnemen
#       section: art. 50
#       url: https://eur-lex.europa.eu/eli/reg/2023/2854/oj
#       quote: It shall apply from 12 September 2025
#       status: verified
#   interpretation:
#     nl: >-
#       Dat vóór 12 januari 2027 verlaagde kosten tegen kostprijs mogen (art. 29 lid 2 en 3), staat in het onderzoek als
#       samenvatting, niet als citaat. De checker leest 'at_cost' als zulke kosten en 'other' als hogere of andere
#       kosten; of een bedrag werkelijk de kostprijs is, ziet hij niet. Omdat de plicht op de aanbieder rust, is de
#       bevinding voor de overheid als klant een advies (grondslag data_act).
#     en: >-
#       That reduced charges at cost are allowed before 12 January 2027 (art. 29(2) and (3)) is in the research as a
#       summary, not a quote. The checker reads 'at_cost' as such charges and 'other' as higher or other charges; whether
#       an amount really is at cost it cannot see. Because the duty rests on the provider, the finding is advice for the
#       government as customer (basis data_act).
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [data_act]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-12"
#   waivable: true
package cloudbeleid.rules.data_act.switching_charges

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

# Art. 29(1): from this day no switching charges at all.
no_charges_from := "2027-01-12"

path := ["contract", "data_act", "switching_charges"]

subject contains i if some i in cloud.external_clouds

charges(i) := object.get(input.services[i], path, null)

deny contains result.fail(i, path, "unknown", {}) if {
	some i in subject
	charges(i) == null
}

deny contains result.fail(i, path, "default", {"charges": charges(i), "as_of": input.as_of}) if {
	input.as_of >= no_charges_from
	some i in subject
	charges(i) in {"at_cost", "other"}
}

deny contains result.fail(i, path, "above_cost", {"charges": charges(i)}) if {
	input.as_of < no_charges_from
	some i in subject
	charges(i) == "other"
}
