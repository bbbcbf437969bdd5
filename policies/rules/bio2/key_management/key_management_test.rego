package cloudbeleid.rules.bio2.key_management_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.key_management

saas(encryption) := build.saas({"encryption": encryption})

test_nothing_recorded_fails_on_both_parts if {
	key_management.deny == {
		{
			"service": 0,
			"path": ["encryption", "key_custody"],
			"kind": "default",
			"params": {},
		},
		{
			"service": 0,
			"path": ["encryption", "key_management_documented"],
			"kind": "undocumented",
			"params": {},
		},
	} with input.services as [{"service": {"deployment_model": "private_external"}}]
}

test_custody_without_documentation_fails if {
	key_management.deny == {{
		"service": 0,
		"path": ["encryption", "key_management_documented"],
		"kind": "undocumented",
		"params": {},
	}} with input.services as [saas({"key_custody": "provider"})]
}

test_documented_custody_passes if {
	svc := saas({"key_custody": "provider", "key_management_documented": true})
	key_management.deny == set() with input.services as [svc]
	key_management.subject == {0} with input.services as [svc]
}

test_own_data_centre_and_sovereign_cloud_fail_too if {
	# BIO2 concerns the system wherever it runs
	services := [{"service": {"deployment_model": "on_premise"}}, {"service": {"deployment_model": "government_dc"}}]
	key_management.subject == {0, 1} with input.services as services
	count(key_management.deny) > 1 with input.services as services
}
