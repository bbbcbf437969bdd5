# Helpers shared by the CB22 rules: the cloud categories of the Implementatiekader Risicoafweging Cloudgebruik
# (laag, midden, hoog, zeer hoog), as reproduced by a secondary source (the Rijks IB&P Quickscan texts), and the
# explain to CIO Rijk.
package cloudbeleid.lib.cb22

import data.cloudbeleid.lib.cloud

state_secret_levels := {"stg_confidentieel", "stg_geheim", "stg_zeer_geheim"}

high_levels := {"hoog", "zeer_hoog"}

zeer_hoog_fields := ["data.rubricering", "data.nato_eu_marking", "data.threat_profile"]

hoog_fields := [
	"data.rubricering",
	"data.special_categories",
	"data.criminal_data",
	"data.biv.integriteit",
	"data.biv.vertrouwelijkheid",
	"data.threat_profile",
]

# Zeer hoog: staatsgeheime informatie, NATO/EU RESTRICTED or higher, or a high threat profile.
zeer_hoog_by(svc, field) if {
	field == "data.rubricering"
	svc.data.rubricering in state_secret_levels
}

zeer_hoog_by(svc, field) if {
	field == "data.nato_eu_marking"
	object.get(svc, ["data", "nato_eu_marking"], "none") != "none"
}

zeer_hoog_by(svc, field) if {
	field == "data.threat_profile"
	svc.data.threat_profile == "hoog"
}

# Hoog: Dep. Vertrouwelijk, (several categories of) special personal data, integrity or confidentiality hoog or
# zeer hoog, or a raised threat profile.
hoog_by(svc, field) if {
	field == "data.rubricering"
	svc.data.rubricering == "dep_vertrouwelijk"
}

hoog_by(svc, field) if {
	field == "data.special_categories"
	cloud.special_personal_data(svc)
}

hoog_by(svc, field) if {
	field == "data.criminal_data"
	svc.data.criminal_data == true
}

hoog_by(svc, field) if {
	field == "data.biv.integriteit"
	svc.data.biv.integriteit in high_levels
}

hoog_by(svc, field) if {
	field == "data.biv.vertrouwelijkheid"
	svc.data.biv.vertrouwelijkheid in high_levels
}

hoog_by(svc, field) if {
	field == "data.threat_profile"
	svc.data.threat_profile == "verhoogd"
}

# The fields that put a service in a category, in a fixed order.
zeer_hoog_reasons(svc) := [field | some field in zeer_hoog_fields; zeer_hoog_by(svc, field)]

hoog_reasons(svc) := [field | some field in hoog_fields; hoog_by(svc, field)]

# Laag: openbare data, read as confidentiality laag and no personal data.
openbaar(svc) if {
	svc.data.biv.vertrouwelijkheid == "laag"
	not declared_personal_data(svc)
}

# Personal data as the category laag reads them: declared, or special categories. Narrower than
# cloud.personal_data, which also counts criminal data (which make a service hoog before laag is considered) and
# the BSN: whether a BSN alone rules out laag is left open here, so the categories keep their reading.
declared_personal_data(svc) if svc.data.personal_data == true

declared_personal_data(svc) if cloud.special_personal_data(svc)

# Per service index, its category, computed once for the rules of all four categories.
category_of[i] := category(svc) if some i, svc in input.services

category(svc) := "zeer_hoog" if count(zeer_hoog_reasons(svc)) > 0

category(svc) := "hoog" if {
	count(zeer_hoog_reasons(svc)) == 0
	count(hoog_reasons(svc)) > 0
}

category(svc) := "laag" if {
	count(zeer_hoog_reasons(svc)) == 0
	count(hoog_reasons(svc)) == 0
	openbaar(svc)
}

category(svc) := "midden" if {
	count(zeer_hoog_reasons(svc)) == 0
	count(hoog_reasons(svc)) == 0
	not openbaar(svc)
}

# The explain (with at least the DPIA) was sent to CIO Rijk on or before the reference date.
explain_sent(svc) if svc.governance.explain_sent_to_cio_rijk_on <= input.as_of
