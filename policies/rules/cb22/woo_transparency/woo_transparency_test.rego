package cloudbeleid.rules.cb22.woo_transparency_test

import data.cloudbeleid.rules.cb22.woo_transparency

service(model, status, governance) := {
	"service": {"deployment_model": model, "status": status},
	"governance": governance,
}

test_unpublished_decision_fails if {
	woo_transparency.deny == {{
		"service": 0,
		"path": ["governance", "woo_published"],
		"kind": "default",
		"params": {},
	}} with input.services as [service("public", "in_use", {"woo_published": false})]
}

test_missing_governance_fails if {
	svc := {"service": {"deployment_model": "hybrid", "status": "exiting"}}
	count(woo_transparency.deny) == 1 with input.services as [svc]
}

test_published_decision_passes if {
	services := [service("public", "migrating", {"woo_published": true})]
	count(woo_transparency.deny) == 0 with input.services as services
	woo_transparency.subject == {0} with input.services as services
}

test_planned_or_private_service_is_not_a_subject if {
	services := [service("public", "planned", {}), service("government_dc", "in_use", {})]
	count(woo_transparency.subject) == 0 with input.services as services
}
