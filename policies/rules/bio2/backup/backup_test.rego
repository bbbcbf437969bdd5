package cloudbeleid.rules.bio2.backup_test

import data.cloudbeleid.rules.bio2.backup

complete := {
	"service": {"deployment_model": "public"},
	"hosting": {"storage_locations": ["NL"], "backup_locations": ["NL"]},
	"exit": {"backup_outside_provider": true},
	"continuity": {"backup_policy": true, "rpo_rto_defined": true, "restore_tested_on": "2026-01-15"},
}

run(svc) := violations if {
	violations := backup.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
		with input.settings.supplier_review_max_age_months as 12
}

test_nothing_arranged_fails_on_every_part if {
	run({"service": {"deployment_model": "community"}}) == {
		{
			"service": 0,
			"path": ["continuity", "backup_policy"],
			"kind": "backup_policy",
			"params": {"field": "continuity.backup_policy"},
		},
		{
			"service": 0,
			"path": ["continuity", "rpo_rto_defined"],
			"kind": "rpo_rto",
			"params": {"field": "continuity.rpo_rto_defined"},
		},
		{
			"service": 0,
			"path": ["continuity", "backup_location_independent"],
			"kind": "separate_location",
			"params": {},
		},
		{
			"service": 0,
			"path": ["continuity", "restore_tested_on"],
			"kind": "restore_untested",
			"params": {},
		},
	}
}

test_backup_only_where_the_data_are_fails if {
	svc := object.union(complete, {"exit": {"backup_outside_provider": false}, "hosting": {"backup_locations": ["NL"]}})
	run(svc) == {{
		"service": 0,
		"path": ["continuity", "backup_location_independent"],
		"kind": "separate_location",
		"params": {},
	}}
}

test_backup_in_another_country_passes if {
	svc := object.union(complete, {"exit": {"backup_outside_provider": false}, "hosting": {"backup_locations": ["NL", "DE"]}})
	run(svc) == set()
}

test_stale_and_future_restore_tests_fail if {
	run(object.union(complete, {"continuity": {"restore_tested_on": "2025-06-01"}})) == {{
		"service": 0,
		"path": ["continuity", "restore_tested_on"],
		"kind": "restore_stale",
		"params": {"date": "2025-06-01", "as_of": "2026-06-30", "months": 12},
	}}
	run(object.union(complete, {"continuity": {"restore_tested_on": "2026-07-01"}})) == {{
		"service": 0,
		"path": ["continuity", "restore_tested_on"],
		"kind": "restore_future",
		"params": {"date": "2026-07-01", "as_of": "2026-06-30", "months": 12},
	}}
}

test_complete_backup_passes if {
	run(complete) == set()
	backup.subject == {0} with input.services as [complete]
}

test_two_independent_locations_in_one_country_pass if {
	# 8.13.03 asks independence of the locations, not another country or provider
	svc := object.union(complete, {
		"exit": {"backup_outside_provider": false},
		"continuity": {"backup_location_independent": true},
	})
	run(svc) == set()
}

test_a_restore_test_before_a_major_change_fails if {
	svc := object.union(complete, {"service": {"last_significant_change": "2026-03-01"}})
	run(svc) == {{
		"service": 0,
		"path": ["continuity", "restore_tested_on"],
		"kind": "restore_before_change",
		"params": {"date": "2026-01-15", "change": "2026-03-01"},
	}}
}

test_a_restore_test_after_the_change_passes if {
	svc := object.union(complete, {"service": {"last_significant_change": "2026-01-01"}})
	run(svc) == set()
}

test_an_own_data_centre_is_a_subject_and_fails_without_backup if {
	svc := object.union(complete, {"service": {"deployment_model": "on_premise"}, "exit": {"backup_outside_provider": false}})
	backup.subject == {0} with input.services as [svc]
	count(run(svc)) == 1
}

test_a_service_in_use_without_its_last_change_is_not_shown if {
	# unknown is not "no change": a restore test after a major change cannot be shown
	svc := object.union(complete, {"service": {"status": "exiting"}, "continuity": {"backup_policy": true, "rpo_rto_defined": true, "restore_tested_on": "2026-01-15"}})
	run(svc) == {{"service": 0, "path": ["service", "last_significant_change"], "kind": "not_shown", "params": {}}}
	run(object.union(svc, {"service": {"last_significant_change": "2026-01-01"}})) == set()
}
