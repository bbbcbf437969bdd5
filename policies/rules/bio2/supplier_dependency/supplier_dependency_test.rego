package cloudbeleid.rules.bio2.supplier_dependency_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.supplier_dependency

saas(aspects) := build.saas({"assessments": {"risk_assessment": {"status": "approved", "aspects": aspects}}})

test_assessment_without_supplier_dependency_fails if {
	supplier_dependency.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "aspects"],
		"kind": "default",
		"params": {},
	}} with input.services as [saas(["continuity", "data_location"])]
}

test_missing_assessment_fails if {
	supplier_dependency.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "aspects"],
		"kind": "default",
		"params": {},
	}} with input.services as [{"service": {"deployment_model": "private_external"}}]
}

test_supplier_dependency_weighed_passes if {
	supplier_dependency.deny == set() with input.services as [saas(["supplier_dependency"])]
	supplier_dependency.subject == {0} with input.services as [saas(["supplier_dependency"])]
}

test_own_operation_is_not_a_subject if {
	supplier_dependency.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
