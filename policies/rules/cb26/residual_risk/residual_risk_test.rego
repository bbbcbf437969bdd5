package cloudbeleid.rules.cb26.residual_risk_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.residual_risk

svc(assessments) := build.saas({"service": {"materieel": true, "start_date": "2026-08-01"}, "assessments": object.union({"risk_assessment": {"date": "2026-01-01"}}, assessments)})

run(s) := violations if {
	violations := residual_risk.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_no_acceptance_fails if {
	run(svc({"residual_risk_accepted_by": ""})) == {{"service": 0, "path": ["assessments", "residual_risk_accepted_by"], "kind": "default", "params": {}}}
}

test_acceptance_without_a_dated_risk_assessment_is_not_shown if {
	s := {"service": {"deployment_model": "public", "materieel": true}, "assessments": {"residual_risk_accepted_by": "sg", "residual_risk_accepted_on": "2026-05-01"}}
	run(s) == {{"service": 0, "path": ["assessments", "risk_assessment", "date"], "kind": "not_shown", "params": {}}}
}

test_undated_acceptance_fails if {
	run(svc({"residual_risk_accepted_by": "sg"})) == {{"service": 0, "path": ["assessments", "residual_risk_accepted_on"], "kind": "undated", "params": {}}}
}

test_future_acceptance_fails if {
	run(svc({"residual_risk_accepted_by": "sg", "residual_risk_accepted_on": "2026-12-01"})) == {{
		"service": 0,
		"path": ["assessments", "residual_risk_accepted_on"],
		"kind": "future",
		"params": {"date": "2026-12-01", "as_of": "2026-11-28"},
	}}
}

test_acceptance_before_the_assessment_fails if {
	s := svc({"residual_risk_accepted_by": "sg", "residual_risk_accepted_on": "2026-05-01", "risk_assessment": {"date": "2026-06-01"}})
	run(s) == {{
		"service": 0,
		"path": ["assessments", "residual_risk_accepted_on"],
		"kind": "before_assessment",
		"params": {"date": "2026-05-01", "assessment_date": "2026-06-01"},
	}}
}

test_acceptance_after_the_assessment_passes if {
	run(svc({"residual_risk_accepted_by": "sg", "residual_risk_accepted_on": "2026-06-01", "risk_assessment": {"date": "2026-06-01"}})) == set()
}

test_not_materieel_is_not_a_subject if {
	residual_risk.subject == set() with input.services as [{"service": {"deployment_model": "public"}}]
		with input.as_of as "2026-11-28"
}
