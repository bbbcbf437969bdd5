package cloudbeleid.rules.cb22.special_pd_location_test

import data.cloudbeleid.rules.cb22.special_pd_location

health_in_public_cloud(hosting) := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "Contoso"},
	"data": {"personal_data": true, "special_categories": ["health"]},
	"hosting": hosting,
}

test_support_access_from_the_us_fails if {
	svc := health_in_public_cloud({"storage_locations": ["NL"], "processing_locations": ["IE"], "support_access_locations": ["US"]})
	special_pd_location.deny == {{
		"service": 0,
		"path": ["hosting", "support_access_locations", 0],
		"kind": "default",
		"params": {"country": "US", "field": "support_access_locations"},
	}} with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_eer_and_adequacy_countries_pass if {
	svc := health_in_public_cloud({"storage_locations": ["NL", "CH"], "processing_locations": ["NO", "GB"]})
	count(special_pd_location.deny) == 0 with input.services as [svc]
		with input.as_of as "2026-01-01"
	special_pd_location.subject == {0} with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_explain_sent_to_cio_rijk_lifts_the_requirement if {
	base := health_in_public_cloud({"storage_locations": ["US"], "processing_locations": ["US"], "transfer_mechanism": "scc"})
	svc := object.union(base, {"governance": {"explain_sent_to_cio_rijk_on": "2025-06-01"}})
	count(special_pd_location.subject) == 0 with input.services as [svc]
		with input.as_of as "2026-01-01"
	count(special_pd_location.subject) == 1 with input.services as [svc]
		with input.as_of as "2025-01-01"
}

test_personal_data_without_special_categories_is_not_a_subject if {
	svc := object.union(health_in_public_cloud({"storage_locations": ["US"], "processing_locations": ["US"]}), {"data": {"personal_data": true, "special_categories": []}})
	count(special_pd_location.subject) == 0 with input.services as [svc]
		with input.as_of as "2026-01-01"
}
