package cloudbeleid.rules.data_act.switching_terms_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.data_act.switching_terms

saas(terms) := build.saas({"contract": {"data_act": terms}})

good := {"switching_clause": true, "notice_period_months": 2, "data_retrieval_days": 30}

fail(kind, field, params) := {
	"service": 0,
	"path": ["contract", "data_act", field],
	"kind": kind,
	"params": params,
}

test_nothing_agreed_fails_once if {
	switching_terms.deny == {fail("default", "switching_clause", {})} with input.services as [{"service": {"deployment_model": "private_external"}}]
}

test_a_clause_without_its_terms_fails_on_each_term if {
	switching_terms.deny == {
		fail("notice_unknown", "notice_period_months", {}),
		fail("retrieval_unknown", "data_retrieval_days", {}),
	} with input.services as [saas({"switching_clause": true})]
}

test_a_long_notice_and_a_short_retrieval_fail if {
	svc := saas(object.union(good, {"notice_period_months": 3, "data_retrieval_days": 14}))
	switching_terms.deny == {
		fail("notice", "notice_period_months", {"months": 3}),
		fail("retrieval", "data_retrieval_days", {"days": 14}),
	} with input.services as [svc]
}

test_the_limits_themselves_pass if {
	switching_terms.deny == set() with input.services as [saas(good)]
	switching_terms.deny == set() with input.services as [saas(object.union(good, {"notice_period_months": 0, "data_retrieval_days": 90}))]
	switching_terms.subject == {0} with input.services as [saas(good)]
}

test_own_systems_are_not_subjects if {
	count(switching_terms.subject) == 0 with input.services as [{"service": {"deployment_model": "government_dc"}}]
}
