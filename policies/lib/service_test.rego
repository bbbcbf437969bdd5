package cloudbeleid.lib.service_test

import data.cloudbeleid.lib.service

us_support := {
	"provider": {"name": "Contoso", "dpf_certified": false},
	"hosting": {"storage_locations": ["NL"], "support_access_locations": ["US", "CH"]},
}

test_transfers_are_the_locations_outside_the_eer_without_adequacy if {
	service.transfers == {0: {{"country": "US", "path": ["hosting", "support_access_locations", 0], "field": "support_access_locations"}}} with input.services as [us_support]
	count(service.locations[0]) == 3 with input.services as [us_support]
}

test_a_yes_no_fact_is_confirmed_only_by_true if {
	service.unconfirmed({}, ["exit", "strategy_in_contract"])
	service.unconfirmed({"exit": {"strategy_in_contract": false}}, ["exit", "strategy_in_contract"])
	not service.unconfirmed({"exit": {"strategy_in_contract": true}}, ["exit", "strategy_in_contract"])
}

test_a_missing_value_is_shown_in_both_languages_never_as_a_made_up_value if {
	service.recorded({}, ["hosting", "transfer_mechanism"]) == {"nl": "niet vastgelegd", "en": "not recorded"}
	service.recorded({"hosting": {"transfer_mechanism": "scc"}}, ["hosting", "transfer_mechanism"]) == "scc"
}
