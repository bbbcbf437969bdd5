package cloudbeleid.rules.cb26.risk_integral_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb26.risk_integral

all_aspects := ["continuity", "foreign_jurisdiction", "supplier_dependency", "subcontractors", "data_location", "audit"]

svc(assessment, facts) := {
	"service": {"deployment_model": "public", "materieel": true, "start_date": "2026-08-01"},
	"data": facts,
	"assessments": {"risk_assessment": assessment},
}

run(s) := violations if {
	violations := risk_integral.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_missing_assessment_and_classification_fail if {
	s := {"service": {"deployment_model": "public", "materieel": true}, "data": {"rubricering": "ongerubriceerd"}}
	run(s) == {
		{"service": 0, "path": ["assessments", "risk_assessment", "status"], "kind": "default", "params": {"status": service.unrecorded}},
		{"service": 0, "path": ["data", "biv"], "kind": "unclassified", "params": {}},
	}
}

test_wrong_method_and_missing_aspects_fail if {
	run(svc({"status": "approved", "method": "eigen", "aspects": ["continuity", "audit"]}, {"tbb_level": 4})) == {
		{"service": 0, "path": ["assessments", "risk_assessment", "method"], "kind": "method", "params": {"method": "eigen"}},
		{"service": 0, "path": ["assessments", "risk_assessment", "aspects"], "kind": "aspects", "params": {"missing": ["data_location", "foreign_jurisdiction", "subcontractors", "supplier_dependency"]}},
	}
}

test_draft_without_method_fails if {
	run(svc({"status": "draft", "aspects": all_aspects}, {"biv": {"vertrouwelijkheid": "midden"}})) == {
		{"service": 0, "path": ["assessments", "risk_assessment", "status"], "kind": "default", "params": {"status": "draft"}},
		{"service": 0, "path": ["assessments", "risk_assessment", "method"], "kind": "method", "params": {"method": service.unrecorded}},
	}
}

test_integral_assessment_passes if {
	run(svc({"status": "approved", "method": "cb26_integraal", "aspects": all_aspects}, {"tbb_level": 4})) == set()
	run(svc({"status": "approved", "method": "implementatiekader_2023", "aspects": all_aspects}, {"biv": {"integriteit": "hoog"}})) == set()
}

test_not_materieel_is_not_a_subject if {
	s := {"service": {"deployment_model": "public", "materieel": false}}
	risk_integral.subject == set() with input.services as [s]
		with input.as_of as "2026-11-28"
}
