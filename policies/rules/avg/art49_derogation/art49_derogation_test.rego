package cloudbeleid.rules.avg.art49_derogation_test

import data.cloudbeleid.rules.avg.art49_derogation

personal(mechanism) := {"data": {"personal_data": true}, "hosting": {"storage_locations": ["IN"], "transfer_mechanism": mechanism}}

test_art49_for_a_cloud_service_fails if {
	art49_derogation.deny == {{
		"service": 0,
		"path": ["hosting", "transfer_mechanism"],
		"kind": "default",
		"params": {},
	}} with input.services as [personal("art49")]
}

test_safeguards_pass if {
	count(art49_derogation.deny) == 0 with input.services as [personal("scc"), {"data": {"special_categories": ["health"]}}]
	art49_derogation.subject == {0, 1} with input.services as [personal("scc"), {"data": {"special_categories": ["health"]}}]
}

test_service_without_personal_data_is_not_a_subject if {
	svc := {"data": {"personal_data": false}, "hosting": {"transfer_mechanism": "art49"}}
	count(art49_derogation.subject) == 0 with input.services as [svc]
	count(art49_derogation.deny) == 0 with input.services as [svc]
}
