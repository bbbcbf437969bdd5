package cloudbeleid.lib.assessment_test

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.service

approved_in_future := {"assessments": {"dpia": {"status": "approved", "date": "2026-03-01"}}, "service": {"last_significant_change": "2026-02-01"}}

test_status_is_the_recorded_one_or_unrecorded if {
	assessment.status(approved_in_future, "dpia") == "approved"
	assessment.status({}, "dpia") == service.unrecorded
}

test_an_approval_dated_after_the_reference_date_is_a_future_violation if {
	v := assessment.approved_after_reference(0, "dpia") with input as {"as_of": "2026-01-01", "services": [approved_in_future]}
	v == {"service": 0, "path": ["assessments", "dpia", "date"], "kind": "future", "params": {"date": "2026-03-01", "as_of": "2026-01-01"}}
	not assessment.approved_after_reference(0, "dpia") with input as {"as_of": "2026-03-01", "services": [approved_in_future]}
}

test_a_change_after_the_assessment_counts_once_it_happened if {
	svc := {"assessments": {"risk_assessment": {"date": "2026-01-01"}}, "service": {"last_significant_change": "2026-02-01"}}
	assessment.changed_after(svc, "risk_assessment") == {"date": "2026-01-01", "changed": "2026-02-01"} with input.as_of as "2026-02-01"
	not assessment.changed_after(svc, "risk_assessment") with input.as_of as "2026-01-31"
}

test_dpia_grounds_in_their_fixed_order if {
	svc := {"assessments": {"dpia": {"required": true}}, "data": {"large_scale": true, "bsn": true, "criminal_data": true, "special_categories": ["health"]}}
	assessment.high_risk == {0: assessment.dpia_grounds} with input.services as [svc, {"data": {"bsn": true}}]
}
