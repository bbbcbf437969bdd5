# METADATA
# scope: package
# custom:
#   id: DATAACT-25-SWITCHING-TERMS
#   severity: medium
#   title:
#     nl: Het contract regelt het overstappen, met een opzegtermijn van ten hoogste twee maanden en ten minste 30 dagen om gegevens op te halen
#     en: The contract sets out switching, with a notice period of at most two months and at least 30 days to retrieve data
#   description:
#     nl: >-
#       De Data Act (Verordening (EU) 2023/2854, van toepassing vanaf 12 september 2025) verplicht een aanbieder van
#       clouddiensten de rechten van de klant om over te stappen schriftelijk in het contract vast te leggen (art. 25),
#       met een opzegtermijn van ten hoogste twee maanden en een termijn van ten minste 30 kalenderdagen om gegevens op te
#       halen. De plicht rust op de aanbieder; een overheid die zo'n contract sluit, krijgt het advies die voorwaarden te
#       eisen.
#     en: >-
#       The Data Act (Regulation (EU) 2023/2854, applicable from 12 September 2025) obliges a provider of cloud services
#       to set out the customer's switching rights in the written contract (art. 25), with a notice period of at most two
#       months and a period of at least 30 calendar days to retrieve data. The duty rests on the provider; a government
#       body concluding such a contract is advised to demand those terms.
#   messages:
#     default:
#       nl: "Het contract legt het recht om over te stappen niet vast (contract.data_act.switching_clause is niet true)."
#       en: "The contract does not set out the right to switch (contract.data_act.switching_clause is not true)."
#     notice:
#       nl: "De opzegtermijn om over te stappen is {months} maanden; de Data Act staat ten hoogste twee maanden toe."
#       en: "The notice period to start switching is {months} months; the Data Act allows at most two months."
#     notice_unknown:
#       nl: "Het contract noemt geen opzegtermijn om over te stappen (contract.data_act.notice_period_months); de Data Act staat ten hoogste twee maanden toe."
#       en: "The contract names no notice period for switching (contract.data_act.notice_period_months); the Data Act allows at most two months."
#     retrieval:
#       nl: "De termijn om gegevens op te halen is {days} dagen; de Data Act vraagt ten minste 30 kalenderdagen."
#       en: "The period to retrieve data is {days} days; the Data Act asks for at least 30 calendar days."
#     retrieval_unknown:
#       nl: "Het contract noemt geen termijn om gegevens op te halen (contract.data_act.data_retrieval_days); de Data Act vraagt ten minste 30 kalenderdagen."
#       en: "The contract names no period to retrieve data (contract.data_act.data_retrieval_days); the Data Act asks for at least 30 calendar days."
#   remediation:
#     nl: >-
#       Eis van de aanbieder dat het contract het overstappen regelt (art. 25 Data Act): een opzegtermijn van ten hoogste
#       twee maanden en ten minste 30 kalenderdagen om gegevens op te halen; leg dat vast in contract.data_act.
#     en: >-
#       Demand that the provider's contract sets out switching (art. 25 Data Act): a notice period of at most two months
#       and at least 30 calendar days to retrieve data; record it in contract.data_act.
#   sources:
#     - document: Verordening (EU) 2023/2854 (Data Act), Engelse tekst zoals drie repositories die van EUR-Lex overnemen (EUR-Lex zelf is niet geopend)
#       section: art. 25 lid 2
#       url: https://eur-lex.europa.eu/eli/reg/2023/2854/oj
#       quote: shall not exceed two months … at least 30 calendar days
#       status: verified
#     - document: Verordening (EU) 2023/2854 (Data Act), Engelse tekst zoals drie repositories die van EUR-Lex overnemen
#       section: art. 50
#       url: https://eur-lex.europa.eu/eli/reg/2023/2854/oj
#       quote: It shall apply from 12 September 2025
#       status: verified
#   interpretation:
#     nl: >-
#       Van de tekst zijn alleen de zinsneden over de termijnen en de datum van toepassing in het onderzoek opgenomen; de
#       rest van art. 25 (welke rechten het contract precies vastlegt, de uitzonderingen van art. 31 voor maatwerk en
#       testomgevingen) is niet gecodeerd. Clouddiensten van een externe leverancier leest de checker als
#       'gegevensverwerkingsdiensten'. De checker past de regel toe op elk contract dat op de peildatum loopt, ook als
#       het vóór 12 september 2025 is gesloten; of oudere contracten onder een overgangsregel vallen, is niet
#       onderzocht. Omdat de plicht op de aanbieder rust, is de bevinding voor de overheid als klant een advies (grondslag
#       data_act).
#     en: >-
#       Of the text only the phrases on the periods and the date of application are in the research; the rest of art. 25
#       (exactly which rights the contract sets out, the exceptions of art. 31 for custom-built services and test
#       environments) is not encoded. The checker reads cloud services of an external supplier as 'data processing
#       services'. It applies the rule to every contract running on the reference date, also one concluded before 12
#       September 2025; whether older contracts fall under a transitional rule was not researched. Because the duty rests
#       on the provider, the finding is advice for the government as customer (basis data_act).
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [data_act]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-12"
#   waivable: true
package cloudbeleid.rules.data_act.switching_terms

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

terms(i) := object.get(input.services[i], ["contract", "data_act"], {})

path(field) := ["contract", "data_act", field]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, path("switching_clause"), "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], path("switching_clause"))
}

deny contains result.fail(i, path("notice_period_months"), "notice", {"months": months}) if {
	some i in subject
	months := terms(i).notice_period_months
	months > 2
}

# Without a switching clause that one finding says it all; with one, each missing term is named.
deny contains result.fail(i, path("notice_period_months"), "notice_unknown", {}) if {
	some i in subject
	terms(i).switching_clause == true
	object.get(terms(i), "notice_period_months", null) == null
}

deny contains result.fail(i, path("data_retrieval_days"), "retrieval", {"days": days}) if {
	some i in subject
	days := terms(i).data_retrieval_days
	days < 30
}

deny contains result.fail(i, path("data_retrieval_days"), "retrieval_unknown", {}) if {
	some i in subject
	terms(i).switching_clause == true
	object.get(terms(i), "data_retrieval_days", null) == null
}
