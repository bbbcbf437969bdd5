# METADATA
# scope: package
# custom:
#   id: CB22-IK-HOOG
#   severity: high
#   title:
#     nl: "Categorie hoog: locatie in de EER of een adequaat land, anders een explain aan CIO Rijk, en ISO 27001, 27017 en (bij persoonsgegevens) 27018 (secundaire bron)"
#     en: "Category hoog: location in the EER or an adequate country, otherwise an explain to CIO Rijk, and ISO 27001, 27017 and (with personal data) 27018 (secondary source)"
#   description:
#     nl: >-
#       De cloudcategorieën van de risicoafweging cloudgebruik, zoals de IB & Privacy Quickscan van de Rijksdienst ze weergeeft (secundaire bron; het Implementatiekader zelf is niet gezien). Categorie hoog: Departementaal Vertrouwelijk, (meerdere categorieën) bijzondere persoonsgegevens, integriteit of vertrouwelijkheid hoog of zeer hoog, of een hoog risicoprofiel. De gegevens staan alleen in de EER of in een land met een adequaatheidsbesluit. Anders, of met alleen een modelcontract, beoordeelt de CISO de dienst aan de C2000-criteria en gaat een explain met minimaal een DPIA naar CIO Rijk. De cloudleverancier voldoet aan ISO 27001, 27017 (niet-openbare gegevens) en 27018 (persoonsgegevens).
#     en: >-
#       The cloud categories of the cloud risk assessment, as the Rijksdienst's IB & Privacy Quickscan renders them (secondary source; the Implementatiekader itself was not seen). Category hoog: Departementaal Vertrouwelijk, (several categories of) special personal data, integrity or confidentiality hoog or zeer hoog, or a high risk profile. The data are held only in the EER or in a country with an adequacy decision. Otherwise, or with standard contractual clauses only, the CISO assesses the service against the C2000 criteria and an explain with at least a DPIA goes to CIO Rijk. The cloud provider meets ISO 27001, 27017 (non-public data) and 27018 (personal data).
#   messages:
#     default:
#       nl: "Categorie hoog ({reasons}): '{country}' in {field} ligt buiten de EER en heeft geen adequaatheidsbesluit, en er is geen explain aan CIO Rijk."
#       en: "Category hoog ({reasons}): '{country}' in {field} is outside the EER and has no adequacy decision, and there is no explain to CIO Rijk."
#     certification:
#       nl: "Categorie hoog ({reasons}): de cloudleverancier toont {certification} niet aan."
#       en: "Category hoog ({reasons}): the cloud provider does not show {certification}."
#   remediation:
#     nl: >-
#       Houd opslag, verwerking, back-up, supporttoegang en telemetrie binnen de EER of een land met een
#       adequaatheidsbesluit; kan dat niet, laat de CISO de dienst aan de C2000-criteria toetsen en stuur een explain
#       met minimaal de DPIA aan CIO Rijk (governance.explain_sent_to_cio_rijk_on). Kies een leverancier met ISO 27001
#       en 27017, en bij persoonsgegevens ook 27018, en leg die vast in provider.certifications.
#     en: >-
#       Keep storage, processing, backup, support access and telemetry inside the EER or a country with an adequacy
#       decision; where that cannot be done, have the CISO assess the service against the C2000 criteria and send an
#       explain with at least the DPIA to CIO Rijk (governance.explain_sent_to_cio_rijk_on). Choose a provider with ISO
#       27001 and 27017, and with personal data also 27018, and record them in provider.certifications.
#   sources:
#     - document: IB & Privacy Quickscan (Rijksdienst), toelichting cloudcategorie Hoog, as reproduced in a public GitHub repository whose name the index did not resolve
#       quote: alleen in de EER … óf in landen waarvoor een adequaatheidsbesluit bestaat
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
#       De categorie leidt de checker af zoals bij CB22-IK-MIDDEN beschreven; hoog geldt bij Dep. V, bijzondere of
#       strafrechtelijke persoonsgegevens (de Quickscan zet één categorie bijzondere persoonsgegevens al op
#       vertrouwelijkheid hoog), integriteit of vertrouwelijkheid hoog of zeer hoog, of dreigingsprofiel verhoogd
#       (gelezen als het 'hoog risicoprofiel'), tenzij de dienst zeer hoog is. Als locatie tellen opslag, verwerking,
#       back-up, supporttoegang, telemetrie en subverwerkers. Een explain die op of vóór de peildatum aan CIO Rijk is
#       gestuurd (governance.explain_sent_to_cio_rijk_on) maakt een locatie buiten de EER aanvaardbaar; een modelcontract
#       alleen niet. De beoordeling door de CISO aan de C2000-criteria kan een beschrijving niet tonen; de uitsluiting
#       zelf toetst CB22-C2000. Gegevens in categorie hoog zijn niet openbaar, dus ISO 27017 is altijd nodig; ISO
#       27018 bij persoonsgegevens. De ISO-eisen toetst de checker aan provider.certifications.
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
#       The checker derives the category as described under CB22-IK-MIDDEN; hoog holds for Dep. V, special or criminal
#       personal data (the Quickscan already sets one category of special personal data to confidentiality hoog),
#       integrity or confidentiality hoog or zeer hoog, or threat profile verhoogd (read as the 'high risk profile'),
#       unless the service is zeer hoog. Locations are storage, processing, backup, support access, telemetry and
#       subprocessors. An explain sent to CIO Rijk on or before the reference date (governance.explain_sent_to_cio_rijk_on)
#       makes a location outside the EER acceptable; standard contractual clauses alone do not. The CISO's assessment
#       against the C2000 criteria a descriptor cannot show; the exclusion itself is checked by CB22-C2000. Data in
#       category hoog are not public, so ISO 27017 is always needed; ISO 27018 with personal data. The ISO demands the
#       checker checks against provider.certifications.
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
#     nl: publieke clouddiensten in cloudcategorie hoog
#     en: public cloud services in cloud category hoog
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2023-01-05"
#   waivable: true
package cloudbeleid.rules.cb22.ik_hoog

import data.cloudbeleid.lib.cb22
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i in cloud.public_clouds
	cb22.category_of[i] == "hoog"
}

# ISO 27017 because data in category hoog are never public; ISO 27018 only with personal data.
required(svc) := {"ISO27001", "ISO27017", "ISO27018"} if cloud.personal_data(svc)

required(svc) := {"ISO27001", "ISO27017"} if not cloud.personal_data(svc)

deny contains violation if {
	some i in subject
	svc := input.services[i]
	not cb22.explain_sent(svc)
	some location in service.transfers[i]
	params := {"country": location.country, "field": location.field, "reasons": cb22.hoog_reasons(svc)}
	violation := result.fail(i, location.path, "default", params)
}

deny contains violation if {
	some i in subject
	svc := input.services[i]
	some certification in required(svc)
	not certification in object.get(svc, ["provider", "certifications"], [])
	params := {"certification": certification, "reasons": cb22.hoog_reasons(svc)}
	violation := result.fail(i, ["provider", "certifications"], "certification", params)
}
