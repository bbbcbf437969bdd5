package cloudbeleid.rules.avg.dpia_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.avg.dpia

run(svc) := violations if {
	violations := dpia.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
}

missing(status, reasons) := {
	"service": 0,
	"path": ["assessments", "dpia", "status"],
	"kind": "default",
	"params": {"status": status, "reasons": reasons},
}

test_large_scale_health_data_without_dpia_fails if {
	svc := {"data": {"personal_data": true, "special_categories": ["health"], "large_scale": true}}
	run(svc) == {missing(service.unrecorded, ["data.large_scale+data.special_categories"])}
}

test_special_or_criminal_data_alone_are_not_large_scale_and_pass if {
	# art. 35(3)(b) names them only for large-scale processing
	svcs := [{"data": {"special_categories": ["health"]}}, {"data": {"criminal_data": true, "large_scale": false}}]
	count(dpia.subject) == 0 with input.services as svcs
}

test_every_sign_is_named_in_order_and_a_draft_fails if {
	svc := {
		"data": {"personal_data": true, "special_categories": ["biometric"], "criminal_data": true, "large_scale": true, "bsn": true},
		"assessments": {"dpia": {"required": true, "status": "draft"}},
	}
	run(svc) == {missing("draft", ["assessments.dpia.required", "data.large_scale+data.special_categories", "data.large_scale+data.criminal_data", "data.large_scale+data.bsn"])}
}

test_dpia_approved_after_the_reference_date_fails if {
	svc := {"data": {"criminal_data": true, "large_scale": true}, "assessments": {"dpia": {"status": "approved", "date": "2026-07-01"}}}
	run(svc) == {{
		"service": 0,
		"path": ["assessments", "dpia", "date"],
		"kind": "future",
		"params": {"date": "2026-07-01", "as_of": "2026-06-30"},
	}}
}

test_approved_dpia_passes if {
	svc := {"data": {"large_scale": true, "bsn": true}, "assessments": {"dpia": {"status": "approved", "date": "2026-06-30"}}}
	count(run(svc)) == 0
	dpia.subject == {0} with input.services as [svc]
}

test_ordinary_personal_data_are_not_a_subject if {
	svcs := [
		{"data": {"personal_data": true, "bsn": true, "large_scale": false}},
		{"data": {"personal_data": true, "large_scale": true}, "assessments": {"dpia": {"required": false}}},
		{},
	]
	count(dpia.subject) == 0 with input.services as svcs
	count(dpia.deny) == 0 with input.services as svcs
		with input.as_of as "2026-06-30"
}
