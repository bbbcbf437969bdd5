package cloudbeleid.rules.cb22.annual_report_cio_rijk_test

import data.cloudbeleid.rules.cb22.annual_report_cio_rijk

service(status, start, reports) := {
	"service": {"deployment_model": "public", "status": status, "start_date": start},
	"governance": {"annual_reports_cio_rijk": reports},
}

run(svc) := violations if {
	violations := annual_report_cio_rijk.deny with input.services as [svc]
		with input.as_of as "2026-11-28"
}

test_missing_from_last_years_report_fails if {
	run(service("in_use", "2023-05-01", [2023, 2024])) == {{
		"service": 0,
		"path": ["governance", "annual_reports_cio_rijk"],
		"kind": "default",
		"params": {"year": 2025, "start_date": "2023-05-01"},
	}}
}

test_no_governance_block_fails if {
	svc := {"service": {"deployment_model": "hybrid", "status": "exiting", "start_date": "2025-11-27"}}
	count(run(svc)) == 1
}

test_reported_last_year_passes if {
	svc := service("in_use", "2023-05-01", [2025])
	count(run(svc)) == 0
	annual_report_cio_rijk.subject == {0} with input.services as [svc]
		with input.as_of as "2026-11-28"
}

test_young_planned_or_undated_service_is_not_a_subject if {
	services := [
		service("in_use", "2025-11-28", []),
		service("planned", "2020-01-01", []),
		{"service": {"deployment_model": "public", "status": "in_use"}},
		object.union(service("in_use", "2020-01-01", []), {"service": {"deployment_model": "government_dc"}}),
	]
	count(annual_report_cio_rijk.subject) == 0 with input.services as services
		with input.as_of as "2026-11-28"
}
