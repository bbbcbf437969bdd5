package cloudbeleid.rules.cb26.critical_entity_non_eu_test

import data.cloudbeleid.rules.cb26.critical_entity_non_eu

svc(provider) := {
	"service": {"deployment_model": "public", "materieel": true, "materieel_reasons": ["primaire_taak"], "start_date": "2026-08-01"},
	"provider": object.union({"name": "Contoso"}, provider),
}

run(s, org) := violations if {
	violations := critical_entity_non_eu.deny with input.services as [s]
		with input.as_of as "2026-11-28"
		with input.organisation as org
}

essential := {"type": "ministerie", "cbw_entity": "essentieel"}

test_us_parent_and_us_law_fail if {
	run(svc({"hq_country": "IE", "ultimate_parent_country": "US", "subject_to_non_eu_law": ["US_FISA_702", "US_CLOUD_ACT"]}), essential) == {
		{"service": 0, "path": ["provider", "ultimate_parent_country"], "kind": "default", "params": {"field": "provider.ultimate_parent_country", "country": "US"}},
		{"service": 0, "path": ["provider", "subject_to_non_eu_law"], "kind": "law", "params": {"laws": ["US_CLOUD_ACT", "US_FISA_702"]}},
	}
}

test_swiss_provider_of_a_vital_provider_fails if {
	s := object.union(svc({"hq_country": "CH", "ultimate_parent_country": "NL", "subject_to_non_eu_law": []}), {"organisation": {"vitale_aanbieder": true}})
	run(s, {"type": "ministerie"}) == {{"service": 0, "path": ["provider", "hq_country"], "kind": "default", "params": {"field": "provider.hq_country", "country": "CH"}}}
}

test_european_provider_passes if {
	run(svc({"hq_country": "NL", "ultimate_parent_country": "DE", "subject_to_non_eu_law": []}), {"wwke_critical_entity": true}) == set()
}

test_unknown_non_eu_law_is_not_shown if {
	# unknown is not none: [] states that no non-European law applies
	run(svc({"hq_country": "NL", "ultimate_parent_country": "DE"}), essential) == {{
		"service": 0,
		"path": ["provider", "subject_to_non_eu_law"],
		"kind": "law_not_shown",
		"params": {},
	}}
}

test_profile_without_the_entity_facts_is_not_shown if {
	us := svc({"hq_country": "US", "ultimate_parent_country": "US"})
	run(us, {"type": "ministerie", "cbw_entity": "geen"}) == {{"service": 0, "path": ["organisation"], "kind": "not_shown", "params": {}}}
	run(us, {"type": "ministerie", "cbw_entity": "geen", "wwke_critical_entity": false, "vitale_aanbieder": false}) == set()
}

test_other_organisation_or_process_is_not_a_subject if {
	us := svc({"hq_country": "US"})
	critical_entity_non_eu.subject == set() with input.services as [us]
		with input.as_of as "2026-11-28"
		with input.organisation as {"type": "ministerie", "cbw_entity": "belangrijk", "wwke_critical_entity": false, "vitale_aanbieder": false}
	support := {"service": {"deployment_model": "public", "materieel": true, "materieel_reasons": ["belangrijk_ondersteunend"]}, "provider": {"name": "x", "hq_country": "US"}}
	critical_entity_non_eu.subject == set() with input.services as [support]
		with input.as_of as "2026-11-28"
		with input.organisation as essential
	flagged := {"service": {"deployment_model": "public", "materieel": true}, "provider": {"name": "x"}}
	critical_entity_non_eu.subject == {0} with input.services as [flagged]
		with input.as_of as "2026-11-28"
		with input.organisation as essential
	app := {"service": {"deployment_model": "public", "function": "primaire_applicatie"}, "provider": {"name": "x"}}
	critical_entity_non_eu.subject == {0} with input.services as [app]
		with input.as_of as "2026-11-28"
		with input.organisation as essential
}
