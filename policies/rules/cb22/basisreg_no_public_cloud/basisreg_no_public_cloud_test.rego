package cloudbeleid.rules.cb22.basisreg_no_public_cloud_test

import data.cloudbeleid.rules.cb22.basisreg_no_public_cloud

service(model, registrations, governance) := {
	"service": {"deployment_model": model},
	"hosting": {"storage_locations": ["NL", "US"]},
	"data": {"basisregistraties": registrations},
	"governance": governance,
}

test_source_of_a_basisregistratie_and_brp_copy_fail if {
	svc := service("public", [{"name": "BAG", "role": "afnemer"}, {"name": "BRK", "role": "bron"}, {"name": "BRP", "role": "kopie"}], {})
	basisreg_no_public_cloud.deny == {
		{
			"service": 0,
			"path": ["data", "basisregistraties", 1],
			"kind": "default",
			"params": {"name": "BRK", "role": "bron"},
		},
		{
			"service": 0,
			"path": ["data", "basisregistraties", 2],
			"kind": "brp",
			"params": {"name": "BRP", "role": "kopie"},
		},
	} with input.services as [svc]
}

test_brp_source_fails_once if {
	svc := service("hybrid", [{"name": "BRP", "role": "bron"}], {"exception_ref": ""})
	basisreg_no_public_cloud.deny == {{
		"service": 0,
		"path": ["data", "basisregistraties", 0],
		"kind": "default",
		"params": {"name": "BRP", "role": "bron"},
	}} with input.services as [svc]
}

test_documented_exception_passes if {
	services := [service("public", [{"name": "BRP", "role": "afnemer"}], {"exception_ref": "BZK-2025-17"})]
	count(basisreg_no_public_cloud.deny) == 0 with input.services as services
	basisreg_no_public_cloud.subject == {0} with input.services as services
}

test_copy_of_another_registration_or_own_data_centre_is_not_a_subject if {
	services := [
		service("public", [{"name": "HR", "role": "kopie"}], {}),
		service("government_dc", [{"name": "BRP", "role": "bron"}], {}),
		{"service": {"deployment_model": "public"}},
	]
	count(basisreg_no_public_cloud.subject) == 0 with input.services as services
}

test_brp_copy_stored_inside_the_eer_passes_without_an_exception if {
	svc := object.union(service("public", [{"name": "BRP", "role": "afnemer"}], {}), {"hosting": {"storage_locations": ["NL", "IE"]}})
	count(basisreg_no_public_cloud.deny) == 0 with input.services as [svc]
	basisreg_no_public_cloud.subject == {0} with input.services as [svc]
}

test_brp_copy_with_unknown_storage_fails if {
	svc := {"service": {"deployment_model": "public"}, "data": {"basisregistraties": [{"name": "BRP", "role": "kopie"}]}}
	basisreg_no_public_cloud.deny == {{
		"service": 0,
		"path": ["data", "basisregistraties", 0],
		"kind": "brp",
		"params": {"name": "BRP", "role": "kopie"},
	}} with input.services as [svc]
}
