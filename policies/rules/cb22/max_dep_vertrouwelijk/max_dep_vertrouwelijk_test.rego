package cloudbeleid.rules.cb22.max_dep_vertrouwelijk_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.max_dep_vertrouwelijk

dep_v(governance) := {
	"service": {"deployment_model": "public"},
	"data": {"rubricering": "dep_vertrouwelijk"},
	"governance": governance,
	"assessments": {"risk_assessment": {"status": "approved", "date": "2025-09-01"}},
}

run(svc) := violations if {
	violations := max_dep_vertrouwelijk.deny with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_no_decision_fails if {
	svc := object.remove(dep_v({}), ["governance"])
	run(svc) == {{
		"service": 0,
		"path": ["governance", "decision_by"],
		"kind": "default",
		"params": {"decision_by": service.unrecorded},
	}}
}

test_decision_by_the_cio_fails if {
	run(dep_v({"decision_by": "cio", "decision_date": "2025-10-01"})) == {{
		"service": 0,
		"path": ["governance", "decision_by"],
		"kind": "default",
		"params": {"decision_by": "cio"},
	}}
}

test_undated_and_future_decisions_fail if {
	run(dep_v({"decision_by": "minister"})) == {{
		"service": 0,
		"path": ["governance", "decision_date"],
		"kind": "undated",
		"params": {},
	}}
	run(dep_v({"decision_by": "minister", "decision_date": "2026-02-01"})) == {{
		"service": 0,
		"path": ["governance", "decision_date"],
		"kind": "future",
		"params": {"date": "2026-02-01", "as_of": "2026-01-01"},
	}}
}

test_decision_without_an_approved_risk_assessment_fails if {
	svc := object.union(dep_v({"decision_by": "minister", "decision_date": "2025-10-01"}), {"assessments": {"risk_assessment": {"status": "draft"}}})
	run(svc) == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "status"],
		"kind": "no_assessment",
		"params": {"status": "draft"},
	}}
}

test_dated_decision_of_the_minister_on_an_assessment_passes if {
	svc := dep_v({"decision_by": "minister", "decision_date": "2025-10-01"})
	count(run(svc)) == 0
	max_dep_vertrouwelijk.subject == {0} with input.services as [svc]
}

test_lower_classification_or_own_data_centre_is_not_a_subject if {
	unclassified := object.union(dep_v({}), {"data": {"rubricering": "ongerubriceerd"}})
	own_dc := object.union(dep_v({}), {"service": {"deployment_model": "government_dc"}})
	count(max_dep_vertrouwelijk.subject) == 0 with input.services as [unclassified, own_dc]
}
