package cloudbeleid.rules.cb26.prefer_sovereign_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.cb26.prefer_sovereign

svc(provider) := build.saas({"service": {"start_date": "2026-08-01"}, "provider": object.union({"name": "Contoso"}, provider)})

run(s) := violations if {
	violations := prefer_sovereign.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_us_provider_fails if {
	run(svc({"hq_country": "US", "ultimate_parent_country": "US", "subject_to_non_eu_law": ["US_CLOUD_ACT"], "seal_level": 1})) == {
		{"service": 0, "path": ["provider", "hq_country"], "kind": "default", "params": {"field": "provider.hq_country", "country": "US"}},
		{"service": 0, "path": ["provider", "ultimate_parent_country"], "kind": "default", "params": {"field": "provider.ultimate_parent_country", "country": "US"}},
		{"service": 0, "path": ["provider", "subject_to_non_eu_law"], "kind": "law", "params": {"laws": ["US_CLOUD_ACT"]}},
	}
}

test_european_provider_passes if {
	run(svc({"hq_country": "CH", "ultimate_parent_country": "NL"})) == set()
	run(svc({})) == set()
}

test_seal_3_provider_passes if {
	run(svc({"hq_country": "US", "seal_level": 3})) == set()
}

test_own_data_centre_is_not_a_subject if {
	prefer_sovereign.subject == set() with input.services as [{"service": {"deployment_model": "on_premise"}, "provider": {"name": "x", "hq_country": "US"}}]
		with input.as_of as "2026-11-28"
}

test_a_configured_seal_2_threshold_passes_seal_2_and_the_default_fails_it if {
	seal2 := svc({"hq_country": "US", "seal_level": 2})
	count(run(seal2)) > 0
	prefer_sovereign.deny == set() with input.services as [seal2]
		with input.as_of as "2026-11-28"
		with input.settings.sovereign_min_seal_level as 2
}
