package cloudbeleid.rules.kamer_2025.weigh_public_values_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.kamer_2025.weigh_public_values

saas(aspects) := build.saas({"assessments": {"risk_assessment": {"aspects": aspects}}})

test_assessment_without_public_values_fails if {
	weigh_public_values.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "aspects"],
		"kind": "default",
		"params": {"missing": ["public_values"]},
	}} with input.services as [saas(["national_security", "continuity", "data_location"])]
}

test_missing_assessment_fails_on_all_three if {
	weigh_public_values.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "aspects"],
		"kind": "default",
		"params": {"missing": ["continuity", "national_security", "public_values"]},
	}} with input.services as [{"service": {"deployment_model": "community"}}]
}

test_all_three_weighed_passes if {
	svc := saas(["public_values", "continuity", "national_security"])
	weigh_public_values.deny == set() with input.services as [svc]
	weigh_public_values.subject == {0} with input.services as [svc]
}

test_own_operation_is_not_a_subject if {
	weigh_public_values.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
