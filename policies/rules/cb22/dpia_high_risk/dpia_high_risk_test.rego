package cloudbeleid.rules.cb22.dpia_high_risk_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.dpia_high_risk

public_service(gegevens, dpia) := {
	"service": {"deployment_model": "public"},
	"data": gegevens,
	"assessments": {"dpia": dpia},
}

run(svc) := violations if {
	violations := dpia_high_risk.deny with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_large_scale_special_categories_without_a_dpia_fail if {
	svc := object.remove(public_service({"personal_data": true, "special_categories": ["health"], "large_scale": true}, {}), ["assessments"])
	run(svc) == {{
		"service": 0,
		"path": ["assessments", "dpia", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded, "reasons": ["data.large_scale+data.special_categories"]},
	}}
}

test_every_ground_is_named_and_a_draft_fails if {
	gegevens := {"personal_data": true, "special_categories": ["health"], "criminal_data": true, "large_scale": true, "bsn": true}
	run(public_service(gegevens, {"required": true, "status": "draft"})) == {{
		"service": 0,
		"path": ["assessments", "dpia", "status"],
		"kind": "default",
		"params": {
			"status": "draft",
			"reasons": ["assessments.dpia.required", "data.large_scale+data.special_categories", "data.large_scale+data.criminal_data", "data.large_scale+data.bsn"],
		},
	}}
}

test_required_false_does_not_lift_criminal_data_and_fails if {
	svc := public_service({"personal_data": true, "criminal_data": true, "large_scale": true}, {"required": false})
	run(svc) == {{
		"service": 0,
		"path": ["assessments", "dpia", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded, "reasons": ["data.large_scale+data.criminal_data"]},
	}}
}

test_dpia_approved_after_the_reference_date_fails if {
	svc := public_service({"personal_data": true, "large_scale": true, "bsn": true}, {"status": "approved", "date": "2026-02-01"})
	run(svc) == {{
		"service": 0,
		"path": ["assessments", "dpia", "date"],
		"kind": "future",
		"params": {"date": "2026-02-01", "as_of": "2026-01-01"},
	}}
}

test_approved_dpia_passes if {
	svc := public_service({"personal_data": true, "special_categories": ["health"], "large_scale": true}, {"required": true, "status": "approved", "date": "2025-06-01"})
	count(run(svc)) == 0
	dpia_high_risk.subject == {0} with input.services as [svc]
}

test_ordinary_personal_data_or_bsn_alone_is_not_a_subject if {
	ordinary := public_service({"personal_data": true, "bsn": true, "large_scale": false}, {"required": false})
	own_dc := object.union(public_service({"personal_data": true, "special_categories": ["health"]}, {}), {"service": {"deployment_model": "on_premise"}})
	small_scale_health := public_service({"personal_data": true, "special_categories": ["health"]}, {})
	count(dpia_high_risk.subject) == 0 with input.services as [ordinary, own_dc, small_scale_health]
}
