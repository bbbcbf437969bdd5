package cloudbeleid.rules.cb26.exit_plan_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.exit_plan

svc(start, exit) := build.saas({"service": {"materieel": true, "start_date": start}, "exit": exit})

good_plan := {"date": "2026-06-01", "scenarios": ["planned_exit", "sudden_outage"], "self_tested_on": "2026-07-01", "last_review": "2026-07-01"}

run(s, as_of) := violations if {
	violations := exit_plan.deny with input.services as [s]
		with input.as_of as as_of
}

test_missing_plan_fails if {
	run(svc("2026-08-01", {"covers_data_destruction": true}), "2026-11-28") == {{"service": 0, "path": ["exit", "plan"], "kind": "default", "params": {}}}
}

test_incomplete_plan_fails if {
	run(svc("2026-08-01", {"plan": {"scenarios": ["planned_exit"], "self_tested_on": "2026-12-01"}}), "2026-11-28") == {
		{"service": 0, "path": ["exit", "plan", "scenarios"], "kind": "scenario", "params": {"scenario": "sudden_outage"}},
		{"service": 0, "path": ["exit", "plan", "self_tested_on"], "kind": "untested", "params": {"as_of": "2026-11-28"}},
		{"service": 0, "path": ["exit", "covers_data_destruction"], "kind": "destruction", "params": {}},
		{"service": 0, "path": ["exit", "plan", "last_review"], "kind": "unreviewed", "params": {}},
	}
}

test_plan_not_reviewed_for_a_year_fails if {
	plan := object.union(good_plan, {"last_review": "2026-07-01"})
	run(svc("2026-08-01", {"plan": plan, "covers_data_destruction": true}), "2027-07-02") == {{
		"service": 0,
		"path": ["exit", "plan", "last_review"],
		"kind": "stale",
		"params": {"date": "2026-07-01", "as_of": "2027-07-02", "months": 12},
	}}
}

test_plan_date_counts_as_review_when_there_is_none if {
	plan := object.remove(good_plan, ["last_review"])
	{v.kind | some v in run(svc("2026-08-01", {"plan": plan, "covers_data_destruction": true}), "2027-06-02")} == {"stale"}
	run(svc("2026-08-01", {"plan": plan, "covers_data_destruction": true}), "2027-06-01") == set()
}

test_complete_plan_passes if {
	run(svc("2026-08-01", {"plan": good_plan, "covers_data_destruction": true}), "2026-11-28") == set()
}

test_existing_service_is_not_a_subject_for_twelve_months if {
	existing := svc("2024-01-01", {})
	exit_plan.subject == set() with input.services as [existing]
		with input.as_of as "2027-07-02"
	exit_plan.subject == {0} with input.services as [existing]
		with input.as_of as "2027-07-03"
}
