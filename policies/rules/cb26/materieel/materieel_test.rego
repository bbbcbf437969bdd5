package cloudbeleid.rules.cb26.materieel_test

import data.cloudbeleid.rules.cb26.materieel

svc(service, facts) := {"service": object.union({"deployment_model": "public", "start_date": "2026-08-01"}, service), "data": facts}

run(s) := violations if {
	violations := materieel.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_undetermined_use_fails if {
	run(svc({}, {})) == {{"service": 0, "path": ["service", "materieel"], "kind": "default", "params": {}}}
}

test_materieel_without_a_reason_fails if {
	run(svc({"materieel": true}, {})) == {{"service": 0, "path": ["service", "materieel_reasons"], "kind": "no_reason", "params": {}}}
}

test_not_materieel_with_reasons_or_large_scale_personal_data_fails if {
	run(svc({"materieel": false, "materieel_reasons": ["primaire_taak"]}, {"personal_data": true, "large_scale": true})) == {
		{"service": 0, "path": ["service", "materieel"], "kind": "contradiction", "params": {"reasons": ["primaire_taak"]}},
		{"service": 0, "path": ["service", "materieel"], "kind": "large_scale", "params": {}},
	}
}

test_recorded_determination_passes if {
	run(svc({"materieel": true, "materieel_reasons": ["primaire_taak"]}, {})) == set()
	run(svc({"materieel": false}, {"personal_data": true, "large_scale": false})) == set()
	run(svc({"materieel_reasons": ["belangrijk_ondersteunend"]}, {})) == set()
}

test_existing_service_in_transition_and_own_dc_are_not_a_subject if {
	existing := svc({"start_date": "2025-01-01"}, {})
	materieel.subject == set() with input.services as [existing, svc({"deployment_model": "government_dc"}, {})]
		with input.as_of as "2026-11-28"
	materieel.subject == {0} with input.services as [existing]
		with input.as_of as "2030-07-03"
}
