package cloudbeleid.rules.kamer_2025.exit_for_migration_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.kamer_2025.exit_for_migration

migration(status, exit) := build.saas({"service": {"status": status}, "exit": exit})

test_planned_migration_without_exit_strategy_fails_on_both_parts if {
	exit_for_migration.deny == {
		{
			"service": 0,
			"path": ["exit", "plan", "date"],
			"kind": "default",
			"params": {"status": "planned"},
		},
		{
			"service": 0,
			"path": ["exit", "strategy_in_contract"],
			"kind": "strategy_in_contract",
			"params": {"status": "planned"},
		},
	} with input.services as [migration("planned", {})]
}

test_undated_plan_fails if {
	svc := migration("migrating", {"strategy_in_contract": true, "plan": {"reference": "EXIT-1"}})
	exit_for_migration.deny == {{
		"service": 0,
		"path": ["exit", "plan", "date"],
		"kind": "default",
		"params": {"status": "migrating"},
	}} with input.services as [svc]
}

test_dated_plan_and_contract_pass if {
	svc := migration("migrating", {"strategy_in_contract": true, "plan": {"date": "2025-10-01"}})
	exit_for_migration.deny == set() with input.services as [svc]
	exit_for_migration.subject == {0} with input.services as [svc]
}

test_service_in_use_is_not_a_subject if {
	exit_for_migration.subject == set() with input.services as [migration("in_use", {}), {"service": {"deployment_model": "on_premise", "status": "planned"}}]
}
