package cloudbeleid.rules.kaderwet_zbo.art41_security_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.kaderwet_zbo.art41_security

with_risk_assessment(assessment) := {"assessments": {"risk_assessment": assessment}}

test_missing_risk_assessment_fails if {
	art41_security.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded},
	}} with input.services as [{}]
}

test_own_method_fails if {
	svc := with_risk_assessment({"status": "approved", "method": "eigen"})
	art41_security.deny == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "method"],
		"kind": "method",
		"params": {"method": "eigen"},
	}} with input.services as [svc]
}

test_approved_bio2_assessment_passes if {
	svc := with_risk_assessment({"status": "approved", "method": "bio2"})
	count(art41_security.deny) == 0 with input.services as [svc]
}
