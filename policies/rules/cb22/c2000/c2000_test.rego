package cloudbeleid.rules.cb22.c2000_test

import data.cloudbeleid.rules.cb22.c2000

service(model, provider, hosting) := {
	"service": {"deployment_model": model},
	"provider": provider,
	"hosting": hosting,
}

eu_hosting := {"storage_locations": ["NL"], "processing_locations": ["NL"]}

test_parent_company_in_an_excluded_country_fails if {
	svc := service("public", {"name": "x", "hq_country": "NL", "ultimate_parent_country": "CN"}, eu_hosting)
	c2000.deny == {{
		"service": 0,
		"path": ["provider", "ultimate_parent_country"],
		"kind": "default",
		"params": {"country": "CN", "field": "ultimate_parent_country"},
	}} with input.services as [svc]
}

test_headquarters_subprocessor_and_support_location_fail if {
	provider := {"name": "x", "hq_country": "RU", "subprocessors": [{"name": "y", "country": "DE"}, {"name": "z", "country": "IR"}]}
	hosting := object.union(eu_hosting, {"support_access_locations": ["NL", "KP"]})
	c2000.deny == {
		{
			"service": 0,
			"path": ["provider", "hq_country"],
			"kind": "default",
			"params": {"country": "RU", "field": "hq_country"},
		},
		{
			"service": 0,
			"path": ["provider", "subprocessors", 1, "country"],
			"kind": "default",
			"params": {"country": "IR", "field": "subprocessors"},
		},
		{
			"service": 0,
			"path": ["hosting", "support_access_locations", 1],
			"kind": "default",
			"params": {"country": "KP", "field": "support_access_locations"},
		},
	} with input.services as [service("community", provider, hosting)]
}

test_configured_list_replaces_the_default_and_fails if {
	svc := service("private_external", {"name": "x", "hq_country": "US"}, eu_hosting)
	count(c2000.deny) == 0 with input.services as [svc]
	c2000.deny == {{
		"service": 0,
		"path": ["provider", "hq_country"],
		"kind": "default",
		"params": {"country": "US", "field": "hq_country"},
	}} with input.services as [svc]
		with input.settings.reference_data.c2000_excluded as ["US"]
}

test_us_provider_with_eu_hosting_passes if {
	svc := service("public", {"name": "x", "hq_country": "US", "ultimate_parent_country": "US"}, eu_hosting)
	count(c2000.deny) == 0 with input.services as [svc]
	c2000.subject == {0} with input.services as [svc]
}

test_own_data_centre_is_not_a_subject if {
	svc := service("government_dc", {"name": "x", "hq_country": "CN"}, eu_hosting)
	count(c2000.subject) == 0 with input.services as [svc]
}
