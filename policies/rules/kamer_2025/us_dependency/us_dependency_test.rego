package cloudbeleid.rules.kamer_2025.us_dependency_test

import data.cloudbeleid.rules.kamer_2025.us_dependency

us_saas(exit) := {
	"service": {"deployment_model": "public", "materieel": true},
	"provider": {"name": "Contoso", "hq_country": "IE", "ultimate_parent_country": "US", "subject_to_non_eu_law": ["US_FISA_702", "CN_NATIONAL_INTELLIGENCE_LAW", "US_CLOUD_ACT"]},
	"exit": exit,
}

mitigated := {"backup_outside_provider": true, "plan": {"scenarios": ["planned_exit", "sudden_outage"], "self_tested_on": "2026-03-01"}}

ties := ["provider.ultimate_parent_country", "US_CLOUD_ACT", "US_FISA_702"]

run(svc) := violations if {
	violations := us_dependency.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
}

test_no_backup_and_no_outage_plan_fail if {
	run(us_saas({"plan": {"scenarios": ["planned_exit"]}})) == {
		{
			"service": 0,
			"path": ["exit", "backup_outside_provider"],
			"kind": "default",
			"params": {"ties": ties},
		},
		{
			"service": 0,
			"path": ["exit", "plan", "scenarios"],
			"kind": "no_outage_scenario",
			"params": {"ties": ties},
		},
	}
}

test_untested_outage_plan_fails if {
	svc := us_saas({"backup_outside_provider": true, "plan": {"scenarios": ["sudden_outage"], "self_tested_on": "2026-07-01"}})
	run(svc) == {{
		"service": 0,
		"path": ["exit", "plan", "self_tested_on"],
		"kind": "outage_untested",
		"params": {"ties": ties},
	}}
}

test_backup_and_tested_outage_plan_pass if {
	run(us_saas(mitigated)) == set()
	us_dependency.subject == {0} with input.services as [us_saas(mitigated)]
}

test_us_headquarters_alone_is_a_tie_and_fails if {
	svc := {
		"service": {"deployment_model": "private_external", "materieel_reasons": ["primaire_taak"]},
		"provider": {"name": "Contoso", "hq_country": "US"},
		"exit": {"plan": {"scenarios": ["sudden_outage"], "self_tested_on": "2026-01-01"}},
	}
	run(svc) == {{
		"service": 0,
		"path": ["exit", "backup_outside_provider"],
		"kind": "default",
		"params": {"ties": ["provider.hq_country"]},
	}}
}

test_european_or_not_materieel_services_are_not_subjects if {
	european := {"service": {"deployment_model": "public", "materieel": true}, "provider": {"name": "EU", "hq_country": "NL", "ultimate_parent_country": "NL", "subject_to_non_eu_law": ["OTHER"]}}
	not_materieel := object.union(us_saas({}), {"service": {"materieel": false}})
	us_dependency.subject == set() with input.services as [european, not_materieel]
}
