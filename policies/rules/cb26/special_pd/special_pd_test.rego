package cloudbeleid.rules.cb26.special_pd_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb26.special_pd

svc(facts, assessments) := {
	"service": {"deployment_model": "public", "start_date": "2026-08-01"},
	"data": object.union({"personal_data": true, "special_categories": ["religious_beliefs", "health"]}, facts),
	"assessments": assessments,
}

run(s) := violations if {
	violations := special_pd.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_no_dpia_and_no_pets_fail if {
	run(svc({}, {"prescan_dpia": {"status": "approved"}})) == {
		{"service": 0, "path": ["assessments", "dpia", "status"], "kind": "default", "params": {"categories": ["health", "religious_beliefs"], "status": service.unrecorded}},
		{"service": 0, "path": ["data", "privacy_enhancing_technologies"], "kind": "pets", "params": {"categories": ["health", "religious_beliefs"]}},
	}
}

test_dpia_and_pets_pass if {
	run(svc({"privacy_enhancing_technologies": true}, {"dpia": {"status": "approved"}})) == set()
}

test_no_special_categories_is_not_a_subject if {
	s := {"service": {"deployment_model": "public"}, "data": {"personal_data": true, "special_categories": []}}
	special_pd.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
