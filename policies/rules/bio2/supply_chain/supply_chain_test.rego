package cloudbeleid.rules.bio2.supply_chain_test

import data.cloudbeleid.rules.bio2.supply_chain

complete := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "Contoso", "subprocessors_disclosed": true},
	"contract": {"requirements_flow_down": true, "subprocessor_changes_notified": true},
}

test_changes_not_notified_fails if {
	svc := object.union(complete, {"contract": {"subprocessor_changes_notified": false}})
	supply_chain.deny == {{
		"service": 0,
		"path": ["contract", "subprocessor_changes_notified"],
		"kind": "subprocessor_changes_notified",
		"params": {"field": "contract.subprocessor_changes_notified"},
	}} with input.services as [svc]
}

test_nothing_recorded_fails_on_every_part if {
	supply_chain.deny == {
		{
			"service": 0,
			"path": ["provider", "subprocessors_disclosed"],
			"kind": "subprocessors_disclosed",
			"params": {"field": "provider.subprocessors_disclosed"},
		},
		{
			"service": 0,
			"path": ["contract", "requirements_flow_down"],
			"kind": "requirements_flow_down",
			"params": {"field": "contract.requirements_flow_down"},
		},
		{
			"service": 0,
			"path": ["contract", "subprocessor_changes_notified"],
			"kind": "subprocessor_changes_notified",
			"params": {"field": "contract.subprocessor_changes_notified"},
		},
	} with input.services as [{"service": {"deployment_model": "community"}, "provider": {"name": "Contoso"}}]
}

test_complete_chain_passes if {
	supply_chain.deny == set() with input.services as [complete]
	supply_chain.subject == {0} with input.services as [complete]
}

test_government_data_centre_is_not_a_subject if {
	supply_chain.subject == set() with input.services as [{"service": {"deployment_model": "government_dc"}}]
}
