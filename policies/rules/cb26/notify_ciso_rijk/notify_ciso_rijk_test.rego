package cloudbeleid.rules.cb26.notify_ciso_rijk_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.notify_ciso_rijk

svc(start, governance) := build.saas({"service": {"materieel": true, "start_date": start}, "governance": governance})

run(s) := violations if {
	violations := notify_ciso_rijk.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_no_notification_fails if {
	expected := {{"service": 0, "path": ["governance", "ciso_rijk_notified_on"], "kind": "default", "params": {"as_of": "2026-11-28"}}}
	run(svc("2026-08-01", {})) == expected
	run(svc("2026-12-01", {"ciso_rijk_notified_on": "2026-11-29"})) == expected
}

test_notification_on_or_after_the_start_date_fails if {
	run(svc("2026-08-01", {"ciso_rijk_notified_on": "2026-08-01"})) == {{
		"service": 0,
		"path": ["governance", "ciso_rijk_notified_on"],
		"kind": "late",
		"params": {"notified_on": "2026-08-01", "start_date": "2026-08-01"},
	}}
}

test_notification_before_the_start_passes if {
	run(svc("2026-08-01", {"ciso_rijk_notified_on": "2026-07-31"})) == set()
	run({"service": {"deployment_model": "public", "materieel": true}, "governance": {"ciso_rijk_notified_on": "2026-07-31"}}) == set()
}

test_existing_service_is_not_a_subject if {
	notify_ciso_rijk.subject == set() with input.services as [svc("2026-07-02", {})]
		with input.as_of as "2031-01-01"
}
