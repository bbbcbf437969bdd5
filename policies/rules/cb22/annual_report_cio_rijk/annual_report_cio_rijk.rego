# METADATA
# scope: package
# custom:
#   id: CB22-ANNUAL-REPORT-CIO-RIJK
#   severity: medium
#   title:
#     nl: Publiek cloudgebruik staat in de jaarrapportage aan CIO Rijk over het vorige jaar
#     en: Public cloud use appears in the annual report to CIO Rijk on the previous year
#   description:
#     nl: >-
#       Over het gebruik van publieke clouddiensten wordt jaarlijks aan CIO Rijk gerapporteerd. Een dienst die langer dan een verslagjaar in gebruik is, hoort in de rapportage over het vorige kalenderjaar.
#     en: >-
#       The use of public cloud services is reported to CIO Rijk every year. A service in use for more than a reporting year belongs in the report on the previous calendar year.
#   messages:
#     default:
#       nl: "De dienst is sinds {start_date} in gebruik maar staat niet in de jaarrapportage aan CIO Rijk over {year}."
#       en: "The service has been in use since {start_date} but is not in the annual report to CIO Rijk on {year}."
#   remediation:
#     nl: >-
#       Een onderdeel van de Rijksdienst neemt de dienst op in de jaarlijkse rapportage over publiek
#       cloudgebruik aan CIO Rijk en voegt het verslagjaar toe aan governance.annual_reports_cio_rijk. Een zbo
#       rapporteert niet aan CIO Rijk: volgt hij het beleid, dan legt hij verantwoording af aan zijn eigen
#       minister, zoals een beleidsregel (art. 21 Kaderwet zbo) of de afspraken met het departement bepalen; leg
#       dat verslagjaar in hetzelfde veld vast.
#     en: >-
#       A unit of the Rijksdienst includes the service in the annual report on public cloud use to CIO Rijk and
#       adds the reporting year to governance.annual_reports_cio_rijk. A zbo does not report to CIO Rijk: where
#       it follows the policy, it answers to its own minister as a beleidsregel (art. 21 Kaderwet zbo) or the
#       arrangements with the ministry provide; record that reporting year in the same field.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: Jaarlijkse rapportage over het gebruik van public clouddiensten aan CIO Rijk.
#       status: secondary
#     - document: dpia.nu, 'DPIA krijgt prominente plek in Rijksbrede cloudbeleid 2022' (quoting Kamerstuk 26 643, nr. 904)
#       url: https://www.dpia.nu/redactie/dpia-krijgt-prominente-plek-in-rijksbrede-cloudbeleid-2022
#       quote: CIO Rijk gebruikt deze als aanvulling op de jaarlijkse rapportages
#       status: secondary
#   interpretation:
#     nl: >-
#       De bron noemt geen verslagperiode of termijn. De checker neemt het kalenderjaar als verslagjaar: een publieke
#       clouddienst die op de peildatum meer dan twaalf maanden in gebruik is (service.start_date, status in gebruik
#       of in uitfasering), moet voorkomen in governance.annual_reports_cio_rijk met het jaar vóór dat van de
#       peildatum. Zo'n dienst was in dat jaar in gebruik. De checker verwacht die rapportage vanaf 1 januari; een
#       dienst zonder ingangsdatum toetst hij niet.
#     en: >-
#       The source names no reporting period or deadline. The checker takes the calendar year as the reporting year: a
#       public cloud service in use for more than twelve months on the reference date (service.start_date, status in
#       use or exiting) must appear in governance.annual_reports_cio_rijk with the year before that of the reference
#       date. Such a service was in use in that year. The checker expects that report from 1 January; a service without
#       a start date it does not check.
#   subject:
#     nl: publieke clouddiensten die op de peildatum meer dan twaalf maanden in gebruik zijn
#     en: public cloud services in use for more than twelve months on the reference date
#   applies_to: [cloudbeleid]
#   stages: [operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.annual_report_cio_rijk

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

in_use := {"in_use", "exiting"}

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	svc.service.status in in_use
	dates.older_than_months(svc.service.start_date, input.as_of, 12)
}

deny contains result.fail(i, ["governance", "annual_reports_cio_rijk"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not dates.previous_year in object.get(svc, ["governance", "annual_reports_cio_rijk"], [])
	params := {"year": dates.previous_year, "start_date": svc.service.start_date}
}
