# METADATA
# scope: package
# custom:
#   id: BIO2-8-24-01-KEY-MANAGEMENT
#   severity: medium
#   title:
#     nl: Het cryptografiebeleid legt vast wie verantwoordelijk is voor het sleutelbeheer
#     en: The cryptography policy records who is responsible for key management
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 8.24.01: het cryptografiebeleid legt onder meer vast wie verantwoordelijk is voor het
#       sleutelbeheer. Bij een clouddienst is dat de vraag wie de sleutels beheert: de organisatie zelf, een
#       gecertificeerde derde of de leverancier.
#     en: >-
#       BIO2 government measure 8.24.01: the cryptography policy states, among other things, who is responsible for
#       key management. For a cloud service that is the question of who holds the keys: the organisation itself, a
#       certified third party or the provider.
#   messages:
#     default:
#       nl: "Niet vastgelegd wie de sleutels beheert (encryption.key_custody ontbreekt)."
#       en: "Who holds the keys is not recorded (encryption.key_custody is missing)."
#     undocumented:
#       nl: "Het cryptografiebeleid legt niet vast wie verantwoordelijk is voor het sleutelbeheer (encryption.key_management_documented is niet true)."
#       en: "The cryptography policy does not record who is responsible for key management (encryption.key_management_documented is not true)."
#   remediation:
#     nl: >-
#       Leg in het cryptografiebeleid vast wie verantwoordelijk is voor het sleutelbeheer van deze dienst, en noteer
#       wie de sleutels beheert (encryption.key_custody) en dat het is vastgelegd
#       (encryption.key_management_documented: true).
#     en: >-
#       Record in the cryptography policy who is responsible for the key management of this service, and note who
#       holds the keys (encryption.key_custody) and that it is recorded (encryption.key_management_documented: true).
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 8.24.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         In het cryptografiebeleid zijn minimaal de volgende onderwerpen uitgewerkt: … Wie verantwoordelijk is
#         voor het sleutelbeheer. …
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
#       De maatregel vraagt vastlegging, geen bepaalde sleutelbeheerder: elke waarde van encryption.key_custody
#       voldoet, ook de leverancier. Welke andere punten het cryptografiebeleid bevat, toetst de checker niet. Dat
#       art. 41 Kaderwet zbo de BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#       De BIO2 gaat over informatiesystemen, niet alleen over externe leveranciers: de regel geldt voor elke
#       dienst, ook in een soevereine overheidscloud of een eigen datacentrum. Voor een essentiële of
#       belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is de BIO2 wettelijk verplicht
#       (BIO2-inleiding: 'de BIO is via de Cbw verplicht voor alle organisaties die vallen onder de sector
#       Overheid'); welke maatregelen in versie 1.3 grijs (buiten de Cbw-reikwijdte, 'verplichtende
#       zelfregulering') zijn gemarkeerd, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The measure asks for the responsibility to be recorded, not for a particular key holder: any value of
#       encryption.key_custody will do, the provider included. The other points of the cryptography policy are not
#       checked. That art. 41 Kaderwet zbo makes BIO2 binding on zbo's too is the checker's reading.
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
package cloudbeleid.rules.bio2.key_management

import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Every service: BIO2 concerns the system wherever it runs, not only a supplier's cloud.
subject contains i if some i, _ in input.services

deny contains result.fail(i, ["encryption", "key_custody"], "default", {}) if {
	some i in subject
	not input.services[i].encryption.key_custody
}

deny contains result.fail(i, ["encryption", "key_management_documented"], "undocumented", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["encryption", "key_management_documented"])
}
