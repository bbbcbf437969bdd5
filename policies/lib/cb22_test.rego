package cloudbeleid.lib.cb22_test

import data.cloudbeleid.lib.cb22

test_state_secret_nato_marking_and_high_threat_are_zeer_hoog if {
	cb22.category({"data": {"rubricering": "stg_confidentieel"}}) == "zeer_hoog"
	cb22.category({"data": {"rubricering": "ongerubriceerd", "nato_eu_marking": "restricted"}}) == "zeer_hoog"
	svc := {"data": {"rubricering": "stg_geheim", "nato_eu_marking": "secret", "threat_profile": "hoog"}}
	cb22.zeer_hoog_reasons(svc) == ["data.rubricering", "data.nato_eu_marking", "data.threat_profile"]
}

test_no_nato_marking_is_not_zeer_hoog if {
	cb22.zeer_hoog_reasons({"data": {"nato_eu_marking": "none"}}) == []
}

test_hoog_reasons_in_order if {
	svc := {"data": {
		"rubricering": "dep_vertrouwelijk",
		"special_categories": ["health"],
		"criminal_data": true,
		"biv": {"integriteit": "zeer_hoog", "vertrouwelijkheid": "hoog"},
		"threat_profile": "verhoogd",
	}}
	cb22.hoog_reasons(svc) == [
		"data.rubricering",
		"data.special_categories",
		"data.criminal_data",
		"data.biv.integriteit",
		"data.biv.vertrouwelijkheid",
		"data.threat_profile",
	]
	cb22.category(svc) == "hoog"
}

test_personal_data_and_unknown_data_are_midden if {
	cb22.category({"data": {"personal_data": true, "biv": {"vertrouwelijkheid": "laag"}}}) == "midden"
	cb22.category({"data": {"rubricering": "ongerubriceerd"}}) == "midden"
	cb22.category({}) == "midden"
	cb22.category({"data": {"biv": {"vertrouwelijkheid": "midden", "integriteit": "midden"}}}) == "midden"
}

test_public_data_is_laag if {
	cb22.category({"data": {"personal_data": false, "biv": {"vertrouwelijkheid": "laag"}}}) == "laag"
}

test_explain_sent_on_or_before_the_reference_date if {
	cb22.explain_sent({"governance": {"explain_sent_to_cio_rijk_on": "2026-01-01"}}) with input.as_of as "2026-01-01"
	not cb22.explain_sent({"governance": {"explain_sent_to_cio_rijk_on": "2026-01-02"}}) with input.as_of as "2026-01-01"
	not cb22.explain_sent({}) with input.as_of as "2026-01-01"
}
