package cloudbeleid.lib.countries_observed_test

import data.cloudbeleid.lib.countries

test_observed_regions_join_the_declared_locations if {
	svc := {
		"hosting": {"storage_locations": ["NL"]},
		"observed": {"resources": [
			{"country": "US", "region_status": "known", "kind": "storage_locations"},
			{"country": null, "region_status": "unresolved", "kind": "processing_locations"},
		]},
	}
	countries.locations(svc) == {
		{"country": "NL", "path": ["hosting", "storage_locations", 0], "field": "storage_locations"},
		{"country": "US", "path": ["observed", "resources", 0, "country"], "field": "storage_locations"},
	}
}
