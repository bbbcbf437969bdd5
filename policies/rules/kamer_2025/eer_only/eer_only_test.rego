package cloudbeleid.rules.kamer_2025.eer_only_test

import data.cloudbeleid.rules.kamer_2025.eer_only

saas(hosting, subprocessors) := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "Contoso", "subprocessors": subprocessors},
	"hosting": hosting,
}

test_support_from_the_uk_and_a_us_subprocessor_fail_but_switzerland_passes if {
	svc := saas({"storage_locations": ["NL", "CH"], "support_access_locations": ["NO", "GB"]}, [{"name": "Sub", "country": "US"}])
	eer_only.deny == {
		{
			"service": 0,
			"path": ["hosting", "support_access_locations", 1],
			"kind": "default",
			"params": {"country": "GB", "field": "support_access_locations"},
		},
		{
			"service": 0,
			"path": ["provider", "subprocessors", 0, "country"],
			"kind": "default",
			"params": {"country": "US", "field": "subprocessors"},
		},
	} with input.services as [svc]
}

test_eer_only_passes if {
	svc := saas({"storage_locations": ["NL"], "processing_locations": ["IE"], "backup_locations": ["IS", "LI"]}, [{"name": "Sub", "country": "DE"}])
	eer_only.deny == set() with input.services as [svc]
	eer_only.subject == {0} with input.services as [svc]
}

test_configured_eer_list_is_used_and_fails if {
	svc := saas({"storage_locations": ["NL", "DE"]}, [])
	eer_only.deny == {{
		"service": 0,
		"path": ["hosting", "storage_locations", 1],
		"kind": "default",
		"params": {"country": "DE", "field": "storage_locations"},
	}} with input.services as [svc]
		with input.settings.reference_data.eer_plus_ch as ["NL"]
}

test_government_data_centre_is_not_a_subject if {
	eer_only.subject == set() with input.services as [{"service": {"deployment_model": "government_dc"}, "hosting": {"storage_locations": ["US"]}}]
}
