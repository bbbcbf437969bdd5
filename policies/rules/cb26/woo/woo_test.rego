package cloudbeleid.rules.cb26.woo_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.woo

svc(status, governance) := build.saas({"service": {"status": status, "materieel": true, "start_date": "2026-08-01"}, "governance": governance})

run(s) := violations if {
	violations := woo.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_unpublished_decision_fails if {
	run(svc("in_use", {"woo_published": false})) == {{"service": 0, "path": ["governance", "woo_published"], "kind": "default", "params": {}}}
}

test_published_decision_passes if {
	run(svc("migrating", {"woo_published": true})) == set()
}

test_planned_service_is_not_a_subject if {
	woo.subject == set() with input.services as [svc("planned", {})]
		with input.as_of as "2026-11-28"
}
