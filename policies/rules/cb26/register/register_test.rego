package cloudbeleid.rules.cb26.register_test

import data.cloudbeleid.rules.cb26.register

svc(governance) := {"service": {"deployment_model": "private_external", "status": "in_use", "materieel": true, "start_date": "2026-08-01"}, "governance": governance}

run(s, as_of) := violations if {
	violations := register.deny with input.services as [s]
		with input.as_of as as_of
}

test_unregistered_use_fails if {
	run(svc({}), "2026-11-28") == {{"service": 0, "path": ["governance", "registered_in_cloud_register"], "kind": "default", "params": {}}}
}

test_missing_from_last_years_report_fails if {
	run(svc({"registered_in_cloud_register": true, "annual_reports_cio_rijk": [2026]}), "2028-03-01") == {{
		"service": 0,
		"path": ["governance", "annual_reports_cio_rijk"],
		"kind": "annual_report",
		"params": {"year": 2027, "start_date": "2026-08-01"},
	}}
}

test_registered_and_reported_passes if {
	run(svc({"registered_in_cloud_register": true}), "2027-08-01") == set()
	run(svc({"registered_in_cloud_register": true, "annual_reports_cio_rijk": [2027]}), "2028-03-01") == set()
}

test_not_materieel_is_not_a_subject if {
	s := {"service": {"deployment_model": "public", "status": "in_use", "materieel": false}}
	register.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
