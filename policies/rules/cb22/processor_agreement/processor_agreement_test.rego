package cloudbeleid.rules.cb22.processor_agreement_test

import data.cloudbeleid.rules.cb22.processor_agreement

service(model, personal, contract) := {
	"service": {"deployment_model": model},
	"data": {"personal_data": personal},
	"contract": contract,
}

test_no_processor_agreement_fails if {
	processor_agreement.deny == {{
		"service": 0,
		"path": ["contract", "processor_agreement"],
		"kind": "default",
		"params": {},
	}} with input.services as [service("public", true, {"processor_agreement": false})]
}

test_missing_contract_with_special_categories_fails if {
	svc := {"service": {"deployment_model": "hybrid"}, "data": {"special_categories": ["biometric"]}}
	count(processor_agreement.deny) == 1 with input.services as [svc]
}

test_processor_agreement_passes if {
	services := [service("public", true, {"processor_agreement": true})]
	count(processor_agreement.deny) == 0 with input.services as services
	processor_agreement.subject == {0} with input.services as services
}

test_no_personal_data_or_no_public_cloud_is_not_a_subject if {
	services := [service("public", false, {}), service("on_premise", true, {})]
	count(processor_agreement.subject) == 0 with input.services as services
}
