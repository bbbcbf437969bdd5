package cloudbeleid.rules.bio2.cloud_provider_policy_test

import data.cloudbeleid.rules.bio2.cloud_provider_policy

policy := {"name": "Ministerie", "type": "ministerie", "cloud_policy_ref": "DCB-2025"}

saas(assessed, changed) := {
	"service": {"deployment_model": "private_external", "last_significant_change": changed},
	"assessments": {"risk_assessment": {"status": "approved", "date": assessed}},
	"contract": {"termination_grounds": true},
}

run(svc, organisation) := violations if {
	violations := cloud_provider_policy.deny with input.services as [svc]
		with input.organisation as organisation
		with input.as_of as "2026-06-30"
}

test_no_cloud_policy_fails if {
	run(saas("2026-01-01", "2025-01-01"), {"name": "Ministerie", "type": "ministerie"}) == {{
		"service": 0,
		"path": ["organisation", "cloud_policy_ref"],
		"kind": "default",
		"params": {},
	}}
}

test_empty_reference_fails if {
	run(saas("2026-01-01", "2025-01-01"), object.union(policy, {"cloud_policy_ref": ""})) == {{
		"service": 0,
		"path": ["organisation", "cloud_policy_ref"],
		"kind": "default",
		"params": {},
	}}
}

test_policy_in_the_descriptor_passes if {
	svc := object.union(saas("2026-01-01", "2025-01-01"), {"organisation": {"cloud_policy_ref": "CB-ZBO-1"}})
	run(svc, {"name": "Zbo", "type": "zbo"}) == set()
}

test_no_termination_grounds_fails if {
	svc := object.union(saas("2026-01-01", "2025-01-01"), {"contract": {"termination_grounds": false}})
	run(svc, policy) == {{
		"service": 0,
		"path": ["contract", "termination_grounds"],
		"kind": "termination_grounds",
		"params": {},
	}}
}

test_change_after_the_risk_assessment_fails if {
	run(saas("2026-01-01", "2026-03-01"), policy) == {{
		"service": 0,
		"path": ["service", "last_significant_change"],
		"kind": "changed",
		"params": {"date": "2026-01-01", "changed": "2026-03-01"},
	}}
}

test_change_after_the_reference_date_passes if {
	run(saas("2026-01-01", "2026-07-01"), policy) == set()
	cloud_provider_policy.subject == {0} with input.services as [saas("2026-01-01", "2026-07-01")]
}

test_own_operation_is_not_a_subject if {
	cloud_provider_policy.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}

test_a_service_in_use_without_its_last_change_is_not_shown if {
	# unknown is not "no change"
	svc := json.remove(object.union(saas("2026-01-01", "2025-01-01"), {"service": {"status": "in_use"}}), ["service/last_significant_change"])
	run(svc, policy) == {{"service": 0, "path": ["service", "last_significant_change"], "kind": "not_shown", "params": {}}}
	planned := json.remove(object.union(svc, {"service": {"status": "planned"}}), ["service/last_significant_change"])
	run(planned, policy) == set()
}

test_a_change_without_a_dated_assessment_fails if {
	# a missing assessment is not one made after the change
	expected := {{"service": 0, "path": ["assessments", "risk_assessment", "date"], "kind": "unassessed", "params": {"changed": "2026-03-01"}}}
	run(json.remove(saas("2026-01-01", "2026-03-01"), ["assessments"]), policy) == expected
	run(json.remove(saas("2026-01-01", "2026-03-01"), ["assessments/risk_assessment/date"]), policy) == expected
}
