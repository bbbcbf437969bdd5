package cloudbeleid.rules.cb22.ik_midden_test

import data.cloudbeleid.rules.cb22.ik_midden

all_iso := ["ISO27001", "ISO27017", "ISO27018"]

midden(certifications, hosting) := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "x", "certifications": certifications},
	"data": {"rubricering": "ongerubriceerd", "personal_data": true},
	"hosting": hosting,
}

eu := {"storage_locations": ["NL"], "processing_locations": ["DE"]}

run(svc) := violations if {
	violations := ik_midden.deny with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_missing_certifications_fail if {
	run(midden(["ISO27001"], eu)) == {
		{
			"service": 0,
			"path": ["provider", "certifications"],
			"kind": "certification",
			"params": {"certification": "ISO27017"},
		},
		{
			"service": 0,
			"path": ["provider", "certifications"],
			"kind": "certification",
			"params": {"certification": "ISO27018"},
		},
	}
}

test_location_outside_the_eer_without_scc_fails if {
	hosting := object.union(eu, {"telemetry_locations": ["US"], "transfer_mechanism": "none_needed"})
	run(midden(all_iso, hosting)) == {{
		"service": 0,
		"path": ["hosting", "telemetry_locations", 0],
		"kind": "default",
		"params": {"country": "US", "field": "telemetry_locations"},
	}}
}

test_eer_adequacy_scc_or_dpia_to_cio_rijk_pass if {
	count(run(midden(all_iso, {"storage_locations": ["NL", "CH"], "processing_locations": ["GB"]}))) == 0
	count(run(midden(all_iso, object.union(eu, {"support_access_locations": ["IN"], "transfer_mechanism": "scc"})))) == 0
	sent := object.union(midden(all_iso, {"storage_locations": ["US"], "processing_locations": ["US"]}), {"governance": {"explain_sent_to_cio_rijk_on": "2025-12-01"}})
	count(run(sent)) == 0
	ik_midden.subject == {0} with input.services as [sent]
}

test_other_categories_or_private_cloud_are_not_subjects if {
	hoog := object.union(midden(all_iso, eu), {"data": {"rubricering": "dep_vertrouwelijk"}})
	laag := object.union(midden(all_iso, eu), {"data": {"personal_data": false, "biv": {"vertrouwelijkheid": "laag"}}})
	private := object.union(midden(all_iso, eu), {"service": {"deployment_model": "private_external"}})
	count(ik_midden.subject) == 0 with input.services as [hoog, laag, private]
}
