# METADATA
# scope: package
# custom:
#   id: BIO2-8-21-04-ENCRYPTION-IN-TRANSIT
#   severity: high
#   title:
#     nl: Gegevens worden tijdens transport buiten het beheerste gebied versleuteld
#     en: Data are encrypted in transit outside the controlled area
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 8.21.04: gegevens die buiten het beheerste gebied worden getransporteerd, worden
#       versleuteld, bij voorkeur met middelen die het NBV van de AIVD adviseert. Bij een externe clouddienst gaat
#       het verkeer altijd buiten het eigen beheerste gebied.
#     en: >-
#       BIO2 government measure 8.21.04: data transported outside the controlled area are encrypted, preferably with
#       means the NBV of the AIVD advises. With an external cloud service, traffic always leaves the organisation's own
#       controlled area.
#   messages:
#     default:
#       nl: "De gegevens worden tijdens transport niet versleuteld (encryption.in_transit is niet true)."
#       en: "The data are not encrypted in transit (encryption.in_transit is not true)."
#   remediation:
#     nl: >-
#       Versleutel alle verkeer van en naar de clouddienst (bijvoorbeeld TLS volgens de ICT-beveiligingsrichtlijnen
#       van het NCSC, of door het NBV geadviseerde middelen) en leg dat vast met encryption.in_transit: true.
#     en: >-
#       Encrypt all traffic to and from the cloud service (for example TLS following the NCSC guidelines, or means
#       advised by the NBV) and record it with encryption.in_transit: true.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 8.21.04
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Bij transport van gegevens over draadloze verbindingen zoals wifi en bij bedrade verbindingen buiten
#         het gecontroleerd gebied worden gegevens versleuteld met uitzondering van metagegevens die
#         noodzakelijk zijn om het transport tot stand te laten komen. … waar mogelijk gebruik gemaakt van
#         encryptiemiddelen waarvoor de Unit Weerbaarheid van het NBV van de AIVD een positief inzetadvies heeft
#         afgegeven.
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Een zelfstandig bestuursorgaan draagt op de voet van de ter zake voor de Rijksdienst geldende voorschriften
#         zorg voor de nodige technische en organisatorische voorzieningen ter beveiliging van zijn gegevens tegen
#         verlies of aantasting en tegen onbevoegde kennisneming, wijziging en verstrekking van die gegevens.
#       status: verified
#     - document: BIO2 v1.3, inleiding (§21), kopie in de repository van MinBZK (HEAD 270c203, docs/inleiding/index.md)
#       section: Verplichting BIO (Cyberbeveiligingswet)
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         de BIO is via de Cbw verplicht voor alle organisaties die vallen onder de sector 'Overheid'.
#       status: verified
#     - document: Cyberbeveiligingswet (Kamerstuk 36 764), volgens secundaire bronnen in werking op 15 augustus 2026; de wettekst is niet ingezien
#       url: https://zoek.officielebekendmakingen.nl/kst-36764-3.html
#       status: secondary
#   interpretation:
#     nl: >-
#       Het onderzoek gaf van deze maatregel alleen een samenvatting, geen letterlijke tekst. De checker neemt aan dat
#       verkeer naar een externe clouddienst altijd buiten het beheerste gebied gaat. Welke middelen worden gebruikt
#       (de voorkeur voor NBV-geadviseerde middelen), ziet de checker niet. Dat art. 41 Kaderwet zbo de BIO2 ook voor
#       zbo's verplicht maakt, is de lezing van de checker.
#       De BIO2 gaat over informatiesystemen, niet alleen over externe leveranciers: de regel geldt voor elke
#       dienst, ook in een soevereine overheidscloud of een eigen datacentrum. Voor een essentiële of
#       belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is de BIO2 wettelijk verplicht
#       (BIO2-inleiding: 'de BIO is via de Cbw verplicht voor alle organisaties die vallen onder de sector
#       Overheid'); welke maatregelen in versie 1.3 grijs (buiten de Cbw-reikwijdte, 'verplichtende
#       zelfregulering') zijn gemarkeerd, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The research gave only a summary of this measure, not its wording. The checker assumes that traffic to an
#       external cloud service always leaves the controlled area. Which means are used (the preference for means
#       advised by the NBV) is beyond the checker. That art. 41 Kaderwet zbo makes BIO2 binding on zbo's too is the
#       checker's reading.
#       BIO2 concerns information systems, not only external suppliers: the rule applies to every service, a
#       sovereign government cloud or an own data centre included. For an essential or important entity under
#       the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory (BIO2 introduction: BIO is mandatory through the
#       Cbw for every organisation of the sector Overheid); which measures version 1.3 marks grey (outside the
#       Cbw's scope, 'binding self-regulation') is not visible in the copy that was read.
#   subject:
#     nl: >-
#       alle diensten, waar ze ook draaien (publieke cloud, soevereine overheidscloud of eigen datacentrum)
#     en: >-
#       every service, wherever it runs (public cloud, sovereign government cloud or own data centre)
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.encryption_in_transit

import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Every service: BIO2 concerns the system wherever it runs, not only a supplier's cloud.
subject contains i if some i, _ in input.services

deny contains result.fail(i, ["encryption", "in_transit"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["encryption", "in_transit"])
}
