# METADATA
# scope: package
# custom:
#   id: CB22-SPECIAL-PD-EER
#   severity: high
#   title:
#     nl: Bijzondere persoonsgegevens alleen binnen de EER of in een land met een adequaatheidsbesluit
#     en: Special categories of personal data only inside the EER or in a country with an adequacy decision
#   description:
#     nl: >-
#       Voor bijzondere persoonsgegevens geldt in de publieke cloud 'nee, tenzij': opslag en verwerking moeten aantoonbaar binnen de EER of in een land met een adequaatheidsbesluit plaatsvinden (voorwaarden 9a en 9b). Een doorgifte op modelcontractbepalingen kan alleen als pas-toe-of-leg-uit, met de explain naar CIO Rijk (9c).
#     en: >-
#       For special categories of personal data in a public cloud the rule is 'no, unless': storage and processing must demonstrably take place inside the EER or in a country with an adequacy decision (conditions 9a and 9b). A transfer on standard contractual clauses is possible only as comply-or-explain, with the explain sent to CIO Rijk (9c).
#   messages:
#     default:
#       nl: "Bijzondere persoonsgegevens buiten de EER en zonder adequaatheidsbesluit: '{country}' in {field}."
#       en: "Special categories of personal data outside the EER and without an adequacy decision: '{country}' in {field}."
#   remediation:
#     nl: >-
#       Laat opslag, verwerking, back-up, supporttoegang en telemetrie binnen de EER of in een land met een
#       adequaatheidsbesluit plaatsvinden (voorwaarde 9a/b). Steunt de doorgifte op modelcontractbepalingen of
#       bindende bedrijfsvoorschriften (9c), stuur dan de explain met de DPIA naar CIO Rijk en leg de datum vast in
#       governance.explain_sent_to_cio_rijk_on.
#     en: >-
#       Keep storage, processing, backup, support access and telemetry inside the EER or in a country with an adequacy
#       decision (condition 9a/b). Where the transfer rests on standard contractual clauses or binding corporate rules
#       (9c), send the explain with the DPIA to CIO Rijk and record the date in governance.explain_sent_to_cio_rijk_on.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904), voorwaarden 9a, 9b en 9c, as quoted by dpia.nu
#       url: https://www.dpia.nu/redactie/dpia-krijgt-prominente-plek-in-rijksbrede-cloudbeleid-2022
#       quote: >-
#         Voor deze gegevens wordt in principe géén gebruik gemaakt van publieke cloudvoorzieningen, tenzij aantoonbaar
#         aan de eis (opslag en verwerking binnen de Europese Economische Ruimte (EER) of in landen waarvoor een
#         adequaatheidsbesluit bestaat) is voldaan (eisen 9 a. en b.).
#       status: secondary
#     - document: Algemene verordening gegevensbescherming, art. 9 and art. 45
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 21 (beleidsregels; de route die een zbo aan het hele cloudbeleid bindt)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel21
#       quote: >-
#         Onze Minister kan beleidsregels vaststellen met betrekking tot de taakuitoefening door een zelfstandig
#         bestuursorgaan.
#       status: verified
#   interpretation:
#     nl: >-
#       Supporttoegang, telemetrie, back-up en subverwerkers tellen mee, omdat toegang op afstand als doorgifte geldt
#       (secundaire bronnen). De VS tellen alleen als adequaat land wanneer de leverancier onder het EU-US Data Privacy
#       Framework is gecertificeerd. Een doorgifte op grond van modelcontractbepalingen of bindende bedrijfsvoorschriften
#       met een explain die vóór de peildatum aan CIO Rijk is gestuurd, geldt als toegestaan (voorwaarde 9c).
#       Art. 41 Kaderwet zbo: De locatievoorwaarden voor bijzondere persoonsgegevens zijn een voorwaarde van het
#       cloudbeleid; de doorgifte zelf toetst voor iedere organisatie de AVG (AVG-44-TRANSFER-BASIS). Voor een
#       zbo geldt deze regel als advies, niet via art. 41 Kaderwet zbo. Art. 41 verplicht een zbo tot
#       beveiligingsmaatregelen 'op de voet van de ter zake voor de Rijksdienst geldende voorschriften'
#       (gegevens beschermd tegen verlies, onbevoegde kennisneming, wijziging en verstrekking); het is geen
#       route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de regering uit 2025 niet verplicht
#       hoeven te volgen. Een zbo met een beleidsregel van de minister (art. 21) blijft aan de hele regel
#       gebonden.
#     en: >-
#       Support access, telemetry, backup and subprocessors count, because remote access counts as a transfer
#       (secondary sources). The US counts as adequate only when the provider is certified under the EU-US Data Privacy
#       Framework. A transfer on standard contractual clauses or binding corporate rules whose explain was sent to CIO
#       Rijk before the reference date is allowed (condition 9c).
#       Art. 41 Kaderwet zbo: The location conditions for special categories of personal data are a condition of
#       the cloud policy; the transfer itself is checked for every organisation under the GDPR
#       (AVG-44-TRANSFER-BASIS). For a zbo this rule is advice, not binding through art. 41 Kaderwet zbo. Art.
#       41 obliges a zbo to security measures 'on the footing of the rules that apply to the Rijksdienst in that
#       matter' (data protected against loss, unauthorised access, change and disclosure); it is no route for
#       the whole cloud policy, which according to the government's 2025 answer zbo's are not obliged to follow.
#       A zbo with a ministerial beleidsregel (art. 21) stays bound to the whole rule.
#   subject:
#     nl: publieke clouddiensten met bijzondere persoonsgegevens, zonder explain volgens voorwaarde 9c
#     en: public cloud services with special categories of personal data, without an explain under condition 9c
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.special_pd_location

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Condition 9c: comply or explain on an AVG art. 46 transfer mechanism.
explain_mechanisms := {"scc", "bcr"}

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cloud.special_personal_data(svc)
	not explained(svc)
}

explained(svc) if {
	svc.hosting.transfer_mechanism in explain_mechanisms
	svc.governance.explain_sent_to_cio_rijk_on <= input.as_of
}

deny contains result.fail(i, location.path, "default", {"country": location.country, "field": location.field}) if {
	some i in subject
	some location in service.transfers[i]
}
