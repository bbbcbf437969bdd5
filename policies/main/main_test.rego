package cloudbeleid.main_test

import data.cloudbeleid.main

public_state_secret := {"service": {"deployment_model": "public"}, "data": {"rubricering": "stg_geheim"}}

test_report_names_the_rule_and_keeps_subjects_per_rule if {
	report := main.report with input as {"as_of": "2026-01-01", "settings": {"packs": ["cb22"]}, "services": [public_state_secret]}
	some violation in report.violations
	violation.rule == "cb22.no_state_secrets"
	violation.service == 0
	report.subjects["cb22.no_state_secrets"] == {0}
}

test_only_enabled_packs_are_evaluated if {
	report := main.report with input as {"as_of": "2026-01-01", "settings": {"packs": ["kaderwet_zbo"]}, "services": [public_state_secret]}
	every violation in report.violations {
		startswith(violation.rule, "kaderwet_zbo.")
	}
	not report.subjects["cb22.no_state_secrets"]
}
