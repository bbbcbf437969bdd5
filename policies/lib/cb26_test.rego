package cloudbeleid.lib.cb26_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.lib.cb26

svc(start, contract) := build.saas({"service": {"materieel": true, "start_date": start}, "contract": contract})

test_service_started_before_the_policy_is_existing if {
	cb26.existing(svc("2026-07-02", {}))
	not cb26.existing(svc("2026-07-03", {}))
	not cb26.existing({"service": {"deployment_model": "public"}})
}

test_new_service_is_in_force_at_once if {
	cb26.in_force(svc("2026-08-01", {})) with input.as_of as "2026-08-01"
	cb26.exit_plan_in_force(svc("2026-08-01", {})) with input.as_of as "2026-08-01"
	cb26.in_force({"service": {}}) with input.as_of as "2026-08-01"
}

test_existing_service_waits_for_the_transition_end if {
	not cb26.in_force(svc("2024-01-01", {})) with input.as_of as "2030-07-02"
	cb26.in_force(svc("2024-01-01", {})) with input.as_of as "2030-07-03"
}

test_existing_contract_that_runs_longer_extends_the_transition if {
	running := svc("2024-01-01", {"start_date": "2024-01-01", "end_date": "2031-12-31"})
	not cb26.in_force(running) with input.as_of as "2031-12-31"
	cb26.in_force(running) with input.as_of as "2032-01-01"
	undated := svc("2024-01-01", {"end_date": "2031-12-31"})
	not cb26.in_force(undated) with input.as_of as "2031-01-01"
}

test_contract_made_under_the_policy_does_not_extend_it if {
	renewed := svc("2024-01-01", {"start_date": "2026-09-01", "end_date": "2032-12-31"})
	cb26.in_force(renewed) with input.as_of as "2030-07-03"
}

test_exit_plan_of_an_existing_service_is_due_after_twelve_months if {
	not cb26.exit_plan_in_force(svc("2024-01-01", {})) with input.as_of as "2027-07-02"
	cb26.exit_plan_in_force(svc("2024-01-01", {})) with input.as_of as "2027-07-03"
}

test_materieel_in_force_needs_an_external_materieel_service if {
	cb26.materieel_in_force(svc("2026-08-01", {})) with input.as_of as "2026-11-28"
	not cb26.materieel_in_force({"service": {"deployment_model": "government_dc", "materieel": true}}) with input.as_of as "2026-11-28"
	not cb26.materieel_in_force({"service": {"deployment_model": "public", "materieel": false}}) with input.as_of as "2026-11-28"
}

test_openbaar_is_confidentiality_laag_without_personal_data if {
	cb26.openbaar({"data": {"biv": {"vertrouwelijkheid": "laag"}, "personal_data": false}})
	not cb26.openbaar({"data": {"biv": {"vertrouwelijkheid": "laag"}, "personal_data": true}})
	not cb26.openbaar({"data": {"biv": {"vertrouwelijkheid": "midden"}}})
	not cb26.openbaar({"data": {}})
}

test_a_configured_start_date_moves_both_transition_periods if {
	start := {"cb26_policy_start": "2026-10-01"}
	cb26.existing(svc("2026-08-01", {})) with input.settings as start
	not cb26.exit_plan_in_force(svc("2024-01-01", {})) with input.settings as start with input.as_of as "2027-09-30"
	cb26.exit_plan_in_force(svc("2024-01-01", {})) with input.settings as start with input.as_of as "2027-10-01"
	not cb26.in_force(svc("2024-01-01", {})) with input.settings as start with input.as_of as "2030-09-30"
	cb26.in_force(svc("2024-01-01", {})) with input.settings as start with input.as_of as "2030-10-01"
}

test_nothing_binds_before_the_policy_starts if {
	not cb26.in_force(svc("2026-08-01", {})) with input.settings as {"cb26_policy_start": "2026-10-01"} with input.as_of as "2026-09-30"
	not cb26.exit_plan_in_force(svc("2026-08-01", {})) with input.settings as {"cb26_policy_start": "2026-10-01"} with input.as_of as "2026-09-30"
}
