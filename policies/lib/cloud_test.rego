package cloudbeleid.lib.cloud_test

import data.cloudbeleid.lib.cloud

svc(model) := {"service": {"deployment_model": model}}

test_public_and_hybrid_are_public_cloud if {
	cloud.public_cloud(svc("public"))
	cloud.public_cloud(svc("hybrid"))
	not cloud.public_cloud(svc("community"))
	not cloud.public_cloud(svc("government_dc"))
}

test_external_cloud_includes_private_cloud_of_a_supplier if {
	cloud.external_cloud(svc("private_external"))
	cloud.external_cloud(svc("community"))
	not cloud.external_cloud(svc("on_premise"))
	not cloud.external_cloud(svc("government_dc"))
}

test_special_categories_are_personal_data if {
	cloud.personal_data({"data": {"special_categories": ["health"]}})
	cloud.special_personal_data({"data": {"special_categories": ["health"]}})
	not cloud.special_personal_data({"data": {"special_categories": []}})
	not cloud.personal_data({"data": {"personal_data": false}})
	cloud.personal_data({"data": {"personal_data": true}})
	cloud.personal_data({"data": {"personal_data": false, "criminal_data": true}})
	cloud.personal_data({"data": {"bsn": true}})
}

test_materieel_by_flag_or_reason if {
	cloud.materieel({"service": {"materieel": true}})
	cloud.materieel({"service": {"materieel_reasons": ["primaire_taak"]}})
	not cloud.materieel({"service": {"materieel": false}})
}

test_the_shared_sets_hold_the_services_the_functions_name if {
	services := [
		{"service": {"deployment_model": "public"}},
		{"service": {"deployment_model": "hybrid"}},
		{"service": {"deployment_model": "community"}},
		{"service": {"deployment_model": "private_external"}},
		{"service": {"deployment_model": "on_premises"}},
		{"service": {}},
	]
	cloud.public_clouds == {0, 1} with input.services as services
	cloud.external_clouds == {0, 1, 2, 3} with input.services as services
}

test_the_services_with_personal_data_are_those_the_function_names if {
	services := [
		{"data": {"personal_data": true}},
		{"data": {"personal_data": false}},
		{"data": {"special_categories": ["health"]}},
		{"data": {"special_categories": []}},
		{"data": {"criminal_data": true}},
		{"data": {"bsn": true}},
		{"data": {"bsn": false, "criminal_data": false}},
		{},
	]
	cloud.personal_data_services == {0, 2, 4, 5} with input.services as services
	every i in [0, 2, 4, 5] {
		cloud.personal_data(services[i])
	}
	every i in [1, 3, 6, 7] {
		not cloud.personal_data(services[i])
	}
}
