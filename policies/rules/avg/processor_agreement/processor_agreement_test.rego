package cloudbeleid.rules.avg.processor_agreement_test

import data.cloudbeleid.rules.avg.processor_agreement

service(model, agreement) := {
	"service": {"deployment_model": model},
	"data": {"personal_data": true},
	"contract": {"processor_agreement": agreement},
}

violation := {
	"service": 0,
	"path": ["contract", "processor_agreement"],
	"kind": "default",
	"params": {},
}

test_public_cloud_without_agreement_fails if {
	processor_agreement.deny == {violation} with input.services as [service("public", false)]
}

test_private_cloud_of_a_supplier_without_contract_fails if {
	svc := {"service": {"deployment_model": "private_external"}, "data": {"special_categories": ["health"]}}
	processor_agreement.deny == {violation} with input.services as [svc]
}

test_agreement_passes if {
	count(processor_agreement.deny) == 0 with input.services as [service("community", true)]
	processor_agreement.subject == {0} with input.services as [service("community", true)]
}

test_own_operation_and_no_personal_data_are_not_a_subject if {
	svcs := [
		service("on_premise", false),
		service("government_dc", false),
		{"service": {"deployment_model": "public"}, "data": {"personal_data": false}},
	]
	count(processor_agreement.subject) == 0 with input.services as svcs
	count(processor_agreement.deny) == 0 with input.services as svcs
}
