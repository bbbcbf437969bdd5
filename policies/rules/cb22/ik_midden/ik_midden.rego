# METADATA
# scope: package
# custom:
#   id: CB22-IK-MIDDEN
#   severity: medium
#   title:
#     nl: "Categorie midden: locatie in de EER, een adequaat land of op modelcontract, en ISO 27001, 27017 en 27018 (secundaire bron)"
#     en: "Category midden: location in the EER, an adequate country or on standard contractual clauses, and ISO 27001, 27017 and 27018 (secondary source)"
#   description:
#     nl: >-
#       De cloudcategorieën van de risicoafweging cloudgebruik, zoals de IB & Privacy Quickscan van de Rijksdienst ze weergeeft (secundaire bron; het Implementatiekader zelf is niet gezien). Categorie midden: overheidsinformatie zonder rubricering, hooguit één categorie gewone persoonsgegevens, of vertrouwelijkheid midden. De informatie staat alleen in de EER, in een land met een adequaatheidsbesluit, of op grond van een modelcontract dat aan de AVG voldoet; lukt dat niet, dan gaat de DPIA naar CIO Rijk. De cloudleverancier voldoet aan ISO 27001, 27017 en 27018.
#     en: >-
#       The cloud categories of the cloud risk assessment, as the Rijksdienst's IB & Privacy Quickscan renders them (secondary source; the Implementatiekader itself was not seen). Category midden: unclassified government information, at most one category of ordinary personal data, or confidentiality midden. The information is held only in the EER, in a country with an adequacy decision, or on standard contractual clauses that meet the GDPR; where that cannot be met, the DPIA goes to CIO Rijk. The cloud provider meets ISO 27001, 27017 and 27018.
#   messages:
#     default:
#       nl: "Categorie midden: '{country}' in {field} ligt buiten de EER, zonder adequaatheidsbesluit, modelcontract of DPIA aan CIO Rijk."
#       en: "Category midden: '{country}' in {field} is outside the EER, without an adequacy decision, standard contractual clauses or a DPIA sent to CIO Rijk."
#     certification:
#       nl: "Categorie midden: de cloudleverancier toont {certification} niet aan."
#       en: "Category midden: the cloud provider does not show {certification}."
#   remediation:
#     nl: >-
#       Houd opslag, verwerking, back-up, supporttoegang en telemetrie binnen de EER of een land met een
#       adequaatheidsbesluit, of leg de doorgifte vast op modelcontractbepalingen (hosting.transfer_mechanism: scc);
#       lukt dat niet, stuur dan de DPIA aan CIO Rijk (governance.explain_sent_to_cio_rijk_on). Kies een leverancier
#       met ISO 27001, 27017 en 27018 en leg die vast in provider.certifications.
#     en: >-
#       Keep storage, processing, backup, support access and telemetry inside the EER or a country with an adequacy
#       decision, or base the transfer on standard contractual clauses (hosting.transfer_mechanism: scc); where that
#       cannot be done, send the DPIA to CIO Rijk (governance.explain_sent_to_cio_rijk_on). Choose a provider with ISO
#       27001, 27017 and 27018 and record them in provider.certifications.
#   sources:
#     - document: IB & Privacy Quickscan (Rijksdienst), toelichting cloudcategorie Midden, as reproduced in a public GitHub repository whose name the index did not resolve
#       quote: >-
#         alleen in de EER … óf in landen waarvoor een adequaatheidsbesluit bestaat, óf op basis van een modelcontract
#         dat voldoet aan de AVG
#       status: secondary
#     - document: Implementatiekader Risicoafweging Cloudgebruik (5 januari 2023), the probable origin of the categories
#       url: https://open.overheid.nl/documenten/ronl-734f947ec6465e4f75a56bed82fe64a1135f71a8/pdf
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
#       De categorie leidt de checker af uit de beschrijving (de hoogste die geldt): zeer hoog bij staatsgeheim, elke
#       NAVO/EU-rubricering of dreigingsprofiel hoog; hoog bij Dep. V, bijzondere of strafrechtelijke
#       persoonsgegevens, integriteit of vertrouwelijkheid hoog of zeer hoog, of dreigingsprofiel verhoogd (gelezen als
#       het 'hoog risicoprofiel'); laag bij vertrouwelijkheid laag zonder persoonsgegevens (gelezen als openbare data);
#       anders midden, ook als de beschrijving niets over de gegevens zegt. Strafrechtelijke gegevens, het
#       dreigingsprofiel en de lezing van 'openbaar' zijn keuzes van de checker. Als locatie tellen opslag,
#       verwerking, back-up, supporttoegang, telemetrie en subverwerkers (de bron zegt 'opgeslagen'; toegang op
#       afstand geldt als doorgifte). Een modelcontract (hosting.transfer_mechanism: scc) of een DPIA die op of vóór
#       de peildatum aan CIO Rijk is gestuurd (governance.explain_sent_to_cio_rijk_on) maakt een locatie buiten de EER
#       aanvaardbaar. De ISO-eisen toetst de checker aan provider.certifications.
#       Art. 41 Kaderwet zbo: De categorieën van het Implementatiekader zijn een methode van het cloudbeleid (de
#       tekst is niet gevonden); dat een zbo zijn risico's op de voet van de Rijksdienst afweegt toetst
#       KWZBO-41-RIJKSDIENST-SECURITY. Voor een zbo geldt deze regel als advies, niet via art. 41 Kaderwet zbo.
#       Art. 41 verplicht een zbo tot beveiligingsmaatregelen 'op de voet van de ter zake voor de Rijksdienst
#       geldende voorschriften' (gegevens beschermd tegen verlies, onbevoegde kennisneming, wijziging en
#       verstrekking); het is geen route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de
#       regering uit 2025 niet verplicht hoeven te volgen. Een zbo met een beleidsregel van de minister (art.
#       21) blijft aan de hele regel gebonden.
#       De eis van ISO-certificaten komt uit de secundaire weergave van het Implementatiekader, niet uit de
#       BIO2: 'De BIO verplicht geen NEN-EN-ISO/IEC 27001-certificering' (BIO2-inleiding).
#     en: >-
#       The checker derives the category from the descriptor (the highest that holds): zeer hoog for a state secret,
#       any NATO/EU marking or threat profile hoog; hoog for Dep. V, special or criminal personal data, integrity or
#       confidentiality hoog or zeer hoog, or threat profile verhoogd (read as the 'high risk profile'); laag for
#       confidentiality laag without personal data (read as public data); otherwise midden, also when the descriptor
#       says nothing about the data. Criminal data, the threat profile and the reading of 'public' are the checker's
#       choices. Locations are storage, processing, backup, support access, telemetry and subprocessors (the source says
#       'stored'; remote access counts as a transfer). Standard contractual clauses (hosting.transfer_mechanism: scc) or
#       a DPIA sent to CIO Rijk on or before the reference date (governance.explain_sent_to_cio_rijk_on) make a location
#       outside the EER acceptable. The ISO demands the checker checks against provider.certifications.
#       Art. 41 Kaderwet zbo: The Implementatiekader's categories are a method of the cloud policy (its text was
#       not found); that a zbo weighs its risks on the footing of the Rijksdienst is checked by
#       KWZBO-41-RIJKSDIENST-SECURITY. For a zbo this rule is advice, not binding through art. 41 Kaderwet zbo.
#       Art. 41 obliges a zbo to security measures 'on the footing of the rules that apply to the Rijksdienst in
#       that matter' (data protected against loss, unauthorised access, change and disclosure); it is no route
#       for the whole cloud policy, which according to the government's 2025 answer zbo's are not obliged to
#       follow. A zbo with a ministerial beleidsregel (art. 21) stays bound to the whole rule.
#       The demand for ISO certificates comes from the secondary rendering of the Implementatiekader, not from
#       BIO2: 'De BIO verplicht geen NEN-EN-ISO/IEC 27001-certificering' (BIO2 introduction).
#   subject:
#     nl: publieke clouddiensten in cloudcategorie midden
#     en: public cloud services in cloud category midden
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2023-01-05"
#   waivable: true
package cloudbeleid.rules.cb22.ik_midden

import data.cloudbeleid.lib.cb22
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

certifications := ["ISO27001", "ISO27017", "ISO27018"]

subject contains i if {
	some i in cloud.public_clouds
	cb22.category_of[i] == "midden"
}

transfer_allowed(svc) if svc.hosting.transfer_mechanism == "scc"

transfer_allowed(svc) if cb22.explain_sent(svc)

deny contains result.fail(i, location.path, "default", {"country": location.country, "field": location.field}) if {
	some i in subject
	svc := input.services[i]
	not transfer_allowed(svc)
	some location in service.transfers[i]
}

deny contains result.fail(i, ["provider", "certifications"], "certification", {"certification": certification}) if {
	some i in subject
	some certification in certifications
	not certification in object.get(input.services[i], ["provider", "certifications"], [])
}
