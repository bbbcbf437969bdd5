package cloudbeleid.rules.cb26.dpia_dtia_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb26.dpia_dtia

svc(assessments, hosting) := {
	"service": {"deployment_model": "public", "materieel": true, "start_date": "2026-08-01"},
	"provider": {"name": "Contoso"},
	"data": {"personal_data": true},
	"hosting": hosting,
	"assessments": assessments,
}

in_nl := {"storage_locations": ["NL"], "processing_locations": ["NL"]}

run(s) := violations if {
	violations := dpia_dtia.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_missing_prescan_fails if {
	run(svc({"prescan_dpia": {"status": "draft"}, "dpia": {"required": false}}, in_nl)) == {{
		"service": 0,
		"path": ["assessments", "prescan_dpia", "status"],
		"kind": "default",
		"params": {"status": "draft"},
	}}
}

test_required_dpia_not_approved_fails if {
	run(svc({"prescan_dpia": {"status": "approved"}, "dpia": {"required": true, "status": "draft"}}, in_nl)) == {{
		"service": 0,
		"path": ["assessments", "dpia", "status"],
		"kind": "dpia",
		"params": {"status": "draft"},
	}}
}

test_transfer_without_adequacy_and_without_dtia_fails if {
	hosting := {"storage_locations": ["NL", "CH"], "processing_locations": ["NL"], "support_access_locations": ["US", "IN"]}
	run(svc({"prescan_dpia": {"status": "approved"}, "dpia": {"required": false}}, hosting)) == {
		{"service": 0, "path": ["hosting", "support_access_locations", 0], "kind": "dtia", "params": {"country": "US", "field": "support_access_locations", "status": service.unrecorded}},
		{"service": 0, "path": ["hosting", "support_access_locations", 1], "kind": "dtia", "params": {"country": "IN", "field": "support_access_locations", "status": service.unrecorded}},
	}
}

test_full_dpia_and_dtia_pass if {
	hosting := {"storage_locations": ["NL"], "processing_locations": ["NL"], "support_access_locations": ["IN"]}
	run(svc({"dpia": {"required": true, "status": "approved"}, "dtia": {"status": "approved"}}, hosting)) == set()
	run(svc({"prescan_dpia": {"status": "approved"}, "dpia": {"required": false}}, in_nl)) == set()
}

test_unknown_dpia_requirement_is_not_shown if {
	# unknown is not "no DPIA needed"; an approved DPIA settles the question
	expected := {{"service": 0, "path": ["assessments", "dpia", "required"], "kind": "not_shown", "params": {}}}
	run(svc({"prescan_dpia": {"status": "approved"}}, in_nl)) == expected
	run(svc({"prescan_dpia": {"status": "approved"}, "dpia": {"status": "draft"}}, in_nl)) == expected
	run(svc({"dpia": {"status": "approved"}}, in_nl)) == set()
}

test_no_personal_data_is_not_a_subject if {
	s := object.union(svc({}, in_nl), {"data": {"personal_data": false}})
	dpia_dtia.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
