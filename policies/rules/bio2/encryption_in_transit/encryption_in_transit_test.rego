package cloudbeleid.rules.bio2.encryption_in_transit_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.encryption_in_transit

saas(encryption) := build.saas({"encryption": encryption})

test_unencrypted_transport_fails if {
	encryption_in_transit.deny == {{
		"service": 0,
		"path": ["encryption", "in_transit"],
		"kind": "default",
		"params": {},
	}} with input.services as [saas({"at_rest": true, "in_transit": false})]
}

test_encrypted_transport_passes if {
	encryption_in_transit.deny == set() with input.services as [saas({"in_transit": true})]
	encryption_in_transit.subject == {0} with input.services as [saas({"in_transit": true})]
}

test_own_data_centre_and_sovereign_cloud_fail_too if {
	# BIO2 concerns the system wherever it runs
	services := [{"service": {"deployment_model": "on_premise"}}, {"service": {"deployment_model": "government_dc"}}]
	encryption_in_transit.subject == {0, 1} with input.services as services
	count(encryption_in_transit.deny) > 1 with input.services as services
}
