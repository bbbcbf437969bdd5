package cloudbeleid.rules.cb26.encryption_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.encryption

svc(enc, facts) := build.saas({"service": {"start_date": "2026-08-01"}, "data": facts, "encryption": enc})

run(s) := violations if {
	violations := encryption.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_unencrypted_data_fail if {
	run(svc({"in_transit": true}, {"personal_data": true})) == {{"service": 0, "path": ["encryption", "at_rest"], "kind": "at_rest", "params": {"field": "encryption.at_rest"}}}
	run(svc({"at_rest": true, "in_transit": false}, {})) == {{"service": 0, "path": ["encryption", "in_transit"], "kind": "in_transit", "params": {"field": "encryption.in_transit"}}}
}

test_encrypted_data_pass if {
	run(svc({"at_rest": true, "in_transit": true}, {"biv": {"vertrouwelijkheid": "hoog"}})) == set()
}

test_public_data_are_not_a_subject if {
	encryption.subject == set() with input.services as [svc({}, {"biv": {"vertrouwelijkheid": "laag"}, "personal_data": false})]
		with input.as_of as "2026-11-28"
}
