package cloudbeleid.rules.cb26.email_docs_test

import data.cloudbeleid.rules.cb26.email_docs

svc(function, governance) := {"service": {"deployment_model": "hybrid", "function": function, "start_date": "2026-08-01"}, "governance": governance}

all_three := {"independent_continuity_finding": true, "risk_and_exit_tested": true, "minister_and_digitalisering_agreement": true}

run(s) := violations if {
	violations := email_docs.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_email_in_public_cloud_without_exception_fails if {
	run(svc("email", {})) == {{"service": 0, "path": ["service", "function"], "kind": "default", "params": {"function": "email", "model": "hybrid"}}}
}

test_a_document_management_system_in_public_cloud_without_exception_fails if {
	run(svc("document_management", {})) == {{"service": 0, "path": ["service", "function"], "kind": "default", "params": {"function": "document_management", "model": "hybrid"}}}
}

test_exception_missing_a_condition_fails if {
	exception := {"independent_continuity_finding": true, "risk_and_exit_tested": false}
	run(svc("werkplek", {"email_docs_exception": exception})) == {
		{"service": 0, "path": ["governance", "email_docs_exception", "risk_and_exit_tested"], "kind": "risk_and_exit_tested", "params": {}},
		{"service": 0, "path": ["governance", "email_docs_exception", "minister_and_digitalisering_agreement"], "kind": "minister_and_digitalisering_agreement", "params": {}},
	}
}

test_all_three_conditions_pass if {
	run(svc("document_storage", {"email_docs_exception": all_three})) == set()
}

test_no_function_is_not_shown if {
	s := {"service": {"deployment_model": "public", "start_date": "2026-08-01"}, "governance": {"email_docs_exception": all_three}}
	run(s) == {{"service": 0, "path": ["service", "function"], "kind": "not_shown", "params": {}}}
}

test_other_function_or_private_cloud_is_not_a_subject if {
	private := {"service": {"deployment_model": "private_external", "function": "email"}}
	email_docs.subject == set() with input.services as [svc("collaboration", {}), svc("case_management", {}), private]
		with input.as_of as "2026-11-28"
}
