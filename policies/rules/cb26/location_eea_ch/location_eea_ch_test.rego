package cloudbeleid.rules.cb26.location_eea_ch_test

import data.cloudbeleid.rules.cb26.location_eea_ch

svc(hosting, subprocessors) := {
	"service": {"deployment_model": "private_external", "start_date": "2026-08-01"},
	"provider": {"name": "Contoso", "subprocessors": subprocessors},
	"hosting": hosting,
}

run(s) := violations if {
	violations := location_eea_ch.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_caribbean_backup_and_us_support_fail if {
	hosting := {"storage_locations": ["NL"], "processing_locations": ["CH"], "backup_locations": ["BQ"], "telemetry_locations": ["US"]}
	run(svc(hosting, [{"name": "Helpdesk", "country": "IN"}])) == {
		{"service": 0, "path": ["hosting", "backup_locations", 0], "kind": "default", "params": {"country": "BQ", "field": "backup_locations"}},
		{"service": 0, "path": ["hosting", "telemetry_locations", 0], "kind": "remote", "params": {"country": "US", "field": "telemetry_locations"}},
		{"service": 0, "path": ["provider", "subprocessors", 0, "country"], "kind": "remote", "params": {"country": "IN", "field": "subprocessors"}},
	}
}

test_uk_processing_fails if {
	run(svc({"storage_locations": ["NL"], "processing_locations": ["GB"]}, [])) == {{
		"service": 0,
		"path": ["hosting", "processing_locations", 0],
		"kind": "default",
		"params": {"country": "GB", "field": "processing_locations"},
	}}
}

test_eer_and_switzerland_pass if {
	run(svc({"storage_locations": ["NL", "NO"], "processing_locations": ["CH"], "support_access_locations": ["LI"]}, [{"name": "x", "country": "DE"}])) == set()
}

test_government_data_centre_is_not_a_subject if {
	s := {"service": {"deployment_model": "government_dc"}, "hosting": {"storage_locations": ["US"], "processing_locations": ["US"]}}
	location_eea_ch.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
