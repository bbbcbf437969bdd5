package cloudbeleid.rules.cb22.no_state_secrets_test

import data.cloudbeleid.rules.cb22.no_state_secrets

service(model, classification) := {"service": {"deployment_model": model}, "data": classification}

test_state_secret_in_public_cloud_fails if {
	services := [service("public", {"rubricering": "stg_geheim"})]
	no_state_secrets.deny == {{
		"service": 0,
		"path": ["data", "rubricering"],
		"kind": "default",
		"params": {"level": "stg_geheim", "model": "public"},
	}} with input.services as services
}

test_nato_confidential_in_hybrid_cloud_fails if {
	services := [service("hybrid", {"rubricering": "ongerubriceerd", "nato_eu_marking": "confidential"})]
	no_state_secrets.deny == {{
		"service": 0,
		"path": ["data", "nato_eu_marking"],
		"kind": "nato",
		"params": {"level": "confidential", "model": "hybrid"},
	}} with input.services as services
}

test_departementaal_vertrouwelijk_in_public_cloud_passes if {
	services := [service("public", {"rubricering": "dep_vertrouwelijk", "nato_eu_marking": "restricted"})]
	count(no_state_secrets.deny) == 0 with input.services as services
	no_state_secrets.subject == {0} with input.services as services
}

test_state_secret_outside_public_cloud_is_not_a_subject if {
	services := [service("government_dc", {"rubricering": "stg_zeer_geheim"})]
	count(no_state_secrets.deny) == 0 with input.services as services
	count(no_state_secrets.subject) == 0 with input.services as services
}
