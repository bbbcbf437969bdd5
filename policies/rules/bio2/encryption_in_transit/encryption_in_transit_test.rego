package cloudbeleid.rules.bio2.encryption_in_transit_test

import data.cloudbeleid.rules.bio2.encryption_in_transit

saas(encryption) := {"service": {"deployment_model": "public"}, "encryption": encryption}

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

test_own_operation_is_not_a_subject if {
	encryption_in_transit.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
