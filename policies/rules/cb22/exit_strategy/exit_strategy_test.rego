package cloudbeleid.rules.cb22.exit_strategy_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb22.exit_strategy

saas(exit) := build.saas({"exit": exit})

test_strategy_without_data_destruction_fails if {
	svc := saas({"strategy_in_contract": true, "covers_data_transfer": true, "covers_data_destruction": false})
	exit_strategy.deny == {{
		"service": 0,
		"path": ["exit", "covers_data_destruction"],
		"kind": "covers_data_destruction",
		"params": {"field": "exit.covers_data_destruction"},
	}} with input.services as [svc]
}

test_missing_exit_block_fails_on_every_part if {
	kinds := {v.kind | some v in exit_strategy.deny} with input.services as [{"service": {"deployment_model": "private_external"}}]
	kinds == {"strategy_in_contract", "covers_data_transfer", "covers_data_destruction"}
}

test_complete_exit_strategy_passes if {
	svc := saas({"strategy_in_contract": true, "covers_data_transfer": true, "covers_data_destruction": true})
	count(exit_strategy.deny) == 0 with input.services as [svc]
	exit_strategy.subject == {0} with input.services as [svc]
}

test_government_data_centre_is_not_a_subject if {
	count(exit_strategy.subject) == 0 with input.services as [{"service": {"deployment_model": "government_dc"}}]
}
