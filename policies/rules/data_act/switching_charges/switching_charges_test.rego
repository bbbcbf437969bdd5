package cloudbeleid.rules.data_act.switching_charges_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.data_act.switching_charges

saas(charges) := build.saas({"contract": {"data_act": {"switching_charges": charges}}})

run(svc, as_of) := violations if {
	violations := switching_charges.deny with input.services as [svc] with input.as_of as as_of
}

path := ["contract", "data_act", "switching_charges"]

test_charges_at_cost_pass_before_and_fail_from_12_january_2027 if {
	run(saas("at_cost"), "2027-01-11") == set()
	run(saas("at_cost"), "2027-01-12") == {{
		"service": 0, "path": path, "kind": "default",
		"params": {"charges": "at_cost", "as_of": "2027-01-12"},
	}}
}

test_charges_above_cost_fail_before_2027 if {
	run(saas("other"), "2026-06-30") == {{"service": 0, "path": path, "kind": "above_cost", "params": {"charges": "other"}}}
}

test_unknown_charges_fail if {
	run({"service": {"deployment_model": "hybrid"}}, "2026-06-30") == {{"service": 0, "path": path, "kind": "unknown", "params": {}}}
}

test_no_charges_pass if {
	run(saas("none"), "2030-01-01") == set()
	switching_charges.subject == {0} with input.services as [saas("none")]
}

test_own_systems_are_not_subjects if {
	count(switching_charges.subject) == 0 with input.services as [{"service": {"deployment_model": "on_premise"}}]
}
