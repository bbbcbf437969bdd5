# METADATA
# scope: package
# custom:
#   id: CB26-REGISTER
#   severity: medium
#   title:
#     nl: Materieel cloudgebruik is geregistreerd en staat in de jaarrapportage aan CIO Rijk
#     en: Materieel cloud use is registered and included in the annual report to CIO Rijk
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) vraagt dat materieel cloudgebruik wordt geregistreerd ('gekend gebruik') en,
#       met de gekozen leverancier, wordt opgenomen in de jaarlijkse rapportage aan CIO Rijk.
#     en: >-
#       The revised cloud policy (2026) requires that materieel cloud use is registered ('known use') and included,
#       with the chosen provider, in the annual report to CIO Rijk.
#   messages:
#     default:
#       nl: "Dit materiële cloudgebruik is niet geregistreerd (governance.registered_in_cloud_register)."
#       en: "This materieel cloud use is not registered (governance.registered_in_cloud_register)."
#     annual_report:
#       nl: "De dienst is sinds {start_date} in gebruik, maar staat niet in de jaarrapportage aan CIO Rijk over {year} (governance.annual_reports_cio_rijk)."
#       en: "The service has been in use since {start_date}, but is missing from the annual report to CIO Rijk for {year} (governance.annual_reports_cio_rijk)."
#   remediation:
#     nl: >-
#       Registreer het cloudgebruik (governance.registered_in_cloud_register: true) en neem de dienst met de gekozen
#       leverancier op in de jaarrapportage aan CIO Rijk (governance.annual_reports_cio_rijk).
#     en: >-
#       Register the cloud use (governance.registered_in_cloud_register: true) and include the service with the chosen
#       provider in the annual report to CIO Rijk (governance.annual_reports_cio_rijk).
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         een melding aan CISO Rijk vóór de implementatie, en registratie van het gebruik … De Herziening
#         Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en
#         Defensie. Zelfstandige bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te
#         doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf
#         maanden zijn.
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§3.4 (gekend gebruik, jaarrapportage aan CIO Rijk)"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.4 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.4) komt uit een communitybron (ArcKit). Het onderzoek
#       spreekt van materieel publiek cloudgebruik; de samenvatting van MinBZK noemt de registratie voor alle materiële
#       clouddiensten, en zo leest de checker haar (clouddiensten van een externe leverancier). De jaarrapportage leest
#       de checker zoals CB22-ANNUAL-REPORT-CIO-RIJK: een dienst die op de peildatum meer dan twaalf maanden in gebruik
#       is (status in gebruik of in uitfasering), staat in governance.annual_reports_cio_rijk met het jaar vóór dat van
#       de peildatum. Of de rapportage de leverancier noemt, toont de beschrijving niet. De samenvattingen noemen de
#       Rijksdienst; een zbo bindt de regel alleen met een beleidsregel of via art. 21a (zie hieronder). Overgang: een
#       bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde
#       van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire
#       bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de
#       regel: de verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.4) comes from a community source (ArcKit). The research speaks
#       of materieel public cloud use; the MinBZK summary names registration for all materieel cloud services, and so
#       the checker reads it (cloud services of an external supplier). The annual report the checker reads as
#       CB22-ANNUAL-REPORT-CIO-RIJK does: a service in use for more than twelve months on the reference date (status in
#       use or exiting) appears in governance.annual_reports_cio_rijk with the year before that of the reference date.
#       Whether the report names the provider the descriptor does not show. The summaries name the Rijksdienst; it binds a zbo only with a beleidsregel or through art. 21a (see below). Transition: an existing service
#       (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that
#       began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of the rule: a finding's enforcement
#       follows from the rule's metadata and cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: materieel cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.register

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

in_use := {"in_use", "exiting"}

subject contains i if {
	some i, svc in input.services
	cb26.materieel_in_force(svc)
}

deny contains result.fail(i, ["governance", "registered_in_cloud_register"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["governance", "registered_in_cloud_register"])
}

deny contains violation if {
	some i in subject
	svc := input.services[i]
	svc.service.status in in_use
	dates.older_than_months(svc.service.start_date, input.as_of, 12)
	not dates.previous_year in object.get(svc, ["governance", "annual_reports_cio_rijk"], [])
	params := {"year": dates.previous_year, "start_date": svc.service.start_date}
	violation := result.fail(i, ["governance", "annual_reports_cio_rijk"], "annual_report", params)
}
