package cloudbeleid.rules.bio2.supplier_review_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.supplier_review

saas(reviewed) := build.saas({"governance": {"supplier_review_on": reviewed}})

run(svc) := violations if {
	violations := supplier_review.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 12
}

test_no_review_fails if {
	run({"service": {"deployment_model": "public"}, "governance": {}}) == {{
		"service": 0,
		"path": ["governance", "supplier_review_on"],
		"kind": "default",
		"params": {},
	}}
}

test_review_older_than_a_year_fails if {
	run(saas("2025-06-29")) == {{
		"service": 0,
		"path": ["governance", "supplier_review_on"],
		"kind": "stale",
		"params": {"date": "2025-06-29", "as_of": "2026-06-30", "months": 12},
	}}
}

test_review_after_the_reference_date_fails if {
	run(saas("2026-07-01")) == {{
		"service": 0,
		"path": ["governance", "supplier_review_on"],
		"kind": "future",
		"params": {"date": "2026-07-01", "as_of": "2026-06-30", "months": 12},
	}}
}

test_review_within_a_year_passes if {
	run(saas("2025-06-30")) == set()
	supplier_review.subject == {0} with input.services as [saas("2025-06-30")]
}

test_own_operation_is_not_a_subject if {
	supplier_review.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}

test_configured_maximum_age_fails_a_younger_review if {
	supplier_review.deny == {{
		"service": 0,
		"path": ["governance", "supplier_review_on"],
		"kind": "stale",
		"params": {"date": "2026-01-01", "as_of": "2026-06-30", "months": 3},
	}} with input.services as [saas("2026-01-01")]
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 3
}
