package cloudbeleid.rules.cb22.dept_cloud_policy_test

import data.cloudbeleid.rules.cb22.dept_cloud_policy

public_service := {"service": {"deployment_model": "public"}}

test_no_policy_reference_fails if {
	dept_cloud_policy.deny == {{
		"service": 0,
		"path": ["organisation", "cloud_policy_ref"],
		"kind": "default",
		"params": {},
	}} with input.services as [public_service]
		with input.organisation as {"name": "x", "type": "ministerie"}
}

test_empty_reference_in_the_descriptor_fails if {
	svc := object.union(public_service, {"organisation": {"cloud_policy_ref": ""}})
	count(dept_cloud_policy.deny) == 1 with input.services as [svc]
		with input.organisation as {"name": "x", "type": "ministerie", "cloud_policy_ref": "CB-2024"}
}

test_reference_in_the_profile_or_the_descriptor_passes if {
	count(dept_cloud_policy.deny) == 0 with input.services as [public_service]
		with input.organisation as {"name": "x", "type": "ministerie", "cloud_policy_ref": "CB-2024"}
	svc := object.union(public_service, {"organisation": {"cloud_policy_ref": "CB-2024"}})
	count(dept_cloud_policy.deny) == 0 with input.services as [svc]
		with input.organisation as {"name": "x", "type": "agentschap"}
}

test_own_data_centre_is_not_a_subject if {
	count(dept_cloud_policy.subject) == 0 with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
