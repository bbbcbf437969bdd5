package cloudbeleid.rules.cb22.risk_method_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.risk_method

public_service(assessment) := {
	"service": {"deployment_model": "public"},
	"assessments": {"risk_assessment": assessment},
}

test_bio2_method_fails if {
	risk_method.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "method"],
		"kind": "default",
		"params": {"method": "bio2"},
	}} with input.services as [public_service({"status": "approved", "method": "bio2"})]
}

test_missing_method_fails if {
	risk_method.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "method"],
		"kind": "default",
		"params": {"method": service.unrecorded},
	}} with input.services as [public_service({"status": "draft"})]
}

test_implementatiekader_and_its_successor_pass if {
	services := [
		public_service({"status": "approved", "method": "implementatiekader_2023"}),
		public_service({"status": "approved", "method": "cb26_integraal"}),
	]
	count(risk_method.deny) == 0 with input.services as services
	risk_method.subject == {0, 1} with input.services as services
}

test_no_public_cloud_is_not_a_subject if {
	services := [object.union(public_service({"method": "eigen"}), {"service": {"deployment_model": "private_external"}})]
	count(risk_method.subject) == 0 with input.services as services
}

test_no_assessment_is_not_shown if {
	risk_method.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment"],
		"kind": "not_shown",
		"params": {},
	}} with input.services as [{"service": {"deployment_model": "public"}}]
}
