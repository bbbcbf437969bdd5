package cloudbeleid.rules.cb26.deviation_cio_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.deviation_cio

svc(governance) := build.saas({"service": {"start_date": "2026-08-01"}, "governance": governance})

run(s) := violations if {
	violations := deviation_cio.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_unreported_deviation_fails if {
	expected := {{
		"service": 0,
		"path": ["governance", "deviation_reported_to_cio_rijk_on"],
		"kind": "default",
		"params": {"exception_ref": "UB-1", "as_of": "2026-11-28"},
	}}
	run(svc({"exception_ref": "UB-1"})) == expected
	run(svc({"exception_ref": "UB-1", "deviation_reported_to_cio_rijk_on": "2026-12-01"})) == expected
}

test_reported_deviation_passes if {
	run(svc({"exception_ref": "UB-1", "deviation_reported_to_cio_rijk_on": "2026-07-15"})) == set()
}

test_service_without_exception_is_not_a_subject if {
	deviation_cio.subject == set() with input.services as [svc({}), svc({"exception_ref": ""})]
		with input.as_of as "2026-11-28"
}
