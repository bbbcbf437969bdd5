package cloudbeleid.rules.bio2.audit_rights_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.bio2.audit_rights

saas(contract) := build.saas({"contract": contract})

test_contract_without_audit_rights_fails if {
	audit_rights.deny == {{
		"service": 0,
		"path": ["contract", "audit_rights"],
		"kind": "default",
		"params": {},
	}} with input.services as [saas({"audit_rights": false})]
}

test_missing_contract_fails if {
	audit_rights.deny == {{
		"service": 0,
		"path": ["contract", "audit_rights"],
		"kind": "default",
		"params": {},
	}} with input.services as [{"service": {"deployment_model": "community"}}]
}

test_audit_rights_pass if {
	audit_rights.deny == set() with input.services as [saas({"audit_rights": true})]
	audit_rights.subject == {0} with input.services as [saas({"audit_rights": true})]
}

test_government_data_centre_is_not_a_subject if {
	audit_rights.subject == set() with input.services as [{"service": {"deployment_model": "government_dc"}}]
}
