# METADATA
# scope: package
# custom:
#   id: AVG-44-TRANSFER-BASIS
#   severity: high
#   title:
#     nl: Elke plek buiten de EER waar persoonsgegevens heen gaan of vandaan bereikbaar zijn, heeft een doorgiftegrondslag
#     en: Every place outside the EER that personal data go to or can be reached from has a transfer basis
#   description:
#     nl: >-
#       Persoonsgegevens mogen alleen naar een land buiten de EER onder de voorwaarden van hoofdstuk V AVG, ook bij verdere doorgifte (art. 44): een adequaatheidsbesluit voor dat land (art. 45), of passende waarborgen zoals modelcontractbepalingen of bindende bedrijfsvoorschriften (art. 46 en 47). Opslag, verwerking, back-up, supporttoegang, telemetrie en subverwerkers tellen allemaal mee.
#     en: >-
#       Personal data may go to a country outside the EER only under the conditions of GDPR chapter V, onward transfers included (art. 44): an adequacy decision for that country (art. 45), or appropriate safeguards such as standard contractual clauses or binding corporate rules (art. 46 and 47). Storage, processing, backup, support access, telemetry and subprocessors all count.
#   messages:
#     default:
#       nl: "Persoonsgegevens gaan naar '{country}' ({field}), buiten de EER en zonder adequaatheidsbesluit, zonder passende waarborgen (doorgiftemechanisme: {mechanism})."
#       en: "Personal data go to '{country}' ({field}), outside the EER and without an adequacy decision, without appropriate safeguards (transfer mechanism: {mechanism})."
#     dpf:
#       nl: "Persoonsgegevens gaan naar '{country}' ({field}); het adequaatheidsbesluit voor dat land geldt alleen voor organisaties die onder het EU-US Data Privacy Framework zijn gecertificeerd, en provider.dpf_certified is niet true."
#       en: "Personal data go to '{country}' ({field}); the adequacy decision for that country covers only organisations certified under the EU-US Data Privacy Framework, and provider.dpf_certified is not true."
#     dtia:
#       nl: "Doorgifte naar '{country}' ({field}) op grond van {mechanism} zonder vastgestelde doorgiftetoetsing (DTIA, status: {status})."
#       en: "Transfer to '{country}' ({field}) on {mechanism} without an approved transfer impact assessment (DTIA, status: {status})."
#   remediation:
#     nl: >-
#       Houd opslag, verwerking, back-up, supporttoegang, telemetrie en subverwerkers binnen de EER of in landen met
#       een adequaatheidsbesluit (voor de VS: alleen bij een DPF-gecertificeerde leverancier). Anders: sluit
#       modelcontractbepalingen of steun op bindende bedrijfsvoorschriften (hosting.transfer_mechanism scc of bcr),
#       voer een doorgiftetoetsing (DTIA) uit met zo nodig aanvullende maatregelen, en leg status approved vast in
#       assessments.dtia.
#     en: >-
#       Keep storage, processing, backup, support access, telemetry and subprocessors inside the EER or in countries
#       with an adequacy decision (for the US: only with a DPF-certified provider). Otherwise: conclude standard
#       contractual clauses or rely on binding corporate rules (hosting.transfer_mechanism scc or bcr), carry out a
#       transfer impact assessment (DTIA) with supplementary measures where needed, and record status approved in
#       assessments.dtia.
#   sources:
#     - document: Algemene verordening gegevensbescherming (Verordening (EU) 2016/679), Nederlandse tekst zoals op gdpr-text.com en gegevensbeschermingsrecht.nl (gelijkluidend)
#       section: art. 44 (algemeen beginsel inzake doorgiften), met art. 45, 46 en 47
#       url: https://gdpr-text.com/nl/read/article-44/
#       quote: >-
#         Persoonsgegevens die worden verwerkt of die zijn bestemd om na doorgifte aan een derde land of een
#         internationale organisatie te worden verwerkt, mogen slechts worden doorgegeven indien, onverminderd
#         de overige bepalingen van deze verordening, de verwerkingsverantwoordelijke en de verwerker aan de in
#         dit hoofdstuk neergelegde voorwaarden hebben voldaan; dit geldt ook voor verdere doorgiften …
#       status: verified
#     - document: Hof van Justitie EU, 16 juli 2020, C-311/18 (Schrems II)
#       url: https://curia.europa.eu/juris/liste.jsf?num=C-311/18
#       status: memory
#     - document: ThomasMoreAI/legal-skills-open, eu/data-protection/skills/legal-eu-clemensjl/references/gdpr-transfers.md (samenvatting van doorgifteregels en adequaatheidsbesluiten)
#       section: toegang op afstand als doorgifte; adequaatheidsbesluiten en DPF
#       url: https://github.com/ThomasMoreAI/legal-skills-open
#       status: secondary
#   interpretation:
#     nl: >-
#       Art. 44 is geverifieerd tegen twee gelijkluidende kopieën van de Nederlandse tekst; art. 45-47 en Schrems II zijn uit het geheugen. Dat supporttoegang en telemetrie van buiten de
#       EER ook doorgifte zijn, steunt alleen op secundaire bronnen; de checker telt daarom opslag, verwerking,
#       back-up, supporttoegang, telemetrie en subverwerkers mee, en geeft één bevinding per plek. Adequaat zijn de
#       landen in policies/data/countries.json (de VS alleen met provider.dpf_certified). Als passende waarborgen
#       tellen alleen scc en bcr; 'other' kan de checker niet beoordelen. Dat bij art. 46 ook een vastgestelde DTIA
#       nodig is, volgt uit Schrems II 'in de praktijk' en is de lezing van de checker; assessments.dtia.required
#       wordt niet gelezen. Een uitzondering op art. 49 telt hier als grondslag; of die past bij routinematig
#       cloudgebruik, toetst AVG-49-DEROGATION. Opslag in de EU bij een leverancier met een Amerikaanse moeder is
#       geen doorgifte.
#       Geverifieerd is de tekst van art. 44. Dat toegang op afstand (support, telemetrie) een doorgifte is en
#       dat standaardbepalingen een DTIA vragen (Schrems II), zijn lezingen die niet tegen de EDPB-richtsnoeren
#       zijn geverifieerd; art. 44 noemt wel uitdrukkelijk 'verdere doorgiften'.
#     en: >-
#       Art. 44 is verified against two identical copies of the Dutch text; art. 45-47 and Schrems II are from memory. That support access and telemetry from outside the EER are
#       transfers too rests on secondary sources only; the checker therefore counts storage, processing, backup,
#       support access, telemetry and subprocessors, with one finding per place. Adequate are the countries in
#       policies/data/countries.json (the US only with provider.dpf_certified). Only scc and bcr count as appropriate
#       safeguards; 'other' the checker cannot judge. That art. 46 also needs an approved DTIA follows 'in practice'
#       from Schrems II and is the checker's reading; assessments.dtia.required is not read. An art. 49 derogation
#       counts as a basis here; whether it suits routine cloud use is checked by AVG-49-DEROGATION. Storage in the EU
#       at a provider with a US parent is not a transfer.
#       The text of art. 44 is verified. That remote access (support, telemetry) is a transfer and that standard
#       clauses need a DTIA (Schrems II) are readings not verified against the EDPB guidelines; art. 44 does
#       name 'onward transfers' expressly.
#   subject:
#     nl: diensten die persoonsgegevens verwerken
#     en: services that process personal data
#   applies_to: [avg]
#   stages: [procurement, implementation, operation]
#   effective_from: "2018-05-25"
#   waivable: true
package cloudbeleid.rules.avg.transfer_basis

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Appropriate safeguards (AVG art. 46): standard contractual clauses, binding corporate rules (art. 47).
safeguards := {"scc", "bcr"}

# Mechanisms that are a basis for a transfer to a country without adequacy, or left to AVG-49-DEROGATION (art49);
# any other is none.
founded := safeguards | {"art49"}

subject contains i if some i in cloud.personal_data_services

# Per subject its recorded transfer mechanism, once for the three kinds of violation.
mechanism_of[i] := service.recorded(input.services[i], ["hosting", "transfer_mechanism"]) if some i in subject

deny contains result.fail(i, location.path, "default", params) if {
	some i, mechanism in mechanism_of
	not mechanism in founded
	some location in service.transfers[i]
	not location.country in countries.adequacy_if_dpf_certified
	params := {"country": location.country, "field": location.field, "mechanism": mechanism}
}

deny contains result.fail(i, location.path, "dpf", {"country": location.country, "field": location.field}) if {
	some i, mechanism in mechanism_of
	not mechanism in founded
	some location in service.transfers[i]
	location.country in countries.adequacy_if_dpf_certified
}

deny contains result.fail(i, location.path, "dtia", params) if {
	some i, mechanism in mechanism_of
	mechanism in safeguards
	svc := input.services[i]
	not assessment.approved(svc, "dtia")
	some location in service.transfers[i]
	params := {"country": location.country, "field": location.field, "mechanism": mechanism, "status": assessment.status(svc, "dtia")}
}
