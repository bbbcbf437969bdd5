package cloudbeleid.lib.countries_test

import data.cloudbeleid.lib.countries

test_eer_is_eu_plus_iceland_liechtenstein_norway if {
	count(countries.eer) == 30
	"NO" in countries.eer
	not "CH" in countries.eer
	not "GB" in countries.eer
}

test_adequacy_covers_switzerland_but_us_only_with_dpf if {
	countries.eer_or_adequate("CH", {})
	countries.eer_or_adequate("NL", {})
	not countries.eer_or_adequate("US", {})
	not countries.eer_or_adequate("US", {"dpf_certified": false})
	countries.eer_or_adequate("US", {"dpf_certified": true})
	not countries.eer_or_adequate("IN", {"dpf_certified": true})
}

test_adequate_for_holds_what_eer_or_adequate_holds if {
	certified := [{}, {"dpf_certified": false}, {"dpf_certified": true}, {"dpf_certified": "true"}]
	every code in {"NL", "NO", "CH", "GB", "JP", "US", "IN", "CN", "XX"} | countries.adequacy_if_dpf_certified {
		every provider in certified {
			held := code in countries.adequate_for(provider)
			held == is_adequate(code, provider)
		}
	}
}

default is_adequate(_, _) := false

is_adequate(country, provider) if countries.eer_or_adequate(country, provider)

test_locations_cover_hosting_fields_and_subprocessors if {
	svc := {
		"hosting": {"storage_locations": ["NL", "IE"], "support_access_locations": ["US"]},
		"provider": {"subprocessors": [{"name": "x", "country": "IN"}]},
	}
	countries.locations(svc) == {
		{"country": "NL", "path": ["hosting", "storage_locations", 0], "field": "storage_locations"},
		{"country": "IE", "path": ["hosting", "storage_locations", 1], "field": "storage_locations"},
		{"country": "US", "path": ["hosting", "support_access_locations", 0], "field": "support_access_locations"},
		{"country": "IN", "path": ["provider", "subprocessors", 0, "country"], "field": "subprocessors"},
	}
}

test_configuration_overrides_a_list if {
	countries.c2000_excluded == {"CN", "IR", "KP", "RU"}
	countries.c2000_excluded == {"XX"} with input.settings.reference_data.c2000_excluded as ["XX"]
	countries.eer == {"NL"} with input.settings.reference_data.eer as ["NL"]
	"CH" in countries.eer_plus_ch
	not "BQ" in countries.eer_plus_ch
}
