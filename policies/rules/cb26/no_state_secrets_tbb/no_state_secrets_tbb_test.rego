package cloudbeleid.rules.cb26.no_state_secrets_tbb_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.no_state_secrets_tbb

svc(facts) := build.saas({"service": {"start_date": "2026-08-01"}, "data": facts})

run(s) := violations if {
	violations := no_state_secrets_tbb.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_state_secret_at_tbb_2_fails if {
	run(svc({"rubricering": "stg_geheim", "tbb_level": 2})) == {
		{"service": 0, "path": ["data", "rubricering"], "kind": "default", "params": {"level": "stg_geheim", "model": "public"}},
		{"service": 0, "path": ["data", "tbb_level"], "kind": "tbb", "params": {"level": 2, "model": "public"}},
	}
}

test_unclassified_data_in_a_tbb_3_process_fail if {
	run(svc({"rubricering": "ongerubriceerd", "tbb_level": 3})) == {{"service": 0, "path": ["data", "tbb_level"], "kind": "tbb", "params": {"level": 3, "model": "public"}}}
}

test_dep_vertrouwelijk_at_tbb_4_passes if {
	run(svc({"rubricering": "dep_vertrouwelijk", "tbb_level": 4})) == set()
}

test_no_tbb_level_is_not_shown if {
	run(svc({"rubricering": "ongerubriceerd"})) == {{"service": 0, "path": ["data", "tbb_level"], "kind": "not_shown", "params": {}}}
}

test_community_cloud_and_existing_service_are_not_a_subject if {
	community := {"service": {"deployment_model": "community"}, "data": {"tbb_level": 1}}
	existing := {"service": {"deployment_model": "public", "start_date": "2025-01-01"}, "data": {"tbb_level": 1}}
	no_state_secrets_tbb.subject == set() with input.services as [community, existing]
		with input.as_of as "2026-11-28"
}
