package cloudbeleid.rules.cb26.key_custody_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.key_custody

svc(enc) := build.saas({"service": {"start_date": "2026-08-01"}, "data": {"personal_data": true}, "encryption": enc})

run(s) := violations if {
	violations := key_custody.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_keys_with_the_provider_fail if {
	run(svc({"key_custody": "provider"})) == {{"service": 0, "path": ["encryption", "key_custody"], "kind": "default", "params": {}}}
}

test_unknown_key_custody_fails if {
	run(svc({})) == {{"service": 0, "path": ["encryption", "key_custody"], "kind": "unknown", "params": {}}}
}

test_own_or_third_party_keys_pass if {
	run(svc({"key_custody": "customer"})) == set()
	run(svc({"key_custody": "certified_third_party"})) == set()
}

test_public_data_are_not_a_subject if {
	s := {"service": {"deployment_model": "public"}, "data": {"biv": {"vertrouwelijkheid": "laag"}}}
	key_custody.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
