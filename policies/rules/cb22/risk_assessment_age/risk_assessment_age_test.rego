package cloudbeleid.rules.cb22.risk_assessment_age_test

import data.cloudbeleid.rules.cb22.risk_assessment_age

svc(model, date) := {"service": {"deployment_model": model}, "assessments": {"risk_assessment": {"status": "approved", "date": date}}}

run(services) := violations if {
	violations := risk_assessment_age.deny with input.services as services
		with input.as_of as "2026-06-30"
		with input.settings.risk_assessment_max_age_months as 12
}

test_an_assessment_older_than_the_term_fails if {
	run([svc("public", "2025-06-29")]) == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "date"],
		"kind": "default",
		"params": {"date": "2025-06-29", "as_of": "2026-06-30", "months": 12},
	}}
}

test_an_assessment_within_the_term_passes if {
	run([svc("hybrid", "2025-06-30")]) == set()
	risk_assessment_age.subject == {0} with input.services as [svc("hybrid", "2025-06-30")]
}

test_a_future_date_is_left_to_the_current_rule if {
	run([svc("public", "2026-07-01")]) == set()
}

test_own_systems_are_not_subjects if {
	count(risk_assessment_age.subject) == 0 with input.services as [svc("government_dc", "2020-01-01")]
}

test_no_approved_dated_assessment_fails_as_not_shown if {
	draft := {"service": {"deployment_model": "public"}, "assessments": {"risk_assessment": {"status": "draft"}}}
	run([draft, {"service": {"deployment_model": "hybrid"}}]) == {
		{"service": 0, "path": ["assessments"], "kind": "not_shown", "params": {}},
		{"service": 1, "path": ["assessments"], "kind": "not_shown", "params": {}},
	}
}
