package cloudbeleid.rules.bio2.supplier_assurance_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.supplier_assurance

saas(reports) := build.saas({"provider": {"name": "Contoso", "assurance_reports": reports}})

run(svc) := violations if {
	violations := supplier_assurance.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 12
}

test_no_reports_fails if {
	run({"service": {"deployment_model": "private_external"}, "provider": {"name": "Contoso"}}) == {{
		"service": 0,
		"path": ["provider", "assurance_reports"],
		"kind": "default",
		"params": {"as_of": "2026-06-30"},
	}}
}

test_only_a_report_after_the_reference_date_fails if {
	run(saas([{"type": "soc2_type2", "date": "2026-07-01"}])) == {{
		"service": 0,
		"path": ["provider", "assurance_reports"],
		"kind": "default",
		"params": {"as_of": "2026-06-30"},
	}}
}

test_newest_report_older_than_a_year_fails_on_its_date if {
	reports := [
		{"type": "iso27001_audit", "date": "2024-03-01"},
		{"type": "isae3402_type2", "date": "2025-06-29"},
		{"type": "soc2_type2", "date": "2027-01-01"},
	]
	run(saas(reports)) == {{
		"service": 0,
		"path": ["provider", "assurance_reports", 1, "date"],
		"kind": "stale",
		"params": {"type": "isae3402_type2", "date": "2025-06-29", "as_of": "2026-06-30", "months": 12},
	}}
}

test_a_current_report_passes if {
	reports := [{"type": "iso27001_audit", "date": "2024-03-01"}, {"type": "isae3402_type2", "date": "2025-06-30"}]
	run(saas(reports)) == set()
	supplier_assurance.subject == {0} with input.services as [saas(reports)]
}

test_own_operation_is_not_a_subject if {
	supplier_assurance.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
