package cloudbeleid.rules.bio2.incident_transparency_test

import data.cloudbeleid.rules.bio2.incident_transparency

saas(contract) := {"service": {"deployment_model": "hybrid"}, "contract": contract}

test_contract_without_incident_notification_fails if {
	incident_transparency.deny == {{
		"service": 0,
		"path": ["contract", "incident_notification"],
		"kind": "default",
		"params": {},
	}} with input.services as [saas({"audit_rights": true})]
}

test_incident_notification_passes if {
	incident_transparency.deny == set() with input.services as [saas({"incident_notification": true})]
	incident_transparency.subject == {0} with input.services as [saas({"incident_notification": true})]
}

test_own_operation_is_not_a_subject if {
	incident_transparency.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
