package cloudbeleid.rules.cb22.prescan_dpia_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.prescan_dpia

personal_data_in_public_cloud(assessments) := {
	"service": {"deployment_model": "public"},
	"data": {"personal_data": true},
	"assessments": assessments,
}

test_missing_prescan_fails if {
	prescan_dpia.deny == {{
		"service": 0,
		"path": ["assessments", "prescan_dpia", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded},
	}} with input.services as [personal_data_in_public_cloud({})]
		with input.as_of as "2026-01-01"
}

test_draft_prescan_fails if {
	svc := personal_data_in_public_cloud({"prescan_dpia": {"status": "draft"}})
	prescan_dpia.deny == {{
		"service": 0,
		"path": ["assessments", "prescan_dpia", "status"],
		"kind": "default",
		"params": {"status": "draft"},
	}} with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_prescan_approved_after_the_reference_date_fails if {
	svc := personal_data_in_public_cloud({"prescan_dpia": {"status": "approved", "date": "2026-03-01"}})
	prescan_dpia.deny == {{
		"service": 0,
		"path": ["assessments", "prescan_dpia", "date"],
		"kind": "future",
		"params": {"date": "2026-03-01", "as_of": "2026-01-01"},
	}} with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_approved_prescan_passes if {
	svc := personal_data_in_public_cloud({"prescan_dpia": {"status": "approved", "date": "2025-03-01"}})
	count(prescan_dpia.deny) == 0 with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_no_personal_data_is_not_a_subject if {
	svc := {"service": {"deployment_model": "public"}, "data": {"personal_data": false}}
	count(prescan_dpia.subject) == 0 with input.services as [svc]
}
