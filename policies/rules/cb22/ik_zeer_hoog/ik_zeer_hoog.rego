# METADATA
# scope: package
# custom:
#   id: CB22-IK-ZEER-HOOG
#   severity: critical
#   title:
#     nl: "Categorie zeer hoog: onder geen enkele voorwaarde een publieke clouddienst (secundaire bron)"
#     en: "Category zeer hoog: no public cloud service under any condition (secondary source)"
#   description:
#     nl: >-
#       De cloudcategorieën van de risicoafweging cloudgebruik, zoals de IB & Privacy Quickscan van de Rijksdienst ze weergeeft (secundaire bron; het Implementatiekader zelf is niet gezien). Categorie zeer hoog: staatsgeheime informatie, NATO RESTRICTED of hoger, of een hoog dreigingsprofiel. Daarvoor mag onder geen enkele voorwaarde een publieke clouddienstverlener worden gebruikt; dat gaat verder dan het verbod op staatsgeheimen alleen.
#     en: >-
#       The cloud categories of the cloud risk assessment, as the Rijksdienst's IB & Privacy Quickscan renders them (secondary source; the Implementatiekader itself was not seen). Category zeer hoog: state-secret information, NATO RESTRICTED or higher, or a high threat profile. For it no public cloud provider may be used under any condition; that goes further than the ban on state secrets alone.
#   messages:
#     default:
#       nl: "Categorie zeer hoog ({reasons}) in een publieke cloud ({model})."
#       en: "Category zeer hoog ({reasons}) in a public cloud ({model})."
#   remediation:
#     nl: >-
#       Verwerk informatie in categorie zeer hoog (staatsgeheim, NATO RESTRICTED of hoger, of met een hoog
#       dreigingsprofiel) niet in een publieke cloud, maar in een overheidsdatacentrum of een andere daarvoor
#       goedgekeurde omgeving. Geen risicoacceptatie kan dit opheffen.
#     en: >-
#       Do not process information in category zeer hoog (state secret, NATO RESTRICTED or higher, or with a high
#       threat profile) in a public cloud; use a government data centre or another environment approved for it. No risk
#       acceptance can lift this.
#   sources:
#     - document: IB & Privacy Quickscan (Rijksdienst), toelichting cloudcategorie Zeer hoog, as reproduced in a public GitHub repository whose name the index did not resolve
#       quote: >-
#         Er mag onder geen enkele voorwaarde gebruik worden gemaakt van een publieke clouddienstverlener. …
#         Staatsgeheime informatie, NATO restricted of hoger, of een hoog dreigingsprofiel.
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
#       Zeer hoog is: rubricering Stg. Confidentieel, Geheim of Zeer Geheim, elke NAVO/EU-rubricering (RESTRICTED of
#       hoger), of dreigingsprofiel hoog (data.threat_profile). Publieke cloud is het implementatiemodel public of
#       hybrid. Staatsgeheimen en NAVO/EU CONFIDENTIAL en hoger meldt ook CB22-NO-STATE-SECRETS, op grond van de
#       Kamerbrief; deze regel voegt NATO RESTRICTED en het hoge dreigingsprofiel toe.
#       Art. 41 Kaderwet zbo: De categorie zeer hoog van het Implementatiekader is een methode van het
#       cloudbeleid (de tekst is niet gevonden); het deel dat wel een beveiligingsvoorschrift is, geen
#       staatsgeheimen in een publieke cloud (VIRBI), bindt een zbo via CB22-NO-STATE-SECRETS. Voor een zbo
#       geldt deze regel als advies, niet via art. 41 Kaderwet zbo. Art. 41 verplicht een zbo tot
#       beveiligingsmaatregelen 'op de voet van de ter zake voor de Rijksdienst geldende voorschriften'
#       (gegevens beschermd tegen verlies, onbevoegde kennisneming, wijziging en verstrekking); het is geen
#       route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de regering uit 2025 niet verplicht
#       hoeven te volgen. Een zbo met een beleidsregel van de minister (art. 21) blijft aan de hele regel
#       gebonden.
#     en: >-
#       Zeer hoog is: rubricering Stg. Confidentieel, Geheim or Zeer Geheim, any NATO/EU marking (RESTRICTED or higher),
#       or threat profile hoog (data.threat_profile). Public cloud is the deployment model public or hybrid. State
#       secrets and NATO/EU CONFIDENTIAL and above are also reported by CB22-NO-STATE-SECRETS, on the footing of the
#       Kamerbrief; this rule adds NATO RESTRICTED and the high threat profile.
#       Art. 41 Kaderwet zbo: The Implementatiekader's category zeer hoog is a method of the cloud policy (its
#       text was not found); the part that is a security rule, no state secrets in a public cloud (VIRBI), binds
#       a zbo through CB22-NO-STATE-SECRETS. For a zbo this rule is advice, not binding through art. 41 Kaderwet
#       zbo. Art. 41 obliges a zbo to security measures 'on the footing of the rules that apply to the
#       Rijksdienst in that matter' (data protected against loss, unauthorised access, change and disclosure);
#       it is no route for the whole cloud policy, which according to the government's 2025 answer zbo's are not
#       obliged to follow. A zbo with a ministerial beleidsregel (art. 21) stays bound to the whole rule.
#   subject:
#     nl: clouddiensten met informatie in cloudcategorie zeer hoog
#     en: cloud services with information in cloud category zeer hoog
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2023-01-05"
#   waivable: false
package cloudbeleid.rules.cb22.ik_zeer_hoog

import data.cloudbeleid.lib.cb22
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	cb22.category_of[i] == "zeer_hoog"
}

deny contains violation if {
	some i in subject
	svc := input.services[i]
	cloud.public_cloud(svc)
	params := {"reasons": cb22.zeer_hoog_reasons(svc), "model": svc.service.deployment_model}
	violation := result.fail(i, ["service", "deployment_model"], "default", params)
}
