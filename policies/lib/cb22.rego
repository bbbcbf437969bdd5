# Helpers shared by the CB22 rules: the cloud categories of the Implementatiekader Risicoafweging Cloudgebruik
# (laag, midden, hoog, zeer hoog), as reproduced by a secondary source (the Rijks IB&P Quickscan texts), and the
# explain to CIO Rijk.
package cloudbeleid.lib.cb22

import data.cloudbeleid.lib.cloud

state_secret_levels := {"stg_confidentieel", "stg_geheim", "stg_zeer_geheim"}

high_levels := {"hoog", "zeer_hoog"}

# The fields that put a service in a category, in a fixed order, each beside its test (a function with a body per
# field, asked for each field, evaluated every body each time: most of what the categories cost regorus).
#
# Zeer hoog: staatsgeheime informatie, NATO/EU RESTRICTED or higher, or a high threat profile.
zeer_hoog_reasons(svc) := [field |
	data_of := object.get(svc, "data", {})
	some [field, hit] in [
		["data.rubricering", object.get(data_of, "rubricering", null) in state_secret_levels],
		["data.nato_eu_marking", object.get(data_of, "nato_eu_marking", "none") != "none"],
		["data.threat_profile", object.get(data_of, "threat_profile", null) == "hoog"],
	]
	hit
]

# Hoog: Dep. Vertrouwelijk, (several categories of) special personal data, integrity or confidentiality hoog or
# zeer hoog, or a raised threat profile.
hoog_reasons(svc) := [field |
	data_of := object.get(svc, "data", {})
	some [field, hit] in [
		["data.rubricering", object.get(data_of, "rubricering", null) == "dep_vertrouwelijk"],
		["data.special_categories", count(object.get(data_of, "special_categories", [])) > 0],
		["data.criminal_data", object.get(data_of, "criminal_data", null) == true],
		["data.biv.integriteit", object.get(data_of, ["biv", "integriteit"], null) in high_levels],
		["data.biv.vertrouwelijkheid", object.get(data_of, ["biv", "vertrouwelijkheid"], null) in high_levels],
		["data.threat_profile", object.get(data_of, "threat_profile", null) == "verhoogd"],
	]
	hit
]

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

# Each list of reasons computed once (not again in each category's body).
category(svc) := category_by(zeer_hoog_reasons(svc), hoog_reasons(svc), svc)

category_by(zeer_hoog, _, _) := "zeer_hoog" if count(zeer_hoog) > 0

category_by(zeer_hoog, hoog, _) := "hoog" if {
	count(zeer_hoog) == 0
	count(hoog) > 0
}

category_by(zeer_hoog, hoog, svc) := "laag" if {
	count(zeer_hoog) == 0
	count(hoog) == 0
	openbaar(svc)
}

category_by(zeer_hoog, hoog, svc) := "midden" if {
	count(zeer_hoog) == 0
	count(hoog) == 0
	not openbaar(svc)
}

# The explain (with at least the DPIA) was sent to CIO Rijk on or before the reference date.
explain_sent(svc) if svc.governance.explain_sent_to_cio_rijk_on <= input.as_of
