package cloudbeleid.main_test

import data.cloudbeleid.main

public_state_secret := {"service": {"deployment_model": "public"}, "data": {"rubricering": "stg_geheim"}}

test_report_names_the_rule_and_keeps_subjects_per_rule if {
	report := main.report with input as {"as_of": "2026-01-01", "settings": {"rules": ["cb22.no_state_secrets"]}, "services": [public_state_secret]}
	report.subjects["cb22.no_state_secrets"] == {0}
	some violation in report.violations
	violation.rule == "cb22.no_state_secrets"
	violation.service == 0
}

test_only_the_named_rules_are_evaluated if {
	report := main.report with input as {"as_of": "2026-01-01", "settings": {"rules": ["kaderwet_zbo.art41_security"]}, "services": [public_state_secret]}
	every violation in report.violations {
		violation.rule == "kaderwet_zbo.art41_security"
	}
	object.keys(report.subjects) == {"kaderwet_zbo.art41_security"}
}

test_an_unknown_rule_has_no_subjects if {
	report := main.report with input as {"as_of": "2026-01-01", "settings": {"rules": ["cb22.no_such_rule"]}, "services": [public_state_secret]}
	count(report.violations) == 0
	not report.subjects["cb22.no_such_rule"]
}
