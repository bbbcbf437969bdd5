package cloudbeleid.rules.bio2.continuity_plan_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.continuity_plan

critical(continuity) := build.saas({"continuity": object.union({"critical": true}, continuity)})

run(svc) := violations if {
	violations := continuity_plan.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 12
}

run_all(services) := violations if {
	violations := continuity_plan.deny with input.services as services
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 12
}

test_untested_plan_fails if {
	run(critical({})) == {{
		"service": 0,
		"path": ["continuity", "continuity_plan_tested_on"],
		"kind": "default",
		"params": {},
	}}
}

test_test_older_than_a_year_fails if {
	run(critical({"continuity_plan_tested_on": "2025-05-31"})) == {{
		"service": 0,
		"path": ["continuity", "continuity_plan_tested_on"],
		"kind": "stale",
		"params": {"date": "2025-05-31", "as_of": "2026-06-30", "months": 12},
	}}
}

test_test_after_the_reference_date_fails if {
	run(critical({"continuity_plan_tested_on": "2026-12-01"})) == {{
		"service": 0,
		"path": ["continuity", "continuity_plan_tested_on"],
		"kind": "future",
		"params": {"date": "2026-12-01", "as_of": "2026-06-30", "months": 12},
	}}
}

test_test_within_a_year_passes if {
	run(critical({"continuity_plan_tested_on": "2026-02-01"})) == set()
	continuity_plan.subject == {0} with input.services as [critical({})]
}

test_service_without_a_continuity_plan_is_not_a_subject if {
	continuity_plan.subject == set() with input.services as [{"service": {"deployment_model": "public"}, "continuity": {"critical": false}}]
	continuity_plan.subject == set() with input.services as [{"service": {"deployment_model": "public"}}]
}

test_every_continuity_plan_wherever_it_runs_fails_untested if {
	# 5.30.01 covers every continuity plan, not only critical services, and own data centres too
	services := [
		{"service": {"deployment_model": "on_premise"}, "continuity": {"critical": true}},
		{"service": {"deployment_model": "government_dc"}, "continuity": {"continuity_plan": true}},
	]
	continuity_plan.subject == {0, 1} with input.services as services
	count(run_all(services)) == 2
}
