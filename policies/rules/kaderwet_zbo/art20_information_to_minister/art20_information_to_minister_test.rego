package cloudbeleid.rules.kaderwet_zbo.art20_information_to_minister_test

import data.cloudbeleid.rules.kaderwet_zbo.art20_information_to_minister

external(model, exit) := {"service": {"deployment_model": model}, "exit": exit}

test_missing_export_fails if {
	art20_information_to_minister.deny == {{
		"service": 0,
		"path": ["exit", "data_export_possible"],
		"kind": "default",
		"params": {},
	}} with input.services as [{"service": {"deployment_model": "private_external"}}]
}

test_export_not_possible_fails if {
	art20_information_to_minister.deny == {{
		"service": 0,
		"path": ["exit", "data_export_possible"],
		"kind": "default",
		"params": {},
	}} with input.services as [external("public", {"data_export_possible": false})]
}

test_export_possible_passes if {
	svc := external("community", {"data_export_possible": true})
	count(art20_information_to_minister.deny) == 0 with input.services as [svc]
	art20_information_to_minister.subject == {0} with input.services as [svc]
}

test_own_data_centre_is_not_a_subject if {
	svc := external("on_premise", {"data_export_possible": false})
	count(art20_information_to_minister.subject) == 0 with input.services as [svc]
	count(art20_information_to_minister.deny) == 0 with input.services as [svc]
}
