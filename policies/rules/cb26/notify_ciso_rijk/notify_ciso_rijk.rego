# METADATA
# scope: package
# custom:
#   id: CB26-NOTIFY-CISO-RIJK
#   severity: medium
#   title:
#     nl: Materieel cloudgebruik is vóór de implementatie gemeld aan CISO Rijk
#     en: Materieel cloud use was notified to CISO Rijk before implementation
#   description:
#     nl: >-
#       Materieel cloudgebruik wordt volgens het herziene cloudbeleid (2026) vóór de implementatie gemeld aan CISO
#       Rijk, bij voorkeur met de risicobeoordeling en het exitplan. CISO Rijk kan aanwijzingen geven.
#     en: >-
#       Under the revised cloud policy (2026) materieel cloud use is notified to CISO Rijk before implementation,
#       preferably with the risk assessment and the exit plan. CISO Rijk may issue directions.
#   messages:
#     default:
#       nl: "Dit materiële cloudgebruik is niet (op of vóór {as_of}) gemeld aan CISO Rijk (governance.ciso_rijk_notified_on)."
#       en: "This materieel cloud use has not been notified to CISO Rijk (on or before {as_of}) (governance.ciso_rijk_notified_on)."
#     late:
#       nl: "De melding aan CISO Rijk ({notified_on}) kwam niet vóór de ingangsdatum {start_date}."
#       en: "The notification to CISO Rijk ({notified_on}) did not come before the start date {start_date}."
#   remediation:
#     nl: >-
#       Meld het cloudgebruik vóór de implementatie bij CISO Rijk, bij voorkeur met risicobeoordeling en exitplan, en
#       leg de datum vast in governance.ciso_rijk_notified_on.
#     en: >-
#       Notify CISO Rijk of the cloud use before implementation, preferably with the risk assessment and exit plan, and
#       record the date in governance.ciso_rijk_notified_on.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         een melding aan CISO Rijk vóór de implementatie, en registratie van het gebruik … Meld materieel
#         cloudgebruik vooraf bij CISO Rijk. … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele
#         Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het
#         beleid, andere overheden krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn
#         van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: melding bij voorkeur met risicoanalyse en exitplan
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§3.3"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.3 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.3) komt uit een communitybron (ArcKit). 'Vóór de
#       implementatie' leest de checker als: governance.ciso_rijk_notified_on ligt op of vóór de peildatum en vóór
#       service.start_date (de ingangsdatum; zonder ingangsdatum alleen het eerste). De checker toetst in de fasen
#       implementatie en gebruik, niet bij een geplande dienst. Of de melding de risicobeoordeling en het exitplan
#       bevatte (bij voorkeur) en of CISO Rijk aanwijzingen gaf, toont de beschrijving niet. De samenvattingen
#       noemen de Rijksdienst; een zbo bindt de regel alleen met een beleidsregel of via art. 21a (zie hieronder). Overgang:
#       een melding vóór de implementatie kan niet met terugwerkende kracht, dus de regel geldt alleen voor nieuwe
#       diensten (service.start_date op of na 2026-07-03, of zonder ingangsdatum); een bestaande dienst is ook na de
#       overgangstermijn geen onderwerp.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.3) comes from a community source (ArcKit). 'Before
#       implementation' the checker reads as: governance.ciso_rijk_notified_on lies on or before the reference date and
#       before service.start_date (the start date; without one only the former). The checker checks at the
#       implementation and operation stages, not for a planned service. Whether the notification included the risk
#       assessment and exit plan (preferably) and whether CISO Rijk gave directions the descriptor does not show. The
#       summaries name the Rijksdienst; it binds a zbo only with a beleidsregel or through art. 21a (see below).
#       Transition: notification before implementation cannot be made retroactively, so the rule applies only to new
#       services (service.start_date on or after 2026-07-03, or none); an existing service is not a subject, also
#       after the transition period.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: nieuwe materiële clouddiensten van een externe leverancier (ingangsdatum op of na 2026-07-03)
#     en: new materieel cloud services of an external supplier (start date on or after 2026-07-03)
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.notify_ciso_rijk

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["governance", "ciso_rijk_notified_on"]

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cloud.materieel(svc)
	not cb26.existing(svc)
}

notified(svc) if svc.governance.ciso_rijk_notified_on <= input.as_of

deny contains result.fail(i, path, "default", {"as_of": input.as_of}) if {
	some i in subject
	not notified(input.services[i])
}

deny contains result.fail(i, path, "late", {"notified_on": notified_on, "start_date": start_date}) if {
	some i in subject
	svc := input.services[i]
	notified(svc)
	notified_on := svc.governance.ciso_rijk_notified_on
	start_date := svc.service.start_date
	notified_on >= start_date
}
