package cloudbeleid.rules.cb22.ik_zeer_hoog_test

import data.cloudbeleid.rules.cb22.ik_zeer_hoog

service(model, classification) := {"service": {"deployment_model": model}, "data": classification}

test_nato_restricted_in_public_cloud_fails if {
	services := [service("public", {"rubricering": "dep_vertrouwelijk", "nato_eu_marking": "restricted"})]
	ik_zeer_hoog.deny == {{
		"service": 0,
		"path": ["service", "deployment_model"],
		"kind": "default",
		"params": {"reasons": ["data.nato_eu_marking"], "model": "public"},
	}} with input.services as services
}

test_high_threat_profile_in_hybrid_cloud_fails if {
	services := [service("hybrid", {"rubricering": "stg_geheim", "threat_profile": "hoog"})]
	ik_zeer_hoog.deny == {{
		"service": 0,
		"path": ["service", "deployment_model"],
		"kind": "default",
		"params": {"reasons": ["data.rubricering", "data.threat_profile"], "model": "hybrid"},
	}} with input.services as services
}

test_zeer_hoog_in_a_government_data_centre_passes if {
	services := [service("government_dc", {"nato_eu_marking": "restricted", "threat_profile": "hoog"})]
	count(ik_zeer_hoog.deny) == 0 with input.services as services
	ik_zeer_hoog.subject == {0} with input.services as services
}

test_lower_categories_are_not_subjects if {
	services := [service("public", {"rubricering": "dep_vertrouwelijk", "nato_eu_marking": "none", "threat_profile": "verhoogd"})]
	count(ik_zeer_hoog.subject) == 0 with input.services as services
}
